package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// report runs the command and returns its output without the timing line.
func report(t *testing.T, args ...string) string {
	t.Helper()
	var b bytes.Buffer
	if err := run(&b, args); err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`(?m)^assessed in .*\n`).ReplaceAllString(b.String(), "")
}

func TestRun(t *testing.T) {
	out := report(t, "-people", "200", "-items", "60")
	for _, want := range []string{
		"200 people, 12000 evidence items, as of 2026-11-27\n",
		"Engineering: people at each level\n  none yet            126\n  Engineer             60\n  Senior Engineer      12\n  Tech Lead             2\n",
		"  hard-problems of senior         59\n",
		"Leadership: people at each level\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The same people written to a file and read back give the same
	// report; a bad line skips its person and is counted.
	dir := t.TempDir()
	file := filepath.Join(dir, "org.jsonl")
	if err := run(&bytes.Buffer{}, []string{"-people", "200", "-items", "60", "-write", file}); err != nil {
		t.Fatal(err)
	}
	if got := report(t, "-evidence", file); got != out {
		t.Errorf("read back from a file:\n%s\nwant\n%s", got, out)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, append(src, `{"person":"p99999","id":"x","capability":"nope","rating":"advanced","date":"2026-11-01","source":"peer"}`+"\n"...), 0o644)
	if got := report(t, "-evidence", bad); !strings.Contains(got, "200 people, 12000 evidence items, as of 2026-11-27; 1 skipped for invalid lines\n") {
		t.Errorf("with a bad line:\n%s", got)
	}
	for _, args := range [][]string{{"-people", "-1"}, {"-as-of", "27/11/2026"}, {"-evidence", filepath.Join(dir, "missing.jsonl")}} {
		if err := run(&bytes.Buffer{}, args); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
