package scoring

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/rubric"
)

// How evidence is classified, in four passes whose cost is linear in the
// items but for the sort (O(n log n)), and whose allocations do not depend
// on how many there are once the working memory has grown to fit:
//
//  1. In input order: resolve the capability, rating and source of each
//     item, find duplicate ids (see markDuplicates), and note the range of
//     days and the common prefix of the ids, which size the sort keys.
//  2. In input order: classify each item, weigh it, count it for every
//     evidence gate of its capability, and build its sort key.
//  3. Sort the items into the canonical order of the trace (see sorter):
//     by capability, newest first, then by id and content. In input
//     order, write each item's trace to its place; then, walking the
//     canonical order, sum the weights: a floating-point sum depends on
//     the order of its terms, and this order does not depend on the
//     input's.
//  4. In canonical order: mark the items that turn out to count toward
//     no rating (too few, or below the rating reached).
//
// Everything but the weight sums is order-independent by nature (counts,
// maxima, bit sets), so only pass 3 walks the canonical order.

// item is an evidence item as classified for one assessment. It holds no
// pointers: the input it stands for is evaluation.in at the same index,
// and a large assessment allocates its items without giving the garbage
// collector anything to scan.
type item struct {
	// weight is the item's weight after its source's weight and decay; 0
	// when it is not weighed. Pass 1 keeps the input's own weight here.
	weight float64
	day    int    // the item's date as a day number
	tags   uint64 // which of Scorer.tags the item has
	cap    int32  // capability index, -1 when unknown
	rank   int32  // rank on the capability's scale, -1 when unknown
	src    int32  // index into evaluation.sources
	reason Status // why it does not count toward the rating, Counted when it does
	usable bool   // known, not a duplicate, not future, source accepted, weight > 0
}

// weighed is an item that counts toward its capability's rating, as the
// sums need it.
type weighed struct {
	weight    float64
	cap, rank int32
}

// source is a source named by the evidence, with the policy's weight.
type source struct {
	name     string
	weight   float64
	accepted bool
}

// evaluation is the state of one assessment, shared by Assess and Gap.
type evaluation struct {
	s     *Scorer
	day   evidence.Date
	today int   // day number of day
	worst []int // rank per capability, -1 unrated
	best  []int
	in    []evidence.Item // the evidence given
	items []item          // in input order, one for each of in
	buf   *buffers        // where items and the rest come from; see release
	mem   *memory         // where the result comes from
	// sources are the distinct sources of the evidence, in order of
	// first use.
	sources []source
	// counts holds how many items each of the Scorer's counters counts.
	counts []int
	res    Result
}

// release hands the working memory back to the Scorer, the evaluation
// itself included: it must not be used afterwards.
func (e *evaluation) release() {
	b, s := e.buf, e.s
	if b == nil {
		return
	}
	clear(e.sources) // the names are the input's
	b.ids.clear()
	b.srcIndex.clear()
	b.sources = e.sources[:0]
	clear(b.given[:cap(b.given)])
	clear(b.views[:cap(b.views)])
	*e = evaluation{} // the result and the input are the caller's
	s.buffers.Put(b)
}

// count returns how many usable items qualify for evidence gate g.
func (e *evaluation) count(g *gate) int {
	if e.counts == nil {
		return 0
	}
	return e.counts[g.counter]
}

// evidence classifies the items and derives a rank per capability under
// the evidence policy, as the comment at the top of this file describes.
func (e *evaluation) evidence(in []evidence.Item) []int {
	s, p := e.s, &e.s.policy
	n := len(in)
	e.in = in
	buf := e.buf
	items := grow(buf.items, n)
	e.items, buf.items = items, items

	// Pass 1.
	ids := buf.ids.get(n)
	repeated := false
	srcIndex := buf.srcIndex.get(0)
	minDay, maxDay := math.MaxInt, math.MinInt
	id0, lcp := "", 0
	for i := range in {
		ev := &in[i]
		it := &items[i]
		*it = item{weight: ev.Weight, day: dayNumber(ev.Date), cap: -1, rank: -1, src: e.source(srcIndex, ev.Source)}
		if k := s.capIndex.find(ev.Capability); k >= 0 {
			it.cap, it.rank = int32(k), int32(s.caps[k].rank(ev.Rating))
		}
		if len(s.tags) > 0 && len(ev.Tags) > 0 {
			it.tags = s.tagSet(ev.Tags)
		}
		minDay, maxDay = min(minDay, it.day), max(maxDay, it.day)
		if i == 0 {
			id0, lcp = ev.ID, len(ev.ID)
		} else {
			lcp = commonPrefix(id0[:lcp], ev.ID)
		}
		if held := len(ids); ev.ID != "" {
			ids[ev.ID] = struct{}{}
			repeated = repeated || len(ids) == held
		}
	}
	if repeated {
		e.markDuplicates()
	}

	// Pass 2.
	windowStart := math.MinInt
	if !p.window.IsZero() {
		windowStart = dayNumber(evidence.DateOf(p.window.Start(e.day.Time())))
	}
	nc := len(s.caps)
	given := take(&buf.ints, nc)
	nr := s.rankBase[nc]
	perRank := take(&buf.floats, nr) // weights, summed in pass 3
	count := take(&buf.ints, nr)
	srcs := take(&buf.words, nr)    // a bit per source; sources past 64 share the last bit
	latest := take(&buf.int32s, nc) // under "latest", the item deciding it, plus one
	e.counts = take(&buf.ints, len(s.counters))
	cstart, caccept := e.counterWindows()
	sorter := e.newSorter(maxDay-minDay, lcp)
	for i := range items {
		it := &items[i]
		src := &e.sources[it.src]
		w := it.weight
		it.weight = 0
		if w == 0 {
			w = 1
		}
		switch {
		case it.cap < 0:
			it.reason = UnknownCapability
		case it.rank < 0:
			it.reason = UnknownRating
		case it.reason == Duplicate:
		case it.day > e.today:
			it.reason = Future
		case !src.accepted:
			it.reason = SourceNotAccepted
		case !(src.weight*w > 0) || w > evidence.MaxWeight: // a bound, so that no sum overflows
			it.reason = ZeroWeight
		default:
			it.usable = true
			k := int(it.cap)
			for _, c := range s.capCounters[k] {
				if e.counts1(c, it, i, cstart[c], caccept[c]) {
					e.counts[c]++
				}
			}
			if it.day < windowStart {
				it.reason = TooOld // counted above for gates with longer windows
				break
			}
			it.weight = src.weight * w
			if age := e.today - it.day; age < len(s.decay) {
				it.weight *= s.decay[age]
			} else if p.halfLife > 0 {
				it.weight *= decayAt(age, p.halfLife)
			}
			r := s.rankBase[k] + int(it.rank)
			count[r]++
			srcs[r] |= 1 << min(it.src, 63)
			if l := latest[k] - 1; p.aggregate == rubric.AggregateLatest &&
				(l < 0 || it.day > items[l].day || it.day == items[l].day && it.rank > items[l].rank) {
				latest[k] = int32(i) + 1
			}
		}
		c := nc
		if it.cap >= 0 {
			c = int(it.cap)
			given[c]++
		}
		sorter.add(i, c, maxDay-it.day)
	}

	// Pass 3. The items are written to their places in input order, with
	// what the sums need beside them; the sums then run down the
	// canonical order. Scattered writes cost far less than scattered
	// reads.
	keys := sorter.sort()
	place := grow(buf.place, n)
	buf.place = place
	idxMask := sorter.idxMask()
	for j, key := range keys {
		place[key&idxMask] = int32(j)
	}
	trace := alloc(e.mem, &e.mem.trace, n)
	counted := grow(buf.counted, n) // in canonical order; cap -1 when not counting
	buf.counted = counted
	for i := range items {
		it := &items[i]
		j := place[i]
		t := &trace[j]
		t.Item, t.Status = &in[i], it.reason
		if it.weight > 0 {
			t.Weight = round(it.weight) // weighed for the rating
		}
		if it.usable && it.reason == Counted {
			counted[j] = weighed{it.weight, it.cap, it.rank}
		} else {
			counted[j].cap = -1
		}
	}
	total := take(&buf.floats, nc)
	for j := range counted {
		if c := &counted[j]; c.cap >= 0 {
			perRank[s.rankBase[c.cap]+int(c.rank)] += c.weight
			total[c.cap] += c.weight
		}
	}
	ranks := take(&buf.ints, nc)
	sums := alloc(e.mem, &e.mem.sums, nc)
	for k := range s.caps {
		b := s.rankBase[k]
		ranks[k] = e.decide(k, perRank[b:s.rankBase[k+1]], count[b:s.rankBase[k+1]], srcs[b:s.rankBase[k+1]],
			total[k], latest[k]-1, given[k], &sums[k])
	}

	// Pass 4: the items that counted toward no rating.
	for j := range counted {
		c := &counted[j]
		if c.cap < 0 {
			continue
		}
		switch r := ranks[c.cap]; {
		case r < 0:
			trace[j].Status = NotEnough
		case p.aggregate == rubric.AggregateHighest && int(c.rank) < r:
			trace[j].Status = BelowRating
		}
	}
	e.res.Evidence = trace
	e.res.Capabilities = alloc(e.mem, &e.mem.caps, nc)
	for k := range sums {
		e.res.Capabilities[k].Evidence = &sums[k]
	}
	return ranks
}

// counterWindows returns the first day of each counter's window
// (math.MinInt without one) and the bit set of the sources, among the first
// 64, that it accepts (all ones when it names none).
func (e *evaluation) counterWindows() (start []int, accept []uint64) {
	s := e.s
	start, accept = take(&e.buf.ints, len(s.counters)), take(&e.buf.words, len(s.counters))
	for c := range s.counters {
		ct := &s.counters[c]
		start[c] = math.MinInt
		if !ct.window.IsZero() {
			start[c] = dayNumber(evidence.DateOf(ct.window.Start(e.day.Time())))
		}
		accept[c] = math.MaxUint64
		if len(ct.sources) > 0 {
			accept[c] = 0
			for j := range min(len(e.sources), 64) {
				if slices.Contains(ct.sources, e.sources[j].name) {
					accept[c] |= 1 << j
				}
			}
		}
	}
	return start, accept
}

// counts1 reports whether usable item i, it, qualifies for counter c,
// whose window starts on day start and which accepts the sources in
// accept.
func (e *evaluation) counts1(c int, it *item, i, start int, accept uint64) bool {
	ct := &e.s.counters[c]
	if it.day < start || int(it.rank) < ct.minRank {
		return false
	}
	if ct.tag != "" && it.tags&ct.tagBit == 0 && (ct.tagBit != 0 || !slices.Contains(e.in[i].Tags, ct.tag)) {
		return false
	}
	if len(ct.sources) > 0 {
		if it.src < 64 {
			return accept&(1<<it.src) != 0
		}
		return slices.Contains(ct.sources, e.sources[it.src].name)
	}
	return true
}

// decide derives the rank of capability k from the weight, count and
// sources of its counting items at each rank, their total weight and the
// newest of them (-1: none), fills sum, and returns the rank, -1 when the
// evidence demonstrates none.
func (e *evaluation) decide(k int, weight []float64, count []int, srcs []uint64, total float64, newest int32, given int, sum *EvidenceSummary) int {
	p := &e.s.policy
	enough := func(w float64, n int, sources uint64) bool {
		return n >= p.minItems && w >= p.minWeight-1e-9 && bits.OnesCount64(sources) >= p.minSources
	}
	rank := -1
	var w float64
	var n int
	var set uint64
	switch p.aggregate {
	case rubric.AggregateMedian, rubric.AggregateLatest:
		counting := 0
		for r := range weight {
			set |= srcs[r]
			counting += count[r]
		}
		if counting > 0 && enough(total, counting, set) {
			w, n = total, counting
			if p.aggregate == rubric.AggregateMedian {
				rank = median(weight, total)
			} else {
				rank = int(e.items[newest].rank)
			}
		}
	default:
		for r := len(weight) - 1; r >= 0; r-- {
			w, n, set = w+weight[r], n+count[r], set|srcs[r]
			if enough(w, n, set) {
				rank = r
				break
			}
		}
	}
	*sum = EvidenceSummary{Rating: e.s.caps[k].label(rank), Given: given}
	if rank >= 0 {
		sum.Weight, sum.Counted, sum.Sources = round(w), n, bits.OnesCount64(set)
	}
	return rank
}

// median returns the weighted median rank, given the weight at each
// rank: the lowest rank at which the items at or below it weigh at least
// half of total.
func median(weight []float64, total float64) int {
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

// source returns the index of src among the sources seen so far, which
// index holds by name, adding it if new.
func (e *evaluation) source(index map[string]int32, src string) int32 {
	if i, ok := index[src]; ok {
		return i
	}
	w, ok := e.s.policy.sourceWeight(src)
	e.sources = append(e.sources, source{src, w, ok})
	i := int32(len(e.sources) - 1)
	index[src] = i
	return i
}

// markDuplicates marks the items whose id another item has, all but the
// first of them in canonical order (by id, then content, then input
// order), so that which one counts does not depend on input order. Pass 1
// only enters every id in a set, one map operation an item, and calls it
// when some id came twice, which real evidence rarely has.
func (e *evaluation) markDuplicates() {
	first := e.buf.first.get(len(e.in)) // the first item of each id so far
	for i := range e.in {
		id := e.in[i].ID
		if id == "" {
			continue
		}
		j, ok := first[id]
		switch {
		case !ok:
			first[id] = int32(i)
		case compareEvidence(&e.in[i], &e.in[j]) < 0: // j < i: a tie keeps j
			e.items[j].reason = Duplicate
			first[id] = int32(i)
		default:
			e.items[i].reason = Duplicate
		}
	}
	e.buf.first.clear()
}

// commonPrefix returns the length of the common prefix of a and b.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// compareItems orders items i and j canonically: by capability (unknown
// last), newest first, then by id and content, then input order.
func (e *evaluation) compareItems(i, j int) int {
	a, b := &e.items[i], &e.items[j]
	ca, cb := capOrder(a.cap, len(e.s.caps)), capOrder(b.cap, len(e.s.caps))
	if c := cmp.Compare(ca, cb); c != 0 {
		return c
	}
	if c := cmp.Compare(b.day, a.day); c != 0 {
		return c
	}
	if c := compareEvidence(&e.in[i], &e.in[j]); c != 0 {
		return c
	}
	return cmp.Compare(i, j)
}

func capOrder(c int32, n int) int {
	if c < 0 {
		return n
	}
	return int(c)
}

// dayNumber returns the number of days from 1970-01-01 to d, computed
// arithmetically (days from civil, proleptic Gregorian calendar). The
// time package gives the same for the years it can hold; a Date's year is
// any int, and the order of items must hold for every one of them.
func dayNumber(d evidence.Date) int {
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
func compareEvidence(a, b *evidence.Item) int {
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
