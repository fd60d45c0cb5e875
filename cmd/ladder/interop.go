package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"

	"github.com/careerladder/careerladder/caseexport"
	"github.com/careerladder/careerladder/chart"
	"github.com/careerladder/careerladder/diff"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
	"github.com/careerladder/careerladder/spreadsheet"
)

const exportHelp = `usage: ladder export --format csv|case [--descriptors FILE] [--base-uri URI] [--last-change RFC3339] FILE

Writes a ladder in another format to standard output.

  --format csv   the level-by-capability matrix: columns id, name, category,
                 summary, then one column TRACK/LEVEL per level; one row per
                 capability; cells hold the expected rating, n/a, or nothing;
                 then rows ladder:ID, scale:ID, category:ID, track:ID,
                 level:TRACK/LEVEL and rating:ID with names and descriptions.
                 What the sheet has no place for (gates, titles, rules,
                 grades, descriptors unless --descriptors, ...) is listed
                 on standard error, one part a line, as
                 "FILE: omitted: PATH (WHAT)"; the exit status stays 0.
                 --descriptors FILE also writes the capabilities'
                 descriptors to FILE, one row per capability and rating
                 (columns capability, rating, summary, signals, examples).
                 "ladder import --from csv" reads both back.
  --format case  a 1EdTech CASE 1.1 CFPackage (JSON) with deterministic
                 UUIDv5 identifiers; --base-uri sets the uris, an absolute
                 http or https URI without query or fragment (default
                 https://careerladder.invalid/case), --last-change the
                 lastChangeDateTime, an RFC 3339 date-time (default the
                 ladder's updated day, else 1970-01-01T00:00:00+00:00: the
                 clock is never read).

Exit status: 0 success; 1 invalid ladder; 2 usage or I/O error.
`

// exportFlags names the flag of each caseexport.Options field.
var exportFlags = map[string]string{"BaseURI": "--base-uri", "LastChange": "--last-change"}

func runExport(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	format := &choice{"", []string{"csv", "case"}}
	fs.Var(format, "format", "")
	descriptors := fs.String("descriptors", "", "")
	baseURI := fs.String("base-uri", "", "")
	lastChange := fs.String("last-change", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if format.value == "" {
		return exitUsage, usagef("--format csv or --format case is required")
	}
	if len(paths) != 1 {
		return exitUsage, usagef("export takes one file")
	}
	if *descriptors != "" && format.value != "csv" {
		return exitUsage, usagef("--descriptors goes with --format csv")
	}
	l, code, err := loadLadder(c, paths[0])
	if err != nil {
		return code, err
	}
	var out bytes.Buffer
	var omitted []spreadsheet.Omission
	if format.value == "csv" {
		omitted, err = spreadsheet.Export(&out, l)
		if err == nil && *descriptors != "" {
			// The descriptors sheet holds what the matrix lists as
			// descriptors.
			omitted = slices.DeleteFunc(omitted, func(o spreadsheet.Omission) bool { return o.What == "descriptors" })
			var d bytes.Buffer
			var more []spreadsheet.Omission
			if more, err = spreadsheet.ExportDescriptors(&d, l); err == nil {
				omitted = append(omitted, more...)
				err = os.WriteFile(*descriptors, d.Bytes(), 0o666)
			}
		}
	} else {
		// Straight to the output: Write checks everything before it
		// writes, and a package can be many times the ladder's size.
		err = caseexport.Write(c.stdout, l, caseexport.Options{BaseURI: *baseURI, LastChange: *lastChange})
	}
	if oe := (*caseexport.OptionError)(nil); errors.As(err, &oe) {
		return exitUsage, usagef("%s %q: %s", exportFlags[oe.Field], oe.Value, oe.Reason)
	}
	if err != nil {
		return exitUsage, err
	}
	for _, o := range omitted {
		textsafe.Fprintf(c.stderr, "%s: omitted: %s\n", paths[0], o.String())
	}
	_, err = c.stdout.Write(out.Bytes())
	return exitOK, err
}

const importHelp = `usage: ladder import --from csv [--descriptors FILE] FILE.csv

Reads a ladder from a spreadsheet saved as CSV and writes it as YAML to
standard output. Two shapes are read: the one "ladder export --format csv"
writes (columns id, name, category, summary, then TRACK/LEVEL columns, and
rows naming the ladder, its categories, tracks, levels and ratings), and
the looser one people keep: a header row of level names and a first column
of capability names, one track, with title rows above the header, category
rows (a name and nothing else), a category and a summary column, blank rows
and spare empty columns. Cells may be separated by commas, semicolons or
tabs. Ratings become one scale. A notes column, a cell of prose where a
rating belongs and anything else that is not part of the matrix is refused
with its row and column. --descriptors FILE reads the capabilities'
descriptors from a second sheet (columns capability, rating, summary,
signals, examples), as "ladder export --descriptors" writes it. Problems
are reported as file:row:col: code: summary, each followed, where there is
more to say, by a line indented by two spaces that says what to change.

Exit status: 0 success; 1 when the sheet has problems; 2 usage or I/O error.
`

func runImport(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	from := &choice{"", []string{"csv"}}
	fs.Var(from, "from", "")
	descriptors := fs.String("descriptors", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if from.value == "" {
		return exitUsage, usagef("--from csv is required")
	}
	if len(paths) != 1 {
		return exitUsage, usagef("import takes one file")
	}
	read := func(path string, parse func([]byte) (*ladder.Ladder, error)) (*ladder.Ladder, int, error) {
		src, err := readInput(c, path)
		var ds ladder.Diagnostics
		if err != nil && !errors.As(err, &ds) {
			return nil, exitUsage, err
		}
		if ds != nil {
			printDiagnostics(c.stderr, ds)
			return nil, exitFindings, fmt.Errorf("%s cannot be read", path)
		}
		l, err := parse(src)
		if errors.As(err, &ds) {
			// Each problem, and on the line below it what to change.
			for _, d := range ds {
				fmt.Fprintln(c.stderr, d.Error())
				if d.Detail != "" {
					textsafe.Fprintf(c.stderr, "  %s\n", d.Detail)
				}
			}
			return nil, exitFindings, fmt.Errorf("%s is not a valid ladder sheet", path)
		} else if err != nil {
			return nil, exitUsage, err
		}
		return l, exitOK, nil
	}
	l, code, err := read(paths[0], func(src []byte) (*ladder.Ladder, error) {
		return spreadsheet.Import(paths[0], bytes.NewReader(src))
	})
	if err != nil {
		return code, err
	}
	if *descriptors != "" {
		l, code, err = read(*descriptors, func(src []byte) (*ladder.Ladder, error) {
			return spreadsheet.ImportDescriptors(l, *descriptors, bytes.NewReader(src))
		})
		if err != nil {
			return code, err
		}
	}
	var out bytes.Buffer
	if err := l.WriteYAML(&out); err != nil {
		return exitUsage, err
	}
	_, err = c.stdout.Write(out.Bytes())
	return exitOK, err
}

const diffHelp = `usage: ladder diff [--evidence FILE]... [--as-of YYYY-MM-DD] [--format text|json] OLD NEW

Compares two versions of a ladder, matching everything by id: capabilities,
scales and ratings, tracks, levels, expectations, gates, rules, thresholds
and titles added, removed, changed or moved. With evidence files (each one
person, as for assess), it also assesses each person under both versions
and lists who would change level on a track, and why.

  --format text   "+ path: new", "- path: old", "~ path: old -> new",
                  "> path: old -> new" (moved), then a count; then the moves.
  --format json   {"changes": [{"kind", "path", "old", "new", "summary"}],
                   "moves": [{"person", "track", "old", "new", "direction",
                   "reasons"}]}

Exit status: 0 when the ladders are equal; 1 when they differ or an input
is invalid; 2 for a usage or I/O error.
`

func runDiff(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	var evidenceFiles files
	fs.Var(&evidenceFiles, "evidence", "")
	asOfText := fs.String("as-of", "", "")
	format := &choice{"text", []string{"text", "json"}}
	fs.Var(format, "format", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(paths) != 2 {
		return exitUsage, usagef("diff takes two files, OLD and NEW")
	}
	asOf, err := asOfDay(c, *asOfText)
	if err != nil {
		return exitUsage, err
	}
	oldL, code, err := loadLadder(c, paths[0])
	if err != nil {
		return code, err
	}
	newL, code, err := loadLadder(c, paths[1])
	if err != nil {
		return code, err
	}
	rep, err := diff.Ladders(oldL, newL)
	if err != nil {
		return exitUsage, err
	}
	var moves []diff.Move
	if len(evidenceFiles) > 0 {
		oldS, err := scoring.Compile(oldL)
		if err != nil {
			return exitFindings, err
		}
		newS, err := scoring.Compile(newL)
		if err != nil {
			return exitFindings, err
		}
		// One person a file, read without a ladder check: a file may
		// use what only one version has.
		var ins []evidence.Input
		code, err := readInputs(c, evidenceFiles, evidence.Loader{}.Parse, func(_ string, in evidence.Input) error {
			ins = append(ins, in)
			return nil
		})
		if err != nil {
			return code, err
		}
		if moves, err = diff.Rescore(oldS, newS, ins, asOf); err != nil {
			return exitUsage, err
		}
	}
	var out bytes.Buffer
	if format.value == "json" {
		err = writeJSON(&out, struct {
			Changes []diff.Change `json:"changes"`
			Moves   []diff.Move   `json:"moves"`
		}{rep.Changes, append([]diff.Move{}, moves...)})
	} else {
		err = rep.WriteText(&out)
		if err == nil && len(evidenceFiles) > 0 {
			fmt.Fprintf(&out, "\n%d %s would change level\n", len(moves), map[bool]string{true: "person-track", false: "person-tracks"}[len(moves) == 1])
			for _, m := range moves {
				textsafe.Fprintf(&out, "%s, %s: %s -> %s (%s)\n", m.Person, m.Track, orNone(m.Old), orNone(m.New), m.Direction)
				for _, r := range m.Reasons {
					textsafe.Fprintf(&out, "  - %s\n", r)
				}
			}
		}
	}
	if err != nil {
		return exitUsage, err
	}
	if _, err := c.stdout.Write(out.Bytes()); err != nil {
		return exitUsage, err
	}
	if rep.Equal() {
		return exitOK, nil
	}
	return exitFindings, nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

const chartHelp = `usage: ladder chart --ladder FILE --evidence FILE [--track ID] [--as-of YYYY-MM-DD]

Writes an SVG radar chart to standard output: one axis per capability, the
person's worst-case ratings against the expectations of the current and the
next level of the track (the first track by default), with a legend. All
text from the files is escaped. --evidence may repeat, as for assess.

Exit status: 0 success; 1 invalid input; 2 usage or I/O error.
`

func runChart(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	ladderFile := fs.String("ladder", "", "")
	var evidenceFiles files
	fs.Var(&evidenceFiles, "evidence", "")
	track := fs.String("track", "", "")
	asOfText := fs.String("as-of", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	switch {
	case len(pos) > 0:
		return exitUsage, usagef("unexpected argument %q", pos[0])
	case *ladderFile == "" || len(evidenceFiles) == 0:
		return exitUsage, usagef("--ladder and --evidence are required")
	}
	asOf, err := asOfDay(c, *asOfText)
	if err != nil {
		return exitUsage, err
	}
	s, code, err := scorerFor(c, *ladderFile, *track)
	if err != nil {
		return code, err
	}
	in, code, err := loadInputs(c, s, evidenceFiles)
	if err != nil {
		return code, err
	}
	res, err := s.Assess(in, asOf)
	if err != nil {
		return exitUsage, err
	}
	var out bytes.Buffer
	if err := chart.Radar(&out, s.Ladder(), res, *track); err != nil {
		return exitUsage, err
	}
	_, err = c.stdout.Write(out.Bytes())
	return exitOK, err
}

// asOfDay parses --as-of, or gives today in local time.
func asOfDay(c *cli, text string) (evidence.Date, error) {
	if text == "" {
		return evidence.DateOf(c.now()), nil
	}
	d, err := evidence.ParseDate(text)
	if err != nil {
		return evidence.Date{}, usagef("--as-of %q is not a day written as YYYY-MM-DD", text)
	}
	return d, nil
}
