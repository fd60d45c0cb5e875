package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// The kinds of change.
const (
	Added   = "added"   // an element or value is new
	Removed = "removed" // an element or value is gone
	Changed = "changed" // a value differs
	Moved   = "moved"   // the order of a list differs
)

// A Report lists the changes between two ladders.
type Report struct {
	// Changes are sorted by Path, then Kind.
	Changes []Change `json:"changes"`
}

// A Change is one difference between two ladders.
type Change struct {
	// Kind is Added, Removed, Changed or Moved.
	Kind string `json:"kind"`
	// Path names what changed by ids, as in
	// tracks[engineering].levels[senior].expects.communication.
	Path string `json:"path"`
	// Old is the old value rendered as text, "" when absent.
	Old string `json:"old"`
	// New is the new value rendered as text, "" when absent.
	New string `json:"new"`
	// Summary says what changed in one line of words.
	Summary string `json:"summary"`
}

// Equal reports whether the report has no changes: the two ladders are the
// same, as far as Ladders compares them.
func (r Report) Equal() bool { return len(r.Changes) == 0 }

// Ladders compares old with new and returns every change, matched by ids.
// A nil ladder is an error wrapping ladder.ErrNilArgument; compare with
// &ladder.Ladder{} for "everything added".
func Ladders(old, new *ladder.Ladder) (Report, error) {
	if old == nil || new == nil {
		return Report{}, fmt.Errorf("diff: %w", ladder.ErrNilArgument)
	}
	d := &differ{old: old, new: new, oldScales: scales{l: old}, newScales: scales{l: new}}
	d.ladder()
	d.scales()
	d.categories()
	d.capabilities()
	d.tracks()
	d.rules()
	d.titles()
	slices.SortStableFunc(d.out, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Kind, b.Kind))
	})
	if d.out == nil {
		d.out = []Change{}
	}
	return Report{Changes: d.out}, nil
}

type differ struct {
	old, new             *ladder.Ladder
	oldScales, newScales scales
	out                  []Change
}

func (d *differ) add(kind, path, old, new, summary string) {
	d.out = append(d.out, Change{Kind: kind, Path: path, Old: old, New: new, Summary: summary})
}

// field compares one scalar value; what names it in words.
func (d *differ) field(path, what, old, new string) {
	switch {
	case old == new:
	case old == "":
		d.add(Added, path, "", new, what+" set to "+short(new))
	case new == "":
		d.add(Removed, path, old, "", what+" removed (was "+short(old)+")")
	default:
		o, n := shortPair(old, new)
		d.add(Changed, path, old, new, what+" changed from "+o+" to "+n)
	}
}

// short quotes s for a summary, cutting it when long.
func short(s string) string {
	const limit = 40
	if r := []rune(s); len(r) > limit {
		s = string(r[:limit]) + "…"
	}
	return strconv.Quote(s)
}

// shortPair quotes old and new for a summary. When either is long it keeps
// only the part where they differ, with a little context, so that the
// difference shows.
func shortPair(old, new string) (string, string) {
	const limit, context = 40, 12
	o, n := []rune(old), []rune(new)
	if len(o) <= limit && len(n) <= limit {
		return strconv.Quote(old), strconv.Quote(new)
	}
	p := 0
	for p < len(o) && p < len(n) && o[p] == n[p] {
		p++
	}
	q := 0
	for q < len(o)-p && q < len(n)-p && o[len(o)-1-q] == n[len(n)-1-q] {
		q++
	}
	cut := func(r []rune) string {
		start, end := max(p-context, 0), min(len(r)-q+context, len(r))
		if end-start > limit+2*context {
			end = start + limit + 2*context
		}
		s := string(r[start:end])
		if start > 0 {
			s = "…" + s
		}
		if end < len(r) {
			s += "…"
		}
		return strconv.Quote(s)
	}
	return cut(o), cut(n)
}

// order reports a change in the order of the ids common to both lists,
// listing them with ", ".
func (d *differ) order(path, what string, old, new []string) {
	d.orderSep(path, what, ", ", old, new)
}

// orderSep is order with the separator sep, for keys that hold commas.
func (d *differ) orderSep(path, what, sep string, old, new []string) {
	inOld, inNew := set(old), set(new)
	var o, n []string
	for _, id := range old {
		if inNew[id] {
			o = append(o, id)
		}
	}
	for _, id := range new {
		if inOld[id] {
			n = append(n, id)
		}
	}
	if !slices.Equal(o, n) {
		d.add(Moved, path, strings.Join(o, sep), strings.Join(n, sep), what+" reordered")
	}
}

// set returns the strings of list as a set.
func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// positions maps each key of list to the position of its first
// occurrence. Lists are matched through such maps rather than by searching
// one list for each element of the other, so that a diff costs time in
// proportion to the size of the ladders, not to its square.
func positions(keys []string) map[string]int {
	m := make(map[string]int, len(keys))
	for i, k := range keys {
		if _, dup := m[k]; !dup {
			m[k] = i
		}
	}
	return m
}

// match calls fn for every id of old and new: with both elements when the
// id is in both lists (the first element of new with it), else with a nil
// one. It calls id once for each element of either list.
func match[T any](old, new []T, id func(*T) string, fn func(key string, o, n *T)) {
	oldKeys, newKeys := ids(old, id), ids(new, id)
	inOld, inNew := set(oldKeys), positions(newKeys)
	for i, k := range oldKeys {
		if j, ok := inNew[k]; ok {
			fn(k, &old[i], &new[j])
		} else {
			fn(k, &old[i], nil)
		}
	}
	for j, k := range newKeys {
		if !inOld[k] {
			fn(k, nil, &new[j])
		}
	}
}

// entities diffs the entities of two lists matched by id, each under the
// path p+"[id]" and named in summaries by name(id): one only in the new
// list is added, one only in the old list removed, each shown by text;
// changed diffs those in both.
func entities[T any](d *differ, p string, old, new []T, id, text func(*T) string, name func(id string) string,
	changed func(p, what string, o, n *T)) {
	match(old, new, id, func(k string, o, n *T) {
		ep, what := p+"["+k+"]", name(k)
		switch {
		case o == nil:
			d.add(Added, ep, "", text(n), what+" added")
		case n == nil:
			d.add(Removed, ep, text(o), "", what+" removed")
		default:
			changed(ep, what, o, n)
		}
	})
}

func ids[T any](list []T, id func(*T) string) []string {
	out := make([]string, len(list))
	for i := range list {
		out[i] = id(&list[i])
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func boolText(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func (d *differ) ladder() {
	d.field("format", "format", d.old.Format, d.new.Format)
	d.field("id", "ladder id", d.old.ID, d.new.ID)
	d.field("name", "ladder name", d.old.Name, d.new.Name)
	d.field("version", "ladder version", d.old.Version, d.new.Version)
	d.field("description", "ladder description", d.old.Description, d.new.Description)
}

func (d *differ) scales() {
	id := func(s *rubric.Scale) string { return s.ID }
	d.order("scales", "scales", ids(d.old.Scales, id), ids(d.new.Scales, id))
	entities(d, "scales", d.old.Scales, d.new.Scales, id, id, func(k string) string { return "scale " + k },
		func(p, what string, o, n *rubric.Scale) {
			d.field(p+".name", "name of "+what, o.Name, n.Name)
			d.field(p+".description", "description of "+what, o.Description, n.Description)
			rid := func(r *rubric.Rating) string { return r.ID }
			d.order(p+".ratings", "ratings of "+what, ids(o.Ratings, rid), ids(n.Ratings, rid))
			entities(d, p+".ratings", o.Ratings, n.Ratings, rid, ratingText, func(r string) string { return "rating " + r + " of " + what },
				func(rp, what string, or, nr *rubric.Rating) {
					d.field(rp+".label", "label of "+what, or.Label, nr.Label)
					if or.Points != nr.Points {
						d.add(Changed, rp+".points", itoa(or.Points), itoa(nr.Points),
							fmt.Sprintf("points of %s changed from %d to %d", what, or.Points, nr.Points))
					}
					d.field(rp+".description", "description of "+what, or.Description, nr.Description)
				})
		})
}

// ratingText renders a rating as "id (label, N points)".
func ratingText(r *rubric.Rating) string {
	s := r.ID + " ("
	if r.Label != "" {
		s += r.Label + ", "
	}
	return s + itoa(r.Points) + " points)"
}

func (d *differ) categories() {
	id := func(c *ladder.Category) string { return c.ID }
	d.order("categories", "categories", ids(d.old.Categories, id), ids(d.new.Categories, id))
	name := func(c *ladder.Category) string { return c.Name }
	entities(d, "categories", d.old.Categories, d.new.Categories, id, name, func(k string) string { return "category " + k },
		func(p, what string, o, n *ladder.Category) {
			d.field(p+".name", "name of "+what, o.Name, n.Name)
			d.field(p+".description", "description of "+what, o.Description, n.Description)
		})
}

func (d *differ) capabilities() {
	id := func(c *ladder.Capability) string { return c.ID }
	d.order("capabilities", "capabilities", ids(d.old.Capabilities, id), ids(d.new.Capabilities, id))
	name := func(c *ladder.Capability) string { return c.Name }
	entities(d, "capabilities", d.old.Capabilities, d.new.Capabilities, id, name, func(k string) string { return "capability " + k },
		func(p, what string, o, n *ladder.Capability) {
			d.field(p+".name", "name of "+what, o.Name, n.Name)
			d.field(p+".category", "category of "+what, o.Category, n.Category)
			d.field(p+".scale", "scale of "+what, o.Scale, n.Scale)
			d.field(p+".code", "code of "+what, o.Code, n.Code)
			d.field(p+".summary", "summary of "+what, o.Summary, n.Summary)
			rid := func(x *rubric.Descriptor) string { return x.Rating }
			summary := func(x *rubric.Descriptor) string { return x.Summary }
			entities(d, p+".descriptors", o.Descriptors, n.Descriptors, rid, summary,
				func(r string) string { return "descriptor of " + what + " at " + r },
				func(dp, dw string, od, nd *rubric.Descriptor) {
					d.field(dp+".summary", "summary of "+dw, od.Summary, nd.Summary)
					d.field(dp+".signals", "signals of "+dw, strings.Join(od.Signals, "; "), strings.Join(nd.Signals, "; "))
					d.field(dp+".examples", "examples of "+dw, strings.Join(od.Examples, "; "), strings.Join(nd.Examples, "; "))
				})
		})
}

func (d *differ) tracks() {
	id := func(t *ladder.Track) string { return t.ID }
	d.order("tracks", "tracks", ids(d.old.Tracks, id), ids(d.new.Tracks, id))
	name := func(t *ladder.Track) string { return t.Name }
	entities(d, "tracks", d.old.Tracks, d.new.Tracks, id, name, func(k string) string { return "track " + k },
		func(p, what string, o, n *ladder.Track) {
			d.field(p+".name", "name of "+what, o.Name, n.Name)
			d.field(p+".description", "description of "+what, o.Description, n.Description)
			lid := func(v *ladder.Level) string { return v.ID }
			lname := func(v *ladder.Level) string { return v.Name }
			d.order(p+".levels", "levels of "+what, ids(o.Levels, lid), ids(n.Levels, lid))
			entities(d, p+".levels", o.Levels, n.Levels, lid, lname, func(l string) string { return "level " + l + " of " + what },
				func(lp, lwhat string, ov, nv *ladder.Level) { d.level(lp, ov.ID, lwhat, ov, nv) })
		})
}

func toleranceText(t *rubric.Tolerance) string {
	if t == nil {
		return ""
	}
	return fmt.Sprintf("count %d, steps %d", t.Count, t.MaxSteps())
}

func gradeText(g int) string {
	if g == 0 {
		return ""
	}
	return itoa(g)
}

func (d *differ) level(p, l, what string, o, n *ladder.Level) {
	d.field(p+".name", "name of "+what, o.Name, n.Name)
	d.field(p+".grade", "grade of "+what, gradeText(o.Grade), gradeText(n.Grade))
	d.field(p+".summary", "summary of "+what, o.Summary, n.Summary)
	d.field(p+".typical_experience", "typical experience of "+what, o.TypicalExperience, n.TypicalExperience)
	d.field(p+".standalone", "standalone of "+what, boolText(o.Standalone), boolText(n.Standalone))
	d.field(p+".tolerance", "tolerance of "+what, toleranceText(o.Tolerance), toleranceText(n.Tolerance))
	cid := func(e *rubric.Expectation) string { return e.Capability }
	match(o.Expects, n.Expects, cid, func(c string, oe, ne *rubric.Expectation) {
		ep := p + ".expects." + c
		switch {
		case oe == nil:
			d.add(Added, ep, "", ne.Rating, fmt.Sprintf("%s now expects %s at %s", l, c, ne.Rating))
		case ne == nil:
			d.add(Removed, ep, oe.Rating, "", fmt.Sprintf("%s no longer expects %s (was %s)", l, c, oe.Rating))
		case oe.Rating != ne.Rating:
			s := fmt.Sprintf("%s expects %s at %s instead of %s", l, c, ne.Rating, oe.Rating)
			if dir := d.direction(c, oe.Rating, ne.Rating); dir != "" {
				s = fmt.Sprintf("%s expectation of %s %s from %s to %s", l, c, dir, oe.Rating, ne.Rating)
			}
			d.add(Changed, ep, oe.Rating, ne.Rating, s)
		}
	})
	d.gates(p+".requires", what, o.Requires, n.Requires)
}

// direction returns "raised" or "lowered" when both ratings are on the
// scale of capability c in both ladders, else "".
func (d *differ) direction(c, old, new string) string {
	os, ok1 := d.oldScales.of(c)
	ns, ok2 := d.newScales.of(c)
	if !ok1 || !ok2 || os.ID != ns.ID {
		return ""
	}
	switch c, ok := ns.compare(new, old); {
	case !ok || c == 0:
		return ""
	case c > 0:
		return "raised"
	}
	return "lowered"
}

// scales finds the scale of a capability and the rank of a rating as
// Ladder.Capability, Ladder.ScaleOf and Scale.Rank do, through maps built
// on first use: a diff may ask for every expectation of every level.
type scales struct {
	l     *ladder.Ladder
	byCap map[string]*rankedScale
}

type rankedScale struct {
	*rubric.Scale
	ranks map[string]int
}

// of returns the scale capability c is rated on.
func (x *scales) of(c string) (*rankedScale, bool) {
	if x.byCap == nil {
		l := x.l
		x.byCap = make(map[string]*rankedScale, len(l.Capabilities))
		byID := make(map[string]*rankedScale, len(l.Scales))
		for i := range l.Scales {
			if _, dup := byID[l.Scales[i].ID]; !dup {
				byID[l.Scales[i].ID] = &rankedScale{Scale: &l.Scales[i]}
			}
		}
		for i := range l.Capabilities {
			cp := &l.Capabilities[i]
			if _, dup := x.byCap[cp.ID]; dup {
				continue
			}
			var s *rankedScale
			switch {
			case cp.Scale != "":
				s = byID[cp.Scale]
			case len(l.Scales) > 0:
				s = byID[l.Scales[0].ID]
			}
			x.byCap[cp.ID] = s
		}
	}
	s := x.byCap[c]
	return s, s != nil
}

// compare is Scale.Compare by the ranks of a and b.
func (s *rankedScale) compare(a, b string) (int, bool) {
	if s.ranks == nil {
		ids := make([]string, len(s.Ratings))
		for i := range s.Ratings {
			ids[i] = s.Ratings[i].ID
		}
		s.ranks = positions(ids)
	}
	ra, okA := s.ranks[a]
	rb, okB := s.ranks[b]
	if !okA || !okB {
		return 0, false
	}
	return cmp.Compare(ra, rb), true
}

// gateKeys returns the key of each gate: its id, or its text, with "#2",
// "#3", ... appended to repeated keys.
func gateKeys(gs []rubric.Gate) []string {
	keys := make([]string, len(gs))
	seen := map[string]int{}
	for i, g := range gs {
		k := g.ID
		if k == "" {
			k = g.String()
		}
		seen[k]++
		if seen[k] > 1 {
			k += "#" + itoa(seen[k])
		}
		keys[i] = k
	}
	return keys
}

func gateText(g *rubric.Gate) string {
	return g.String()
}

func (d *differ) gates(p, what string, old, new []rubric.Gate) {
	ok, nk := gateKeys(old), gateKeys(new)
	d.orderSep(p, "gates of "+what, "; ", ok, nk)
	inOld, inNew := set(ok), positions(nk)
	var leftOld, leftNew []int
	for i, k := range ok {
		j, found := inNew[k]
		if !found {
			leftOld = append(leftOld, i)
			continue
		}
		gp := p + "[" + k + "]"
		d.field(gp, "gate "+k+" of "+what, gateText(&old[i]), gateText(&new[j]))
		d.field(gp+".description", "description of gate "+k+" of "+what, old[i].Description, new[j].Description)
	}
	for j, k := range nk {
		if !inOld[k] {
			leftNew = append(leftNew, j)
		}
	}
	// Pair the id-less gates left over when exactly one old and one new
	// gate of a kind remain: the same gate with a new text.
	type leftover struct{ old, new, lastNew int }
	kinds := map[string]*leftover{}
	kindOf := func(g *rubric.Gate) *leftover {
		if g.ID != "" || g.Kind() == "" {
			return nil
		}
		k := kinds[g.Kind()]
		if k == nil {
			k = &leftover{}
			kinds[g.Kind()] = k
		}
		return k
	}
	for _, i := range leftOld {
		if k := kindOf(&old[i]); k != nil {
			k.old++
		}
	}
	for _, j := range leftNew {
		if k := kindOf(&new[j]); k != nil {
			k.new++
			k.lastNew = j
		}
	}
	paired := map[int]bool{}
	pairedNew := map[int]bool{}
	for _, i := range leftOld {
		kind := old[i].Kind()
		if _, keyed := inNew[kind]; old[i].ID != "" || kind == "" || keyed || inOld[kind] {
			continue
		}
		k := kinds[kind]
		if k.old != 1 || k.new != 1 {
			continue
		}
		j := k.lastNew
		paired[i], pairedNew[j] = true, true
		gp := p + "[" + kind + "]"
		d.field(gp, kind+" gate of "+what, gateText(&old[i]), gateText(&new[j]))
		d.field(gp+".description", "description of the "+kind+" gate of "+what, old[i].Description, new[j].Description)
	}
	for _, i := range leftOld {
		if !paired[i] {
			d.add(Removed, p+"["+ok[i]+"]", gateText(&old[i]), "", "gate "+ok[i]+" of "+what+" removed")
		}
	}
	for _, j := range leftNew {
		if !pairedNew[j] {
			d.add(Added, p+"["+nk[j]+"]", "", gateText(&new[j]), "gate "+nk[j]+" of "+what+" added")
		}
	}
}

func (d *differ) rules() {
	o, n := &d.old.Rules, &d.new.Rules
	wid := func(w *rubric.Weight) string { return w.Capability }
	match(o.Weights, n.Weights, wid, func(c string, ow, nw *rubric.Weight) {
		p := "rules.weights[" + c + "]"
		switch {
		case ow == nil:
			d.add(Added, p, "", ftoa(nw.Factor), "weight of "+c+" set to "+ftoa(nw.Factor))
		case nw == nil:
			d.add(Removed, p, ftoa(ow.Factor), "", "weight of "+c+" removed (was "+ftoa(ow.Factor)+")")
		case ow.Factor != nw.Factor:
			d.add(Changed, p, ftoa(ow.Factor), ftoa(nw.Factor), "weight of "+c+" changed from "+ftoa(ow.Factor)+" to "+ftoa(nw.Factor))
		}
	})
	tid := func(t *rubric.Threshold) string { return t.ID }
	d.order("rules.thresholds", "thresholds", ids(o.Thresholds, tid), ids(n.Thresholds, tid))
	match(o.Thresholds, n.Thresholds, tid, func(k string, ot, nt *rubric.Threshold) {
		p := "rules.thresholds[" + k + "]"
		switch {
		case ot == nil:
			d.add(Added, p, "", itoa(nt.MinPoints), "threshold "+k+" added at "+itoa(nt.MinPoints)+" points")
		case nt == nil:
			d.add(Removed, p, itoa(ot.MinPoints), "", "threshold "+k+" removed (was at "+itoa(ot.MinPoints)+" points)")
		default:
			d.field(p+".name", "name of threshold "+k, ot.Name, nt.Name)
			if ot.MinPoints != nt.MinPoints {
				d.add(Changed, p+".min_points", itoa(ot.MinPoints), itoa(nt.MinPoints),
					fmt.Sprintf("threshold %s moved from %d to %d points", k, ot.MinPoints, nt.MinPoints))
			}
		}
	})
	d.policy(o.Evidence, n.Evidence)
}

func (d *differ) policy(o, n *rubric.EvidencePolicy) {
	const p = "rules.evidence"
	switch {
	case o == nil && n == nil:
		return
	case o == nil:
		d.add(Added, p, "", "policy", "evidence policy added")
		o = &rubric.EvidencePolicy{}
	case n == nil:
		d.add(Removed, p, "policy", "", "evidence policy removed")
		n = &rubric.EvidencePolicy{}
	}
	period := func(x rubric.Period) string {
		if x.IsZero() {
			return ""
		}
		return x.String()
	}
	count := func(x int) string {
		if x == 0 {
			return ""
		}
		return itoa(x)
	}
	d.field(p+".window", "evidence window", period(o.Window), period(n.Window))
	d.field(p+".half_life", "evidence half-life", period(o.HalfLife), period(n.HalfLife))
	d.field(p+".min_items", "evidence min_items", count(o.MinItems), count(n.MinItems))
	weight := func(w float64) string {
		if w == 0 {
			return ""
		}
		return strconv.FormatFloat(w, 'f', -1, 64)
	}
	d.field(p+".min_weight", "evidence min_weight", weight(o.MinWeight), weight(n.MinWeight))
	d.field(p+".min_sources", "evidence min_sources", count(o.MinSources), count(n.MinSources))
	d.field(p+".aggregate", "evidence aggregation", string(o.Aggregate), string(n.Aggregate))
	sid := func(s *rubric.SourceWeight) string { return s.Source }
	match(o.Sources, n.Sources, sid, func(k string, os, ns *rubric.SourceWeight) {
		sp := p + ".sources[" + k + "]"
		switch {
		case os == nil:
			d.add(Added, sp, "", ftoa(ns.Weight), "evidence source "+k+" accepted with weight "+ftoa(ns.Weight))
		case ns == nil:
			d.add(Removed, sp, ftoa(os.Weight), "", "evidence source "+k+" no longer listed (was weight "+ftoa(os.Weight)+")")
		case os.Weight != ns.Weight:
			d.add(Changed, sp, ftoa(os.Weight), ftoa(ns.Weight), "weight of evidence source "+k+" changed from "+ftoa(os.Weight)+" to "+ftoa(ns.Weight))
		}
	})
}

func (d *differ) titles() {
	id := func(t *rubric.Title) string { return t.ID }
	d.order("titles", "titles", ids(d.old.Titles, id), ids(d.new.Titles, id))
	maxText := func(m *int) string {
		if m == nil {
			return ""
		}
		return itoa(*m)
	}
	name := func(t *rubric.Title) string { return t.Name }
	entities(d, "titles", d.old.Titles, d.new.Titles, id, name, func(k string) string { return "title " + k },
		func(p, what string, o, n *rubric.Title) {
			d.field(p+".name", "name of "+what, o.Name, n.Name)
			d.field(p+".track", "track of "+what, o.Track, n.Track)
			d.field(p+".min_points", "min_points of "+what, itoa(o.MinPoints), itoa(n.MinPoints))
			d.field(p+".max_points", "max_points of "+what, maxText(o.MaxPoints), maxText(n.MaxPoints))
		})
}
