package evidence_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
)

// TestValidInputs loads every example evidence file against its ladder.
func TestValidInputs(t *testing.T) {
	for ladderName, input := range map[string]string{
		"cto.yaml": "senior-engineer.yaml", "snowflake.yaml": "snowflake.yaml",
		"engineering-ladders.yaml": "engineering-ladders.yaml", "sparse.yaml": "sparse.yaml",
	} {
		s := compile(t, ladderName)
		in := loadInput(t, s, input)
		if in.Person == "" || in.Ladder != s.Ladder().ID {
			t.Errorf("%s: person %q, ladder %q", input, in.Person, in.Ladder)
		}
	}
	matches, _ := fs.Glob(careerladder.Evidence(), "*.yaml")
	if len(matches) != 4 {
		t.Errorf("example evidence files: %v", matches)
	}
}

// TestInvalidInputs reads each case of testdata/invalid-evidence against the
// CTO ladder and compares its "line:col code" lines with the golden file.
func TestInvalidInputs(t *testing.T) {
	s := compile(t, "cto.yaml")
	files, _ := filepath.Glob("../testdata/invalid-evidence/*.yaml")
	jsons, _ := filepath.Glob("../testdata/invalid-evidence/*.json")
	files = append(files, jsons...)
	if len(files) < 15 {
		t.Fatalf("only %d cases", len(files))
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			_, err := (evidence.Loader{Ladder: s.Ladder()}).LoadFile(file)
			var ds ladder.Diagnostics
			if !errors.As(err, &ds) || len(ds) == 0 {
				t.Fatalf("err = %v, want diagnostics", err)
			}
			var b strings.Builder
			for _, d := range ds {
				if d.Range.File != file || d.Range.Start.Line < 1 || d.Range.Start.Col < 1 {
					t.Errorf("bad position: %v", d)
				}
				fmt.Fprintf(&b, "%d:%d %s\n", d.Range.Start.Line, d.Range.Start.Col, d.Code)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			diagtest.CheckText(t, ds)
			if n := diagtest.CheckRanges(t, src, ds, diagtest.YAML); n != len(ds) {
				t.Errorf("%d of %d diagnostics have a position", n, len(ds))
			}
			golden(t, strings.TrimSuffix(file, filepath.Ext(file))+".golden", []byte(b.String()))
		})
	}
}

// TestParseInputWithoutLadder checks only what needs no ladder.
func TestParseInputWithoutLadder(t *testing.T) {
	src := []byte("format: careerladder/evidence/v1\nperson: p\nevidence:\n  - {id: a, capability: anything, rating: whatever, date: 2026-01-01, source: peer, tags: [Bad Tag]}\n  - {id: a, capability: x, rating: y, date: 2026-01-02, source: peer}\n")
	_, err := (evidence.Loader{}).Parse("p.yaml", src)
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("err = %v", err)
	}
	var codes []string
	for _, d := range ds {
		codes = append(codes, fmt.Sprintf("%d:%d %s", d.Range.Start.Line, d.Range.Start.Col, d.Code))
	}
	if want := "4:92 bad-id,5:10 duplicate-id"; strings.Join(codes, ",") != want {
		t.Errorf("diagnostics %v, want %s", codes, want)
	}
	if _, err := (evidence.Loader{}).Parse("ok.yaml", []byte("format: careerladder/evidence/v1\nperson: p\nratings: {manager: {anything: whatever}}\n")); err != nil {
		t.Errorf("references checked without a ladder: %v", err)
	}
}

func TestLoadInputErrors(t *testing.T) {
	s := compile(t, "cto.yaml")
	if _, err := (evidence.Loader{Ladder: s.Ladder()}).LoadFile(filepath.Join(t.TempDir(), "none.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := (evidence.Loader{Ladder: s.Ladder()}).Load(nil, "x.yaml"); err == nil {
		t.Errorf("nil fs accepted")
	}
	fsys := fstest.MapFS{"big.yaml": {Data: []byte(strings.Repeat("# padding\n", 100))}}
	_, err := evidence.Loader{Ladder: s.Ladder(), Limits: ladder.Limits{MaxBytes: 50}}.Load(fsys, "big.yaml")
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) || ds[0].Code != ladder.CodeTooLarge {
		t.Errorf("limit: %v", err)
	}
	src, err := os.ReadFile("../testdata/evidence/senior-engineer.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in, err := (evidence.Loader{Ladder: s.Ladder()}).Parse("alex.yaml", src)
	if err != nil || len(in.Evidence) != 36 || len(in.Ratings) != 8 {
		t.Errorf("parse: %v, %d items", err, len(in.Evidence))
	}
}

func TestEvidenceSchemaEmbedded(t *testing.T) {
	want, err := os.ReadFile("evidence.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := evidence.Schema(); string(got) != string(want) {
		t.Errorf("EvidenceSchema() differs from evidence.schema.json")
	}
}

// TestInputRoundTrip writes every example evidence file as YAML and JSON
// and reads it back: the input must be equal, order kept.
func TestInputRoundTrip(t *testing.T) {
	files, _ := fs.Glob(careerladder.Evidence(), "*.yaml")
	for _, name := range files {
		src, err := fs.ReadFile(careerladder.Evidence(), name)
		if err != nil {
			t.Fatal(err)
		}
		in, err := (evidence.Loader{}).Parse(name, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{".yaml", ".json"} {
			var b bytes.Buffer
			if ext == ".json" {
				err = in.WriteJSON(&b)
			} else {
				err = in.WriteYAML(&b)
			}
			if err != nil {
				t.Fatal(err)
			}
			back, err := (evidence.Loader{}).Parse("out"+ext, b.Bytes())
			if err != nil {
				t.Fatalf("%s%s does not load: %v\n%s", name, ext, err, b.Bytes())
			}
			if diff := cmp.Diff(in, back); diff != "" {
				t.Errorf("%s%s round trip (-in +back):\n%s", name, ext, diff)
			}
		}
	}
}
