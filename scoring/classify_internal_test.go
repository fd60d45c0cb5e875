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
// grouping by id, on inputs that drive the sort keys every way (ids
// alike in all the bits a key holds, a degenerate layout) and the search
// for duplicates: shared id prefixes longer than a key holds, many items
// on one day, repeated ids with equal and with different content,
// unknown capabilities, dates millions of years apart. Shuffling the
// input must not change the JSON.
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

// TestDayNumber checks dayNumber against the time package on dates from
// 10,000 years before the epoch to 10,000 after, month ends and leap days
// among them.
func TestDayNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 100_000 {
		d := evidence.Date{Year: r.IntN(20001) - 10000, Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(31)}
		tm := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
		if tm.Day() != d.Day {
			continue // no such day in that month
		}
		want := tm.Unix() / 86400 // midnight: exact
		if got := dayNumber(d); int64(got) != want {
			t.Fatalf("dayNumber(%v) = %d, want %d", d, got, want)
		}
	}
}
