package textsafe

import (
	"fmt"
	"io"
	"reflect"
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

// Index returns the byte offset of the first character of s that String
// escapes, or of its first bad byte, or -1 when there is none.
func Index(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || Escaped(r) {
			return i
		}
		i += size
	}
	return -1
}

// String returns s with the characters of the package's rule written as
// escapes. It returns s itself when there is nothing to escape.
func String(s string) string {
	i := Index(s)
	if i < 0 {
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

// Fprintf is fmt.Fprintf with every argument that is text (a string or a
// type of string, a []string, an error or a fmt.Stringer) escaped by String when it is
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
			if rv := reflect.ValueOf(a); rv.Kind() == reflect.String {
				out[i] = text{rv.String(), a} // a named string type
			} else {
				out[i] = a
			}
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
