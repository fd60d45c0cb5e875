package rubric_test

import (
	"testing"
	"time"

	"github.com/careerladder/careerladder/rubric"
)

// TestZeroValues calls every function and method with nil and zero values:
// none may panic.
func TestZeroValues(t *testing.T) {
	var s *rubric.Scale
	if s.Rank("a") != -1 || s.Has("a") || s.Top().ID != "" || s.MaxPoints() != 0 || s.IDs() != nil {
		t.Errorf("nil scale")
	}
	if _, ok := s.Points("a"); ok {
		t.Errorf("nil scale has points")
	}
	if _, ok := s.Compare("a", "b"); ok {
		t.Errorf("nil scale compares")
	}
	var p *rubric.EvidencePolicy
	if w, ok := p.SourceWeight("x"); !ok || w != 1 {
		t.Errorf("nil policy: %v %v", w, ok)
	}
	var zero rubric.Period
	_ = zero.Start(time.Time{})
	_ = zero.Days()
	if _, err := rubric.ParsePeriod(""); err == nil {
		t.Errorf("empty period parsed")
	}
	_ = rubric.Reached(nil, 3)
	_ = rubric.Eligible(nil, 3)
	_ = rubric.Title{}.Allows(0)
	_ = rubric.Gate{}.String()
	_ = rubric.EvidenceGate{}.String()
	_ = rubric.Tolerance{}.MaxSteps()
	_ = rubric.Aggregation("").Valid()
	if rubric.CheckID("") == nil {
		t.Errorf("empty id accepted")
	}
}
