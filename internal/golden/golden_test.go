package golden

import (
	"path/filepath"
	"strings"
	"testing"
)

type fakeT struct{ errors []string }

func (f *fakeT) Helper()                           {}
func (f *fakeT) Fatal(args ...any)                 { panic(args) }
func (f *fakeT) Errorf(format string, args ...any) { f.errors = append(f.errors, format) }

func TestCheck(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sub", "x.golden")
	if !Check(t, file, []byte("a\nb\n"), true) {
		t.Fatal("rewritten file differs")
	}
	if !Check(t, file, []byte("a\nb\n"), false) {
		t.Error("equal content reported as different")
	}
	var f fakeT
	if Check(&f, file, []byte("a\nc\n"), false) || len(f.errors) != 1 {
		t.Errorf("difference not reported: %v", f.errors)
	}
	d := Diff("a\nb\n", "a\nc\nd\n")
	if !strings.Contains(d, `line 2 -want "b"`) || !strings.Contains(d, `line 2 +got  "c"`) || !strings.Contains(d, `line 3 +got  "d"`) {
		t.Errorf("diff:\n%s", d)
	}
	if Diff("same", "same") != "" {
		t.Error("diff of equal strings")
	}
}
