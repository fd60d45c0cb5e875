package ladder_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/careerladder/careerladder/internal/diagtest"
	goldenfile "github.com/careerladder/careerladder/internal/golden"
	"github.com/careerladder/careerladder/ladder"
)

// laddersDir holds valid ladders; invalidDir holds one case per diagnostic
// code, NAME.yaml or NAME.json beside NAME.golden with the expected
// "line:col code" lines.
const (
	laddersDir = "../testdata/ladders"
	invalidDir = "../testdata/invalid"
)

func ladderFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.yaml", "*.json"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no files in %s", dir)
	}
	return files
}

func TestValidLadders(t *testing.T) {
	for _, file := range ladderFiles(t, laddersDir) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			l, err := ladder.LoadFile(file)
			if err != nil {
				t.Fatalf("LoadFile: %v", err)
			}
			if ds := l.Validate(); len(ds) > 0 {
				t.Errorf("reference ladder has diagnostics:\n%v", ds)
			}
		})
	}
}

// limitsRE reads the limits a case asks for in its first line, as in
// "# limits: max_bytes=100 max_depth=3".
var limitsRE = regexp.MustCompile(`^# limits:((?: [a-z_]+=-?\d+)+)`)

func caseLoader(t *testing.T, src []byte) ladder.Loader {
	t.Helper()
	var ld ladder.Loader
	m := limitsRE.FindSubmatch(src)
	if m == nil {
		return ld
	}
	for _, kv := range strings.Fields(string(m[1])) {
		k, v, _ := strings.Cut(kv, "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "max_bytes":
			ld.Limits.MaxBytes = int64(n)
		case "max_depth":
			ld.Limits.MaxDepth = n
		case "max_nodes":
			ld.Limits.MaxNodes = n
		case "max_aliases":
			ld.Limits.MaxAliases = n
		case "max_ids":
			ld.Limits.MaxIDs = n
		case "max_string":
			ld.Limits.MaxString = n
		case "max_reports":
			ld.Limits.MaxReports = n
		default:
			t.Fatalf("unknown limit %q", k)
		}
	}
	return ld
}

// diagnose returns all diagnostics of src: the load errors, or the
// warnings of the loaded ladder.
func diagnose(t *testing.T, name string, src []byte) ladder.Diagnostics {
	t.Helper()
	l, err := caseLoader(t, src).Parse(name, src)
	if err != nil {
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) {
			t.Fatalf("Parse returned %T, not Diagnostics: %v", err, err)
		}
		if l != nil {
			t.Errorf("Parse returned a ladder with errors")
		}
		return ds
	}
	return l.Validate()
}

// golden compares got with the golden file, rewriting it under -update.
func golden(t *testing.T, file string, got []byte) bool {
	t.Helper()
	return goldenfile.Check(t, file, got, *update)
}

func goldenLines(ds ladder.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%d:%d %s\n", d.Range.Start.Line, d.Range.Start.Col, d.Code)
	}
	return b.String()
}

func TestInvalidCases(t *testing.T) {
	covered := map[ladder.Code]bool{}
	suggested := 0
	for _, file := range ladderFiles(t, invalidDir) {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ds := diagnose(t, name, src)
			if len(ds) == 0 {
				t.Fatalf("no diagnostics for an invalid case")
			}
			lines := int64(bytes.Count(src, []byte("\n")) + 1)
			for _, d := range ds {
				covered[d.Code] = true
				if d.Range.File != name || d.Range.Start.Line < 1 || int64(d.Range.Start.Line) > lines || d.Range.Start.Col < 1 {
					t.Errorf("position outside the input: %v", d)
				}
				if d.Summary == "" {
					t.Errorf("empty summary: %v", d)
				}
				if d.Suggestion != "" {
					suggested++
					if strings.Contains(d.Summary, strconv.Quote(d.Suggestion)) {
						t.Errorf("the summary repeats the suggestion: %q", d.Summary)
					}
				}
			}
			diagtest.CheckText(t, ds)
			if n := diagtest.CheckRanges(t, src, ds, diagtest.YAML); n != len(ds) {
				t.Errorf("%d of %d diagnostics have a position", n, len(ds))
			}
			if !golden(t, strings.TrimSuffix(file, filepath.Ext(file))+".golden", []byte(goldenLines(ds))) {
				t.Logf("all diagnostics:\n%v", ds)
			}
		})
	}
	for _, c := range ladder.Codes() {
		if !covered[c] {
			t.Errorf("no invalid case produces code %s", c)
		}
	}
	if suggested == 0 {
		t.Errorf("no invalid case has a suggestion")
	}
}

// TestRoundTrip writes every reference ladder as YAML and as JSON and reads
// it back: the model must be equal, ids and order kept.
func TestRoundTrip(t *testing.T) {
	for _, file := range ladderFiles(t, laddersDir) {
		l, err := ladder.LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			ext   string
			write func(*ladder.Ladder, *bytes.Buffer) error
		}{
			{".yaml", func(l *ladder.Ladder, b *bytes.Buffer) error { return l.WriteYAML(b) }},
			{".json", func(l *ladder.Ladder, b *bytes.Buffer) error { return l.WriteJSON(b) }},
		} {
			t.Run(filepath.Base(file)+f.ext, func(t *testing.T) {
				var b bytes.Buffer
				if err := f.write(l, &b); err != nil {
					t.Fatal(err)
				}
				back, err := ladder.Parse("out"+f.ext, b.Bytes())
				if err != nil {
					t.Fatalf("written ladder does not load: %v\n%s", err, b.Bytes())
				}
				if diff := cmp.Diff(l, back, cmpopts.IgnoreUnexported(ladder.Ladder{})); diff != "" {
					t.Errorf("round trip changed the ladder (-loaded +reloaded):\n%s", diff)
				}
				var again bytes.Buffer
				if err := f.write(back, &again); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(b.Bytes(), again.Bytes()) {
					t.Errorf("writing is not stable")
				}
			})
		}
	}
}
