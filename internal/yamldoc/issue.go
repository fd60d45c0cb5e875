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

// An Issue is one problem found in a document. Line and Col are 1-based;
// zero when the issue was found in a value rather than in a node tree, in
// which case At (with Key for the key rather than the value) says where to
// look it up with [Document.Locate].
type Issue struct {
	Code       string // one of the Code constants, or a caller's
	Line, Col  int    // 1-based position; zero until located
	Path       string // the rendered path of the node
	At         *Path  // the path, for Document.Locate
	Key        bool   // whether the issue is about the key rather than the value
	Summary    string // one line on what is wrong
	Detail     string // more on it, or ""
	Suggestion string // the name probably meant, or ""
}
