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
// items and whose allocations do not depend on how many there are:
//
//  1. In input order: resolve the capability, rating and source of each
//     item, find duplicate ids (see dupFilter), and note the range of days
//     and the common prefix of the ids, which size the sort keys.
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

// slot is an entry of the table of ids: the item's index plus one (0 for
// an empty slot) and the high half of its id's hash, compared before the
// ids themselves.
type slot struct {
	hash uint32
	item int32
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
	dups := e.newDupFilter(n)
	heads := grow(buf.heads, 2*n) // the first 16 bytes of each id, for the sort keys
	buf.heads = heads
	minDay, maxDay := math.MaxInt, math.MinInt
	id0, lcp := "", 0
	for i := range in {
		ev := &in[i]
		it := &items[i]
		*it = item{weight: ev.Weight, day: dayNumber(ev.Date), cap: -1, rank: -1, src: e.source(ev.Source)}
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
		var h uint64
		h, heads[2*i], heads[2*i+1] = hashHead(ev.ID)
		dups.add(i, ev.ID, h)
	}
	dups.finish()

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
	sorter := e.newSorter(maxDay-minDay, lcp, heads)
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
		case !(src.weight*w > 0) || math.IsInf(w, 0):
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
	enough := func(w float64, sources uint64) bool {
		return w >= p.minItems-1e-9 && bits.OnesCount64(sources) >= p.minSources
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
		if counting > 0 && enough(total, set) {
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
			if enough(w, set) {
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

// source returns the index of src among the sources seen so far, adding
// it if new. There are few distinct sources, so a scan beats a map.
func (e *evaluation) source(src string) int32 {
	for i := range e.sources {
		if e.sources[i].name == src {
			return int32(i)
		}
	}
	w, ok := e.s.policy.sourceWeight(src)
	e.sources = append(e.sources, source{src, w, ok})
	return int32(len(e.sources) - 1)
}

// A dupFilter finds the items whose id another item has. Most inputs have
// none, and a hash table of every item would spend its time missing the
// caches; so it works in two steps. First a bit per hash slot, 16 slots
// an item (a few hundred kilobytes for 100,000 items), flags each id whose
// slot is taken already: every real duplicate and some others. Then only
// the items whose hash meets a flagged one in a second, smaller bit set go
// through an exact table (markDuplicate), usually a few percent of them.
type dupFilter struct {
	e      *evaluation
	hashes []uint64 // the hash of each item's id, 0 for no id
	bits   []uint64 // the slots seen
	mask   uint64
	seen   []uint64 // full hashes found in a taken slot
}

func (e *evaluation) newDupFilter(n int) dupFilter {
	buf := e.buf
	words := 16
	for words*64 < 16*n {
		words <<= 1
	}
	f := dupFilter{e: e, hashes: grow(buf.hashes, n), bits: grow(buf.bits, words), mask: uint64(words*64 - 1), seen: buf.seen[:0]}
	clear(f.bits)
	buf.hashes, buf.bits = f.hashes, f.bits
	return f
}

// add enters item i with its id, which hashes to h (see hashHead).
func (f *dupFilter) add(i int, id string, h uint64) {
	if id == "" {
		f.hashes[i] = 0
		return
	}
	h |= 1
	f.hashes[i] = h
	b := h & f.mask
	if w, m := &f.bits[b>>6], uint64(1)<<(b&63); *w&m == 0 {
		*w |= m
	} else {
		f.seen = append(f.seen, h)
	}
}

// finish marks the duplicates among the items added.
func (f *dupFilter) finish() {
	e, buf := f.e, f.e.buf
	buf.seen = f.seen
	if len(f.seen) == 0 {
		return
	}
	// A bit per flagged hash, 128 bits or more for each, where other bits
	// of the hash pick it: nearly every item misses and is done with one
	// test; the rest go through the exact table.
	words := tableSize(len(f.seen))
	quick := grow(buf.quick, words)
	clear(quick)
	buf.quick = quick
	qmask := uint64(words*64 - 1)
	for _, h := range f.seen {
		b := h >> 40 & qmask
		quick[b>>6] |= 1 << (b & 63)
	}
	sub := buf.sub[:0]
	for i, h := range f.hashes {
		if b := h >> 40 & qmask; h != 0 && quick[b>>6]&(1<<(b&63)) != 0 {
			sub = append(sub, int32(i))
		}
	}
	buf.sub = sub
	size := tableSize(len(sub))
	table := grow(buf.table, size)
	clear(table)
	buf.table = table
	for _, i := range sub {
		e.markDuplicate(int(i), f.hashes[i], table, uint64(size-1))
	}
}

// tableSize returns the size of an open-addressing table for n entries:
// a power of two, at least twice n.
func tableSize(n int) int {
	size := 4
	for size < 2*n {
		size <<= 1
	}
	return size
}

// markDuplicate enters item i, whose id hashes to h, in the
// open-addressing table of ids. When another item has its id, the first of
// the two in canonical order (by id, then content, then input order) keeps
// the entry and the other is marked a duplicate, so which one counts does
// not depend on input order. Ids are compared only where the hashes meet.
func (e *evaluation) markDuplicate(i int, h uint64, table []slot, mask uint64) {
	id := e.in[i].ID
	tag := uint32(h >> 32)
	for sl := h >> 16 & mask; ; sl = (sl + 1) & mask {
		t := &table[sl]
		if t.item == 0 {
			*t = slot{tag, int32(i) + 1}
			return
		}
		if t.hash != tag {
			continue
		}
		j := int(t.item) - 1
		if e.in[j].ID != id {
			continue
		}
		if c := compareEvidence(&e.in[i], &e.in[j]); c < 0 || c == 0 && i < j {
			e.items[j].reason = Duplicate
			t.item = int32(i) + 1
		} else {
			e.items[i].reason = Duplicate
		}
		return
	}
}

// hashHead reads an id once for two uses. It returns its hash, taken
// eight bytes at a time and finished with the finaliser of MurmurHash3, so
// that every bit of the id reaches the low bits that pick a slot
// (collisions cost a comparison, never a wrong answer). And it returns the
// id's first 16 bytes as two words, big-endian and zero-padded as idChunk
// packs them, for the sort keys.
func hashHead(id string) (h, hi, lo uint64) {
	var head [2]uint64 // little-endian
	k := 0
	h = uint64(len(id)) * 0x9e3779b97f4a7c15
	s := id
	for ; len(s) >= 8; s = s[8:] {
		w := load64(s)
		if k < len(head) {
			head[k] = w
			k++
		}
		h = (h ^ w) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
	}
	w := loadShort(s)
	if k < len(head) {
		head[k] = w
	}
	h ^= w
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	return h ^ h>>33, bits.ReverseBytes64(head[0]), bits.ReverseBytes64(head[1])
}

// loadShort returns the bytes of s, shorter than eight, little-endian:
// from two loads of four bytes that may overlap, or from the first, middle
// and last byte when there are fewer than four.
func loadShort(s string) uint64 {
	switch n := len(s); {
	case n >= 4:
		return uint64(load32(s)) | uint64(load32(s[n-4:]))<<(8*(n-4))
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<(8*(n/2)) | uint64(s[n-1])<<(8*(n-1))
	}
	return 0
}

// load32 returns the first four bytes of s, little-endian.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// load64 returns the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
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
// arithmetically (days from civil, proleptic Gregorian calendar).
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
