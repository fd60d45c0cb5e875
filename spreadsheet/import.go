package spreadsheet

import (
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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

// maxLabel is the longest rating label, in characters, that a level cell
// of a loose sheet may hold: longer text is a description, not a rating.
const maxLabel = 40

// isSlug reports whether s is a valid id, as the ladder format defines it.
func isSlug(s string) bool { return rubric.CheckID(s) == nil }

// The kinds of column.
const (
	colIgnored  = iota // no header and no cell: a spreadsheet's spare column
	colID              // capability ids
	colName            // capability names
	colCategory        // categories
	colSummary         // capability summaries
	colNotes           // notes, refused
	colLevel           // a level
)

// headerKinds are the headers, folded by slug, of the columns that are not
// levels.
var headerKinds = map[string]int{
	"id": colID, "name": colName, "category": colCategory, "summary": colSummary, "description": colSummary,
	"note": colNotes, "notes": colNotes, "comment": colNotes, "comments": colNotes, "remark": colNotes, "remarks": colNotes,
}

// column is a level column.
type column struct {
	col          int // 0-based cell index
	track, level string
	name         string
}

// The kinds of entity row: rows of the exported layout whose id cell is
// KIND:ID.
var entityKinds = []string{"ladder", "scale", "category", "track", "level", "rating"}

// entity is one entity row.
type entity struct {
	kind, id      string
	line          int
	name, summary string
}

// importer collects what Import needs and the problems it finds.
type importer struct {
	reader
}

// Import reads a sheet in the layout Export writes, or in the looser layout
// described in the package documentation, and returns the ladder it
// describes; name names the input in diagnostics and gives the ladder its id
// and name unless the sheet does. Problems with the content are returned
// all at once as a ladder.Diagnostics positioned at name:row:col. The
// ladder returned is what ladder.Parse gives for the YAML that
// (*ladder.Ladder).WriteYAML writes of it, parsed under name with the
// extension .yaml, so it has passed validation; warnings (such as
// expectation-falls) do not fail Import, and Validate on the result lists
// them, positioned in that YAML.
func Import(name string, r io.Reader) (*ladder.Ladder, error) {
	if r == nil {
		return nil, fmt.Errorf("spreadsheet: import %s: %w", name, ladder.ErrNilArgument)
	}
	src, err := ladder.ReadLimited(name, r, 0)
	if err != nil {
		return nil, err
	}
	im := &importer{reader{name: name}}
	l := im.build(src)
	if im.ds.HasErrors() {
		return nil, im.diagnostics()
	}
	return im.reparse(l)
}

// reparse returns what ladder.Parse gives for the YAML rendering of l,
// parsed under yamlName(rd.name).
func (rd *reader) reparse(l *ladder.Ladder) (*ladder.Ladder, error) {
	var out bytes.Buffer
	if err := l.WriteYAML(&out); err != nil {
		return nil, fmt.Errorf("spreadsheet: import %s: %w", rd.name, err)
	}
	if out.Len() > ladder.DefaultMaxBytes {
		rd.report(ladder.CodeTooLarge, 1, 1, "", "the ladder would be larger than %d bytes as YAML", ladder.DefaultMaxBytes)
		return nil, rd.diagnostics()
	}
	l, err := ladder.Parse(yamlName(rd.name), out.Bytes())
	if err != nil {
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) {
			return nil, err
		}
		// Problems the checks here did not catch are positioned in YAML
		// the caller never saw: keep the path only.
		for i := range ds {
			ds[i].Range = ladder.Range{File: rd.name}
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

// layout finds the header among rows: the first row unless rows above it
// fill only their first cell (titles). It returns the titles, the header
// and the rows below it.
func layout(rows []record) (titles []record, header record, body []record) {
	for i, r := range rows {
		if n, first := r.filled(); n > 1 || first > 0 {
			return rows[:i], r, rows[i+1:]
		}
	}
	return nil, rows[0], rows[1:]
}

// sheetColumns is what the header row says of the columns.
type sheetColumns struct {
	kind     []int       // the kind of each header cell
	fixed    map[int]int // the cell of each kind but colLevel and colNotes
	levels   []column
	exported bool // an id and a name column: cells hold ids
	tracks   []string
}

// has reports whether the sheet has a column of kind k, and its cell.
func (sc *sheetColumns) has(k int) (int, bool) {
	i, ok := sc.fixed[k]
	return i, ok
}

// columns reads the header.
func (im *importer) columns(header record, body []record) *sheetColumns {
	n := len(header.cells)
	sc := &sheetColumns{kind: make([]int, n), fixed: map[int]int{}}
	data := make([]int, n) // the line of the first row with a value in each column, or 0
	for _, r := range body {
		for i := 0; i < n && i < len(r.cells); i++ {
			if data[i] == 0 && strings.TrimSpace(r.cells[i]) != "" {
				data[i] = r.line
			}
		}
	}
	for i := range n {
		h := header.text(i)
		if h == "" {
			if data[i] == 0 {
				sc.kind[i] = colIgnored
				continue
			}
			sc.kind[i] = colLevel // for the position of the error below
			continue
		}
		k, ok := headerKinds[slug(h)]
		if !ok {
			sc.kind[i] = colLevel
			continue
		}
		sc.kind[i] = k
		switch k {
		case colNotes:
			im.report(ladder.CodeUnknownField, header.line, i+1,
				"a sheet has no notes: delete the column, or head it summary to keep its text as each capability's summary",
				"column %q is not a level", h)
		default:
			if first, dup := sc.fixed[k]; dup {
				im.report(ladder.CodeDuplicateKey, header.line, i+1, "", "column %q is also column %d", h, first+1)
				sc.kind[i] = colIgnored
				continue
			}
			sc.fixed[k] = i
		}
	}
	_, hasID := sc.fixed[colID]
	_, hasName := sc.fixed[colName]
	sc.exported = hasID && hasName
	if !hasName {
		// The names are in the first column that is nothing else.
		for i, k := range sc.kind {
			if k == colLevel {
				sc.kind[i] = colName
				sc.fixed[colName] = i
				break
			}
		}
	}
	if _, ok := sc.fixed[colName]; !ok {
		im.report(ladder.CodeMissingField, header.line, 1, "", "no column of capability names")
		return sc
	}

	// Level columns and tracks, in order of first appearance.
	hasTrack := map[string]bool{}
	seenLevel := map[string]int{}
	addTrack := func(t string) {
		if !hasTrack[t] {
			hasTrack[t] = true
			sc.tracks = append(sc.tracks, t)
		}
	}
	// Explicit TRACK/LEVEL ids first, so that derived ids avoid them.
	explicit := map[int][2]string{}
	mainIDs := map[string]bool{}
	for i, k := range sc.kind {
		if k != colLevel {
			continue
		}
		if t, v, ok := strings.Cut(header.text(i), "/"); ok && isSlug(t) && isSlug(v) {
			explicit[i] = [2]string{t, v}
			if t == mainTrack {
				mainIDs[v] = true
			}
		}
	}
	var derived []int // the columns of main levels with derived ids
	var bases []string
	for i, k := range sc.kind {
		if k != colLevel {
			continue
		}
		h := header.text(i)
		if tv, ok := explicit[i]; ok {
			addTrack(tv[0])
			key := tv[0] + "/" + tv[1]
			if first, dup := seenLevel[key]; dup {
				im.report(ladder.CodeDuplicateID, header.line, i+1, "", "level %q is also column %d", key, first)
				continue
			}
			seenLevel[key] = i + 1
			sc.levels = append(sc.levels, column{col: i, track: tv[0], level: tv[1], name: tv[1]})
			continue
		}
		if h == "" {
			im.report(ladder.CodeBadValue, header.line, i+1,
				fmt.Sprintf("row %d holds a value in it: name the level in the header row (row %d), or delete the column; rows above the header may fill their first cell only (a title)", data[i], header.line),
				"level column %d has no name", i+1)
			continue
		}
		addTrack(mainTrack)
		if first, dup := seenLevel["\x00"+h]; dup {
			im.report(ladder.CodeDuplicateID, header.line, i+1, "", "level %q is also column %d", h, first)
			continue
		}
		seenLevel["\x00"+h] = i + 1
		derived = append(derived, len(sc.levels))
		bases = append(bases, slug(h))
		sc.levels = append(sc.levels, column{col: i, track: mainTrack, name: h})
	}
	ids, _ := uniqueIDs(bases, mainIDs)
	for j, li := range derived {
		sc.levels[li].level = ids[j]
	}
	if len(sc.levels) == 0 && !im.ds.HasErrors() {
		im.report(ladder.CodeMissingField, header.line, 1,
			"the header row names the levels, one column each, after the column of capability names; cells are separated by commas, semicolons or tabs",
			"the header row names no level")
	}
	return sc
}

// build reads src and returns the ladder it describes, unvalidated; when it
// reports errors, the ladder is incomplete.
func (im *importer) build(src []byte) *ladder.Ladder {
	rows := im.read(src)
	if len(rows) == 0 {
		if len(im.ds) == 0 {
			im.report(ladder.CodeEmpty, 1, 1, "", "no header row")
		}
		return nil
	}
	titles, header, body := layout(rows)
	if n := len(header.cells); n > ladder.DefaultMaxIDs {
		im.report(ladder.CodeTooManyIDs, header.line, 1, "", "%d columns, more than %d capabilities, levels and expectations", n, ladder.DefaultMaxIDs)
		return nil
	}
	sc := im.columns(header, body)
	if _, ok := sc.fixed[colName]; !ok || len(sc.levels) == 0 {
		return nil
	}
	cols := sc.levels
	lastUsed := 0 // the last cell a row must have
	for i, k := range sc.kind {
		if k != colIgnored {
			lastUsed = i
		}
	}
	nameCol := sc.fixed[colName]
	idCol, hasID := sc.has(colID)
	catCol, hasCategory := sc.has(colCategory)
	sumCol, hasSummary := sc.has(colSummary)
	if !hasID {
		idCol = -1
	}
	if !hasCategory {
		catCol = -1
	}
	if !hasSummary {
		sumCol = -1
	}

	// Capabilities.
	type cell struct {
		capability int // index into caps
		column     int // index into cols
		value      string
		line       int
	}
	type capRow struct {
		ladder.Capability
		line     int
		category int // index into catNames in loose sheets and category rows, or -1
	}
	var caps []capRow
	var cells []cell
	explicitIDs := map[string]bool{}
	seenName := map[string]int{} // name to its line, in loose sheets

	// Categories: ids in exported sheets with a category column; names
	// otherwise, ids derived at the end.
	var catIDs []string // in order of first use, exported
	seenCatID := map[string]bool{}
	var catNames []string // in order of first use, loose and category rows
	catIndex := map[string]int{}
	type catRow struct {
		line, col int
		used      bool
	}
	var catRows []catRow
	current := -1 // the category of the last category row

	var entities []entity
	values := map[string]bool{}
	var valueOrder []string
	below := graph{}
	count := 1 + len(cols) + len(sc.tracks) // entities with an id
	for _, rw := range body {
		if im.full() {
			break
		}
		if n := len(rw.cells); n <= lastUsed {
			im.report(ladder.CodeSyntax, rw.line, n+1, "every row has a cell for each column of the header; a blank cell is an empty one", "row has %d cells, the header %d", n, len(header.cells))
			continue
		}
		if i := extraCell(rw, len(header.cells)); i >= 0 {
			im.report(ladder.CodeSyntax, rw.line, i+1, "a cell right of the last column of the header needs a column: head it in the header row, or delete the cell",
				"row has %d cells, the header %d", len(rw.cells), len(header.cells))
			continue
		}
		name := rw.text(nameCol)
		id := rw.text(idCol)

		// An entity row of the exported layout: KIND:ID.
		if sc.exported {
			if kind, eid, ok := strings.Cut(id, ":"); ok && slices.Contains(entityKinds, kind) {
				if e, ok := im.entityRow(rw, sc, kind, eid, idCol); ok {
					entities = append(entities, e)
					count++
				}
				continue
			}
		}

		// A category row: a name and nothing else, in a sheet without a
		// category column. With one, such a row is refused: it may head
		// the rows below as much as be a capability left unrated.
		n, first := rw.filled()
		if hasCategory && n == 1 && first == nameCol {
			im.report(ladder.CodeBadValue, rw.line, nameCol+1,
				"if the row heads a category, give the rows below it that category in the category column and delete the row; if it is a capability, give it at least one rating (n/a where it does not apply)",
				"row with a name and nothing else, in a sheet with a category column")
			continue
		}
		if !hasCategory && n == 1 && first == nameCol {
			k, ok := catIndex[name]
			if !ok {
				k = len(catNames)
				catIndex[name] = k
				catNames = append(catNames, name)
				count++
			}
			current = k
			catRows = append(catRows, catRow{line: rw.line, col: nameCol + 1})
			continue
		}

		ok := true
		if name == "" {
			im.report(ladder.CodeBadValue, rw.line, nameCol+1, "", "capability has no name")
			ok = false
		}
		if sc.exported {
			switch {
			case id == "":
			case !isSlug(id):
				im.report(ladder.CodeBadID, rw.line, idCol+1, "", "capability id %q is not a slug (a-z, 0-9, single - _ . between groups)", id)
				ok = false
			default:
				if explicitIDs[id] {
					im.report(ladder.CodeDuplicateID, rw.line, idCol+1, "", "capability id %q is on an earlier row", id)
					ok = false
				}
				explicitIDs[id] = true
			}
		} else {
			if id != "" {
				if !isSlug(id) {
					im.report(ladder.CodeBadID, rw.line, idCol+1, "", "capability id %q is not a slug (a-z, 0-9, single - _ . between groups)", id)
					ok = false
				} else if explicitIDs[id] {
					im.report(ladder.CodeDuplicateID, rw.line, idCol+1, "", "capability id %q is on an earlier row", id)
					ok = false
				}
				explicitIDs[id] = true
			}
			if name != "" {
				if first, dup := seenName[name]; dup {
					im.report(ladder.CodeDuplicateID, rw.line, nameCol+1, "", "capability %q is also on row %d", name, first)
					ok = false
				}
				seenName[name] = rw.line
			}
		}
		category := ""
		catK := -1
		if c := rw.text(catCol); c != "" {
			if sc.exported {
				if !isSlug(c) {
					im.report(ladder.CodeBadID, rw.line, catCol+1, "", "category id %q is not a slug (a-z, 0-9, single - _ . between groups)", c)
					ok = false
				}
				category = c
			} else {
				k, seen := catIndex[c]
				if !seen {
					k = len(catNames)
					catIndex[c] = k
					catNames = append(catNames, c)
					count++
				}
				catK = k
			}
		} else if current >= 0 {
			catK = current
			catRows[len(catRows)-1].used = true
		}
		summary := rw.text(sumCol)
		if sc.exported {
			// Names and summaries of an exported sheet are kept as they
			// are, spaces and all, so that sheets round-trip.
			name = rw.raw(nameCol)
			summary = rw.raw(sumCol)
		}
		var rowCells []cell
		for j, c := range cols {
			v := rw.text(c.col)
			switch {
			case v == "":
				continue
			case strings.EqualFold(v, notApplicable):
				v = notApplicable
			case sc.exported && !isSlug(v):
				im.report(ladder.CodeBadID, rw.line, c.col+1, "", "rating id %q is not a slug (a-z, 0-9, single - _ . between groups)", v)
				ok = false
				continue
			case !sc.exported && (utf8.RuneCountInString(v) > maxLabel || strings.ContainsAny(v, "\r\n")):
				im.report(ladder.CodeBadValue, rw.line, c.col+1,
					"a level cell holds the rating the level expects, such as 3 or Proficient; text that describes a capability at a rating belongs in the descriptors sheet, notes in no sheet",
					"%d characters are not a rating label (at most %d, on one line)", utf8.RuneCountInString(v), maxLabel)
				ok = false
				continue
			default:
				if !values[v] {
					values[v] = true
					valueOrder = append(valueOrder, v)
				}
			}
			rowCells = append(rowCells, cell{capability: len(caps), column: j, value: v, line: rw.line})
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
		if category != "" && !seenCatID[category] {
			seenCatID[category] = true
			catIDs = append(catIDs, category)
			count++
		}
		caps = append(caps, capRow{
			Capability: ladder.Capability{ID: id, Name: name, Category: category, Summary: summary},
			line:       rw.line,
			category:   catK,
		})
		cells = append(cells, rowCells...)
		if count += 1 + len(rowCells); count > ladder.DefaultMaxIDs {
			im.report(ladder.CodeTooManyIDs, rw.line, 1, "", "more than %d capabilities, levels and expectations", ladder.DefaultMaxIDs)
			return nil
		}
	}
	for _, cr := range catRows {
		if !cr.used {
			im.report(ladder.CodeBadValue, cr.line, cr.col,
				"a row with a name and no other cell heads the category of the capabilities below it: give a capability at least one rating (n/a where it does not apply), or delete the row",
				"category row with no capability below it")
		}
	}
	if len(caps) == 0 && !im.ds.HasErrors() {
		im.report(ladder.CodeMissingField, header.line, 1, "", "no capabilities: the sheet has no rows below the header")
	}

	ents := im.entities(entities, sc, titles)

	// The scale.
	var scale rubric.Scale
	ratingOf := map[string]string{}
	if len(ents.ratings) > 0 {
		scale = rubric.Scale{ID: scaleID, Name: scaleName}
		for _, e := range ents.ratings {
			scale.Ratings = append(scale.Ratings, rubric.Rating{ID: e.id, Label: e.name, Description: e.summary, Points: len(scale.Ratings)})
			ratingOf[e.id] = e.id
		}
		for _, c := range cells {
			if c.value != notApplicable && ratingOf[c.value] == "" {
				im.report(ladder.CodeUnknownRef, c.line, cols[c.column].col+1, "", "rating %q is not on a rating: row", c.value)
				ratingOf[c.value] = c.value // once
			}
		}
	} else {
		scale, ratingOf = ratings(below.order(valueOrder), !sc.exported)
	}
	if ents.scale != nil {
		scale.ID, scale.Name, scale.Description = ents.scale.id, ents.scale.name, ents.scale.summary
	}
	if len(ents.ratings) == 0 {
		count += len(scale.Ratings) // rating: rows are counted already
	}
	if count++; count > ladder.DefaultMaxIDs {
		im.report(ladder.CodeTooManyIDs, header.line, 1, "", "more than %d capabilities, levels, expectations and ratings", ladder.DefaultMaxIDs)
		return nil
	}
	for i := range cells {
		if r, ok := ratingOf[cells[i].value]; ok {
			cells[i].value = r
		}
	}

	// Ids derived from names, now that every given id is known.
	var bases []string
	var derive []int
	for i, c := range caps {
		if c.ID == "" {
			derive = append(derive, i)
			bases = append(bases, slug(c.Name))
		}
	}
	ids, _ := uniqueIDs(bases, explicitIDs)
	for j, i := range derive {
		caps[i].ID = ids[j]
	}
	var categories []ladder.Category
	listed := map[string]bool{}
	for _, e := range ents.categories {
		listed[e.id] = true
		categories = append(categories, ladder.Category{ID: e.id, Name: cmpOr(e.name, e.id), Description: e.summary})
	}
	for _, c := range catIDs {
		if !listed[c] {
			categories = append(categories, ladder.Category{ID: c, Name: c})
		}
	}
	bases = bases[:0]
	for _, n := range catNames {
		bases = append(bases, slug(n))
	}
	catDerived, _ := uniqueIDs(bases, listed)
	for i, n := range catNames {
		categories = append(categories, ladder.Category{ID: catDerived[i], Name: n})
	}
	for i := range caps {
		if k := caps[i].category; k >= 0 {
			caps[i].Category = catDerived[k]
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
	for _, e := range entities {
		size += len(e.id) + len(e.name) + len(e.summary)
	}
	if size > ladder.DefaultMaxBytes {
		im.report(ladder.CodeTooLarge, 1, 1, "", "the ladder would be larger than %d bytes as YAML", ladder.DefaultMaxBytes)
	}
	if im.ds.HasErrors() {
		return nil
	}

	base := path.Base(filepath.ToSlash(im.name))
	base = strings.TrimSuffix(base, path.Ext(base))
	lid := slug(base)
	if !isSlug(lid) || base == "." || base == "/" {
		base, lid = "ladder", "ladder"
	}
	l := &ladder.Ladder{
		Format:     ladder.FormatV1,
		ID:         lid,
		Name:       base,
		Scales:     []rubric.Scale{scale},
		Categories: categories,
	}
	if len(titles) > 0 {
		l.Name, l.Description = titleOf(titles)
	}
	if e := ents.ladder; e != nil {
		l.ID, l.Name, l.Description = e.id, cmpOr(e.name, e.id), e.summary
	}
	for _, c := range caps {
		l.Capabilities = append(l.Capabilities, c.Capability)
	}
	track := map[string]int{}
	for _, t := range sc.tracks {
		name := t
		if t == mainTrack {
			name = mainTrackName
		}
		tr := ladder.Track{ID: t, Name: name}
		if e, ok := ents.tracks[t]; ok {
			tr.Name, tr.Description = cmpOr(e.name, t), e.summary
		}
		track[t] = len(l.Tracks)
		l.Tracks = append(l.Tracks, tr)
	}
	at := make([]int, len(cols)) // each column's index in its track's levels
	for j, c := range cols {
		t := &l.Tracks[track[c.track]]
		at[j] = len(t.Levels)
		lv := ladder.Level{ID: c.level, Name: c.name}
		if e, ok := ents.levels[c.track+"/"+c.level]; ok {
			lv.Name, lv.Summary = cmpOr(e.name, c.name), e.summary
		}
		t.Levels = append(t.Levels, lv)
	}
	for _, c := range cells {
		lv := &l.Tracks[track[cols[c.column].track]].Levels[at[c.column]]
		lv.Expects = append(lv.Expects, rubric.Expectation{Capability: caps[c.capability].ID, Rating: c.value})
	}
	return l
}

// titleOf returns the ladder's name and description that title rows
// give: the first row, and the others one a line.
func titleOf(titles []record) (name, description string) {
	if len(titles) == 0 {
		return "", ""
	}
	var desc []string
	for _, t := range titles[1:] {
		desc = append(desc, t.text(0))
	}
	return titles[0].text(0), strings.Join(desc, "\n")
}

// cmpOr returns s, or else when s is empty.
func cmpOr(s, orElse string) string {
	if s == "" {
		return orElse
	}
	return s
}

// entityRow reads a row of the exported layout whose id cell is KIND:ID.
func (im *importer) entityRow(rw record, sc *sheetColumns, kind, id string, idCol int) (entity, bool) {
	okID := isSlug(id)
	if kind == "level" {
		t, v, cut := strings.Cut(id, "/")
		okID = cut && isSlug(t) && isSlug(v)
	}
	if !okID {
		im.report(ladder.CodeBadID, rw.line, idCol+1, "", "%s id %q is not a slug (a-z, 0-9, single - _ . between groups%s)", kind,
			id, map[bool]string{true: "; a level is TRACK/LEVEL", false: ""}[kind == "level"])
		return entity{}, false
	}
	for i, k := range sc.kind {
		if (k == colLevel || k == colCategory) && rw.text(i) != "" {
			im.report(ladder.CodeBadValue, rw.line, i+1, "a row that names a "+kind+" fills only the id, name and summary columns", "a %s: row holds no category or rating", kind)
			return entity{}, false
		}
	}
	e := entity{kind: kind, id: id, line: rw.line}
	if i, ok := sc.has(colName); ok {
		e.name = rw.raw(i)
	}
	if i, ok := sc.has(colSummary); ok {
		e.summary = rw.raw(i)
	}
	return e, true
}

// sheetEntities are the entity rows, checked.
type sheetEntities struct {
	ladder, scale *entity
	categories    []entity
	ratings       []entity
	tracks        map[string]entity
	levels        map[string]entity
}

// entities checks the entity rows against each other, the columns and the
// title rows.
func (im *importer) entities(es []entity, sc *sheetColumns, titles []record) sheetEntities {
	out := sheetEntities{tracks: map[string]entity{}, levels: map[string]entity{}}
	first := map[string]int{}
	idCol := sc.fixed[colID] + 1
	isTrack := map[string]bool{}
	for _, t := range sc.tracks {
		isTrack[t] = true
	}
	isLevel := map[string]bool{}
	for _, c := range sc.levels {
		isLevel[c.track+"/"+c.level] = true
	}
	for i := range es {
		e := &es[i]
		key := e.kind + ":" + e.id
		if e.kind == "ladder" || e.kind == "scale" {
			key = e.kind
		}
		if line, dup := first[key]; dup {
			im.report(ladder.CodeDuplicateID, e.line, idCol, "", "a second %s: row; the first is on row %d", e.kind, line)
			continue
		}
		first[key] = e.line
		switch e.kind {
		case "ladder":
			out.ladder = e
			if name, desc := titleOf(titles); len(titles) > 0 && (name != cmpOr(e.name, e.id) || len(titles) > 1 && desc != e.summary) {
				im.report(ladder.CodeDuplicateKey, titles[0].line, 1, "a sheet names its ladder in title rows or in a ladder: row; where it does both, they must agree",
					"the title rows name the ladder otherwise than row %d", e.line)
			}
		case "scale":
			out.scale = e
		case "category":
			out.categories = append(out.categories, *e)
		case "rating":
			out.ratings = append(out.ratings, *e)
		case "track":
			if !isTrack[e.id] {
				im.report(ladder.CodeUnknownRef, e.line, idCol, "", "no level column is of track %q", e.id)
				continue
			}
			out.tracks[e.id] = *e
		case "level":
			if !isLevel[e.id] {
				im.report(ladder.CodeUnknownRef, e.line, idCol, "", "no column is level %q", e.id)
				continue
			}
			out.levels[e.id] = *e
		}
	}
	return out
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
	var ids []string
	if loose && nums == nil {
		bases := make([]string, len(values))
		for i, v := range values {
			bases[i] = slug(v)
		}
		ids, _ = uniqueIDs(bases, nil)
	}
	used := map[string]bool{}
	for i, v := range values {
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
			id = ids[i]
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
