package diff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/careerladder/careerladder/internal/textsafe"
)

// WriteText writes one line per change — "~ path: old -> new" for a
// changed value, "+ path: new" for an added one, "- path: old" for a
// removed one and "> path: old -> new" for a reordered list — then a line
// counting the changes ("no changes", "1 change", "3 changes"). Newlines,
// other control characters, bidirectional controls and bad bytes inside
// paths and values are written as escapes (\n, \x1b, \u202e), so that
// each change stays on one line and nothing in it acts on a terminal.
func (r Report) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	for _, c := range r.Changes {
		switch c.Kind {
		case Added:
			textsafe.Fprintf(b, "+ %s: %s\n", c.Path, c.New)
		case Removed:
			textsafe.Fprintf(b, "- %s: %s\n", c.Path, c.Old)
		case Moved:
			textsafe.Fprintf(b, "> %s: %s -> %s\n", c.Path, c.Old, c.New)
		default:
			textsafe.Fprintf(b, "~ %s: %s -> %s\n", c.Path, c.Old, c.New)
		}
	}
	switch n := len(r.Changes); n {
	case 0:
		b.WriteString("no changes\n")
	case 1:
		b.WriteString("1 change\n")
	default:
		fmt.Fprintf(b, "%d changes\n", n)
	}
	return b.Flush()
}

// WriteJSON writes the report as indented JSON: {"changes": [...]}, each
// change with the fields kind, path, old, new and summary of the json tags
// on Change, in the order of the report. Changes is [] when there are
// none, never null.
func (r Report) WriteJSON(w io.Writer) error {
	if r.Changes == nil {
		r.Changes = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
