package scoring

import (
	"errors"
	"sync"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// A Scorer assesses people against one ladder. It is built once by Compile,
// holds every id resolved to an index, never changes afterwards and is safe
// for concurrent use by many goroutines.
type Scorer struct {
	l        *ladder.Ladder
	caps     []capability
	capIndex map[string]int
	cats     []string // category ids, in ladder order
	tracks   []track
	policy   policy
	// thresholds and titles of the ladder, as given.
	thresholds []rubric.Threshold
	titles     []rubric.Title
	// gates is how many gates all levels have; each has a slot below it.
	gates int
	// buffers recycles the per-item working memory of assessments
	// (*buffers); results never share it.
	buffers sync.Pool
}

// buffers is the per-item working memory of one assessment at a time.
type buffers struct {
	items       []item
	keys, tmp   []radixKey
	order, plac []int
	table       []int32 // item indexes by id, for duplicates
}

// grow returns s resized to n, reusing its memory when it is big enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// capability is a capability with its scale resolved.
type capability struct {
	id, name string
	cat      int // index into Scorer.cats, or -1
	scale    *rubric.Scale
	ratings  []string  // rating ids, lowest first
	points   []float64 // weighted points of each rating
}

// rank returns the rank of rating id on c's scale, or -1.
func (c *capability) rank(id string) int {
	for i, r := range c.ratings {
		if r == id {
			return i
		}
	}
	return -1
}

// label returns the rating id of rank r, or "" for r < 0 (unrated).
func (c *capability) label(r int) string {
	if r < 0 {
		return ""
	}
	return c.ratings[r]
}

// pointsAt returns the weighted points of rank r; unrated is worth 0.
func (c *capability) pointsAt(r int) float64 {
	if r < 0 {
		return 0
	}
	return c.points[r]
}

type track struct {
	id, name string
	levels   []level
}

type level struct {
	id, name   string
	standalone bool
	expects    []expectation
	tolerance  rubric.Tolerance
	gates      []gate
}

// expectation is a minimum rank for a capability; n/a expectations are
// dropped at compile time, as they ask nothing.
type expectation struct {
	cap, min int
}

type gateKind int

const (
	gatePoints gateKind = iota
	gateFloor
	gateEvidence
	gateNOfM
)

// gate is a compiled rubric.Gate.
type gate struct {
	kind gateKind
	src  rubric.Gate
	slot int // index among all the ladder's gates, for counts per evaluation
	// points and category_floor: the capabilities summed (nil: all).
	caps []int
	min  float64
	// evidence
	cap, minRank int
	window       rubric.Period
	tag          string
	sources      []string
	count        int
	// n_of_m: ranks[i] is the rank caps[i] must reach.
	ranks []int
	n     int
}

// policy is the compiled evidence policy.
type policy struct {
	window     rubric.Period
	halfLife   float64 // days; 0 means no decay
	sources    []rubric.SourceWeight
	minItems   float64
	minSources int
	aggregate  rubric.Aggregation
}

// ErrNilLadder is returned by Compile for a nil ladder.
var ErrNilLadder = errors.New("scoring: nil ladder")

// Compile prepares l for assessment. The ladder must be valid: when
// l.Validate reports errors, Compile returns them as a ladder.Diagnostics.
// The Scorer keeps a reference to l, which must not change afterwards.
func Compile(l *ladder.Ladder) (*Scorer, error) {
	if l == nil {
		return nil, ErrNilLadder
	}
	if err := l.Validate().Err(); err != nil {
		return nil, err
	}
	s := &Scorer{l: l, capIndex: make(map[string]int, len(l.Capabilities)),
		thresholds: l.Rules.Thresholds, titles: l.Titles}
	catIndex := map[string]int{}
	for i, c := range l.Categories {
		catIndex[c.ID] = i
		s.cats = append(s.cats, c.ID)
	}
	for i := range l.Capabilities {
		lc := &l.Capabilities[i]
		sc, _ := l.ScaleOf(lc)
		c := capability{id: lc.ID, name: lc.Name, cat: -1, scale: sc, ratings: sc.IDs()}
		if k, ok := catIndex[lc.Category]; ok {
			c.cat = k
		}
		w := l.Weight(lc.ID)
		for _, r := range sc.Ratings {
			c.points = append(c.points, w*float64(r.Points))
		}
		s.capIndex[lc.ID] = i
		s.caps = append(s.caps, c)
	}
	for _, t := range l.Tracks {
		ct := track{id: t.ID, name: t.Name}
		for i := range t.Levels {
			ct.levels = append(ct.levels, s.compileLevel(&t.Levels[i], catIndex))
		}
		s.tracks = append(s.tracks, ct)
	}
	s.policy = compilePolicy(l.Rules.Evidence)
	return s, nil
}

func (s *Scorer) compileLevel(v *ladder.Level, catIndex map[string]int) level {
	cl := level{id: v.ID, name: v.Name, standalone: v.Standalone}
	if v.Tolerance != nil {
		cl.tolerance = *v.Tolerance
	}
	for _, e := range v.Expects {
		if e.Rating == rubric.NotApplicable {
			continue
		}
		k := s.capIndex[e.Capability]
		cl.expects = append(cl.expects, expectation{cap: k, min: s.caps[k].rank(e.Rating)})
	}
	for _, g := range v.Requires {
		cg := gate{src: g, slot: s.gates}
		s.gates++
		switch g.Kind() {
		case "points":
			cg.kind, cg.min = gatePoints, float64(g.Points.Min)
			if len(g.Points.Categories) > 0 {
				cg.caps = s.capsIn(g.Points.Categories, catIndex)
			}
		case "category_floor":
			cg.kind, cg.min = gateFloor, float64(g.CategoryFloor.Min)
			cg.caps = s.capsIn([]string{g.CategoryFloor.Category}, catIndex)
		case "evidence":
			e := g.Evidence
			cg.kind, cg.cap, cg.count = gateEvidence, s.capIndex[e.Capability], e.Count
			cg.minRank = s.caps[cg.cap].rank(e.MinRating) // -1 (any) when empty
			cg.window, cg.tag, cg.sources = e.Window, e.Tag, e.Sources
		case "n_of_m":
			cg.kind, cg.n = gateNOfM, g.NOfM.N
			for _, id := range g.NOfM.Capabilities {
				k := s.capIndex[id]
				cg.caps = append(cg.caps, k)
				cg.ranks = append(cg.ranks, s.caps[k].rank(g.NOfM.MinRating))
			}
		}
		cl.gates = append(cl.gates, cg)
	}
	return cl
}

// capsIn returns the indexes of the capabilities in the given categories,
// in ladder order. It is never nil, so that an empty category sums nothing.
func (s *Scorer) capsIn(cats []string, catIndex map[string]int) []int {
	in := map[int]bool{}
	for _, c := range cats {
		in[catIndex[c]] = true
	}
	out := []int{}
	for i, c := range s.caps {
		if c.cat >= 0 && in[c.cat] {
			out = append(out, i)
		}
	}
	return out
}

func compilePolicy(p *rubric.EvidencePolicy) policy {
	cp := policy{minItems: 1, minSources: 1, aggregate: rubric.AggregateHighest}
	if p == nil {
		return cp
	}
	cp.window, cp.sources = p.Window, p.Sources
	cp.halfLife = p.HalfLife.Days()
	if p.MinItems > 0 {
		cp.minItems = float64(p.MinItems)
	}
	if p.MinSources > 0 {
		cp.minSources = p.MinSources
	}
	if p.Aggregate != "" {
		cp.aggregate = p.Aggregate
	}
	return cp
}

// sourceWeight returns the weight of source under the policy and whether
// the policy accepts it.
func (p *policy) sourceWeight(source string) (float64, bool) {
	if len(p.sources) == 0 {
		return 1, true
	}
	for _, s := range p.sources {
		if s.Source == source {
			return s.Weight, true
		}
	}
	return 0, false
}

// Ladder returns the ladder s assesses against; nil for a nil Scorer.
func (s *Scorer) Ladder() *ladder.Ladder {
	if s == nil {
		return nil
	}
	return s.l
}
