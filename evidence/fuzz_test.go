package evidence_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
)

// FuzzParseInput: no evidence file makes parsing or assessing panic; a
// loaded input assesses the same twice; every item appears in the result.
func FuzzParseInput(f *testing.F) {
	for _, dir := range []string{"../testdata/evidence", "../testdata/invalid-evidence"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	s := compile(f, "cto.yaml")
	f.Fuzz(func(t *testing.T, src []byte) {
		in, err := (evidence.Loader{Ladder: s.Ladder()}).Parse("in.yaml", src)
		if err != nil {
			var ds ladder.Diagnostics
			if !errors.As(err, &ds) || !ds.HasErrors() {
				t.Fatalf("error %T without error diagnostics: %v", err, err)
			}
			lines := 1 + bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + bytes.Count(src, []byte("\u0085")) +
				bytes.Count(src, []byte("\u2028")) + bytes.Count(src, []byte("\u2029"))
			for _, d := range ds {
				if d.Range.Start.Line < 1 || d.Range.Start.Col < 1 || d.Range.Start.Line > lines {
					t.Fatalf("position outside the input (at most %d lines): %v", lines, d)
				}
			}
			diagtest.CheckText(t, ds)
			diagtest.CheckRanges(t, src, ds, diagtest.YAML)
			return
		}
		a, b := assess(t, s, in, asOf), assess(t, s, in, asOf)
		if !bytes.Equal(jsonOf(t, a), jsonOf(t, b)) {
			t.Fatal("two assessments differ")
		}
		if len(a.Evidence) != len(in.Evidence) {
			t.Fatalf("%d items in, %d traced", len(in.Evidence), len(a.Evidence))
		}
	})
}
