package diagtest

import (
	"fmt"
	"testing"

	"github.com/careerladder/careerladder/ladder"
)

// recorder counts the failures CheckRanges reports.
type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestCheckRanges(t *testing.T) {
	pos := func(line, col, off int) ladder.Pos { return ladder.Pos{Line: line, Col: col, Byte: off} }
	rng := func(s, e ladder.Pos) ladder.Diagnostic {
		return ladder.Diagnostic{Code: ladder.CodeSyntax, Range: ladder.Range{File: "f", Start: s, End: e}}
	}
	for _, tc := range []struct {
		name   string
		src    string
		breaks Breaks
		d      ladder.Diagnostic
		ok     bool
	}{
		{"empty range at the start", "", YAML, rng(pos(1, 1, 0), pos(1, 1, 0)), true},
		{"a word", "ab: cd\n", YAML, rng(pos(1, 5, 4), pos(1, 7, 6)), true},
		{"characters, not bytes", "é: x\n", YAML, rng(pos(1, 4, 4), pos(1, 5, 5)), true},
		{"crlf", "a\r\nb", YAML, rng(pos(2, 1, 3), pos(2, 2, 4)), true},
		{"cr", "a\rb", YAML, rng(pos(2, 1, 2), pos(2, 2, 3)), true},
		{"cr in JSON Lines", "a\rb", JSONLines, rng(pos(1, 3, 2), pos(1, 4, 3)), true},
		{"byte order mark", "\uFEFFa", YAML, rng(pos(1, 1, 3), pos(1, 2, 4)), true},
		{"LS", "a\u2028b", YAML, rng(pos(2, 1, 4), pos(2, 1, 4)), true},
		{"unknown position", "", YAML, ladder.Diagnostic{Range: ladder.Range{File: "f"}}, true},
		{"reversed", "abc", YAML, rng(pos(1, 3, 2), pos(1, 2, 1)), false},
		{"past the end", "abc", YAML, rng(pos(1, 1, 0), pos(1, 5, 4)), false},
		{"wrong column", "abc", YAML, rng(pos(1, 2, 2), pos(1, 3, 2)), false},
		{"wrong line", "a\nb", YAML, rng(pos(1, 1, 2), pos(2, 2, 3)), false},
		{"inside a character", "é", YAML, rng(pos(1, 1, 0), pos(1, 2, 1)), false},
		{"inside a line break", "a\r\nb", YAML, rng(pos(1, 2, 1), pos(1, 2, 2)), false},
		{"inside the byte order mark", "\uFEFFa", YAML, rng(pos(1, 1, 0), pos(1, 1, 0)), false},
	} {
		var r recorder
		CheckRanges(&r, []byte(tc.src), ladder.Diagnostics{tc.d}, tc.breaks)
		if ok := len(r.errs) == 0; ok != tc.ok {
			t.Errorf("%s: ok = %v, want %v: %v", tc.name, ok, tc.ok, r.errs)
		}
	}
}

func TestCheckText(t *testing.T) {
	for _, tc := range []struct {
		d  ladder.Diagnostic
		ok bool
	}{
		{ladder.Diagnostic{Code: ladder.CodeBadType, Summary: `found "a\nb"`}, true},
		{ladder.Diagnostic{Code: ladder.CodeBadType, Summary: "found é \uFFFD"}, true},
		{ladder.Diagnostic{Code: ladder.CodeBadType, Summary: "found a\nb"}, false},
		{ladder.Diagnostic{Code: ladder.CodeBadType, Summary: "x", Detail: "\x1b[2J"}, false},
		{ladder.Diagnostic{Code: ladder.CodeBadType, Summary: "x", Path: "a[\"\u202e\"]"}, false},
		{ladder.Diagnostic{Code: ladder.CodeBadType, Summary: "bad \xff byte"}, false},
	} {
		var r recorder
		CheckText(&r, ladder.Diagnostics{tc.d})
		if ok := len(r.errs) == 0; ok != tc.ok {
			t.Errorf("%q: ok %v, want %v: %v", tc.d.Summary, ok, tc.ok, r.errs)
		}
	}
}
