package diagtest

import (
	"unicode/utf8"

	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/ladder"
)

// CheckText reports through t each diagnostic of ds whose Error or
// Message, or whose Summary, Detail or Path, holds a raw control
// character, newline, bidirectional control or bad byte: values from the
// document must be quoted where they are echoed, so that a diagnostic is
// one line that cannot act on a terminal. It returns how many diagnostics
// it checked.
func CheckText(t TB, ds ladder.Diagnostics) int {
	t.Helper()
	for _, d := range ds {
		for _, f := range []struct{ name, s string }{
			{"Error", d.Error()}, {"Message", d.Message()},
			{"Summary", d.Summary}, {"Detail", d.Detail}, {"Path", d.Path},
		} {
			if i := textsafe.Index(f.s); i >= 0 {
				r, _ := utf8.DecodeRuneInString(f.s[i:])
				t.Errorf("%s holds %U raw at byte %d: %q", f.name, r, i, f.s)
			}
		}
	}
	return len(ds)
}
