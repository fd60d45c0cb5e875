package diagtest

import (
	"strings"
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

// CheckLines reports through t each line of out, the output of a writer
// fed hostile text, that holds a character textsafe escapes or a bad byte,
// or that was forged: that starts, after spaces, with "::", as the text a
// hostile value puts after a newline to make a GitHub annotation does. It
// fails on empty output, which would check nothing.
func CheckLines(t TB, what string, out []byte) {
	t.Helper()
	if len(out) == 0 {
		t.Errorf("%s: no output", what)
	}
	for n, line := range strings.Split(string(out), "\n") {
		if i := textsafe.Index(line); i >= 0 {
			r, _ := utf8.DecodeRuneInString(line[i:])
			t.Errorf("%s: line %d holds %U raw: %q", what, n+1, r, line)
		}
		if strings.HasPrefix(strings.TrimSpace(line), "::") {
			t.Errorf("%s: line %d is forged: %q", what, n+1, line)
		}
	}
}
