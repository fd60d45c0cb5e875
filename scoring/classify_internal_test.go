package scoring

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
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
	asOf := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
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
			in := make([]Evidence, tc.n)
			for i := range in {
				if tc.dups > 0 && i > 0 && rng.IntN(100) < tc.dups {
					in[i] = in[rng.IntN(i)]
					if rng.IntN(2) == 0 {
						in[i].Summary = fmt.Sprint("other ", i) // same id, other content
					}
					continue
				}
				ev := Evidence{Source: []string{"self", "peer", "manager", "artifact"}[rng.IntN(4)]}
				if tc.name != "no-ids" || rng.IntN(3) == 0 {
					ev.ID = tc.prefix + randomID(rng)
				}
				if k := rng.IntN(len(s.caps) + 1); k < len(s.caps) {
					c := &s.caps[k]
					ev.Capability, ev.Rating = c.id, c.ratings[rng.IntN(len(c.ratings))]
				} else {
					ev.Capability, ev.Rating = "no-such-capability", "advanced"
				}
				ev.Date = DateOf(asOf.AddDate(0, 0, -rng.IntN(tc.span+1)))
				if tc.huge {
					ev.Date = Date{Year: (rng.IntN(3) - 1) << 50, Month: time.Month(1 + rng.IntN(12)), Day: 1 + rng.IntN(28)}
				}
				in[i] = ev
			}
			res := s.Assess(Input{Person: "p", Evidence: in}, asOf)
			if len(res.Evidence) != len(in) {
				t.Fatalf("trace has %d items, want %d", len(res.Evidence), len(in))
			}
			for j, i := range referenceOrder(s, in) {
				if res.Evidence[j].Evidence != &in[i] {
					t.Fatalf("trace[%d] is item %d (%+v), want item %d (%+v)", j, indexOf(in, res.Evidence[j].Evidence),
						*res.Evidence[j].Evidence, i, in[i])
				}
			}
			dup := referenceDuplicates(in)
			for _, tr := range res.Evidence {
				i := indexOf(in, tr.Evidence)
				k := slices.Index(s.capIDs, in[i].Capability)
				want := dup[i] && k >= 0 && slices.Contains(s.caps[k].ratings, in[i].Rating)
				if got := tr.Reason == ReasonDuplicate; got != want {
					t.Errorf("item %d (%q): duplicate %v, want %v", i, in[i].ID, got, want)
				}
			}
			shuffled := slices.Clone(in)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			again := s.Assess(Input{Person: "p", Evidence: shuffled}, asOf)
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

func indexOf(in []Evidence, e *Evidence) int {
	for i := range in {
		if &in[i] == e {
			return i
		}
	}
	return -1
}

// referenceOrder returns the indexes of in in canonical order, by a
// stable comparison sort.
func referenceOrder(s *Scorer, in []Evidence) []int {
	capOrd := func(e *Evidence) int {
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
func referenceDuplicates(in []Evidence) []bool {
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

// TestItemTraceJSON checks the hand-written JSON of item traces against
// what encoding/json writes for the same fields, on strings with every
// kind of character it escapes or replaces, and numbers in every format,
// both alone and inside encoders that do and do not escape HTML.
func TestItemTraceJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	pieces := []string{"a", "Z", "0", " ", "-", "\"", "\\", "/", "<", ">", "&", "\x00", "\x01", "\x1f", "\b", "\f", "\n", "\r", "\t",
		"\x7f", "é", "€", "😀", "\u2028", "\u2029", "\xff", "\xe2\x82", "\xed\xa0\x80", "\u00a0", "\ufffd"}
	str := func() string {
		var sb strings.Builder
		for range r.IntN(6) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		return sb.String()
	}
	weights := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e-6, 9.99e-7, 1e-7, 1.5e-300, 1e20, 1e21, 123456789.123, -2.5e22, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for i := range 5000 {
		ev := &Evidence{ID: str(), Capability: str(), Rating: str(), Source: str(), Summary: str()}
		switch r.IntN(4) {
		case 0: // unset
		case 1:
			ev.Date = Date{Year: 1 + r.IntN(9999), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
		case 2:
			ev.Date = Date{Year: r.IntN(40000) - 20000, Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
		case 3:
			ev.Date = Date{Year: 2026, Month: time.Month(r.IntN(14)), Day: r.IntN(33)}
		}
		tr := ItemTrace{Evidence: ev, Status: Status(r.IntN(3)), Reason: Reason(r.IntN(len(reasonNames) + 2)), Weight: weights[r.IntN(len(weights))]}
		if r.IntN(3) == 0 {
			tr.Weight = r.NormFloat64() * math.Pow(10, float64(r.IntN(60)-30))
		}
		if i%97 == 0 {
			tr.Evidence = nil
		}
		got, err := tr.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceTraceJSON(t, tr); !bytes.Equal(got, want) {
			t.Fatalf("%#v:\n got %s\nwant %s", tr, got, want)
		}
		for _, html := range []bool{false, true} {
			var a, b bytes.Buffer
			ea, eb := json.NewEncoder(&a), json.NewEncoder(&b)
			ea.SetEscapeHTML(html)
			eb.SetEscapeHTML(html)
			if err := ea.Encode([]ItemTrace{tr}); err != nil {
				t.Fatal(err)
			}
			if err := eb.Encode([]json.RawMessage{referenceTraceJSON(t, tr)}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("escape HTML %v: %s, want %s", html, a.Bytes(), b.Bytes())
			}
		}
	}
	for _, w := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := (ItemTrace{Weight: w}).MarshalJSON(); err == nil {
			t.Errorf("weight %v: no error", w)
		}
	}
}

// referenceTraceJSON is the JSON of an item trace as encoding/json writes
// its fields, without escaping HTML.
func referenceTraceJSON(t *testing.T, tr ItemTrace) []byte {
	t.Helper()
	v := itemTraceJSON{Status: tr.Status, Reason: tr.Reason, Weight: tr.Weight}
	if e := tr.Evidence; e != nil {
		v.ID, v.Capability, v.Rating, v.Date, v.Source = e.ID, e.Capability, e.Rating, e.Date, e.Source
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// TestEnumText checks the names of statuses and reasons both ways, and
// what values without a name read and write.
func TestEnumText(t *testing.T) {
	for i, n := range reasonNames {
		var r Reason
		if err := r.UnmarshalText([]byte(n)); err != nil || r != Reason(i) || r.String() != n {
			t.Errorf("reason %q: read %v, %v", n, r, err)
		}
	}
	for i, n := range statusNames {
		var s Status
		if err := s.UnmarshalText([]byte(n)); err != nil || s != Status(i) || s.String() != n {
			t.Errorf("status %q: read %v, %v", n, s, err)
		}
	}
	if got := Status(7).String(); got != "Status(7)" {
		t.Errorf("Status(7).String() = %q", got)
	}
	if got := Reason(200).String(); got != "Reason(200)" {
		t.Errorf("Reason(200).String() = %q", got)
	}
	var s Status
	if err := s.UnmarshalText([]byte("maybe")); err == nil {
		t.Error("status maybe: no error")
	}
	var r Reason
	if err := r.UnmarshalText([]byte("because")); err == nil {
		t.Error("reason because: no error")
	}
}

// TestDayNumber checks dayNumber against the time package on dates from
// 10,000 years before the epoch to 10,000 after, month ends and leap days
// among them.
func TestDayNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 100_000 {
		d := Date{Year: r.IntN(20001) - 10000, Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(31)}
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
