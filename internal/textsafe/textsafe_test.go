package textsafe

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain text, ümlauts, 日本語, emoji 🎉", "plain text, ümlauts, 日本語, emoji 🎉"},
		{`back\slash`, `back\slash`},
		{"a\nb\rc\td", `a\nb\rc\td`},
		{"\x1b[2J", `\x1b[2J`},
		{"\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", `\x1b]8;;http://evil.example\x1b\link\x1b]8;;\x1b\`},
		{"\x00\x07\x08\x0b\x0c\x7f", `\x00\x07\x08\x0b\x0c\x7f`},
		{"\u0080\u0085\u009b\u009f\u00a0", `\u0080\u0085\u009b\u009f` + "\u00a0"},
		{"\u202aa\u202bb\u202cc\u202dd\u202ee", `\u202aa\u202bb\u202cc\u202dd\u202ee`},
		{"\u2066\u2067\u2068\u2069\u200e\u200f\u061c", `\u2066\u2067\u2068\u2069\u200e\u200f\u061c`},
		{"line\u2028para\u2029", `line\u2028para\u2029`},
		{"bad \xff\xfe byte, cut \xe2\x80", `bad \xff\xfe byte, cut \xe2\x80`},
		{"\u200b\u200d\ufeff", "\u200b\u200d\ufeff"}, // invisible, but neither controls nor bidi
	} {
		if got := String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestStringSame checks that text with nothing to escape is returned
// without a copy.
func TestStringSame(t *testing.T) {
	s := strings.Repeat("Senior engineer, ü ", 10)
	if n := testing.AllocsPerRun(100, func() { _ = String(s) }); n != 0 {
		t.Errorf("%v allocations for text with nothing to escape", n)
	}
}

func TestFprintf(t *testing.T) {
	var b strings.Builder
	_, err := Fprintf(&b, "%s|%v|%q|%d|%-6s|%s|%v|%x\n", "a\x1bb", errors.New("e\nf"), "q\n\u202e", 42, "\t", []string{"x\n", "y"}, stringer("s\u009b"), 255)
	if err != nil {
		t.Fatal(err)
	}
	want := `a\x1bb|e\nf|"q\n\u202e"|42|\t    |[x\n y]|s\u009b|ff` + "\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
	type code string
	if got := Sprintf("%s: %s %v", "k", "v\r", code("c\x1b")); got != `k: v\r c\x1b` {
		t.Errorf("Sprintf: %q", got)
	}
}

type stringer string

func (s stringer) String() string { return string(s) }

// check fails when out holds a character the rule escapes.
func check(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("String(%q) = %q: not valid UTF-8", in, out)
	}
	for _, r := range out {
		if Escaped(r) {
			t.Fatalf("String(%q) = %q holds %U", in, out, r)
		}
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[31mred\x1b[0m", "\u202eevil", "\xff", "a\nb", "\u009b2J"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Each character is written on its own: as it is, or escaped.
		// (Every character of short inputs, one of long ones: the check
		// is quadratic.)
		for i, r := range s {
			if r == utf8.RuneError || Escaped(r) || len(s) > 64 && i < len(s)/2 {
				continue
			}
			size := utf8.RuneLen(r)
			if String(s) != String(s[:i])+s[i:i+size]+String(s[i+size:]) {
				t.Fatalf("String(%q) does not keep %q at %d as it is", s, r, i)
			}
			if len(s) > 64 {
				break
			}
		}
		out := String(s)
		check(t, s, out)
		clean := utf8.ValidString(s) && !strings.ContainsFunc(s, Escaped)
		if clean != (out == s) {
			t.Fatalf("String(%q) = %q: changed %v, want %v", s, out, out != s, !clean)
		}
		if i := Index(s); clean != (i < 0) || i >= 0 && String(s[:i]) != s[:i] {
			t.Fatalf("Index(%q) = %d", s, i)
		}
		if String(out) != out {
			t.Fatalf("String is not idempotent on %q", s)
		}
	})
}
