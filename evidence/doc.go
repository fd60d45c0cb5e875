// Package evidence holds what is known about a person, as scoring reads it:
// an [Input] of direct ratings by assessor ([Assessment]) and dated
// observations ([Item]), each tied to a capability of a ladder, with
// calendar days as [Date]. It reads and writes them as evidence files (YAML
// or JSON) and as JSON Lines for whole organisations, and checks them
// against a ladder. The package is named for its content rather than for
// "input": it is the evidence a level rests on, and the word the file
// format, the command and the ladder's rules already use.
//
// # Use
//
//	ld := evidence.Loader{Ladder: l}              // l from ladder.LoadFile; nil checks no references
//	in, err := ld.LoadFile("alex.yaml")           // every problem as a ladder.Diagnostics
//	err = ld.Check(in)                            // an Input built in Go, checked the same way
//	for in, err := range ld.NewLinesReader(f, "people.jsonl").All() { ... }
//
// An evidence file:
//
//	format: careerladder/evidence/v1
//	person: alex
//	ladder: cto                      # optional; must match
//	ratings:                         # direct ratings by assessor
//	  manager: {communication: proficient, influence: learning}
//	evidence:
//	  - id: tps-01
//	    capability: technical-problem-solving
//	    rating: advanced
//	    date: 2026-11-07
//	    source: peer
//	    summary: Found the connection-pool leak behind the checkout outages.
//	    tags: [hard-problem]
//
// The same items as JSON Lines, one item a line with its person, the lines
// of a person consecutive:
//
//	{"person": "alex", "id": "tps-01", "capability": "technical-problem-solving", "rating": "advanced", "date": "2026-11-07", "source": "peer", "tags": ["hard-problem"]}
//
// [Schema] returns the JSON Schema (draft 2020-12) of evidence files,
// committed as evidence/evidence.schema.json.
//
// # Rules
//
// One set of rules holds for every way in (files, JSON Lines, inputs built
// in Go), written once and called for each item by every reader: an item
// needs an id, a capability, a rating, a date and a source; its source and
// tags are ids; its weight is a finite number, at least 0 (0 or absent
// means 1); no two items of a person share an id; and, against a ladder,
// the capability exists and the rating is on its scale. Direct ratings
// need a known capability and a rating of its scale or n/a, and the
// assessor name "evidence" ([ReservedAssessor]) is reserved. Each reader
// adds what belongs to its syntax: unknown and repeated keys, values of the
// wrong type, lengths and sizes. Every problem is reported, none is
// dropped, each as a ladder.Diagnostic with a stable code: with a file
// position when read from a file or a stream, with a path (evidence[3].rating)
// when checked in Go.
//
// # Guarantees
//
// Reading is strict and bounded by ladder.Limits: a file or a person's
// lines larger than the limits is reported, never held whole beyond them;
// the cost of reading is linear in the input, checking it against a ladder
// adds O(ladder) per file or stream. A [LinesReader] holds one line and one
// person's items at a time, plus a fixed number of bytes per person read,
// so a stream of any length is read in memory that does not grow with it.
// A Loader holds no state and may be used by many goroutines; a
// LinesReader is for one goroutine. Nothing here reads the clock, the
// network or the environment.
//
// # Misuse
//
// A nil reader, writer or file system is an error wrapping
// ladder.ErrNilArgument, as everywhere in the module.
package evidence
