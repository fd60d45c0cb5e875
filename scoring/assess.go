package scoring

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/careerladder/careerladder/rubric"
)

// noOpinion marks a perspective that does not rate a capability; rank -1
// means unrated.
const noOpinion = -2

// item is an evidence item as classified for one assessment. Everything
// the hot loops need is an integer, so they compare no strings and call no
// time functions.
//
// An item holds no pointers: the input it stands for is e.in at the same
// index. A large assessment allocates its items without giving the garbage
// collector anything to scan.
type item struct {
	cap    int     // capability index, -1 when unknown
	rank   int     // rank on the capability's scale, -1 when unknown
	day    int     // the item's date as a day number
	src    int     // index of the item's source among those seen
	weight float64 // effective weight; 0 when not usable
	usable bool    // known, not a duplicate, not future, source accepted, weight > 0
	reason Reason  // why it does not count toward the rating, NoReason when it does
}

// evaluation is the state of one assessment, shared by Assess and Gap.
type evaluation struct {
	s     *Scorer
	day   Date
	today int   // day number of day
	worst []int // rank per capability, -1 unrated
	best  []int
	in    []Evidence // the evidence given
	items []item     // in input order, one for each of in
	buf   *buffers   // where items and the rest come from; see release
	byCap []int      // indexes into items, grouped by capability (see capStart)
	// capStart[k] is where capability k's items start in byCap; the
	// slice has one entry more than there are capabilities.
	capStart []int
	sources  []string // distinct sources, in order of first use
	counts   []int    // evidence count per gate slot, -1 until counted
	res      Result
}

// release hands the working memory back to the Scorer. The evaluation
// must not be used afterwards.
func (e *evaluation) release() {
	if e.buf == nil {
		return
	}
	e.buf.items, e.buf.order = e.items, e.byCap
	e.s.buffers.Put(e.buf)
	e.buf, e.items, e.byCap, e.in = nil, nil, nil, nil
}

// capItems returns the indexes of capability k's items, newest first.
func (e *evaluation) capItems(k int) []int {
	if e.capStart == nil {
		return nil
	}
	return e.byCap[e.capStart[k]:e.capStart[k+1]]
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
	defer e.release()
	for t := range s.tracks {
		e.track(t)
	}
	return e.res
}

func (s *Scorer) evaluate(in Input, asOf time.Time) *evaluation {
	e := &evaluation{s: s, day: DateOf(asOf)}
	e.today = dayNumber(e.day)
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
// the evidence policy. Its cost is linear in the items but for two integer
// sorts, and its allocations do not depend on how many items there are.
func (e *evaluation) evidence(in []Evidence) []int {
	s, p := e.s, &e.s.policy
	n := len(in)
	e.in = in
	if b, ok := s.buffers.Get().(*buffers); ok {
		e.buf = b
	} else {
		e.buf = &buffers{}
	}
	e.items = grow(e.buf.items, n)
	windowStart := math.MinInt
	if !p.window.IsZero() {
		windowStart = dayNumber(DateOf(p.window.Start(e.day.Time())))
	}
	for i := range in {
		ev := &in[i]
		it := &e.items[i]
		*it = item{cap: -1, rank: -1, day: dayNumber(ev.Date), src: e.source(ev.Source)}
		if k, ok := s.capIndex[ev.Capability]; ok {
			it.cap = k
			it.rank = s.caps[k].rank(ev.Rating)
		}
	}
	e.markDuplicates()
	for i := range e.items {
		it := &e.items[i]
		ev := &in[i]
		sw, accepted := p.sourceWeight(ev.Source)
		w := ev.Weight
		if w == 0 {
			w = 1
		}
		switch {
		case it.cap < 0:
			it.reason = ReasonUnknownCapability
		case it.rank < 0:
			it.reason = ReasonUnknownRating
		case it.reason == ReasonDuplicate:
		case it.day > e.today:
			it.reason = ReasonFuture
		case !accepted:
			it.reason = ReasonSourceNotAccepted
		case !(sw*w > 0) || math.IsInf(w, 0):
			it.reason = ReasonZeroWeight
		default:
			it.usable = true
			it.weight = sw * w
			if p.halfLife > 0 {
				it.weight *= math.Exp2(-float64(e.today-it.day) / p.halfLife)
			}
			if it.day < windowStart {
				it.reason = ReasonTooOld // still counts for gates with longer windows
			}
		}
	}
	// Group by capability, newest first, ties in canonical order: the
	// order of the trace, whatever the order of the input. The main sort
	// is on packed integers; only items of one capability and day are
	// compared field by field.
	e.buf.keys = grow(e.buf.keys, n)
	keys := e.buf.keys
	for i := range e.items {
		it := &e.items[i]
		c := it.cap
		if c < 0 {
			c = len(s.caps)
		}
		age := min(max(int64(e.today)-int64(it.day)+1<<31, 0), 1<<32-1)
		// a: capability (unknown last), then days before today; b: the
		// first 8 bytes of the id, which order as the id does up to ties.
		keys[i] = radixKey{uint64(c)<<32 | uint64(age), idPrefix(in[i].ID), i}
	}
	e.buf.tmp = radixSort(keys, e.buf.tmp)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && keys[hi].a == keys[lo].a && keys[hi].b == keys[lo].b {
			hi++
		}
		if hi-lo > 1 {
			slices.SortFunc(keys[lo:hi], func(a, b radixKey) int {
				if c := compareEvidence(&e.in[a.i], &e.in[b.i]); c != 0 {
					return c
				}
				return cmp.Compare(a.i, b.i)
			})
		}
		lo = hi
	}
	e.buf.order = grow(e.buf.order, n)
	order := e.buf.order
	for j, key := range keys {
		order[j] = key.i
	}
	e.byCap = order
	e.capStart = make([]int, len(s.caps)+1)
	for i := range e.items {
		if c := e.items[i].cap; c >= 0 {
			e.capStart[c+1]++
		}
	}
	for k := range s.caps {
		e.capStart[k+1] += e.capStart[k]
	}
	ranks := make([]int, len(s.caps))
	sums := make([]EvidenceSummary, len(s.caps))
	for k := range s.caps {
		ranks[k] = e.aggregate(k, &sums[k])
	}
	// Fill the trace walking the input in order and writing each item to
	// its place: scattered writes cost far less than scattered reads.
	e.buf.plac = grow(e.buf.plac, n)
	place := e.buf.plac
	for j, i := range order {
		place[i] = j
	}
	e.res.Evidence = make([]ItemTrace, n)
	for i := range e.items {
		it := &e.items[i]
		t := &e.res.Evidence[place[i]]
		ev := &in[i]
		*t = ItemTrace{ID: ev.ID, Capability: ev.Capability, Rating: ev.Rating, Date: ev.Date,
			Source: ev.Source, Status: Counted, Reason: it.reason}
		if it.reason != NoReason {
			t.Status = Excluded
		}
		if it.usable && it.reason != ReasonTooOld {
			t.Weight = round(it.weight) // weighed for the rating
		}
	}
	e.res.Capabilities = make([]CapabilityResult, len(s.caps))
	for k := range sums {
		e.res.Capabilities[k].Evidence = &sums[k]
	}
	return ranks
}

// source returns the index of source among the sources seen so far,
// adding it if new. There are few distinct sources, so a scan beats a map.
func (e *evaluation) source(src string) int {
	for i, s := range e.sources {
		if s == src {
			return i
		}
	}
	e.sources = append(e.sources, src)
	return len(e.sources) - 1
}

// markDuplicates marks every item whose id another item has, but for the
// first of them in canonical order (by id, then content), so which one
// counts does not depend on input order. It uses an open-addressing table
// of item indexes keyed by a hash of the id: one probe or so per item, and
// a comparison of contents only where ids meet.
func (e *evaluation) markDuplicates() {
	size := 1
	for size < 2*len(e.items) {
		size <<= 1
	}
	e.buf.table = grow(e.buf.table, size)
	table := e.buf.table
	for i := range table {
		table[i] = -1
	}
	mask := uint64(size - 1)
	for i := range e.items {
		id := e.in[i].ID
		if id == "" {
			continue
		}
		for slot := fnv64(id) & mask; ; slot = (slot + 1) & mask {
			j := table[slot]
			if j < 0 {
				table[slot] = int32(i)
				break
			}
			if e.in[j].ID != id {
				continue
			}
			// Two items with one id: the canonical first keeps the slot.
			if c := compareEvidence(&e.in[i], &e.in[j]); c < 0 || c == 0 && i < int(j) {
				e.items[j].reason = ReasonDuplicate
				table[slot] = int32(i)
			} else {
				e.items[i].reason = ReasonDuplicate
			}
			break
		}
	}
}

// idPrefix packs the first 8 bytes of id big-endian, zero-padded, so that
// comparing prefixes orders ids as comparing the ids does, up to ties.
func idPrefix(id string) uint64 {
	var p uint64
	for i := 0; i < 8; i++ {
		p <<= 8
		if i < len(id) {
			p |= uint64(id[i])
		}
	}
	return p
}

// fnv64 is the 64-bit FNV-1a hash.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// dayNumber returns the number of days from 1970-01-01 to d, computed
// arithmetically (days from civil, proleptic Gregorian calendar).
func dayNumber(d Date) int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// compareEvidence orders items by id and then by every other field. Each
// comparison runs only when the ones before it tie.
func compareEvidence(a, b *Evidence) int {
	if c := strings.Compare(a.ID, b.ID); c != 0 {
		return c
	}
	if c := strings.Compare(a.Capability, b.Capability); c != 0 {
		return c
	}
	if c := strings.Compare(a.Rating, b.Rating); c != 0 {
		return c
	}
	if c := cmp.Compare(dayNumber(a.Date), dayNumber(b.Date)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Weight, b.Weight); c != 0 {
		return c
	}
	if c := strings.Compare(a.Summary, b.Summary); c != 0 {
		return c
	}
	if c := slices.Compare(a.Tags, b.Tags); c != 0 {
		return c
	}
	return slices.Compare(a.Links, b.Links)
}

// aggregate derives the rank of capability k from its items in one pass,
// fills sum, sets the items' reasons, and returns the rank, -1 when the
// evidence demonstrates none.
func (e *evaluation) aggregate(k int, sum *EvidenceSummary) int {
	p := &e.s.policy
	c := &e.s.caps[k]
	nr := len(c.ratings)
	// Weight, count and sources of the counting items at each rank; the
	// sources as a bit set (sources past 64 share the last bit, which can
	// only under-count distinct sources).
	var weightBuf [8]float64
	var countBuf [8]int
	var srcBuf [8]uint64
	weight, count, srcs := weightBuf[:0], countBuf[:0], srcBuf[:0]
	if nr > len(weightBuf) {
		weight, count, srcs = make([]float64, 0, nr), make([]int, 0, nr), make([]uint64, 0, nr)
	}
	weight, count, srcs = weight[:nr], count[:nr], srcs[:nr]
	idx := e.capItems(k)
	total, counting := 0.0, 0
	for _, i := range idx {
		it := &e.items[i]
		if !it.usable || it.reason != NoReason {
			continue
		}
		weight[it.rank] += it.weight
		count[it.rank]++
		srcs[it.rank] |= 1 << min(it.src, 63)
		total += it.weight
		counting++
	}
	enough := func(w float64, sources uint64) bool {
		return w >= p.minItems-1e-9 && bits.OnesCount64(sources) >= p.minSources
	}
	rank := -1
	var w float64
	var n int
	var set uint64
	switch p.aggregate {
	case rubric.AggregateMedian, rubric.AggregateLatest:
		for r := range nr {
			set |= srcs[r]
		}
		if counting > 0 && enough(total, set) {
			w, n = total, counting
			if p.aggregate == rubric.AggregateMedian {
				rank = e.median(weight, total)
			} else {
				rank = e.latest(idx)
			}
		}
	default:
		for r := nr - 1; r >= 0; r-- {
			w, n, set = w+weight[r], n+count[r], set|srcs[r]
			if enough(w, set) {
				rank = r
				break
			}
		}
	}
	*sum = EvidenceSummary{Rating: c.label(rank), Given: len(idx)}
	if rank >= 0 {
		sum.Weight, sum.Counted, sum.Sources = round(w), n, bits.OnesCount64(set)
	}
	for _, i := range idx {
		it := &e.items[i]
		if !it.usable || it.reason != NoReason {
			continue
		}
		switch {
		case rank < 0:
			it.reason = ReasonNotEnough
		case p.aggregate == rubric.AggregateHighest && it.rank < rank:
			it.reason = ReasonBelowRating
		}
	}
	return rank
}

// median returns the weighted median rank, given the weight at each
// rank: the lowest rank at which the items at or below it weigh at least
// half of total.
func (e *evaluation) median(weight []float64, total float64) int {
	acc := 0.0
	last := -1
	for r, w := range weight {
		if w == 0 {
			continue
		}
		acc += w
		last = r
		if acc >= total/2-1e-9 {
			return r
		}
	}
	return last
}

// latest returns the rank of the newest counting item; of items on the
// same day the highest rank. idx is newest first.
func (e *evaluation) latest(idx []int) int {
	best := -1
	for _, i := range idx {
		it := &e.items[i]
		if !it.usable || it.reason != NoReason {
			continue
		}
		if best < 0 || it.day > e.items[best].day || it.day == e.items[best].day && it.rank > e.items[best].rank {
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
