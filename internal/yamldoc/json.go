package yamldoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"
)

// IsJSONName reports whether a file name says the file is JSON.
func IsJSONName(name string) bool { return strings.EqualFold(path.Ext(name), ".json") }

// CheckJSON reports the first syntax error of src as JSON, or nil. YAML
// reads most JSON, but also accepts what JSON does not (comments, trailing
// commas, unquoted strings); a file that says it is JSON must be JSON.
func CheckJSON(src []byte) []Issue {
	dec := json.NewDecoder(bytes.NewReader(src))
	var v json.RawMessage
	err := dec.Decode(&v)
	if err == nil {
		// One value only: anything after it but white space is an error.
		rest := bytes.TrimLeft(src[dec.InputOffset():], " \t\r\n")
		if len(rest) > 0 {
			line, col := position(src, int64(len(src)-len(rest)))
			return []Issue{{Code: CodeMultiDoc, Line: line, Col: col, Summary: "a file holds one JSON value; found text after it"}}
		}
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, the offending one included.
		line, col := position(src, max(se.Offset-1, 0))
		return []Issue{{Code: CodeSyntax, Line: line, Col: col, Summary: "JSON: " + se.Error()}}
	}
	// io.ErrUnexpectedEOF, or io.EOF for input with no value at all.
	if len(bytes.TrimSpace(src)) == 0 {
		return []Issue{{Code: CodeEmpty, Line: 1, Col: 1, Summary: "document is empty"}}
	}
	line, col := position(src, int64(len(src)))
	return []Issue{{Code: CodeSyntax, Line: line, Col: col, Summary: fmt.Sprintf("JSON: %v", err)}}
}

// position turns a byte offset into a 1-based line and column in runes.
func position(src []byte, off int64) (line, col int) {
	if off > int64(len(src)) {
		off = int64(len(src))
	}
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	last := before[bytes.LastIndexByte(before, '\n')+1:]
	return line, len([]rune(string(last))) + 1
}
