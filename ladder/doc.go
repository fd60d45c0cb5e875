// Package ladder reads, checks and writes career-ladder documents.
//
// A ladder file is YAML or JSON (format careerladder/v1). [Parse], [Load]
// (from any [io/fs.FS], including embed.FS) and [LoadFile] decode it
// strictly, validate it and report every problem at once:
//
//	l, err := ladder.LoadFile("eng.yaml")
//	if err != nil {
//		// err is a ladder.Diagnostics when the content is at fault,
//		// a wrapped I/O error (errors.Is(err, fs.ErrNotExist)) otherwise.
//		log.Fatal(err)
//	}
//
// Warnings do not fail a load; [Ladder.Validate] lists them. A loaded
// [Ladder] is never changed afterwards and may be shared between goroutines.
// Package scoring turns a ladder and a person's ratings or evidence into
// levels.
//
// # The file format
//
//	format: careerladder/v1        # required; the version of this format
//	id: cto                        # slug: a-z, 0-9, single - _ . between groups
//	name: Engineer to CTO
//	version: "1.0.0"
//	updated: 2026-11-27            # the day of this version, for exports
//	target: engineering/senior     # the level plans aim at by default (LEVEL or TRACK/LEVEL)
//	scales:                        # the first is the default scale
//	  - id: proficiency
//	    ratings:                   # lowest first
//	      - {id: practising, points: 1}
//	      - {id: proficient, points: 2}
//	categories:
//	  - {id: people, name: People}
//	capabilities:
//	  - id: communication
//	    name: Communication and comprehension
//	    category: people
//	    descriptors:               # keyed by rating; may be sparse
//	      proficient: {summary: ..., signals: [...], examples: [...]}
//	tracks:
//	  - id: engineering
//	    name: Engineering
//	    levels:                    # lowest first; cumulative
//	      - id: senior
//	        name: Senior Engineer
//	        grade: 2               # equal grades across tracks are equivalent
//	        expects: {communication: proficient}   # or n/a
//	        tolerance: {count: 1}  # one capability may sit one step below
//	        requires:              # gates: points, category_floor, evidence, n_of_m
//	          - evidence: {capability: technical-problem-solving, min_rating: proficient,
//	                       tag: hard-problem, count: 6, window: 12mo}
//	titles:                        # inclusive ranges of points, per track
//	  - {id: staff, name: Staff Engineer, track: engineering, min_points: 58, max_points: 89}
//	rules:
//	  weights: {communication: 2}  # points multipliers, default 1
//	  thresholds:                  # points to sub-level, strictly increasing
//	    - {id: "1.1", min_points: 0}
//	  evidence: {window: 24mo, half_life: 12mo, sources: {self: 0.5, peer: 1}, min_items: 2}
//
// The JSON Schema of the format ([JSONSchema], committed as
// ladder/ladder.schema.json) documents every field; point an editor at it
// with a first line such as
//
//	# yaml-language-server: $schema=https://raw.githubusercontent.com/careerladder/careerladder/main/ladder/ladder.schema.json
//
// # Strictness
//
// Decoding is strict, so a file means the same to every tool that reads it:
// unknown fields are errors (with "did you mean" suggestions), as are
// duplicate keys, values of the wrong type (no silent 1.5 to 1, no number
// where a string is meant: quote it), integers with leading zeros or a base
// prefix (YAML 1.1 and 1.2 read 012 differently), NaN, infinities and
// numbers out of range, merge keys, tags other than the core ones, empty
// files and files with more than one document. A file whose name ends in
// .json must be strict JSON: YAML would also take comments, trailing commas
// and unquoted strings, which JSON tools reject. An alias is expanded at most
// one level deep: an alias to a node that itself holds aliases is refused,
// so no input expands exponentially. [Limits] bound input size, nesting
// depth, node count, alias count, the number of entities with an id and the
// length of one value; the zero [Loader] uses safe defaults.
//
// # Diagnostics
//
// Every problem is a [Diagnostic] with a stable [Code], a [Range] of the
// file, the path to the node, a summary and, for unknown fields and
// references, maybe a Suggestion: the known name closest to the one
// written. The severity follows from the code alone ([Diagnostic.Severity],
// [Code.Severity]). The text form is
//
//	file:line:col: code: summary (did you mean "name"?)
//
// with the line and column of the range's start, "warning: " before the
// summary of a warning, and the part in parentheses only when there is a
// suggestion; the summary itself never holds the suggestion.
//
// A range runs from Start, the first character concerned, to End, just
// after the last; each end has a 1-based line and column (in characters)
// and a 0-based byte offset that agree (see [Pos]), and End is never before
// Start. What they point at:
//
//   - an unknown or duplicate key, a merge key, a key that is not a string
//     or not an id, a reference written as a key and a required string left
//     empty: the key, through its last character (a quoted key through its
//     closing quote);
//   - a bad value or reference, a bad tag, a value too long, an alias
//     refused or expanding to too many nodes: the
//     value, from its anchor or tag if it has one: a scalar through its last
//     character (a quoted one through its closing quote, a multi-line or
//     block scalar through its last line of content; an empty value is an
//     empty range where it would be), an alias through its name, a flow
//     collection through its closing bracket, a block collection through
//     its last entry;
//   - a missing field, and anything else about what a mapping or list
//     lacks: the first token of the parent: the anchor or tag it starts
//     with, the opening brace of a flow mapping, the first key of a block
//     mapping (or the first "-" of a block list), rather than the whole of
//     it;
//   - nesting too deep: the first token of the collection that goes too
//     deep, as for a missing field; a second document: the first token of
//     its content;
//   - a syntax error the YAML parser reports (it gives a line but no
//     column): the whole line, from column 1 to the line's end;
//   - a character that is not allowed, an invalid UTF-8 byte and a JSON
//     syntax error: that one character (an empty range at the end of the
//     input when it ends too soon);
//   - the whole file (empty, too large, too many nodes): an empty range at
//     line 1, column 1;
//   - too-many-problems: the range of the first problem left out, or else
//     of the last one reported.
//
// Evidence files read by package scoring follow the same rules. A ladder
// built in Go code has no source: its diagnostics have a zero Range and
// the path says where the problem is.
//
// [Diagnostics] is the error type: Err returns nil exactly when there are no
// errors, Sort orders by position, and Unwrap exposes each diagnostic to
// errors.As.
//
// The codes, all of severity error unless marked:
//
//	Code               Meaning
//	syntax             not well-formed YAML or JSON, or not valid UTF-8
//	empty              no document at all (or only comments, or null)
//	multi-doc          a second document in the file
//	too-large          input larger than Limits.MaxBytes (default 4 MiB)
//	too-deep           nesting deeper than Limits.MaxDepth (default 64)
//	too-many-nodes     more nodes than Limits.MaxNodes, aliases counted expanded
//	too-many-ids       more entities with an id than Limits.MaxIDs (default 100,000)
//	too-long           a value or key longer than Limits.MaxString (default 64 KiB)
//	too-many-problems  more diagnostics than Limits.MaxReports (default 1,000); this last one counts the rest
//	alias              more aliases than Limits.MaxAliases, or an alias to a node holding aliases
//	merge-key          a << merge key
//	bad-tag            a tag other than !!str, !!int, !!float, !!bool, !!null, !!map, !!seq
//	unknown-field      a key the format does not define
//	duplicate-key      a key repeated in one mapping
//	missing-field      a required field absent or empty
//	bad-type           a value of the wrong kind (a list for a string, a number for a string, ...)
//	bad-number         an integer with a fraction, leading zero or base prefix; NaN, Inf, out of range
//	bad-value          a value outside what its field allows (a minimum, an empty list, an enumeration, a target level on several tracks)
//	bad-format         a format other than careerladder/v1
//	bad-id             an id that is not a slug
//	duplicate-id       an id used twice where it must be unique
//	unknown-ref        a reference to a capability, category, scale, rating, track, level or source that does not exist
//	gate-kind          a gate with no kind, or with several
//	points-order       a rating worth fewer points than the one below it
//	level-order        a level whose grade is not above the graded level before it
//	threshold-order    a threshold whose min_points is not above the one before it
//	title-gap          points between two titles of one track that no title covers
//	title-overlap      two titles of one track that share points
//	unreachable-level  a level, threshold or title that no input can reach (more points than can be earned, n > m, a level above an unreachable one)
//	ceiling            warning: points silently discarded (a top rating worth no more than the one below; totals above the top title)
//	expectation-falls  warning: a level expecting less of a capability than the level below it
//	unused             warning: a category or scale that no capability uses
//
// Codes are stable: scripts and tests may depend on them, while summaries
// may be reworded.
//
// # Security
//
// Ladder files often come from users, so every input is treated as hostile:
// no input makes the loader panic, hang or use memory beyond the [Limits]
// (input size, nesting depth, nodes, aliases, entities with an id, length
// of one value, diagnostics reported), each refused with a positioned
// diagnostic. The format has no include or reference mechanism: loading
// reads only the name or path given, from the caller's file system, and
// nothing else — no network, no environment. [Ladder.WriteMarkdown] escapes
// all text from the file, and [Diagnostic.Error] quotes the values it
// echoes: a diagnostic is always one line. SECURITY.md in the repository has the details and
// how to report a problem.
//
// # Writing
//
// [Ladder.WriteYAML] and [Ladder.WriteJSON] write a ladder back in the file
// format, keeping the order of every list and keyed mapping, so that loading
// the output gives an equal ladder. They do not keep comments or the layout
// of the file the ladder was read from.
package ladder
