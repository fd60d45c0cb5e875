package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// TB is the part of testing.TB that Check uses.
type TB interface {
	Helper()
	Fatal(args ...any)
	Errorf(format string, args ...any)
}

// Check compares got with the golden file; with update set it first
// rewrites the file (creating its directory). It reports a difference with
// the first differing lines and returns whether the contents were equal.
func Check(t TB, file string, got []byte, update bool) bool {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if d := Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs; go test -update rewrites it:\n%s", file, d)
		return false
	}
	return true
}

// Diff returns "" when want and got are equal, and otherwise the first few
// differing lines, numbered, as "-want" and "+got".
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		wok, gok := i < len(w), i < len(g)
		if wok {
			wl = w[i]
		}
		if gok {
			gl = g[i]
		}
		if wok == gok && wl == gl {
			continue
		}
		shown++
		if wok {
			fmt.Fprintf(&b, "line %d -want %q\n", i+1, wl)
		}
		if gok {
			fmt.Fprintf(&b, "line %d +got  %q\n", i+1, gl)
		}
	}
	if len(w) != len(g) {
		fmt.Fprintf(&b, "(%d lines wanted, %d got)\n", len(w), len(g))
	}
	return b.String()
}
