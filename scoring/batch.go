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
// in the stream, in stream order, from one goroutine at a time. At most a
// few inputs per core are in flight, so memory stays bounded however long
// the stream. AssessEach stops at the first error from next or emit, or
// when ctx is cancelled, and returns that error.
func (s *Scorer) AssessEach(ctx context.Context, next func() (Input, error), asOf time.Time, emit func(int, Result) error) error {
	if s == nil || s.l == nil {
		return ErrNotCompiled
	}
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		n  int
		in Input
	}
	type done struct {
		n   int
		res Result
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, workers)
	results := make(chan done, workers)
	var readErr error
	go func() {
		defer close(jobs)
		for n := 0; ; n++ {
			in, err := next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
					cancel()
				}
				return
			}
			select {
			case jobs <- job{n, in}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue // drain without work
				}
				select {
				case results <- done{j.n, s.Assess(j.in, asOf)}:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	// Emit in order, holding back results that arrive early. With at most
	// 2·workers jobs in flight, the hold-back stays small.
	pending := map[int]Result{}
	want := 0
	var emitErr error
	for d := range results {
		if emitErr != nil {
			continue
		}
		pending[d.n] = d.res
		for {
			r, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			if err := emit(want, r); err != nil {
				emitErr = err
				cancel()
				break
			}
			want++
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

// AssessJSONLines assesses every person of a JSON Lines stream on every
// core and hands the results to emit in stream order. A person whose lines
// have problems is handed to invalid with the diagnostics (and the Input
// holding only the person's id) and skipped; the stream goes on. An error
// from emit or invalid, a read error or the cancellation of ctx stops it.
// Memory stays bounded by a few people per core, however long the stream.
func (s *Scorer) AssessJSONLines(ctx context.Context, jr *JSONLinesReader, asOf time.Time,
	emit func(Result) error, invalid func(Input, ladder.Diagnostics) error) error {
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
	return s.AssessEach(ctx, next, asOf, func(_ int, r Result) error { return emit(r) })
}
