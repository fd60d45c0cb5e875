package scoring_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// TestNilAndZero calls the API with nil and zero values: errors or
// documented no-ops, never a panic.
func TestNilAndZero(t *testing.T) {
	if _, err := scoring.Compile(&ladder.Ladder{}); err == nil {
		t.Errorf("zero ladder compiled")
	}
	for _, s := range []*scoring.Scorer{nil, {}} {
		res := s.Assess(scoring.Input{}, time.Time{})
		if res.Ladder != "" || res.Tracks != nil {
			t.Errorf("assessment without a ladder: %+v", res)
		}
		if _, err := s.Gap(scoring.Input{}, time.Time{}, "t", "l"); !errors.Is(err, scoring.ErrNotCompiled) {
			t.Errorf("gap without a ladder: %v", err)
		}
		if s.Ladder() != nil {
			t.Errorf("ladder of an empty scorer")
		}
		if _, err := s.ParseInput("x.yaml", []byte("format: careerladder/evidence/v1\nperson: p\nratings: {m: {x: y}}\n")); err != nil {
			t.Errorf("a scorer without a ladder checked references: %v", err)
		}
		if _, err := s.LoadInput(nil, "x"); err == nil {
			t.Errorf("nil fs")
		}
	}
	s := compile(t, "cto.yaml")
	res := s.Assess(scoring.Input{}, time.Time{})
	if len(res.Tracks) != 2 || res.Tracks[0].Level != nil {
		t.Errorf("empty input: %+v", res.Tracks)
	}
	var b bytes.Buffer
	if err := res.WriteText(&b); err != nil {
		t.Error(err)
	}
	var nilRes *scoring.Result
	var nilGap *scoring.Gap
	var nilIn *scoring.Input
	for _, err := range []error{nilRes.WriteText(&b), nilRes.WriteJSON(&b), res.WriteText(nil), res.WriteJSON(nil),
		nilGap.WriteText(&b), nilIn.WriteYAML(&b), nilIn.WriteJSON(&b), (&scoring.Input{}).WriteJSON(nil)} {
		if !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("nil argument: %v", err)
		}
	}
	if !nilGap.Met() {
		t.Errorf("nil gap not met")
	}
	if _, err := scoring.ParseDate(""); err == nil {
		t.Errorf("empty date")
	}
	_ = scoring.Date{}.String()
	_ = scoring.DateOf(time.Time{})
	if _, err := (scoring.InputLoader{}).LoadFile(""); err == nil {
		t.Errorf("empty path")
	}
}
