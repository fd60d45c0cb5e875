package yamldoc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// refPositions returns the position of every character start of src (and
// of its end), computed the slow way: one pass, rune by rune, breaking
// lines as YAML does and skipping a leading byte order mark.
func refPositions(src []byte) []Pos {
	var out []Pos
	line, col, i := 1, 1, 0
	if strings.HasPrefix(string(src), "\uFEFF") {
		i = 3
	}
	for i < len(src) {
		out = append(out, Pos{line, col, i})
		r, w := utf8.DecodeRune(src[i:])
		switch {
		case r == '\r' && i+1 < len(src) && src[i+1] == '\n':
			i += 2
			line, col = line+1, 1
			continue
		case r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			line, col = line+1, 1
		default:
			col++
		}
		i += w
	}
	return append(out, Pos{line, col, i})
}

// refPos returns the position of byte offset off, the slow way.
func refPos(src []byte, off int) Pos {
	ps := refPositions(src)
	best := ps[0]
	for _, p := range ps {
		if p.Byte <= off {
			best = p
		}
	}
	return best
}

// checkRange fails unless is has a range inside src whose ends are
// positions as refPositions counts them, start before end.
func checkRange(t *testing.T, src []byte, is Issue) {
	t.Helper()
	if is.Start.Line < 1 || is.Start.Byte > is.End.Byte || is.End.Byte > len(src) {
		t.Fatalf("range outside the input or reversed: %+v", is)
	}
	for _, p := range []Pos{is.Start, is.End} {
		if want := refPos(src, p.Byte); want != p {
			t.Fatalf("position %+v, want %+v for its byte offset: %+v", p, want, is)
		}
	}
}

func TestLines(t *testing.T) {
	long := strings.Repeat("aé€𝄞", 300) // past longLine, with marks inside characters
	for _, src := range []string{
		"", "a", "a\n", "\n\n", "a\r\nb", "a\rb\r", "a\u0085b\u2028c\u2029d", "\uFEFF", "\uFEFFa\nb",
		"é\nü€\n", "x: " + long + "\ny: " + long, long + "\r\n" + long, "a\xffb\nc",
	} {
		ls := NewLines([]byte(src))
		ref := refPositions([]byte(src))
		if ls.index(); len(ls.starts) != ref[len(ref)-1].Line {
			t.Errorf("%.20q: %d lines, want %d", src, len(ls.starts), ref[len(ref)-1].Line)
		}
		k := 0 // ref[k] is the position of off, or of the character off is in
		for off := 0; off <= len(src); off++ {
			for k+1 < len(ref) && ref[k+1].Byte <= off {
				k++
			}
			if got := ls.Offset(off); got != ref[k] {
				t.Fatalf("%.20q: Offset(%d) = %+v, want %+v", src, off, got, ref[k])
			}
		}
		for _, p := range ref {
			if got := ls.At(p.Line, p.Col); got != p {
				t.Fatalf("%.20q: At(%d, %d) = %+v, want %+v", src, p.Line, p.Col, got, p)
			}
		}
		// Clamping: past the last line, before the first, past a line's end.
		last := ref[len(ref)-1]
		if got := ls.At(last.Line+1, 7); got.Line != last.Line || got.Col != 1 {
			t.Errorf("%.20q: At past the end = %+v", src, got)
		}
		if got := ls.At(0, 0); got != ref[0] {
			t.Errorf("%.20q: At(0, 0) = %+v, want %+v", src, got, ref[0])
		}
		if got := ls.At(1, 1<<20); got != ls.End(ref[0]) {
			t.Errorf("%.20q: At(1, huge) = %+v, want the end of line 1 %+v", src, got, ls.End(ref[0]))
		}
	}
}

// TestSpan checks the text each kind of node's range covers.
func TestSpan(t *testing.T) {
	src := "a: plain text\n" +
		"b: &x anchored\n" +
		"c: \"quo\\\"ted\" # comment\n" +
		"d: 'it''s'\n" +
		"e: multi\n  line plain\n" +
		"f: |\n  lit\n   more\n\n" +
		"g: >- # header\n  folded\n  text\n" +
		"h: [1, {k: v}, *x]\n" +
		"i: { }\n" +
		"j:\n  - x\n  - [y , ]\n" +
		"k:\n" +
		"l: &m\n  n: 1\n  o:\n" +
		"p: !!str 12\n" +
		"p2: !<tag:yaml.org,2002:str> x\n" +
		"\"q\": éé\n" +
		"r: {s}\n"
	d, issues := Parse([]byte(src), Limits{})
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	var root *Path
	for _, tc := range []struct {
		p         *Path
		key, head bool
		want      string
	}{
		{p: root.Key("a"), want: "plain text"},
		{p: root.Key("a"), key: true, want: "a"},
		{p: root.Key("b"), want: "&x anchored"},
		{p: root.Key("c"), want: `"quo\"ted"`},
		{p: root.Key("d"), want: "'it''s'"},
		{p: root.Key("e"), want: "multi\n  line plain"},
		{p: root.Key("f"), want: "|\n  lit\n   more"},
		{p: root.Key("g"), want: ">- # header\n  folded\n  text"},
		{p: root.Key("h"), want: "[1, {k: v}, *x]"},
		{p: root.Key("h").Index(1), want: "{k: v}"},
		{p: root.Key("h").Index(2), want: "*x"},
		{p: root.Key("i"), want: "{ }"},
		{p: root.Key("j"), want: "- x\n  - [y , ]"},
		{p: root.Key("j").Index(1), want: "[y , ]"},
		{p: root.Key("k"), want: ""},
		{p: root.Key("l"), want: "&m\n  n: 1\n  o:"},
		{p: root.Key("p"), want: "!!str 12"},
		{p: root.Key("p2"), want: "!<tag:yaml.org,2002:str> x"},
		{p: root.Key("q"), key: true, want: `"q"`},
		{p: root.Key("q"), want: "éé"},
		{p: root.Key("r"), want: "{s}"},
		// What a missing field points at: the first token.
		{p: root.Key("l"), head: true, want: "&m"},
		{p: root.Key("h").Index(1), head: true, want: "{"},
		{p: root.Key("j"), head: true, want: "-"},
		{p: root.Key("l").Key("n").Key("x"), want: "1"}, // leads nowhere: the deepest node
		{p: root.Key("h").Index(1).Key("x"), want: "{"},
		{p: root.Key("nothing"), want: "a"},
	} {
		var start, end Pos
		if tc.head {
			n := d.Root
			for _, s := range tc.p.steps() {
				if s.index >= 0 {
					n = n.Content[s.index]
				} else {
					n = n.Content[d.keyIndex(n, s.key)+1]
				}
			}
			start, end = d.head(n)
		} else {
			start, end = d.Locate(tc.p, tc.key)
		}
		checkRange(t, []byte(src), Issue{Start: start, End: end})
		if got := src[start.Byte:end.Byte]; got != tc.want {
			t.Errorf("%s (key %v, head %v) covers %q, want %q", tc.p, tc.key, tc.head, got, tc.want)
		}
	}
}

// TestIssueRanges checks the ranges of the issues found without a node
// tree: syntax, bad bytes, whole-file problems.
func TestIssueRanges(t *testing.T) {
	for _, tc := range []struct {
		src, want string
		lim       Limits
	}{
		{src: "id: a\n  b: [\n", want: "  b: ["},
		{src: "id: \"\xff\"\n", want: "\xff"},
		{src: "id: a\x01\n", want: "\x01"},
		{src: "", want: ""},
		{src: "\uFEFF# only a comment\n", want: ""},
		{src: "id: a\n", lim: Limits{MaxBytes: 3}, want: ""},
		{src: "id: a\n---\nid: b\n", want: "id"},
		{src: "id: [[[[x]]]]\n", lim: Limits{MaxDepth: 3}, want: "["},
		{src: "id: aaaaaaaaa\n", lim: Limits{MaxString: 3}, want: "aaaaaaaaa"},
	} {
		_, issues := Parse([]byte(tc.src), tc.lim)
		if len(issues) != 1 {
			t.Errorf("%q: %d issues, want 1: %+v", tc.src, len(issues), issues)
			continue
		}
		is := issues[0]
		checkRange(t, []byte(tc.src), is)
		if got := tc.src[is.Start.Byte:is.End.Byte]; got != tc.want {
			t.Errorf("%q: %s covers %q, want %q", tc.src, is.Code, got, tc.want)
		}
	}
	for _, tc := range []struct{ src, want string }{
		{"{\"id\": a}", "a"},
		{"{\"id\": \"a\"", ""},
		{"{\"id\": \"a\"}\n{}", "{"},
		{"{\"é\": x}", "x"},
	} {
		issues := CheckJSON([]byte(tc.src))
		if len(issues) != 1 {
			t.Fatalf("%q: %+v", tc.src, issues)
		}
		checkRange(t, []byte(tc.src), issues[0])
		if got := tc.src[issues[0].Start.Byte:issues[0].End.Byte]; got != tc.want {
			t.Errorf("%q: covers %q, want %q", tc.src, got, tc.want)
		}
	}
}
