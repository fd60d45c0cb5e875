package scoring

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// noOpinion marks a perspective that does not rate a capability; rank -1
// means unrated.
const noOpinion = -2

// Assess assesses one person as of the day asOf: evidence dated after it
// is excluded, windows and decay are measured back from it. Assess reads
// nothing but its arguments and the Scorer: the same input gives the same
// Result, whatever the order of ratings and evidence in it. It fails only
// on misuse (a Scorer not made by Compile, a zero or invalid asOf), with an
// error wrapping ladder.ErrNilArgument; what an input gets wrong (an unknown
// capability, a duplicate item) is traced in the Result, and Scorer.Check
// reports it as diagnostics.
func (s *Scorer) Assess(in evidence.Input, asOf evidence.Date) (Result, error) {
	if err := s.usable(asOf); err != nil {
		return Result{}, err
	}
	return s.assess(in, asOf, nil), nil
}

// Check checks in against s's ladder as evidence.Loader.Check does and
// returns nil when in is sound, or every problem as a ladder.Diagnostics
// with paths, such as an unknown capability with the one probably meant.
func (s *Scorer) Check(in evidence.Input) error {
	if s == nil || s.l == nil {
		return fmt.Errorf("scoring: check: a Scorer not made by Compile: %w", ladder.ErrNilArgument)
	}
	return (evidence.Loader{Ladder: s.l}).Check(in)
}

// assess is Assess with the result in m, nil for fresh memory.
func (s *Scorer) assess(in evidence.Input, asOf evidence.Date, m *memory) Result {
	e := s.evaluate(in, asOf, m)
	defer e.release()
	for t := range s.tracks {
		e.track(t)
	}
	return e.res
}

// evaluate rates the capabilities of in and the points they make; the
// result's memory is m, or fresh when m is nil.
func (s *Scorer) evaluate(in evidence.Input, asOf evidence.Date, m *memory) *evaluation {
	b, ok := s.buffers.Get().(*buffers)
	if !ok {
		b = &buffers{}
	}
	b.reset()
	if m == nil {
		m = &b.fresh
	}
	e := &b.eval
	*e = evaluation{s: s, day: asOf, buf: b, mem: m, sources: b.sources[:0]}
	e.today = dayNumber(e.day)
	e.res = Result{Ladder: s.l.ID, Person: in.Person, AsOf: e.day,
		Ratings: []RatingTrace{}, Evidence: []ItemTrace{}, Tracks: alloc(m, &m.tracks, len(s.tracks))[:0]}
	views := e.directRatings(in.Ratings)
	if len(in.Evidence) > 0 {
		views = append(views, perspective{name: evidence.ReservedAssessor, ranks: e.evidence(in.Evidence)})
		e.buf.views = views // kept for the next evaluation
	}
	e.res.Perspectives = alloc(m, &m.strs, len(views))
	for i, v := range views {
		e.res.Perspectives[i] = v.name
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

// given is one direct rating with its assessor, the day of its assessment
// and how that assessment stands on the day of the evaluation.
type given struct {
	assessor string
	day      int // the assessment's day number; math.MinInt when undated
	state    assessmentState
	empty    bool // stands for an assessment without ratings, which rates nothing
	r        evidence.Rating
}

// assessmentState says whether an assessment counts on the day.
type assessmentState uint8

const (
	inForce    assessmentState = iota // the assessor's latest on or before the day
	superseded                        // a later one of the assessor is in force
	future                            // dated after the day
)

func (e *evaluation) directRatings(as []evidence.Assessment) []perspective {
	s := e.s
	n := 0
	for _, a := range as {
		n += len(a.Ratings)
	}
	if n == 0 {
		return e.buf.views[:0]
	}
	all := e.buf.given[:0]
	for i := range as {
		a := &as[i]
		d := math.MinInt // undated
		if !a.Date.IsZero() {
			d = dayNumber(a.Date)
		}
		for _, r := range a.Ratings {
			all = append(all, given{assessor: a.Assessor, day: d, r: r})
		}
		if len(a.Ratings) == 0 {
			// An assessment without ratings still replaces older ones.
			all = append(all, given{assessor: a.Assessor, day: d, empty: true})
		}
	}
	// Each assessor's assessment in force is their latest dated on or
	// before the day, else their undated one. Neither sort needs to be
	// stable: the second orders by every field the trace shows.
	slices.SortFunc(all, func(a, b given) int { return strings.Compare(a.assessor, b.assessor) })
	for i := 0; i < len(all); {
		j, latest := i, math.MinInt
		for ; j < len(all) && all[j].assessor == all[i].assessor; j++ {
			if d := all[j].day; d <= e.today && d > latest {
				latest = d
			}
		}
		for ; i < j; i++ {
			switch d := all[i].day; {
			case d > e.today:
				all[i].state = future
			case d < latest:
				all[i].state = superseded
			}
		}
	}
	// Canonical order, so that the first of two conflicting ratings is
	// the same whatever the input order: the ratings in force before the
	// others, newer assessments before older ones.
	capOrder := func(id string) int {
		if k := s.capIndex.find(id); k >= 0 {
			return k
		}
		return len(s.caps)
	}
	slices.SortFunc(all, func(a, b given) int {
		return cmp.Or(strings.Compare(a.assessor, b.assessor), cmp.Compare(capOrder(a.r.Capability), capOrder(b.r.Capability)),
			strings.Compare(a.r.Capability, b.r.Capability), cmp.Compare(a.state, b.state), cmp.Compare(b.day, a.day),
			strings.Compare(a.r.Rating, b.r.Rating))
	})
	e.buf.given = all // kept for the next evaluation
	views := e.buf.views[:0]
	e.res.Ratings = alloc(e.mem, &e.mem.ratings, n)[:0]
	cur := -1 // the perspective of the current assessor, -1 until a rating of theirs is in force
	for i, g := range all {
		if i == 0 || g.assessor != all[i-1].assessor {
			cur = -1
		}
		if g.empty {
			continue
		}
		if cur < 0 && g.state == inForce {
			ranks := take(&e.buf.ints, len(s.caps))
			for k := range ranks {
				ranks[k] = noOpinion
			}
			views = append(views, perspective{name: g.assessor, ranks: ranks})
			cur = len(views) - 1
		}
		t := RatingTrace{Assessor: g.assessor, Capability: g.r.Capability, Rating: g.r.Rating, Status: Counted}
		k := s.capIndex.find(g.r.Capability)
		known := k >= 0
		switch {
		case g.assessor == evidence.ReservedAssessor:
			t.Status = ReservedAssessor
		case g.state == future:
			t.Status = Future
		case g.state == superseded:
			t.Status = TooOld
		case !known:
			t.Status = UnknownCapability
		case views[cur].ranks[k] != noOpinion || (i > 0 && !all[i-1].empty && all[i-1].assessor == g.assessor && all[i-1].r.Capability == g.r.Capability && all[i-1].state == inForce):
			t.Status = Duplicate
		case g.r.Rating == rubric.NotApplicable:
			t.Status = NotApplicable
		case s.caps[k].rank(g.r.Rating) < 0:
			t.Status = UnknownRating
		default:
			t.Status = Counted
			views[cur].ranks[k] = s.caps[k].rank(g.r.Rating)
		}
		e.res.Ratings = append(e.res.Ratings, t)
	}
	// The reserved name rates nothing; drop its empty perspective.
	views = slices.DeleteFunc(views, func(v perspective) bool { return v.name == evidence.ReservedAssessor })
	e.buf.views = views // kept for the next evaluation
	return views
}

// round keeps results readable and stable in JSON: weights to 1e-6.
func round(f float64) float64 { return math.Round(f*1e6) / 1e6 }

// combine sets the worst and best rank of each capability over the
// perspectives and fills Result.Capabilities.
func (e *evaluation) combine(views []perspective) {
	s := e.s
	caps := e.res.Capabilities // with the evidence summaries, when there is evidence
	if len(caps) != len(s.caps) {
		caps = alloc(e.mem, &e.mem.caps, len(s.caps))
	}
	ranks := take(&e.buf.ints, 2*len(s.caps))
	e.worst, e.best = ranks[:len(s.caps)], ranks[len(s.caps):]
	// Every capability's views, in one allocation.
	allViews := alloc(e.mem, &e.mem.views, len(s.caps)*len(views))[:0]
	for k := range s.caps {
		c := &s.caps[k]
		cr := &caps[k]
		cr.ID, cr.Name, cr.Views = c.id, c.name, allViews[len(allViews):len(allViews):len(allViews)+len(views)]
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
			allViews = allViews[:len(allViews)+1]
			shownLo, shownHi = min(shownLo, r), max(shownHi, r)
			if v.name == evidence.ReservedAssessor {
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
	var names *[3]Named // one allocation for the three
	if len(s.thresholds) > 0 {
		names = (*[3]Named)(alloc(e.mem, &e.mem.names, 3))
	}
	if i := rubric.Reached(s.thresholds, p.Total); i >= 0 {
		names[0] = Named{s.thresholds[i].ID, s.thresholds[i].Name}
		p.Level = &names[0]
	}
	if i := rubric.Reached(s.thresholds, p.Best); i >= 0 {
		names[1] = Named{s.thresholds[i].ID, s.thresholds[i].Name}
		p.BestLevel = &names[1]
	}
	if i := rubric.Reached(s.thresholds, p.Total) + 1; i < len(s.thresholds) {
		names[2] = Named{s.thresholds[i].ID, s.thresholds[i].Name}
		p.Next = &names[2]
		p.ToNext = round(float64(s.thresholds[i].MinPoints) - p.Total)
	}
	p.Titles, p.BestTitles = titles(e.mem, s.titles, p.Total), titles(e.mem, s.titles, p.Best)
	p.Categories = alloc(e.mem, &e.mem.cats, len(s.cats))
	for i := range p.Categories {
		c := &s.l.Categories[i] // s.cats follows the ladder's categories
		p.Categories[i] = CategoryPoints{ID: c.ID, Name: c.Name}
	}
	for k := range s.caps {
		if c := s.caps[k].cat; c >= 0 {
			p.Categories[c].Total += s.caps[k].pointsAt(e.worst[k])
			p.Categories[c].Best += s.caps[k].pointsAt(e.best[k])
		}
	}
	for i := range p.Categories {
		p.Categories[i].Total, p.Categories[i].Best = round(p.Categories[i].Total), round(p.Categories[i].Best)
	}
}

// titles returns the titles points allow, as rubric.Eligible does, in one
// allocation from m.
func titles(m *memory, ts []rubric.Title, points float64) []Named {
	n := 0
	for i := range ts {
		if ts[i].Allows(points) {
			n++
		}
	}
	out := alloc(m, &m.names, n)[:0]
	for i := range ts {
		if ts[i].Allows(points) {
			out = append(out, Named{ts[i].ID, ts[i].Name})
		}
	}
	return out
}
