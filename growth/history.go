package growth

import (
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// A History is a person's standing day by day: on each day, the level on
// each track, the rating of each capability (worst and best case), the
// points and the count of each evidence gate, each equal to what
// scoring.Scorer.Assess gives as of that day.
type History struct {
	Ladder string `json:"ladder"` // the ladder's id
	Person string `json:"person"` // the person
	// Tracks names the tracks of Day.Levels, in ladder order.
	Tracks []scoring.Named `json:"tracks"`
	// Capabilities names the capabilities of Day.Ratings, in ladder order.
	Capabilities []scoring.Named `json:"capabilities"`
	// Gates names the evidence gates of Day.Counts, in ladder order.
	Gates []HistoryGate `json:"gates"`
	// Days holds one entry a day, in order.
	Days []Day `json:"days"`

	l *ladder.Ladder // for names; nil in a History not made by NewHistory
}

// A HistoryGate is an evidence gate of a level, followed over time.
type HistoryGate struct {
	Track scoring.Named `json:"track"`        // the track of the level
	Level scoring.Named `json:"level"`        // the level of the gate
	ID    string        `json:"id,omitempty"` // the gate's id, if it has one
	// Counts says what the gate counts, in words; gates that count the
	// same items say the same.
	Counts string `json:"counts"`
	Need   int    `json:"need"` // the items it needs
}

// A Day is where a person stands on one day.
type Day struct {
	Date evidence.Date `json:"date"` // the day
	// Levels holds the level on each track of History.Tracks.
	Levels []Standing `json:"levels"`
	// Ratings holds the rating of each capability of
	// History.Capabilities: rating ids, "" for unrated.
	Ratings []Rated `json:"ratings"`
	// Points is the points total in the worst case.
	Points float64 `json:"points"`
	// BestPoints is the points total in the best case.
	BestPoints float64 `json:"best_points"`
	// Counts holds the count of each gate of History.Gates.
	Counts []int `json:"counts"`
}

// A Standing is the level reached on a track: in the worst case, and in
// the best; nil for none.
type Standing struct {
	Level *scoring.Named `json:"level"` // the worst case
	Best  *scoring.Named `json:"best"`  // the best case
}

// A Rated is a capability's rating, worst and best case.
type Rated struct {
	Rating string `json:"rating"` // the worst case, "" when unrated
	Best   string `json:"best"`   // the best case, "" when unrated
}

// Every returns the days of a history: until, and every period before it
// back to since, in order. A month or year from the 31st, or from the 29th
// of February, lands on the last day of the shorter month. A zero or
// invalid day, a zero period or since after until is an error wrapping
// ladder.ErrNilArgument.
func Every(since, until evidence.Date, every rubric.Period) ([]evidence.Date, error) {
	if !since.Valid() || !until.Valid() || every.IsZero() || every.N < 0 || since.Compare(until) > 0 {
		return nil, fmt.Errorf("growth: every %s from %s to %s: %w", every, since, until, ladder.ErrNilArgument)
	}
	var out []evidence.Date
	for k := 0; ; k++ {
		d, ok := back(until, every, k)
		if !ok || d.Compare(since) < 0 {
			break
		}
		out = append(out, d)
	}
	slices.Reverse(out)
	return out, nil
}

// back returns the day k periods before d, and false past the calendar.
func back(d evidence.Date, p rubric.Period, k int) (evidence.Date, bool) {
	n := k * p.N
	switch p.Unit {
	case "d":
		e := d.AddDays(-n)
		return e, e.Valid()
	case "w":
		e := d.AddDays(-7 * n)
		return e, e.Valid()
	case "y":
		n *= 12
	}
	m := d.Year*12 + int(d.Month) - 1 - n
	y, mo := m/12, time.Month(m%12+1)
	if m < 0 || y < 1 {
		return evidence.Date{}, false
	}
	last := evidence.DateOf(time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC)).Day
	return evidence.Date{Year: y, Month: mo, Day: min(d.Day, last)}, true
}

// NewHistory follows in over days: for each day, in order and once each,
// what scoring.Scorer.Assess gives as of that day (levels, ratings, points
// and the counts of evidence gates). Rather than assess the person once a
// day it assesses once, on the last day, and then follows the windows of
// the evidence policy and of the gates through the days; its cost is
// O((n + r) log(n + r) + (D + a)·L) for n evidence items, r direct ratings
// in a assessments, D days and a ladder of size L. A window of months can
// move back a few days at a month's end; the items of those days are
// passed twice.
//
// The weights of items are summed in another order than Assess sums them,
// so the two agree to about 1e-12 of a total, well inside the 1e-9 by
// which the policy's minimum weight is compared: only a total within that
// margin could decide differently. A nil Scorer, no days, or a zero or
// invalid day is an error wrapping ladder.ErrNilArgument.
func NewHistory(s *scoring.Scorer, in evidence.Input, days []evidence.Date) (History, error) {
	l := s.Ladder()
	if l == nil || len(days) == 0 {
		return History{}, fmt.Errorf("growth: history: a Scorer not made by scoring.Compile, or no days: %w", ladder.ErrNilArgument)
	}
	for _, d := range days {
		if !d.Valid() {
			return History{}, fmt.Errorf("growth: history: day %q: %w", d, ladder.ErrNilArgument)
		}
	}
	days = slices.Clone(days)
	slices.SortFunc(days, evidence.Date.Compare)
	days = slices.Compact(days)
	last := days[len(days)-1]
	// One assessment says which items can count at all; the rest is
	// followed day by day.
	res, err := s.Assess(evidence.Input{Person: in.Person, Evidence: in.Evidence}, last)
	if err != nil {
		return History{}, err
	}
	m := newModel(s)
	h := History{Ladder: l.ID, Person: in.Person, Tracks: []scoring.Named{}, Capabilities: []scoring.Named{}, Gates: []HistoryGate{}, l: l}
	for _, t := range m.tracks {
		h.Tracks = append(h.Tracks, scoring.Named{ID: t.id, Name: t.name})
	}
	for _, c := range m.caps {
		h.Capabilities = append(h.Capabilities, scoring.Named{ID: c.id, Name: c.name})
	}
	w := words{l}
	for _, g := range m.gates {
		t, v := &m.tracks[g.track], &m.tracks[g.track].levels[g.level]
		h.Gates = append(h.Gates, HistoryGate{Track: scoring.Named{ID: t.id, Name: t.name}, Level: scoring.Named{ID: v.id, Name: v.name},
			ID: g.src.ID, Counts: w.counted(g.src.Evidence), Need: g.src.Evidence.Count})
	}
	sw := newSweep(m, in.Evidence, &res)
	direct := newDirect(m, in)
	nc := len(m.caps)
	worst, best := make([]int, nc), make([]int, nc)
	for _, d := range days {
		demonstrated, counts := sw.advance(dayNumber(d), d)
		lo, hi := direct.at(d)
		day := Day{Date: d, Levels: make([]Standing, len(m.tracks)), Ratings: make([]Rated, nc), Counts: make([]int, len(m.gates))}
		for k := range m.caps {
			worst[k], best[k] = max(lo[k], demonstrated[k]), max(hi[k], demonstrated[k])
			day.Ratings[k] = Rated{label(&m.caps[k], worst[k]), label(&m.caps[k], best[k])}
		}
		day.Points, day.BestPoints = round(m.total(worst, nil)), round(m.total(best, nil))
		for t := range m.tracks {
			day.Levels[t] = Standing{levelAt(&m.tracks[t], m.reached(t, worst, counts)), levelAt(&m.tracks[t], m.reached(t, best, counts))}
		}
		for i, g := range m.gates {
			day.Counts[i] = counts[g.counter]
		}
		h.Days = append(h.Days, day)
	}
	return h, nil
}

// label returns the id of rank r of c, "" for unrated.
func label(c *capModel, r int) string {
	if r < 0 {
		return ""
	}
	return c.scale.Ratings[r].ID
}

func levelAt(t *trackModel, i int) *scoring.Named {
	if i < 0 {
		return nil
	}
	return &scoring.Named{ID: t.levels[i].id, Name: t.levels[i].name}
}

// direct gives the direct ratings of a person on a day, worst and best
// case over the assessors, as ranks. They change only on the days of
// assessments, so they are worked out again only when one has passed.
type direct struct {
	m        *model
	ratings  []evidence.Assessment
	changes  []evidence.Date
	next     int // the first change not yet passed
	lo, hi   []int
	assessed bool
}

func newDirect(m *model, in evidence.Input) *direct {
	dr := &direct{m: m, ratings: in.Ratings, lo: make([]int, len(m.caps)), hi: make([]int, len(m.caps))}
	for _, a := range in.Ratings {
		if !a.Date.IsZero() {
			dr.changes = append(dr.changes, a.Date)
		}
	}
	slices.SortFunc(dr.changes, evidence.Date.Compare)
	dr.changes = slices.Compact(dr.changes)
	return dr
}

// at returns the ranks on day d; days come in order. The rules are
// scoring's: an assessor's ratings are those of their assessments in force
// (see inForce); of two ratings of one capability the first in the order
// of rating ids counts, if it is a rating of the capability's scale; the
// worst case is the lowest over the assessors, the best the highest.
func (dr *direct) at(d evidence.Date) (lo, hi []int) {
	passed := false
	for dr.next < len(dr.changes) && dr.changes[dr.next].Compare(d) <= 0 {
		dr.next++
		passed = true
	}
	if dr.assessed && !passed {
		return dr.lo, dr.hi
	}
	dr.assessed = true
	for k := range dr.lo {
		dr.lo[k], dr.hi[k] = math.MaxInt, -1
	}
	type key struct{ assessor, capability string }
	first := map[key]string{}
	for _, a := range inForce(dr.ratings, d, nil) {
		if a.Assessor == evidence.ReservedAssessor {
			continue
		}
		for _, r := range a.Ratings {
			k := key{a.Assessor, r.Capability}
			if f, ok := first[k]; !ok || r.Rating < f {
				first[k] = r.Rating
			}
		}
	}
	for k, rating := range first {
		c, ok := dr.m.capIdx[k.capability]
		if !ok {
			continue
		}
		if r := dr.m.caps[c].scale.Rank(rating); r >= 0 {
			dr.lo[c], dr.hi[c] = min(dr.lo[c], r), max(dr.hi[c], r)
		}
	}
	for k := range dr.lo {
		if dr.hi[k] < 0 {
			dr.lo[k] = -1
		}
	}
	return dr.lo, dr.hi
}

// inForce appends to out the assessments of as in force on day d: for each
// assessor, those of their latest date on or before d, else their undated
// ones; an assessment without ratings counts too, and rates nothing.
func inForce(as []evidence.Assessment, d evidence.Date, out []evidence.Assessment) []evidence.Assessment {
	latest := map[string]evidence.Date{}
	for _, a := range as {
		if a.Date.Compare(d) <= 0 {
			if l, ok := latest[a.Assessor]; !ok || a.Date.Compare(l) > 0 {
				latest[a.Assessor] = a.Date
			}
		}
	}
	for _, a := range as {
		if l, ok := latest[a.Assessor]; ok && a.Date == l {
			out = append(out, a)
		}
	}
	return out
}

// sweep follows the evidence through the days: for each capability and
// rank, the items inside the policy's window with their weight and
// sources; for each counter, the items inside its window.
type sweep struct {
	m       *model
	today   int // the day of the last advance, as a day number
	started bool
	buckets []bucket // by capability and rank: rankBase[k] + r
	base    []int    // the first bucket of each capability, and the end
	counter []window
	ranks   []int // the evidence's rank of each capability, -1 for none
	counts  []int
}

// histItem is a usable item as the sweep needs it.
type histItem struct {
	day    int
	rank   int
	weight float64 // the source's weight times the item's own
	source int     // its source's bit: the index of first use, at most 63
}

// bucket holds the items of one capability at one rank, by day, and
// those of them inside the window: [lo, hi).
type bucket struct {
	items   []histItem
	lo, hi  int
	sum     float64   // their weight on the day, decayed
	sources [64]int32 // how many come from each source bit
	set     uint64    // the source bits with some
}

// window follows the items of one counter, by day: [lo, hi).
type window struct {
	days   []int
	lo, hi int
	period rubric.Period
}

func newSweep(m *model, items []evidence.Item, res *scoring.Result) *sweep {
	nc := len(m.caps)
	sw := &sweep{m: m, base: make([]int, nc+1), ranks: make([]int, nc), counts: make([]int, len(m.counters))}
	for k := range m.caps {
		sw.base[k+1] = sw.base[k] + len(m.caps[k].scale.Ratings)
	}
	sw.buckets = make([]bucket, sw.base[nc])
	sw.counter = make([]window, len(m.counters))
	for c := range m.counters {
		sw.counter[c].period = m.counters[c].window
	}
	// Sources take bits in order of first use by any item, as scoring
	// numbers them; sources past the 63rd share the last bit.
	var names []string
	for i := range items {
		if len(names) < 63 && !slices.Contains(names, items[i].Source) {
			names = append(names, items[i].Source)
		}
	}
	// The trace is in ladder order of capabilities, newest first: walked
	// backwards, each capability's items come oldest first. The first walk
	// counts, the second fills one array for all.
	ev := res.Evidence
	capOf := make([]int32, len(ev))
	sizes := make([]int, len(sw.buckets)+len(m.counters))
	k := 0
	for i := range ev {
		t := &ev[i]
		capOf[i] = -1
		for k < nc && m.caps[k].id != t.Capability {
			k++
		}
		if k == nc || !usable(t.Status) {
			continue
		}
		capOf[i] = int32(k)
		sizes[sw.base[k]+m.caps[k].scale.Rank(t.Rating)]++
		for c := range m.counters {
			if cm := &m.counters[c]; cm.cap == k && qualifies(t.Item, cm.gate, m.caps[k].scale, cm.minRank) {
				sizes[len(sw.buckets)+c]++
			}
		}
	}
	total := 0
	for _, n := range sizes[:len(sw.buckets)] {
		total += n
	}
	all := make([]histItem, total)
	for b := range sw.buckets {
		sw.buckets[b].items, all = all[:0:sizes[b]], all[sizes[b]:]
	}
	for c := range sw.counter {
		sw.counter[c].days = make([]int, 0, sizes[len(sw.buckets)+c])
	}
	for i := len(ev) - 1; i >= 0; i-- {
		k := int(capOf[i])
		if k < 0 {
			continue
		}
		t := &ev[i]
		c := &m.caps[k]
		r := c.scale.Rank(t.Rating)
		sw2, _ := m.policy.p.SourceWeight(t.Source)
		w := t.Item.Weight
		if w == 0 {
			w = 1
		}
		bit := slices.Index(names, t.Source)
		if bit < 0 {
			bit = 63
		}
		it := histItem{day: dayNumber(t.Date), rank: r, weight: sw2 * w, source: bit}
		b := &sw.buckets[sw.base[k]+r]
		b.items = append(b.items, it)
		for ci := range m.counters {
			if cm := &m.counters[ci]; cm.cap == k && qualifies(t.Item, cm.gate, c.scale, cm.minRank) {
				sw.counter[ci].days = append(sw.counter[ci].days, it.day)
			}
		}
	}
	return sw
}

// advance moves the sweep to day today (d as a Date), later than the day
// before, and returns the rank the evidence demonstrates for each
// capability and the count of each counter.
func (sw *sweep) advance(today int, d evidence.Date) (ranks, counts []int) {
	m, p := sw.m, &sw.m.policy
	start := math.MinInt
	if !p.window.IsZero() {
		start = dayNumber(windowStart(p.window, d))
	}
	decay := func(day int) float64 {
		if p.halfLife <= 0 {
			return 1
		}
		return math.Exp2(-float64(today-day) / p.halfLife)
	}
	if sw.started && p.halfLife > 0 {
		f := math.Exp2(-float64(today-sw.today) / p.halfLife)
		for i := range sw.buckets {
			sw.buckets[i].sum *= f
		}
	}
	sw.started, sw.today = true, today
	for i := range sw.buckets {
		b := &sw.buckets[i]
		add := func(it *histItem, sign float64) {
			b.sum += sign * it.weight * decay(it.day)
			if sign > 0 {
				b.sources[it.source]++
				b.set |= 1 << it.source
			} else if b.sources[it.source]--; b.sources[it.source] == 0 {
				b.set &^= 1 << it.source
			}
		}
		for b.hi < len(b.items) && b.items[b.hi].day <= today {
			add(&b.items[b.hi], 1)
			b.hi++
		}
		for b.lo < b.hi && b.items[b.lo].day < start {
			add(&b.items[b.lo], -1)
			b.lo++
		}
		for b.lo > 0 && b.items[b.lo-1].day >= start {
			b.lo--
			add(&b.items[b.lo], 1)
		}
		if b.lo == b.hi {
			b.sum = 0 // no drift from additions and subtractions
		}
	}
	enough := func(w float64, n int, set uint64) bool {
		return n >= p.minItems && w >= p.minWeight-1e-9 && bits.OnesCount64(set) >= p.minSources
	}
	for k := range m.caps {
		bs := sw.buckets[sw.base[k]:sw.base[k+1]]
		rank := -1
		switch p.aggregate {
		case rubric.AggregateMedian, rubric.AggregateLatest:
			total, set, n := 0.0, uint64(0), 0
			for r := range bs {
				total, set, n = total+bs[r].sum, set|bs[r].set, n+bs[r].hi-bs[r].lo
			}
			if n == 0 || !enough(total, n, set) {
				break
			}
			if p.aggregate == rubric.AggregateMedian {
				rank = medianRank(bs, total)
				break
			}
			// The newest item inside the window, the highest rank on its
			// day: each rank's newest is the last inside.
			newest := math.MinInt
			for r := range bs {
				if b := &bs[r]; b.hi > b.lo && b.items[b.hi-1].day >= newest {
					newest, rank = b.items[b.hi-1].day, r
				}
			}
		default:
			w, n, set := 0.0, 0, uint64(0)
			for r := len(bs) - 1; r >= 0; r-- {
				w, n, set = w+bs[r].sum, n+bs[r].hi-bs[r].lo, set|bs[r].set
				if enough(w, n, set) {
					rank = r
					break
				}
			}
		}
		sw.ranks[k] = rank
	}
	for c := range sw.counter {
		wd := &sw.counter[c]
		cstart := math.MinInt
		if !wd.period.IsZero() {
			cstart = dayNumber(windowStart(wd.period, d))
		}
		for wd.hi < len(wd.days) && wd.days[wd.hi] <= today {
			wd.hi++
		}
		for wd.lo < wd.hi && wd.days[wd.lo] < cstart {
			wd.lo++
		}
		for wd.lo > 0 && wd.days[wd.lo-1] >= cstart {
			wd.lo--
		}
		sw.counts[c] = wd.hi - wd.lo
	}
	return sw.ranks, sw.counts
}

// medianRank returns the weighted median rank, as scoring takes it: the
// lowest rank at which the items at or below it weigh at least half of
// total.
func medianRank(bs []bucket, total float64) int {
	acc, last := 0.0, -1
	for r := range bs {
		w := bs[r].sum
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

// WriteJSON writes h as indented JSON followed by a newline, without HTML
// escaping; its field names are stable and documented on the types.
func (h *History) WriteJSON(w io.Writer) error {
	if h == nil || w == nil {
		return fmt.Errorf("growth: write JSON: %w", ladder.ErrNilArgument)
	}
	return writeJSON(w, h)
}
