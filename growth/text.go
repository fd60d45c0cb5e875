package growth

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// WriteText writes r as a person reads it, the answer first: a summary of
// a dozen lines or so (the level on each track, the target, the points
// against the points it needs, the cheapest path and the evidence still
// needed), then the details: the way to the target level by level, what
// each new rating looks like, the pace of evidence, the other tracks, the
// capability ratings and what did not count, and why. Names stand for ids
// and reasons are in words; nothing is printed twice. Text from the ladder
// and the evidence is written with its control characters escaped, so
// that it cannot drive a terminal.
func (r *Report) WriteText(w io.Writer) error {
	if r == nil || w == nil {
		return fmt.Errorf("growth: write text: %w", ladder.ErrNilArgument)
	}
	b := bufio.NewWriter(w)
	t := &text{w: b, words: words{r.l}, r: r}
	t.summary()
	t.way()
	t.looks()
	t.pace()
	t.others()
	t.capabilities()
	t.notCounted()
	return b.Flush()
}

// text writes one report.
type text struct {
	w *bufio.Writer
	words
	r *Report
}

// printf writes a line (or part of one); every argument that is text
// from the input must go through clean before.
func (t *text) printf(format string, args ...any) { fmt.Fprintf(t.w, format, args...) }

func (t *text) summary() {
	r := &t.r.Result
	ladderName := r.Ladder
	if t.l != nil && t.l.Name != "" {
		ladderName = t.l.Name
	}
	person := r.Person
	if person == "" {
		person = "-"
	}
	t.printf("%s on %s, as of %s\n\n", clean(person), clean(ladderName), r.AsOf)
	p := t.r.Plan
	for i := range r.Tracks {
		tr := &r.Tracks[i]
		t.printf("%s: %s", clean(tr.Name), clean(t.standing(tr)))
		if p == nil || p.Track.ID != tr.ID || p.Reached {
			if tr.Next != nil && tr.Gap != nil {
				t.printf("; next %s, %s", clean(named(*tr.Next)), t.distance(&tr.Gap.Path))
			} else if tr.Next == nil {
				t.printf("; the top of the track")
			}
		}
		t.printf("\n")
	}
	if p == nil {
		t.points(nil)
		return
	}
	target := clean(named(p.Target))
	if p.Reached {
		t.printf("Target: %s on %s, reached\n", target, clean(named(p.Track)))
		t.points(p)
		return
	}
	t.printf("Target: %s on %s, %d level%s to go", target, clean(named(p.Track)), len(p.Steps), plural(len(p.Steps)))
	if len(p.Steps) > 1 {
		t.printf(", %s first", clean(named(p.Steps[0].Level)))
	}
	t.printf("\n")
	t.points(p)
	t.pathLines(&p.Path, "Cheapest path to "+target)
	for _, need := range t.evidenceNeeds() {
		t.wrap("Evidence still needed: ", need)
	}
}

// standing says the level reached on a track, worst and best case.
func (t *text) standing(tr *scoring.TrackResult) string {
	s := "no level yet"
	if tr.Level != nil {
		s = named(*tr.Level)
	}
	if tr.Best != nil && (tr.Level == nil || tr.Best.ID != tr.Level.ID) {
		s += " (best case " + named(*tr.Best) + ")"
	}
	return s
}

// distance says how far a path is: "1 rating step away", "every rating
// there, evidence missing".
func (t *text) distance(p *scoring.Path) string {
	switch {
	case !p.Possible:
		return "out of reach of any ratings"
	case p.Steps > 0 && len(p.Evidence) > 0:
		return fmt.Sprintf("%s away and evidence missing", ratingSteps(p.Steps))
	case p.Steps > 0:
		return ratingSteps(p.Steps) + " away"
	case len(p.Evidence) > 0:
		return "the ratings are there, evidence is missing"
	}
	return "within reach"
}

func ratingSteps(n int) string { return fmt.Sprintf("%d rating step%s", n, plural(n)) }

// points writes the points line: the total against the points the target
// needs, else against the next threshold, else against what can be had.
func (t *text) points(p *Plan) {
	pr := &t.r.Points
	best := ""
	if pr.Best != pr.Total {
		best = fmt.Sprintf("; best case %s", num(pr.Best))
	}
	if p != nil {
		for _, st := range p.Steps {
			for i, c := range st.Checks {
				if c.Kind == scoring.CheckPoints && c.Level == p.Target.ID {
					label := "Points"
					if g := t.gateOf(p.Track.ID, st.Checks, i); g != nil {
						label = t.gate(g)
					}
					t.printf("%s: %s of %s for %s%s\n", clean(label), num(pr.Total), c.Need, clean(named(p.Target)), best)
					return
				}
			}
		}
	}
	switch {
	case pr.Next != nil:
		t.printf("Points: %s, sub-level %s%s; %s more for %s\n", num(pr.Total), t.threshold(pr.Level), best, num(pr.ToNext), clean(named(*pr.Next)))
	case pr.Level != nil:
		t.printf("Points: %s, sub-level %s, the top%s\n", num(pr.Total), t.threshold(pr.Level), best)
	case pr.Total > 0 || pr.Best > 0:
		t.printf("Points: %s of a possible %s%s\n", num(pr.Total), num(t.maxPoints()), best)
	}
}

func (t *text) threshold(n *scoring.Named) string {
	if n == nil {
		return "none"
	}
	return clean(named(*n))
}

// maxPoints is the most points the ladder's ratings can make.
func (t *text) maxPoints() float64 {
	total := 0.0
	if t.l == nil {
		return total
	}
	for i := range t.l.Capabilities {
		c := &t.l.Capabilities[i]
		if s, ok := t.l.ScaleOf(c); ok {
			total += float64(s.MaxPoints()) * t.l.Weight(c.ID)
		}
	}
	return total
}

// pathLines writes a path as a heading and one line a change.
func (t *text) pathLines(p *Path, heading string) {
	switch {
	case !p.Possible:
		t.printf("%s: no ratings, however high, meet the requirements\n", heading)
		return
	case p.Steps == 0:
		return
	}
	cut := ""
	if !p.Exact {
		cut = " (the search was cut short: there may be a shorter one)"
	}
	t.printf("%s, %s%s:\n", heading, ratingSteps(p.Steps), cut)
	tw := tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	for _, c := range p.Changes {
		fmt.Fprintf(tw, "  %s\t%s -> %s\n", clean(t.capability(c.Capability)), clean(t.rating(c.Capability, c.From)), clean(t.rating(c.Capability, c.To)))
	}
	tw.Flush()
}

// evidenceNeeds says what the evidence gates on the way still lack, one
// line for each kind of item, with the largest need.
func (t *text) evidenceNeeds() []string {
	p := t.r.Plan
	type need struct {
		have, need int
		pace       *Pace
	}
	var order []string
	needs := map[string]*need{}
	for i := range p.Pace {
		pc := &p.Pace[i]
		if pc.Have >= pc.Need {
			continue
		}
		n, ok := needs[pc.Counts]
		if !ok {
			n = &need{}
			needs[pc.Counts] = n
			order = append(order, pc.Counts)
		}
		if pc.Need > n.need {
			n.have, n.need, n.pace = pc.Have, pc.Need, pc
		}
	}
	out := make([]string, len(order))
	for i, counts := range order {
		n := needs[counts]
		s := fmt.Sprintf("%d more items of %s: %d of %d for %s", n.need-n.have, counts, n.have, n.need, named(n.pace.Level))
		if n.pace.PerMonth > 0 || n.pace.NeedPerMonth > 0 {
			s += fmt.Sprintf(", coming at %s a month", num(roundTo(n.pace.PerMonth, 1)))
			if n.pace.NeedPerMonth > 0 {
				s += fmt.Sprintf(" where %s are needed", num(roundTo(n.pace.NeedPerMonth, 1)))
			}
		}
		out[i] = s
	}
	return out
}

// way writes the requirements of each level on the way to the target that
// are not met yet; a requirement that a lower level already shows is not
// shown again.
func (t *text) way() {
	p := t.r.Plan
	if p == nil || p.Reached {
		return
	}
	t.printf("\nThe way to %s\n", clean(named(p.Target)))
	shown := map[string]string{} // expectation texts shown, by capability and need, with the level
	for si, st := range p.Steps {
		t.printf("  %s\n", clean(named(st.Level)))
		var lines, same []string
		sameAt := -1 // where the line of requirements shown below goes
		for i, c := range st.Checks {
			if c.Met {
				continue
			}
			if c.Kind == scoring.CheckExpectation {
				key := c.Capability + "\x00" + c.Need
				if lv, ok := shown[key]; ok {
					if sameAt < 0 {
						sameAt = len(lines)
						lines = append(lines, "")
					}
					if len(same) == 0 || !strings.HasPrefix(same[len(same)-1], "As for "+lv+":") {
						same = append(same, "As for "+lv+":")
					}
					same[len(same)-1] += " " + t.capability(c.Capability) + ","
					continue
				}
				shown[key] = named(st.Level)
			}
			line := t.check(p.Track.ID, st.Checks, i)
			if c.Tolerated {
				line += ", within the tolerance"
			}
			lines = append(lines, line)
		}
		if sameAt >= 0 {
			for i := range same {
				same[i] = strings.TrimSuffix(same[i], ",")
			}
			lines[sameAt] = strings.Join(same, "; ")
		}
		for _, line := range lines {
			t.wrap("    - ", line)
		}
		if si < len(p.Steps)-1 {
			t.inlinePath("    ", &st.Path)
		}
	}
}

// inlinePath writes a path on one line: "Cheapest path, 2 rating steps:
// Influence building to Proficient, ...".
func (t *text) inlinePath(indent string, p *Path) {
	if !p.Possible {
		t.printf("%sNo ratings, however high, meet these requirements.\n", indent)
		return
	}
	if p.Steps == 0 {
		return
	}
	parts := make([]string, len(p.Changes))
	for i, c := range p.Changes {
		parts[i] = t.capability(c.Capability) + " to " + t.rating(c.Capability, c.To)
	}
	t.wrap(indent+"Cheapest path, "+ratingSteps(p.Steps)+": ", strings.Join(parts, ", "))
}

// looks writes what each rating of the path to the target looks like.
func (t *text) looks() {
	p := t.r.Plan
	if p == nil || p.Reached {
		return
	}
	first := true
	for _, c := range p.Path.Changes {
		d := c.Looks
		if d == nil {
			continue
		}
		if first {
			t.printf("\nWhat good looks like\n")
			first = false
		}
		t.printf("  %s at %s\n", clean(t.capability(c.Capability)), clean(d.Rating))
		if d.Summary != "" {
			t.wrap("    ", d.Summary)
		}
		if d.Signal != "" {
			t.wrap("    Signal: ", d.Signal)
		}
		if d.Example != "" {
			t.wrap("    Example: ", d.Example)
		}
	}
}

// wrap writes s after prefix, wrapped at 80 columns, continuation lines
// indented like the prefix.
func (t *text) wrap(prefix, s string) {
	indent := strings.Repeat(" ", len(prefix)-len(strings.TrimLeft(prefix, " ")))
	line := prefix
	n := 0 // words on the line
	for _, word := range strings.Fields(clean(s)) {
		if n > 0 && len(line)+1+len(word) > 80 {
			t.printf("%s\n", line)
			line, n = indent+"  ", 0
		}
		if n > 0 {
			line += " "
		}
		line += word
		n++
	}
	t.printf("%s\n", line)
}

// pace writes the pace of each kind of evidence the way needs.
func (t *text) pace() {
	p := t.r.Plan
	if p == nil || p.Reached || len(p.Pace) == 0 {
		return
	}
	t.printf("\nPace of evidence\n")
	done := map[string]bool{}
	for i := range p.Pace {
		pc := &p.Pace[i]
		if done[pc.Counts] {
			continue
		}
		done[pc.Counts] = true
		t.printf("  %s\n", clean(pc.Counts))
		var gates []string
		var last *Pace
		for j := i; j < len(p.Pace); j++ {
			if q := &p.Pace[j]; q.Counts == pc.Counts {
				gates = append(gates, fmt.Sprintf("%d of %d for %s", q.Have, q.Need, named(q.Level)))
				last = q
			}
		}
		t.printf("    %s\n", clean(strings.Join(gates, "; ")))
		switch {
		case pc.PerMonth == 0:
			t.printf("    No items yet, so no pace.\n")
		case !pc.Since.IsZero():
			t.printf("    %s a month over the window, since %s", num(roundTo(pc.PerMonth, 1)), pc.Since)
		default:
			t.printf("    %s a month", num(roundTo(pc.PerMonth, 1)))
		}
		if pc.PerMonth > 0 {
			switch {
			case last.Have >= last.Need:
				t.printf(": met.\n")
			case !last.Met.IsZero():
				t.printf("; at that pace %d of %d around %s.\n", last.Need, last.Need, last.Met.String()[:7])
			case last.NeedPerMonth > 0:
				t.printf("; at that pace the count holds as old items leave the window: %s a month reaches %d.\n",
					num(roundTo(last.NeedPerMonth, 1)), last.Need)
			default:
				t.printf("; at that pace not within ten years.\n")
			}
		}
		if len(pc.Leaving) > 0 {
			parts := make([]string, len(pc.Leaving))
			for j, lv := range pc.Leaving {
				parts[j] = fmt.Sprintf("%s on %s", lv.ID, lv.Leaves)
			}
			t.printf("    %d item%s leave%s the window by %s: %s\n", len(pc.Leaving), plural(len(pc.Leaving)),
				map[bool]string{true: "s", false: ""}[len(pc.Leaving) == 1], pc.Until, clean(strings.Join(parts, ", ")))
		} else if !pc.Since.IsZero() && pc.Have > 0 {
			t.printf("    No item leaves the window by %s.\n", pc.Until)
		}
	}
}

// others writes what the next level of each track needs, but for the
// track whose way is shown above.
func (t *text) others() {
	r := &t.r.Result
	p := t.r.Plan
	first := true
	for i := range r.Tracks {
		tr := &r.Tracks[i]
		if tr.Gap == nil || p != nil && !p.Reached && p.Track.ID == tr.ID {
			continue
		}
		if first {
			heading := "Next levels"
			if p != nil && !p.Reached {
				heading = "Other tracks"
			}
			t.printf("\n%s\n", heading)
			first = false
		}
		t.printf("  %s: %s next\n", clean(tr.Name), clean(named(*tr.Next)))
		g := tr.Gap
		for j, c := range g.Checks {
			if c.Met {
				continue
			}
			line := t.check(tr.ID, g.Checks, j)
			if c.Tolerated {
				line += ", within the tolerance"
			}
			if c.Level != g.Level.ID {
				line = t.levelName(tr.ID, c.Level) + " first: " + line
			}
			t.wrap("    - ", line)
		}
		path := t.path(g.Path)
		t.inlinePath("    ", &path)
	}
}

// capabilities writes the rating of each capability with the views
// behind it.
func (t *text) capabilities() {
	r := &t.r.Result
	if len(r.Capabilities) == 0 {
		return
	}
	t.printf("\nCapabilities (the worst case, then the best where the views differ)\n")
	tw := tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	for i := range r.Capabilities {
		c := &r.Capabilities[i]
		rating := t.rating(c.ID, c.Rating)
		if c.Best != c.Rating {
			rating += " to " + t.rating(c.ID, c.Best)
		}
		var views []string
		for _, v := range c.Views {
			if v.Perspective == "evidence" {
				continue
			}
			views = append(views, v.Perspective+" "+t.rating(c.ID, v.Rating))
		}
		notes := strings.Join(views, ", ")
		if e := c.Evidence; e != nil && e.Given > 0 {
			ev := ""
			if e.Rating != "" {
				ev = fmt.Sprintf("evidence %s: %d item%s from %d source%s", t.rating(c.ID, e.Rating), e.Counted, plural(e.Counted), e.Sources, plural(e.Sources))
			} else {
				ev = t.notEnough(c, r)
			}
			if notes != "" {
				notes += "; "
			}
			notes += ev
		}
		if notes == "" {
			fmt.Fprintf(tw, "  %s\t%s\n", clean(c.Name), clean(rating))
		} else {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", clean(c.Name), clean(rating), clean(notes))
		}
	}
	tw.Flush()
}

// notCounted writes the evidence and ratings that did not count, and why.
func (t *text) notCounted() {
	r := &t.r.Result
	excluded := 0
	for i := range r.Evidence {
		if r.Evidence[i].Status != scoring.Counted {
			excluded++
		}
	}
	if len(r.Evidence) > 0 {
		t.printf("\nEvidence: %d item%s, %d counted toward a rating", len(r.Evidence), plural(len(r.Evidence)), len(r.Evidence)-excluded)
		if excluded == 0 {
			t.printf("\n")
		} else {
			t.printf("; not counted:\n")
		}
		for i := range r.Evidence {
			it := &r.Evidence[i]
			if it.Status == scoring.Counted {
				continue
			}
			t.printf("  %s (%s, %s): %s\n", clean(it.ID), clean(t.capability(it.Capability)), dateOr(it.Date), clean(t.status(it, r)))
		}
	}
	// The ratings of earlier and later assessments are counted, not
	// listed: a year of quarterly reviews would fill a page.
	first := true
	heading := func() {
		if first {
			t.printf("\nRatings not counted:\n")
			first = false
		}
	}
	replaced, later := map[string]int{}, map[string]int{}
	var assessors []string
	for i := range r.Ratings {
		rt := &r.Ratings[i]
		switch rt.Status {
		case scoring.Counted:
			continue
		case scoring.TooOld, scoring.Future:
			if replaced[rt.Assessor]+later[rt.Assessor] == 0 {
				assessors = append(assessors, rt.Assessor)
			}
			if rt.Status == scoring.TooOld {
				replaced[rt.Assessor]++
			} else {
				later[rt.Assessor]++
			}
			continue
		}
		heading()
		t.printf("  %s rated %s %s: %s\n", clean(rt.Assessor), clean(t.capability(rt.Capability)), clean(t.rating(rt.Capability, rt.Rating)),
			clean(t.ratingStatus(rt)))
	}
	for _, a := range assessors {
		heading()
		var parts []string
		if n := replaced[a]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d rating%s of earlier assessments, which later ones replace", n, plural(n)))
		}
		if n := later[a]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d of assessments dated after %s", n, r.AsOf))
		}
		t.printf("  %s: %s\n", clean(a), strings.Join(parts, "; "))
	}
}
