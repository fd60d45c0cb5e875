package scoring

import (
	"cmp"
	"math"
	"slices"
	"unsafe"
)

// maxStates bounds the states kept per capability in the search for the
// cheapest path. Past it the search keeps the cheapest states only and
// reports the path as not exact.
const maxStates = 1 << 15

// path returns the cheapest rating changes that meet the rating
// requirements of the given levels of track t.
//
// The search is a dynamic programme over the capabilities that the
// requirements involve, in ladder order. A state holds, for each level, how
// many expectations fall short (within its tolerance), for each n-of-m gate
// how many capabilities reach its rating, and for each points or floor gate
// the points so far; counts and points are capped at what the requirement
// needs, which keeps the states few. Each capability may keep its rating or
// rise to any higher one, at one step per rating. The cheapest state that
// meets everything at the end is the answer; ties go to the first found,
// which with capabilities and ratings visited in order makes the result
// deterministic. Among paths of equal steps the search prefers the one that
// raises fewest ratings beyond what an expectation asks, so that it
// completes expectations before it overshoots them.
func (e *evaluation) path(t int, levels []int) Path {
	s := e.s
	p := Path{Changes: []Change{}}
	sc := &e.buf.path
	// levels with expectations; points and floor gates; n-of-m gates
	groups, sums, nofms, needs := sc.groups[:0], sc.sums[:0], sc.nofms[:0], sc.needs[:0]
	for _, i := range levels {
		v := &s.tracks[t].levels[i]
		if len(v.expects) > 0 {
			groups = append(groups, v)
		}
		for j := range v.gates {
			g := &v.gates[j]
			switch g.kind {
			case gatePoints, gateFloor:
				sums = append(sums, g)
			case gateNOfM:
				nofms = append(nofms, g)
			case gateEvidence:
				if have := e.count(g); have < g.count {
					needs = append(needs, EvidenceNeed{Level: v.id, Gate: g.desc, Have: have, Need: g.count})
				}
			}
		}
	}
	sc.groups, sc.sums, sc.nofms, sc.needs = groups, sums, nofms, needs // kept for the next search
	p.Evidence = alloc(e.mem, &e.mem.needs, len(needs))
	copy(p.Evidence, needs)
	// Which capabilities matter, and their lowest allowed rank.
	n := len(s.caps)
	involved := take(&e.buf.bools, n)
	floor := take(&e.buf.ints, n)
	copy(floor, e.worst)
	for _, v := range groups {
		for _, x := range v.expects {
			involved[x.cap] = true
			lo := x.min
			if v.tolerance.Count > 0 {
				lo = x.min - v.tolerance.MaxSteps()
			}
			floor[x.cap] = max(floor[x.cap], lo)
		}
	}
	for _, g := range sums {
		if g.caps == nil {
			for k := range involved {
				involved[k] = true
			}
		}
		for _, k := range g.caps {
			involved[k] = true
		}
	}
	for _, g := range nofms {
		for _, k := range g.caps {
			involved[k] = true
		}
	}
	for k := range s.caps {
		if floor[k] >= len(s.caps[k].ratings) {
			return p // an expectation above the top of the scale: impossible
		}
	}

	// The initial state: everything the uninvolved capabilities give.
	// need is the highest rank any expectation asks of each capability;
	// steps beyond it are excess, the second criterion.
	need := take(&e.buf.ints, n)
	copy(need, e.worst)
	for _, v := range groups {
		for _, x := range v.expects {
			need[x.cap] = max(need[x.cap], x.min)
		}
	}
	// A state's counts and sums live in one slab of float64 per layer:
	// shortfalls per group, then n-of-m counts, then points sums.
	nShort, nCount := len(groups), len(nofms)
	dims := nShort + nCount + len(sums)
	startVec := take(&e.buf.floats, dims)
	for k := range s.caps {
		if !involved[k] {
			addVec(startVec[nShort:], nofms, sums, k, e.worst[k], &s.caps[k])
		}
	}
	capVec(startVec[nShort:], nofms, sums)
	// The states of all layers, one after the other: layer li is
	// states[starts[li]:starts[li+1]].
	states := append(sc.states[:0], pathState{prev: -1})
	starts := append(sc.starts[:0], 0, 1)
	// Only the last layer's vectors are needed: two slabs of the scratch
	// take turns (startVec, scratch of the evaluation, must not become one).
	prevSlab, turn := startVec, 0
	order := take(&e.buf.ints, n)[:0] // the involved capabilities, in ladder order
	exact := true
	scratch := take(&e.buf.floats, dims)
	for k := range s.caps {
		if !involved[k] {
			continue
		}
		order = append(order, k)
		c := &s.caps[k]
		prev := states[starts[len(starts)-2]:starts[len(starts)-1]]
		base := len(states)
		bound := len(prev) * (len(c.ratings) - max(floor[k], e.worst[k], 0) + 1)
		slab := sc.slabs[turn][:0]
		index := sc.index.get(min(bound, maxStates))
		exps, counts, adds := e.pathTouches(k, groups, nofms, sums)
		for pi := range prev {
			ps := &states[starts[len(starts)-2]+pi] // states may move as they grow
			pv := prevSlab[ps.vec : ps.vec+dims]
			// From the current rank (-1 when unrated: staying so is free)
			// up to the top of the scale.
			for r := max(floor[k], e.worst[k]); r < len(c.ratings); r++ {
				copy(scratch, pv)
				ok := true
				for _, x := range exps {
					if r < x.at {
						scratch[x.dim]++
						ok = ok && scratch[x.dim] <= x.limit
					}
				}
				if !ok {
					continue
				}
				for _, x := range counts {
					if r >= x.at {
						scratch[x.dim] = math.Min(scratch[x.dim]+1, x.limit)
					}
				}
				if len(adds) > 0 {
					pts := c.pointsAt(r)
					for _, x := range adds {
						scratch[x.dim] = math.Min(scratch[x.dim]+pts, x.limit)
					}
				}
				ns := pathState{cost: ps.cost + r - e.worst[k], extra: ps.extra + max(r-need[k], 0), prev: pi, rank: r}
				if j, ok := index[vecKey(scratch)]; ok {
					if old := &states[base+int(j)]; cheaper(ns.cost, ns.extra, old.cost, old.extra) {
						ns.vec = old.vec
						*old = ns
					}
					continue
				}
				ns.vec = len(slab)
				slab = append(slab, scratch...)
				index[vecKey(slab[ns.vec:])] = int32(len(states) - base)
				states = append(states, ns)
			}
		}
		if len(states)-base > maxStates {
			slices.SortStableFunc(states[base:], func(a, b pathState) int { return cmp.Or(a.cost-b.cost, a.extra-b.extra) })
			states = states[:base+maxStates]
			exact = false
		}
		starts = append(starts, len(states))
		sc.slabs[turn] = slab
		prevSlab, turn = slab, 1-turn
	}
	sc.states, sc.starts = states, starts
	sc.index.clear()
	// The cheapest final state that meets every requirement.
	last, lastSlab := states[starts[len(starts)-2]:], prevSlab
	best := -1
	for i := range last {
		st := &last[i]
		v := lastSlab[st.vec : st.vec+dims]
		ok := true
		for gi, g := range groups {
			ok = ok && int(v[gi]) <= g.tolerance.Count
		}
		for gi, g := range nofms {
			ok = ok && int(v[nShort+gi]) >= g.n
		}
		for gi, g := range sums {
			ok = ok && v[nShort+nCount+gi] >= g.min-1e-9
		}
		if ok && (best < 0 || cheaper(st.cost, st.extra, last[best].cost, last[best].extra)) {
			best = i
		}
	}
	if best < 0 {
		return p
	}
	p.Possible, p.Exact, p.Steps = true, exact, last[best].cost
	target := take(&e.buf.ints, n)
	copy(target, e.worst)
	for li, i := len(starts)-2, best; li > 0; li-- {
		st := &states[starts[li]+i]
		target[order[li-1]] = st.rank
		i = st.prev
	}
	changes := 0
	for k := range s.caps {
		if target[k] > e.worst[k] {
			changes++
		}
	}
	p.Changes = alloc(e.mem, &e.mem.changes, changes)[:0]
	for k := range s.caps {
		if target[k] > e.worst[k] {
			c := &s.caps[k]
			p.Changes = append(p.Changes, Change{Capability: c.id, Name: c.name, From: c.label(e.worst[k]),
				To: c.label(target[k]), Steps: target[k] - e.worst[k]})
		}
	}
	return p
}

// A pathTouch is one way a capability's rank changes a state's vector:
// an expectation whose shortfall count (dimension dim) grows while the
// rank is below at, and may reach limit, the level's tolerance; an n-of-m
// gate whose count grows from rank at on, capped at limit; or a points
// sum that grows by the rank's points, capped at limit.
type pathTouch struct {
	dim   int
	at    int
	limit float64
}

// pathTouches returns the expectations, n-of-m counts and points sums
// that capability k takes part in, as the search's vectors lay them out
// (see path), so that trying a rank for k visits only those. The slices
// are scratch of the search.
func (e *evaluation) pathTouches(k int, groups []*level, nofms, sums []*gate) (exps, counts, adds []pathTouch) {
	sc := &e.buf.path
	exps, counts, adds = sc.exps[:0], sc.counts[:0], sc.adds[:0]
	for gi, v := range groups {
		for _, x := range v.expects {
			if x.cap == k {
				exps = append(exps, pathTouch{gi, x.min, float64(v.tolerance.Count)})
			}
		}
	}
	base := len(groups)
	for gi, g := range nofms {
		for j, ck := range g.caps {
			if ck == k {
				counts = append(counts, pathTouch{base + gi, g.ranks[j], float64(g.n)})
			}
		}
	}
	base += len(nofms)
	for gi, g := range sums {
		if g.caps == nil || slices.Contains(g.caps, k) {
			adds = append(adds, pathTouch{base + gi, 0, g.min})
		}
	}
	sc.exps, sc.counts, sc.adds = exps, counts, adds
	return exps, counts, adds
}

// A pathState is a state of the search: a choice of rank for the
// capability of its layer, reached from state prev of the layer before.
type pathState struct {
	cost  int
	extra int // steps beyond need
	prev  int // index in the previous layer
	rank  int // rank chosen for this layer's capability
	vec   int // offset of the state's vector in its layer's slab
}

// pathScratch is the working memory of the search, kept with an
// evaluation's buffers and reused from one search to the next.
type pathScratch struct {
	groups      []*level
	sums, nofms []*gate
	needs       []EvidenceNeed
	states      []pathState
	starts      []int
	slabs       [2][]float64 // the vectors of a layer and of the one before
	exps        []pathTouch  // see pathTouches
	counts      []pathTouch
	adds        []pathTouch
	index       mapBuffer[string, int32] // a layer's states by their vectors (see vecKey)
}

// cheaper orders paths by steps, then by steps beyond expectations.
func cheaper(cost, extra, thanCost, thanExtra int) bool {
	return cost < thanCost || cost == thanCost && extra < thanExtra
}

// addVec adds capability k at rank r to v: first the n-of-m counts, then
// the points sums.
func addVec(v []float64, nofms, sums []*gate, k, r int, c *capability) {
	for gi, g := range nofms {
		for j, ck := range g.caps {
			if ck == k && r >= g.ranks[j] {
				v[gi]++
			}
		}
	}
	for gi, g := range sums {
		if g.caps == nil || slices.Contains(g.caps, k) {
			v[len(nofms)+gi] += c.pointsAt(r)
		}
	}
}

// capVec caps counts and sums at what their requirements need: beyond that,
// states differ in nothing that matters.
func capVec(v []float64, nofms, sums []*gate) {
	for gi, g := range nofms {
		v[gi] = math.Min(v[gi], float64(g.n))
	}
	for gi, g := range sums {
		v[len(nofms)+gi] = math.Min(v[len(nofms)+gi], g.min)
	}
}

// vecKey returns the bits of v as a string that shares v's memory: the key
// of a state's vector in the map of its layer, without a copy (and an
// allocation) for each state. The memory must not change while the key is
// in the map: the vectors of a layer's slab are only appended to, and the
// map is emptied before the slab serves another layer.
func vecKey(v []float64) string {
	if len(v) == 0 {
		return ""
	}
	return unsafe.String((*byte)(unsafe.Pointer(&v[0])), 8*len(v))
}
