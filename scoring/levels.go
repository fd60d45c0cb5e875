package scoring

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// track fills the result of track t: the levels reached in the worst and
// best case, the next level, and the gap to it.
func (e *evaluation) track(t int) {
	tr := &e.s.tracks[t]
	res := TrackResult{ID: tr.id, Name: tr.name}
	okWorst := e.reachedEach(t, e.worst)
	worst, best := highest(okWorst), e.reached(t, e.best)
	if worst >= 0 {
		res.Level = &Named{tr.levels[worst].id, tr.levels[worst].name}
	}
	if best >= 0 {
		res.Best = &Named{tr.levels[best].id, tr.levels[best].name}
	}
	if next := worst + 1; next < len(tr.levels) {
		res.Next = &Named{tr.levels[next].id, tr.levels[next].name}
		g := e.gap(t, next, okWorst)
		res.Gap = &g
	}
	e.res.Tracks = append(e.res.Tracks, res)
}

// reached returns the index of the highest level of track t that ranks
// reach, or -1.
func (e *evaluation) reached(t int, ranks []int) int { return highest(e.reachedEach(t, ranks)) }

// highest returns the index of the last true in ok, or -1.
func highest(ok []bool) int {
	r := -1
	for i, o := range ok {
		if o {
			r = i
		}
	}
	return r
}

// reachedEach reports for each level of track t whether ranks reach it: it
// passes and, unless standalone, the level below it is reached.
func (e *evaluation) reachedEach(t int, ranks []int) []bool {
	lv := e.s.tracks[t].levels
	ok := make([]bool, len(lv))
	for i := range lv {
		ok[i] = e.passes(&lv[i], ranks) && (i == 0 || ok[i-1] || lv[i].standalone)
	}
	return ok
}

// passes reports whether ranks meet every requirement of v.
func (e *evaluation) passes(v *level, ranks []int) bool {
	if !expectationsMet(v, ranks) {
		return false
	}
	for i := range v.gates {
		if !e.gateMet(&v.gates[i], ranks) {
			return false
		}
	}
	return true
}

// expectationsMet applies the tolerance: at most Count capabilities short,
// each by at most MaxSteps.
func expectationsMet(v *level, ranks []int) bool {
	short := 0
	for _, x := range v.expects {
		if d := x.min - ranks[x.cap]; d > 0 {
			if d > v.tolerance.MaxSteps() {
				return false
			}
			short++
		}
	}
	return short <= v.tolerance.Count
}

func (e *evaluation) gateMet(g *gate, ranks []int) bool {
	switch g.kind {
	case gatePoints, gateFloor:
		return e.s.total(ranks, g.caps) >= g.min-1e-9
	case gateEvidence:
		return e.count(g) >= g.count
	case gateNOfM:
		return nOfM(g, ranks) >= g.n
	}
	return false
}

func nOfM(g *gate, ranks []int) int {
	n := 0
	for i, k := range g.caps {
		if ranks[k] >= g.ranks[i] {
			n++
		}
	}
	return n
}

// chain returns the levels of track t that reaching level target needs and
// that the worst-case profile does not reach yet (ok says which it
// reaches), lowest first: target and, unless it is standalone, the levels
// below it down to one that is reached.
func (e *evaluation) chain(t, target int, ok []bool) []int {
	lv := e.s.tracks[t].levels
	var out []int
	for i := target; i >= 0; i-- {
		if i < target && ok[i] {
			break
		}
		out = append([]int{i}, out...)
		if lv[i].standalone {
			break
		}
	}
	return out
}

// gap returns the checks of level target of track t (and of the levels it
// needs) and the cheapest path to them.
func (e *evaluation) gap(t, target int, okWorst []bool) Gap {
	s := e.s
	tr := &s.tracks[t]
	g := Gap{Track: Named{tr.id, tr.name}, Level: Named{tr.levels[target].id, tr.levels[target].name}, Checks: []Check{}}
	levels := e.chain(t, target, okWorst)
	for _, i := range levels {
		g.Checks = append(g.Checks, e.checks(&tr.levels[i])...)
	}
	g.Path = e.path(t, levels)
	return g
}

// checks lists the requirements of v against the worst-case profile.
func (e *evaluation) checks(v *level) []Check {
	s := e.s
	out := make([]Check, 0, len(v.expects)+1+len(v.gates))
	short, tooFar := 0, false
	for _, x := range v.expects {
		c := &s.caps[x.cap]
		have := e.worst[x.cap]
		ck := Check{Kind: CheckExpectation, Level: v.id, Capability: c.id, Have: c.label(have), Need: c.label(x.min)}
		ck.Met = have >= x.min
		haveText := ck.Have
		if haveText == "" {
			haveText = "unrated"
		}
		if ck.Met {
			ck.Text = c.id + ": " + haveText + ", needs " + ck.Need
		} else {
			ck.Deficit = float64(x.min - have)
			ck.Text = c.id + ": " + haveText + ", needs " + ck.Need + " (" + steps(x.min-have) + " short)"
			short++
			tooFar = tooFar || x.min-have > v.tolerance.MaxSteps()
		}
		out = append(out, ck)
	}
	if len(v.expects) > 0 {
		ck := Check{Kind: CheckExpectations, Level: v.id, Met: expectationsMet(v, e.worst),
			Have: strconv.Itoa(len(v.expects) - short), Need: strconv.Itoa(len(v.expects) - v.tolerance.Count)}
		ck.Text = "expectations met: " + ck.Have + " of " + strconv.Itoa(len(v.expects))
		if v.tolerance.Count > 0 {
			ck.Text += " (up to " + strconv.Itoa(v.tolerance.Count) + " may fall short by " + steps(v.tolerance.MaxSteps()) + ")"
		}
		if !ck.Met {
			ck.Deficit = float64(max(short-v.tolerance.Count, 0))
			if tooFar && ck.Deficit == 0 {
				ck.Deficit = 1
			}
		}
		out = append(out, ck)
	}
	for i := range v.gates {
		out = append(out, e.gateCheck(v, &v.gates[i]))
	}
	return out
}

func steps(n int) string {
	if n == 1 {
		return "1 step"
	}
	return strconv.Itoa(n) + " steps"
}

func (e *evaluation) gateCheck(v *level, g *gate) Check {
	ck := Check{Kind: checkKinds[g.kind], Level: v.id, Gate: g.src.ID, Met: e.gateMet(g, e.worst)}
	var have, need float64
	switch g.kind {
	case gatePoints, gateFloor:
		have, need = round(e.s.total(e.worst, g.caps)), g.min
	case gateEvidence:
		ck.Capability = e.s.caps[g.cap].id
		have, need = float64(e.count(g)), float64(g.count)
	case gateNOfM:
		have, need = float64(nOfM(g, e.worst)), float64(g.n)
	}
	ck.Have, ck.Need = num(have), num(need)
	ck.Text = g.label + ck.Have + " of " + ck.Need
	if !ck.Met {
		ck.Deficit = round(need - have)
	}
	return ck
}

// gateLabel returns the start of the text of g's checks, up to the
// numbers, as in "points in people: " or "hard-problems: evidence of
// technical-problem-solving at advanced or above, tagged hard-problem,
// within 12mo: ". Compile computes it once per gate.
func gateLabel(g *gate) string {
	var t string
	switch g.kind {
	case gatePoints:
		t = "points: "
		if len(g.src.Points.Categories) > 0 {
			t = "points in " + joinIDs(g.src.Points.Categories) + ": "
		}
	case gateFloor:
		t = "points in category " + g.src.CategoryFloor.Category + ": "
	case gateEvidence:
		t = "evidence of " + describeEvidence(g) + ": "
	case gateNOfM:
		t = g.src.NOfM.MinRating + " or above in " + num(float64(g.n)) + " of " + joinIDs(g.src.NOfM.Capabilities) + ": "
	}
	if id := g.src.ID; id != "" && id != string(checkKinds[g.kind]) {
		t = id + ": " + t
	}
	return t
}

// checkKinds are the check kinds of the gate kinds.
var checkKinds = [...]CheckKind{gatePoints: CheckPoints, gateFloor: CheckCategoryFloor, gateEvidence: CheckEvidence, gateNOfM: CheckNOfM}

// describeEvidence says what items an evidence gate counts, as in
// "technical-problem-solving at advanced or above, tagged hard-problem,
// within 12mo".
func describeEvidence(g *gate) string {
	e := g.src.Evidence
	s := e.Capability
	if e.MinRating != "" {
		s += " at " + e.MinRating + " or above"
	}
	if e.Tag != "" {
		s += ", tagged " + e.Tag
	}
	if len(e.Sources) > 0 {
		s += ", from " + joinIDs(e.Sources)
	}
	if !g.window.IsZero() {
		s += ", within " + g.window.String()
	}
	return s
}

func joinIDs(ids []string) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += ", "
		}
		out += id
	}
	return out
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Errors of Gap.
var (
	ErrUnknownTrack = errors.New("scoring: unknown track")
	ErrUnknownLevel = errors.New("scoring: unknown level")
	ErrNotCompiled  = errors.New("scoring: the Scorer was not made by Compile")
)

// Gap assesses one person as Assess does and returns what level of track
// needs that the person lacks: its checks and those of the levels below it
// that it needs and the person has not reached, and the cheapest rating
// changes that meet them. Use it to plan beyond the next level, as in
// "what does this senior engineer need to be CTO?".
func (s *Scorer) Gap(in Input, asOf time.Time, track, level string) (Gap, error) {
	if s == nil || s.l == nil {
		return Gap{}, ErrNotCompiled
	}
	e := s.evaluate(in, asOf)
	defer e.release()
	for t := range s.tracks {
		if s.tracks[t].id != track {
			continue
		}
		for i := range s.tracks[t].levels {
			if s.tracks[t].levels[i].id == level {
				return e.gap(t, i, e.reachedEach(t, e.worst)), nil
			}
		}
		return Gap{}, fmt.Errorf("%w %q in track %q", ErrUnknownLevel, level, track)
	}
	return Gap{}, fmt.Errorf("%w %q", ErrUnknownTrack, track)
}
