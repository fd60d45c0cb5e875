package yamldoc

import (
	"sort"
	"unicode/utf8"
)

// A Pos is a position in a source. Line and Col are 1-based, Col counted in
// characters; Byte is the 0-based offset of the same place. A zero Line
// means the position is unknown.
type Pos struct {
	Line int // 1-based line, 0 when unknown
	Col  int // 1-based column, in characters
	Byte int // 0-based byte offset
}

// Lines converts between byte offsets and lines and columns of one source,
// counting as the YAML parser does, so that its node positions and the
// offsets agree: a line ends at \n, \r\n or \r and at the breaks NEL, LS
// and PS, and a byte order mark at the start is not a character (line 1,
// column 1 is just after it). An invalid UTF-8 byte counts as one
// character.
//
// The index is built on first use, so a source that needs no position
// costs nothing.
type Lines struct {
	src    []byte
	starts []int // byte offset of the first character of each line
	// marks holds, for each long line looked into, the byte offset of
	// every markEvery-th character, so that one lookup never walks a long
	// line (minified JSON is one line) from its start.
	marks map[int][]int
}

const (
	longLine  = 512 // bytes; shorter lines are walked
	markEvery = 128 // characters
)

// NewLines returns the index of src, which it keeps and does not change.
func NewLines(src []byte) *Lines { return &Lines{src: src} }

// bomLen is the length of the byte order mark src starts with, or 0.
func bomLen(src []byte) int {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		return 3
	}
	return 0
}

// breakAt returns the length of the line break at src[i:], or 0.
func breakAt(src []byte, i int) int {
	switch c := src[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xC2 && i+1 < len(src) && src[i+1] == 0x85:
		return 2
	case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
		return 3
	}
	return 0
}

func (ls *Lines) index() {
	if ls.starts != nil {
		return
	}
	src := ls.src
	ls.starts = make([]int, 1, countLines(src))
	ls.starts[0] = bomLen(src)
	for i := ls.starts[0]; i < len(src); {
		switch c := src[i]; {
		case c != '\n' && c != '\r' && c != 0xC2 && c != 0xE2:
			i++
		default:
			if n := breakAt(src, i); n > 0 {
				i += n
				ls.starts = append(ls.starts, i)
			} else {
				i++
			}
		}
	}
}

// lineEnd returns the offset of the break that ends line i (0-based), or
// the end of the source for the last line.
func (ls *Lines) lineEnd(i int) int {
	if i+1 >= len(ls.starts) {
		return len(ls.src)
	}
	end := ls.starts[i+1]
	for j := max(end-3, ls.starts[i]); j < end; j++ {
		if breakAt(ls.src, j) == end-j {
			return j
		}
	}
	return end
}

// mark returns, for line i, the greatest known character k <= col-1 (a
// 0-based count of characters from the line's start) and its offset.
func (ls *Lines) mark(i, chars int) (k, off int) {
	start, end := ls.starts[i], ls.lineEnd(i)
	if end-start < longLine {
		return 0, start
	}
	m, ok := ls.marks[i]
	if !ok {
		if ls.marks == nil {
			ls.marks = map[int][]int{}
		}
		for j, n := start, 0; j < end; n++ {
			if n%markEvery == 0 {
				m = append(m, j)
			}
			_, w := utf8.DecodeRune(ls.src[j:end])
			j += w
		}
		ls.marks[i] = m
	}
	k = min(chars/markEvery, len(m)-1)
	if k < 0 {
		return 0, start
	}
	return k * markEvery, m[k]
}

// markBefore returns, for line i, the greatest marked character at or
// before offset off, as a count of characters and an offset.
func (ls *Lines) markBefore(i, off int) (chars, at int) {
	start, end := ls.starts[i], ls.lineEnd(i)
	if end-start < longLine {
		return 0, start
	}
	ls.mark(i, 0) // build the marks
	m := ls.marks[i]
	k := sort.SearchInts(m, off+1) - 1
	if k < 0 {
		return 0, start
	}
	return k * markEvery, m[k]
}

// At returns the position at line and col, clamped into the source: a line
// past the last is the last line's column 1, as the YAML parser places an
// implicit node after the input there; a column past the end of its line
// is the end of the line.
func (ls *Lines) At(line, col int) Pos {
	ls.index()
	switch {
	case line > len(ls.starts):
		line, col = len(ls.starts), 1
	case line < 1:
		line = 1
	}
	col = max(col, 1)
	i := line - 1
	end := ls.lineEnd(i)
	n, off := ls.mark(i, col-1)
	for n < col-1 && off < end {
		_, w := utf8.DecodeRune(ls.src[off:end])
		off += w
		n++
	}
	return Pos{Line: line, Col: n + 1, Byte: off}
}

// Offset returns the position of byte offset off, clamped into the source.
// An offset inside a line break or a character is that break's or that
// character's start.
func (ls *Lines) Offset(off int) Pos {
	ls.index()
	off = min(max(off, ls.starts[0]), len(ls.src))
	i := sort.SearchInts(ls.starts, off+1) - 1
	off = min(off, ls.lineEnd(i))
	n, at := ls.markBefore(i, off)
	for at < off {
		_, w := utf8.DecodeRune(ls.src[at:])
		if at+w > off {
			break
		}
		at += w
		n++
	}
	return Pos{Line: i + 1, Col: n + 1, Byte: at}
}

// End returns the end of the line of p: the offset of its line break, or
// of the end of the source.
func (ls *Lines) End(p Pos) Pos {
	ls.index()
	return ls.Offset(ls.lineEnd(p.Line - 1))
}

// Next returns the position one character after p, or p itself at the end
// of a line or of the source: the end of a range that marks the single
// character at p.
func (ls *Lines) Next(p Pos) Pos {
	ls.index()
	if p.Byte >= ls.lineEnd(p.Line-1) {
		return p
	}
	_, w := utf8.DecodeRune(ls.src[p.Byte:])
	return Pos{Line: p.Line, Col: p.Col + 1, Byte: p.Byte + w}
}
