package diff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText writes one line per change — "~ path: old -> new" for a
// changed value, "+ path: new" for an added one, "- path: old" for a
// removed one and "> path: old -> new" for a reordered list — then a line
// counting the changes ("no changes", "1 change", "3 changes"). Newlines
// inside values are written as \n.
func (r Report) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	for _, c := range r.Changes {
		switch c.Kind {
		case Added:
			fmt.Fprintf(b, "+ %s: %s\n", c.Path, oneLine(c.New))
		case Removed:
			fmt.Fprintf(b, "- %s: %s\n", c.Path, oneLine(c.Old))
		case Moved:
			fmt.Fprintf(b, "> %s: %s -> %s\n", c.Path, oneLine(c.Old), oneLine(c.New))
		default:
			fmt.Fprintf(b, "~ %s: %s -> %s\n", c.Path, oneLine(c.Old), oneLine(c.New))
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

func oneLine(s string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
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
