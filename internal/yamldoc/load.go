package yamldoc

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Load runs the whole reading pipeline for one document: strict JSON when
// isJSON, parsing with lim, decoding into v, the tag constraints of Check,
// and validate (which may be nil) for the rules across fields. It returns
// every issue with a position, sorted, without duplicates, and without the
// follow-on issues of a value that could not be decoded. validate runs on
// the decoded value even when decoding found problems, so that one pass
// reports everything it can.
func Load(src []byte, isJSON bool, lim Limits, v any, validate func() []Issue) []Issue {
	if isJSON && !exceeds(int64(len(src)), lim.Resolved().MaxBytes) {
		if issues := CheckJSON(src); issues != nil {
			return issues
		}
	}
	doc, issues := Parse(src, lim)
	if doc.Root == nil {
		return truncate(Tidy(issues), lim)
	}
	decoded := Decode(doc, v, lim)
	issues = append(issues, decoded...)
	later := Check(v)
	if validate != nil {
		later = append(later, validate()...)
	}
	doc.LocateAll(later)
	return truncate(Tidy(append(issues, suppress(later, decoded)...)), lim)
}

// truncate keeps the first MaxReports-1 issues and sums up the rest in one
// issue at the position of the first left out, so that a flood of problems
// cannot flood the caller.
func truncate(issues []Issue, lim Limits) []Issue {
	lim = lim.Resolved()
	if lim.MaxReports < 0 || len(issues) <= lim.MaxReports {
		return issues
	}
	keep := max(lim.MaxReports-1, 0)
	first := issues[keep]
	return append(issues[:keep], Issue{Code: CodeTooMany, Line: first.Line, Col: first.Col, Path: first.Path,
		Summary: fmt.Sprintf("%d more problems not reported", len(issues)-keep)})
}

// LocateAll gives each issue without a line the position of its At path.
func (doc *Document) LocateAll(issues []Issue) {
	for i := range issues {
		if issues[i].Line == 0 {
			issues[i].Line, issues[i].Col = doc.Locate(issues[i].At, issues[i].Key)
		}
	}
}

// suppress drops issues at or under a node that decoding already reported:
// a value that could not be decoded is left zero, and checking that zero
// would report the same problem twice.
func suppress(issues, decoded []Issue) []Issue {
	if len(decoded) == 0 {
		return issues
	}
	bad := make(map[string]bool, len(decoded))
	for _, is := range decoded {
		if is.Code != CodeUnknownField {
			bad[is.Path] = true
		}
	}
	out := issues[:0]
	for _, is := range issues {
		if !under(is.Path, bad) {
			out = append(out, is)
		}
	}
	return out
}

// under reports whether path or one of its ancestors is in set.
func under(path string, set map[string]bool) bool {
	for {
		if set[path] {
			return true
		}
		i := strings.LastIndexAny(path, ".[")
		if i <= 0 {
			return set[""]
		}
		path = path[:i]
	}
}

// Tidy sorts issues by position, code and summary, and removes duplicates:
// the same problem at the same place, even when reached by two paths
// (through an alias).
func Tidy(issues []Issue) []Issue {
	slices.SortStableFunc(issues, func(a, b Issue) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Code, b.Code), cmp.Compare(a.Summary, b.Summary))
	})
	same := func(a, b Issue) bool {
		return a.Line == b.Line && a.Col == b.Col && a.Code == b.Code && a.Summary == b.Summary && a.Detail == b.Detail
	}
	out := issues[:0]
	for _, is := range issues {
		dup := false
		for j := len(out) - 1; j >= 0 && out[j].Line == is.Line && out[j].Col == is.Col; j-- {
			if same(out[j], is) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, is)
		}
	}
	return out
}
