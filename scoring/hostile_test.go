package scoring_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// The hash flood of testdata/hostile (go run ./testdata/hostile/gen): a
// ladder of 16,000 capabilities whose ids, and those of its ratings, all
// collide under the hash the scorer's id tables once used, and 10,000
// evidence items whose ids all have one 64-bit hash under the hash its
// duplicate filter once used. Both made the work quadratic. The ordinary
// twin of each is the same bytes with ids of the same length that collide
// under no hash in particular.
var (
	floodCapID    = regexp.MustCompile(`flooding-c(\d{5})-flooding`)
	floodRatingID = regexp.MustCompile(`flooding-r(\d{2})-flooding`)
	floodItemID   = regexp.MustCompile(`id: '[^']*'`)
)

// floodCase is a ladder and evidence for it, compiled and parsed.
type floodCase struct {
	l  *ladder.Ladder
	s  *scoring.Scorer
	in evidence.Input
}

// floodCases returns the hash flood and its ordinary twin.
func floodCases(t testing.TB) (hostile, ordinary floodCase) {
	t.Helper()
	read := func(name string) []byte {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "hostile", name))
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	load := func(lsrc, esrc []byte) floodCase {
		l, err := ladder.Parse("hash-flood.yaml", lsrc)
		if err != nil {
			t.Fatal(err)
		}
		s, err := scoring.Compile(l)
		if err != nil {
			t.Fatal(err)
		}
		in, err := evidence.Loader{Ladder: s.Ladder()}.Parse("hash-flood-evidence.yaml", esrc)
		if err != nil {
			t.Fatal(err)
		}
		return floodCase{l, s, in}
	}
	lsrc, esrc := read("hash-flood.yaml"), read("hash-flood-evidence.yaml")
	return load(lsrc, esrc), load(ordinaryIDs(lsrc), ordinaryIDs(esrc))
}

// ordinaryIDs returns src with the ids of the hash flood replaced by
// ordinary ones of the same length.
func ordinaryIDs(src []byte) []byte {
	src = floodCapID.ReplaceAll(src, []byte("${1}-ordinary-ids-${1}"))
	src = floodRatingID.ReplaceAll(src, []byte("r${1}-ordinary-rating${1}"))
	n := 0
	return floodItemID.ReplaceAllFunc(src, func([]byte) []byte {
		n++
		return fmt.Appendf(nil, "id: 'e%023d'", n)
	})
}

// TestHashFlood checks that the hash flood compiles and assesses as its
// ordinary twin does: the same ratings, levels and reasons, and every
// duplicate found when some items are repeated. BenchmarkHashFlood
// compares their speed.
func TestHashFlood(t *testing.T) {
	hostile, ordinary := floodCases(t)
	if n := len(hostile.in.Evidence); n != 10_000 {
		t.Fatalf("%d evidence items, want 10,000", n)
	}
	// Repeat every hundredth item, with other content, in both.
	for _, c := range []*floodCase{&hostile, &ordinary} {
		for i, n := 0, len(c.in.Evidence); i < n; i += 100 {
			ev := c.in.Evidence[i]
			ev.Summary = "again"
			c.in.Evidence = append(c.in.Evidence, ev)
		}
	}
	type summary struct {
		ratings []string
		levels  []string
		reasons map[scoring.Status]int
	}
	sum := func(c floodCase) summary {
		res := assess(t, c.s, c.in, asOf)
		var sm summary
		for _, cr := range res.Capabilities {
			sm.ratings = append(sm.ratings, fmt.Sprint(cr.Rating, cr.Best, *cr.Evidence))
		}
		id := func(n *scoring.Named) string {
			if n == nil {
				return "-"
			}
			return n.ID
		}
		for _, tr := range res.Tracks {
			sm.levels = append(sm.levels, fmt.Sprint(id(tr.Level), id(tr.Best), id(tr.Next), tr.Gap.Path.Steps, len(tr.Gap.Checks)))
		}
		sm.reasons = map[scoring.Status]int{}
		for _, it := range res.Evidence {
			sm.reasons[it.Status]++
		}
		return sm
	}
	h, o := sum(hostile), sum(ordinary)
	if d := h.reasons[scoring.Duplicate]; d != 100 {
		t.Errorf("%d duplicates, want 100", d)
	}
	if got, want := string(ordinaryIDs([]byte(fmt.Sprint(h)))), fmt.Sprint(o); got != want {
		t.Errorf("the hash flood assesses otherwise than its ordinary twin:\n%s\n%s", got, want)
	}
}

// BenchmarkHashFlood compiles and assesses the hash flood and its
// ordinary twin, alternating which goes first, and reports the time of
// the flood over the time of the twin ("hostile/ordinary"): close to 1
// when no lookup is open to hash flooding.
func BenchmarkHashFlood(b *testing.B) {
	hostile, ordinary := floodCases(b)
	for _, tc := range []struct {
		name string
		f    func(floodCase)
	}{
		{"compile", func(c floodCase) {
			if _, err := scoring.Compile(c.l); err != nil {
				b.Fatal(err)
			}
		}},
		{"assess", func(c floodCase) { _, _ = c.s.Assess(c.in, asOf) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var on [2]time.Duration // hostile, ordinary
			for i := range b.N {
				for j := range 2 {
					k := (i + j) % 2
					start := time.Now()
					tc.f([]floodCase{hostile, ordinary}[k])
					on[k] += time.Since(start)
				}
			}
			b.ReportMetric(on[0].Seconds()/on[1].Seconds(), "hostile/ordinary")
		})
	}
}
