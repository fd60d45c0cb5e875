package scoring

import (
	"math/bits"
	"slices"
)

// A sorter puts the items of an evaluation in canonical order: by
// capability (unknown ones last), newest first, then by id and content,
// then input order. It works on one uint64 key per item whose low idxBits
// hold the item's index, and picks one of two plans:
//
//   - Buckets, when there are few distinct (capability, day) pairs for the
//     number of items, as with any real evidence: a counting sort on the
//     pair (one pass to count, one to place), then each bucket, typically
//     a handful of items, sorted on its keys, which hold the first bytes of
//     the id after the prefix all ids share.
//   - Radix, otherwise (dates spread over decades): the whole order packed
//     in the key as keyLayout describes, sorted by sortKeys.
//
// Either way, keys that tie on everything but the index (same capability
// and day, ids alike as far as the key holds them) are then ordered by
// comparing the items themselves.
type sorter struct {
	e       *evaluation
	keys    []uint64
	idxBits uint
	lcp     int
	heads   []uint64 // see idHead
	// buckets plan
	buckets bool
	days    int     // days per capability: the day span plus one
	bucket  []int32 // the bucket of each item
	count   []int32 // items per bucket, then where each bucket starts
	// radix plan
	layout keyLayout
}

// The buckets plan runs for minBucketItems items or more, and when there
// are at most maxBucketsPerItem buckets per item, so that its memory and
// its walk over the buckets stay in proportion to the input. Fewer items
// take the radix plan, whose keys sortKeys sorts in one counting pass
// (see sortFew).
const (
	minBucketItems    = 256
	maxBucketsPerItem = 4
)

// newSorter prepares a sorter for e's items, whose days span span days
// and whose ids share their first lcp bytes; heads holds the first 16
// bytes of each id, as idHead returns them.
func (e *evaluation) newSorter(span, lcp int, heads []uint64) sorter {
	n := len(e.items)
	buf := e.buf
	st := sorter{e: e, lcp: lcp, heads: heads, idxBits: uint(bits.Len(uint(max(n-1, 0))))}
	st.keys = grow(buf.keys, n)
	buf.keys = st.keys
	groups := len(e.s.caps) + 1
	limit := maxBucketsPerItem * n
	if n >= minBucketItems && span >= 0 && span < limit && groups*(span+1) <= limit {
		st.buckets, st.days = true, span+1
		st.bucket = grow(buf.bucket, n)
		buf.bucket = st.bucket
		st.count = grow(buf.count, groups*st.days+1)
		clear(st.count)
		buf.count = st.count
		return st
	}
	st.layout = newKeyLayout(len(e.s.caps), span, n)
	return st
}

// add enters item i: capability index c (the number of capabilities for
// an unknown one) and age days older than the newest item.
func (st *sorter) add(i, c, age int) {
	if !st.buckets {
		st.keys[i] = st.layout.key(c, age, st.idChunk(i), i)
		return
	}
	b := c*st.days + age
	st.bucket[i] = int32(b)
	st.count[b+1]++
	st.keys[i] = st.idChunk(i)>>st.idxBits<<st.idxBits | uint64(i)
}

// idChunk returns idChunk of item i's id after the prefix all ids share:
// from the heads when they hold it (the prefix is shorter than 8 bytes),
// so that this pass need not read the input again, else from the id.
func (st *sorter) idChunk(i int) uint64 {
	switch lcp := uint(st.lcp); {
	case lcp == 0:
		return st.heads[2*i]
	case lcp < 8:
		return st.heads[2*i]<<(8*lcp) | st.heads[2*i+1]>>(64-8*lcp)
	}
	return idChunk(st.e.in[i].ID[st.lcp:])
}

func (st *sorter) idxMask() uint64 { return 1<<st.idxBits - 1 }

// sort returns the keys of all items in canonical order.
func (st *sorter) sort() []uint64 {
	buf := st.e.buf
	if !st.buckets {
		buf.tmp, buf.count = sortKeys(st.keys, buf.tmp, buf.count, st.idxBits)
		st.settleTies(st.keys)
		return st.keys
	}
	count := st.count
	for b := 1; b < len(count); b++ {
		count[b] += count[b-1]
	}
	out := grow(buf.tmp, len(st.keys))
	for i, k := range st.keys {
		b := st.bucket[i]
		out[count[b]] = k
		count[b]++
	}
	// count[b] is now where bucket b ends.
	lo := int32(0)
	for _, hi := range count[:len(count)-1] {
		if hi-lo > 1 {
			run := out[lo:hi]
			slices.Sort(run) // insertion sort for the usual handful
			st.settleTies(run)
		}
		lo = hi
	}
	// Swap the buffers: the sorted keys are in what was tmp.
	buf.keys, buf.tmp = out, st.keys
	return out
}

// settleTies orders the runs of sorted keys that tie on everything but the
// item index by comparing the items.
func (st *sorter) settleTies(keys []uint64) {
	mask := st.idxMask()
	e := st.e
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi]&^mask == keys[lo]&^mask {
			hi++
		}
		if hi-lo > 1 {
			slices.SortFunc(keys[lo:hi], func(a, b uint64) int {
				return e.compareItems(int(a&mask), int(b&mask))
			})
		}
		lo = hi
	}
}

// A keyLayout packs the canonical order of an item into one uint64, from
// the top: its capability (unknown ones last), its age in days from the
// newest item, as many bits of its id (after the prefix all ids share) as
// fit, and its index in the input. Sorting the keys as integers sorts the
// items canonically up to ties of capability, day and the id bits kept,
// which settleTies resolves by comparing the items; the index rides along
// in the low bits and keeps the sort stable.
//
// When capability, age and index alone need more than 64 bits (dates
// thousands of years apart in a huge input), the layout degenerates: the
// key is the index alone, and all items are compared.
type keyLayout struct {
	idxBits, idBits    uint
	dayShift, capShift uint
	degenerate         bool
}

func newKeyLayout(caps, daySpan, n int) keyLayout {
	idx := uint(bits.Len(uint(max(n-1, 0))))
	day := uint(bits.Len64(uint64(daySpan)))
	c := uint(bits.Len(uint(caps)))
	if daySpan < 0 || idx+day+c > 64 {
		return keyLayout{idxBits: idx, degenerate: true}
	}
	id := 64 - idx - day - c
	return keyLayout{idxBits: idx, idBits: id, dayShift: idx + id, capShift: idx + id + day}
}

// key returns the key of item i: capability index c, age days older than
// the newest item, and chunk, the idChunk of its id after the prefix all
// ids share.
func (l keyLayout) key(c, age int, chunk uint64, i int) uint64 {
	if l.degenerate {
		return uint64(i)
	}
	k := uint64(c)<<l.capShift | uint64(age)<<l.dayShift | uint64(i)
	if l.idBits > 0 {
		k |= chunk >> (64 - l.idBits) << l.idxBits
	}
	return k
}

// idChunk packs the first 8 bytes of s big-endian, zero-padded, so that
// comparing chunks orders strings as comparing them does, up to ties.
func idChunk(s string) uint64 {
	if len(s) >= 8 {
		_ = s[7]
		return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
			uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
	}
	var p uint64
	for i := 0; i < len(s); i++ {
		p |= uint64(s[i]) << (56 - 8*i)
	}
	return p
}

// sortKeys sorts keys by their bits from low up, keeping the order of keys
// equal in those bits (the bits below low are the payload). It is an LSD
// radix sort over bytes that skips the bytes no key varies in: linear in
// the number of keys, where a comparison sort would call a function some
// n·log n times. It needs a buffer as large as keys, which it takes from
// tmp when big enough and returns for reuse; count is scratch for fewer
// keys (see sortFew), returned for reuse too.
func sortKeys(keys, tmp []uint64, count []int32, low uint) ([]uint64, []int32) {
	if len(keys) < radixMinKeys {
		return sortFew(keys, tmp, count, low)
	}
	tmp = grow(tmp, len(keys))
	var diff uint64
	for _, k := range keys {
		diff |= k ^ keys[0]
	}
	src, dst := keys, tmp
	for shift := low; shift < 64; shift += 8 {
		if diff>>shift&0xff == 0 {
			continue
		}
		var at [256]int
		for _, k := range src {
			at[k>>shift&0xff]++
		}
		sum := 0
		for d, c := range at {
			at[d] = sum
			sum += c
		}
		for _, k := range src {
			d := k >> shift & 0xff
			dst[at[d]] = k
			at[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
	return tmp, count
}

// Below radixMinKeys keys, the passes of sortKeys over 256 digits each cost
// more than the keys; below fewMinKeys, a comparison sort is cheapest.
const (
	radixMinKeys = 256
	fewMinKeys   = 32
)

// sortFew sorts fewer than radixMinKeys keys as sortKeys does, in one
// counting pass and small sorts: the keys go to buckets by the highest
// bits in which they differ, about four buckets a key, and the few keys
// that share a bucket are then sorted by comparison. The payload below
// low makes the keys distinct, so sorting them as integers keeps the
// order of keys equal above it. On such keys, which differ first in
// capability and day, a comparison sort of all of them mispredicts a
// branch at almost every other step and takes about three times as long.
func sortFew(keys, tmp []uint64, count []int32, low uint) ([]uint64, []int32) {
	n := len(keys)
	var diff uint64
	for _, k := range keys {
		diff |= k ^ keys[0]
	}
	diff >>= low
	if n < fewMinKeys || diff == 0 {
		slices.Sort(keys)
		return tmp, count
	}
	top := uint(bits.Len64(diff)) + low // above the highest bit that varies
	width := min(uint(bits.Len(uint(n)))+2, top-low)
	shift, mask := top-width, uint64(1)<<width-1
	count = grow(count, 1<<width+1)
	clear(count)
	for _, k := range keys {
		count[k>>shift&mask+1]++
	}
	for d := 1; d < len(count); d++ {
		count[d] += count[d-1]
	}
	tmp = grow(tmp, n)
	for _, k := range keys {
		d := k >> shift & mask
		tmp[count[d]] = k
		count[d]++
	}
	for lo := 0; lo < n; {
		hi, d := lo+1, tmp[lo]>>shift
		for hi < n && tmp[hi]>>shift == d {
			hi++
		}
		if hi-lo > 1 {
			slices.Sort(tmp[lo:hi])
		}
		lo = hi
	}
	copy(keys, tmp)
	return tmp, count
}
