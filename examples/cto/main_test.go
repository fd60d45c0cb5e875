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

// TestReport checks that the report leads with its answer: the summary and
// the plan to CTO come first, in names, every figure with its target.
func TestReport(t *testing.T) {
	out := output(t)
	want := []string{
		"alex on Engineer to CTO of a small company, as of 2026-11-27",
		"Engineering: Senior Engineer (best case Tech Lead); next Tech Lead, 1 rating step away",
		"Leadership: no level yet",
		"Target: CTO (small company) on Leadership, 2 levels to go, Head of Engineering first",
		"Points: 9 of 19 for CTO (small company); best case 13",
		"Cheapest path to CTO (small company), 10 rating steps:",
		"  Business sense                   Practising -> Advanced",
		"Evidence still needed: 10 more items of Technical problem-solving",
	}
	lines := strings.Split(out, "\n")
	for i, w := range want {
		if !strings.Contains(strings.Join(lines[:16], "\n"), w) {
			t.Errorf("the first 16 lines lack %q (want %d)", w, i)
		}
	}
	contains(t, out,
		"The way to CTO (small company)\n  Head of Engineering\n",
		"What good looks like\n  Communication and comprehension at Advanced\n",
		"Pace of evidence\n",
		"3 items leave the window by 2027-02-25",
		"inf-04 (Influence building, 2026-12-07): dated after 2026-11-27",
		"manager: 18 ratings of earlier assessments, which later ones replace",
	)
	// No ids where names belong, no reason in codes, nothing twice.
	for _, bad := range []string{"team-management:", "people-floor", "not-enough", "below-rating", "too-old"} {
		if strings.Contains(out, bad) {
			t.Errorf("the report holds %q", bad)
		}
	}
	if n := strings.Count(out, "  Head of Engineering\n"); n != 1 {
		t.Errorf("the Head of Engineering block is printed %d times", n)
	}
}

func TestHistory(t *testing.T) {
	out := output(t, "-history")
	contains(t, out,
		"alex on Engineer to CTO of a small company, 5 days from 2025-11-27 to 2026-11-27",
		"  2026-05-27  Senior Engineer               -           8 to 10  8   7",
		"needed: Tech Lead 12, Head of Engineering 18, CTO (small\n    company) 24",
		"Communication and comprehension: unrated on 2025-11-27, Practising to",
	)
	packet := output(t, "-packet", "-target", "head-of-engineering")
	contains(t, packet, "# Promotion packet: alex for Head of Engineering\n", "## The cheapest path\n")
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
	contains(t, output(t, "-evidence", file), "bo on Engineer to CTO", "Communication and comprehension  Advanced")
	var b bytes.Buffer
	if err := run(&b, []string{"-as-of", "tomorrow"}); err == nil {
		t.Errorf("a bad -as-of was accepted")
	}
	if err := run(&b, []string{"-evidence", filepath.Join(t.TempDir(), "none.yaml")}); err == nil {
		t.Errorf("a missing file was accepted")
	}
	if err := run(&b, []string{"-target", "cfo"}); err == nil {
		t.Errorf("an unknown target was accepted")
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
