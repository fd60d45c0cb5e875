// Package evidence holds what is known about a person, as scoring reads it:
// an [Input] of direct ratings by assessor ([Assessment]) and dated
// observations ([Item]), each tied to a capability of a ladder, with
// calendar days as [Date]. It reads and writes them as evidence files (YAML
// or JSON) and as JSON Lines for whole organisations, and checks them
// against a ladder. It is named for its content, the evidence a level rests
// on, the word the file format, the command and the rules already use.
//
// # Use
//
//	ld := evidence.Loader{Ladder: l}              // l from ladder.LoadFile; nil checks no references
//	in, err := ld.LoadFile("alex.yaml")           // every problem as a ladder.Diagnostics
//	err = ld.Check(in)                            // an Input built in Go, checked the same way
//	for in, err := range ld.NewLinesReader(f, "people.jsonl").All() { ... }
//
// An evidence file, and the same items as JSON Lines (one item a line
// with its person, a person's lines consecutive):
//
//	format: careerladder/evidence/v1
//	person: alex
//	ladder: cto                      # optional; must match
//	ratings:                         # by assessor; or a list of dated assessments:
//	  manager: {communication: proficient}   # - {assessor: manager, date: 2026-08-28, ratings: {...}}
//	evidence:
//	  - {id: tps-01, capability: technical-problem-solving, rating: advanced, date: 2026-11-07, source: peer, tags: [hard-problem]}
//
//	{"person": "alex", "id": "tps-01", "capability": "technical-problem-solving", "rating": "advanced", "date": "2026-11-07", "source": "peer", "tags": ["hard-problem"]}
//
// An assessor's ratings on a day are those of their latest assessment
// dated on or before it; an undated one counts until a dated one does.
// [Schema] returns the JSON Schema (draft 2020-12) of evidence files,
// committed as evidence/evidence.schema.json.
//
// # Rules
//
// One set of rules holds for files, JSON Lines and inputs built in Go,
// written once and called for each item by every reader: an item needs an
// id, a capability, a rating, a date and a source; its source and tags are
// ids; its weight is from 0 to [MaxWeight] (0 or absent means 1); no two
// items of a person share an id; against a ladder, the capability exists
// and the rating is on its scale. Direct ratings need a known capability
// and a rating of its scale or n/a; the assessor name [ReservedAssessor]
// is reserved; an assessment's date is a day, and no assessor has two
// assessments on one day (or two undated ones). Each reader adds the rules of its syntax (unknown keys,
// types, sizes). Every problem is reported as a ladder.Diagnostic with a
// stable code: with a position from a file or stream, with a path
// (evidence[3].rating) from Go.
//
// # Guarantees
//
// Reading is strict and bounded by ladder.Limits, linear in the input, and
// checking against a ladder adds O(ladder) per file or stream. A
// [LinesReader] holds one line and one person's items at a time, plus a
// few bytes per person read, so a stream of any length is read in bounded
// memory. A Loader holds no state and may serve many goroutines; a
// LinesReader is for one. Nothing here reads the clock, the network or the
// environment.
//
// # Misuse
//
// A nil reader, writer or file system is an error wrapping
// ladder.ErrNilArgument, as everywhere in the module.
package evidence
