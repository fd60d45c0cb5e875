package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func output(t *testing.T, args ...string) string {
	t.Helper()
	var a, b bytes.Buffer
	if err := run(&a, args); err != nil {
		t.Fatal(err)
	}
	if err := run(&b, args); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatalf("output differs between runs")
	}
	for i, line := range strings.Split(a.String(), "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("line %d ends in spaces", i+1)
		}
	}
	return a.String()
}

func contains(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestReport(t *testing.T) {
	out := output(t)
	contains(t, out,
		"alex against ladder cto, as of 2026-11-27",
		"Track Engineering: Senior Engineer (best case Tech Lead)",
		"Track Leadership: no level reached",
		"What CTO (small company) (Leadership) needs",
		"hard-problems: evidence of technical-problem-solving at advanced or above, tagged hard-problem, within 12mo: 14 of 24",
		"Cheapest path, 10 rating steps:",
		"    - Business sense: practising -> advanced",
		"Evidence still needed for cto: 10 more of technical-problem-solving",
		"inf-04 (influence, 2026-12-07): future",
	)
}

func TestReportOtherDayAndFile(t *testing.T) {
	// A year later the same evidence has aged: fewer hard problems fall in
	// the last twelve months.
	out := output(t, "-as-of", "2027-11-27")
	contains(t, out, "as of 2027-11-27", "of 24")
	if strings.Contains(out, "14 of 24") {
		t.Errorf("a year later, the hard-problem count did not change")
	}
	file := filepath.Join(t.TempDir(), "bo.yaml")
	src := "format: careerladder/evidence/v1\nperson: bo\nratings:\n  manager: {communication: advanced}\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	contains(t, output(t, "-evidence", file), "bo against ladder cto", "Communication and comprehension  advanced")
	var b bytes.Buffer
	if err := run(&b, []string{"-as-of", "tomorrow"}); err == nil {
		t.Errorf("a bad -as-of was accepted")
	}
	if err := run(&b, []string{"-evidence", filepath.Join(t.TempDir(), "none.yaml")}); err == nil {
		t.Errorf("a missing file was accepted")
	}
}

func TestLadderSummary(t *testing.T) {
	out := output(t, "-ladder")
	contains(t, out,
		"Engineer to CTO of a small company (cto 1.0.0)",
		"  Grade 5: CTO (small company), typically 10+ years",
		"     Business sense                   advanced  (up from proficient)",
		"     Requires at least 24 items of technical-problem-solving at advanced or above, tagged hard-problem, within 12mo.",
		"     Up to 1 capability may sit 1 step below.",
		"Sources and weights: self 0.5, peer 1, manager 1, artifact 1.",
	)
}
