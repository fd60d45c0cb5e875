package spreadsheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// fixedColumns are the first columns of an exported sheet.
var fixedColumns = []string{"id", "name", "category", "summary"}

// An Omission is a part of a ladder that a sheet has no place for, so that
// importing the sheet gives a ladder without it.
type Omission struct {
	// Path leads from the ladder's root to the part, as the paths of
	// diagnostics do: tracks[0].levels[2].requires[0].
	Path string
	// What names the kind of part: one of the words the package
	// documentation lists under "What a sheet leaves out", such as gate
	// or title.
	What string
}

// String returns "path (what)".
func (o Omission) String() string { return o.Path + " (" + o.What + ")" }

// Export writes l as a level-by-capability matrix in CSV, in the layout
// the package documentation describes: the header row
// id,name,category,summary followed by one TRACK_ID/LEVEL_ID column per
// level of each track in ladder order; one row per capability in ladder
// order whose level cells hold the expected rating id, n/a, or nothing
// when the level does not name the capability; then one row for the
// ladder, its scale, each category, track, level and rating, with their
// names and descriptions. The output depends only on l.
//
// Export returns the parts of l that the matrix has no place for, in the
// order of the ladder: importing the sheet gives a ladder without them.
// Each capability's descriptors are among them, as one omission whose
// What is "descriptors"; [ExportDescriptors] writes them.
func Export(w io.Writer, l *ladder.Ladder) ([]Omission, error) {
	if l == nil || w == nil {
		return nil, fmt.Errorf("spreadsheet: export: %w", ladder.ErrNilArgument)
	}
	cw := csv.NewWriter(w)
	header := append([]string(nil), fixedColumns...)
	for _, t := range l.Tracks {
		for _, v := range t.Levels {
			header = append(header, t.ID+"/"+v.ID)
		}
	}
	if err := cw.Write(header); err != nil {
		return nil, fmt.Errorf("spreadsheet: export: %w", err)
	}
	for _, c := range l.Capabilities {
		row := []string{c.ID, escapeText(c.Name), c.Category, escapeText(c.Summary)}
		for _, t := range l.Tracks {
			for i := range t.Levels {
				r, _ := t.Levels[i].Expectation(c.ID) // "n/a" as the cell says it
				row = append(row, r)
			}
		}
		if err := cw.Write(row); err != nil {
			return nil, fmt.Errorf("spreadsheet: export: %w", err)
		}
	}
	blank := make([]string, len(header)-len(fixedColumns))
	entity := func(kind, id, name, summary string) error {
		return cw.Write(append([]string{kind + ":" + id, escapeText(name), "", escapeText(summary)}, blank...))
	}
	var err error
	put := func(kind, id, name, summary string) {
		if err == nil {
			err = entity(kind, id, name, summary)
		}
	}
	put("ladder", l.ID, l.Name, l.Description)
	if len(l.Scales) == 1 {
		s := l.Scales[0]
		put("scale", s.ID, s.Name, s.Description)
	}
	for _, c := range l.Categories {
		put("category", c.ID, c.Name, c.Description)
	}
	for _, t := range l.Tracks {
		put("track", t.ID, t.Name, t.Description)
	}
	for _, t := range l.Tracks {
		for _, v := range t.Levels {
			put("level", t.ID+"/"+v.ID, v.Name, v.Summary)
		}
	}
	seen := map[string]bool{}
	for _, s := range l.Scales {
		for _, r := range s.Ratings {
			if !seen[r.ID] {
				seen[r.ID] = true
				put("rating", r.ID, r.Label, r.Description)
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("spreadsheet: export: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, fmt.Errorf("spreadsheet: export: %w", err)
	}
	return omitted(l), nil
}

// omitted lists what Export leaves out of l.
func omitted(l *ladder.Ladder) []Omission {
	var out []Omission
	add := func(what, format string, args ...any) {
		out = append(out, Omission{Path: fmt.Sprintf(format, args...), What: what})
	}
	// Text the sheet keeps loses its carriage returns before line feeds,
	// which encoding/csv drops inside cells.
	text := func(s, format string, args ...any) {
		if strings.Contains(s, "\r\n") {
			add("carriage return", format, args...)
		}
	}
	text(l.Name, "name")
	if l.Version != "" {
		add("version", "version")
	}
	if l.Updated != "" {
		add("updated", "updated")
	}
	text(l.Description, "description")
	// The one scale of a sheet: ratings in order, points 0, 1, 2, ...
	rank := map[string]int{}
	first := map[string]rubric.Rating{}
	for i, s := range l.Scales {
		if len(l.Scales) > 1 {
			add("scale", "scales[%d]", i)
		} else {
			text(s.Name, "scales[%d].name", i)
			text(s.Description, "scales[%d].description", i)
		}
		for j, r := range s.Ratings {
			f, dup := first[r.ID]
			if dup {
				if f.Label != r.Label || f.Description != r.Description || f.Points != r.Points {
					add("rating", "scales[%d].ratings[%d]", i, j)
				}
				continue
			}
			first[r.ID] = r
			rank[r.ID] = len(rank)
			if r.Points != rank[r.ID] {
				add("points", "scales[%d].ratings[%d].points", i, j)
			}
			text(r.Label, "scales[%d].ratings[%d].label", i, j)
			text(r.Description, "scales[%d].ratings[%d].description", i, j)
		}
	}
	for i, c := range l.Categories {
		text(c.Name, "categories[%d].name", i)
		text(c.Description, "categories[%d].description", i)
	}
	for i, c := range l.Capabilities {
		text(c.Name, "capabilities[%d].name", i)
		if c.Scale != "" && len(l.Scales) > 1 {
			add("scale", "capabilities[%d].scale", i)
		}
		if c.Code != "" {
			add("code", "capabilities[%d].code", i)
		}
		text(c.Summary, "capabilities[%d].summary", i)
		if len(c.Descriptors) > 0 {
			add("descriptors", "capabilities[%d].descriptors", i)
		}
	}
	for i, t := range l.Tracks {
		text(t.Name, "tracks[%d].name", i)
		text(t.Description, "tracks[%d].description", i)
		for j, v := range t.Levels {
			at := "tracks[" + strconv.Itoa(i) + "].levels[" + strconv.Itoa(j) + "]"
			text(v.Name, "%s.name", at)
			if v.Grade != 0 {
				add("grade", "%s.grade", at)
			}
			text(v.Summary, "%s.summary", at)
			if v.TypicalExperience != "" {
				add("typical experience", "%s.typical_experience", at)
			}
			if v.Tolerance != nil {
				add("tolerance", "%s.tolerance", at)
			}
			for k := range v.Requires {
				add("gate", "%s.requires[%d]", at, k)
			}
			if v.Standalone {
				add("standalone", "%s.standalone", at)
			}
		}
	}
	for i := range l.Titles {
		add("title", "titles[%d]", i)
	}
	for _, w := range l.Rules.Weights {
		add("weight", "rules.weights.%s", w.Capability)
	}
	for i := range l.Rules.Thresholds {
		add("threshold", "rules.thresholds[%d]", i)
	}
	if l.Rules.Evidence != nil {
		add("evidence policy", "rules.evidence")
	}
	return out
}

// notApplicable is how a cell says a capability does not apply.
const notApplicable = rubric.NotApplicable

// formulaStart reports whether s, after any leading single quotes, starts
// with a character that makes spreadsheet programs read a cell as a
// formula.
func formulaStart(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			continue
		case '=', '+', '-', '@', '\t', '\r':
			return true
		}
		return false
	}
	return false
}

// escapeText guards free text against formula injection: text that a
// spreadsheet program would take for a formula gets a leading single quote.
func escapeText(s string) string {
	if formulaStart(s) {
		return "'" + s
	}
	return s
}

// unescapeText undoes escapeText.
func unescapeText(s string) string {
	if len(s) > 1 && s[0] == '\'' && formulaStart(s[1:]) {
		return s[1:]
	}
	return s
}
