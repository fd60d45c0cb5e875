package yamldoc

// Codes of the issues this package reports. The ladder package documents
// them for users.
const (
	CodeSyntax       = "syntax"
	CodeEmpty        = "empty"
	CodeMultiDoc     = "multi-doc"
	CodeTooLarge     = "too-large"
	CodeTooDeep      = "too-deep"
	CodeTooManyNodes = "too-many-nodes"
	CodeTooManyIDs   = "too-many-ids"
	CodeTooLong      = "too-long"
	CodeTooMany      = "too-many-problems"
	CodeAlias        = "alias"
	CodeMergeKey     = "merge-key"
	CodeBadTag       = "bad-tag"
	CodeUnknownField = "unknown-field"
	CodeDuplicateKey = "duplicate-key"
	CodeMissingField = "missing-field"
	CodeBadType      = "bad-type"
	CodeBadNumber    = "bad-number"
	CodeBadValue     = "bad-value"
	CodeBadID        = "bad-id"
)

// An Issue is one problem found in a document, in the range from Start to
// End (just after the last character concerned). The range is zero when
// the issue was found in a value rather than in a node tree, in which case
// At (with Key for the key rather than the value) says where to look it up
// with [Document.Locate].
type Issue struct {
	Code       string // one of the Code constants, or a caller's
	Start, End Pos    // the range; zero until located
	Path       string // the rendered path of the node
	At         *Path  // the path, for Document.Locate
	Key        bool   // whether the issue is about the key rather than the value
	Summary    string // one line on what is wrong
	Detail     string // more on it, or ""
	Suggestion string // the name probably meant, or ""; not repeated in Summary

	// dropped, in a marker a Reporter adds, counts issues left out;
	// stopped says that the walk stopped there, so more may exist.
	dropped int
	stopped bool
}

// A Reporter collects issues up to Limits.MaxReports and only counts the
// rest, so that a flood of problems costs little memory. Finish turns the
// count into one last issue.
type Reporter struct {
	issues  []Issue
	limit   int
	dropped int
	stopped bool
	scratch Issue
}

// Stop records that the walk stopped early, once full: at least one more
// problem may have gone unseen.
func (r *Reporter) Stop() {
	r.stopped = true
	r.dropped = max(r.dropped, 1)
}

// NewReporter returns a Reporter for lim.
func NewReporter(lim Limits) *Reporter { return &Reporter{limit: lim.Resolved().MaxReports} }

// Full reports whether further issues will only be counted; callers may
// skip building them.
func (r *Reporter) Full() bool { return r.limit >= 0 && len(r.issues) >= r.limit }

// Add records is and returns a pointer to the stored copy, for callers that
// add a detail; when full it counts is and returns a scratch copy.
func (r *Reporter) Add(is Issue) *Issue {
	if r.Full() {
		r.dropped++
		r.scratch = is
		return &r.scratch
	}
	r.issues = append(r.issues, is)
	return &r.issues[len(r.issues)-1]
}

// Drop counts an issue that was not built because the reporter is full.
func (r *Reporter) Drop() { r.dropped++ }

// Issues returns the issues recorded, followed by a marker of how many were
// left out, for Finish.
func (r *Reporter) Issues() []Issue {
	if r.dropped > 0 {
		return append(r.issues, Issue{Code: CodeTooMany, dropped: r.dropped, stopped: r.stopped})
	}
	return r.issues
}
