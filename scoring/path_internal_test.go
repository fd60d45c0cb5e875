package scoring

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
)

func compileRef(t *testing.T, name string) *Scorer {
	t.Helper()
	l, err := ladder.Load(careerladder.Ladders(), name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// bruteForce returns the fewest rating steps from ranks that make every
// level in levels of track t pass its rating requirements, by trying every
// profile; -1 when none does.
func bruteForce(e *evaluation, t int, levels []int) int {
	s := e.s
	n := len(s.caps)
	target := make([]int, n)
	best := -1
	var try func(k, cost int)
	try = func(k, cost int) {
		if best >= 0 && cost >= best {
			return
		}
		if k == n {
			for _, i := range levels {
				v := &s.tracks[t].levels[i]
				if !expectationsMet(v, target) {
					return
				}
				for j := range v.gates {
					if g := &v.gates[j]; g.kind != gateEvidence && !e.gateMet(g, target) {
						return
					}
				}
			}
			best = cost
			return
		}
		for r := e.worst[k]; r < len(s.caps[k].ratings); r++ {
			target[k] = r
			try(k+1, cost+r-e.worst[k])
		}
	}
	try(0, 0)
	return best
}

// TestPathIsCheapest compares the search with brute force on random
// profiles, for every level of every track of the CTO and
// Engineering-Ladders-style ladders (with all the levels each needs).
func TestPathIsCheapest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, name := range []string{"cto.yaml", "engineering-ladders.yaml", "sparse.yaml"} {
		s := compileRef(t, name)
		for trial := 0; trial < 60; trial++ {
			var in evidence.Input
			a := evidence.Assessment{Assessor: "manager"}
			for _, c := range s.caps {
				if r := rng.IntN(len(c.ratings) + 1); r < len(c.ratings) {
					a.Ratings = append(a.Ratings, evidence.Rating{Capability: c.id, Rating: c.ratings[r]})
				}
			}
			in.Ratings = []evidence.Assessment{a}
			e := s.evaluate(in, evidence.Date{Year: 2026, Month: 1, Day: 1}, nil)
			for ti := range s.tracks {
				for li := range s.tracks[ti].levels {
					levels := e.chain(ti, li, e.reachedEach(ti, e.worst))
					p := e.path(ti, levels)
					want := bruteForce(e, ti, levels)
					if (want >= 0) != p.Possible || p.Possible && (p.Steps != want || !p.Exact) {
						t.Fatalf("%s trial %d, %s/%s: path %d steps (possible %v, exact %v), brute force %d",
							name, trial, s.tracks[ti].id, s.tracks[ti].levels[li].id, p.Steps, p.Possible, p.Exact, want)
					}
					if !p.Possible {
						continue
					}
					// The changes must really meet the requirements.
					target := append([]int(nil), e.worst...)
					for _, c := range p.Changes {
						k := slices.Index(s.capIDs, c.Capability)
						target[k] = slices.Index(s.caps[k].ratings, c.To)
					}
					for _, i := range levels {
						v := &s.tracks[ti].levels[i]
						ok := expectationsMet(v, target)
						for j := range v.gates {
							if g := &v.gates[j]; g.kind != gateEvidence {
								ok = ok && e.gateMet(g, target)
							}
						}
						if !ok {
							t.Fatalf("%s trial %d: the path to %s does not meet level %s", name, trial, s.tracks[ti].levels[li].id, v.id)
						}
					}
				}
			}
		}
	}
}

// mustAssess assesses in, failing t on an error.
func mustAssess(t testing.TB, s *Scorer, in evidence.Input, day evidence.Date) Result {
	t.Helper()
	res, err := s.Assess(in, day)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
