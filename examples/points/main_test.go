package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, nil); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Web client          3          6",
		"Total: 60 points, level 4.1; 6 points to level 4.2",
		"Titles this total allows: Staff Engineer, Senior Group Lead",
		"Individual contributor: next title Principal Engineer; the fewest milestone steps there: mentorship 3->5 community 2->5 (5 steps)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	var all []string
	for _, c := range []string{"mobile", "web-client", "foundations", "servers", "project-management", "communication", "craft", "initiative",
		"career-development", "org-design", "wellbeing", "accomplishment", "mentorship", "evangelism", "recruiting", "community"} {
		all = append(all, c+"=2")
	}
	if err := run(&b, all); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Total: 48 points, level 3.2; 2 points to level 3.3") ||
		!strings.Contains(b.String(), "Titles this total allows: Senior Engineer, Group Lead") {
		t.Errorf("every capability at milestone 2:\n%s", b.String())
	}
	b.Reset()
	if err := run(&b, []string{"mobile=5"}); err != nil || !strings.Contains(b.String(), "Total: 20 points, level 2.1") {
		t.Errorf("one milestone: %v\n%s", err, b.String())
	}
	for _, bad := range []string{"mobile=6", "mobile", "teleport=1"} {
		if err := run(&b, []string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
