package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var a, b bytes.Buffer
	if err := run(&a); err != nil {
		t.Fatal(err)
	}
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("output differs between runs")
	}
	out := a.String()
	for _, want := range []string{
		"Engineer to CTO of a small company (cto 1.0.0)",
		"  Grade 5: CTO (small company), typically 10+ years",
		"     Business sense                   advanced  (up from proficient)",
		"     Requires at least 24 items of technical-problem-solving at advanced or above, tagged hard-problem, within 12mo.",
		"     Up to 1 capability may sit 1 step below.",
		"Sources and weights: self 0.5, peer 1, manager 1, artifact 1.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("line %d ends in spaces", i+1)
		}
		if len(line) > 120 {
			t.Errorf("line %d is %d columns wide", i+1, len(line))
		}
	}
}
