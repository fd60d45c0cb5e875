package yamldoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"path"
	"strings"

	"github.com/careerladder/careerladder/internal/textsafe"
)

// IsJSONName reports whether a file name says the file is JSON.
func IsJSONName(name string) bool { return strings.EqualFold(path.Ext(name), ".json") }

// CheckJSON reports the first syntax error of src as JSON, or nil. YAML
// reads most JSON, but also accepts what JSON does not (comments, trailing
// commas, unquoted strings); a file that says it is JSON must be JSON. The
// issue marks the offending character (an empty range at the end of the
// input when it ends too soon), or the start of what follows the value.
func CheckJSON(src []byte) []Issue {
	dec := json.NewDecoder(bytes.NewReader(src))
	var v json.RawMessage
	err := dec.Decode(&v)
	lines := NewLines(src)
	char := func(off int64, code, summary string) []Issue {
		p := lines.Offset(int(off))
		return []Issue{{Code: code, Start: p, End: lines.Next(p), Summary: summary}}
	}
	if err == nil {
		// One value only: anything after it but white space is an error.
		rest := bytes.TrimLeft(src[dec.InputOffset():], " \t\r\n")
		if len(rest) > 0 {
			return char(int64(len(src)-len(rest)), CodeMultiDoc, "a file holds one JSON value; found text after it")
		}
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, the offending one included.
		return char(max(se.Offset-1, 0), CodeSyntax, "JSON: "+textsafe.String(se.Error()))
	}
	// io.ErrUnexpectedEOF, or io.EOF for input with no value at all.
	if len(bytes.TrimSpace(src)) == 0 {
		p := lines.At(1, 1)
		return []Issue{{Code: CodeEmpty, Start: p, End: p, Summary: "document is empty"}}
	}
	return char(int64(len(src)), CodeSyntax, "JSON: "+textsafe.String(err.Error()))
}

// jsonNodes counts the values of src, valid JSON, as the YAML parser makes
// nodes of them: every object, array, key, string, number and literal.
func jsonNodes(src []byte) int64 {
	n := int64(0)
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"':
			n++
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case c == '{' || c == '[':
			n++
		case c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n':
			n++
			for i+1 < len(src) && !strings.ContainsRune(",]} \t\r\n", rune(src[i+1])) {
				i++
			}
		}
	}
	return n
}
