package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

const schemaHelp = `usage: ladder schema [ladder|evidence]

Prints the JSON Schema (draft 2020-12) of ladder files (the default) or of
evidence files, byte for byte the schema the library embeds and commits as
ladder/ladder.schema.json and evidence/evidence.schema.json.
`

func runSchema(c *cli, args []string) (int, error) {
	kind := "ladder"
	switch len(args) {
	case 0:
	case 1:
		kind = args[0]
	default:
		return exitUsage, usagef("too many arguments")
	}
	switch kind {
	case "ladder":
		_, err := c.stdout.Write(ladder.JSONSchema())
		return exitOK, err
	case "evidence":
		_, err := c.stdout.Write(evidence.Schema())
		return exitOK, err
	}
	return exitUsage, usagef("unknown schema %q: ladder or evidence", kind)
}

const renderHelp = `usage: ladder render [--format markdown] [--chart URL] FILE

Writes a ladder as a Markdown page (CommonMark with GitHub tables): rating
scales, capabilities by category with descriptors, signals and examples, a
level-by-capability matrix of expectations per track, each level's
requirements, titles and rules in words. Text from the file is escaped so
that it cannot break the page. "-" reads standard input. --chart adds an
image below the title, such as a radar chart written by "ladder chart"; the
URL may not hold spaces, angle brackets, control or bidirectional
characters.

Exit status: 0 success; 1 when the ladder is invalid (diagnostics on
standard error); 2 for a usage or I/O error.
`

func runRender(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	format := &choice{"markdown", []string{"markdown"}}
	fs.Var(format, "format", "")
	chartURL := fs.String("chart", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(paths) != 1 {
		return exitUsage, usagef("render takes one file")
	}
	if strings.ContainsFunc(*chartURL, func(r rune) bool { return r <= ' ' || r == '<' || r == '>' || textsafe.Escaped(r) }) || !utf8.ValidString(*chartURL) {
		return exitUsage, usagef("--chart %q: spaces, angle brackets and control characters are not allowed", *chartURL)
	}
	l, code, err := loadLadder(c, paths[0])
	if err != nil {
		return code, err
	}
	var page bytes.Buffer
	if err := l.WriteMarkdown(&page); err != nil {
		return exitUsage, err
	}
	out := page.Bytes()
	if *chartURL != "" {
		// After the title line: "# Name\n".
		title, rest, _ := bytes.Cut(out, []byte("\n"))
		out = fmt.Appendf(nil, "%s\n\n![Radar chart](<%s>)\n%s", title, *chartURL, rest)
	}
	_, err = c.stdout.Write(out)
	return exitOK, err
}

const assessHelp = `usage: ladder assess --ladder FILE (--evidence FILE | --ratings FILE)... [--as-of YYYY-MM-DD] [--track ID] [--target [TRACK/]LEVEL] [--format text|json]

Assesses one person against a ladder: capability ratings (worst and best
case when assessors disagree), the level reached on each track, what the
next level needs with the cheapest path to it, and the way to a target
level.

  --ladder FILE      the ladder (YAML or JSON)
  --evidence FILE    an evidence file (format careerladder/evidence/v1);
  --ratings FILE     the same format, holding direct ratings. Both repeat;
                     all files must be for the same person and are merged.
  --evidence F.jsonl bulk evidence as JSON Lines (also .ndjson): one item a
                     line with its "person", the lines of a person together.
                     Every person is assessed, on every core, in stream
                     order; the file must be the only input. Text reports
                     follow one another; --format json writes JSON Lines,
                     one result a line. A person whose lines have problems
                     is reported on standard error and skipped (exit 1).
                     Streams have no plan: --target is refused with them.
  --as-of DATE       the day of the assessment; evidence after it, and
                     assessments dated after it, do not count. Default:
                     today, in local time.
  --track ID         report this track only.
  --target LEVEL     plan the way to this level: the requirements of every
                     level on the way and the cheapest path, what each new
                     rating looks like, and the pace of evidence. LEVEL is
                     a level id, or TRACK/LEVEL where several tracks have
                     the id. Default: the ladder's target, if it names one.
  --format text      a report for people, the answer first: a summary of
                     the levels, the target, the points, the cheapest path
                     and the evidence still needed, then the details (the
                     default);
  --format json      the result as one JSON document, whose fields are
                     those of scoring.Result (see its documentation), with
                     "plan" added when there is a target (growth.Plan):
                     stable, sorted, and the same for the same input.

Exit status: 0 success; 1 when a file is invalid (diagnostics on standard
error) or the files are for different people; 2 for a usage or I/O error,
an unknown --target included.
`

func runAssess(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("assess", flag.ContinueOnError)
	person := personFlags(fs)
	asOfText := fs.String("as-of", "", "")
	track := fs.String("track", "", "")
	target := fs.String("target", "", "")
	format := &choice{"text", []string{"text", "json"}}
	fs.Var(format, "format", "")
	if err := person.parse(fs, args); err != nil {
		return exitUsage, err
	}
	asOf, err := asOfDay(c, *asOfText)
	if err != nil {
		return exitUsage, err
	}
	s, code, err := scorerFor(c, *person.ladder, *track)
	if err != nil {
		return code, err
	}
	if err := checkTarget(s, *target); err != nil {
		return exitUsage, err
	}
	inputs := person.inputs()
	for _, p := range inputs {
		if isJSONLines(p) {
			if len(inputs) > 1 {
				return exitUsage, usagef("a JSON Lines file holds many people; give it as the only input")
			}
			if *target != "" {
				return exitUsage, usagef("--target plans for one person; a JSON Lines file holds many")
			}
			return assessStream(c, s, p, asOf, *track, format.value)
		}
	}
	in, code, err := loadInputs(c, s, inputs)
	if err != nil {
		return code, err
	}
	rep, err := growth.Assess(s, in, asOf, *target)
	if err != nil {
		return exitUsage, err
	}
	rep.Result = onlyTrack(rep.Result, *track)
	var out bytes.Buffer
	if format.value == "json" {
		err = rep.WriteJSON(&out)
	} else {
		err = rep.WriteText(&out)
	}
	if err != nil {
		return exitUsage, err
	}
	_, err = c.stdout.Write(out.Bytes())
	return exitOK, err
}

// checkTarget checks that target names a level of s's ladder ("" does):
// a usage error with the level probably meant.
func checkTarget(s *scoring.Scorer, target string) error {
	if target == "" {
		return nil
	}
	if _, _, err := s.Ladder().FindLevel(target); err != nil {
		var ds ladder.Diagnostics
		if errors.As(err, &ds) && len(ds) > 0 {
			return usagef("--target %q: %s", target, ds[0].Message())
		}
		return usagef("--target %q: %v", target, err)
	}
	return nil
}

func isJSONLines(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".jsonl" || ext == ".ndjson"
}

// assessStream assesses every person of a JSON Lines file.
func assessStream(c *cli, s *scoring.Scorer, path string, asOf evidence.Date, track, format string) (int, error) {
	var r io.Reader = c.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return exitUsage, err
		}
		defer f.Close()
		r = f
	}
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out) // one result a line, escaped as single results are
	enc.SetEscapeHTML(false)
	skippedPeople, skippedLines := 0, 0
	first := true
	people := evidence.Loader{Ladder: s.Ladder()}.NewLinesReader(r, path).All()
	for r, err := range s.AssessAll(context.Background(), people, asOf) {
		var ds ladder.Diagnostics
		switch {
		case errors.As(err, &ds):
			printDiagnostics(c.stderr, ds)
			// Name what is skipped, so that nobody drops out unseen.
			if r.Person != "" {
				skippedPeople++
				fmt.Fprintf(c.stderr, "%s: person %s skipped (%s)\n", path, strconv.Quote(r.Person), linesOf(ds))
			} else {
				skippedLines++
				fmt.Fprintf(c.stderr, "%s: %s skipped: its person cannot be read\n", path, linesOf(ds))
			}
			continue
		case err != nil:
			return exitUsage, err
		}
		res := onlyTrack(*r, track)
		if format == "json" {
			err = enc.Encode(&res)
		} else {
			if !first {
				out.WriteString("\n")
			}
			first = false
			err = res.WriteText(out)
		}
		if err != nil {
			return exitUsage, err
		}
	}
	if skippedPeople+skippedLines > 0 {
		var parts []string
		if skippedPeople > 0 {
			parts = append(parts, fmt.Sprintf("%d %s with invalid lines", skippedPeople, map[bool]string{true: "person", false: "people"}[skippedPeople == 1]))
		}
		if skippedLines > 0 {
			parts = append(parts, fmt.Sprintf("%d %s without a readable person", skippedLines, map[bool]string{true: "line", false: "lines"}[skippedLines == 1]))
		}
		return exitFindings, fmt.Errorf("%s, skipped", strings.Join(parts, " and "))
	}
	return exitOK, nil
}

// linesOf names the lines the diagnostics stand on: "line 3" or "lines 3,
// 5".
func linesOf(ds ladder.Diagnostics) string {
	var lines []int
	for _, d := range ds {
		if d.Range.IsValid() && !slices.Contains(lines, d.Range.Start.Line) {
			lines = append(lines, d.Range.Start.Line)
		}
	}
	slices.Sort(lines)
	text := make([]string, len(lines))
	for i, n := range lines {
		text[i] = strconv.Itoa(n)
	}
	if len(lines) == 1 {
		return "line " + text[0]
	}
	return "lines " + strings.Join(text, ", ")
}

// loadInputs reads evidence files for one person, checked against s's
// ladder, and merges them. Content problems are printed (exit 1); files for
// different people are refused (exit 1); I/O problems are exit 2.
func loadInputs(c *cli, s *scoring.Scorer, paths []string) (evidence.Input, int, error) {
	var in evidence.Input
	code, err := readInputs(c, paths, evidence.Loader{Ladder: s.Ladder()}.Parse, func(path string, part evidence.Input) error {
		if in.Person != "" && part.Person != in.Person {
			return fmt.Errorf("%s is for %q, another file for %q: assess one person at a time", path, part.Person, in.Person)
		}
		in.Person = part.Person
		in.Ratings = append(in.Ratings, part.Ratings...)
		in.Evidence = append(in.Evidence, part.Evidence...)
		return nil
	})
	return in, code, err
}

// readInputs reads evidence files, parses each with parse and hands it to
// use. It prints the problems of every file that has some and then fails
// (exit 1), as it does when use fails; I/O problems are exit 2.
func readInputs(c *cli, paths []string, parse func(string, []byte) (evidence.Input, error), use func(string, evidence.Input) error) (int, error) {
	bad := false
	for _, path := range paths {
		src, err := readInput(c, path)
		var ds ladder.Diagnostics
		if err != nil && !errors.As(err, &ds) {
			return exitUsage, err
		}
		if ds == nil {
			var in evidence.Input
			in, err = parse(path, src)
			if !errors.As(err, &ds) {
				if err := use(path, in); err != nil {
					return exitFindings, err
				}
				continue
			}
		}
		bad = true
		printDiagnostics(c.stderr, ds)
	}
	if bad {
		return exitFindings, errors.New("invalid input files")
	}
	return exitOK, nil
}

// writeJSON writes v as indented JSON without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// scorerFor loads and compiles a ladder, and checks that it has track (when
// one is named). Content problems are exit 1, the rest exit 2.
func scorerFor(c *cli, ladderFile, track string) (*scoring.Scorer, int, error) {
	l, code, err := loadLadder(c, ladderFile)
	if err != nil {
		return nil, code, err
	}
	if track != "" {
		if _, ok := l.Track(track); !ok {
			return nil, exitUsage, usagef("ladder %s has no track %q", l.ID, track)
		}
	}
	s, err := scoring.Compile(l)
	if err != nil {
		return nil, exitFindings, err
	}
	return s, exitOK, nil
}

// onlyTrack keeps only the named track of res; an empty name keeps all.
func onlyTrack(res scoring.Result, track string) scoring.Result {
	if t, ok := res.Track(track); ok && track != "" {
		res.Tracks = []scoring.TrackResult{t}
	}
	return res
}

// personArgs holds the flags of the commands that read one person for a
// ladder: --ladder, and --evidence and --ratings, which repeat.
type personArgs struct {
	ladder            *string
	evidence, ratings files
}

// personFlags defines the flags of personArgs on fs.
func personFlags(fs *flag.FlagSet) *personArgs {
	p := &personArgs{ladder: fs.String("ladder", "", "")}
	fs.Var(&p.evidence, "evidence", "")
	fs.Var(&p.ratings, "ratings", "")
	return p
}

// parse parses args, which may hold no operands, and checks that a ladder
// and at least one input are given.
func (p *personArgs) parse(fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(fs, args)
	switch {
	case err != nil:
		return err
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *p.ladder == "":
		return usagef("--ladder is required")
	case len(p.evidence)+len(p.ratings) == 0:
		return usagef("give at least one --evidence or --ratings file")
	}
	return nil
}

// inputs returns the ratings files, then the evidence files.
func (p *personArgs) inputs() files { return append(append(files{}, p.ratings...), p.evidence...) }
