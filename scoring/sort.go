package scoring

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// A sorter puts the items of an evaluation in canonical order: by
// capability (unknown ones last), newest first, then by id and content,
// then input order. It sorts one uint64 key per item, which packs that
// order as keyLayout describes with the item's index in the low bits, and
// then orders the keys that tie on everything but the index (same
// capability and day, ids alike as far as the key holds them) by
// comparing the items themselves.
type sorter struct {
	e      *evaluation
	keys   []uint64
	lcp    int
	layout keyLayout
}

// newSorter prepares a sorter for e's items, whose days span span days
// and whose ids share their first lcp bytes.
func (e *evaluation) newSorter(span, lcp int) sorter {
	n := len(e.items)
	st := sorter{e: e, lcp: lcp, layout: newKeyLayout(len(e.s.caps), span, n)}
	st.keys = grow(e.buf.keys, n)
	e.buf.keys = st.keys
	return st
}

// add enters item i: capability index c (the number of capabilities for
// an unknown one) and age days older than the newest item.
func (st *sorter) add(i, c, age int) {
	st.keys[i] = st.layout.key(c, age, idChunk(st.e.in[i].ID[st.lcp:]), i)
}

func (st *sorter) idxMask() uint64 { return 1<<st.layout.idxBits - 1 }

// sort returns the keys of all items in canonical order.
func (st *sorter) sort() []uint64 {
	slices.Sort(st.keys)
	st.settleTies(st.keys)
	return st.keys
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
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}
