package ladder

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
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

// A Pos is a position in a file. Line and Col are 1-based; a zero Line means
// the position is unknown (as for a ladder built in Go code).
type Pos struct {
	File string // the name given to Parse, or the path loaded
	Line int    // 1-based line, 0 when unknown
	Col  int    // 1-based column, in characters
}

// IsValid reports whether p has a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String returns "file:line:col", "file" when the line is unknown, or "-"
// when p is entirely empty.
func (p Pos) String() string {
	switch {
	case p.IsValid():
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.File != "":
		return p.File
	}
	return "-"
}

// A Diagnostic is one problem found in a document.
type Diagnostic struct {
	// Code is the stable identifier of the kind of problem; it decides the
	// severity. See the package documentation for the table of codes.
	Code Code
	// Pos is where the problem is: the offending key for unknown and
	// duplicate keys, the value for bad values and references, the parent
	// mapping for missing fields.
	Pos Pos
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
// unknown, the path stands in for the line and column.
func (d Diagnostic) Error() string {
	pos := d.Pos.String()
	if !d.Pos.IsValid() && d.Path != "" {
		if d.Pos.File != "" {
			pos = d.Pos.File + ": " + d.Path
		} else {
			pos = d.Path
		}
	}
	s := pos + ": " + string(d.Code) + ": "
	if d.Severity() == Warning {
		s += "warning: "
	}
	s += d.Summary
	if d.Suggestion != "" {
		s += fmt.Sprintf(" (did you mean %q?)", d.Suggestion)
	}
	return s
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

// Sort orders ds by file, line, column, code and summary.
func (ds Diagnostics) Sort() { slices.SortStableFunc(ds, compare) }

func compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Summary, b.Summary),
	)
}
