package growth

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// A Report is an assessment with the plan to a target: what a person
// reads to learn where they stand and what to do next. In JSON it is the
// scoring.Result with one more field, "plan", when there is a target.
type Report struct {
	scoring.Result
	// Plan is the way to the target; nil when there is none.
	Plan *Plan `json:"plan,omitempty"`

	l *ladder.Ladder // the ladder, for names; nil in a Report not made by Assess
}

// Assess assesses in as of asOf, as scoring.Scorer.Assess does, and plans
// the way to target as NewPlan does: "" plans to the ladder's own target,
// and gives a Report without a plan when the ladder names none. It fails
// as NewPlan does.
func Assess(s *scoring.Scorer, in evidence.Input, asOf evidence.Date, target string) (Report, error) {
	res, err := s.Assess(in, asOf)
	if err != nil {
		return Report{}, fmt.Errorf("growth: %w", err)
	}
	r := Report{Result: res, l: s.Ladder()}
	if target == "" && r.l.Target == "" {
		return r, nil
	}
	p, err := newPlan(s, in, asOf, target, &r.Result)
	if err != nil {
		return Report{}, err
	}
	r.Plan = &p
	return r, nil
}

// WriteJSON writes r as indented JSON followed by a newline, without HTML
// escaping, as scoring.Result.WriteJSON writes a result: the fields of the
// result, then "plan" when there is one. Its field names are stable and
// documented on the types.
func (r *Report) WriteJSON(w io.Writer) error {
	if r == nil || w == nil {
		return fmt.Errorf("growth: write JSON: %w", ladder.ErrNilArgument)
	}
	return writeJSON(w, r)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
