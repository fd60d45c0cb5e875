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
		// Counted before parsing, which holds every node at once: a
		// file of many small values is refused without that memory.
		if n, max := jsonNodes(src), lim.Resolved().MaxNodes; exceeds(n, int64(max)) {
			p := NewLines(src).At(1, 1)
			return []Issue{{Code: CodeTooManyNodes, Start: p, End: p,
				Summary: fmt.Sprintf("document has more than %d nodes, the limit", max)}}
		}
	}
	doc, issues := Parse(src, lim)
	if doc.Root == nil {
		return Finish(issues, lim)
	}
	decoded := Decode(doc, v, lim)
	issues = append(issues, decoded...)
	if n := len(decoded); n > 0 && decoded[n-1].stopped {
		// Decoding gave up at the limit; checking the partial value
		// would only add to a count nobody reads.
		return Finish(issues, lim)
	}
	later := Check(v, lim)
	if validate != nil {
		later = append(later, validate()...)
	}
	doc.LocateAll(later)
	return Finish(append(issues, suppress(later, decoded)...), lim)
}

// Finish sorts issues and removes duplicates (Tidy), and keeps at most
// MaxReports of them: past it the last one reported says how many more
// there are, counting those the Reporters only counted.
func Finish(issues []Issue, lim Limits) []Issue {
	lim = lim.Resolved()
	dropped, stopped := 0, false
	kept := issues[:0]
	for _, is := range issues {
		if is.dropped > 0 {
			dropped += is.dropped
			stopped = stopped || is.stopped
			continue
		}
		kept = append(kept, is)
	}
	issues = Tidy(kept)
	total := len(issues) + dropped
	if lim.MaxReports < 0 || total <= lim.MaxReports {
		return issues
	}
	keep := max(min(lim.MaxReports-1, len(issues)), 0)
	// The count stands where the first problem left out is, or else the
	// last one kept, or else the start of the input.
	last := Issue{Code: CodeTooMany, Start: Pos{Line: 1, Col: 1}, End: Pos{Line: 1, Col: 1},
		Summary: fmt.Sprintf("%d more problems not reported", total-keep)}
	if stopped {
		last.Summary = fmt.Sprintf("%d or more further problems not reported; checking stopped at the limit", total-keep)
	}
	if keep < len(issues) {
		last.Start, last.End, last.Path = issues[keep].Start, issues[keep].End, issues[keep].Path
	} else if keep > 0 {
		last.Start, last.End = issues[keep-1].Start, issues[keep-1].End
	}
	return append(issues[:keep], last)
}

// LocateAll gives each issue without a position the range of its At path.
func (doc *Document) LocateAll(issues []Issue) {
	for i := range issues {
		if issues[i].Start.Line == 0 && issues[i].dropped == 0 {
			issues[i].Start, issues[i].End = doc.Locate(issues[i].At, issues[i].Key)
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
		if is.Code != CodeUnknownField && is.dropped == 0 {
			bad[is.Path] = true
		}
	}
	out := issues[:0]
	for _, is := range issues {
		if is.dropped > 0 || !under(is.Path, bad) {
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
		return cmp.Or(cmp.Compare(a.Start.Line, b.Start.Line), cmp.Compare(a.Start.Col, b.Start.Col), cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Code, b.Code), cmp.Compare(a.Summary, b.Summary))
	})
	same := func(a, b Issue) bool {
		return a.Start == b.Start && a.Code == b.Code && a.Summary == b.Summary && a.Detail == b.Detail
	}
	out := issues[:0]
	for _, is := range issues {
		dup := false
		for j := len(out) - 1; j >= 0 && out[j].Start.Line == is.Start.Line && out[j].Start.Col == is.Start.Col; j-- {
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
