package ladder_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
)

const hostileDir = "../testdata/hostile"

// TestHostile loads every file of the hostile corpus: no panic, the
// expected diagnostic at its position, and memory and allocations bounded
// by the input size.
func TestHostile(t *testing.T) {
	f, err := os.Open(filepath.Join(hostileDir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		want[fields[0]] = append(want[fields[0]], strings.Join(fields[1:], " "))
	}
	entries, err := os.ReadDir(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == "expected.txt" || name == "README.md" {
			continue
		}
		files++
		if want[name] == nil {
			t.Errorf("%s has no line in expected.txt", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(hostileDir, name))
			if err != nil {
				t.Fatal(err)
			}
			var ds ladder.Diagnostics
			bytes, allocs := measure(func() {
				l, err := ladder.Parse(name, src)
				if err == nil {
					ds = l.Validate()
				} else if !errors.As(err, &ds) {
					t.Fatalf("error %T: %v", err, err)
				}
			})
			diagtest.CheckText(t, ds)
			diagtest.CheckRanges(t, src, ds, diagtest.YAML)
			got := map[string]bool{}
			for _, d := range ds {
				got[fmt.Sprintf("%d:%d %s", d.Range.Start.Line, d.Range.Start.Col, d.Code)] = true
			}
			for _, w := range want[name] {
				if w == "valid" {
					if ds.HasErrors() {
						t.Errorf("want no errors, got:\n%v", ds)
					}
				} else if !got[w] {
					shown := ds
					if len(shown) > 5 {
						shown = shown[:5]
					}
					t.Errorf("want %s, got %d diagnostics, first:\n%v", w, len(ds), shown)
				}
			}
			if len(ds) > ladder.DefaultMaxReports {
				t.Errorf("%d diagnostics, more than the limit", len(ds))
			}
			// The YAML node tree costs about 40 bytes per input byte; allow
			// twice that, plus a constant for small inputs.
			if limit := uint64(100*len(src) + 4<<20); bytes > limit {
				t.Errorf("allocated %d bytes for %d bytes of input (limit %d)", bytes, len(src), limit)
			}
			if limit := uint64(2*len(src) + 50_000); allocs > limit {
				t.Errorf("%d allocations for %d bytes of input (limit %d)", allocs, len(src), limit)
			}
		})
	}
	if files < 30 {
		t.Errorf("only %d hostile files", files)
	}
}

// measure returns the bytes and objects f allocates.
func measure(f func()) (bytes, allocs uint64) {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc, m1.Mallocs - m0.Mallocs
}
