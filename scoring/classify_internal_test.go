package scoring

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careerladder/careerladder/evidence"
)

// TestClassifyAgainstReference checks the order of the trace and the
// duplicates that Assess finds against a plain comparison sort and a
// grouping by id, on inputs that drive each plan of the sorter (comparison,
// buckets, radix, degenerate) and the duplicate filter: shared id
// prefixes longer than a key holds, many items on one day, repeated ids
// with equal and with different content, unknown capabilities, dates
// millions of years apart. Shuffling the input must not change the JSON.
func TestClassifyAgainstReference(t *testing.T) {
	s := compileRef(t, "cto.yaml")
	asOf := evidence.Date{Year: 2026, Month: 11, Day: 27}
	for _, tc := range []struct {
		name   string
		n      int
		span   int    // days the dates spread over
		prefix string // shared by every id
		dups   int    // in 100: items that repeat an earlier id
		huge   bool   // years a quadrillion apart
	}{
		{"few", 12, 30, "", 30, false},
		{"few-buckets", 200, 365, "e", 10, false},
		{"few-one-day", 100, 0, "", 20, false},
		{"few-two-days", 60, 1, "alex-", 5, false},
		{"radix", 300, 900, "e", 10, false},
		{"buckets", 3000, 100, "alex-2026-", 5, false},
		{"wide-radix", 5000, 40000, "x", 2, false},
		{"one-day", 700, 0, "same-prefix-longer-than-a-key-", 40, false},
		{"degenerate", 400, 0, "", 10, true},
		{"no-ids", 300, 10, "", 0, false},
		{"large", 40000, 400, "ev-", 3, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tc.n), 7))
			in := make([]evidence.Item, tc.n)
			for i := range in {
				if tc.dups > 0 && i > 0 && rng.IntN(100) < tc.dups {
					in[i] = in[rng.IntN(i)]
					if rng.IntN(2) == 0 {
						in[i].Summary = fmt.Sprint("other ", i) // same id, other content
					}
					continue
				}
				ev := evidence.Item{Source: []string{"self", "peer", "manager", "artifact"}[rng.IntN(4)]}
				if tc.name != "no-ids" || rng.IntN(3) == 0 {
					ev.ID = tc.prefix + randomID(rng)
				}
				if k := rng.IntN(len(s.caps) + 1); k < len(s.caps) {
					c := &s.caps[k]
					ev.Capability, ev.Rating = c.id, c.ratings[rng.IntN(len(c.ratings))]
				} else {
					ev.Capability, ev.Rating = "no-such-capability", "advanced"
				}
				ev.Date = asOf.AddDays(-rng.IntN(tc.span + 1))
				if tc.huge {
					ev.Date = evidence.Date{Year: (rng.IntN(3) - 1) << 50, Month: time.Month(1 + rng.IntN(12)), Day: 1 + rng.IntN(28)}
				}
				in[i] = ev
			}
			res := mustAssess(t, s, evidence.Input{Person: "p", Evidence: in}, asOf)
			if len(res.Evidence) != len(in) {
				t.Fatalf("trace has %d items, want %d", len(res.Evidence), len(in))
			}
			for j, i := range referenceOrder(s, in) {
				if res.Evidence[j].Item != &in[i] {
					t.Fatalf("trace[%d] is item %d (%+v), want item %d (%+v)", j, indexOf(in, res.Evidence[j].Item),
						*res.Evidence[j].Item, i, in[i])
				}
			}
			dup := referenceDuplicates(in)
			for _, tr := range res.Evidence {
				i := indexOf(in, tr.Item)
				k := slices.Index(s.capIDs, in[i].Capability)
				want := dup[i] && k >= 0 && slices.Contains(s.caps[k].ratings, in[i].Rating)
				if got := tr.Status == Duplicate; got != want {
					t.Errorf("item %d (%q): duplicate %v, want %v", i, in[i].ID, got, want)
				}
			}
			shuffled := slices.Clone(in)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			again := mustAssess(t, s, evidence.Input{Person: "p", Evidence: shuffled}, asOf)
			var a, b bytes.Buffer
			if err := res.WriteJSON(&a); err != nil {
				t.Fatal(err)
			}
			if err := again.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("the shuffled input gives other JSON")
			}
		})
	}
}

// randomID returns an id of 0 to 12 letters from a two-letter alphabet,
// so that ids share long prefixes and repeat by chance.
func randomID(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(13) {
		b.WriteByte("ab"[rng.IntN(2)])
	}
	return b.String()
}

func indexOf(in []evidence.Item, e *evidence.Item) int {
	for i := range in {
		if &in[i] == e {
			return i
		}
	}
	return -1
}

// referenceOrder returns the indexes of in in canonical order, by a
// stable comparison sort.
func referenceOrder(s *Scorer, in []evidence.Item) []int {
	capOrd := func(e *evidence.Item) int {
		if k := slices.Index(s.capIDs, e.Capability); k >= 0 {
			return k
		}
		return len(s.caps)
	}
	idx := make([]int, len(in))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		x, y := &in[a], &in[b]
		return cmp.Or(cmp.Compare(capOrd(x), capOrd(y)), cmp.Compare(dayNumber(y.Date), dayNumber(x.Date)), compareEvidence(x, y))
	})
	return idx
}

// referenceDuplicates reports for each item whether another item with its
// id comes first in canonical order (by content, then input order).
func referenceDuplicates(in []evidence.Item) []bool {
	first := map[string]int{}
	for i := range in {
		id := in[i].ID
		if id == "" {
			continue
		}
		if j, ok := first[id]; !ok || compareEvidence(&in[i], &in[j]) < 0 {
			first[id] = i
		}
	}
	dup := make([]bool, len(in))
	for i := range in {
		if in[i].ID != "" && first[in[i].ID] != i {
			dup[i] = true
		}
	}
	return dup
}

// TestStrTable checks lookups against a map, for keys that share their
// first and last eight bytes and differ only in length or the middle.
func TestStrTable(t *testing.T) {
	keys := []string{"", "a", "leading", "learning", "proficient", "abcdefgh-x-12345678", "abcdefgh-y-12345678",
		"abcdefgh--12345678", "abcdefgh12345678", "abcdefgh2345678", "a"}
	tab := newStrTable(keys)
	want := map[string]int{}
	for i, k := range keys {
		if _, ok := want[k]; !ok {
			want[k] = i
		}
	}
	for _, k := range append(slices.Clone(keys), "b", "abcdefgh-z-12345678", "learnin", "learning ", "abcdefgh") {
		w, ok := want[k]
		if !ok {
			w = -1
		}
		if got := tab.find(k); got != w {
			t.Errorf("find(%q) = %d, want %d", k, got, w)
		}
	}
	var empty strTable
	if got := empty.find("a"); got != -1 {
		t.Errorf("empty table: find = %d", got)
	}
}

// TestSortKeys checks sortKeys against a comparison sort on keys of every
// size around its thresholds, shaped as the sorter makes them (an index
// payload in the low bits) and varying in few bits or many.
func TestSortKeys(t *testing.T) {
	const low = 9 // payload bits, enough for 300 keys
	shapes := map[string]func(r *rand.Rand) uint64{
		"random":     func(r *rand.Rand) uint64 { return r.Uint64() },
		"equal":      func(r *rand.Rand) uint64 { return 0xabcdef << 20 },
		"top-bit":    func(r *rand.Rand) uint64 { return uint64(r.IntN(2)) << 63 },
		"just-above": func(r *rand.Rand) uint64 { return uint64(r.IntN(4)) << low },
		"clustered": func(r *rand.Rand) uint64 {
			return uint64(r.IntN(7))<<60 | uint64(r.IntN(3))<<50 | uint64(r.IntN(1<<20))<<low
		},
	}
	var tmp []uint64
	var count []int32
	for name, shape := range shapes {
		for _, n := range []int{0, 1, 2, fewMinKeys - 1, fewMinKeys, fewMinKeys + 1, 100, 200, radixMinKeys - 1, radixMinKeys, 300} {
			r := rand.New(rand.NewPCG(uint64(n), 3))
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = shape(r)>>low<<low | uint64(i)
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			tmp, count = sortKeys(keys, tmp, count, low)
			if !slices.Equal(keys, want) {
				t.Errorf("%s, %d keys: sortKeys = %x, want %x", name, n, keys, want)
			}
		}
	}
}

// TestIDHeadChunk checks that the sort key's id bits taken from the heads
// equal those taken from the id itself, for every prefix length the heads
// serve: a chunk that lost bytes would still sort correctly (ties are
// settled by comparison) but slowly.
func TestIDHeadChunk(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for range 2000 {
		id := string(randomBytes(r, r.IntN(21)))
		_, hi, lo := hashHead(id)
		for lcp := range min(len(id), 7) + 1 {
			st := sorter{lcp: lcp, heads: []uint64{hi, lo}}
			if got, want := st.idChunk(0), idChunk(id[lcp:]); got != want {
				t.Fatalf("id %q, prefix %d: chunk %x, want %x", id, lcp, got, want)
			}
		}
	}
}

// TestLoadShort checks the loads that hashes and keys are built from
// against a byte-by-byte reading, for every length they serve.
func TestLoadShort(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for range 1000 {
		b := randomBytes(r, r.IntN(8))
		var want uint64
		for i, c := range b {
			want |= uint64(c) << (8 * i)
		}
		if got := loadShort(string(b)); got != want {
			t.Fatalf("loadShort(%x) = %x, want %x", b, got, want)
		}
	}
}

func randomBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	return b
}

// TestEnumText checks the names of statuses both ways, and what values
// without a name read and write.
func TestEnumText(t *testing.T) {
	for i, n := range statusNames {
		var s Status
		if err := s.UnmarshalText([]byte(n)); err != nil || s != Status(i) || s.String() != n {
			t.Errorf("status %q: read %v, %v", n, s, err)
		}
	}
	if got := Status(200).String(); got != "Status(200)" {
		t.Errorf("Status(200).String() = %q", got)
	}
	var s Status
	if err := s.UnmarshalText([]byte("maybe")); err == nil {
		t.Error("status maybe: no error")
	}
}
