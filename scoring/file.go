package scoring

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
	"github.com/careerladder/careerladder/rubric"
)

//go:embed evidence.schema.json
var evidenceSchema []byte

// EvidenceSchema returns the JSON Schema (draft 2020-12) of evidence files.
// It is generated from the Go types like the ladder schema and agrees with
// the loader on every structural rule it can express; whether capabilities
// and ratings exist depends on the ladder, which only the loader knows. The
// returned slice is a copy.
func EvidenceSchema() []byte { return slices.Clone(evidenceSchema) }

// An InputLoader reads evidence files under chosen limits. With a Scorer it
// checks them against the scorer's ladder; without one (the zero
// InputLoader) it checks only what needs no ladder: the structure, ids,
// dates and tags.
type InputLoader struct {
	Scorer *Scorer       // the scorer whose ladder the files are checked against, or nil
	Limits ladder.Limits // bounds on each file; the zero value means the defaults
}

// ParseInput reads an evidence file without a ladder, checking what needs
// none, as the zero InputLoader does. Scorer.ParseInput also checks every
// capability and rating against the ladder.
func ParseInput(name string, src []byte) (Input, error) { return InputLoader{}.Parse(name, src) }

// ParseInput reads an evidence file (YAML or JSON) for s's ladder, as
// InputLoader.Parse does under the default limits. A nil Scorer checks no
// references, like ParseInput.
func (s *Scorer) ParseInput(name string, src []byte) (Input, error) {
	return InputLoader{Scorer: s}.Parse(name, src)
}

// LoadInput reads the evidence file name from fsys, as InputLoader.Load
// does under the default limits.
func (s *Scorer) LoadInput(fsys fs.FS, name string) (Input, error) {
	return InputLoader{Scorer: s}.Load(fsys, name)
}

// LoadInputFile reads the evidence file at path, as InputLoader.LoadFile
// does under the default limits.
func (s *Scorer) LoadInputFile(path string) (Input, error) {
	return InputLoader{Scorer: s}.LoadFile(path)
}

// Parse reads an evidence file with the strictness of ladder files: evidence
// ids must be unique, tags must be ids and the assessor name "evidence" is
// reserved. With a Scorer it also checks the file against the scorer's
// ladder: every capability and rating must exist (a rating on the
// capability's scale; n/a only for direct ratings), and the ladder field,
// if set, must name the ladder. Every problem is reported at once, as a
// ladder.Diagnostics with positions; nothing is dropped.
func (ld InputLoader) Parse(name string, src []byte) (Input, error) {
	var in Input
	issues := yamldoc.Load(bytes.Clone(src), yamldoc.IsJSONName(name), yamldoc.Limits(ld.Limits), &in, func() []yamldoc.Issue {
		return ld.Scorer.check(&in, ld.Limits)
	})
	if len(issues) == 0 {
		return in, nil
	}
	ds := make(ladder.Diagnostics, 0, len(issues))
	for _, is := range issues {
		ds = append(ds, ladder.Diagnostic{Code: ladder.Code(is.Code),
			Range: ladder.Range{File: name, Start: ladder.Pos(is.Start), End: ladder.Pos(is.End)}, Path: is.Path, Summary: is.Summary,
			Detail: is.Detail, Suggestion: is.Suggestion})
	}
	return Input{}, ds
}

// Load reads and parses the evidence file name from fsys. Read errors are
// wrapped (errors.Is(err, fs.ErrNotExist) works); problems with the content
// are a ladder.Diagnostics.
func (ld InputLoader) Load(fsys fs.FS, name string) (Input, error) {
	if fsys == nil {
		return Input{}, fmt.Errorf("scoring: load %s: nil file system", name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return Input{}, fmt.Errorf("scoring: %w", err)
	}
	defer f.Close()
	return ld.read(name, f)
}

// LoadFile reads and parses the evidence file at path.
func (ld InputLoader) LoadFile(path string) (Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return Input{}, fmt.Errorf("scoring: %w", err)
	}
	defer f.Close()
	return ld.read(path, f)
}

func (ld InputLoader) read(name string, r io.Reader) (Input, error) {
	src, err := ladder.ReadLimited(name, r, ld.Limits.MaxBytes)
	if err != nil {
		return Input{}, err
	}
	return ld.Parse(name, src)
}

// check validates in, against the ladder when s is not nil, and returns
// unlocated issues.
func (s *Scorer) check(in *Input, lim ladder.Limits) []yamldoc.Issue {
	if s != nil && s.l == nil {
		s = nil // not made by Compile: no ladder to check against
	}
	r := yamldoc.NewReporter(yamldoc.Limits(lim))
	var root *yamldoc.Path
	add := func(code ladder.Code, p *yamldoc.Path, key bool, summary, suggestion string, names []string) {
		if r.Full() {
			r.Drop()
			return
		}
		is := yamldoc.Issue{Code: string(code), Path: p.String(), At: p, Key: key, Summary: summary, Suggestion: suggestion}
		is.Detail = knownDetail(names)
		r.Add(is)
	}
	var capIDs []string
	if s != nil {
		capIDs = s.capIDs
	}
	// capability checks a capability reference and returns its index.
	capability := func(id string, p *yamldoc.Path, key bool) int {
		if s == nil || id == "" || (key && rubric.CheckID(id) != nil) {
			return -1 // missing or not an id: reported by the structural checks
		}
		if k := s.capIndex.find(id); k >= 0 {
			return k
		}
		add(ladder.CodeUnknownRef, p, key, fmt.Sprintf("unknown capability %q", id), yamldoc.Suggest(id, capIDs), capIDs)
		return -1
	}
	rating := func(k int, id string, allowNA bool, p *yamldoc.Path) {
		if k < 0 || id == "" || (allowNA && id == rubric.NotApplicable) || s.caps[k].rank(id) >= 0 {
			return
		}
		names := s.caps[k].ratings
		if allowNA {
			names = append(slices.Clone(names), rubric.NotApplicable)
		}
		add(ladder.CodeUnknownRef, p, false, fmt.Sprintf("unknown rating %q on scale %q of capability %q", id, s.caps[k].scale.ID, s.caps[k].id),
			yamldoc.Suggest(id, names), names)
	}
	if s != nil && in.Ladder != "" && in.Ladder != s.l.ID {
		add(ladder.CodeUnknownRef, root.Key("ladder"), false, fmt.Sprintf("the evidence is for ladder %q, not %q", in.Ladder, s.l.ID), "", nil)
	}
	for _, a := range in.Ratings {
		ap := root.Key("ratings").Key(a.Assessor)
		if a.Assessor == EvidencePerspective {
			add(ladder.CodeBadValue, ap, true, fmt.Sprintf("the assessor name %q is reserved for ratings derived from evidence", a.Assessor), "", nil)
		}
		for _, r := range a.Ratings {
			rp := ap.Key(r.Capability)
			rating(capability(r.Capability, rp, true), r.Rating, true, rp)
		}
	}
	seen := map[string]int{}
	for i, ev := range in.Evidence {
		ep := root.Key("evidence").Index(i)
		if first, dup := seen[ev.ID]; dup && ev.ID != "" {
			is := yamldoc.Issue{Code: string(ladder.CodeDuplicateID), Path: ep.Key("id").String(), At: ep.Key("id"),
				Summary: fmt.Sprintf("evidence id %q is used twice", ev.ID), Detail: fmt.Sprintf("first used at evidence[%d]", first)}
			r.Add(is)
		} else {
			seen[ev.ID] = i
		}
		rating(capability(ev.Capability, ep.Key("capability"), false), ev.Rating, false, ep.Key("rating"))
		for j, tag := range ev.Tags {
			if rubric.CheckID(tag) != nil {
				add(ladder.CodeBadID, ep.Key("tags").Index(j), false, fmt.Sprintf("%q is not a valid id", tag), "", nil)
			}
		}
	}
	return r.Issues()
}

// WriteYAML writes in as an evidence file in YAML. Comments and layout of
// the file it was read from are not kept.
func (in *Input) WriteYAML(w io.Writer) error {
	if in == nil || w == nil {
		return fmt.Errorf("scoring: write YAML: %w", ladder.ErrNilArgument)
	}
	return yamldoc.WriteYAML(w, yamldoc.Encode(in))
}

// WriteJSON writes in as an evidence file in indented JSON, the shape the
// evidence schema describes.
func (in *Input) WriteJSON(w io.Writer) error {
	if in == nil || w == nil {
		return fmt.Errorf("scoring: write JSON: %w", ladder.ErrNilArgument)
	}
	return yamldoc.WriteJSON(w, yamldoc.Encode(in))
}
