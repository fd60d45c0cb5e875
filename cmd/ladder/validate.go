package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

const validateHelp = `usage: ladder validate [--format text|json|github] [--strict] [--kind auto|ladder|evidence] [--ladder FILE] FILE...

Checks ladder and evidence files and reports every problem in every file.
"-" reads standard input. The kind of each file comes from its format
field (careerladder/v1 or careerladder/evidence/v1) unless --kind says.
Evidence files are checked against the ladder given with --ladder; without
it, only what needs no ladder is checked.

  --format text    one "file:line:col: code: summary" line per diagnostic
                   ("code: warning: summary" for warnings), sorted by file and
                   position, then one line of counts. The default.
  --format github  GitHub Actions annotations:
                   ::error file=F,line=L,col=C,title=CODE::SUMMARY
                   (::warning for warnings; the summary ends with
                   (did you mean "S"?) when there is a suggestion), then
                   the line of counts.
  --format json    one JSON document:
                   {"files": [{"file": F, "kind": "ladder"|"evidence",
                     "valid": bool, "error": "I/O error, if any",
                     "diagnostics": [{"severity": "error"|"warning",
                       "code": C, "file": F, "line": L, "col": C,
                       "range": {"start": {"line": L, "col": C, "byte": B},
                                 "end": {"line": L, "col": C, "byte": B}},
                       "path": P, "summary": S, "detail": D,
                       "suggestion": S}]}],
                    "errors": N, "warnings": N}
                   Files in argument order, diagnostics sorted; empty
                   fields are left out. line and col repeat the start of
                   range, which runs from the first character concerned to
                   just after the last (1-based lines and columns, columns
                   in characters, 0-based byte offsets) and is left out
                   when the position is unknown. suggestion is the name
                   probably meant; the text format shows it as
                   (did you mean "S"?).
  --strict         warnings fail too.

Exit status: 0 when no file has errors (and, with --strict, no warnings);
1 when one has; 2 for a usage error or a file that cannot be read (missing,
a directory, unreadable), after checking the others.
`

// fileResult is the outcome of one file, as the JSON format shows it.
type fileResult struct {
	File        string           `json:"file"`
	Kind        string           `json:"kind,omitempty"`
	Valid       bool             `json:"valid"`
	Error       string           `json:"error,omitempty"`
	Diagnostics []diagnosticJSON `json:"diagnostics"`
}

type diagnosticJSON struct {
	Severity   string     `json:"severity"`
	Code       string     `json:"code"`
	File       string     `json:"file"`
	Line       int        `json:"line"`
	Col        int        `json:"col"`
	Range      *rangeJSON `json:"range,omitempty"`
	Path       string     `json:"path,omitempty"`
	Summary    string     `json:"summary"`
	Detail     string     `json:"detail,omitempty"`
	Suggestion string     `json:"suggestion,omitempty"`
}

type rangeJSON struct {
	Start posJSON `json:"start"`
	End   posJSON `json:"end"`
}

type posJSON struct {
	Line int `json:"line"`
	Col  int `json:"col"`
	Byte int `json:"byte"`
}

// newDiagnosticJSON returns d as the JSON format shows it.
func newDiagnosticJSON(d ladder.Diagnostic) diagnosticJSON {
	r := d.Range
	j := diagnosticJSON{Severity: d.Severity().String(), Code: string(d.Code), File: r.File, Line: r.Start.Line, Col: r.Start.Col,
		Path: d.Path, Summary: d.Summary, Detail: d.Detail, Suggestion: d.Suggestion}
	if r.IsValid() {
		j.Range = &rangeJSON{posJSON(r.Start), posJSON(r.End)}
	}
	return j
}

type report struct {
	Files    []fileResult `json:"files"`
	Errors   int          `json:"errors"`
	Warnings int          `json:"warnings"`
}

func runValidate(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	format := &choice{"text", []string{"text", "json", "github"}}
	kind := &choice{"auto", []string{"auto", "ladder", "evidence"}}
	fs.Var(format, "format", "")
	fs.Var(kind, "kind", "")
	strict := fs.Bool("strict", false, "")
	ladderFile := fs.String("ladder", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage, err
	}
	if len(paths) == 0 {
		return exitUsage, usagef("no files to validate")
	}
	var scorer *scoring.Scorer
	if *ladderFile != "" {
		l, code, err := loadLadder(c, *ladderFile)
		if err != nil {
			return code, err
		}
		if scorer, err = scoring.Compile(l); err != nil {
			return exitFindings, err
		}
	}
	var rep report
	var unreadable []fileResult // counted as errors in every format
	all := ladder.Diagnostics{}
	for _, p := range paths {
		fr := validateFile(c, p, kind.value, scorer)
		if fr.Error != "" {
			unreadable = append(unreadable, fr.fileResult)
			textsafe.Fprintf(c.stderr, "ladder validate: %s\n", fr.Error)
		}
		rep.Files = append(rep.Files, fr.fileResult)
		all = append(all, fr.diags...)
	}
	ioFailed := len(unreadable) > 0
	rep.Errors += len(unreadable)
	all.Sort()
	for _, d := range all {
		if d.Severity() == ladder.Warning {
			rep.Warnings++
		} else {
			rep.Errors++
		}
	}
	switch format.value {
	case "json":
		if err := writeJSON(c.stdout, rep); err != nil {
			return exitUsage, err
		}
	case "github":
		for _, fr := range unreadable {
			fmt.Fprintf(c.stdout, "::error file=%s,title=unreadable::%s\n", ghProperty(fr.File), ghMessage(fr.Error))
		}
		for _, d := range all {
			level := "error"
			if d.Severity() == ladder.Warning {
				level = "warning"
			}
			fmt.Fprintf(c.stdout, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", level,
				ghProperty(d.Range.File), d.Range.Start.Line, d.Range.Start.Col, ghProperty(string(d.Code)), ghMessage(d.Message()))
		}
		fmt.Fprintln(c.stdout, counts(len(paths), rep.Errors, rep.Warnings))
	default:
		for _, d := range all {
			fmt.Fprintln(c.stdout, d.Error())
		}
		fmt.Fprintln(c.stdout, counts(len(paths), rep.Errors, rep.Warnings))
	}
	switch {
	case ioFailed:
		return exitUsage, nil
	case rep.Errors > 0 || *strict && rep.Warnings > 0:
		return exitFindings, nil
	}
	return exitOK, nil
}

type validated struct {
	fileResult
	diags ladder.Diagnostics
}

// validateFile checks one file; I/O errors go into Error.
func validateFile(c *cli, path, kind string, scorer *scoring.Scorer) validated {
	name := path
	if path == "-" {
		name = "<stdin>"
	}
	v := validated{fileResult: fileResult{File: name, Diagnostics: []diagnosticJSON{}}}
	src, err := readInput(c, path)
	var ds ladder.Diagnostics
	switch {
	case errors.As(err, &ds):
		v.diags = ds // too large: refused before reading it whole
	case err != nil:
		v.Error = err.Error()
		return v
	default:
		if kind == "auto" {
			kind = detectKind(src)
		}
		v.Kind = kind
		v.diags = check(name, src, kind, scorer)
	}
	v.Valid = !v.diags.HasErrors()
	for _, d := range v.diags {
		v.Diagnostics = append(v.Diagnostics, newDiagnosticJSON(d))
	}
	return v
}

// check returns every diagnostic of a file: load errors, or warnings.
func check(name string, src []byte, kind string, scorer *scoring.Scorer) ladder.Diagnostics {
	var err error
	if kind == "evidence" {
		_, err = (evidence.Loader{Ladder: scorer.Ladder()}).Parse(name, src) // a nil scorer checks no references
	} else {
		_, ds := ladder.Loader{}.Diagnose(name, src)
		return ds
	}
	var ds ladder.Diagnostics
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ds):
		return ds
	}
	start := ladder.Pos{Line: 1, Col: 1}
	return ladder.Diagnostics{{Code: ladder.CodeSyntax, Range: ladder.Range{File: name, Start: start, End: start}, Summary: err.Error()}}
}

// detectKind decides the kind of a file from its parsed format field:
// evidence files say careerladder/evidence/v1; anything else is read as a
// ladder, whose checks then report what is wrong. A file that cannot name
// the evidence format (no "evidence" in it, nor an escape that could spell
// it) is a ladder without parsing it twice.
func detectKind(src []byte) string {
	if !bytes.Contains(src, []byte("evidence")) && !bytes.Contains(src, []byte(`\`)) {
		return "ladder"
	}
	if strings.HasPrefix(yamldoc.FormatOf(src, yamldoc.Limits{}), "careerladder/evidence/") {
		return "evidence"
	}
	return "ladder"
}

// readInput reads a file, or standard input for "-", within the default
// size limit.
func readInput(c *cli, path string) ([]byte, error) {
	if path == "-" {
		return ladder.ReadLimited("<stdin>", c.stdin, 0)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", path)
	}
	return ladder.ReadLimited(path, f, 0)
}

// loadLadder reads a valid ladder; content problems are printed as
// diagnostics (exit 1), I/O problems are usage errors (exit 2).
func loadLadder(c *cli, path string) (*ladder.Ladder, int, error) {
	src, err := readInput(c, path)
	var ds ladder.Diagnostics
	if err != nil && !errors.As(err, &ds) {
		return nil, exitUsage, err
	}
	l, err := ladder.Parse(path, src)
	if ds == nil && errors.As(err, &ds) || ds != nil {
		printDiagnostics(c.stderr, ds)
		return nil, exitFindings, fmt.Errorf("%s is not a valid ladder", path)
	}
	return l, exitOK, err
}

func printDiagnostics(w io.Writer, ds ladder.Diagnostics) {
	for _, d := range ds {
		fmt.Fprintln(w, d.Error())
	}
}

func counts(files, errs, warnings int) string {
	return fmt.Sprintf("%d file%s checked: %d error%s, %d warning%s", files, plural(files), errs, plural(errs), warnings, plural(warnings))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// ghMessage and ghProperty escape text for GitHub workflow commands, after
// writing control characters as textsafe does, so that an annotation
// neither acts on a terminal nor forges a line of its own.
func ghMessage(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(textsafe.String(s))
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(textsafe.String(s))
}
