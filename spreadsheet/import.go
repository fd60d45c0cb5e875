package spreadsheet

import (
	"bytes"
	"container/heap"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// The names Import gives to what a sheet cannot say.
const (
	mainTrack     = "main"   // the track of levels whose header is not TRACK/LEVEL
	mainTrackName = "Main"   // its name
	scaleID       = "rating" // the id of the one scale
	scaleName     = "Rating" // its name
	fallbackID    = "rated"  // the only rating of a sheet without ratings
)

// isSlug reports whether s is a valid id, as the ladder format defines it.
func isSlug(s string) bool { return rubric.CheckID(s) == nil }

// slug turns s into an id: lower case, every run of other characters than
// a-z and 0-9 one '-', none at either end.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// ids hands out unique ids.
type ids map[string]bool

// derive returns slug(name), or fallback when that is empty, suffixed with
// -2, -3, ... until it is unused, and marks it used.
func (u ids) derive(name, fallback string) string {
	base := slug(name)
	if base == "" {
		base = fallback
	}
	id := base
	for n := 2; u[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	u[id] = true
	return id
}

// row is one non-blank record of the sheet.
type row struct {
	line  int      // the line the record starts on
	cells []string // trimmed and unescaped
	raw   []string // as read, unescaped only
}

// column is a level column.
type column struct {
	col          int // 0-based field index
	track, level string
	name         string
}

// importer collects what Import needs and the problems it finds.
type importer struct {
	name  string
	lines []int // the byte offset at which each line of the input starts
	ds    ladder.Diagnostics
}

// report adds an error at line and the 1-based column col: an empty range
// whose byte offset is that of the line's start, as the package
// documentation says.
func (im *importer) report(code ladder.Code, line, col int, format string, args ...any) {
	p := ladder.Pos{Line: line, Col: col}
	if line-1 < len(im.lines) {
		p.Byte = im.lines[line-1]
	}
	im.ds = append(im.ds, ladder.Diagnostic{
		Code:    code,
		Range:   ladder.Range{File: im.name, Start: p, End: p},
		Summary: fmt.Sprintf(format, args...),
	})
}

// Import reads a sheet in the layout Export writes, or in the looser layout
// described in the package documentation, and returns the ladder it
// describes; name names the input in diagnostics and gives the ladder its id
// and name. Problems with the content are returned all at once as a
// ladder.Diagnostics positioned at name:row:col. The ladder returned is
// what ladder.Parse gives for the YAML that (*ladder.Ladder).WriteYAML
// writes of it, parsed under name with the extension .yaml, so it has
// passed validation; warnings (such as expectation-falls) do not fail
// Import, and Validate on the result lists them, positioned in that YAML.
func Import(name string, r io.Reader) (*ladder.Ladder, error) {
	if r == nil {
		return nil, fmt.Errorf("spreadsheet: import %s: %w", name, ladder.ErrNilArgument)
	}
	src, err := ladder.ReadLimited(name, r, 0)
	if err != nil {
		return nil, err
	}
	im := &importer{name: name}
	l := im.build(src)
	if im.ds.HasErrors() {
		return nil, im.diagnostics()
	}
	var out bytes.Buffer
	if err := l.WriteYAML(&out); err != nil {
		return nil, fmt.Errorf("spreadsheet: import %s: %w", name, err)
	}
	l, err = ladder.Parse(yamlName(name), out.Bytes())
	if err != nil {
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) {
			return nil, err
		}
		// Problems the checks here did not catch are positioned in YAML
		// the caller never saw: keep the path only.
		for i := range ds {
			ds[i].Range = ladder.Range{File: name}
		}
		return nil, ds
	}
	return l, nil
}

// yamlName is the name the YAML rendering of a sheet is parsed under: the
// sheet's name with the extension .yaml, so that the positions of Validate
// on an imported ladder are those of WriteYAML's output saved beside it.
func yamlName(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".yaml"
}

// diagnostics returns the problems in order of position, at most
// ladder.DefaultMaxReports of them.
func (im *importer) diagnostics() ladder.Diagnostics {
	ds := im.ds
	ds.Sort()
	if n := len(ds); n > ladder.DefaultMaxReports {
		ds = ds[:ladder.DefaultMaxReports-1]
		start := ladder.Pos{Line: 1, Col: 1}
		if len(im.lines) > 0 {
			start.Byte = im.lines[0]
		}
		ds = append(ds, ladder.Diagnostic{Code: ladder.CodeTooMany,
			Range:   ladder.Range{File: im.name, Start: start, End: start},
			Summary: fmt.Sprintf("%d more problems not reported", n-len(ds))})
	}
	return ds
}

// read splits src into non-blank rows, reporting syntax errors.
func (im *importer) read(src []byte) []row {
	// Lines as encoding/csv counts them: ended by \n.
	bom := len(src)
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	bom -= len(src)
	im.lines = []int{bom}
	for i, c := range src {
		if c == '\n' {
			im.lines = append(im.lines, bom+i+1)
		}
	}
	if off, ok := yamldoc.BadUTF8(src); !ok {
		line := bytes.Count(src[:off], []byte{'\n'}) + 1
		col := utf8.RuneCount(src[im.lines[line-1]-bom:off]) + 1
		im.report(ladder.CodeSyntax, line, col, "not valid UTF-8")
		return nil
	}
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = -1
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				im.report(ladder.CodeSyntax, 1, 1, "%v", err)
				break
			}
			im.report(ladder.CodeSyntax, pe.Line, max(pe.Column, 1), "%v", pe.Err)
			if len(im.ds) > ladder.DefaultMaxReports {
				break
			}
			continue
		}
		blank := true
		cells, raw := make([]string, len(rec)), make([]string, len(rec))
		for i, c := range rec {
			raw[i] = unescapeText(c)
			cells[i] = unescapeText(strings.TrimSpace(c))
			blank = blank && cells[i] == ""
		}
		if blank {
			continue
		}
		line, _ := cr.FieldPos(0)
		rows = append(rows, row{line: line, cells: cells, raw: raw})
	}
	return rows
}

// build reads src and returns the ladder it describes, unvalidated; when it
// reports errors, the ladder is incomplete.
func (im *importer) build(src []byte) *ladder.Ladder {
	rows := im.read(src)
	if len(rows) == 0 {
		if len(im.ds) == 0 {
			im.report(ladder.CodeEmpty, 1, 1, "no header row")
		}
		return nil
	}
	header := rows[0]

	// The columns: the fixed ones of an exported sheet, or the name first.
	fixed := map[string]int{}
	for i, h := range header.cells {
		if k := strings.ToLower(h); slices.Contains(fixedColumns, k) {
			if _, dup := fixed[k]; dup {
				im.report(ladder.CodeDuplicateKey, header.line, i+1, "column %q twice", h)
				continue
			}
			fixed[k] = i
		}
	}
	_, hasID := fixed["id"]
	_, hasName := fixed["name"]
	exported := hasID && hasName
	if !exported {
		fixed = map[string]int{"name": 0}
	}
	isFixed := func(i int) bool {
		for _, c := range fixed {
			if c == i {
				return true
			}
		}
		return false
	}

	// Level columns and tracks, in order of first appearance.
	var cols []column
	var trackOrder []string
	hasTrack := map[string]bool{}
	seenLevel := map[string]int{}
	addTrack := func(t string) {
		if !hasTrack[t] {
			hasTrack[t] = true
			trackOrder = append(trackOrder, t)
		}
	}
	// Explicit TRACK/LEVEL ids first, so that derived ids avoid them.
	explicit := map[int][2]string{}
	for i, h := range header.cells {
		if isFixed(i) {
			continue
		}
		if t, v, ok := strings.Cut(h, "/"); ok && isSlug(t) && isSlug(v) {
			explicit[i] = [2]string{t, v}
		}
	}
	mainIDs := ids{} // the level ids of main: the explicit ones, reserved before deriving
	for _, tv := range explicit {
		if tv[0] == mainTrack {
			mainIDs[tv[1]] = true
		}
	}
	for i, h := range header.cells {
		if isFixed(i) {
			continue
		}
		if tv, ok := explicit[i]; ok {
			addTrack(tv[0])
			key := tv[0] + "/" + tv[1]
			if first, dup := seenLevel[key]; dup {
				im.report(ladder.CodeDuplicateID, header.line, i+1, "level %q is also column %d", key, first)
				continue
			}
			seenLevel[key] = i + 1
			cols = append(cols, column{col: i, track: tv[0], level: tv[1], name: tv[1]})
			continue
		}
		if h == "" {
			im.report(ladder.CodeBadValue, header.line, i+1, "level column %d has no name", i+1)
			continue
		}
		addTrack(mainTrack)
		if first, dup := seenLevel["\x00"+h]; dup {
			im.report(ladder.CodeDuplicateID, header.line, i+1, "level %q is also column %d", h, first)
			continue
		}
		seenLevel["\x00"+h] = i + 1
		cols = append(cols, column{col: i, track: mainTrack, level: mainIDs.derive(h, "level"), name: h})
	}

	// Capabilities.
	type cell struct {
		capability int // index into caps
		column     int // index into cols
		value      string
	}
	var caps []ladder.Capability
	var cells []cell
	var categories []ladder.Category
	seenCategory := map[string]bool{}
	capIDs := ids{}
	seenID := map[string]int{}   // explicit id to its line
	seenName := map[string]int{} // name to its line, in loose sheets
	if exported {
		for _, rw := range rows[1:] {
			if len(rw.cells) == len(header.cells) {
				if id := rw.cells[fixed["id"]]; isSlug(id) {
					capIDs[id] = true
				}
			}
		}
	}
	values := map[string]bool{}
	var valueOrder []string
	below := graph{}
	for _, rw := range rows[1:] {
		if n, want := len(rw.cells), len(header.cells); n != want {
			im.report(ladder.CodeSyntax, rw.line, min(n, want)+1, "row has %d cells, the header %d", n, want)
			continue
		}
		get := func(k string) (string, int) {
			if i, ok := fixed[k]; ok {
				return rw.cells[i], i + 1
			}
			return "", 0
		}
		name, nameCol := get("name")
		ok := true
		if name == "" {
			im.report(ladder.CodeBadValue, rw.line, nameCol, "capability has no name")
			ok = false
		}
		var id string
		if exported {
			var idCol int
			id, idCol = get("id")
			switch {
			case id == "":
			case !isSlug(id):
				im.report(ladder.CodeBadID, rw.line, idCol, "capability id %q is not a slug (a-z, 0-9, single - _ . between groups)", id)
				ok = false
			default:
				if first, dup := seenID[id]; dup {
					im.report(ladder.CodeDuplicateID, rw.line, idCol, "capability id %q is also on row %d", id, first)
					ok = false
				}
				seenID[id] = rw.line
			}
		} else if name != "" {
			if first, dup := seenName[name]; dup {
				im.report(ladder.CodeDuplicateID, rw.line, nameCol, "capability %q is also on row %d", name, first)
				ok = false
			}
			seenName[name] = rw.line
		}
		category, catCol := get("category")
		if category != "" && !isSlug(category) {
			im.report(ladder.CodeBadID, rw.line, catCol, "category id %q is not a slug (a-z, 0-9, single - _ . between groups)", category)
			ok = false
		}
		summary, _ := get("summary")
		if exported {
			// Names and summaries of an exported sheet are kept as they
			// are, spaces and all, so that sheets round-trip.
			name = rw.raw[fixed["name"]]
			if i, ok := fixed["summary"]; ok {
				summary = rw.raw[i]
			}
		}
		var rowCells []cell
		for j, c := range cols {
			v := rw.cells[c.col]
			switch {
			case v == "":
				continue
			case strings.EqualFold(v, notApplicable):
				v = notApplicable
			case exported && !isSlug(v):
				im.report(ladder.CodeBadID, rw.line, c.col+1, "rating id %q is not a slug (a-z, 0-9, single - _ . between groups)", v)
				ok = false
				continue
			default:
				if !values[v] {
					values[v] = true
					valueOrder = append(valueOrder, v)
				}
			}
			rowCells = append(rowCells, cell{capability: len(caps), column: j, value: v})
		}
		// Along a track, expectations rise: each rating of a row is at or
		// above the one before it on the same track.
		last := map[string]string{}
		for _, c := range rowCells {
			if c.value == notApplicable {
				continue
			}
			t := cols[c.column].track
			if prev, ok := last[t]; ok && prev != c.value {
				below.add(prev, c.value)
			}
			last[t] = c.value
		}
		if !ok {
			continue
		}
		if id == "" {
			id = capIDs.derive(name, "capability")
		}
		if category != "" && !seenCategory[category] {
			seenCategory[category] = true
			categories = append(categories, ladder.Category{ID: category, Name: category})
		}
		caps = append(caps, ladder.Capability{ID: id, Name: name, Category: category, Summary: summary})
		cells = append(cells, rowCells...)
		if n := len(caps) + len(cols) + len(cells); n > ladder.DefaultMaxIDs {
			im.report(ladder.CodeTooManyIDs, rw.line, 1, "more than %d capabilities, levels and expectations", ladder.DefaultMaxIDs)
			return nil
		}
	}
	if len(caps) == 0 && !im.ds.HasErrors() {
		im.report(ladder.CodeMissingField, header.line, 1, "no capabilities: the sheet has no rows below the header")
	}

	// The scale.
	scale, ratingOf := ratings(below.order(valueOrder), !exported)
	for i := range cells {
		if r, ok := ratingOf[cells[i].value]; ok {
			cells[i].value = r
		}
	}

	// The YAML must load under the default limits; refuse what would not
	// before rendering it.
	size := 0
	for _, c := range caps {
		size += len(c.ID) + len(c.Name) + len(c.Summary) + len(c.Category)
	}
	for _, c := range cells {
		size += len(caps[c.capability].ID) + len(c.value)
	}
	if size > ladder.DefaultMaxBytes {
		im.report(ladder.CodeTooLarge, 1, 1, "the ladder would be larger than %d bytes as YAML", ladder.DefaultMaxBytes)
	}
	if im.ds.HasErrors() {
		return nil
	}

	base := path.Base(filepath.ToSlash(im.name))
	base = strings.TrimSuffix(base, path.Ext(base))
	lid := slug(base)
	if lid == "" || base == "." || base == "/" {
		base, lid = "ladder", "ladder"
	}
	l := &ladder.Ladder{
		Format:       ladder.FormatV1,
		ID:           lid,
		Name:         base,
		Scales:       []rubric.Scale{scale},
		Categories:   categories,
		Capabilities: caps,
	}
	track := map[string]int{}
	for _, t := range trackOrder {
		name := t
		if t == mainTrack {
			name = mainTrackName
		}
		track[t] = len(l.Tracks)
		l.Tracks = append(l.Tracks, ladder.Track{ID: t, Name: name})
	}
	at := make([]int, len(cols)) // each column's index in its track's levels
	for j, c := range cols {
		t := &l.Tracks[track[c.track]]
		at[j] = len(t.Levels)
		t.Levels = append(t.Levels, ladder.Level{ID: c.level, Name: c.name})
	}
	for _, c := range cells {
		lv := &l.Tracks[track[cols[c.column].track]].Levels[at[c.column]]
		lv.Expects = append(lv.Expects, rubric.Expectation{Capability: caps[c.capability].ID, Rating: c.value})
	}
	return l
}

// graph holds the pairs of values known to be in order: below[a][b] means
// a is below b.
type graph map[string]map[string]bool

// add records that a is below b.
func (g graph) add(a, b string) {
	if g[a] == nil {
		g[a] = map[string]bool{}
	}
	g[a][b] = true
}

// order returns values (in order of first appearance) sorted so that every
// value comes after the values known to be below it, ties going to the
// value that appears first. Where the sheet contradicts itself (a cycle),
// the first value to appear of those left goes next.
func (g graph) order(values []string) []string {
	index := make(map[string]int, len(values))
	for i, v := range values {
		index[v] = i
	}
	indeg := make([]int, len(values))
	succ := make([][]int, len(values))
	for a, bs := range g {
		for b := range bs {
			succ[index[a]] = append(succ[index[a]], index[b])
			indeg[index[b]]++
		}
	}
	done := make([]bool, len(values))
	ready := &minHeap{}
	for i := range values {
		if indeg[i] == 0 {
			heap.Push(ready, i)
		}
	}
	out := make([]string, 0, len(values))
	next := 0 // no value before next is left
	for len(out) < len(values) {
		var i int
		if ready.Len() > 0 {
			i = heap.Pop(ready).(int)
		} else {
			for done[next] {
				next++
			}
			i = next
		}
		if done[i] {
			continue
		}
		done[i] = true
		out = append(out, values[i])
		for _, j := range succ[i] {
			if indeg[j]--; indeg[j] == 0 && !done[j] {
				heap.Push(ready, j)
			}
		}
	}
	return out
}

// minHeap is a heap of indexes, smallest first.
type minHeap []int

func (h minHeap) Len() int           { return len(h) }
func (h minHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h minHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// ratings builds the one scale from the distinct values of the cells in
// the order graph.order gives, ordered numerically instead when all are
// integers, and maps each value to its rating id. Loose sheets hold labels:
// integers become r1, r2, ... and other values slugs; exported sheets hold
// the ids themselves.
func ratings(values []string, loose bool) (rubric.Scale, map[string]string) {
	s := rubric.Scale{ID: scaleID, Name: scaleName}
	if len(values) == 0 {
		s.Ratings = []rubric.Rating{{ID: fallbackID, Label: "Rated"}}
		return s, nil
	}
	nums := make(map[string]int, len(values))
	for _, v := range values {
		n, err := strconv.Atoi(v)
		if err != nil {
			nums = nil
			break
		}
		nums[v] = n
	}
	values = slices.Clone(values)
	if nums != nil {
		slices.SortStableFunc(values, func(a, b string) int { return nums[a] - nums[b] })
	}
	ratingOf := make(map[string]string, len(values))
	used := ids{}
	for _, v := range values {
		id := v
		switch {
		case !loose:
		case nums != nil:
			id = "r" + strconv.Itoa(nums[v])
			if used[id] {
				// The same number written two ways (3, 03): one rating.
				ratingOf[v] = id
				continue
			}
			used[id] = true
		default:
			id = used.derive(v, "rating")
		}
		ratingOf[v] = id
		r := rubric.Rating{ID: id, Points: len(s.Ratings)}
		if loose {
			r.Label = v
		}
		s.Ratings = append(s.Ratings, r)
	}
	return s, ratingOf
}
