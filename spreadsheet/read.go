package spreadsheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/ladder"
)

// record is one record of a sheet that has a cell other than spaces.
type record struct {
	line  int      // the line the record starts on
	cells []string // as read
}

// raw returns cell i as written, the formula guard removed, or "" past
// the end of the record.
func (r record) raw(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return unescapeText(r.cells[i])
}

// text returns cell i without surrounding spaces and the formula guard.
func (r record) text(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return unescapeText(strings.TrimSpace(r.cells[i]))
}

// filled returns how many cells of r hold more than spaces, and the index
// of the first of them.
func (r record) filled() (n, first int) {
	first = -1
	for i, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			if n == 0 {
				first = i
			}
			n++
		}
	}
	return n, first
}

// reader turns a sheet's bytes into records and reports what stops it.
type reader struct {
	name  string
	lines []int // the byte offset at which each line of the input starts
	ds    ladder.Diagnostics
}

// report adds a diagnostic at line and the 1-based cell col: an empty
// range whose byte offset is that of the line's start, as the package
// documentation says.
func (rd *reader) report(code ladder.Code, line, col int, detail, format string, args ...any) {
	p := ladder.Pos{Line: line, Col: col}
	if line-1 < len(rd.lines) {
		p.Byte = rd.lines[line-1]
	}
	rd.ds = append(rd.ds, ladder.Diagnostic{
		Code:    code,
		Range:   ladder.Range{File: rd.name, Start: p, End: p},
		Summary: fmt.Sprintf(format, args...),
		Detail:  detail,
	})
}

// full reports whether as many problems as are reported have been found.
func (rd *reader) full() bool { return len(rd.ds) > ladder.DefaultMaxReports }

// diagnostics returns the problems in order of position, at most
// ladder.DefaultMaxReports of them.
func (rd *reader) diagnostics() ladder.Diagnostics {
	ds := rd.ds
	ds.Sort()
	if n := len(ds); n > ladder.DefaultMaxReports {
		ds = ds[:ladder.DefaultMaxReports-1]
		start := ladder.Pos{Line: 1, Col: 1}
		if len(rd.lines) > 0 {
			start.Byte = rd.lines[0]
		}
		ds = append(ds, ladder.Diagnostic{Code: ladder.CodeTooMany,
			Range:   ladder.Range{File: rd.name, Start: start, End: start},
			Summary: fmt.Sprintf("%d more problems not reported", n-len(ds))})
	}
	return ds
}

// read splits src into records, leaving out those whose cells are all
// empty or spaces, and reports what is not a sheet: text that is not
// UTF-8 (UTF-16 named as such), malformed CSV, a cell longer than
// ladder.DefaultMaxString. The separator is found by sniff.
func (rd *reader) read(src []byte) []record {
	rd.lines = []int{0}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		rd.report(ladder.CodeSyntax, 1, 1, "save the sheet as CSV in UTF-8 (\"CSV UTF-8\" in spreadsheet programs)",
			"the sheet is in UTF-16, not UTF-8")
		return nil
	}
	// Lines as encoding/csv counts them: ended by \n.
	bom := len(src)
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	bom -= len(src)
	rd.lines[0] = bom
	for i, c := range src {
		if c == '\n' {
			rd.lines = append(rd.lines, bom+i+1)
		}
	}
	if off, ok := yamldoc.BadUTF8(src); !ok {
		line := bytes.Count(src[:off], []byte{'\n'}) + 1
		col := utf8.RuneCount(src[rd.lines[line-1]-bom:off]) + 1
		rd.report(ladder.CodeSyntax, line, col, "save the sheet as CSV in UTF-8 (\"CSV UTF-8\" in spreadsheet programs)", "not valid UTF-8")
		return nil
	}
	cr := csv.NewReader(bytes.NewReader(src))
	cr.Comma = sniff(src)
	cr.FieldsPerRecord = -1
	var rows []record
	for !rd.full() {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				rd.report(ladder.CodeSyntax, 1, 1, "", "%v", err)
				break
			}
			rd.report(ladder.CodeSyntax, pe.Line, max(pe.Column, 1), "", "%v", pe.Err)
			continue
		}
		line, _ := cr.FieldPos(0)
		r := record{line: line, cells: rec}
		if n, _ := r.filled(); n == 0 {
			continue
		}
		for i, c := range rec {
			if len(c) > ladder.DefaultMaxString {
				rd.report(ladder.CodeTooLong, line, i+1, "", "cell of %d bytes, more than the limit of %d", len(c), ladder.DefaultMaxString)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// separators are the cell separators sniff chooses from, the default
// first.
var separators = []rune{',', ';', '\t'}

// sniff returns the cell separator of src: of comma, semicolon and tab,
// the one that splits the most records into one number of cells, two or
// more (a sheet's rows have as many cells as its widest row, as
// spreadsheet programs save them); on a tie the one that makes more cells
// of them, then the earliest of that list. It reads src once for each.
func sniff(src []byte) rune {
	best, bestScore, bestWidth := separators[0], 0, 0
	for _, sep := range separators {
		cr := csv.NewReader(bytes.NewReader(src))
		cr.Comma = sep
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		cr.ReuseRecord = true
		widths := map[int]int{}
		score, width := 0, 0
		for {
			rec, err := cr.Read()
			if err != nil {
				break // the end, or what was read before an error
			}
			if n := len(rec); n >= 2 {
				widths[n]++
				if c := widths[n]; c > score || c == score && n > width {
					score, width = c, n
				}
			}
		}
		if score > bestScore || score == bestScore && width > bestWidth {
			best, bestScore, bestWidth = sep, score, width
		}
	}
	return best
}

// extraCell returns the index of the first cell with a value right of the
// header's n cells, or -1.
func extraCell(rw record, n int) int {
	for i := n; i < len(rw.cells); i++ {
		if strings.TrimSpace(rw.cells[i]) != "" {
			return i
		}
	}
	return -1
}
