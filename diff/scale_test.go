package diff

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// adversarial returns two versions of a ladder with n of everything that
// Ladders matches by id: ratings, capabilities, levels, expectations,
// gates, weights, thresholds and titles. The new version lists each list
// backwards, with the upper half of its ids replaced, so that an element
// found by searching the other list is found only at its far end or not
// at all; every expectation changes to another rating of one scale of n.
func adversarial(n int) (old, new *ladder.Ladder) {
	build := func(renamed bool) *ladder.Ladder {
		id := func(prefix string, i int) string {
			if renamed && i >= n/2 {
				prefix += "x"
			}
			return prefix + strconv.Itoa(i)
		}
		l := &ladder.Ladder{Format: ladder.FormatV1, ID: "big", Name: "Big"}
		s := rubric.Scale{ID: "s"}
		for i := range n {
			s.Ratings = append(s.Ratings, rubric.Rating{ID: "r" + strconv.Itoa(i), Points: i})
		}
		l.Scales = []rubric.Scale{s}
		var gates []rubric.Gate
		for i := range n {
			min := i
			if renamed {
				min++
			}
			gates = append(gates, rubric.Gate{Points: &rubric.PointsGate{Min: min}})
		}
		t := ladder.Track{ID: "t", Name: "T"}
		for i := range n {
			c := id("c", i)
			l.Capabilities = append(l.Capabilities, ladder.Capability{ID: c, Name: c, Scale: "s",
				Descriptors: []rubric.Descriptor{{Rating: "r0", Summary: c}, {Rating: "r1", Summary: c}}})
			r := i
			if renamed {
				r = n - 1 - i
			}
			t.Levels = append(t.Levels, ladder.Level{ID: id("l", i), Name: c,
				Expects: []rubric.Expectation{{Capability: c, Rating: "r" + strconv.Itoa(r)}}})
			l.Rules.Weights = append(l.Rules.Weights, rubric.Weight{Capability: c, Factor: 2})
			l.Rules.Thresholds = append(l.Rules.Thresholds, rubric.Threshold{ID: id("h", i), MinPoints: i})
			l.Titles = append(l.Titles, rubric.Title{ID: id("ti", i), Name: c, MinPoints: i})
		}
		t.Levels[0].Requires = gates
		l.Tracks = []ladder.Track{t}
		if renamed {
			slices.Reverse(l.Capabilities)
			slices.Reverse(l.Tracks[0].Levels)
			slices.Reverse(l.Rules.Weights)
			slices.Reverse(l.Rules.Thresholds)
			slices.Reverse(l.Titles)
		}
		return l
	}
	return build(false), build(true)
}

// TestMatchCallsIDOncePerElement counts the work of matching two lists by
// id, without a clock: one call of the id function per element, however
// the lists are ordered, so that doubling them doubles it.
func TestMatchCallsIDOncePerElement(t *testing.T) {
	for _, n := range []int{1000, 2000, 4000} {
		old, new := adversarial(n)
		calls, pairs := 0, 0
		id := func(l *ladder.Level) string { calls++; return l.ID }
		match(old.Tracks[0].Levels, new.Tracks[0].Levels, id, func(_ string, o, n *ladder.Level) {
			if o != nil && n != nil {
				pairs++
			}
		})
		if want := 2 * n; calls != want {
			t.Errorf("n=%d: %d calls of id, want %d", n, calls, want)
		}
		if want := n / 2; pairs != want {
			t.Errorf("n=%d: %d pairs, want %d", n, pairs, want)
		}
	}
}

// TestAdversarialReport checks the shape of the adversarial diff, so that
// the benchmark measures what it says: half of every list matched, half
// added and half removed, every expectation changed.
func TestAdversarialReport(t *testing.T) {
	const n = 100
	old, new := adversarial(n)
	r, err := Ladders(old, new)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, c := range r.Changes {
		kinds[c.Kind]++
	}
	// Of each list of n matched by id (capabilities, levels, weights,
	// thresholds, titles), n/2 are removed and n/2 added; the order of the
	// half in both changes in the four lists whose order counts. The n/2
	// levels in both change their expectation, and one points gate of n
	// changes its text.
	want := map[string]int{Added: 5 * n / 2, Removed: 5 * n / 2, Moved: 4, Changed: n/2 + 1}
	if !maps.Equal(kinds, want) {
		t.Errorf("changes by kind: %v, want %v", kinds, want)
	}
}

// BenchmarkLaddersDoubling reports what twice the ladder costs as a ratio
// within each iteration: it diffs the adversarial ladders of n twice and
// those of 2n once, alternating which goes first, and reports the time of
// the large over the small ("ratio": 2 is linear, 4 quadratic). Pairing
// the runs close in time keeps a shared machine's drift out of the ratio.
func BenchmarkLaddersDoubling(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		so, sn := adversarial(n)
		lo, ln := adversarial(2 * n)
		b.Run(fmt.Sprintf("%d-to-%d", n, 2*n), func(b *testing.B) {
			var tSmall, tLarge time.Duration
			for i := range b.N {
				for j := range 2 {
					start := time.Now()
					if (i+j)%2 == 0 {
						for range 2 {
							_, _ = Ladders(so, sn)
						}
						tSmall += time.Since(start)
					} else {
						_, _ = Ladders(lo, ln)
						tLarge += time.Since(start)
					}
				}
			}
			b.ReportMetric(2*tLarge.Seconds()/tSmall.Seconds(), "ratio")
		})
	}
}
