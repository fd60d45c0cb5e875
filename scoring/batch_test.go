package scoring_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// randomPeople returns n random inputs of fewer than items items each,
// for people named p0, p1, ...
func randomPeople(s *scoring.Scorer, n, items int, seed uint64) []evidence.Input {
	rng := rand.New(rand.NewPCG(seed, seed+2))
	ins := make([]evidence.Input, n)
	for i := range ins {
		ins[i] = randomInput(rng, s, rng.IntN(items))
		ins[i].Person = fmt.Sprint("p", i)
	}
	return ins
}

// each returns the inputs as a sequence without errors.
func each(ins []evidence.Input) iter.Seq2[evidence.Input, error] {
	return func(yield func(evidence.Input, error) bool) {
		for _, in := range ins {
			if !yield(in, nil) {
				return
			}
		}
	}
}

// TestAssessAll checks that AssessAll yields, in order, what Assess gives
// for each person, though the results' memory passes from batch to batch
// (or, for the largest, is let go); under the race detector it also checks
// that no worker writes a result while the loop body reads it.
func TestAssessAll(t *testing.T) {
	s := compile(t, "cto.yaml")
	ins := randomPeople(s, 300, 120, 43)
	// A few people with many items, whose memory is not kept.
	rng := rand.New(rand.NewPCG(61, 67))
	for _, i := range []int{17, 18, 150} {
		ins[i] = randomInput(rng, s, 3000+rng.IntN(2000))
		ins[i].Person = fmt.Sprint("p", i)
	}
	n := 0
	for r, err := range s.AssessAll(context.Background(), each(ins), asOf) {
		if err != nil {
			t.Fatal(err)
		}
		if want := assess(t, s, ins[n], asOf); !reflect.DeepEqual(*r, want) {
			t.Fatalf("result %d differs from Assess:\n%s", n, cmp.Diff(want, *r))
		}
		n++
	}
	if n != len(ins) {
		t.Fatalf("%d results of %d", n, len(ins))
	}
	for range s.AssessAll(context.Background(), each(nil), asOf) {
		t.Fatal("a result without people")
	}
}

// TestAssessAllStops checks breaking out of the loop, cancellation, and an
// error yielded by the people, which costs only its own person.
func TestAssessAllStops(t *testing.T) {
	s := compile(t, "cto.yaml")
	rng := rand.New(rand.NewPCG(37, 41))
	in := randomInput(rng, s, 20)
	endless := func(yield func(evidence.Input, error) bool) {
		for yield(in, nil) {
		}
	}

	// Breaking out stops the endless stream.
	n := 0
	for _, err := range s.AssessAll(context.Background(), endless, asOf) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 40 {
			break
		}
	}

	// Cancellation: yields ctx's error once, then ends.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n = 0
	var errs []error
	for _, err := range s.AssessAll(ctx, endless, asOf) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if n++; n == 10 {
			cancel()
		}
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) || n < 10 {
		t.Errorf("after cancel: %v, %d results", errs, n)
	}

	// An error beside an input is yielded in its place; the rest go on.
	bad := errors.New("bad person")
	people := func(yield func(evidence.Input, error) bool) {
		for i := range 50 {
			in := in
			in.Person = fmt.Sprint("p", i)
			var err error
			if i%7 == 3 {
				in, err = evidence.Input{Person: in.Person}, bad
			}
			if !yield(in, err) {
				return
			}
		}
	}
	var got []string
	for r, err := range s.AssessAll(context.Background(), people, asOf) {
		switch {
		case errors.Is(err, bad):
			got = append(got, "!"+r.Person)
			if r.Capabilities != nil || r.Ladder != "cto" || r.AsOf != asOf {
				t.Errorf("the result beside an error: %+v", r)
			}
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, r.Person)
		}
	}
	var want []string
	for i := range 50 {
		if i%7 == 3 {
			want = append(want, fmt.Sprint("!p", i))
		} else {
			want = append(want, fmt.Sprint("p", i))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestAssessAllPanic checks that a panic of the people's sequence, which
// runs on a goroutine of AssessAll's, reaches the caller's goroutine.
func TestAssessAllPanic(t *testing.T) {
	s := compile(t, "cto.yaml")
	people := func(yield func(evidence.Input, error) bool) {
		yield(evidence.Input{Person: "a"}, nil)
		panic("people broke")
	}
	defer func() {
		if p := recover(); p != "people broke" {
			t.Errorf("recovered %v", p)
		}
	}()
	for range s.AssessAll(context.Background(), people, asOf) {
	}
	t.Error("no panic")
}

// TestAssessIntoAllocations checks that a reused ResultBuffer, once grown,
// allocates only the texts of the gaps: at most one string a track.
func TestAssessIntoAllocations(t *testing.T) {
	s := compile(t, "cto.yaml")
	rng := rand.New(rand.NewPCG(53, 59))
	in := randomInput(rng, s, 200)
	if r, err := s.AssessInto(nil, in, asOf); err != nil || r.Person != in.Person {
		t.Errorf("nil buffer: %+v %v", r, err)
	}
	var rb scoring.ResultBuffer
	if _, err := s.AssessInto(&rb, in, asOf); err != nil {
		t.Fatal(err)
	}
	if raceEnabled {
		t.Skip("allocation counts mean nothing under the race detector")
	}
	if got := testing.AllocsPerRun(50, func() { _, _ = s.AssessInto(&rb, in, asOf) }); got > float64(len(s.Ladder().Tracks)) {
		t.Errorf("%v allocations an assessment, want at most %d", got, len(s.Ladder().Tracks))
	}
}

// TestAssessAllLines streams JSON Lines through AssessAll: a person whose
// lines have problems is yielded with the diagnostics, and the rest are
// assessed.
func TestAssessAllLines(t *testing.T) {
	s := compile(t, "cto.yaml")
	stream := `{"person": "a", "id": "e1", "capability": "communication", "rating": "proficient", "date": "2026-11-27", "source": "peer"}
{"person": "a", "id": "e2", "capability": "communication", "rating": "proficient", "date": "2026-11-27", "source": "manager"}
{"person": "b", "id": "e1", "capability": "comunication", "rating": "proficient", "date": "2026-11-01", "source": "peer"}
{"person": "c", "id": "e1", "capability": "influence", "rating": "learning", "date": "2026-11-01", "source": "peer"}
`
	jr := evidence.Loader{Ladder: s.Ladder()}.NewLinesReader(strings.NewReader(stream), "org.jsonl")
	var people, bad []string
	for r, err := range s.AssessAll(context.Background(), jr.All(), asOf) {
		var ds ladder.Diagnostics
		switch {
		case errors.As(err, &ds):
			bad = append(bad, fmt.Sprintf("%s %s:%d:%d %s", r.Person, ds[0].Range.File, ds[0].Range.Start.Line, ds[0].Range.Start.Col, ds[0].Code))
		case err != nil:
			t.Fatal(err)
		default:
			people = append(people, r.Person+":"+r.Capabilities[0].Rating)
		}
	}
	if strings.Join(people, ",") != "a:proficient,c:" || strings.Join(bad, ",") != "b org.jsonl:3:43 unknown-ref" {
		t.Errorf("people %v, invalid %v", people, bad)
	}
}

// TestAssessAllSlowStream checks that a person is assessed and yielded
// while the stream waits for more: the people's sequence yields the next
// person only after the previous one's result has been seen, which
// deadlocks if inputs are held back until a batch fills. The test's
// deadline is only a guard against that hang.
func TestAssessAllSlowStream(t *testing.T) {
	s := compile(t, "cto.yaml")
	const people = 40
	seen := make(chan int, people)
	finished := make(chan error, 1)
	go func() {
		slow := func(yield func(evidence.Input, error) bool) {
			for n := range people {
				if n > 0 {
					<-seen // wait for the previous person's result
				}
				if !yield(evidence.Input{Person: fmt.Sprint("p", n)}, nil) {
					return
				}
			}
		}
		i := 0
		for r, err := range s.AssessAll(context.Background(), slow, asOf) {
			if err != nil {
				finished <- err
				return
			}
			if want := fmt.Sprint("p", i); r.Person != want {
				finished <- fmt.Errorf("result %d is for %s, want %s", i, r.Person, want)
				return
			}
			seen <- i
			i++
		}
		finished <- nil
	}()
	select {
	case err := <-finished:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("AssessAll held back a person while the stream waited")
	}
}
