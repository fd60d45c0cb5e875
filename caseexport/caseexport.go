package caseexport

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// The defaults that the zero Options stands for.
const (
	// DefaultBaseURI is the base of every uri when Options.BaseURI is
	// empty. The .invalid top-level domain never resolves.
	DefaultBaseURI = "https://careerladder.invalid/case"
	// DefaultCreator is the document's creator when Options.Creator is
	// empty.
	DefaultCreator = "careerladder"
	// DefaultAdoptionStatus is the document's adoptionStatus when
	// Options.AdoptionStatus is empty.
	DefaultAdoptionStatus = "Draft"
	// DefaultLastChange is every lastChangeDateTime when Options.LastChange
	// is empty and the ladder has no updated day: the export never reads
	// the clock.
	DefaultLastChange = "1970-01-01T00:00:00+00:00"
)

// Options tune the export. The zero Options is ready to use: uris under
// DefaultBaseURI, creator DefaultCreator, adoption status DefaultAdoptionStatus
// and every lastChangeDateTime DefaultLastChange.
type Options struct {
	// BaseURI is the base of every uri: BaseURI/KIND/IDENTIFIER, where KIND
	// is the CASE collection (CFItems, CFAssociations, ...). It must be an
	// absolute http or https URI with a host, such as
	// "https://example.com/case", and no query or fragment (which would
	// end every uri). A trailing slash is ignored. Empty means
	// DefaultBaseURI.
	BaseURI string
	// Creator is the CFDocument's creator. Empty means DefaultCreator.
	Creator string
	// AdoptionStatus is the CFDocument's adoptionStatus, such as "Draft",
	// "Adopted" or "Deprecated". Empty means DefaultAdoptionStatus.
	AdoptionStatus string
	// LastChange is every lastChangeDateTime of the package, an RFC 3339
	// date-time such as "2026-11-27T00:00:00Z", written as given. Empty
	// means the start of the ladder's updated day (its version metadata),
	// or DefaultLastChange when the ladder has none.
	LastChange string
}

// Write writes l to w as a CASE 1.1 CFPackage in indented JSON, as the
// package documentation describes. The same ladder and options always give
// the same bytes. Write writes nothing when it returns an error: for a nil
// ladder or writer (wrapping ladder.ErrNilArgument), an Options field it
// cannot use (an *OptionError), or a ladder that does not validate
// (wrapping its ladder.Diagnostics; a ladder read by ladder.Parse or Load
// has passed).
func Write(w io.Writer, l *ladder.Ladder, opts Options) error {
	if w == nil || l == nil {
		return fmt.Errorf("caseexport: write: %w", ladder.ErrNilArgument)
	}
	if err := opts.check(); err != nil {
		return err
	}
	if err := l.Validate().Err(); err != nil {
		return fmt.Errorf("caseexport: ladder %q: %w", l.ID, err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := newExporter(l, opts).write(bw); err != nil {
		return fmt.Errorf("caseexport: %w", err)
	}
	return bw.Flush()
}

// write writes the package as an encoding/json Encoder with
// SetEscapeHTML(false) and SetIndent("", "  ") does, one element at a time
// as the exporter makes them: an export of a ladder of many levels is many
// times the ladder's size, and writing it takes memory for the document
// and the rubric, not for the items and associations.
func (e *exporter) write(w *bufio.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	e.value = func(prefix string, v any) {
		if e.err != nil {
			return
		}
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if e.err = enc.Encode(v); e.err == nil {
			_, e.err = w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		}
	}
	e.element = func(v any) {
		if e.n++; e.n > 1 {
			w.WriteString(",")
		}
		w.WriteString("\n    ")
		e.value("    ", v)
	}
	list := func(name string, fill func()) {
		w.WriteString(",\n  \"" + name + "\": [")
		e.n = 0
		fill()
		if e.n == 0 {
			w.WriteString("]")
		} else {
			w.WriteString("\n  ]")
		}
	}
	w.WriteString("{\n  \"CFDocument\": ")
	e.value("  ", e.document())
	// The items and then the associations come from one walk of the
	// ladder, made twice.
	e.phase = phaseItems
	list("CFItems", e.items)
	e.phase, e.seq = phaseAssociations, map[string]int{}
	list("CFAssociations", e.items)
	list("CFRubrics", func() { e.element(e.rubric()) })
	w.WriteString("\n}\n")
	return e.err
}

// The CASE collections that name the kinds in uris.
const (
	kindDocument       = "CFDocuments"
	kindItem           = "CFItems"
	kindAssociation    = "CFAssociations"
	kindRubric         = "CFRubrics"
	kindCriterion      = "CFRubricCriteria"
	kindCriterionLevel = "CFRubricCriterionLevels"
)

// exporter builds one package.
type exporter struct {
	l    *ladder.Ladder
	ns   uuid
	base string
	when string
	// seq counts the children of each destination, for sequenceNumber.
	seq             map[string]int
	creator, status string
	// capabilities are the capabilities' items, by id, once items has run.
	capabilities map[string]node
	doc          node
	// phase says what the walk of items writes: the items, or the
	// associations between them.
	phase   int
	value   func(prefix string, v any) // writes v, indented
	element func(v any)                // writes v as the next element of a list
	n       int                        // elements of the list being written
	err     error                      // the first error of writing
}

// The phases of the walk.
const (
	phaseItems = iota
	phaseAssociations
)

// A node is an item or the document, as associations refer to it.
type node struct {
	name string // the UUID name, such as "capability:influence"
	link linkURI
}

// An OptionError reports a field of Options that Write cannot use.
type OptionError struct {
	Field  string // the field's name: "BaseURI" or "LastChange"
	Value  string // the field's value
	Reason string // what is wrong with it
}

// Error returns the field, its value and the reason, as
// `caseexport: Options.FIELD "VALUE": REASON`.
func (e *OptionError) Error() string {
	return fmt.Sprintf("caseexport: Options.%s %q: %s", e.Field, e.Value, e.Reason)
}

// check returns an *OptionError for the first field of o that Write cannot
// use, or nil. The defaults pass.
func (o Options) check() error {
	if o.BaseURI != "" {
		if reason := checkBaseURI(o.BaseURI); reason != "" {
			return &OptionError{Field: "BaseURI", Value: o.BaseURI, Reason: reason}
		}
	}
	if o.LastChange != "" && !isDateTime(o.LastChange) {
		return &OptionError{Field: "LastChange", Value: o.LastChange, Reason: "not an RFC 3339 date-time"}
	}
	return nil
}

// isDateTime reports whether s is an RFC 3339 date-time, as the schema's
// "date-time" format reads it. time.Parse accepts more: a comma before the
// fractional seconds, and offsets such as +24:00 or +00:60.
func isDateTime(s string) bool {
	if _, err := time.Parse(time.RFC3339, s); err != nil || strings.Contains(s, ",") {
		return false
	}
	if strings.HasSuffix(s, "Z") {
		return true
	}
	off := s[len(s)-len("+00:00"):] // what time.Parse read as ±hh:mm
	return off[1:3] <= "23" && off[4:6] <= "59"
}

// checkBaseURI returns what is wrong with s as the base of every uri, or "".
func checkBaseURI(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "not an absolute http or https URI with a host"
	}
	for _, r := range s {
		if !uriChar(r) {
			return fmt.Sprintf("%q is not allowed in a URI", r)
		}
	}
	if strings.ContainsAny(s, "?#") {
		return "has a query or fragment, which would end every uri"
	}
	return ""
}

// uriChar reports whether r may appear in a URI as RFC 3986 writes it
// (unreserved, reserved, or the "%" of a percent-encoding).
func uriChar(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return true
	}
	return strings.ContainsRune("-._~:/?#[]@!$&'()*+,;=%", r)
}

// build returns the package of l, which validates, with opts, which pass
// check.
func newExporter(l *ladder.Ladder, opts Options) *exporter {
	e := &exporter{
		l:    l,
		ns:   newV5(nameSpaceURL, "careerladder:"+l.ID),
		base: strings.TrimRight(cmp.Or(opts.BaseURI, DefaultBaseURI), "/"),
		when: cmp.Or(opts.LastChange, updated(l), DefaultLastChange),
		seq:  map[string]int{},
	}
	e.creator, e.status = cmp.Or(opts.Creator, DefaultCreator), cmp.Or(opts.AdoptionStatus, DefaultAdoptionStatus)
	return e
}

// ref returns the identifier of name. Names are unique within a ladder
// that validates: each kind of item has a prefix of its own, and ids are
// unique within their kind.
func (e *exporter) ref(name string) string { return newV5(e.ns, name).String() }

func (e *exporter) uri(kind, id string) string { return e.base + "/" + kind + "/" + id }

// item adds a CFItem and returns it as a node, titled with its short
// statement (the name of a capability or level).
func (e *exporter) item(name string, it cfItem) node {
	it.Identifier = e.ref(name)
	it.URI = e.uri(kindItem, it.Identifier)
	it.LastChangeDateTime = e.when
	if e.phase == phaseItems {
		e.element(&it)
	}
	return node{name: name, link: linkURI{Title: cmp.Or(it.AbbreviatedStatement, it.FullStatement), Identifier: it.Identifier, URI: it.URI}}
}

// The names the identifiers of tracks, levels and criterion levels are
// made from: each is defined in one place and referred to in another.
func trackName(track string) string              { return "track:" + track }
func levelName(track, level string) string       { return "level:" + track + "/" + level }
func criterionLevelName(c, rating string) string { return "criterionlevel:" + c + "/" + rating }

// associate adds the association origin TYPE dest. Children (isChildOf) are
// numbered in order within their destination.
func (e *exporter) associate(origin node, typ string, dest node, ext *associationExtensions) {
	if e.phase != phaseAssociations {
		return
	}
	id := e.ref("association:" + origin.name + "->" + dest.name + ":" + typ)
	a := cfAssociation{
		Identifier:         id,
		AssociationType:    typ,
		URI:                e.uri(kindAssociation, id),
		OriginNodeURI:      origin.link,
		DestinationNodeURI: dest.link,
		LastChangeDateTime: e.when,
		Extensions:         ext,
	}
	if typ == "isChildOf" {
		e.seq[dest.link.Identifier]++
		a.SequenceNumber = e.seq[dest.link.Identifier]
	}
	e.element(&a)
}

func (e *exporter) document() *cfDocument {
	l := e.l
	id := e.ref("document")
	uri := e.uri(kindDocument, id)
	e.doc = node{name: "document", link: linkURI{Title: l.Name, Identifier: id, URI: uri}}
	return &cfDocument{
		Identifier:         id,
		URI:                uri,
		CaseVersion:        "1.1",
		Creator:            e.creator,
		Title:              l.Name,
		LastChangeDateTime: e.when,
		Description:        l.Description,
		Version:            l.Version,
		AdoptionStatus:     e.status,
		Extensions:         &documentExtensions{Careerladder: e.rules()},
	}
}

// rules gathers what CASE has no place for.
func (e *exporter) rules() ladderRules {
	l := e.l
	r := ladderRules{ID: l.ID, Format: l.Format, Levels: []levelRules{}}
	for _, t := range l.Rules.Thresholds {
		r.Thresholds = append(r.Thresholds, threshold{ID: t.ID, Name: t.Name, MinPoints: t.MinPoints})
	}
	for _, t := range l.Titles {
		x := title{ID: t.ID, Name: t.Name, Track: t.Track, MinPoints: t.MinPoints, MaxPoints: t.MaxPoints}
		if t.Track != "" {
			x.TrackIdentifier = e.ref(trackName(t.Track))
		}
		r.Titles = append(r.Titles, x)
	}
	if p := l.Rules.Evidence; p != nil {
		ep := &evidencePolicy{
			Window:     p.Window.String(),
			HalfLife:   p.HalfLife.String(),
			MinItems:   p.MinItems,
			MinSources: p.MinSources,
			Aggregate:  string(p.Aggregate),
		}
		for _, s := range p.Sources {
			ep.Sources = append(ep.Sources, sourceWeight{Source: s.Source, Weight: s.Weight})
		}
		r.EvidencePolicy = ep
	}
	for _, t := range l.Tracks {
		for _, v := range t.Levels {
			lr := levelRules{
				Track:             t.ID,
				Level:             v.ID,
				Identifier:        e.ref(levelName(t.ID, v.ID)),
				Grade:             v.Grade,
				TypicalExperience: v.TypicalExperience,
				Standalone:        v.Standalone,
			}
			if v.Tolerance != nil {
				lr.Tolerance = &tolerance{Count: v.Tolerance.Count, Steps: v.Tolerance.MaxSteps()}
			}
			for _, g := range v.Requires {
				lr.Gates = append(lr.Gates, gateOf(g))
			}
			r.Levels = append(r.Levels, lr)
		}
	}
	return r
}

func gateOf(g rubric.Gate) gate {
	x := gate{Text: g.String(), Kind: g.Kind(), ID: g.ID, Description: g.Description}
	if p := g.Points; p != nil {
		x.Points = &pointsGate{Min: p.Min, Categories: p.Categories}
	}
	if c := g.CategoryFloor; c != nil {
		x.CategoryFloor = &categoryFloor{Category: c.Category, Min: c.Min}
	}
	if v := g.Evidence; v != nil {
		x.Evidence = &evidenceGate{
			Capability: v.Capability,
			MinRating:  v.MinRating,
			Count:      v.Count,
			Window:     v.Window.String(),
			Tag:        v.Tag,
			Sources:    v.Sources,
		}
	}
	if n := g.NOfM; n != nil {
		x.NOfM = &nOfM{N: n.N, Capabilities: n.Capabilities, MinRating: n.MinRating}
	}
	return x
}

func (e *exporter) items() {
	l := e.l
	categories := map[string]node{}
	for _, c := range l.Categories {
		n := e.item("category:"+c.ID, cfItem{FullStatement: c.Name, CFItemType: "Category", Notes: c.Description})
		categories[c.ID] = n
		e.associate(n, "isChildOf", e.doc, nil)
	}
	e.capabilities = map[string]node{}
	for _, c := range l.Capabilities {
		it := cfItem{FullStatement: c.Name, HumanCodingScheme: c.Code, CFItemType: "Competency"}
		if c.Summary != "" {
			it.FullStatement, it.AbbreviatedStatement = c.Summary, c.Name
		}
		n := e.item("capability:"+c.ID, it)
		e.capabilities[c.ID] = n
		parent := e.doc
		if c.Category != "" {
			p, ok := categories[c.Category]
			if !ok {
				continue // not in a ladder that validates
			}
			parent = p
		}
		e.associate(n, "isChildOf", parent, nil)
	}
	for _, t := range l.Tracks {
		tn := e.item(trackName(t.ID), cfItem{FullStatement: t.Name, CFItemType: "Track", Notes: t.Description})
		e.associate(tn, "isChildOf", e.doc, nil)
		var prev node
		for i, v := range t.Levels {
			it := cfItem{FullStatement: v.Name, CFItemType: "Level"}
			if v.Summary != "" {
				it.FullStatement, it.AbbreviatedStatement = v.Name+": "+v.Summary, v.Name
			}
			vn := e.item(levelName(t.ID, v.ID), it)
			e.associate(vn, "isChildOf", tn, nil)
			if i > 0 {
				e.associate(prev, "precedes", vn, nil)
			}
			prev = vn
			for _, x := range v.Expects {
				cn, ok := e.capabilities[x.Capability]
				if !ok {
					continue // not in a ladder that validates
				}
				ext := expectation{ExpectedRating: x.Rating}
				if x.Rating != rubric.NotApplicable {
					ext.CriterionLevelIdentifier = e.ref(criterionLevelName(x.Capability, x.Rating))
				}
				e.associate(vn, "isRelatedTo", cn, &associationExtensions{Careerladder: ext})
			}
		}
	}
}

func (e *exporter) rubric() *cfRubric {
	l := e.l
	id := e.ref("rubric")
	r := cfRubric{
		Identifier:         id,
		URI:                e.uri(kindRubric, id),
		Title:              l.Name,
		LastChangeDateTime: e.when,
		CFRubricCriteria:   []cfCriterion{},
	}
	categories := map[string]string{} // id -> name
	for _, c := range l.Categories {
		categories[c.ID] = c.Name
	}
	for i := range l.Capabilities {
		c := &l.Capabilities[i]
		s, ok := l.ScaleOf(c)
		if !ok {
			continue // not in a ladder that validates
		}
		cid := e.ref("criterion:" + c.ID)
		item := e.capabilities[c.ID]
		crit := cfCriterion{
			Identifier:              cid,
			URI:                     e.uri(kindCriterion, cid),
			Category:                categories[c.Category],
			Description:             c.Summary,
			CFItemURI:               item.link,
			Weight:                  l.Weight(c.ID),
			Position:                i,
			RubricID:                id,
			LastChangeDateTime:      e.when,
			CFRubricCriterionLevels: []cfCriterionLevel{},
			Extensions:              &criterionExtensions{Careerladder: criterionRef{Capability: c.ID, Scale: s.ID}},
		}
		for rank, rt := range s.Ratings {
			lid := e.ref(criterionLevelName(c.ID, rt.ID))
			lv := cfCriterionLevel{
				Identifier:         lid,
				URI:                e.uri(kindCriterionLevel, lid),
				Quality:            cmp.Or(rt.Label, rt.ID),
				Score:              float64(rt.Points),
				Position:           rank,
				RubricCriterionID:  cid,
				LastChangeDateTime: e.when,
				Extensions:         []criterionLevelExtensions{{Careerladder: ratingRef{Rating: rt.ID}}},
			}
			for _, d := range c.Descriptors {
				if d.Rating == rt.ID {
					lv.Description = d.Summary
					break
				}
			}
			crit.CFRubricCriterionLevels = append(crit.CFRubricCriterionLevels, lv)
		}
		r.CFRubricCriteria = append(r.CFRubricCriteria, crit)
	}
	return &r
}

// updated returns the start of the ladder's updated day as RFC 3339, or ""
// when it has none.
func updated(l *ladder.Ladder) string {
	if l.Updated == "" {
		return ""
	}
	return l.Updated + "T00:00:00+00:00"
}
