package scoring

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/careerladder/careerladder/ladder"
)

// AssessAll assesses many people against s on every core and returns their
// results in the order of ins. It stops early when ctx is cancelled and
// then returns ctx's error with the results finished so far (the others are
// zero). One Scorer serves all workers; nothing else is shared.
func (s *Scorer) AssessAll(ctx context.Context, ins []Input, asOf time.Time) ([]Result, error) {
	out := make([]Result, len(ins))
	i := 0
	err := s.AssessEach(ctx, func() (Input, error) {
		if i == len(ins) {
			return Input{}, io.EOF
		}
		i++
		return ins[i-1], nil
	}, asOf, func(n int, r Result) error {
		out[n] = r
		return nil
	})
	return out, err
}

// AssessEach assesses a stream of people on every core: next yields inputs
// until it returns io.EOF, and emit receives each result with its position
// in the stream, in stream order, from one goroutine at a time. Inputs
// gather in a queue while every core is busy, and a core takes up to
// batchSize of them at once, so that handing work over costs little beside
// the work; an idle core takes what has gathered at once, so a slow stream
// is not held up. At most a few batches per core are in flight, so memory
// stays bounded however long the stream. AssessEach stops at the first
// error from next or emit, or when ctx is cancelled, and returns that
// error.
func (s *Scorer) AssessEach(ctx context.Context, next func() (Input, error), asOf time.Time, emit func(int, Result) error) error {
	return s.each(ctx, next, asOf, false, func(n int, r *Result) error { return emit(n, *r) })
}

// AssessStream is [Scorer.AssessEach] for results that are used up as
// they come (written out, summed up): emit receives each result by
// pointer, valid only until emit returns, and its memory then serves a
// later person (see [Scorer.AssessInto]). Past the first few batches,
// assessing a person allocates little more than the texts of its gaps, so
// the garbage collector has next to nothing to do; the memory of a result
// of more than about 2,000 items is not kept, so that a few large people do
// not leave every buffer of the stream at their size. To keep a result, or
// any slice in it, beyond emit, copy it out or use AssessEach; strings in
// a result stay valid.
func (s *Scorer) AssessStream(ctx context.Context, next func() (Input, error), asOf time.Time, emit func(int, *Result) error) error {
	return s.each(ctx, next, asOf, true, emit)
}

// A batch is the people a core takes at once, with their results; when
// the results reuse their memory, the batch goes back to the workers once
// its results are emitted.
type batch struct {
	n    int // the position of the first person
	ins  []Input
	res  []Result       // the results when fresh
	bufs []ResultBuffer // the results when reused
}

// result returns the i-th result of b.
func (b *batch) result(i int) *Result {
	if b.bufs != nil {
		return &b.bufs[i].res
	}
	return &b.res[i]
}

// each is AssessEach and AssessStream: reuse says whether the results'
// memory is reused after emit.
func (s *Scorer) each(ctx context.Context, next func() (Input, error), asOf time.Time, reuse bool, emit func(int, *Result) error) error {
	if s == nil || s.l == nil {
		return ErrNotCompiled
	}
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
		array  = make([]Input, limit)
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
	// Batches whose results have been emitted, for reuse.
	free := make(chan *batch, 4*workers)
	var readErr error
	go func() {
		defer func() {
			mu.Lock()
			closed = true
			cond.Broadcast()
			mu.Unlock()
		}()
		for {
			in, err := next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
					cancel()
				}
				return
			}
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
			queue = append(queue, in)
			cond.Broadcast()
			mu.Unlock()
		}
	}()
	var wg sync.WaitGroup
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
					b = &batch{}
				}
				k := min(len(queue), batchSize)
				b.n, b.ins = first, append(b.ins[:0], queue[:k]...)
				clear(queue[:k]) // the inputs are the caller's
				queue, first = queue[k:], first+k
				cond.Broadcast()
				mu.Unlock()
				if reuse {
					if b.bufs == nil {
						b.bufs = make([]ResultBuffer, batchSize)
					}
					b.bufs = b.bufs[:k]
				} else {
					b.res = make([]Result, k)
				}
				for i, in := range b.ins {
					if ctx.Err() != nil {
						return
					}
					if reuse {
						s.AssessInto(&b.bufs[i], in, asOf)
					} else {
						b.res[i] = s.Assess(in, asOf)
					}
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
	// Emit in order, holding back batches that arrive early. With at most
	// 2·workers batches in flight, the hold-back stays small.
	pending := map[int]*batch{}
	want := 0
	var emitErr error
	for d := range results {
		if emitErr != nil {
			continue
		}
		pending[d.n] = d
		for emitErr == nil {
			b, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			for i := range b.ins {
				if err := emit(want, b.result(i)); err != nil {
					emitErr = err
					cancel()
					break
				}
				want++
			}
			clear(b.ins) // the inputs are the caller's
			if reuse {
				all := b.bufs[:cap(b.bufs)] // those of earlier, fuller batches too
				for i := range all {
					if all[i].mem.bytes() > maxKept {
						all[i].Reset()
					}
				}
				select {
				case free <- b:
				default:
				}
			}
		}
	}
	switch {
	case emitErr != nil:
		return emitErr
	case readErr != nil:
		return readErr
	}
	return context.Cause(ctx)
}

// batchSize is the most people AssessEach hands a core at once.
const batchSize = 16

// AssessJSONLines assesses every person of a JSON Lines stream on every
// core and hands the results to emit in stream order, as
// [Scorer.AssessStream] does: each result is valid until emit returns, and
// its memory then serves a later person. A person whose lines have
// problems is handed to invalid with the diagnostics (and the Input
// holding only the person's id) and skipped; the stream goes on. An error
// from emit or invalid, a read error or the cancellation of ctx stops it.
// Memory stays bounded by a few people per core, however long the stream.
func (s *Scorer) AssessJSONLines(ctx context.Context, jr *JSONLinesReader, asOf time.Time,
	emit func(*Result) error, invalid func(Input, ladder.Diagnostics) error) error {
	if jr == nil {
		return ladder.ErrNilArgument
	}
	next := func() (Input, error) {
		for {
			in, err := jr.Next()
			var ds ladder.Diagnostics
			if errors.As(err, &ds) {
				if invalid != nil {
					if err := invalid(in, ds); err != nil {
						return Input{}, err
					}
				}
				continue
			}
			return in, err
		}
	}
	return s.AssessStream(ctx, next, asOf, func(_ int, r *Result) error { return emit(r) })
}
