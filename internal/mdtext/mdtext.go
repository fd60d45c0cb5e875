package mdtext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careerladder/careerladder/internal/textsafe"
)

// Inline escapes text for Markdown: the characters that start inline markup
// (emphasis, code, links, images, strikethrough, table cells) are
// backslash-escaped, HTML's special characters become entities, a leading
// character that would start a block (a heading, list, quote or rule) is
// escaped too, and line breaks become spaces and white space at either end
// goes (it would make an indented code block, or keep "**" from making
// bold text), so the text stays one inline run wherever it is placed. Text that GitHub
// Flavored Markdown would turn into a link by itself is broken up with
// what renders the same: the colon of "http://" and the dot of "www." are
// backslash-escaped, and a word joiner (U+2060, invisible) goes before
// an "@" that follows what could be the start of an e-mail address. Control
// characters, bidirectional controls and bad bytes are written as visible
// escapes, as textsafe writes them.
func Inline(s string) string {
	s = strings.TrimFunc(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s), unicode.IsSpace)
	s = textsafe.String(s)
	var b strings.Builder
	prev := rune(-1)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '!', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '#', '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '.', ')':
			// "1." or "1)" at the start would begin an ordered list, and
			// "www." starts a link.
			if i > 0 && strings.Trim(s[:i], "0123456789") == "" || r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case ':':
			if strings.HasPrefix(s[i+1:], "//") {
				b.WriteByte('\\') // a scheme's colon: http://, ftp://
			}
			b.WriteRune(r)
		case '@':
			// What an address may hold before its "@", and the colon of
			// mailto: and xmpp:.
			if prev >= 0 && prev < utf8.RuneSelf && (isAlnum(byte(prev)) || strings.ContainsRune(".+-_:", prev)) {
				b.WriteString("&#x2060;") // word joiner
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
