package ladder

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/careerladder/careerladder/internal/textsafe"
)

// Severity says whether a diagnostic fails a document. The zero Severity is
// invalid on purpose, so that a forgotten severity is caught.
type Severity int

// The severities.
const (
	// Error marks a problem that makes the document unusable.
	Error Severity = iota + 1
	// Warning marks a likely mistake that does not stop the document from
	// being used.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// A Pos is a position in a source. Line and Col are 1-based, Col counted
// in characters; Byte is the 0-based byte offset of the same place, so
// that tools can slice the source without counting characters. A zero Line
// means the position is unknown (as for a ladder built in Go code).
//
// Lines are counted as YAML counts them: a line ends at \n, \r\n or \r,
// and at the Unicode breaks NEL, LS and PS; a byte order mark at the start
// of a file is not a character, so line 1, column 1 is just after it. JSON
// Lines are counted in \n only, one record a line. Either way the source
// before Byte holds Line-1 line breaks, and Col-1 characters after the last
// of them. (Package spreadsheet, whose columns count cells, documents its
// own positions.)
type Pos struct {
	Line int // 1-based line, 0 when unknown
	Col  int // 1-based column, in characters
	Byte int // 0-based byte offset into the source
}

// IsValid reports whether p has a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String returns "line:col", or "-" when p is unknown.
func (p Pos) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// A Range is the part of a file a diagnostic is about: from Start to End,
// just after its last character. What the ends point at for each kind of
// problem is in the package documentation; End is never before Start, and
// an empty range (End equal to Start) marks a place rather than text.
type Range struct {
	File  string // the name given to Parse, or the path loaded
	Start Pos    // the first character concerned
	End   Pos    // just after the last character concerned
}

// IsValid reports whether r has a start line.
func (r Range) IsValid() bool { return r.Start.IsValid() }

// String returns "file:line:col" of the start, "file" when the line is
// unknown, or "-" when r is entirely empty.
func (r Range) String() string {
	switch {
	case r.IsValid():
		return r.File + ":" + r.Start.String()
	case r.File != "":
		return r.File
	}
	return "-"
}

// A Diagnostic is one problem found in a document.
type Diagnostic struct {
	// Code is the stable identifier of the kind of problem; it decides the
	// severity. See the package documentation for the table of codes.
	Code Code
	// Range is where the problem is: the offending key for unknown and
	// duplicate keys, the value for bad values and references, the first
	// token of the parent mapping for missing fields. The package
	// documentation says what Start and End point at for each kind.
	Range Range
	// Path leads from the document root to the node, as in
	// tracks[0].levels[2].expects.communication.
	Path string
	// Summary is one line on what is wrong. It does not repeat the
	// suggestion.
	Summary string
	// Detail, when set, says more: where a duplicate first appeared, what
	// values are allowed.
	Detail string
	// Suggestion, when set, is the name probably meant: the known name
	// closest to an unknown field or reference. Error shows it as
	// (did you mean "name"?).
	Suggestion string
}

// Severity returns the severity of d, which follows from its code: see
// [Code.Severity].
func (d Diagnostic) Severity() Severity { return d.Code.Severity() }

// Error returns the diagnostic as "file:line:col: code: summary", with
// "warning: " before the summary of a warning and, when there is a
// suggestion, (did you mean "name"?) after it. When the position is
// unknown, the path stands in for the line and column. It is always one
// line: control characters, bidirectional controls and bad bytes in the
// file name, the path or the summary are written as escapes such as \n,
// \x1b and \u202e (values from the document are quoted in summaries
// already), so that a diagnostic can neither forge another line nor act
// on the terminal that shows it.
func (d Diagnostic) Error() string {
	pos := d.Range.String()
	if !d.Range.IsValid() && d.Path != "" {
		if d.Range.File != "" {
			pos = d.Range.File + ": " + d.Path
		} else {
			pos = d.Path
		}
	}
	s := textsafe.String(pos) + ": " + textsafe.String(string(d.Code)) + ": "
	if d.Severity() == Warning {
		s += "warning: "
	}
	return s + d.Message()
}

// Message returns the summary with the suggestion, if any, after it:
// unknown field "nmae" (did you mean "name"?). It is the one place the
// suggestion is put into words. Like Error, it is one line without
// control characters.
func (d Diagnostic) Message() string {
	if d.Suggestion == "" {
		return textsafe.String(d.Summary)
	}
	return fmt.Sprintf("%s (did you mean %q?)", textsafe.String(d.Summary), d.Suggestion)
}

// Diagnostics is a list of diagnostics. As an error it stands for all of
// them; every error caused by document content that this module returns is
// a Diagnostics.
type Diagnostics []Diagnostic

// Error returns the diagnostics one per line.
func (ds Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// HasErrors reports whether any diagnostic has severity Error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity() == Error {
			return true
		}
	}
	return false
}

// Err returns ds as an error when it holds at least one error, and nil
// otherwise: warnings alone are not an error.
func (ds Diagnostics) Err() error {
	if !ds.HasErrors() {
		return nil
	}
	return ds
}

// Errors returns the diagnostics of severity Error.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(Error) }

// Warnings returns the diagnostics of severity Warning.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(Warning) }

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity() == s {
			out = append(out, d)
		}
	}
	return out
}

// Unwrap returns each diagnostic as an error, for errors.As and errors.Is.
func (ds Diagnostics) Unwrap() []error {
	errs := make([]error, len(ds))
	for i, d := range ds {
		errs[i] = d
	}
	return errs
}

// Sort orders ds by file, start line and column, path, code and summary.
func (ds Diagnostics) Sort() { slices.SortStableFunc(ds, compare) }

func compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Range.File, b.Range.File),
		cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
		cmp.Compare(a.Range.Start.Col, b.Range.Start.Col),
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Summary, b.Summary),
	)
}
