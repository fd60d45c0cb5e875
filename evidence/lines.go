package evidence

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careerladder/careerladder/internal/jsonvalid"
	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/ladder"
)

// WriteLines writes the evidence of ins as JSON Lines, in the form a
// [LinesReader] reads: one line an item, with its input's person, the
// people in the order of ins and each person's items in theirs. Reading the
// lines back gives the same people and evidence, except that a person
// without evidence has no line. Direct ratings have no JSON Lines form:
// rather than drop them, WriteLines refuses inputs that have some, and
// then writes nothing.
func WriteLines(w io.Writer, ins ...Input) error {
	if w == nil {
		return fmt.Errorf("evidence: write JSON Lines: %w", ladder.ErrNilArgument)
	}
	for _, in := range ins {
		if len(in.Ratings) > 0 {
			return fmt.Errorf("evidence: write JSON Lines: %q has direct ratings, which JSON Lines cannot hold", in.Person)
		}
	}
	type line struct {
		Person string `json:"person"`
		Item
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, in := range ins {
		for _, it := range in.Evidence {
			if err := enc.Encode(line{in.Person, it}); err != nil {
				return fmt.Errorf("evidence: write JSON Lines: %w", err)
			}
		}
	}
	return bw.Flush()
}

// MaxLine is the longest line a LinesReader accepts, in bytes
// without its line ending. A longer line is reported (too-long) and
// skipped without being held in memory.
const MaxLine = 1 << 20

// A LinesReader reads evidence in bulk as JSON Lines, one person at a
// time, in memory that does not grow with the number of people or lines.
// Each line is one JSON object: an evidence item with the field names of
// evidence files plus the person it is about.
//
//	{"person": "alex", "id": "tps-01", "capability": "technical-problem-solving", "rating": "advanced", "date": "2026-11-07", "source": "peer", "summary": "...", "links": ["https://..."], "weight": 1, "tags": ["hard-problem"]}
//
// The fields person, id, capability, rating, date and source are required
// and may not be empty; summary, links, weight and tags are optional. Field
// names are matched exactly (case included), a field may appear once, null
// is accepted for no field, and empty lines are skipped. The lines of one
// person must be consecutive: [LinesReader.Next] returns them as one
// [Input], in line order, and reports a person whose lines appear again
// after those of another person (duplicate-id).
//
//	jr := s.NewLinesReader(f, "people.jsonl")
//	for {
//		in, err := jr.Next()
//		if err == io.EOF {
//			break
//		}
//		var ds ladder.Diagnostics
//		if errors.As(err, &ds) {
//			log.Print(ds) // this person's lines only; go on with the next
//			continue
//		} else if err != nil {
//			return err // reading failed
//		}
//		res := s.Assess(in, asOf)
//		...
//	}
//
// Lines are checked with the strictness of evidence files: unknown fields
// (with the field probably meant), values of the wrong type, missing
// fields, dates that [ParseDate] refuses, weights that are negative or out
// of range, sources and tags that are not ids, evidence ids used twice for
// one person and, when the reader has a ladder, capabilities the ladder
// lacks and ratings not on the capability's scale (with the id probably
// meant). Problems are ladder.Diagnostics positioned at file:line:col,
// columns counted in characters: the offending character of syntax errors,
// the key of unknown and repeated fields and of required fields left
// empty, the value of bad values and references, the opening brace of the
// line's object for missing fields, column 1 for lines too long.
//
// Memory holds one line (at most [MaxLine] bytes), the items of one
// person and, to detect a person whose lines are not consecutive, a 128-bit
// hash and a line number for each person read so far: a few dozen bytes per
// person whatever the length of their ids, and nothing per line. The
// limits of the [InputLoader] that made the reader apply to each person as
// to one evidence file: Limits.MaxBytes to the bytes of the person's lines
// (4 MiB by default), Limits.MaxIDs to the number of items, Limits.MaxString
// to each string and Limits.MaxReports to the diagnostics reported for the
// person.
//
// A LinesReader is not safe for concurrent use; the Inputs it returns
// share nothing with it or with each other.
type LinesReader struct {
	br   *bufio.Reader
	name string
	lim  yamldoc.Limits // resolved
	refs *refs          // the ladder's capabilities and ratings, or nil to check no references
	err  error          // sticky: the read error or io.EOF that ended the stream

	long   []byte // a line longer than br's buffer, assembled
	lineNo int    // number of the last line read
	read   int    // bytes read from the stream
	lineAt int    // byte offset in the stream of the last line read

	seen       map[[16]byte]int // hash of each person's id → the first line of their lines
	intern     map[string]string
	lastPerson string    // the person of the last line read
	colAt      int       // a byte offset in the current line
	colN       int       // the column of colAt
	elemAt     []int     // the offsets of the tags of the current line
	pending    bool      // cur holds a line of the next person, already read
	cur        jsonlLine // the line being decoded

	// The person being read.
	g jsonlGroup
}

// jsonlLine is one decoded line.
type jsonlLine struct {
	no       int          // line number
	at       int          // byte offset of the line in the stream
	brace    ladder.Range // the object's opening brace
	person   string       // the person, or "" when it could not be read
	personAt ladder.Range
	idAt     ladder.Range
	ev       Item
	size     int                 // bytes of the line, its line ending included
	bad      bool                // the line has problems
	ds       []ladder.Diagnostic // problems of the line, reused
	extra    int                 // problems of the line past the limit, counted only
}

// jsonlGroup is the state of the person being read.
type jsonlGroup struct {
	started bool
	person  string // "" until a line names the person
	items   []Item
	ids     map[string]int // evidence id → line
	ds      ladder.Diagnostics
	extra   int // problems past the limit, counted only
	bytes   int64
	count   int // items, kept or not
	over    bool
	lastLen int // items of the previous person, to size the next
}

// The fields of a line, in the order their names are listed.
const (
	jfPerson = iota
	jfID
	jfCapability
	jfRating
	jfDate
	jfSource
	jfSummary
	jfLinks
	jfWeight
	jfTags
	jfCount
)

var jsonlFieldNames = []string{"person", "id", "capability", "rating", "date", "source", "summary", "links", "weight", "tags"}

// jsonlRequired are the fields a line must have.
const jsonlRequired = 1<<jfPerson | 1<<jfID | 1<<jfCapability | 1<<jfRating | 1<<jfDate | 1<<jfSource

// NewLinesReader returns a reader of JSON Lines evidence from r, checked
// against ld.Ladder if it has one and bounded per person by ld.Limits, as
// LinesReader describes. name is the file name diagnostics give. A nil r
// makes Next fail with an error wrapping ladder.ErrNilArgument.
func (ld Loader) NewLinesReader(r io.Reader, name string) *LinesReader {
	jr := &LinesReader{name: name, lim: yamldoc.Limits(ld.Limits).Resolved(),
		seen: map[[16]byte]int{}, intern: map[string]string{}}
	if r == nil {
		jr.err = fmt.Errorf("evidence: read %s: %w", name, ladder.ErrNilArgument)
		return jr
	}
	jr.br = bufio.NewReaderSize(r, 64<<10)
	jr.refs = newRefs(ld.Ladder)
	jr.startGroup()
	return jr
}

// Next returns the next person's Input: Format set to [Format], Person, and the
// evidence of the person's lines in line order. At the end of the stream
// it returns io.EOF.
//
// When the person's lines have problems, Next returns all of them at once
// as a ladder.Diagnostics, sorted by position, with an Input holding only
// Format and Person; the next call goes on with the next person. A broken
// line costs only its own person: one cut short or broken after its
// "person" still names it. A line whose person cannot be read at all costs
// only itself: Next returns it as soon as it is read, with its problems
// and an empty Person, and the person whose lines it interrupts goes on. A
// failure to read from the underlying reader is returned wrapped, and
// again by every later call.
func (jr *LinesReader) Next() (Input, error) {
	if jr == nil {
		return Input{}, fmt.Errorf("evidence: read JSON Lines: %w", ladder.ErrNilArgument)
	}
	if jr.err != nil {
		return Input{}, jr.err
	}
	if jr.br == nil {
		jr.err = fmt.Errorf("evidence: read JSON Lines: %w (use Loader.NewLinesReader)", ladder.ErrNilArgument)
		return Input{}, jr.err
	}
	if jr.pending {
		jr.pending = false
		jr.addLine()
	}
	for {
		line, size, err := jr.readLine()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			jr.err = fmt.Errorf("evidence: read %s: %w", jr.name, err)
			return Input{}, jr.err
		}
		if size <= MaxLine && jsonlBlank(line) {
			continue
		}
		jr.decodeLine(line, size)
		switch {
		case jr.cur.person == "":
			// A line whose person cannot be read costs only itself; the
			// person being read, if any, goes on after it.
			return jr.orphan()
		case jr.g.started && jr.cur.person != jr.g.person:
			jr.pending = true
			return jr.finishGroup()
		}
		jr.addLine()
	}
	if !jr.g.started {
		jr.err = io.EOF
		return Input{}, io.EOF
	}
	return jr.finishGroup()
}

// All returns the people of the stream as a sequence, as Next reads them:
// each Input with a nil error; a person whose lines have problems with a
// ladder.Diagnostics, beside an Input that holds only Format and Person;
// and a failure to read, after which the sequence ends. It may be ranged
// over once; it suits scoring.Scorer.AssessAll.
func (jr *LinesReader) All() iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		for {
			in, err := jr.Next()
			if errors.Is(err, io.EOF) || !yield(in, err) {
				return
			}
			var ds ladder.Diagnostics
			if err != nil && !errors.As(err, &ds) {
				return
			}
		}
	}
}

// readLine returns the next line without its line ending, valid until the
// next call, and its size in bytes. A line longer than MaxLine is
// consumed but not returned (nil, with its size). At the end of the stream,
// and only there, it returns io.EOF.
func (jr *LinesReader) readLine() (line []byte, size int, err error) {
	jr.long = jr.long[:0]
	jr.lineAt = jr.read
	size = 0
	for {
		chunk, err := jr.br.ReadSlice('\n')
		size += len(chunk)
		jr.read += len(chunk)
		if size <= MaxLine+2 { // room for "\r\n"
			if err == nil && len(jr.long) == 0 {
				line = chunk // the common case: no copy
			} else {
				jr.long = append(jr.long, chunk...)
				line = jr.long
			}
		} else {
			line = nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if size == 0 && err != nil {
			return nil, 0, err
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, 0, err
		}
		jr.lineNo++
		if line != nil {
			line = bytes.TrimSuffix(line, []byte{'\n'})
			line = bytes.TrimSuffix(line, []byte{'\r'})
			if len(line) > MaxLine {
				return nil, len(line), nil
			}
			return line, len(line), nil
		}
		// Too long: the size without the line ending, or more.
		if err == nil {
			size--
		}
		return nil, size, nil
	}
}

func jsonlBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// startGroup resets the state of the person being read.
func (jr *LinesReader) startGroup() {
	g := &jr.g
	g.started, g.person, g.ds, g.extra, g.bytes, g.count, g.over = false, "", nil, 0, 0, 0, false
	g.items = nil
	if len(g.ids) > 1024 {
		g.ids = nil // let a large map go
	}
	if g.ids == nil {
		g.ids = map[string]int{}
	}
	clear(g.ids)
}

// addLine adds the line in cur to the person being read.
func (jr *LinesReader) addLine() {
	g, l := &jr.g, &jr.cur
	if !g.started {
		g.started = true
		if g.items == nil && g.lastLen > 0 {
			g.items = make([]Item, 0, min(g.lastLen, 1024))
		}
	}
	if g.person == "" && l.person != "" {
		g.person = l.person
		h := jsonlPersonHash(l.person)
		if first, ok := jr.seen[h]; ok {
			jr.report(ladder.Diagnostic{Code: ladder.CodeDuplicateID, Range: l.personAt, Path: "person",
				Summary: fmt.Sprintf("person %q appears again after the lines of other people; the lines of a person must be consecutive", l.person),
				Detail:  fmt.Sprintf("the lines of %q began on line %d", l.person, first)})
		} else {
			jr.seen[h] = l.no
		}
	}
	for _, d := range l.ds {
		jr.report(d)
	}
	g.extra += l.extra
	g.bytes += int64(l.size)
	if !g.over && jsonlExceeds(g.bytes, jr.lim.MaxBytes) {
		g.over = true
		jr.report(ladder.Diagnostic{Code: ladder.CodeTooLarge, Range: jr.pos(l.no, 1, l.at),
			Summary: fmt.Sprintf("the lines of person %q are larger than the limit of %d bytes", g.person, jr.lim.MaxBytes)})
	}
	if l.ev.ID != "" {
		if first, dup := g.ids[l.ev.ID]; dup {
			jr.report(jr.diagnostic(l.idAt, duplicate(l.ev.ID, fmt.Sprintf("on line %d", first))))
		} else if !jsonlExceeds(int64(len(g.ids)), int64(jr.lim.MaxIDs)) {
			g.ids[l.ev.ID] = l.no
		}
	}
	if l.bad {
		return
	}
	g.count++
	if jsonlExceeds(int64(g.count), int64(jr.lim.MaxIDs)) {
		if g.count == jr.lim.MaxIDs+1 {
			jr.report(ladder.Diagnostic{Code: ladder.CodeTooManyIDs, Range: l.brace,
				Summary: fmt.Sprintf("person %q has more than %d evidence items", g.person, jr.lim.MaxIDs)})
		}
		return
	}
	if len(g.ds) == 0 && g.extra == 0 {
		g.items = append(g.items, l.ev)
	} else {
		g.items = nil // the person fails: keep nothing more
	}
}

// finishGroup returns the person read.
func (jr *LinesReader) finishGroup() (Input, error) {
	defer jr.startGroup()
	g := &jr.g
	in := Input{Format: Format, Person: g.person}
	g.lastLen = len(g.items)
	if len(g.ds) == 0 && g.extra == 0 {
		in.Evidence = g.items
		g.items = nil
		return in, nil
	}
	ds := g.ds
	g.ds, g.items = nil, nil
	ds.Sort()
	if g.extra > 0 {
		// As for files: the last report says how many more there are.
		keep := max(min(jr.lim.MaxReports-1, len(ds)), 0)
		n := len(ds) + g.extra - keep
		last := ladder.Diagnostic{Code: ladder.CodeTooMany, Range: jr.pos(1, 1, 0),
			Summary: fmt.Sprintf("%d more problems not reported", n)}
		switch {
		case keep < len(ds):
			last.Range, last.Path = ds[keep].Range, ds[keep].Path
		case keep > 0:
			last.Range = ds[keep-1].Range
		}
		ds = append(ds[:keep], last)
	}
	return in, ds
}

// orphan returns the problems of the line in cur, whose person cannot be
// read, as a unit of its own: an Input with no person.
func (jr *LinesReader) orphan() (Input, error) {
	l := &jr.cur
	if len(l.ds) == 0 { // no problem but the person, missing or empty
		jr.add(nil, -1, ladder.CodeMissingField, "person", `missing field "person"`, "", "")
	}
	ds := make(ladder.Diagnostics, len(l.ds))
	copy(ds, l.ds)
	ds.Sort()
	if l.extra > 0 {
		ds = append(ds, ladder.Diagnostic{Code: ladder.CodeTooMany, Range: ds[len(ds)-1].Range,
			Summary: fmt.Sprintf("%d more problems not reported", l.extra)})
	}
	return Input{Format: Format}, ds
}

// report adds d to the problems of the person being read, or counts it
// past the limit.
func (jr *LinesReader) report(d ladder.Diagnostic) {
	g := &jr.g
	if jr.lim.MaxReports >= 0 && len(g.ds) >= jr.lim.MaxReports {
		g.extra++
		return
	}
	g.ds = append(g.ds, d)
}

// pos returns an empty range at line and col, byte offset off.
func (jr *LinesReader) pos(line, col, off int) ladder.Range {
	p := ladder.Pos{Line: line, Col: col, Byte: off}
	return ladder.Range{File: jr.name, Start: p, End: p}
}

// span returns the range of b[at:end] in the current line b.
func (jr *LinesReader) span(b []byte, at, end int) ladder.Range {
	l := &jr.cur
	return ladder.Range{File: jr.name,
		Start: ladder.Pos{Line: l.no, Col: jr.col(b, at), Byte: l.at + at},
		End:   ladder.Pos{Line: l.no, Col: jr.col(b, end), Byte: l.at + end}}
}

// diagnostic returns p as a diagnostic at r.
func (jr *LinesReader) diagnostic(r ladder.Range, p problem) ladder.Diagnostic {
	return ladder.Diagnostic{Code: p.code, Range: r, Path: jsonlFieldNames[p.field+1],
		Summary: p.summary, Detail: p.detail, Suggestion: p.suggestion}
}

func jsonlExceeds(n, limit int64) bool { return limit >= 0 && n > limit }

// jsonlPersonHash returns a collision-resistant hash of a person id.
func jsonlPersonHash(p string) [16]byte {
	sum := sha256.Sum256([]byte(p))
	return [16]byte(sum[:16])
}

// decodeLine decodes and checks one line into cur. A nil b stands for a
// line too long to hold, of size bytes.
func (jr *LinesReader) decodeLine(b []byte, size int) {
	l := &jr.cur
	l.no, l.at, l.person = jr.lineNo, jr.lineAt, ""
	l.brace, l.personAt, l.idAt = jr.pos(l.no, 1, l.at), ladder.Range{}, ladder.Range{}
	l.ev = Item{}
	l.bad, l.ds, l.extra = false, l.ds[:0], 0
	l.size = size + 1
	jr.colAt, jr.colN = 0, 1
	if b == nil {
		jr.add(nil, 0, ladder.CodeTooLong, "", fmt.Sprintf("a line of %d bytes, more than the limit of %d", size, MaxLine), "", "")
		jr.leadingPerson(jr.long[:min(len(jr.long), 64<<10)])
		return
	}
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		jr.add(b, i, ladder.CodeSyntax, "", "input is not valid UTF-8", "", "")
		jr.leadingPerson(b)
		return
	}
	if !jsonvalid.Valid(b) {
		var raw json.RawMessage
		err := json.Unmarshal(b, &raw)
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se) && se.Error() == "unexpected end of JSON input":
			jr.add(b, len(b), ladder.CodeSyntax, "", "JSON: "+se.Error(), "", "") // just after the end
		case se != nil:
			// Offset counts the bytes read, the offending one included.
			jr.add(b, int(min(max(se.Offset-1, 0), int64(len(b)))), ladder.CodeSyntax, "", "JSON: "+se.Error(), "", "")
		default:
			jr.add(b, 0, ladder.CodeSyntax, "", fmt.Sprintf("JSON: %v", err), "", "")
		}
		jr.leadingPerson(b)
		return
	}
	// From here on b is one valid JSON value with optional white space
	// around it, which keeps the scanning below simple.
	i := jsonlSkipWS(b, 0)
	if b[i] != '{' {
		jr.add(b, i, ladder.CodeBadType, "", fmt.Sprintf("a line must hold a JSON object: expected a mapping, found %s", jsonlKind(b[i])), "", "")
		return
	}
	l.brace = jr.span(b, i, i+1)
	var have, given uint // fields decoded, fields given
	var keyAt, valAt, keyCol [jfCount]int
	i = jsonlSkipWS(b, i+1)
	for b[i] != '}' {
		ks := i
		ke, esc := jsonlSkipString(b, i)
		var f int
		var name string
		if esc {
			name = jsonlUnquote(b[ks:ke])
			f = jsonlFieldOf([]byte(name))
		} else {
			f = jsonlFieldOf(b[ks+1 : ke-1])
		}
		i = jsonlSkipWS(b, ke) + 1 // the colon
		vs := jsonlSkipWS(b, i)
		ve := jsonlSkipValue(b, vs)
		if i = jsonlSkipWS(b, ve); b[i] == ',' {
			i = jsonlSkipWS(b, i+1)
		}
		switch {
		case f < 0:
			if !jr.full() {
				if !esc {
					name = string(b[ks+1 : ke-1])
				}
				// The path quotes a key that is not a plain word, as the
				// file loader's paths do.
				jr.add(b, ks, ladder.CodeUnknownField, (*yamldoc.Path)(nil).Key(name).String(), fmt.Sprintf("unknown field %q", name),
					"fields here: "+strings.Join(jsonlFieldNames, ", "), yamldoc.Suggest(name, jsonlFieldNames))
			}
			continue
		case given&(1<<f) != 0:
			if !jr.full() {
				if keyCol[f] == 0 {
					keyCol[f] = utf8.RuneCount(b[:keyAt[f]]) + 1
				}
				name = jsonlFieldNames[f]
				jr.add(b, ks, ladder.CodeDuplicateKey, name, fmt.Sprintf("key %q appears more than once", name),
					fmt.Sprintf("first at column %d", keyCol[f]), "")
			}
			continue
		}
		given |= 1 << f
		keyAt[f], valAt[f] = ks, vs
		if jr.field(b, f, ks, vs, ve) {
			have |= 1 << f // not reported: checked further
		}
	}
	bad := uint(0) // the item's fields reported already
	for f := range jfCount {
		switch {
		case jsonlRequired&(1<<f) != 0 && given&(1<<f) == 0:
			jr.add(b, -1, ladder.CodeMissingField, jsonlFieldNames[f], fmt.Sprintf("missing field %q", jsonlFieldNames[f]), "", "")
		case given&(1<<f) == 0 || have&(1<<f) != 0:
			continue
		}
		if f != jfPerson {
			bad |= 1 << (f - 1)
		}
	}
	jr.refs.checkItem(&l.ev, bad, func(p problem) {
		f := p.field + 1 // the line's field numbers count the person first
		at, path := valAt[f], jsonlFieldNames[f]
		switch {
		case p.key:
			at = keyAt[f]
		case p.elem >= 0:
			at, path = jr.elemAt[p.elem], jsonlPath(path, p.elem)
		}
		jr.add(b, at, p.code, path, p.summary, p.detail, p.suggestion)
	})
}

// leadingPerson sets the person of the current line, which is not valid
// JSON, when b starts as an object whose members up to "person" are valid:
// a line cut short or broken after its person then costs that person, not
// a neighbour. It leaves the person empty otherwise.
func (jr *LinesReader) leadingPerson(b []byte) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return
	}
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return
		}
		if key != "person" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return
			}
			continue
		}
		vs := int(dec.InputOffset())
		for vs < len(b) && (b[vs] == ':' || b[vs] == ' ' || b[vs] == '\t' || b[vs] == '\r') {
			vs++
		}
		var p string
		if dec.Decode(&p) != nil || p == "" || !utf8.ValidString(p) || jsonlExceeds(int64(len(p)), int64(jr.lim.MaxString)) {
			return
		}
		l := &jr.cur
		l.person, l.personAt = p, jr.span(b, vs, int(dec.InputOffset()))
		return
	}
}

// field decodes the value b[vs:ve] of field f, whose key starts at ks. It
// returns false when it reported the value as absent or unusable.
func (jr *LinesReader) field(b []byte, f, ks, vs, ve int) bool {
	l, name, v := &jr.cur, jsonlFieldNames[f], b[vs:ve]
	switch f {
	case jfLinks, jfTags:
		list, ok := jr.list(b, f, vs, ve)
		if f == jfLinks {
			l.ev.Links = list
		} else {
			l.ev.Tags = list
		}
		return ok
	case jfWeight:
		if c := v[0]; c != '-' && (c < '0' || c > '9') {
			jr.add(b, vs, ladder.CodeBadType, name, fmt.Sprintf("expected a number, found %s", jsonlKind(c)), "", "")
			return false
		}
		w, err := strconv.ParseFloat(string(v), 64)
		switch {
		case err != nil || math.IsInf(w, 0) || math.IsNaN(w):
			jr.add(b, vs, ladder.CodeBadNumber, name, fmt.Sprintf("number %q is out of range", v), "", "")
			return false
		}
		l.ev.Weight = w
		return true
	}
	keep := jsonlIntern
	switch f {
	case jfID, jfSummary:
		keep = jsonlFresh
	case jfPerson:
		keep = jsonlPerson
	case jfCapability:
		keep = jsonlCapability
	case jfDate:
		if d, ok := jsonlDate(v); ok {
			l.ev.Date = d
			return true
		}
		keep = jsonlFresh
	}
	s, ok := jr.str(b, name, -1, vs, ve, keep)
	if !ok {
		return false
	}
	if s == "" {
		if f != jfPerson {
			return true // the item's own check reports it
		}
		jr.add(b, ks, ladder.CodeMissingField, name, fmt.Sprintf("missing field %q", name), "", "")
		return false
	}
	switch f {
	case jfPerson:
		l.person, l.personAt = s, jr.span(b, vs, ve)
	case jfID:
		l.ev.ID, l.idAt = s, jr.span(b, vs, ve)
	case jfCapability:
		l.ev.Capability = s
	case jfRating:
		l.ev.Rating = s
	case jfDate:
		d, err := ParseDate(s)
		if err != nil {
			jr.add(b, vs, ladder.CodeBadValue, name, err.Error(), "", "")
			return false
		}
		l.ev.Date = d
	case jfSource:
		l.ev.Source = s
	case jfSummary:
		l.ev.Summary = s
	}
	return true
}

// list decodes the list of strings b[vs:ve] of field f (links or tags).
func (jr *LinesReader) list(b []byte, f, vs, ve int) ([]string, bool) {
	name := jsonlFieldNames[f]
	if b[vs] != '[' {
		jr.add(b, vs, ladder.CodeBadType, name, fmt.Sprintf("expected a list, found %s", jsonlKind(b[vs])), "", "")
		return nil, false
	}
	var out []string
	ok := true
	if f == jfTags {
		jr.elemAt = jr.elemAt[:0]
	}
	i := jsonlSkipWS(b, vs+1)
	for k := 0; b[i] != ']'; k++ {
		es := i
		ee := jsonlSkipValue(b, es)
		if i = jsonlSkipWS(b, ee); b[i] == ',' {
			i = jsonlSkipWS(b, i+1)
		}
		keep := jsonlFresh
		if f == jfTags {
			keep = jsonlIntern
		}
		s, good := jr.str(b, name, k, es, ee, keep)
		if f == jfTags {
			jr.elemAt = append(jr.elemAt, es)
		}
		if ok = ok && good; ok {
			out = append(out, s)
		}
	}
	if !ok {
		return nil, false
	}
	return out, true
}

// str decodes the string b[vs:ve], element k of field name (or the field
// itself for k < 0), reporting a value of another kind or longer than the
// limit.
func (jr *LinesReader) str(b []byte, name string, k, vs, ve, keep int) (string, bool) {
	if b[vs] != '"' {
		if jr.full() {
			return "", false
		}
		jr.add(b, vs, ladder.CodeBadType, jsonlPath(name, k), fmt.Sprintf("expected a string, found %s", jsonlKind(b[vs])), "", "")
		return "", false
	}
	esc := bytes.IndexByte(b[vs+1:ve-1], '\\') >= 0
	s := jr.text(b[vs:ve], esc, keep)
	if jsonlExceeds(int64(len(s)), int64(jr.lim.MaxString)) {
		if jr.full() {
			return "", false
		}
		jr.add(b, vs, ladder.CodeTooLong, jsonlPath(name, k), fmt.Sprintf("a value of %d bytes, more than the limit of %d", len(s), jr.lim.MaxString), "", "")
		return "", false
	}
	return s, true
}

// How text keeps the strings it returns.
const (
	jsonlFresh      = iota // a new string
	jsonlIntern            // shared between items, up to a bound: capabilities, ratings, sources, tags, dates, keys
	jsonlPerson            // the same string as long as the person does not change
	jsonlCapability        // the ladder's string for its capabilities, else interned
)

// text returns the JSON string raw, quotes included, unquoted.
func (jr *LinesReader) text(raw []byte, esc bool, keep int) string {
	var s string
	switch {
	case esc:
		s = jsonlUnquote(raw)
	case keep == jsonlIntern || keep == jsonlCapability:
		raw = raw[1 : len(raw)-1]
		if keep == jsonlCapability && jr.refs != nil {
			if c, ok := jr.refs.caps[string(raw)]; ok {
				return c.id
			}
		}
		if s, ok := jr.intern[string(raw)]; ok {
			return s
		}
		s = string(raw)
	case keep == jsonlPerson:
		if raw = raw[1 : len(raw)-1]; string(raw) != jr.lastPerson {
			jr.lastPerson = string(raw)
		}
		return jr.lastPerson
	default:
		return string(raw[1 : len(raw)-1])
	}
	if keep == jsonlIntern && len(s) <= 128 && len(jr.intern) < 4096 {
		jr.intern[s] = s
	}
	return s
}

// jsonlUnquote returns the valid JSON string raw unquoted.
func jsonlUnquote(raw []byte) string {
	var s string
	_ = json.Unmarshal(raw, &s) // valid: checked by jsonvalid.Valid
	return s
}

// jsonlPath returns the path of element k of field name, or of the field
// for k < 0.
func jsonlPath(name string, k int) string {
	if k < 0 {
		return name
	}
	return name + "[" + strconv.Itoa(k) + "]"
}

// full reports whether the current line has as many problems as it may
// report; if so, it counts one more problem, which the caller need not
// build.
func (jr *LinesReader) full() bool {
	l := &jr.cur
	if jr.lim.MaxReports >= 0 && len(l.ds) >= jr.lim.MaxReports {
		l.bad = true
		l.extra++
		return true
	}
	return false
}

// add records a problem of the current line at byte offset at of b: the
// key or value starting there, the offending character of a syntax error,
// column 1 when b is nil, the object's brace when at is -1.
func (jr *LinesReader) add(b []byte, at int, code ladder.Code, path, summary, detail, suggestion string) {
	if jr.full() {
		return
	}
	l := &jr.cur
	l.bad = true
	var r ladder.Range
	switch {
	case at < 0:
		r = l.brace
	case b == nil:
		r = jr.pos(l.no, 1, l.at)
	case code == ladder.CodeSyntax: // b may not be JSON
		end := at
		if at < len(b) {
			_, w := utf8.DecodeRune(b[at:])
			end += w
		}
		r = jr.span(b, at, end)
	default: // b is valid JSON with a key or value at at
		r = jr.span(b, at, jsonlSkipValue(b, at))
	}
	l.ds = append(l.ds, ladder.Diagnostic{Code: code, Range: r, Path: path,
		Summary: summary, Detail: detail, Suggestion: suggestion})
}

// col returns the 1-based column, in characters, of byte offset i of b,
// the current line. It counts on from the offset it was last asked for,
// so that asking in order costs one pass over the line.
func (jr *LinesReader) col(b []byte, i int) int {
	if i < jr.colAt {
		jr.colAt, jr.colN = 0, 1
	}
	jr.colN += utf8.RuneCount(b[jr.colAt:i])
	jr.colAt = i
	return jr.colN
}

// jsonlFieldOf returns the index of the field called name, or -1.
func jsonlFieldOf(name []byte) int {
	for i, n := range jsonlFieldNames {
		if string(name) == n {
			return i
		}
	}
	return -1
}

// jsonlDate parses the JSON string v, quotes included, as ParseDate does
// when it is written as "YYYY-MM-DD" with digits; ok is false for any other
// string, which ParseDate must judge.
func jsonlDate(v []byte) (d Date, ok bool) {
	if len(v) != 12 || v[0] != '"' || v[5] != '-' || v[8] != '-' || v[11] != '"' {
		return Date{}, false
	}
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, day := num(v[1:5]), num(v[6:8]), num(v[9:11])
	if y < 0 || m < 1 || m > 12 || day < 1 {
		return Date{}, false
	}
	if t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC); t.Day() != day {
		return Date{}, false // past the end of the month
	}
	return Date{y, time.Month(m), day}, true
}

// jsonlKind names the kind of the JSON value starting with c.
func jsonlKind(c byte) string {
	switch c {
	case '"':
		return "a string"
	case '{':
		return "a mapping"
	case '[':
		return "a list"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// The scanners below walk JSON that jsonlValid accepted.

func jsonlSkipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// jsonlSkipString returns the offset after the string starting at b[i],
// and whether it holds escapes.
func jsonlSkipString(b []byte, i int) (int, bool) {
	j := bytes.IndexByte(b[i+1:], '"')
	if j >= 0 && bytes.IndexByte(b[i+1:i+1+j], '\\') < 0 {
		return i + j + 2, false
	}
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1, true
		}
	}
	return len(b), true
}

// jsonlSkipValue returns the offset after the value starting at b[i].
func jsonlSkipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		j, _ := jsonlSkipString(b, i)
		return j
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i, _ = jsonlSkipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return i
		}
		i++
	}
	return i
}
