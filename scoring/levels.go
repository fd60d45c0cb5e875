package scoring

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/ladder"
)

// track fills the result of track t: the levels reached in the worst and
// best case, the next level, and the gap to it.
func (e *evaluation) track(t int) {
	tr := &e.s.tracks[t]
	res := TrackResult{ID: tr.id, Name: tr.name}
	okWorst := e.reachedEach(t, e.worst)
	worst, best := highest(okWorst), e.reached(t, e.best)
	parts := &alloc(e.mem, &e.mem.parts, 1)[0]
	if worst >= 0 {
		parts.level = Named{tr.levels[worst].id, tr.levels[worst].name}
		res.Level = &parts.level
	}
	if best >= 0 {
		parts.best = Named{tr.levels[best].id, tr.levels[best].name}
		res.Best = &parts.best
	}
	if next := worst + 1; next < len(tr.levels) {
		parts.next = Named{tr.levels[next].id, tr.levels[next].name}
		res.Next = &parts.next
		parts.gap = e.gap(t, next, okWorst)
		res.Gap = &parts.gap
	}
	e.res.Tracks = append(e.res.Tracks, res)
}

// trackParts holds what a TrackResult points at, in one allocation.
type trackParts struct {
	level, best, next Named
	gap               Gap
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
// The slice is scratch of the evaluation.
func (e *evaluation) reachedEach(t int, ranks []int) []bool {
	lv := e.s.tracks[t].levels
	ok := take(&e.buf.bools, len(lv))
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
// below it down to one that is reached. The slice is scratch of the
// evaluation.
func (e *evaluation) chain(t, target int, ok []bool) []int {
	lv := e.s.tracks[t].levels
	lowest := target
	for lowest > 0 && !lv[lowest].standalone && !ok[lowest-1] {
		lowest--
	}
	out := take(&e.buf.ints, target-lowest+1)
	for i := range out {
		out[i] = lowest + i
	}
	return out
}

// gap returns the checks of level target of track t (and of the levels it
// needs) and the cheapest path to them.
func (e *evaluation) gap(t, target int, okWorst []bool) Gap {
	s := e.s
	tr := &s.tracks[t]
	g := Gap{Track: Named{tr.id, tr.name}, Level: Named{tr.levels[target].id, tr.levels[target].name}}
	levels := e.chain(t, target, okWorst)
	n := 0
	for _, i := range levels {
		v := &tr.levels[i]
		n += len(v.expects) + len(v.gates)
		if len(v.expects) > 0 {
			n++
		}
	}
	// The checks in one allocation, their texts in another.
	g.Checks = alloc(e.mem, &e.mem.checks, n)[:0]
	tx := &e.buf.texts
	tx.reset()
	for _, i := range levels {
		g.Checks = e.checks(g.Checks, &tr.levels[i], tx)
	}
	tx.fill()
	g.Path = e.path(t, levels)
	return g
}

// checks appends the requirements of v against the worst-case profile to
// out; their texts go through tx.
func (e *evaluation) checks(out []Check, v *level, tx *texts) []Check {
	s := e.s
	short, tooFar := 0, false
	for _, x := range v.expects {
		c := &s.caps[x.cap]
		have := e.worst[x.cap]
		out = append(out, Check{Kind: CheckExpectation, Level: v.id, Capability: c.id, Have: c.label(have), Need: c.label(x.min)})
		ck := &out[len(out)-1]
		ck.Met = have >= x.min
		haveText := ck.Have
		if haveText == "" {
			haveText = "unrated"
		}
		start := tx.start()
		tx.add(c.id, ": ", haveText, ", needs ", ck.Need)
		if !ck.Met {
			ck.Deficit = float64(x.min - have)
			tx.add(" (")
			tx.steps(x.min - have)
			tx.add(" short)")
			short++
			tooFar = tooFar || x.min-have > v.tolerance.MaxSteps()
		}
		tx.end(&ck.Text, start)
	}
	if len(v.expects) > 0 {
		met := expectationsMet(v, e.worst)
		if met {
			for i := len(out) - len(v.expects); i < len(out); i++ {
				out[i].Tolerated = !out[i].Met
			}
		}
		out = append(out, Check{Kind: CheckExpectations, Level: v.id, Met: met})
		ck := &out[len(out)-1]
		start := tx.start()
		tx.int(len(v.expects) - short)
		tx.end(&ck.Have, start)
		start = tx.start()
		tx.int(len(v.expects) - v.tolerance.Count)
		tx.end(&ck.Need, start)
		start = tx.start()
		tx.add("expectations met: ")
		tx.int(len(v.expects) - short)
		tx.add(" of ")
		tx.int(len(v.expects))
		if v.tolerance.Count > 0 {
			tx.add(" (up to ")
			tx.int(v.tolerance.Count)
			tx.add(" may fall short by ")
			tx.steps(v.tolerance.MaxSteps())
			tx.add(")")
		}
		tx.end(&ck.Text, start)
		if !ck.Met {
			ck.Deficit = float64(max(short-v.tolerance.Count, 0))
			if tooFar && ck.Deficit == 0 {
				ck.Deficit = 1
			}
		}
	}
	for i := range v.gates {
		out = append(out, Check{})
		e.gateCheck(&out[len(out)-1], v, &v.gates[i], tx)
	}
	return out
}

// texts builds the strings of a gap's checks in one buffer and makes
// them in one allocation: each is a part of one string. A check's texts
// are written with start, add (and its kin) and end, which notes where the
// string goes; fill sets every noted string once the buffer is complete.
// The strings noted must not move before fill (the checks are allocated
// in full first).
type texts struct {
	buf  []byte
	refs []textRef
}

type textRef struct {
	dst        *string
	start, end int
}

func (t *texts) reset()     { t.buf, t.refs = t.buf[:0], t.refs[:0] }
func (t *texts) start() int { return len(t.buf) }

func (t *texts) add(parts ...string) {
	for _, p := range parts {
		t.buf = append(t.buf, p...)
	}
}

func (t *texts) int(n int) { t.buf = strconv.AppendInt(t.buf, int64(n), 10) }

// num writes f as num does.
func (t *texts) num(f float64) { t.buf = strconv.AppendFloat(t.buf, f, 'f', -1, 64) }

// steps writes "1 step" or "n steps".
func (t *texts) steps(n int) {
	t.int(n)
	if n == 1 {
		t.add(" step")
	} else {
		t.add(" steps")
	}
}

// end notes that *dst is what was written since start.
func (t *texts) end(dst *string, start int) {
	t.refs = append(t.refs, textRef{dst, start, len(t.buf)})
}

// fill sets the noted strings and forgets them.
func (t *texts) fill() {
	all := string(t.buf)
	for i, r := range t.refs {
		*r.dst = all[r.start:r.end]
		t.refs[i].dst = nil
	}
	t.refs = t.refs[:0]
}

// gateCheck fills ck with the check of gate g of level v against the
// worst-case profile; its texts go through tx.
func (e *evaluation) gateCheck(ck *Check, v *level, g *gate, tx *texts) {
	*ck = Check{Kind: checkKinds[g.kind], Level: v.id, Gate: g.src.ID, Met: e.gateMet(g, e.worst), Need: g.need}
	var have float64
	switch g.kind {
	case gatePoints, gateFloor:
		have = round(e.s.total(e.worst, g.caps))
	case gateEvidence:
		ck.Capability = e.s.caps[g.cap].id
		have = float64(e.count(g))
	case gateNOfM:
		have = float64(nOfM(g, e.worst))
	}
	start := tx.start()
	tx.num(have)
	tx.end(&ck.Have, start)
	start = tx.start()
	tx.add(g.label)
	tx.num(have)
	tx.add(" of ", g.need)
	tx.end(&ck.Text, start)
	if !ck.Met {
		ck.Deficit = round(g.needNum - have)
	}
}

// gateLabel returns the start of the text of g's checks, up to the
// numbers, as in "points in people: " or "hard-problems: evidence of
// technical-problem-solving at advanced or above, tagged hard-problem,
// within 12mo: ". Compile computes it once per gate, after g.desc.
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
		t = "evidence of " + g.desc + ": "
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

// Gap assesses one person as Assess does and returns what level of track
// needs that the person lacks: its checks and those of the levels below it
// that it needs and the person has not reached, and the cheapest rating
// changes that meet them. Use it to plan beyond the next level, as in
// "what does this senior engineer need to be CTO?". A track or level the
// ladder lacks is a ladder.Diagnostics (unknown-ref, with the id probably
// meant); misuse fails as Assess does.
func (s *Scorer) Gap(in evidence.Input, asOf evidence.Date, trackID, levelID string) (Gap, error) {
	if err := s.usable(asOf); err != nil {
		return Gap{}, err
	}
	t := slices.IndexFunc(s.tracks, func(t track) bool { return t.id == trackID })
	if t < 0 {
		ids := make([]string, len(s.tracks))
		for i := range s.tracks {
			ids[i] = s.tracks[i].id
		}
		return Gap{}, unknown("track", "track", trackID, ids)
	}
	i := slices.IndexFunc(s.tracks[t].levels, func(l level) bool { return l.id == levelID })
	if i < 0 {
		ids := make([]string, len(s.tracks[t].levels))
		for i := range s.tracks[t].levels {
			ids[i] = s.tracks[t].levels[i].id
		}
		return Gap{}, unknown("level", fmt.Sprintf("level of track %q", trackID), levelID, ids)
	}
	e := s.evaluate(in, asOf, nil)
	defer e.release()
	return e.gap(t, i, e.reachedEach(t, e.worst)), nil
}

// unknown is the error of an id that names no ... of the ladder.
func unknown(path, what, id string, ids []string) ladder.Diagnostics {
	d := ladder.Diagnostic{Code: ladder.CodeUnknownRef, Path: path,
		Summary: fmt.Sprintf("no %s has the id %q", what, id), Suggestion: yamldoc.Suggest(id, ids)}
	if len(ids) <= 20 {
		d.Detail = "known: " + strings.Join(ids, ", ")
	}
	return ladder.Diagnostics{d}
}
