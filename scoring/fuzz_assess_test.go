package scoring_test

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
	"github.com/google/go-cmp/cmp"
)

// byteSource hands out small numbers from fuzz input, then zeros.
type byteSource struct{ b []byte }

func (s *byteSource) n(max int) int {
	if len(s.b) == 0 || max <= 0 {
		return 0
	}
	v := int(s.b[0]) % max
	s.b = s.b[1:]
	return v
}

// randomLadder builds a small ladder from the source: capabilities on
// their own scales, categories, tracks of levels with expectations,
// tolerances and every gate kind, and an evidence policy.
func randomLadder(src *byteSource) *ladder.Ladder {
	l := &ladder.Ladder{Format: ladder.FormatV1, ID: "fuzz", Name: "Fuzz",
		Categories: []ladder.Category{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}}
	ncap := 1 + src.n(5)
	for i := 0; i < ncap; i++ {
		s := rubric.Scale{ID: fmt.Sprintf("s%d", i)}
		pts := 0
		for r := 0; r < 2+src.n(4); r++ {
			pts += src.n(4)
			s.Ratings = append(s.Ratings, rubric.Rating{ID: fmt.Sprintf("r%d", r), Points: pts})
		}
		l.Scales = append(l.Scales, s)
		l.Capabilities = append(l.Capabilities, ladder.Capability{ID: fmt.Sprintf("c%d", i), Name: "C",
			Category: []string{"a", "b"}[i%2], Scale: s.ID})
	}
	if ncap == 1 {
		l.Categories = l.Categories[:1]
	}
	for t := 0; t < 1+src.n(2); t++ {
		tr := ladder.Track{ID: fmt.Sprintf("t%d", t), Name: "T"}
		for v := 0; v < 1+src.n(4); v++ {
			lv := ladder.Level{ID: fmt.Sprintf("l%d", v), Name: "L", Standalone: src.n(5) == 0}
			for i, c := range l.Capabilities {
				switch k := src.n(len(l.Scales[i].Ratings) + 2); {
				case k < len(l.Scales[i].Ratings):
					lv.Expects = append(lv.Expects, rubric.Expectation{Capability: c.ID, Rating: fmt.Sprintf("r%d", k)})
				case k == len(l.Scales[i].Ratings):
					lv.Expects = append(lv.Expects, rubric.Expectation{Capability: c.ID, Rating: rubric.NotApplicable})
				}
			}
			if src.n(2) == 0 {
				lv.Tolerance = &rubric.Tolerance{Count: src.n(3), Steps: src.n(3)}
			}
			switch src.n(5) {
			case 1:
				lv.Requires = append(lv.Requires, rubric.Gate{Points: &rubric.PointsGate{Min: src.n(8)}})
			case 2:
				lv.Requires = append(lv.Requires, rubric.Gate{CategoryFloor: &rubric.CategoryFloor{Category: "a", Min: src.n(4)}})
			case 3:
				lv.Requires = append(lv.Requires, rubric.Gate{Evidence: &rubric.EvidenceGate{Capability: "c0", MinRating: "r1", Count: 1 + src.n(3), Window: rubric.Period{N: 1 + src.n(12), Unit: "mo"}}})
			case 4:
				lv.Requires = append(lv.Requires, rubric.Gate{NOfM: &rubric.NOfM{N: 1, Capabilities: []string{"c0"}, MinRating: "r1"}})
			}
			tr.Levels = append(tr.Levels, lv)
		}
		l.Tracks = append(l.Tracks, tr)
	}
	l.Rules.Evidence = &rubric.EvidencePolicy{Window: rubric.Period{N: 1 + src.n(24), Unit: "mo"}, MinItems: src.n(3), MinSources: src.n(3)}
	if src.n(2) == 0 {
		l.Rules.Evidence.HalfLife = rubric.Period{N: 1 + src.n(12), Unit: "mo"}
	}
	return l
}

func randomEvidence(src *byteSource, l *ladder.Ladder, n int) []evidence.Item {
	var out []evidence.Item
	for i := 0; i < n; i++ {
		c := src.n(len(l.Capabilities) + 1) // one past the end: unknown
		id := fmt.Sprintf("c%d", c)
		out = append(out, evidence.Item{
			ID: fmt.Sprintf("e%d", src.n(40)), Capability: id, Rating: fmt.Sprintf("r%d", src.n(6)),
			Date:   asOf.AddDays(20 - src.n(250)*4),
			Source: []string{"self", "peer", "manager"}[src.n(3)],
		})
	}
	return out
}

// FuzzAssess builds a random valid ladder and random evidence: assessing
// never panics, gives the same bytes twice, reused memory gives the same result, and one more
// evidence item never lowers a level.
func FuzzAssess(f *testing.F) {
	f.Add([]byte{3, 2, 1, 4, 0, 2, 1, 1, 3, 2, 2, 2, 0, 1, 4, 3, 2, 1, 0, 5, 9, 7, 3})
	f.Add(bytes.Repeat([]byte{1, 2, 3}, 40))
	f.Add(bytes.Repeat([]byte{255, 0, 7}, 60))
	f.Fuzz(func(t *testing.T, data []byte) {
		src := &byteSource{b: data}
		l := randomLadder(src)
		s, err := scoring.Compile(l)
		if err != nil {
			t.Skip("not a valid ladder") // e.g. a points gate no ratings can reach
		}
		in := evidence.Input{Person: "p", Evidence: randomEvidence(src, l, src.n(30))}
		a := assess(t, s, in, asOf)
		if !bytes.Equal(jsonOf(t, a), jsonOf(t, assess(t, s, in, asOf))) {
			t.Fatal("two assessments differ")
		}
		if len(a.Evidence) != len(in.Evidence) {
			t.Fatalf("%d items in, %d traced", len(in.Evidence), len(a.Evidence))
		}
		more := append(in.Evidence, randomEvidence(src, l, 1)...)
		more[len(more)-1].ID = "extra-unique"
		b := assess(t, s, evidence.Input{Person: "p", Evidence: more}, asOf)
		// Reused memory gives the same results, after a bigger one and
		// after a smaller one.
		var rb scoring.ResultBuffer
		for _, want := range []scoring.Result{b, a, b} {
			in := in
			if len(want.Evidence) != len(a.Evidence) {
				in.Evidence = more
			}
			if got, err := s.AssessInto(&rb, in, asOf); err != nil || !reflect.DeepEqual(*got, want) {
				t.Fatalf("AssessInto differs from Assess:\n%s", cmp.Diff(want, *got))
			}
		}
		for ti := range a.Tracks {
			if levelIndex(s, ti, b.Tracks[ti].Level) < levelIndex(s, ti, a.Tracks[ti].Level) {
				t.Fatalf("one more item lowered track %s from %v to %v", a.Tracks[ti].ID, a.Tracks[ti].Level, b.Tracks[ti].Level)
			}
		}
		for _, tr := range l.Tracks {
			for _, lv := range tr.Levels {
				if _, err := s.Gap(in, asOf, tr.ID, lv.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
