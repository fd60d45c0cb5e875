package scoring

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
)

// AssessAll assesses a sequence of people on every core and yields their
// results in order. Each result is lent as by [Scorer.AssessInto]: valid
// until the next iteration, its strings for good; copy out what is kept.
// Memory stays bounded by a few people per core however long the stream.
//
// An error that people yields beside an input (a person whose lines have
// problems, say) is yielded in that person's place, with a result holding
// only the ladder, the person and the day, and the sequence goes on.
// Cancelling ctx yields its error once and ends the sequence; breaking out
// of the loop stops the work. Misuse yields one error wrapping
// ladder.ErrNilArgument. people is ranged over once, on another goroutine;
// a panic there is raised again in the loop's goroutine.
func (s *Scorer) AssessAll(ctx context.Context, people iter.Seq2[evidence.Input, error], asOf evidence.Date) iter.Seq2[*Result, error] {
	return func(yield func(*Result, error) bool) {
		err := s.usable(asOf)
		switch {
		case err != nil:
		case ctx == nil:
			err = fmt.Errorf("scoring: assess: nil context: %w", ladder.ErrNilArgument)
		case people == nil:
			err = fmt.Errorf("scoring: assess: nil sequence of people: %w", ladder.ErrNilArgument)
		}
		if err != nil {
			yield(nil, err)
			return
		}
		s.all(ctx, people, asOf, yield)
	}
}

// usable reports misuse of s and asOf.
func (s *Scorer) usable(asOf evidence.Date) error {
	switch {
	case s == nil || s.l == nil:
		return fmt.Errorf("scoring: assess: a Scorer not made by Compile: %w", ladder.ErrNilArgument)
	case asOf.IsZero():
		return fmt.Errorf("scoring: assess: zero as-of day: %w", ladder.ErrNilArgument)
	case !asOf.Valid():
		return fmt.Errorf("scoring: assess: as-of day %d-%d-%d is not a day of the calendar: %w", asOf.Year, asOf.Month, asOf.Day, ladder.ErrNilArgument)
	}
	return nil
}

// A person is one input of the sequence, or the error yielded in its
// place.
type person struct {
	in  evidence.Input
	err error
}

// A batch is the people a core takes at once, with their results; once
// its results have been yielded, it goes back to the workers with its
// memory.
type batch struct {
	n    int // the position of the first person
	ins  []person
	bufs []ResultBuffer
}

// batchSize is the most people a core takes at once: enough that handing
// work over costs little beside the work.
const batchSize = 16

// all is AssessAll once its arguments are checked.
func (s *Scorer) all(ctx context.Context, people iter.Seq2[evidence.Input, error], asOf evidence.Date, yield func(*Result, error) bool) {
	workers := runtime.GOMAXPROCS(0)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The inputs read and not yet taken, shared by the reader and the
	// workers: a worker takes up to batchSize of them at once, whatever
	// has gathered, so a slow stream is not held up; the reader waits
	// while the queue is full. The queue lives in one array of limit
	// inputs: taking moves its start forward, and when its end reaches
	// the array's, the rest moves back to the array's start.
	limit := batchSize * workers
	var (
		mu     sync.Mutex
		cond   = sync.NewCond(&mu)
		array  = make([]person, limit)
		queue  = array[:0]
		first  int // the position of queue[0]
		closed bool
	)
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		cond.Broadcast()
		mu.Unlock()
	})
	defer stop()
	results := make(chan *batch, workers)
	free := make(chan *batch, 4*workers) // batches yielded, for reuse
	var panicked any                     // a panic of people, raised again below
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if p := recover(); p != nil {
				panicked = p
				cancel()
			}
			mu.Lock()
			closed = true
			cond.Broadcast()
			mu.Unlock()
		}()
		for in, err := range people {
			mu.Lock()
			for len(queue) >= limit && ctx.Err() == nil {
				cond.Wait()
			}
			if ctx.Err() != nil {
				mu.Unlock()
				return
			}
			if len(queue) == cap(queue) {
				queue = array[:copy(array, queue)]
			}
			queue = append(queue, person{in, err})
			cond.Broadcast()
			mu.Unlock()
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				for len(queue) == 0 && !closed && ctx.Err() == nil {
					cond.Wait()
				}
				if len(queue) == 0 || ctx.Err() != nil {
					mu.Unlock()
					return
				}
				var b *batch
				select {
				case b = <-free:
				default:
					b = &batch{bufs: make([]ResultBuffer, batchSize)}
				}
				k := min(len(queue), batchSize)
				b.n, b.ins = first, append(b.ins[:0], queue[:k]...)
				clear(queue[:k]) // the inputs are the caller's
				queue, first = queue[k:], first+k
				cond.Broadcast()
				mu.Unlock()
				for i, p := range b.ins {
					if ctx.Err() != nil {
						return
					}
					if p.err != nil {
						b.bufs[i].res = Result{Ladder: s.l.ID, Person: p.in.Person, AsOf: asOf}
						continue
					}
					s.assessInto(&b.bufs[i], p.in, asOf)
				}
				select {
				case results <- b:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	// Yield in order, holding back batches that arrive early. With at most
	// 2·workers batches in flight, the hold-back stays small.
	pending := map[int]*batch{}
	want, done := 0, false
	for b := range results {
		if done {
			continue // draining, so that every goroutine ends
		}
		pending[b.n] = b
		for !done {
			b, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			for i, p := range b.ins {
				if !yield(&b.bufs[i].res, p.err) {
					done = true
					cancel()
					break
				}
				want++
			}
			clear(b.ins) // the inputs are the caller's
			for i := range b.bufs {
				if b.bufs[i].mem.bytes() > maxKept {
					b.bufs[i].Reset()
				}
			}
			select {
			case free <- b:
			default:
			}
		}
	}
	if panicked != nil {
		panic(panicked)
	}
	if !done && ctx.Err() != nil {
		yield(nil, context.Cause(ctx))
	}
}
