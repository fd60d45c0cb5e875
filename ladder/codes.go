package ladder

import "github.com/careerladder/careerladder/internal/yamldoc"

// A Code identifies a kind of problem. Codes are stable: scripts and tests
// may depend on them. The package documentation has the table of all codes.
type Code string

// Codes of problems in reading a file.
const (
	CodeSyntax       Code = yamldoc.CodeSyntax       // not well-formed YAML or JSON, or not UTF-8
	CodeEmpty        Code = yamldoc.CodeEmpty        // no document at all
	CodeMultiDoc     Code = yamldoc.CodeMultiDoc     // more than one document in a file
	CodeTooLarge     Code = yamldoc.CodeTooLarge     // input larger than Limits.MaxBytes
	CodeTooDeep      Code = yamldoc.CodeTooDeep      // nesting deeper than Limits.MaxDepth
	CodeTooManyNodes Code = yamldoc.CodeTooManyNodes // more nodes than Limits.MaxNodes
	CodeTooManyIDs   Code = yamldoc.CodeTooManyIDs   // more entities with an id than Limits.MaxIDs
	CodeTooLong      Code = yamldoc.CodeTooLong      // a value or key longer than Limits.MaxString
	CodeTooMany      Code = yamldoc.CodeTooMany      // more problems than Limits.MaxReports; the rest are counted
	CodeAlias        Code = yamldoc.CodeAlias        // alias too many, dangling or nested
	CodeMergeKey     Code = yamldoc.CodeMergeKey     // a << merge key
	CodeBadTag       Code = yamldoc.CodeBadTag       // a tag other than the core ones
)

// Codes of problems in the structure of a document.
const (
	CodeUnknownField Code = yamldoc.CodeUnknownField // a key the format does not define
	CodeDuplicateKey Code = yamldoc.CodeDuplicateKey // a key twice in one mapping
	CodeMissingField Code = yamldoc.CodeMissingField // a required field is absent
	CodeBadType      Code = yamldoc.CodeBadType      // a value of the wrong kind
	CodeBadNumber    Code = yamldoc.CodeBadNumber    // a number that is not plain, finite and in range
	CodeBadValue     Code = yamldoc.CodeBadValue     // a value outside what the field allows
	CodeBadFormat    Code = "bad-format"             // the format field names no known version
)

// Codes of problems in the meaning of a ladder.
const (
	CodeBadID            Code = yamldoc.CodeBadID   // an id that is not a slug
	CodeDuplicateID      Code = "duplicate-id"      // an id used twice where it must be unique
	CodeUnknownRef       Code = "unknown-ref"       // a reference to an id that does not exist
	CodeGateKind         Code = "gate-kind"         // a gate with no kind or several
	CodePointsOrder      Code = "points-order"      // rating points that fall as ratings rise
	CodeLevelOrder       Code = "level-order"       // level grades that do not rise along a track
	CodeThresholdOrder   Code = "threshold-order"   // thresholds whose points do not rise strictly
	CodeTitleGap         Code = "title-gap"         // points between two titles of a family with no title
	CodeTitleOverlap     Code = "title-overlap"     // two titles of a family share points
	CodeUnreachableLevel Code = "unreachable-level" // a level or sub-level no input can reach
	CodeCeiling          Code = "ceiling"           // warning: points that are silently discarded
	CodeExpectationFalls Code = "expectation-falls" // warning: an expectation lower than the level below
	CodeUnused           Code = "unused"            // warning: a category or scale nothing uses
)

// Codes returns every code this package reports, in the order of the table
// in the package documentation.
func Codes() []Code {
	return []Code{
		CodeSyntax, CodeEmpty, CodeMultiDoc, CodeTooLarge, CodeTooDeep, CodeTooManyNodes, CodeTooManyIDs, CodeTooLong, CodeTooMany,
		CodeAlias, CodeMergeKey, CodeBadTag,
		CodeUnknownField, CodeDuplicateKey, CodeMissingField, CodeBadType, CodeBadNumber,
		CodeBadValue, CodeBadFormat,
		CodeBadID, CodeDuplicateID, CodeUnknownRef, CodeGateKind, CodePointsOrder, CodeLevelOrder,
		CodeThresholdOrder, CodeTitleGap, CodeTitleOverlap, CodeUnreachableLevel,
		CodeCeiling, CodeExpectationFalls, CodeUnused,
	}
}

// Severity returns the severity diagnostics with code c have: Warning for
// ceiling, expectation-falls and unused, Error for every other code.
func (c Code) Severity() Severity {
	switch c {
	case CodeCeiling, CodeExpectationFalls, CodeUnused:
		return Warning
	}
	return Error
}
