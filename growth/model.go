package growth

import (
	"math"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// model is a ladder with its ids resolved to indexes, for the day-by-day
// evaluation of a History: the same rules as package scoring applies to
// levels and gates, over ranks (-1 unrated) rather than rating ids. The
// tests hold it to scoring.Scorer.Assess day by day.
type model struct {
	l      *ladder.Ladder
	caps   []capModel
	capIdx map[string]int
	tracks []trackModel
	// counters are what the evidence gates count; gates that count the
	// same items share one.
	counters []counterModel
	gates    []gateRef // the evidence gates, in ladder order
	policy   policyModel
}

type capModel struct {
	id, name string
	scale    *rubric.Scale
	points   []float64 // weighted points of each rank
}

// pointsAt returns the points of rank r, 0 when unrated.
func (c *capModel) pointsAt(r int) float64 {
	if r < 0 {
		return 0
	}
	return c.points[r]
}

type trackModel struct {
	id, name string
	levels   []levelModel
}

type levelModel struct {
	id, name   string
	standalone bool
	expects    [][2]int // capability, minimum rank; n/a left out
	tolerance  rubric.Tolerance
	gates      []gateModel
}

type gateKind int

const (
	kindPoints gateKind = iota // points and category floors
	kindEvidence
	kindNOfM
)

type gateModel struct {
	kind    gateKind
	caps    []int // summed (nil: all), or the n-of-m capabilities
	ranks   []int // the rank each n-of-m capability must reach
	min     float64
	n       int
	counter int // an evidence gate's counter
	count   int
}

// A counterModel is what an evidence gate counts: usable items of one
// capability at a minimum rank or above, with a tag and from sources if
// the gate names them, dated inside a window.
type counterModel struct {
	gate    *rubric.EvidenceGate
	cap     int
	minRank int
	window  rubric.Period // the gate's, else the policy's
}

// gateRef names an evidence gate of a level and its counter.
type gateRef struct {
	track, level int
	src          *rubric.Gate
	counter      int
}

type policyModel struct {
	window     rubric.Period
	halfLife   float64 // in days; 0: no decay
	minItems   int
	minWeight  float64
	minSources int
	aggregate  rubric.Aggregation
	p          *rubric.EvidencePolicy
}

// newModel resolves the ladder of s, which scoring.Compile validated.
func newModel(s *scoring.Scorer) *model {
	l := s.Ladder()
	m := &model{l: l, capIdx: make(map[string]int, len(l.Capabilities))}
	for i := range l.Capabilities {
		c := &l.Capabilities[i]
		sc, _ := l.ScaleOf(c)
		cm := capModel{id: c.ID, name: c.Name, scale: sc}
		w := l.Weight(c.ID)
		for _, r := range sc.Ratings {
			cm.points = append(cm.points, w*float64(r.Points))
		}
		if _, dup := m.capIdx[c.ID]; !dup {
			m.capIdx[c.ID] = i
		}
		m.caps = append(m.caps, cm)
	}
	p := l.Rules.Evidence
	m.policy = policyModel{minItems: 1, minSources: 1, aggregate: rubric.AggregateHighest, p: p}
	if p != nil {
		m.policy.window, m.policy.halfLife = p.Window, p.HalfLife.Days()
		if p.MinItems > 0 {
			m.policy.minItems = p.MinItems
		}
		m.policy.minWeight = p.MinWeight
		if p.MinSources > 0 {
			m.policy.minSources = p.MinSources
		}
		if p.Aggregate != "" {
			m.policy.aggregate = p.Aggregate
		}
	}
	catCaps := func(cats []string) []int {
		out := []int{}
		for k := range l.Capabilities {
			for _, c := range cats {
				if l.Capabilities[k].Category == c {
					out = append(out, k)
					break
				}
			}
		}
		return out
	}
	for ti := range l.Tracks {
		t := &l.Tracks[ti]
		tm := trackModel{id: t.ID, name: t.Name}
		for li := range t.Levels {
			v := &t.Levels[li]
			lm := levelModel{id: v.ID, name: v.Name, standalone: v.Standalone}
			if v.Tolerance != nil {
				lm.tolerance = *v.Tolerance
			}
			for _, e := range v.Expects {
				if e.Rating == rubric.NotApplicable {
					continue
				}
				k := m.capIdx[e.Capability]
				lm.expects = append(lm.expects, [2]int{k, m.caps[k].scale.Rank(e.Rating)})
			}
			for gi := range v.Requires {
				g := &v.Requires[gi]
				var gm gateModel
				switch g.Kind() {
				case "points":
					gm.kind, gm.min = kindPoints, float64(g.Points.Min)
					if len(g.Points.Categories) > 0 {
						gm.caps = catCaps(g.Points.Categories)
					}
				case "category_floor":
					gm.kind, gm.min = kindPoints, float64(g.CategoryFloor.Min)
					gm.caps = catCaps([]string{g.CategoryFloor.Category})
				case "evidence":
					gm.kind, gm.count = kindEvidence, g.Evidence.Count
					gm.counter = m.counterOf(g.Evidence)
					m.gates = append(m.gates, gateRef{ti, li, g, gm.counter})
				case "n_of_m":
					gm.kind, gm.n = kindNOfM, g.NOfM.N
					for _, id := range g.NOfM.Capabilities {
						k := m.capIdx[id]
						gm.caps = append(gm.caps, k)
						gm.ranks = append(gm.ranks, m.caps[k].scale.Rank(g.NOfM.MinRating))
					}
				}
				lm.gates = append(lm.gates, gm)
			}
			tm.levels = append(tm.levels, lm)
		}
		m.tracks = append(m.tracks, tm)
	}
	return m
}

// counterOf returns the index of the counter of evidence gate g, adding
// it when no gate before counts the same items.
func (m *model) counterOf(g *rubric.EvidenceGate) int {
	k := m.capIdx[g.Capability]
	c := counterModel{gate: g, cap: k, minRank: -1, window: gateWindow(m.l, g)}
	if g.MinRating != "" {
		c.minRank = m.caps[k].scale.Rank(g.MinRating)
	}
	for i, d := range m.counters {
		if d.cap == c.cap && d.minRank == c.minRank && d.window == c.window && d.gate.Tag == g.Tag && equal(d.gate.Sources, g.Sources) {
			return i
		}
	}
	m.counters = append(m.counters, c)
	return len(m.counters) - 1
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// total returns the points of ranks over caps (nil: all), summed in the
// order package scoring sums them.
func (m *model) total(ranks []int, caps []int) float64 {
	t := 0.0
	if caps == nil {
		for k := range m.caps {
			t += m.caps[k].pointsAt(ranks[k])
		}
		return t
	}
	for _, k := range caps {
		t += m.caps[k].pointsAt(ranks[k])
	}
	return t
}

// passes reports whether ranks, with the counts of the counters, meet
// every requirement of level v.
func (m *model) passes(v *levelModel, ranks, counts []int) bool {
	short := 0
	for _, x := range v.expects {
		if d := x[1] - ranks[x[0]]; d > 0 {
			if d > v.tolerance.MaxSteps() {
				return false
			}
			short++
		}
	}
	if short > v.tolerance.Count {
		return false
	}
	for i := range v.gates {
		g := &v.gates[i]
		switch g.kind {
		case kindPoints:
			if m.total(ranks, g.caps) < g.min-1e-9 {
				return false
			}
		case kindEvidence:
			if counts[g.counter] < g.count {
				return false
			}
		case kindNOfM:
			n := 0
			for j, k := range g.caps {
				if ranks[k] >= g.ranks[j] {
					n++
				}
			}
			if n < g.n {
				return false
			}
		}
	}
	return true
}

// reached returns the highest level of track t that ranks reach, -1 for
// none: a level passes and, unless standalone, the one below it is
// reached.
func (m *model) reached(t int, ranks, counts []int) int {
	r, below := -1, false
	for i := range m.tracks[t].levels {
		v := &m.tracks[t].levels[i]
		ok := m.passes(v, ranks, counts) && (i == 0 || below || v.standalone)
		if ok {
			r = i
		}
		below = ok
	}
	return r
}

// round keeps points as scoring writes them: to 1e-6.
func round(f float64) float64 { return math.Round(f*1e6) / 1e6 }
