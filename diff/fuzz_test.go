package diff_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/careerladder/careerladder/diff"
	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/ladder"
)

// FuzzLadders diffs two ladders made from the fuzzer's bytes: it never
// panics, a ladder against itself has no change, the changes one way
// mirror those the other way in number, and the text report carries no
// raw control character from the input.
func FuzzLadders(f *testing.F) {
	files, _ := filepath.Glob("../testdata/ladders/*.yaml")
	hostile, _ := filepath.Glob("../testdata/hostile/*.yaml")
	var srcs [][]byte
	for _, file := range append(files, hostile...) {
		// Large files make each run slow and teach the fuzzer nothing.
		if src, err := os.ReadFile(file); err == nil && len(src) <= 64<<10 {
			srcs = append(srcs, src)
		}
	}
	for i := range srcs {
		f.Add(srcs[i], srcs[(i+1)%len(srcs)])
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		old, err1 := ladder.Parse("old.yaml", a)
		new, err2 := ladder.Parse("new.yaml", b)
		if err1 != nil || err2 != nil {
			return
		}
		if r, err := diff.Ladders(old, old); err != nil || !r.Equal() {
			t.Fatalf("a ladder against itself: %v %v", err, r.Changes)
		}
		there, err := diff.Ladders(old, new)
		if err != nil {
			t.Fatal(err)
		}
		back, err := diff.Ladders(new, old)
		if err != nil {
			t.Fatal(err)
		}
		if len(there.Changes) != len(back.Changes) {
			t.Fatalf("%d changes one way, %d the other", len(there.Changes), len(back.Changes))
		}
		var out bytes.Buffer
		if err := there.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n")) {
			if i := textsafe.Index(string(line)); i >= 0 {
				t.Fatalf("a raw control character in the report: %q", line)
			}
		}
	})
}
