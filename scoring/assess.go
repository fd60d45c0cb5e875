package scoring

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/careerladder/careerladder/rubric"
)

// noOpinion marks a perspective that does not rate a capability; rank -1
// means unrated.
const noOpinion = -2

// item is an evidence item as classified for one assessment.
type item struct {
	in     *Evidence
	cap    int // capability index, -1 when unknown
	rank   int
	date   Date
	weight float64 // effective weight; 0 when not usable
	usable bool    // known, not a duplicate, not future, source accepted, weight > 0
	trace  ItemTrace
}

// evaluation is the state of one assessment, shared by Assess and Gap.
type evaluation struct {
	s     *Scorer
	day   Date
	worst []int // rank per capability, -1 unrated
	best  []int
	items []item // canonical order
	byCap [][]int
	res   Result
}

// Assess assesses one person as of asOf, whose calendar day (in asOf's
// location) is the assessment day: evidence dated after it is excluded,
// windows and decay are measured back from it. Assess reads nothing but its
// arguments and the Scorer: the same input gives the same Result, whatever
// the order of ratings and evidence in it.
//
// A nil Scorer, or one not made by Compile, assesses nothing: it returns
// the zero Result.
func (s *Scorer) Assess(in Input, asOf time.Time) Result {
	if s == nil || s.l == nil {
		return Result{}
	}
	e := s.evaluate(in, asOf)
	for t := range s.tracks {
		e.track(t)
	}
	return e.res
}

func (s *Scorer) evaluate(in Input, asOf time.Time) *evaluation {
	e := &evaluation{s: s, day: DateOf(asOf)}
	e.res = Result{Ladder: s.l.ID, Person: in.Person, AsOf: e.day,
		Perspectives: []string{}, Ratings: []RatingTrace{}, Evidence: []ItemTrace{}, Tracks: []TrackResult{}}
	views := e.directRatings(in.Ratings)
	if len(in.Evidence) > 0 {
		views = append(views, perspective{name: EvidencePerspective, ranks: e.evidence(in.Evidence)})
	}
	for _, v := range views {
		e.res.Perspectives = append(e.res.Perspectives, v.name)
	}
	e.combine(views)
	e.points()
	return e
}

// perspective is one assessor's (or the evidence's) rank per capability.
type perspective struct {
	name  string
	ranks []int
}

func (e *evaluation) directRatings(as []Assessment) []perspective {
	s := e.s
	type given struct {
		assessor string
		r        CapabilityRating
	}
	var all []given
	for _, a := range as {
		for _, r := range a.Ratings {
			all = append(all, given{a.Assessor, r})
		}
	}
	// Canonical order, so that the first of two conflicting ratings is
	// the same whatever the input order.
	capOrder := func(id string) int {
		if k, ok := s.capIndex[id]; ok {
			return k
		}
		return len(s.caps)
	}
	slices.SortStableFunc(all, func(a, b given) int {
		return cmp.Or(strings.Compare(a.assessor, b.assessor), cmp.Compare(capOrder(a.r.Capability), capOrder(b.r.Capability)),
			strings.Compare(a.r.Capability, b.r.Capability), strings.Compare(a.r.Rating, b.r.Rating))
	})
	var views []perspective
	for i, g := range all {
		if i == 0 || g.assessor != all[i-1].assessor {
			ranks := make([]int, len(s.caps))
			for k := range ranks {
				ranks[k] = noOpinion
			}
			views = append(views, perspective{name: g.assessor, ranks: ranks})
		}
		v := &views[len(views)-1]
		t := RatingTrace{Assessor: g.assessor, Capability: g.r.Capability, Rating: g.r.Rating, Status: Excluded}
		k, known := s.capIndex[g.r.Capability]
		switch {
		case g.assessor == EvidencePerspective:
			t.Reason = ReasonReservedAssessor
		case !known:
			t.Reason = ReasonUnknownCapability
		case v.ranks[k] != noOpinion || (i > 0 && all[i-1].assessor == g.assessor && all[i-1].r.Capability == g.r.Capability):
			t.Reason = ReasonDuplicate
		case g.r.Rating == rubric.NotApplicable:
			t.Reason = ReasonNotApplicable
		case s.caps[k].rank(g.r.Rating) < 0:
			t.Reason = ReasonUnknownRating
		default:
			t.Status = Counted
			v.ranks[k] = s.caps[k].rank(g.r.Rating)
		}
		e.res.Ratings = append(e.res.Ratings, t)
	}
	// The reserved name rates nothing; drop its empty perspective.
	return slices.DeleteFunc(views, func(v perspective) bool { return v.name == EvidencePerspective })
}

// evidence classifies the items and derives a rank per capability under
// the evidence policy.
func (e *evaluation) evidence(in []Evidence) []int {
	s, p := e.s, &e.s.policy
	e.items = make([]item, len(in))
	for i := range in {
		e.items[i] = item{in: &in[i], cap: -1, rank: -1}
	}
	// Canonical order: by id and then content, so that which of two items
	// with one id counts does not depend on input order.
	slices.SortStableFunc(e.items, func(a, b item) int { return compareEvidence(a.in, b.in) })
	windowStart := Date{}
	if !p.window.IsZero() {
		windowStart = DateOf(p.window.Start(e.day.Time()))
	}
	for i := range e.items {
		it := &e.items[i]
		ev := it.in
		it.date = ev.Date
		it.trace = ItemTrace{ID: ev.ID, Capability: ev.Capability, Rating: ev.Rating, Date: ev.Date, Source: ev.Source, Status: Excluded}
		k, known := s.capIndex[ev.Capability]
		if known {
			it.cap = k
			it.rank = s.caps[k].rank(ev.Rating)
		}
		sw, accepted := p.sourceWeight(ev.Source)
		w := ev.Weight
		if w == 0 {
			w = 1
		}
		switch {
		case !known:
			it.trace.Reason = ReasonUnknownCapability
		case it.rank < 0:
			it.trace.Reason = ReasonUnknownRating
		case ev.ID != "" && i > 0 && e.items[i-1].in.ID == ev.ID:
			it.trace.Reason = ReasonDuplicate
		case ev.Date.Compare(e.day) > 0:
			it.trace.Reason = ReasonFuture
		case !accepted:
			it.trace.Reason = ReasonSourceNotAccepted
		case sw*w <= 0 || math.IsNaN(w):
			it.trace.Reason = ReasonZeroWeight
		default:
			it.usable = true
			it.weight = sw * w
			if p.halfLife > 0 {
				age := e.day.Time().Sub(ev.Date.Time()).Hours() / 24
				it.weight *= math.Exp2(-age / p.halfLife)
			}
			if ev.Date.Compare(windowStart) < 0 {
				it.trace.Reason = ReasonTooOld // still counts for gates with longer windows
			}
		}
	}
	e.byCap = make([][]int, len(s.caps))
	for i := range e.items {
		if e.items[i].cap >= 0 {
			e.byCap[e.items[i].cap] = append(e.byCap[e.items[i].cap], i)
		}
	}
	ranks := make([]int, len(s.caps))
	for k := range s.caps {
		ranks[k] = e.aggregate(k)
	}
	// Output order: ladder order of capabilities, newest first.
	order := make([]int, len(e.items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := &e.items[a], &e.items[b]
		xc, yc := x.cap, y.cap
		if xc < 0 {
			xc = len(s.caps)
		}
		if yc < 0 {
			yc = len(s.caps)
		}
		return cmp.Or(cmp.Compare(xc, yc), y.date.Compare(x.date), compareEvidence(x.in, y.in))
	})
	for _, i := range order {
		e.res.Evidence = append(e.res.Evidence, e.items[i].trace)
	}
	return ranks
}

// compareEvidence orders items by id and then by every other field.
func compareEvidence(a, b *Evidence) int {
	return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Capability, b.Capability),
		strings.Compare(a.Rating, b.Rating), a.Date.Compare(b.Date), strings.Compare(a.Source, b.Source),
		cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Summary, b.Summary),
		slices.Compare(a.Tags, b.Tags), slices.Compare(a.Links, b.Links))
}

// counts reports whether item i takes part in the capability rating: usable
// and inside the policy's window.
func (it *item) counts() bool { return it.usable && it.trace.Reason == "" }

// aggregate derives the rank of capability k from its items, marks their
// traces, and returns the rank, -1 when the evidence demonstrates none.
func (e *evaluation) aggregate(k int) int {
	p := &e.s.policy
	c := &e.s.caps[k]
	var idx []int
	for _, i := range e.byCap[k] {
		if e.items[i].counts() {
			idx = append(idx, i)
		}
	}
	// support returns the weight, count and distinct sources of the
	// counting items at rank r or above.
	support := func(r int) (w float64, n, sources int) {
		var seen []string
		for _, i := range idx {
			if it := &e.items[i]; it.rank >= r {
				w += it.weight
				n++
				if !slices.Contains(seen, it.in.Source) {
					seen = append(seen, it.in.Source)
				}
			}
		}
		return w, n, len(seen)
	}
	enough := func(w float64, sources int) bool { return w >= p.minItems-1e-9 && sources >= p.minSources }
	rank := -1
	switch p.aggregate {
	case rubric.AggregateMedian, rubric.AggregateLatest:
		if w, _, src := support(0); len(idx) > 0 && enough(w, src) {
			if p.aggregate == rubric.AggregateMedian {
				rank = e.median(idx, w)
			} else {
				rank = e.latest(idx)
			}
		}
	default:
		for r := len(c.ratings) - 1; r >= 0; r-- {
			if w, _, src := support(r); enough(w, src) {
				rank = r
				break
			}
		}
	}
	sum := &EvidenceSummary{Rating: c.label(rank), Given: len(e.byCap[k])}
	for _, i := range idx {
		it := &e.items[i]
		it.trace.Weight = round(it.weight)
		switch {
		case rank < 0:
			it.trace.Reason = ReasonNotEnough
		case p.aggregate == rubric.AggregateHighest && it.rank < rank:
			it.trace.Reason = ReasonBelowRating
		default:
			it.trace.Status = Counted
		}
	}
	if rank >= 0 {
		r := rank
		if p.aggregate != rubric.AggregateHighest {
			r = 0
		}
		w, n, src := support(r)
		sum.Weight, sum.Counted, sum.Sources = round(w), n, src
	}
	e.res.Capabilities = append(e.res.Capabilities, CapabilityResult{Evidence: sum})
	return rank
}

// median returns the weighted median rank of the items: the lowest rank at
// which the items at or below it weigh at least half of total.
func (e *evaluation) median(idx []int, total float64) int {
	sorted := slices.Clone(idx)
	slices.SortStableFunc(sorted, func(a, b int) int { return cmp.Compare(e.items[a].rank, e.items[b].rank) })
	acc := 0.0
	for _, i := range sorted {
		acc += e.items[i].weight
		if acc >= total/2-1e-9 {
			return e.items[i].rank
		}
	}
	return e.items[sorted[len(sorted)-1]].rank
}

// latest returns the rank of the newest item; of items on the same day the
// highest rank.
func (e *evaluation) latest(idx []int) int {
	best := idx[0]
	for _, i := range idx[1:] {
		a, b := &e.items[i], &e.items[best]
		if c := a.date.Compare(b.date); c > 0 || (c == 0 && a.rank > b.rank) {
			best = i
		}
	}
	return e.items[best].rank
}

// round keeps results readable and stable in JSON: weights to 1e-6.
func round(f float64) float64 { return math.Round(f*1e6) / 1e6 }

// combine sets the worst and best rank of each capability over the
// perspectives and fills Result.Capabilities.
func (e *evaluation) combine(views []perspective) {
	s := e.s
	caps := make([]CapabilityResult, len(s.caps))
	if len(e.res.Capabilities) == len(s.caps) { // evidence summaries, set by aggregate
		copy(caps, e.res.Capabilities)
	}
	e.worst, e.best = make([]int, len(s.caps)), make([]int, len(s.caps))
	for k := range s.caps {
		c := &s.caps[k]
		cr := &caps[k]
		cr.ID, cr.Name, cr.Views = c.id, c.name, []View{}
		// lo and hi range over the assessors; shown is the spread of all
		// views, evidence included; demonstrated is the evidence's floor.
		lo, hi, demonstrated := math.MaxInt, -1, -1
		shownLo, shownHi := math.MaxInt, -1
		for _, v := range views {
			r := v.ranks[k]
			if r < 0 {
				continue
			}
			cr.Views = append(cr.Views, View{Perspective: v.name, Rating: c.label(r)})
			shownLo, shownHi = min(shownLo, r), max(shownHi, r)
			if v.name == EvidencePerspective {
				demonstrated = r
			} else {
				lo, hi = min(lo, r), max(hi, r)
			}
		}
		if hi < 0 {
			lo = -1
		}
		lo, hi = max(lo, demonstrated), max(hi, demonstrated)
		switch {
		case len(cr.Views) == 0:
			cr.Agreement = Unrated
		case len(cr.Views) == 1:
			cr.Agreement = Single
		case shownHi == shownLo:
			cr.Agreement = Agree
		case shownHi-shownLo == 1:
			cr.Agreement = OneStep
		default:
			cr.Agreement = TwoOrMore
		}
		e.worst[k], e.best[k] = lo, hi
		cr.Rating, cr.Best = c.label(lo), c.label(hi)
	}
	e.res.Capabilities = caps
}

// total returns the weighted points of ranks over caps (nil: all).
func (s *Scorer) total(ranks []int, caps []int) float64 {
	t := 0.0
	if caps == nil {
		for k := range s.caps {
			t += s.caps[k].pointsAt(ranks[k])
		}
		return t
	}
	for _, k := range caps {
		t += s.caps[k].pointsAt(ranks[k])
	}
	return t
}

func (e *evaluation) points() {
	s := e.s
	p := &e.res.Points
	p.Total, p.Best = round(s.total(e.worst, nil)), round(s.total(e.best, nil))
	if i := rubric.Reached(s.thresholds, p.Total); i >= 0 {
		p.Level = &Named{s.thresholds[i].ID, s.thresholds[i].Name}
	}
	if i := rubric.Reached(s.thresholds, p.Best); i >= 0 {
		p.BestLevel = &Named{s.thresholds[i].ID, s.thresholds[i].Name}
	}
	if i := rubric.Reached(s.thresholds, p.Total) + 1; i < len(s.thresholds) {
		p.Next = &Named{s.thresholds[i].ID, s.thresholds[i].Name}
		p.ToNext = round(float64(s.thresholds[i].MinPoints) - p.Total)
	}
	p.Titles, p.BestTitles = titles(s.titles, p.Total), titles(s.titles, p.Best)
}

func titles(ts []rubric.Title, points float64) []Named {
	out := []Named{}
	for _, t := range rubric.Eligible(ts, points) {
		out = append(out, Named{t.ID, t.Name})
	}
	return out
}
