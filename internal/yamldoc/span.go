package yamldoc

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The parser gives each node a start (at its anchor or tag when it has
// one) but no end; the functions here find the end in the source, from
// the node's value and the ends of its children. Whatever the input, they
// return an end at or after the start and inside the source.

// at returns the position of node n.
func (doc *Document) at(n *yaml.Node) Pos { return doc.lines.At(n.Line, n.Column) }

// span returns the range of node n's source text: from its start to just
// after its last character. A scalar ends after its text (a quoted one
// after its closing quote, a multi-line or block one after its last line of
// content, an empty one where it starts), an alias after its name, a flow
// collection after its closing bracket and a block collection after its
// last entry.
func (doc *Document) span(n *yaml.Node) (start, end Pos) {
	start = doc.at(n)
	e := doc.end(n, start.Byte, 0)
	if e <= start.Byte {
		return start, start
	}
	return start, doc.lines.Offset(e)
}

// head returns the range of node n's first token, for diagnostics about
// something n lacks: the whole of a scalar or alias; otherwise the anchor
// or tag n starts with, the opening bracket of a flow collection, the
// first key of a block mapping or the first "-" of a block sequence.
func (doc *Document) head(n *yaml.Node) (start, end Pos) {
	if n.Kind == yaml.ScalarNode || n.Kind == yaml.AliasNode {
		return doc.span(n)
	}
	start = doc.at(n)
	src, i := doc.lines.src, start.Byte
	switch {
	case i >= len(src):
		return start, start
	case src[i] == '&' || src[i] == '!':
		return start, doc.lines.Offset(tokenEnd(src, i))
	case n.Kind == yaml.MappingNode && src[i] != '{' && len(n.Content) > 0:
		if _, end = doc.span(n.Content[0]); end.Byte > start.Byte {
			return start, end
		}
	}
	return start, doc.lines.Next(start)
}

// maxSpanDepth bounds the recursion of end into last children; documents
// that reach it were refused as too deep, and end then gives up early.
const maxSpanDepth = 10_000

// end returns the offset just after node n, which starts at offset start.
func (doc *Document) end(n *yaml.Node, start, depth int) int {
	src := doc.lines.src
	i := start
	if n.Kind == yaml.AliasNode {
		if i < len(src) && src[i] == '*' {
			return min(i+1+len(n.Value), len(src))
		}
		return i
	}
	for k := 0; k < 2 && i < len(src) && (src[i] == '&' || src[i] == '!'); k++ {
		i = skipSpace(src, tokenEnd(src, i), true)
	}
	if i >= len(src) {
		return len(src)
	}
	if n.Kind == yaml.ScalarNode {
		return scalarEnd(src, i, n)
	}
	close := byte(0)
	switch src[i] {
	case '[':
		close = ']'
	case '{':
		close = '}'
	}
	e := i
	if close != 0 {
		e = i + 1
	}
	if k := len(n.Content); k > 0 && depth < maxSpanDepth {
		last := n.Content[k-1]
		e = max(e, doc.end(last, doc.at(last).Byte, depth+1))
	}
	if close != 0 {
		if j := skipSpace(src, e, true); j < len(src) && src[j] == close {
			return j + 1
		}
		// A trailing comma, or what the parser took for one.
		if j := skipSpace(src, e, true); j < len(src) && src[j] == ',' {
			if j := skipSpace(src, j+1, true); j < len(src) && src[j] == close {
				return j + 1
			}
		}
	}
	return e
}

// scalarEnd returns the offset just after scalar n, whose text (past any
// anchor and tag) starts at offset i.
func scalarEnd(src []byte, i int, n *yaml.Node) int {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0 && src[i] == '"':
		for j := i + 1; j < len(src); j++ {
			switch src[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0 && src[i] == '\'':
		for j := i + 1; j < len(src); j++ {
			if src[j] == '\'' {
				if j+1 < len(src) && src[j+1] == '\'' {
					j++
					continue
				}
				return j + 1
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && (src[i] == '|' || src[i] == '>'):
		j := i + 1
		for j < len(src) && (src[j] == '-' || src[j] == '+' || src[j] >= '0' && src[j] <= '9') {
			j++
		}
		header := j
		for j < len(src) && breakAt(src, j) == 0 {
			j++ // the rest of the header line: spaces, a comment
		}
		if e, ok := matchEnd(src, j, n.Value); ok && e > j {
			return e
		}
		return header
	default:
		if e, ok := matchEnd(src, i, n.Value); ok {
			return e
		}
	}
	// Not found as expected: mark the first character.
	if breakAt(src, i) > 0 {
		return i
	}
	_, w := utf8.DecodeRune(src[i:])
	return i + w
}

// matchEnd finds value, which the parser read from plain or block text
// starting at offset i, in src: every character that is not white space
// is there in order, with only white space and line breaks between them.
// It returns the offset after the last one, or i for a value of white
// space only.
func matchEnd(src []byte, i int, value string) (int, bool) {
	end := i
	for _, r := range value {
		if space(r) {
			continue
		}
		if i = skipSpace(src, i, false); i >= len(src) {
			return 0, false
		}
		c, w := utf8.DecodeRune(src[i:])
		if c != r {
			return 0, false
		}
		i += w
		end = i
	}
	return end, true
}

// space reports whether r is white space or a line break to YAML.
func space(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u0085', '\u2028', '\u2029', '\uFEFF':
		return true
	}
	return false
}

// skipSpace returns the offset of the first character at or after i that
// is not white space or a line break, nor, with comments set, part of a
// comment.
func skipSpace(src []byte, i int, comments bool) int {
	for i < len(src) {
		r, w := utf8.DecodeRune(src[i:])
		switch {
		case space(r):
			i += w
		case comments && r == '#':
			for i < len(src) && breakAt(src, i) == 0 {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// tokenEnd returns the offset after the anchor or tag at src[i]: the next
// white space, line break or flow indicator, or for a verbatim tag
// (!<...>) its closing '>'.
func tokenEnd(src []byte, i int) int {
	if i+1 < len(src) && src[i] == '!' && src[i+1] == '<' {
		if j := bytes.IndexByte(src[i:], '>'); j >= 0 {
			return i + j + 1
		}
	}
	for i++; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\n', '\r', ',', '[', ']', '{', '}':
			return i
		}
		if breakAt(src, i) > 0 {
			return i
		}
	}
	return i
}
