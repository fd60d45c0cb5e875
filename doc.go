// Package careerladder models career ladders: capabilities rated on scales,
// tracks of levels that expect ratings, and the rules — points, thresholds,
// titles, gates, evidence counts — that decide where someone stands and what
// they need for the next level.
//
// Ladders are YAML or JSON files, decoded strictly and validated with every
// problem reported at once as file:line:col diagnostics with stable codes. A
// JSON Schema for each file kind is published for editors and CI tools.
//
// # Quick start
//
//	l, err := ladder.LoadFile("ladders/engineering.yaml")
//	if err != nil {
//		log.Fatal(err) // a ladder.Diagnostics listing every problem
//	}
//	for _, t := range l.Tracks {
//		fmt.Println(t.Name, len(t.Levels), "levels")
//	}
//
// The reference ladders ship with the module: [Ladders] returns them, so
// ladder.Load(careerladder.Ladders(), "cto.yaml") loads the flagship ladder
// from senior engineer to the CTO of a small company, and [Evidence] holds
// an example person for each. go run ./examples/cto prints the readiness
// report of a senior engineer against it:
//
//	s, _ := scoring.Compile(l)
//	in, _ := evidence.Loader{Ladder: l}.Load(careerladder.Evidence(), "senior-engineer.yaml")
//	res, _ := s.Assess(in, evidence.Date{Year: 2026, Month: 11, Day: 27})
//	res.WriteText(os.Stdout) // levels, gaps, the cheapest path
//
// # Packages
//
//   - [github.com/careerladder/careerladder/rubric]: how to judge — rating
//     scales, descriptors, and the rule kinds (points, thresholds, titles,
//     gates, evidence policy) as plain data with small pure functions. A leaf:
//     it knows nothing of files.
//   - [github.com/careerladder/careerladder/ladder]: the document — the model,
//     Parse, Load and LoadFile, validation with positioned [ladder.Diagnostics],
//     writing back as YAML or JSON, and the embedded JSON Schema.
//   - [github.com/careerladder/careerladder/evidence]: the person's input —
//     direct ratings and dated evidence items, calendar days, evidence files
//     and JSON Lines read and written, their schema, and one set of checks
//     for every way in.
//   - [github.com/careerladder/careerladder/scoring]: the engine — evidence
//     and ratings in; capability ratings, a level per track, the gap to any
//     level with the cheapest path, and a trace of every input out, for one
//     person or a stream of them on every core.
//   - [github.com/careerladder/careerladder/growth]: planning over time — the
//     way to any target level with what each new rating looks like, a report
//     that leads with its answer, the pace of evidence, a person's history
//     day by day and a promotion packet.
//   - [github.com/careerladder/careerladder/spreadsheet],
//     [github.com/careerladder/careerladder/diff],
//     [github.com/careerladder/careerladder/caseexport] and
//     [github.com/careerladder/careerladder/chart]: a ladder as CSV and back,
//     what changed between two versions and who would move, a 1EdTech CASE
//     1.1 package, and an SVG radar of a person against a track.
//   - cmd/ladder: the command-line tool for CI and people (validate, schema,
//     assess, render, export, import, diff, chart).
//
// Imports point down only: growth uses scoring; scoring uses evidence, ladder and rubric;
// evidence uses ladder and rubric; ladder uses rubric and the internal YAML
// walker. No package keeps global mutable state.
//
// # Errors and misuse
//
// Every error that the content of a file or input causes is a
// [ladder.Diagnostics], with a stable code and a position (or a path, for
// values built in Go); read errors wrap the underlying error, so
// errors.Is(err, fs.ErrNotExist) works. Misuse is one policy in every
// package: a nil or zero argument — a ladder, scorer, reader, writer,
// context, sequence, callback or day — gives an error wrapping
// [ladder.ErrNilArgument], the same way everywhere, and no call panics on
// it, least of all inside a goroutine the module started. Methods that only
// look things up (Ladder.Track, Result.Track) report "not found" on a nil
// receiver instead.
//
// The reference ladders: cto.yaml (engineer to CTO of a small company, with
// evidence counts at the top levels), snowflake.yaml (a points ladder with
// the numbers of Medium's Snowflake framework), engineering-ladders.yaml (the
// roles of jorgef/engineeringladders as published: four tracks, every role a
// vector of steps on five axes) and sparse.yaml (capabilities defined only at
// some of seven levels, in the manner of SFIA).
package careerladder

import (
	"embed"
	"io/fs"
)

//go:embed testdata/ladders/*.yaml testdata/evidence/*.yaml
var references embed.FS

// Ladders returns the reference ladders as a read-only file system:
// cto.yaml, snowflake.yaml, engineering-ladders.yaml and sparse.yaml. Each is
// valid, warning-free and covered by the tests.
func Ladders() fs.FS { return sub("testdata/ladders") }

// Evidence returns the example evidence files as a read-only file system:
// senior-engineer.yaml holds ratings and evidence for a senior engineer with
// six years of experience, for the CTO ladder.
func Evidence() fs.FS { return sub("testdata/evidence") }

func sub(dir string) fs.FS {
	fsys, err := fs.Sub(references, dir)
	if err != nil {
		// fs.Sub fails only for an invalid directory name, and these are
		// constants.
		panic(err)
	}
	return fsys
}
