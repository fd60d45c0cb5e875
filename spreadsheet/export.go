package spreadsheet

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// fixedColumns are the first columns of an exported sheet.
var fixedColumns = []string{"id", "name", "category", "summary"}

// Export writes l as a level-by-capability matrix in CSV: the header row
// id,name,category,summary followed by one TRACK_ID/LEVEL_ID column per
// level of each track in ladder order, then one row per capability in
// ladder order whose level cells hold the expected rating id, n/a, or
// nothing when the level does not name the capability. The package
// documentation describes the layout. The output depends only on l.
func Export(w io.Writer, l *ladder.Ladder) error {
	if l == nil || w == nil {
		return fmt.Errorf("spreadsheet: export: %w", ladder.ErrNilArgument)
	}
	cw := csv.NewWriter(w)
	header := append([]string(nil), fixedColumns...)
	for _, t := range l.Tracks {
		for _, v := range t.Levels {
			header = append(header, t.ID+"/"+v.ID)
		}
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("spreadsheet: export: %w", err)
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
			return fmt.Errorf("spreadsheet: export: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("spreadsheet: export: %w", err)
	}
	return nil
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
