// Package textsafe escapes text from input files before it is written for
// a person to read, so that a name or an id cannot act on the terminal
// that shows it (move the cursor, clear the screen, set the title, make a
// hyperlink), reorder the text around it, or start a line of its own.
//
// The rule: every C0 control (U+0000 to U+001F, newline and tab included),
// DEL (U+007F), every C1 control (U+0080 to U+009F), the bidirectional
// controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069),
// the line and paragraph separators (U+2028, U+2029) and every byte that
// is not part of valid UTF-8 are written as visible escapes in the style
// of Go's strconv.Quote: \n, \r and \t, \x1b for other C0 controls and
// DEL and for bad bytes (\xff), \u0085 and \u202e for the rest. Everything
// else, backslashes included, is written as it is, so that ordinary text
// is unchanged. The escapes are for display; they are not meant to be
// read back.
//
// A writer's own newlines and tabs, which give its output its structure,
// are in its format strings, not in the values: [Fprintf] escapes its
// arguments and leaves the format alone.
package textsafe

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escaped reports whether String writes r as an escape.
func Escaped(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidirectional controls
	case r == 0x2028, r == 0x2029:
		return true // line and paragraph separators
	}
	return false
}

// String returns s with the characters of the package's rule written as
// escapes. It returns s itself when there is nothing to escape.
func String(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || Escaped(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			writeHex(&b, `\x`, uint32(s[i]), 2)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			writeHex(&b, `\x`, uint32(r), 2)
		case Escaped(r):
			writeHex(&b, `\u`, uint32(r), 4)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func writeHex(b *strings.Builder, prefix string, v uint32, digits int) {
	b.WriteString(prefix)
	h := strconv.FormatUint(uint64(v), 16)
	for range digits - len(h) {
		b.WriteByte('0')
	}
	b.WriteString(h)
}

// Fprintf is fmt.Fprintf with every argument that is text (a string, a
// []string, an error or a fmt.Stringer) escaped by String when it is
// formatted with %s or %v; %q quotes the argument's own text instead, as
// strconv.Quote does, which escapes these characters too. Other verbs and
// other values are formatted as fmt does.
func Fprintf(w io.Writer, format string, args ...any) (int, error) {
	return fmt.Fprintf(w, format, Args(args...)...)
}

// Sprintf is Fprintf into a string.
func Sprintf(format string, args ...any) string {
	return fmt.Sprintf(format, Args(args...)...)
}

// Args returns args with every text argument wrapped so that fmt writes
// it as Fprintf does, for calls that pass fmt's arguments on.
func Args(args ...any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			out[i] = text{v, v}
		case []string:
			ts := make([]text, len(v))
			for j, s := range v {
				ts[j] = text{s, s}
			}
			out[i] = ts
		case error:
			out[i] = text{v.Error(), a}
		case fmt.Stringer:
			out[i] = text{v.String(), a}
		default:
			out[i] = a
		}
	}
	return out
}

// text is an argument that formats escaped.
type text struct {
	s        string
	original any
}

// Format writes t escaped for %s and %v, quoted for %q, and as the
// original value for any other verb.
func (t text) Format(f fmt.State, verb rune) {
	switch verb {
	case 's', 'v':
		fmt.Fprintf(f, fmt.FormatString(f, verb), String(t.s))
	case 'q':
		fmt.Fprintf(f, fmt.FormatString(f, verb), t.s)
	default:
		fmt.Fprintf(f, fmt.FormatString(f, verb), t.original)
	}
}
