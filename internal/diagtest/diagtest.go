package diagtest

import (
	"bytes"
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/careerladder/careerladder/ladder"
)

// TB is the part of testing.TB that CheckRanges uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Breaks says how a format ends lines.
type Breaks int

const (
	// YAML ends lines at \n, \r\n, \r, NEL, LS and PS, and does not count
	// a byte order mark at the start of the source; JSON files are read
	// alike.
	YAML Breaks = iota
	// JSONLines ends lines at \n only.
	JSONLines
)

// CheckRanges reports through t each diagnostic of ds with a known
// position whose range does not fit src: End before Start, either end
// outside src, or a Byte offset that disagrees with its Line and Col (the
// text before Byte must hold Line-1 line breaks and Col-1 characters after
// the last one, Byte must not fall inside a character or a line break).
// It returns how many diagnostics it checked.
func CheckRanges(t TB, src []byte, ds ladder.Diagnostics, breaks Breaks) int {
	t.Helper()
	type want struct {
		off int
		got ladder.Pos
		d   int // index in ds
	}
	var ws []want
	checked := 0
	for i, d := range ds {
		if !d.Range.IsValid() {
			continue
		}
		checked++
		s, e := d.Range.Start, d.Range.End
		if e.Byte < s.Byte || e.Line < s.Line || e.Line == s.Line && e.Col < s.Col {
			t.Errorf("range ends before it starts: %+v: %v", d.Range, d)
		}
		for _, p := range []ladder.Pos{s, e} {
			if p.Byte < 0 || p.Byte > len(src) || p.Line < 1 || p.Col < 1 {
				t.Errorf("position %+v outside the source of %d bytes: %v", p, len(src), d)
				continue
			}
			ws = append(ws, want{p.Byte, p, i})
		}
	}
	slices.SortFunc(ws, func(a, b want) int { return cmp.Compare(a.off, b.off) })
	// One pass over src, stopping at each offset asked for.
	line, col, i := 1, 1, 0
	if breaks == YAML && bytes.HasPrefix(src, []byte("\uFEFF")) {
		i = 3
	}
	for _, w := range ws {
		for i < w.off {
			r, n := utf8.DecodeRune(src[i:])
			switch {
			case r == '\n', breaks == YAML && (r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'):
				if r == '\r' && i+1 < len(src) && src[i+1] == '\n' {
					n = 2
				}
				line, col = line+1, 1
			default:
				col++
			}
			i += n
		}
		if i != w.off {
			t.Errorf("byte offset %d falls inside a character, a line break or a byte order mark: %v", w.off, ds[w.d])
			continue
		}
		if w.got.Line != line || w.got.Col != col {
			t.Errorf("byte offset %d is %d:%d, not %d:%d: %v", w.off, line, col, w.got.Line, w.got.Col, ds[w.d])
		}
	}
	return checked
}
