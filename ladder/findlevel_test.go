package ladder_test

import (
	"errors"
	"testing"

	"github.com/careerladder/careerladder/ladder"
)

func TestFindLevel(t *testing.T) {
	src := `format: careerladder/v1
id: demo
name: Demo
scales:
  - id: skill
    ratings: [{id: basic, points: 1}, {id: good, points: 2}]
capabilities:
  - {id: coding, name: Coding}
tracks:
  - id: eng
    name: Engineering
    levels:
      - {id: junior, name: Junior, grade: 1, expects: {coding: basic}}
      - {id: lead, name: Tech Lead, grade: 2, expects: {coding: good}}
  - id: mgmt
    name: Management
    levels:
      - {id: lead, name: Team Lead, grade: 2, expects: {coding: good}}
      - {id: director, name: Director, grade: 3, expects: {coding: good}}
`
	l, err := ladder.Parse("demo.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ref, track, level string
		code              ladder.Code
		suggestion        string
	}{
		{ref: "junior", track: "eng", level: "junior"},
		{ref: "director", track: "mgmt", level: "director"},
		{ref: "eng/lead", track: "eng", level: "lead"},
		{ref: "mgmt/lead", track: "mgmt", level: "lead"},
		{ref: "lead", code: ladder.CodeBadValue},
		{ref: "directr", code: ladder.CodeUnknownRef, suggestion: "director"},
		{ref: "eng/director", code: ladder.CodeUnknownRef},
		{ref: "eng/leed", code: ladder.CodeUnknownRef, suggestion: "eng/lead"},
		{ref: "mgnt/director", code: ladder.CodeUnknownRef, suggestion: "mgmt/director"},
		{ref: "", code: ladder.CodeUnknownRef},
	} {
		tr, v, err := l.FindLevel(tc.ref)
		if tc.code == "" {
			if err != nil || tr.ID != tc.track || v.ID != tc.level {
				t.Errorf("FindLevel(%q) = %v, %v, %v; want %s/%s", tc.ref, tr, v, err, tc.track, tc.level)
			}
			continue
		}
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Code != tc.code || ds[0].Path != "target" || tr != nil || v != nil {
			t.Errorf("FindLevel(%q): %v, want one %s at target", tc.ref, err, tc.code)
			continue
		}
		if ds[0].Suggestion != tc.suggestion {
			t.Errorf("FindLevel(%q): suggestion %q, want %q", tc.ref, ds[0].Suggestion, tc.suggestion)
		}
	}
	var none *ladder.Ladder
	if _, _, err := none.FindLevel("x"); err == nil {
		t.Errorf("a nil ladder found a level")
	}
}
