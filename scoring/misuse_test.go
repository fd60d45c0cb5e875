package scoring_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// TestNilAndZero calls the API with nil and zero values: an error wrapping
// ladder.ErrNilArgument, never a panic.
func TestNilAndZero(t *testing.T) {
	if _, err := scoring.Compile(nil); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil ladder: %v", err)
	}
	if _, err := scoring.Compile(&ladder.Ladder{}); err == nil {
		t.Errorf("zero ladder compiled")
	}
	good := compile(t, "cto.yaml")
	people := func(yield func(evidence.Input, error) bool) { yield(evidence.Input{Person: "p"}, nil) }
	for _, c := range []struct {
		name string
		s    *scoring.Scorer
		day  evidence.Date
	}{
		{"nil scorer", nil, asOf},
		{"zero scorer", &scoring.Scorer{}, asOf},
		{"zero day", good, evidence.Date{}},
		{"31 April", good, evidence.Date{Year: 2026, Month: 4, Day: 31}},
		{"month 13", good, evidence.Date{Year: 2026, Month: 13, Day: 1}},
	} {
		if _, err := c.s.Assess(evidence.Input{}, c.day); !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("%s: Assess: %v", c.name, err)
		}
		if _, err := c.s.AssessInto(nil, evidence.Input{}, c.day); !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("%s: AssessInto: %v", c.name, err)
		}
		if _, err := c.s.Gap(evidence.Input{}, c.day, "leadership", "cto"); !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("%s: Gap: %v", c.name, err)
		}
		if errs := collect(c.s.AssessAll(context.Background(), people, c.day)); len(errs) != 1 || !errors.Is(errs[0], ladder.ErrNilArgument) {
			t.Errorf("%s: AssessAll: %v", c.name, errs)
		}
	}
	for _, s := range []*scoring.Scorer{nil, {}} {
		if err := s.Check(evidence.Input{}); !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("Check without a ladder: %v", err)
		}
		if s.Ladder() != nil {
			t.Errorf("ladder of an empty scorer")
		}
	}
	//lint:ignore SA1012 a nil context is the misuse tested
	if errs := collect(good.AssessAll(nil, people, asOf)); len(errs) != 1 || !errors.Is(errs[0], ladder.ErrNilArgument) { //nolint:staticcheck
		t.Errorf("nil context: %v", errs)
	}
	if errs := collect(good.AssessAll(context.Background(), nil, asOf)); len(errs) != 1 || !errors.Is(errs[0], ladder.ErrNilArgument) {
		t.Errorf("nil people: %v", errs)
	}
	res, err := good.Assess(evidence.Input{}, asOf)
	if err != nil || len(res.Tracks) != 2 || res.Tracks[0].Level != nil {
		t.Errorf("empty input: %v %+v", err, res.Tracks)
	}
	var b bytes.Buffer
	if err := res.WriteText(&b); err != nil {
		t.Error(err)
	}
	var nilRes *scoring.Result
	var nilGap *scoring.Gap
	for _, err := range []error{nilRes.WriteText(&b), nilRes.WriteJSON(&b), res.WriteText(nil), res.WriteJSON(nil),
		nilGap.WriteText(&b)} {
		if !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("nil argument: %v", err)
		}
	}
	if !nilGap.Met() {
		t.Errorf("nil gap not met")
	}
	if _, ok := nilRes.Track("x"); ok {
		t.Errorf("nil result has a track")
	}
}

// collect ranges over seq and returns its errors.
func collect(seq iter.Seq2[*scoring.Result, error]) []error {
	var errs []error
	for _, err := range seq {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// TestCompileRefusesNumbersThatOverflow checks that a ladder built in Go
// with a number that is not finite, or beyond its bound, does not compile.
func TestCompileRefusesNumbersThatOverflow(t *testing.T) {
	for name, edit := range map[string]func(l *ladder.Ladder){
		"NaN factor": func(l *ladder.Ladder) {
			l.Rules.Weights = append(l.Rules.Weights, rubric.Weight{Capability: l.Capabilities[0].ID, Factor: math.NaN()})
		},
		"infinite factor": func(l *ladder.Ladder) {
			l.Rules.Weights = append(l.Rules.Weights, rubric.Weight{Capability: l.Capabilities[0].ID, Factor: math.Inf(1)})
		},
		"huge source weight": func(l *ladder.Ladder) { l.Rules.Evidence.Sources[0].Weight = 1.7e308 },
		"huge rating points": func(l *ladder.Ladder) { l.Scales[0].Ratings[0].Points = math.MaxInt64 },
		"huge points minimum": func(l *ladder.Ladder) {
			for i := range l.Tracks {
				for j := range l.Tracks[i].Levels {
					for k := range l.Tracks[i].Levels[j].Requires {
						if g := &l.Tracks[i].Levels[j].Requires[k]; g.Points != nil {
							g.Points.Min = math.MaxInt64
						}
					}
				}
			}
		},
	} {
		l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
		if err != nil {
			t.Fatal(err)
		}
		edit(l)
		_, err = scoring.Compile(l)
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) || !slices.ContainsFunc(ds, func(d ladder.Diagnostic) bool {
			return d.Code == ladder.CodeBadValue || d.Code == ladder.CodeBadNumber
		}) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestResultsAlwaysWrite checks that an input built in Go with weights
// no file may hold still gives a result that writes: the items are
// excluded, and no sum overflows. (An item's own weight that is not
// finite has no JSON form at all; Check reports it.)
func TestResultsAlwaysWrite(t *testing.T) {
	s := compile(t, "cto.yaml")
	in := evidence.Input{Person: "p"}
	for i, w := range []float64{1.7e308, 1.7e308, math.MaxFloat64, -5, 1001} {
		in.Evidence = append(in.Evidence, evidence.Item{ID: fmt.Sprint("e", i), Capability: "communication", Rating: "advanced",
			Date: asOf, Source: "peer", Weight: w})
	}
	res := assess(t, s, in, asOf)
	var b bytes.Buffer
	if err := res.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	for _, it := range res.Evidence {
		if it.Status != scoring.ZeroWeight {
			t.Errorf("item %s of weight %v: %s", it.ID, it.Item.Weight, it.Status)
		}
	}
	if err := s.Check(in); err == nil {
		t.Error("Check accepts weights out of range")
	}
}
