package scoring_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// randomPeople returns n random inputs of fewer than items items each,
// for people named p0, p1, ...
func randomPeople(s *scoring.Scorer, n, items int, seed uint64) []scoring.Input {
	rng := rand.New(rand.NewPCG(seed, seed+2))
	ins := make([]scoring.Input, n)
	for i := range ins {
		ins[i] = randomInput(rng, s, rng.IntN(items))
		ins[i].Person = fmt.Sprint("p", i)
	}
	return ins
}

func TestAssessAllMatchesAssess(t *testing.T) {
	s := compile(t, "cto.yaml")
	ins := randomPeople(s, 50, 80, 29)
	got, err := s.AssessAll(context.Background(), ins, asOf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ins {
		if !bytes.Equal(jsonOf(t, got[i]), jsonOf(t, s.Assess(ins[i], asOf))) {
			t.Fatalf("result %d differs from Assess", i)
		}
	}
	if res, err := s.AssessAll(context.Background(), nil, asOf); err != nil || len(res) != 0 {
		t.Errorf("no inputs: %v %v", res, err)
	}
}

func TestAssessEachStops(t *testing.T) {
	s := compile(t, "cto.yaml")
	rng := rand.New(rand.NewPCG(37, 41))
	in := randomInput(rng, s, 20)

	// Cancellation: the stream never ends, cancel after ten results.
	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	err := s.AssessEach(ctx, func() (scoring.Input, error) { return in, nil }, asOf, func(n int, r scoring.Result) error {
		if n != seen {
			t.Errorf("result %d out of order, want %d", n, seen)
		}
		seen++
		if seen == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || seen < 10 {
		t.Errorf("after cancel: %v, %d results", err, seen)
	}

	// An error from emit stops the stream and is returned.
	stop := errors.New("enough")
	err = s.AssessEach(context.Background(), func() (scoring.Input, error) { return in, nil }, asOf, func(n int, r scoring.Result) error {
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("emit error: %v", err)
	}

	// An error from next is returned; io.EOF ends the stream cleanly.
	bad := errors.New("bad input")
	calls := 0
	err = s.AssessEach(context.Background(), func() (scoring.Input, error) {
		calls++
		if calls > 5 {
			return scoring.Input{}, bad
		}
		return in, nil
	}, asOf, func(int, scoring.Result) error { return nil })
	if !errors.Is(err, bad) {
		t.Errorf("next error: %v", err)
	}
	if err := (*scoring.Scorer)(nil).AssessEach(context.Background(), func() (scoring.Input, error) { return scoring.Input{}, io.EOF }, asOf, nil); !errors.Is(err, scoring.ErrNotCompiled) {
		t.Errorf("nil scorer: %v", err)
	}
}

// TestAssessStream checks that AssessStream emits, in order, what Assess
// gives for each person, though the results' memory passes from batch to
// batch (or, for the largest, is let go); under the race detector it also
// checks that no worker writes a result while emit reads it.
func TestAssessStream(t *testing.T) {
	s := compile(t, "cto.yaml")
	ins := randomPeople(s, 300, 120, 43)
	// A few people with many items, whose memory is not kept.
	rng := rand.New(rand.NewPCG(61, 67))
	for _, i := range []int{17, 18, 150} {
		ins[i] = randomInput(rng, s, 3000+rng.IntN(2000))
		ins[i].Person = fmt.Sprint("p", i)
	}
	stream := func() func() (scoring.Input, error) {
		i := 0
		return func() (scoring.Input, error) {
			if i == len(ins) {
				return scoring.Input{}, io.EOF
			}
			i++
			return ins[i-1], nil
		}
	}
	seen := 0
	err := s.AssessStream(context.Background(), stream(), asOf, func(n int, r *scoring.Result) error {
		if n != seen {
			return fmt.Errorf("result %d out of order, want %d", n, seen)
		}
		seen++
		if want := s.Assess(ins[n], asOf); !reflect.DeepEqual(*r, want) {
			return fmt.Errorf("result %d differs from Assess:\n%s", n, cmp.Diff(want, *r))
		}
		return nil
	})
	if err != nil || seen != len(ins) {
		t.Fatalf("%v after %d results", err, seen)
	}

	stop := errors.New("enough")
	err = s.AssessStream(context.Background(), stream(), asOf, func(n int, r *scoring.Result) error {
		if n == 40 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("emit error: %v", err)
	}
	if err := (*scoring.Scorer)(nil).AssessStream(context.Background(), stream(), asOf, nil); !errors.Is(err, scoring.ErrNotCompiled) {
		t.Errorf("nil scorer: %v", err)
	}
}

// TestAssessIntoAllocations checks that a reused ResultBuffer, once grown,
// allocates only the texts of the gaps: at most one string a track.
func TestAssessIntoAllocations(t *testing.T) {
	s := compile(t, "cto.yaml")
	rng := rand.New(rand.NewPCG(53, 59))
	in := randomInput(rng, s, 200)
	if r := (*scoring.Scorer)(nil).AssessInto(nil, in, asOf); r == nil || r.Person != "" {
		t.Errorf("nil scorer and buffer: %+v", r)
	}
	var rb scoring.ResultBuffer
	s.AssessInto(&rb, in, asOf)
	if raceEnabled {
		t.Skip("allocation counts mean nothing under the race detector")
	}
	if got := testing.AllocsPerRun(50, func() { s.AssessInto(&rb, in, asOf) }); got > float64(len(s.Ladder().Tracks)) {
		t.Errorf("%v allocations an assessment, want at most %d", got, len(s.Ladder().Tracks))
	}
}

func TestAssessJSONLines(t *testing.T) {
	s := compile(t, "cto.yaml")
	stream := `{"person": "a", "id": "e1", "capability": "communication", "rating": "proficient", "date": "2026-11-27", "source": "peer"}
{"person": "a", "id": "e2", "capability": "communication", "rating": "proficient", "date": "2026-11-27", "source": "manager"}
{"person": "b", "id": "e1", "capability": "comunication", "rating": "proficient", "date": "2026-11-01", "source": "peer"}
{"person": "c", "id": "e1", "capability": "influence", "rating": "learning", "date": "2026-11-01", "source": "peer"}
`
	var people []string
	var bad []string
	err := s.AssessJSONLines(context.Background(), s.NewJSONLinesReader(strings.NewReader(stream), "org.jsonl"), asOf,
		func(r *scoring.Result) error {
			people = append(people, r.Person+":"+r.Capabilities[0].Rating)
			return nil
		},
		func(in scoring.Input, ds ladder.Diagnostics) error {
			bad = append(bad, fmt.Sprintf("%s %s:%d:%d %s", in.Person, ds[0].Range.File, ds[0].Range.Start.Line, ds[0].Range.Start.Col, ds[0].Code))
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(people, ",") != "a:proficient,c:" || strings.Join(bad, ",") != "b org.jsonl:3:43 unknown-ref" {
		t.Errorf("people %v, invalid %v", people, bad)
	}
	if err := s.AssessJSONLines(context.Background(), nil, asOf, nil, nil); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil reader: %v", err)
	}
}

// TestAssessEachSlowStream checks that a person is assessed and emitted
// while the stream waits for more: next yields the next person only after
// the previous one's result has been emitted, which deadlocks if inputs
// are held back until a batch fills. The test's deadline is only a guard
// against that hang.
func TestAssessEachSlowStream(t *testing.T) {
	s := compile(t, "cto.yaml")
	const people = 40
	emitted := make(chan int, people)
	n := 0
	finished := make(chan error, 1)
	go func() {
		finished <- s.AssessEach(context.Background(), func() (scoring.Input, error) {
			if n == people {
				return scoring.Input{}, io.EOF
			}
			if n > 0 {
				<-emitted // wait for the previous person's result
			}
			n++
			return scoring.Input{Person: fmt.Sprint("p", n)}, nil
		}, asOf, func(i int, r scoring.Result) error {
			if want := fmt.Sprint("p", i+1); r.Person != want {
				return fmt.Errorf("result %d is for %s, want %s", i, r.Person, want)
			}
			emitted <- i
			return nil
		})
	}()
	select {
	case err := <-finished:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("AssessEach held back a person while the stream waited")
	}
}
