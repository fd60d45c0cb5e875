package ladder

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/rubric"
)

// Validate checks the meaning of l and returns every problem found, errors
// and warnings, sorted. It does not change l. For a ladder read by Parse,
// Load or LoadFile the result holds only warnings (errors would have failed
// the load) and every diagnostic has a position in the file; for a ladder
// built in Go code positions are unknown and paths say where problems are.
//
// Validate checks what the JSON Schema states (required fields, id syntax,
// minimums), ids unique where they must be, every reference resolving,
// points that rise with ratings, grades that rise along tracks, thresholds
// that rise strictly, titles that neither overlap nor leave gaps within a
// family, and levels that some input can reach; it warns about points that a
// ceiling silently discards, expectations that fall as levels rise, and
// categories and scales that nothing uses.
func (l *Ladder) Validate() Diagnostics {
	if l == nil {
		return Diagnostics{{Code: CodeEmpty, Summary: "ladder is nil"}}
	}
	var lim Limits
	if l.src != nil {
		lim = l.src.limits
	}
	issues := append(yamldoc.Check(l, lim.internal()), l.checks(lim)...)
	if len(issues) == 0 {
		return nil
	}
	name := ""
	if l.src != nil {
		// Positions come from parsing the source again, which is cheaper
		// than keeping its node tree for the life of the ladder.
		name = l.src.name
		doc, _ := yamldoc.Parse(l.src.src, lim.internal())
		doc.LocateAll(issues)
	}
	return fromIssues(name, yamldoc.Finish(issues, lim.internal()))
}

// checks runs the rules across fields and returns their issues, unlocated.
func (l *Ladder) checks(lim Limits) []yamldoc.Issue {
	c := &checker{l: l, r: yamldoc.NewReporter(lim.internal())}
	c.run()
	return c.r.Issues()
}

type checker struct {
	l *Ladder
	r *yamldoc.Reporter

	categories map[string]int
	caps       map[string]int
	scales     map[string]int
	tracks     map[string]int
	maxPoints  float64
	catPoints  map[string]float64
}

var root *yamldoc.Path

func (c *checker) add(code Code, p *yamldoc.Path, key bool, format string, args ...any) *yamldoc.Issue {
	if c.r.Full() {
		c.r.Drop()
		return &yamldoc.Issue{}
	}
	return c.r.Add(yamldoc.Issue{Code: string(code), Path: p.String(), At: p, Key: key, Summary: fmt.Sprintf(format, args...)})
}

// index records unique ids of a list and reports duplicates. The path of
// element i's id is at(i).
func (c *checker) index(what string, n int, id func(int) string, at func(int) *yamldoc.Path) map[string]int {
	m := make(map[string]int, n)
	for i := 0; i < n; i++ {
		s := id(i)
		if s == "" {
			continue
		}
		if first, dup := m[s]; dup {
			c.add(CodeDuplicateID, at(i), false, "%s id %q is used twice", what, s).Detail =
				fmt.Sprintf("first used at %s", at(first))
			continue
		}
		m[s] = i
	}
	return m
}

// ref reports a reference to an id that is not in ids.
func (c *checker) ref(what, id string, ids map[string]int, p *yamldoc.Path, key bool) bool {
	if id == "" || (key && rubric.CheckID(id) != nil) {
		return false // a key that is no id at all is reported as bad-id
	}
	if _, ok := ids[id]; ok {
		return true
	}
	names := make([]string, 0, len(ids))
	for k := range ids {
		names = append(names, k)
	}
	slices.Sort(names)
	c.unknown(what, id, "", names, p, key)
	return false
}

// unknown reports a dangling reference to id; where, when set, says where
// the name was looked up ("of scale proficiency").
func (c *checker) unknown(what, id, where string, names []string, p *yamldoc.Path, key bool) {
	is := c.add(CodeUnknownRef, p, key, "unknown %s %q", what, id)
	if where != "" {
		is.Summary += " " + where
	}
	is.Suggestion = yamldoc.Suggest(id, names)
	// The detail lists the names as they are, so only those that are ids:
	// a name that is not has a bad-id problem of its own.
	known := make([]string, 0, len(names))
	for _, n := range names {
		if rubric.CheckID(n) == nil {
			known = append(known, n)
		}
	}
	if len(known) > 0 && len(known) <= 20 {
		is.Detail = "known: " + strings.Join(known, ", ")
	}
}

func (c *checker) run() {
	l := c.l
	c.scales = c.index("scale", len(l.Scales), func(i int) string { return l.Scales[i].ID },
		func(i int) *yamldoc.Path { return root.Key("scales").Index(i).Key("id") })
	c.categories = c.index("category", len(l.Categories), func(i int) string { return l.Categories[i].ID },
		func(i int) *yamldoc.Path { return root.Key("categories").Index(i).Key("id") })
	c.caps = c.index("capability", len(l.Capabilities), func(i int) string { return l.Capabilities[i].ID },
		func(i int) *yamldoc.Path { return root.Key("capabilities").Index(i).Key("id") })
	c.tracks = c.index("track", len(l.Tracks), func(i int) string { return l.Tracks[i].ID },
		func(i int) *yamldoc.Path { return root.Key("tracks").Index(i).Key("id") })
	if l.Updated != "" {
		if _, err := time.Parse(time.DateOnly, l.Updated); err != nil {
			c.add(CodeBadValue, root.Key("updated"), false, "updated %q is not a day written as YYYY-MM-DD", l.Updated)
		}
	}
	if len(l.Tracks) == 0 && len(l.Rules.Thresholds) == 0 {
		c.add(CodeMissingField, root.Key("tracks"), true, "missing field %q", "tracks").Detail =
			"a ladder needs tracks of levels, rules.thresholds, or both"
	}
	c.checkScales()
	c.checkCapabilities()
	c.checkRules()
	c.checkTracks()
	c.checkTitles()
	c.checkUnused()
	if l.Target != "" && strings.Count(l.Target, "/") <= 1 && rubric.CheckID(strings.ReplaceAll(l.Target, "/", "-")) == nil {
		// A target that is not an id pair is reported as bad-id.
		if _, _, is := l.findLevel(l.Target, root.Key("target")); is != nil {
			if c.r.Full() {
				c.r.Drop()
			} else {
				c.r.Add(*is)
			}
		}
	}
}

func (c *checker) checkScales() {
	for i := range c.l.Scales {
		s := &c.l.Scales[i]
		p := root.Key("scales").Index(i)
		c.index("rating", len(s.Ratings), func(j int) string { return s.Ratings[j].ID },
			func(j int) *yamldoc.Path { return p.Key("ratings").Index(j).Key("id") })
		for j := 1; j < len(s.Ratings); j++ {
			if s.Ratings[j].Points < s.Ratings[j-1].Points {
				c.add(CodePointsOrder, p.Key("ratings").Index(j).Key("points"), false,
					"rating %q is worth %s, fewer than %q below it (%d)",
					s.Ratings[j].ID, points(s.Ratings[j].Points), s.Ratings[j-1].ID, s.Ratings[j-1].Points)
			}
		}
		if n := len(s.Ratings); n >= 2 && s.MaxPoints() > 0 && s.Ratings[n-1].Points == s.Ratings[n-2].Points {
			c.add(CodeCeiling, p.Key("ratings").Index(n-1).Key("points"), false,
				"top rating %q earns no more points than %q below it", s.Ratings[n-1].ID, s.Ratings[n-2].ID).Detail =
				"reaching the top of the scale adds nothing to points totals"
		}
	}
}

// scaleOf returns the scale of capability id, or nil when either is unknown.
func (c *checker) scaleOf(id string) *rubric.Scale {
	i, ok := c.caps[id]
	if !ok {
		return nil
	}
	s, ok := c.l.ScaleOf(&c.l.Capabilities[i])
	if !ok {
		return nil
	}
	return s
}

// rating checks that rating is on the scale of capability capID; n/a is
// accepted where allowNA is set.
func (c *checker) rating(capID, rating string, allowNA bool, p *yamldoc.Path, key bool) {
	if rating == "" || (allowNA && rating == rubric.NotApplicable) || (key && rubric.CheckID(rating) != nil) {
		return
	}
	s := c.scaleOf(capID)
	if s == nil || s.Has(rating) {
		return
	}
	names := s.IDs()
	if allowNA {
		names = append(names, rubric.NotApplicable)
	}
	c.unknown("rating", rating, fmt.Sprintf("on scale %q", s.ID), names, p, key)
}

func (c *checker) checkCapabilities() {
	l := c.l
	c.catPoints = map[string]float64{}
	for i := range l.Capabilities {
		cp := &l.Capabilities[i]
		p := root.Key("capabilities").Index(i)
		c.ref("category", cp.Category, c.categories, p.Key("category"), false)
		c.ref("scale", cp.Scale, c.scales, p.Key("scale"), false)
		for _, d := range cp.Descriptors {
			c.rating(cp.ID, d.Rating, false, p.Key("descriptors").Key(d.Rating), true)
		}
		if s, ok := l.ScaleOf(cp); ok {
			pts := l.Weight(cp.ID) * float64(s.MaxPoints())
			c.maxPoints += pts
			c.catPoints[cp.Category] += pts
		}
	}
}

func (c *checker) checkRules() {
	l := c.l
	p := root.Key("rules")
	seen := map[string]bool{}
	for _, w := range l.Rules.Weights {
		if c.ref("capability", w.Capability, c.caps, p.Key("weights").Key(w.Capability), true) && seen[w.Capability] {
			c.add(CodeDuplicateID, p.Key("weights").Key(w.Capability), true, "capability %q is weighted twice", w.Capability)
		}
		seen[w.Capability] = true
	}
	ts := l.Rules.Thresholds
	tp := p.Key("thresholds")
	c.index("threshold", len(ts), func(i int) string { return ts[i].ID },
		func(i int) *yamldoc.Path { return tp.Index(i).Key("id") })
	for i, t := range ts {
		if i > 0 && t.MinPoints <= ts[i-1].MinPoints {
			c.add(CodeThresholdOrder, tp.Index(i).Key("min_points"), false,
				"threshold %q starts at %s, not above %q (%d)", t.ID, points(t.MinPoints), ts[i-1].ID, ts[i-1].MinPoints)
		}
		if float64(t.MinPoints) > c.maxPoints {
			c.add(CodeUnreachableLevel, tp.Index(i).Key("min_points"), false,
				"threshold %q needs %s but at most %s can be earned", t.ID, points(t.MinPoints), num(c.maxPoints))
		}
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// points writes n points, as "1 point" or "3 points".
func points(n int) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " point"
	}
	return strconv.Itoa(n) + " points"
}

// span writes an inclusive range of points, as "58 points" or "58 to 89
// points".
func span(from, to int) string {
	if from == to {
		return points(from)
	}
	return fmt.Sprintf("%d to %s", from, points(to))
}

func (c *checker) checkTracks() {
	l := c.l
	for ti := range l.Tracks {
		t := &l.Tracks[ti]
		tp := root.Key("tracks").Index(ti)
		c.index("level", len(t.Levels), func(i int) string { return t.Levels[i].ID },
			func(i int) *yamldoc.Path { return tp.Key("levels").Index(i).Key("id") })
		prevUnreachable := ""
		lastGrade, lastGraded := 0, -1
		for li := range t.Levels {
			v := &t.Levels[li]
			lp := tp.Key("levels").Index(li)
			if v.Grade > 0 {
				if lastGraded >= 0 && v.Grade <= lastGrade {
					c.add(CodeLevelOrder, lp.Key("grade"), false, "level %q has grade %d, not above %q (grade %d)",
						v.ID, v.Grade, t.Levels[lastGraded].ID, lastGrade)
				}
				lastGrade, lastGraded = v.Grade, li
			}
			c.expects(t, li, lp)
			reason := c.gates(v, lp)
			if reason == "" && !v.Standalone && prevUnreachable != "" {
				reason = fmt.Sprintf("level %q below it cannot be reached", prevUnreachable)
			}
			if reason != "" {
				c.add(CodeUnreachableLevel, lp.Key("id"), false, "level %q cannot be reached", v.ID).Detail = reason
				prevUnreachable = v.ID
			} else {
				prevUnreachable = ""
			}
		}
	}
}

// expects checks the expectations of level li of t.
func (c *checker) expects(t *Track, li int, lp *yamldoc.Path) {
	v := &t.Levels[li]
	seen := map[string]bool{}
	// The level below's expectations by capability, for falling ones.
	var below map[string]string
	if li > 0 && !v.Standalone {
		below = make(map[string]string, len(t.Levels[li-1].Expects))
		for _, e := range t.Levels[li-1].Expects {
			if _, dup := below[e.Capability]; !dup {
				below[e.Capability] = e.Rating
			}
		}
	}
	for _, e := range v.Expects {
		ep := lp.Key("expects").Key(e.Capability)
		if !c.ref("capability", e.Capability, c.caps, ep, true) {
			continue
		}
		if seen[e.Capability] {
			c.add(CodeDuplicateID, ep, true, "capability %q is expected twice", e.Capability)
		}
		seen[e.Capability] = true
		c.rating(e.Capability, e.Rating, true, ep, false)
		if li == 0 || v.Standalone || e.Rating == rubric.NotApplicable {
			continue
		}
		prev, ok := below[e.Capability]
		if !ok || prev == rubric.NotApplicable {
			continue
		}
		if s := c.scaleOf(e.Capability); s != nil {
			if r, ok := s.Compare(e.Rating, prev); ok && r < 0 {
				c.add(CodeExpectationFalls, ep, false, "level %q expects %q at %q, less than %q below it expects (%q)",
					v.ID, e.Capability, e.Rating, t.Levels[li-1].ID, prev)
			}
		}
	}
}

// gates checks the gates of level v and returns why the level cannot be
// reached, or "".
func (c *checker) gates(v *Level, lp *yamldoc.Path) (unreachable string) {
	for gi, g := range v.Requires {
		gp := lp.Key("requires").Index(gi)
		switch g.Kind() {
		case "":
			c.add(CodeGateKind, gp, false, "a gate needs exactly one of points, category_floor, evidence or n_of_m").Detail =
				"split a gate with several kinds into one gate each"
		case "points":
			max := 0.0
			if len(g.Points.Categories) == 0 {
				max = c.maxPoints
			}
			for k, cat := range g.Points.Categories {
				c.ref("category", cat, c.categories, gp.Key("points").Key("categories").Index(k), false)
				max += c.catPoints[cat]
			}
			if float64(g.Points.Min) > max {
				unreachable = fmt.Sprintf("it needs %d points but at most %s can be earned", g.Points.Min, num(max))
				c.add(CodeUnreachableLevel, gp.Key("points").Key("min"), false, "gate needs %d points but at most %s can be earned", g.Points.Min, num(max))
			}
		case "category_floor":
			f := g.CategoryFloor
			if c.ref("category", f.Category, c.categories, gp.Key("category_floor").Key("category"), false) &&
				float64(f.Min) > c.catPoints[f.Category] {
				unreachable = fmt.Sprintf("it needs %d points in %q but at most %s can be earned there", f.Min, f.Category, num(c.catPoints[f.Category]))
				c.add(CodeUnreachableLevel, gp.Key("category_floor").Key("min"), false, "gate needs %d points in %q but at most %s can be earned there",
					f.Min, f.Category, num(c.catPoints[f.Category]))
			}
		case "evidence":
			e := g.Evidence
			ep := gp.Key("evidence")
			if c.ref("capability", e.Capability, c.caps, ep.Key("capability"), false) {
				c.rating(e.Capability, e.MinRating, false, ep.Key("min_rating"), false)
			}
			if pol := c.l.Rules.Evidence; pol != nil && len(pol.Sources) > 0 {
				known := map[string]int{}
				for i, s := range pol.Sources {
					known[s.Source] = i
				}
				for k, s := range e.Sources {
					c.ref("evidence source", s, known, ep.Key("sources").Index(k), false)
				}
			}
		case "n_of_m":
			m := g.NOfM
			np := gp.Key("n_of_m")
			seen := map[string]bool{}
			for k, id := range m.Capabilities {
				if !c.ref("capability", id, c.caps, np.Key("capabilities").Index(k), false) {
					continue
				}
				if seen[id] {
					c.add(CodeDuplicateID, np.Key("capabilities").Index(k), false, "capability %q is listed twice", id)
				}
				seen[id] = true
				if s := c.scaleOf(id); s != nil && m.MinRating != "" && !s.Has(m.MinRating) {
					c.unknown("rating", m.MinRating, fmt.Sprintf("on scale %q of capability %q", s.ID, id), s.IDs(), np.Key("min_rating"), false)
				}
			}
			if m.N > len(m.Capabilities) && len(m.Capabilities) > 0 {
				unreachable = fmt.Sprintf("it needs %d of only %d capabilities", m.N, len(m.Capabilities))
				c.add(CodeUnreachableLevel, np.Key("n"), false, "gate needs %d of only %d capabilities", m.N, len(m.Capabilities))
			}
		}
	}
	return unreachable
}

func (c *checker) checkTitles() {
	l := c.l
	tp := root.Key("titles")
	c.index("title", len(l.Titles), func(i int) string { return l.Titles[i].ID },
		func(i int) *yamldoc.Path { return tp.Index(i).Key("id") })
	families := map[string][]int{}
	var order []string
	for i, t := range l.Titles {
		c.ref("track", t.Track, c.tracks, tp.Index(i).Key("track"), false)
		if t.MaxPoints != nil && *t.MaxPoints < t.MinPoints {
			c.add(CodeBadValue, tp.Index(i).Key("max_points"), false, "title %q ends at %s, below its start at %d",
				t.ID, points(*t.MaxPoints), t.MinPoints)
			continue
		}
		if float64(t.MinPoints) > c.maxPoints {
			c.add(CodeUnreachableLevel, tp.Index(i).Key("min_points"), false,
				"title %q needs %s but at most %s can be earned", t.ID, points(t.MinPoints), num(c.maxPoints))
		}
		if _, ok := families[t.Track]; !ok {
			order = append(order, t.Track)
		}
		families[t.Track] = append(families[t.Track], i)
	}
	for _, fam := range order {
		idx := families[fam]
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(l.Titles[a].MinPoints, l.Titles[b].MinPoints) })
		family := "titles"
		if fam != "" {
			family = fmt.Sprintf("titles of track %q", fam)
		}
		for k := 1; k < len(idx); k++ {
			a, b := l.Titles[idx[k-1]], l.Titles[idx[k]]
			at := tp.Index(idx[k]).Key("min_points")
			switch {
			case a.MaxPoints == nil:
				c.add(CodeTitleOverlap, at, false, "title %q overlaps %q, which has no upper bound", b.ID, a.ID).Detail =
					"give both the same track only if one person cannot hold both; otherwise give them different tracks"
			case b.MinPoints <= *a.MaxPoints:
				c.add(CodeTitleOverlap, at, false, "title %q starts at %s, inside %q (%s)", b.ID, points(b.MinPoints), a.ID, span(a.MinPoints, *a.MaxPoints)).Detail =
					"titles of one track must not share points; paired titles belong to different tracks"
			case b.MinPoints > *a.MaxPoints+1:
				c.add(CodeTitleGap, at, false, "no title among the %s covers %s", family, span(*a.MaxPoints+1, b.MinPoints-1))
			}
		}
		last := l.Titles[idx[len(idx)-1]]
		if last.MaxPoints != nil && float64(*last.MaxPoints) < c.maxPoints {
			c.add(CodeCeiling, tp.Index(idx[len(idx)-1]).Key("max_points"), false,
				"totals above %s earn no title among the %s, though %s can be earned", points(*last.MaxPoints), family, num(c.maxPoints)).Detail =
				"drop max_points from the top title to let it cover every higher total"
		}
	}
}

func (c *checker) checkUnused() {
	l := c.l
	if len(l.Capabilities) == 0 {
		return // already an error; everything would look unused
	}
	usedCat := map[string]bool{}
	usedScale := map[string]bool{}
	for _, cp := range l.Capabilities {
		usedCat[cp.Category] = true
		if s, ok := l.ScaleOf(&cp); ok {
			usedScale[s.ID] = true
		}
	}
	for i, cat := range l.Categories {
		if cat.ID != "" && !usedCat[cat.ID] {
			c.add(CodeUnused, root.Key("categories").Index(i).Key("id"), false, "no capability is in category %q", cat.ID)
		}
	}
	for i, s := range l.Scales {
		if s.ID != "" && !usedScale[s.ID] {
			c.add(CodeUnused, root.Key("scales").Index(i).Key("id"), false, "no capability is rated on scale %q", s.ID)
		}
	}
}
