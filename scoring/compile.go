package scoring

import (
	"fmt"
	"math"
	"slices"
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
	capIndex index    // capability index by id
	capIDs   []string // the capability ids, in ladder order
	cats     []string // category ids, in ladder order
	tracks   []track
	policy   policy
	// thresholds and titles of the ladder, as given.
	thresholds []rubric.Threshold
	titles     []rubric.Title
	// counters are the distinct criteria of the evidence gates; see
	// counter. capCounters lists those of each capability.
	counters    []counter
	capCounters [][]int
	// tags are the distinct tags the counters ask for, at most 64: an
	// item's tags are kept as a bit set over them.
	tags []string
	// rankBase[k] is where capability k's ratings start in arrays that
	// hold a value per rating of every capability; it has one entry more
	// than there are capabilities.
	rankBase []int
	// decay[a] is the decay factor of an item a days old, for the ages a
	// policy window can hold (nil without a half-life).
	decay []float64
	// buffers recycles the per-item working memory of assessments
	// (*buffers); results never share it.
	buffers sync.Pool
}

// buffers is the per-item working memory of one assessment at a time.
type buffers struct {
	eval    evaluation // the evaluation these buffers serve
	sources []source
	items   []item
	keys    []uint64  // sort keys; see sorter
	place   []int32   // place[i] is where item i goes in the trace
	counted []weighed // the counting items, in canonical order
	path    pathScratch
	texts   texts         // the texts of a gap's checks
	fresh   memory        // always fresh: the memory of results that callers keep
	given   []given       // the direct ratings, sorted
	views   []perspective // the perspectives
	// small scratch of one evaluation; see take
	ints     []int
	bools    []bool
	floats   []float64
	words    []uint64
	int32s   []int32
	ids      mapBuffer[string, struct{}] // the ids; see markDuplicates
	first    mapBuffer[string, int32]    // see markDuplicates
	srcIndex mapBuffer[string, int32]    // the index of each source in evaluation.sources
}

// take returns n zeroed elements from the end of *buf and extends it. When
// *buf is full it starts a new array: slices taken before keep the old one.
// An evaluation empties its buffers' scratch when it starts (see reset).
func take[T any](buf *[]T, n int) []T {
	if cap(*buf)-len(*buf) < n {
		*buf = make([]T, 0, max(2*cap(*buf), n+64))
	}
	l := len(*buf)
	*buf = (*buf)[:l+n]
	s := (*buf)[l : l+n : l+n]
	clear(s)
	return s
}

// reset empties the scratch of b for a new evaluation.
func (b *buffers) reset() {
	b.ints, b.bools, b.floats, b.words, b.int32s = b.ints[:0], b.bools[:0], b.floats[:0], b.words[:0], b.int32s[:0]
}

// grow returns s resized to n, reusing its memory when it is big enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// A mapBuffer is a map reused from one use to the next.
type mapBuffer[K comparable, V any] struct {
	m    map[K]V
	held int // the most entries m has held
}

// get returns the map, empty, for about n entries. Clearing a map costs in
// proportion to the most entries it ever held, so one that held far more
// than n is dropped for a new one.
func (b *mapBuffer[K, V]) get(n int) map[K]V {
	b.held = max(b.held, len(b.m))
	if b.m == nil || b.held > 4*n+256 {
		b.m, b.held = make(map[K]V, n), 0
	} else {
		clear(b.m)
	}
	return b.m
}

// clear empties the map, so that it keeps no keys alive.
func (b *mapBuffer[K, V]) clear() {
	b.held = max(b.held, len(b.m))
	clear(b.m)
}

// capability is a capability with its scale resolved.
type capability struct {
	id, name string
	cat      int // index into Scorer.cats, or -1
	scale    *rubric.Scale
	ratings  []string  // rating ids, lowest first
	rankOf   index     // ranks by rating id, shared by the capabilities of a scale
	points   []float64 // weighted points of each rating
}

// rank returns the rank of rating id on c's scale, or -1.
func (c *capability) rank(id string) int { return c.rankOf.find(id) }

// An index finds the position of a string among a fixed set. It is a
// map, whose hash is seeded at random for each map: ids that collide under
// one fixed hash (hash flooding) cost a ladder or an input nothing more.
type index map[string]int

// newIndex returns the index of keys; the first of equal keys wins.
func newIndex(keys []string) index {
	x := make(index, len(keys))
	for i, k := range keys {
		if _, ok := x[k]; !ok {
			x[k] = i
		}
	}
	return x
}

// find returns the position of s among the keys, or -1.
func (x index) find(s string) int {
	if i, ok := x[s]; ok {
		return i
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
	// counter is the index of an evidence gate's criteria in
	// Scorer.counters.
	counter int
	// label starts the text of the gate's checks; desc describes the
	// items an evidence gate counts (see describeEvidence); need is what
	// the gate asks, as a number (needNum) and as the check shows it.
	label, desc string
	need        string
	needNum     float64
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
	minItems   int
	minWeight  float64
	minSources int
	aggregate  rubric.Aggregation
}

// Compile prepares l for assessment. The ladder must be valid: when
// l.Validate reports errors, Compile returns them as a ladder.Diagnostics;
// a nil l is an error wrapping ladder.ErrNilArgument. The Scorer keeps a
// reference to l, which must not change afterwards.
func Compile(l *ladder.Ladder) (*Scorer, error) {
	if l == nil {
		return nil, fmt.Errorf("scoring: compile: %w", ladder.ErrNilArgument)
	}
	if err := l.Validate().Err(); err != nil {
		return nil, err
	}
	s := &Scorer{l: l, thresholds: l.Rules.Thresholds, titles: l.Titles}
	catIndex := map[string]int{}
	for i, c := range l.Categories {
		catIndex[c.ID] = i
		s.cats = append(s.cats, c.ID)
	}
	// Scales and weights by id, looked up once per capability: the
	// ladder's own lookups scan.
	scales := map[string]*rubric.Scale{}
	for i := range l.Scales {
		if _, ok := scales[l.Scales[i].ID]; !ok {
			scales[l.Scales[i].ID] = &l.Scales[i]
		}
	}
	if len(l.Scales) > 0 {
		scales[""] = &l.Scales[0]
	}
	weights := map[string]float64{}
	for _, w := range l.Rules.Weights {
		if _, ok := weights[w.Capability]; !ok {
			weights[w.Capability] = w.Factor
		}
	}
	type scaleIDs struct {
		ids  []string
		rank index
	}
	ratings := map[*rubric.Scale]scaleIDs{} // shared by the capabilities of a scale
	for i := range l.Capabilities {
		lc := &l.Capabilities[i]
		sc := scales[lc.Scale]
		r, ok := ratings[sc]
		if !ok {
			r.ids = sc.IDs()
			r.rank = newIndex(r.ids)
			ratings[sc] = r
		}
		c := capability{id: lc.ID, name: lc.Name, cat: -1, scale: sc, ratings: r.ids, rankOf: r.rank}
		if k, ok := catIndex[lc.Category]; ok {
			c.cat = k
		}
		w, ok := weights[lc.ID]
		if !ok {
			w = 1
		}
		for _, r := range sc.Ratings {
			c.points = append(c.points, w*float64(r.Points))
		}
		s.caps = append(s.caps, c)
		s.capIDs = append(s.capIDs, lc.ID)
	}
	s.capIndex = newIndex(s.capIDs)
	s.policy = compilePolicy(l.Rules.Evidence)
	s.rankBase = make([]int, len(s.caps)+1)
	for k := range s.caps {
		s.rankBase[k+1] = s.rankBase[k] + len(s.caps[k].ratings)
	}
	s.capCounters = make([][]int, len(s.caps))
	s.decay = s.policy.decayTable()
	for _, t := range l.Tracks {
		ct := track{id: t.ID, name: t.Name}
		for i := range t.Levels {
			ct.levels = append(ct.levels, s.compileLevel(&t.Levels[i], catIndex))
		}
		s.tracks = append(s.tracks, ct)
	}
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
		k := s.capIndex.find(e.Capability)
		cl.expects = append(cl.expects, expectation{cap: k, min: s.caps[k].rank(e.Rating)})
	}
	for _, g := range v.Requires {
		cg := gate{src: g}
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
			cg.kind, cg.cap, cg.count = gateEvidence, s.capIndex.find(e.Capability), e.Count
			cg.minRank = s.caps[cg.cap].rank(e.MinRating) // -1 (any) when empty
			cg.window, cg.tag, cg.sources = e.Window, e.Tag, e.Sources
			cg.counter = s.counterOf(&cg)
		case "n_of_m":
			cg.kind, cg.n = gateNOfM, g.NOfM.N
			for _, id := range g.NOfM.Capabilities {
				k := s.capIndex.find(id)
				cg.caps = append(cg.caps, k)
				cg.ranks = append(cg.ranks, s.caps[k].rank(g.NOfM.MinRating))
			}
		}
		if cg.kind == gateEvidence {
			cg.desc = describeEvidence(&cg)
		}
		cg.label = gateLabel(&cg)
		switch cg.kind {
		case gatePoints, gateFloor:
			cg.needNum = cg.min
		case gateEvidence:
			cg.needNum = float64(cg.count)
		case gateNOfM:
			cg.needNum = float64(cg.n)
		}
		cg.need = num(cg.needNum)
		cl.gates = append(cl.gates, cg)
	}
	return cl
}

// A counter is what an evidence gate counts: usable items of one
// capability at a minimum rank or above, dated inside a window, with a tag
// and from sources if the gate names them. Gates that ask the same share a
// counter (a ladder typically asks for more of the same items level by
// level), and an assessment counts every counter in one pass over the
// items.
type counter struct {
	cap, minRank int
	tag          string
	// tagBit is the tag's bit in an item's tag set; 0 when the gate names
	// no tag, or names one past the 64 that have bits (then the item's
	// tags are searched).
	tagBit  uint64
	sources []string
	window  rubric.Period // the gate's window, else the policy's
}

func (c *counter) same(d *counter) bool {
	return c.cap == d.cap && c.minRank == d.minRank && c.tag == d.tag && c.window == d.window &&
		slices.Equal(c.sources, d.sources)
}

// counterOf returns the index of g's counter, adding it if new.
func (s *Scorer) counterOf(g *gate) int {
	c := counter{cap: g.cap, minRank: g.minRank, tag: g.tag, sources: g.sources, window: g.window}
	if c.window.IsZero() {
		c.window = s.policy.window
	}
	for _, i := range s.capCounters[c.cap] {
		if s.counters[i].same(&c) {
			return i
		}
	}
	if c.tag != "" {
		i := slices.Index(s.tags, c.tag)
		if i < 0 && len(s.tags) < 64 {
			s.tags = append(s.tags, c.tag)
			i = len(s.tags) - 1
		}
		if i >= 0 {
			c.tagBit = 1 << i
		}
	}
	s.counters = append(s.counters, c)
	s.capCounters[c.cap] = append(s.capCounters[c.cap], len(s.counters)-1)
	return len(s.counters) - 1
}

// tagSet returns the bit set of the counters' tags among tags.
func (s *Scorer) tagSet(tags []string) uint64 {
	var set uint64
	for _, t := range tags {
		for i, u := range s.tags {
			if t == u {
				set |= 1 << i
				break
			}
		}
	}
	return set
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
		cp.minItems = p.MinItems
	}
	cp.minWeight = p.MinWeight
	if p.MinSources > 0 {
		cp.minSources = p.MinSources
	}
	if p.Aggregate != "" {
		cp.aggregate = p.Aggregate
	}
	return cp
}

// maxDecayTable bounds the ages whose decay factor Compile computes in
// advance: about eleven years.
const maxDecayTable = 4096

// decayTable returns the decay factor of each age in days that the
// policy's window holds (all up to maxDecayTable without a window), or nil
// when nothing decays. Older items are computed as they come.
func (p *policy) decayTable() []float64 {
	if p.halfLife <= 0 {
		return nil
	}
	n := maxDecayTable
	if !p.window.IsZero() {
		n = min(int(math.Ceil(p.window.Days()))+32, maxDecayTable) // months and years vary in length
	}
	t := make([]float64, n)
	for a := range t {
		t[a] = decayAt(a, p.halfLife)
	}
	return t
}

// decayAt is the decay factor of an item age days old.
func decayAt(age int, halfLife float64) float64 { return math.Exp2(-float64(age) / halfLife) }

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
