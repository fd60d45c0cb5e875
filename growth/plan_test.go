package growth_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/ladder"
)

// references are the reference ladders, each with its example person and
// a target beyond the next level.
var references = []struct{ ladder, input, target string }{
	{"cto.yaml", "senior-engineer.yaml", ""}, // the ladder's own target
	{"snowflake.yaml", "snowflake.yaml", ""},
	{"engineering-ladders.yaml", "engineering-ladders.yaml", "developer/d7"},
	{"sparse.yaml", "sparse.yaml", ""},
}

// TestGolden writes the report of every reference person, in text and
// JSON, and compares them with golden files.
func TestGolden(t *testing.T) {
	for _, tc := range references {
		t.Run(tc.ladder, func(t *testing.T) {
			s := compile(t, tc.ladder)
			r, err := growth.Assess(s, loadInput(t, s, tc.input), asOf, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			base := filepath.Join("testdata", strings.TrimSuffix(tc.ladder, ".yaml"))
			text := written(t, func(b *bytes.Buffer) error { return r.WriteText(b) })
			golden(t, base+".txt", text)
			noTrailingSpace(t, text)
			golden(t, base+".json", written(t, func(b *bytes.Buffer) error { return r.WriteJSON(b) }))
		})
	}
}

// TestPlanSteps checks the plan to CTO against the engine: one step per
// level on the way, each with its own checks and the path Gap gives it.
func TestPlanSteps(t *testing.T) {
	s := compile(t, "cto.yaml")
	in := loadInput(t, s, "senior-engineer.yaml")
	p, err := growth.NewPlan(s, in, asOf, "leadership/cto")
	if err != nil {
		t.Fatal(err)
	}
	if p.Reached || p.Track.ID != "leadership" || p.Target.ID != "cto" || len(p.Steps) != 2 ||
		p.Steps[0].Level.ID != "head-of-engineering" || p.Steps[1].Level.ID != "cto" {
		t.Fatalf("plan: %+v", p)
	}
	target, _ := s.Gap(in, asOf, "leadership", "cto")
	if p.Path.Steps != target.Path.Steps || len(p.Path.Changes) != len(target.Path.Changes) {
		t.Errorf("path %+v, Gap's %+v", p.Path, target.Path)
	}
	for _, st := range p.Steps {
		g, _ := s.Gap(in, asOf, "leadership", st.Level.ID)
		if st.Path.Steps != g.Path.Steps {
			t.Errorf("%s: path of %d steps, Gap's %d", st.Level.ID, st.Path.Steps, g.Path.Steps)
		}
		for _, c := range st.Checks {
			if c.Level != st.Level.ID {
				t.Errorf("%s holds a check of %s", st.Level.ID, c.Level)
			}
		}
	}
	for _, c := range p.Path.Changes {
		if c.Looks == nil || c.Looks.Summary == "" || c.Looks.Signal == "" || c.Looks.Example == "" {
			t.Errorf("%s at %s: descriptor %+v", c.Capability, c.To, c.Looks)
		}
	}
	// The same level by its id alone, and a level below the one reached.
	if q, err := growth.NewPlan(s, in, asOf, "cto"); err != nil || q.Target != p.Target || len(q.Steps) != 2 {
		t.Errorf("cto alone: %v, %+v", err, q.Target)
	}
	if q, err := growth.NewPlan(s, in, asOf, "engineer"); err != nil || !q.Reached || len(q.Steps) != 0 || len(q.Pace) != 0 {
		t.Errorf("a level reached: %v, %+v", err, q)
	}
}

func TestPlanErrors(t *testing.T) {
	s := compile(t, "cto.yaml")
	in := loadInput(t, s, "senior-engineer.yaml")
	for _, tc := range []struct {
		target string
		code   ladder.Code
	}{
		{"ct", ladder.CodeUnknownRef},
		{"sales/cto", ladder.CodeUnknownRef},
		{"engineering/cto", ladder.CodeUnknownRef},
	} {
		_, err := growth.NewPlan(s, in, asOf, tc.target)
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Code != tc.code {
			t.Errorf("target %q: %v, want %s", tc.target, err, tc.code)
		}
		if _, err := growth.Assess(s, in, asOf, tc.target); !errors.As(err, &ds) {
			t.Errorf("Assess, target %q: %v, want diagnostics", tc.target, err)
		}
	}
	// Misuse.
	for name, f := range map[string]func() error{
		"nil scorer": func() error { _, err := growth.NewPlan(nil, in, asOf, "cto"); return err },
		"zero day":   func() error { _, err := growth.NewPlan(s, in, evidence.Date{}, "cto"); return err },
		"bad day": func() error {
			_, err := growth.NewPlan(s, in, evidence.Date{Year: 2026, Month: 2, Day: 30}, "cto")
			return err
		},
		"no target": func() error {
			_, err := growth.NewPlan(compile(t, "sparse.yaml"), evidence.Input{}, asOf, "")
			return err
		},
		"assess nil scorer": func() error { _, err := growth.Assess(nil, in, asOf, ""); return err },
		"assess zero day":   func() error { _, err := growth.Assess(s, in, evidence.Date{}, ""); return err },
		"nil report text":   func() error { var r *growth.Report; return r.WriteText(&bytes.Buffer{}) },
		"nil report JSON":   func() error { var r *growth.Report; return r.WriteJSON(&bytes.Buffer{}) },
		"nil writer":        func() error { r := growth.Report{}; return r.WriteText(nil) },
	} {
		if err := f(); !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("%s: %v, want ErrNilArgument", name, err)
		}
	}
	// A ladder without a target gives a report without a plan.
	sp := compile(t, "sparse.yaml")
	if r, err := growth.Assess(sp, loadInput(t, sp, "sparse.yaml"), asOf, ""); err != nil || r.Plan != nil {
		t.Errorf("no target: %v, plan %v", err, r.Plan)
	}
}

// TestReportJSONExtendsResult checks that a report's JSON is the result's,
// field for field, with "plan" added.
func TestReportJSONExtendsResult(t *testing.T) {
	s := compile(t, "cto.yaml")
	in := loadInput(t, s, "senior-engineer.yaml")
	r, err := growth.Assess(s, in, asOf, "")
	if err != nil {
		t.Fatal(err)
	}
	res, _ := s.Assess(in, asOf)
	want := written(t, func(b *bytes.Buffer) error { return res.WriteJSON(b) })
	r.Plan = nil
	if got := written(t, func(b *bytes.Buffer) error { return r.WriteJSON(b) }); !bytes.Equal(got, want) {
		t.Errorf("a report without its plan is not the result's JSON")
	}
}
