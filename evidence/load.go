package evidence

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/ladder"
)

//go:embed evidence.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of evidence files. It is
// generated from the Go types like the ladder schema and agrees with the
// loader on every structural rule it can express; whether capabilities and
// ratings exist depends on the ladder, which only the loader knows. The
// returned slice is a copy.
func Schema() []byte { return slices.Clone(schema) }

// A Loader reads and checks evidence. With a Ladder it checks every
// capability and rating against it; without one (the zero Loader) it
// checks only what needs no ladder: the structure, ids, dates and tags.
// A Loader holds no state: one may serve any number of goroutines.
type Loader struct {
	Ladder *ladder.Ladder // the ladder the evidence is for, or nil
	Limits ladder.Limits  // bounds on each file; the zero value means the defaults
}

// Parse reads an evidence file, YAML or JSON (a name ending in .json is
// read as strict JSON), with the strictness of ladder files: evidence ids
// must be unique, sources and tags must be ids, and the assessor name
// "evidence" is reserved. With a Ladder, every capability and rating must
// exist (a rating on the capability's scale; n/a only for direct ratings),
// and the ladder field, if set, must name the ladder. Every problem is
// reported at once, as a ladder.Diagnostics with positions; nothing is
// dropped. Parse costs O(n log n) in the size of src and the ladder.
func (ld Loader) Parse(name string, src []byte) (Input, error) {
	var in Input
	r := newRefs(ld.Ladder)
	lim := yamldoc.Limits(ld.Limits)
	issues := yamldoc.Load(bytes.Clone(src), yamldoc.IsJSONName(name), lim, &in, func() []yamldoc.Issue {
		return r.checkInput(&in, lim)
	})
	if len(issues) == 0 {
		return in, nil
	}
	return Input{}, diagnostics(name, issues)
}

// Check checks an input built in Go as Parse checks a file (its Format may
// be left empty). It returns nil when in is sound, and otherwise every
// problem as a ladder.Diagnostics with paths (evidence[3].capability) and
// no positions. Scoring never fails on an input
// that Check rejects (an unknown capability, say, is traced as excluded),
// so call Check where a mistake must not pass unnoticed.
func (ld Loader) Check(in Input) error {
	if in.Format == "" {
		in.Format = Format
	}
	lim := yamldoc.Limits(ld.Limits)
	issues := append(yamldoc.Check(&in, lim), newRefs(ld.Ladder).checkInput(&in, lim)...)
	return diagnostics("", yamldoc.Finish(issues, lim)).Err()
}

// Load reads and parses the evidence file name from fsys. Read errors are
// wrapped (errors.Is(err, fs.ErrNotExist) works); problems with the content
// are a ladder.Diagnostics.
func (ld Loader) Load(fsys fs.FS, name string) (Input, error) {
	if fsys == nil {
		return Input{}, fmt.Errorf("evidence: load %s: %w", name, ladder.ErrNilArgument)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return Input{}, fmt.Errorf("evidence: %w", err)
	}
	defer f.Close()
	return ld.read(name, f)
}

// LoadFile reads and parses the evidence file at path.
func (ld Loader) LoadFile(path string) (Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return Input{}, fmt.Errorf("evidence: %w", err)
	}
	defer f.Close()
	return ld.read(path, f)
}

func (ld Loader) read(name string, r io.Reader) (Input, error) {
	src, err := ladder.ReadLimited(name, r, ld.Limits.MaxBytes)
	if err != nil {
		return Input{}, err
	}
	return ld.Parse(name, src)
}

// diagnostics turns located issues into diagnostics of file name.
func diagnostics(name string, issues []yamldoc.Issue) ladder.Diagnostics {
	ds := make(ladder.Diagnostics, 0, len(issues))
	for _, is := range issues {
		ds = append(ds, ladder.Diagnostic{Code: ladder.Code(is.Code),
			Range: ladder.Range{File: name, Start: ladder.Pos(is.Start), End: ladder.Pos(is.End)}, Path: is.Path,
			Summary: is.Summary, Detail: is.Detail, Suggestion: is.Suggestion})
	}
	return ds
}

// WriteYAML writes in as an evidence file in YAML. Comments and layout of
// the file it was read from are not kept.
func (in *Input) WriteYAML(w io.Writer) error {
	if in == nil || w == nil {
		return fmt.Errorf("evidence: write YAML: %w", ladder.ErrNilArgument)
	}
	return yamldoc.WriteYAML(w, yamldoc.Encode(in))
}

// WriteJSON writes in as an evidence file in indented JSON, the shape the
// evidence schema describes.
func (in *Input) WriteJSON(w io.Writer) error {
	if in == nil || w == nil {
		return fmt.Errorf("evidence: write JSON: %w", ladder.ErrNilArgument)
	}
	return yamldoc.WriteJSON(w, yamldoc.Encode(in))
}
