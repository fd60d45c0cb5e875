package ladder_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
)

// FuzzParse: no input makes Parse panic; every diagnostic has a range inside
// the input whose byte offsets agree with its lines and columns; an error is
// returned exactly when a diagnostic is an error.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{laddersDir, invalidDir} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(filepath.Base(file), src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		l, err := ladder.Loader{Limits: ladder.Limits{MaxNodes: 5000}}.Parse(name, src)
		if err == nil {
			if l == nil {
				t.Fatal("nil ladder without an error")
			}
			ds := l.Validate()
			if ds.Err() != nil {
				t.Fatalf("a loaded ladder has errors: %v", ds)
			}
			return
		}
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		if !ds.HasErrors() || ds.Err() == nil || l != nil {
			t.Fatalf("error without error diagnostics, or a ladder with one: %v", ds)
		}
		lines := yamlLines(src)
		for _, d := range ds {
			if d.Range.Start.Line < 1 || d.Range.Start.Col < 1 || d.Range.Start.Line > lines {
				t.Fatalf("position outside the input (%d lines): %v", lines, d)
			}
		}
		diagtest.CheckText(t, ds)
		diagtest.CheckRanges(t, src, ds, diagtest.YAML)
	})
}

// yamlLines counts lines as YAML does: \r\n, \r and \n end one, and so do
// NEL, LS and PS.
func yamlLines(src []byte) int {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}
