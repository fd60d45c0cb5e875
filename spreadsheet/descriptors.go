package spreadsheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// descriptorColumns are the columns of the descriptors layout.
var descriptorColumns = []string{"capability", "rating", "summary", "signals", "examples"}

// ExportDescriptors writes the descriptors of l's capabilities as CSV, in
// the descriptors layout the package documentation describes: the header
// row capability,rating,summary,signals,examples and one row per
// descriptor, capabilities and their descriptors in ladder order, signals
// and examples one per line of their cell. The output depends only on l.
//
// It returns what the layout has no place for: a signal or example that
// is empty or holds a line break, and the carriage returns of a summary's
// line ends. [Export] writes the rest of the ladder.
func ExportDescriptors(w io.Writer, l *ladder.Ladder) ([]Omission, error) {
	if l == nil || w == nil {
		return nil, fmt.Errorf("spreadsheet: export descriptors: %w", ladder.ErrNilArgument)
	}
	var out []Omission
	lines := func(items []string, what, at string) string {
		kept := make([]string, 0, len(items))
		for k, s := range items {
			if strings.TrimSpace(s) == "" || strings.ContainsAny(s, "\r\n") {
				out = append(out, Omission{Path: fmt.Sprintf("%s[%d]", at, k), What: what})
				continue
			}
			kept = append(kept, s)
		}
		return escapeText(strings.Join(kept, "\n"))
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(descriptorColumns); err != nil {
		return nil, fmt.Errorf("spreadsheet: export descriptors: %w", err)
	}
	for i, c := range l.Capabilities {
		for j, d := range c.Descriptors {
			at := fmt.Sprintf("capabilities[%d].descriptors[%d]", i, j)
			if strings.Contains(d.Summary, "\r\n") {
				out = append(out, Omission{Path: at + ".summary", What: "carriage return"})
			}
			row := []string{c.ID, d.Rating, escapeText(d.Summary),
				lines(d.Signals, "signal", at+".signals"), lines(d.Examples, "example", at+".examples")}
			if err := cw.Write(row); err != nil {
				return nil, fmt.Errorf("spreadsheet: export descriptors: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, fmt.Errorf("spreadsheet: export descriptors: %w", err)
	}
	return out, nil
}

// ImportDescriptors reads a sheet in the descriptors layout and returns l
// with the descriptors of its capabilities replaced by those of the sheet
// (a capability the sheet does not name has none); l itself is not
// changed. name names the sheet in diagnostics. Problems with the content
// are returned all at once as a ladder.Diagnostics positioned at
// name:row:col. As with [Import], the ladder returned is what ladder.Parse
// gives for its YAML rendering, parsed under name with the extension
// .yaml, so it has passed validation and Validate positions its warnings
// in that YAML.
func ImportDescriptors(l *ladder.Ladder, name string, r io.Reader) (*ladder.Ladder, error) {
	if l == nil || r == nil {
		return nil, fmt.Errorf("spreadsheet: import descriptors %s: %w", name, ladder.ErrNilArgument)
	}
	src, err := ladder.ReadLimited(name, r, 0)
	if err != nil {
		return nil, err
	}
	rd := &reader{name: name}
	caps := rd.descriptors(l, src)
	if rd.ds.HasErrors() {
		return nil, rd.diagnostics()
	}
	out := *l
	out.Capabilities = caps
	return rd.reparse(&out)
}

// descriptorKinds are the headers, folded by slug, of the descriptors
// layout, with the index of each in descriptorColumns.
var descriptorKinds = map[string]int{"capability": 0, "id": 0, "rating": 1, "summary": 2, "description": 2, "signals": 3, "examples": 4}

// descriptors reads src and returns a copy of l's capabilities with the
// descriptors of the sheet.
func (rd *reader) descriptors(l *ladder.Ladder, src []byte) []ladder.Capability {
	rows := rd.read(src)
	if len(rows) == 0 {
		if len(rd.ds) == 0 {
			rd.report(ladder.CodeEmpty, 1, 1, "", "no header row")
		}
		return nil
	}
	header, body := rows[0], rows[1:]
	col := []int{-1, -1, -1, -1, -1}
	data := make([]bool, len(header.cells))
	for _, r := range body {
		for i := 0; i < len(header.cells) && i < len(r.cells); i++ {
			data[i] = data[i] || strings.TrimSpace(r.cells[i]) != ""
		}
	}
	lastUsed := 0
	for i := range header.cells {
		h := header.text(i)
		if h == "" && !data[i] {
			continue
		}
		lastUsed = i
		k, ok := descriptorKinds[slug(h)]
		switch {
		case !ok:
			rd.report(ladder.CodeUnknownField, header.line, i+1, "the columns are capability, rating, summary, signals and examples", "column %q is not one of the descriptors layout", h)
		case col[k] >= 0:
			rd.report(ladder.CodeDuplicateKey, header.line, i+1, "", "column %q is also column %d", h, col[k]+1)
		default:
			col[k] = i
		}
	}
	if col[0] < 0 || col[1] < 0 {
		rd.report(ladder.CodeMissingField, header.line, 1, "the first row is the header: capability, rating, summary, signals, examples", "no capability or no rating column")
		return nil
	}
	index := make(map[string]int, len(l.Capabilities))
	for i, c := range l.Capabilities {
		index[c.ID] = i
	}
	caps := slices.Clone(l.Capabilities)
	for i := range caps {
		caps[i].Descriptors = nil
	}
	// A scale's ratings by id and by label, for each scale used.
	type scaleIndex struct{ ids, labels map[string]string }
	scales := map[string]scaleIndex{}
	scaleOf := func(c *ladder.Capability) scaleIndex {
		if s, ok := scales[c.Scale]; ok {
			return s
		}
		si := scaleIndex{ids: map[string]string{}, labels: map[string]string{}}
		if s, ok := l.ScaleOf(c); ok {
			for _, r := range s.Ratings {
				si.ids[r.ID] = r.ID
				if k := strings.ToLower(strings.TrimSpace(r.Label)); k != "" {
					if _, dup := si.labels[k]; !dup {
						si.labels[k] = r.ID
					}
				}
			}
		}
		scales[c.Scale] = si
		return si
	}
	seen := map[[2]string]int{}
	current := -1 // the capability of the row above, for merged cells
	count := idsOf(l)
	for _, rw := range body {
		if rd.full() {
			break
		}
		if n := len(rw.cells); n <= lastUsed {
			rd.report(ladder.CodeSyntax, rw.line, n+1, "every row has a cell for each column of the header; a blank cell is an empty one", "row has %d cells, the header %d", n, len(header.cells))
			continue
		}
		if i := extraCell(rw, len(header.cells)); i >= 0 {
			rd.report(ladder.CodeSyntax, rw.line, i+1, "a cell right of the last column of the header needs a column: head it in the header row, or delete the cell",
				"row has %d cells, the header %d", len(rw.cells), len(header.cells))
			continue
		}
		cid := rw.text(col[0])
		switch k, ok := index[cid]; {
		case cid == "" && current < 0:
			rd.report(ladder.CodeBadValue, rw.line, col[0]+1, "an empty capability cell continues the capability above it, and there is none", "row names no capability")
			continue
		case cid == "":
		case !ok:
			rd.report(ladder.CodeUnknownRef, rw.line, col[0]+1, "", "no capability %q", cid)
			current = -1
			continue
		default:
			current = k
		}
		c := &caps[current]
		rt := rw.text(col[1])
		si := scaleOf(c)
		rating, ok := si.ids[rt]
		if !ok {
			rating, ok = si.labels[strings.ToLower(rt)]
		}
		switch {
		case rt == "":
			rd.report(ladder.CodeBadValue, rw.line, col[1]+1, "", "row names no rating")
			continue
		case !ok:
			rd.report(ladder.CodeUnknownRef, rw.line, col[1]+1, "", "no rating %q on the scale of capability %q", rt, c.ID)
			continue
		}
		key := [2]string{c.ID, rating}
		if first, dup := seen[key]; dup {
			rd.report(ladder.CodeDuplicateID, rw.line, col[1]+1, "", "capability %q at rating %q is also on row %d", c.ID, rating, first)
			continue
		}
		seen[key] = rw.line
		d := rubric.Descriptor{Rating: rating, Summary: rw.raw(col[2]), Signals: items(rw.raw(col[3])), Examples: items(rw.raw(col[4]))}
		c.Descriptors = append(c.Descriptors, d)
		if count++; count > ladder.DefaultMaxIDs {
			rd.report(ladder.CodeTooManyIDs, rw.line, 1, "", "more than %d entities with an id in the ladder and its descriptors", ladder.DefaultMaxIDs)
			return nil
		}
	}
	return caps
}

// items splits a cell of signals or examples into its lines, leaving out
// blank ones.
func items(cell string) []string {
	var out []string
	for _, s := range strings.Split(cell, "\n") {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// idsOf counts the entities with an id in l other than descriptors, as
// the loader counts them against ladder.DefaultMaxIDs.
func idsOf(l *ladder.Ladder) int {
	n := 1 + len(l.Categories) + len(l.Capabilities) + len(l.Titles) + len(l.Rules.Weights) + len(l.Rules.Thresholds)
	for _, s := range l.Scales {
		n += 1 + len(s.Ratings)
	}
	for _, t := range l.Tracks {
		n++
		for _, v := range t.Levels {
			n += 1 + len(v.Expects) + len(v.Requires)
		}
	}
	if e := l.Rules.Evidence; e != nil {
		n += len(e.Sources)
	}
	return n
}
