package ladder

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/careerladder/careerladder/internal/yamldoc"
)

// Default limits, used where a Limits field is zero.
const (
	DefaultMaxBytes   = yamldoc.DefaultMaxBytes   // 4 MiB
	DefaultMaxDepth   = yamldoc.DefaultMaxDepth   // 64 levels of nesting
	DefaultMaxNodes   = yamldoc.DefaultMaxNodes   // about a million nodes
	DefaultMaxAliases = yamldoc.DefaultMaxAliases // 100 aliases
	DefaultMaxIDs     = yamldoc.DefaultMaxIDs     // 100,000 entities with an id
	DefaultMaxString  = yamldoc.DefaultMaxString  // 64 KiB in one value or key
	DefaultMaxReports = yamldoc.DefaultMaxReports // 1,000 diagnostics
)

// Limits bound the resources spent on one file, so that hostile input is
// refused quickly and in bounded memory. The zero value of each field means
// its default (see the Default constants); a negative value means no limit.
type Limits struct {
	// MaxBytes is the largest input accepted. Load and LoadFile stop
	// reading past it, so an oversized file is never read whole.
	MaxBytes int64
	// MaxDepth is the deepest nesting of mappings and lists.
	MaxDepth int
	// MaxNodes is the most nodes a document may have, counting each alias
	// as the nodes it stands for.
	MaxNodes int
	// MaxAliases is the most aliases a document may use.
	MaxAliases int
	// MaxIDs is the most entities with an id (capabilities, levels,
	// ratings, evidence items, keys of mappings keyed by id) a document may
	// define.
	MaxIDs int
	// MaxString is the longest value or key, in bytes.
	MaxString int
	// MaxReports is the most diagnostics reported for one file; past it,
	// the last one says how many more there are.
	MaxReports int
}

// internal converts l for the walker, whose Limits has the same fields.
func (l Limits) internal() yamldoc.Limits { return yamldoc.Limits(l) }

// A Loader reads ladders under chosen limits. The zero Loader uses the
// default limits and is what the package-level Parse, Load and LoadFile use.
type Loader struct {
	Limits Limits // bounds on each file; the zero value means the defaults
}

// Parse reads a ladder from src, a YAML or JSON document; name is used in
// positions only. It checks the document strictly and validates it, and
// reports every problem at once: when any has severity Error, Parse returns
// a nil Ladder and an error of type Diagnostics holding all errors and
// warnings. Warnings alone do not fail; call Validate on the result to see
// them.
func Parse(name string, src []byte) (*Ladder, error) { return Loader{}.Parse(name, src) }

// Load reads and parses the ladder file name from fsys, which may be an
// embed.FS. Read errors are wrapped, so errors.Is(err, fs.ErrNotExist)
// works; problems with the content are Diagnostics, as for Parse.
func Load(fsys fs.FS, name string) (*Ladder, error) { return Loader{}.Load(fsys, name) }

// LoadFile reads and parses the ladder file at path in the operating
// system's file system, as Load does.
func LoadFile(path string) (*Ladder, error) { return Loader{}.LoadFile(path) }

// Parse is like the package-level Parse under ld's limits.
func (ld Loader) Parse(name string, src []byte) (*Ladder, error) {
	l, ds := ld.Diagnose(name, src)
	if ds.HasErrors() {
		return nil, ds
	}
	return l, nil
}

// Diagnose parses src as Parse does and returns every diagnostic, warnings
// included, in one pass: the ladder is nil when any diagnostic is an error.
// Tools that report warnings, such as the ladder command, use it to avoid
// validating twice (Parse, then Validate).
func (ld Loader) Diagnose(name string, src []byte) (*Ladder, Diagnostics) {
	src = bytes.Clone(src)
	l := &Ladder{src: &source{name: name, src: src, limits: ld.Limits}}
	ds := fromIssues(name, yamldoc.Load(src, yamldoc.IsJSONName(name), ld.Limits.internal(), l, func() []yamldoc.Issue { return l.checks(ld.Limits) }))
	if ds.HasErrors() {
		return nil, ds
	}
	return l, ds
}

// Load is like the package-level Load under ld's limits.
func (ld Loader) Load(fsys fs.FS, name string) (*Ladder, error) {
	if fsys == nil {
		return nil, fmt.Errorf("ladder: load %s: nil file system: %w", name, ErrNilArgument)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("ladder: %w", err)
	}
	defer f.Close()
	return ld.read(name, f)
}

// LoadFile is like the package-level LoadFile under ld's limits.
func (ld Loader) LoadFile(path string) (*Ladder, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ladder: %w", err)
	}
	defer f.Close()
	return ld.read(path, f)
}

func (ld Loader) read(name string, r io.Reader) (*Ladder, error) {
	src, err := ReadLimited(name, r, ld.Limits.MaxBytes)
	if err != nil {
		return nil, err
	}
	return ld.Parse(name, src)
}

// ReadLimited reads all of r unless it holds more than maxBytes (zero means
// DefaultMaxBytes, negative means no limit), in which case it stops reading
// and returns a Diagnostics with code too-large. Read errors are wrapped.
func ReadLimited(name string, r io.Reader, maxBytes int64) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("ladder: read %s: %w", name, ErrNilArgument)
	}
	if maxBytes == 0 {
		maxBytes = DefaultMaxBytes
	}
	if maxBytes > 0 {
		r = io.LimitReader(r, maxBytes+1)
	}
	src, err := io.ReadAll(r)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("ladder: %w", err)
		}
		return nil, fmt.Errorf("ladder: read %s: %w", name, err)
	}
	if maxBytes > 0 && int64(len(src)) > maxBytes {
		// The whole input: an empty range at its start.
		start := Pos{Line: 1, Col: 1}
		if bytes.HasPrefix(src, []byte("\uFEFF")) {
			start.Byte = 3
		}
		return nil, Diagnostics{{Code: CodeTooLarge, Range: Range{File: name, Start: start, End: start},
			Summary: fmt.Sprintf("input is larger than the limit of %d bytes", maxBytes)}}
	}
	return src, nil
}

// source remembers where a ladder came from, so that Validate can give
// positions long after parsing without keeping the node tree in memory.
type source struct {
	name   string
	src    []byte
	limits Limits
}

// fromIssues turns the walker's issues into diagnostics of file name.
func fromIssues(name string, issues []yamldoc.Issue) Diagnostics {
	ds := make(Diagnostics, 0, len(issues))
	for _, is := range issues {
		ds = append(ds, Diagnostic{
			Code:       Code(is.Code),
			Range:      Range{File: name, Start: Pos(is.Start), End: Pos(is.End)},
			Path:       is.Path,
			Summary:    is.Summary,
			Detail:     is.Detail,
			Suggestion: is.Suggestion,
		})
	}
	return ds
}

// ErrNilArgument is returned (wrapped) for a nil ladder, reader or writer.
var ErrNilArgument = errors.New("nil argument")

// WriteYAML writes l as a YAML document in the file format. Comments and
// formatting of the file l was read from are not kept.
func (l *Ladder) WriteYAML(w io.Writer) error {
	if l == nil || w == nil {
		return fmt.Errorf("ladder: write YAML: %w", ErrNilArgument)
	}
	return yamldoc.WriteYAML(w, yamldoc.Encode(l))
}

// WriteJSON writes l as an indented JSON document in the file format.
func (l *Ladder) WriteJSON(w io.Writer) error {
	if l == nil || w == nil {
		return fmt.Errorf("ladder: write JSON: %w", ErrNilArgument)
	}
	return yamldoc.WriteJSON(w, yamldoc.Encode(l))
}
