package careerladder_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/caseexport"
	"github.com/careerladder/careerladder/chart"
	"github.com/careerladder/careerladder/diff"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
	"github.com/careerladder/careerladder/spreadsheet"
)

// TestMisusePolicy holds every package to the one misuse policy of the
// package documentation: a nil or zero argument is an error wrapping
// ladder.ErrNilArgument, and nothing panics.
func TestMisusePolicy(t *testing.T) {
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scoring.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	day := evidence.Date{Year: 2026, Month: 11, Day: 27}
	var b bytes.Buffer
	var nilLadder *ladder.Ladder
	var nilScorer *scoring.Scorer
	var nilResult *scoring.Result
	var nilGap *scoring.Gap
	var nilInput *evidence.Input
	var nilReader *evidence.LinesReader
	var nilWriter io.Writer
	people := func(yield func(evidence.Input, error) bool) {}
	first := func(seq func(func(*scoring.Result, error) bool)) error {
		var got error
		for _, err := range seq {
			if got == nil {
				got = err
			}
		}
		return got
	}
	_, rescoreNil := diff.Rescore(nil, s, nil, day)
	_, rescoreDay := diff.Rescore(s, s, nil, evidence.Date{})
	_, diffNil := diff.Ladders(nil, l)
	calls := map[string]error{
		"ladder.ReadLimited":            func() error { _, err := ladder.ReadLimited("x", nil, 0); return err }(),
		"ladder.Loader.Load":            func() error { _, err := ladder.Loader{}.Load(nil, "x"); return err }(),
		"Ladder.WriteYAML nil":          nilLadder.WriteYAML(&b),
		"Ladder.WriteJSON nil writer":   l.WriteJSON(nilWriter),
		"Ladder.WriteMarkdown nil":      nilLadder.WriteMarkdown(&b),
		"evidence.Loader.Load":          func() error { _, err := evidence.Loader{}.Load(nil, "x"); return err }(),
		"evidence.Input.WriteYAML":      nilInput.WriteYAML(&b),
		"evidence.Input.WriteJSON":      (&evidence.Input{}).WriteJSON(nilWriter),
		"evidence.WriteLines":           evidence.WriteLines(nilWriter),
		"evidence.LinesReader nil":      func() error { _, err := nilReader.Next(); return err }(),
		"evidence.NewLinesReader nil":   func() error { _, err := evidence.Loader{}.NewLinesReader(nil, "x").Next(); return err }(),
		"scoring.Compile":               func() error { _, err := scoring.Compile(nil); return err }(),
		"Scorer.Assess nil":             func() error { _, err := nilScorer.Assess(evidence.Input{}, day); return err }(),
		"Scorer.Assess zero day":        func() error { _, err := s.Assess(evidence.Input{}, evidence.Date{}); return err }(),
		"Scorer.AssessInto nil":         func() error { _, err := nilScorer.AssessInto(nil, evidence.Input{}, day); return err }(),
		"Scorer.Gap zero day":           func() error { _, err := s.Gap(evidence.Input{}, evidence.Date{}, "leadership", "cto"); return err }(),
		"Scorer.Check nil":              nilScorer.Check(evidence.Input{}),
		"Scorer.AssessAll nil people":   first(s.AssessAll(context.Background(), nil, day)),
		"Scorer.AssessAll nil context":  first(s.AssessAll(nil, people, day)), //lint:ignore SA1012 the misuse tested
		"Scorer.AssessAll nil scorer":   first(nilScorer.AssessAll(context.Background(), people, day)),
		"Result.WriteJSON":              nilResult.WriteJSON(&b),
		"Result.WriteText":              nilResult.WriteText(&b),
		"Gap.WriteText":                 nilGap.WriteText(&b),
		"diff.Ladders":                  diffNil,
		"diff.Rescore nil scorer":       rescoreNil,
		"diff.Rescore zero day":         rescoreDay,
		"chart.Radar nil ladder":        chart.Radar(&b, nil, scoring.Result{}, ""),
		"chart.Radar nil writer":        chart.Radar(nilWriter, l, scoring.Result{}, ""),
		"caseexport.Write nil ladder":   caseexport.Write(&b, nil, caseexport.Options{}),
		"caseexport.Write nil writer":   caseexport.Write(nilWriter, l, caseexport.Options{}),
		"spreadsheet.Export":            func() error { _, err := spreadsheet.Export(&b, nil); return err }(),
		"spreadsheet.Import":            func() error { _, err := spreadsheet.Import("x.csv", nil); return err }(),
		"spreadsheet.ExportDescriptors": func() error { _, err := spreadsheet.ExportDescriptors(nilWriter, l); return err }(),
		"spreadsheet.ImportDescriptors": func() error { _, err := spreadsheet.ImportDescriptors(nil, "x.csv", &b); return err }(),
	}
	for name, err := range calls {
		if !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("%s: %v, want an error wrapping ladder.ErrNilArgument", name, err)
		}
	}
}
