package growth

import (
	"bufio"
	"fmt"
	"github.com/careerladder/careerladder/internal/mdtext"
	"io"
	"strings"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// WritePacket writes a promotion packet for in and the level target names
// (as NewPlan takes it; "" for the ladder's target), as of asOf: a Markdown
// document (CommonMark with GitHub tables) that a manager takes to a
// promotion discussion. It opens with a summary; then, for each
// requirement of the target level, its status and what supports it (the
// evidence items with id, date, source, summary and links, the direct
// ratings); then what is missing, the levels on the way included, and the
// cheapest path with what each new rating looks like.
//
// All text from the ladder and the evidence is escaped: it cannot start a
// heading, list, table cell, emphasis, link or image, and HTML's special
// characters are written as entities, so the document holds only the
// markup the packet means; links are written as code, never as links, and
// control characters as escapes. It fails as NewPlan does, and on a nil
// writer (ladder.ErrNilArgument).
func WritePacket(w io.Writer, s *scoring.Scorer, in evidence.Input, asOf evidence.Date, target string) error {
	if w == nil {
		return fmt.Errorf("growth: packet: %w", ladder.ErrNilArgument)
	}
	rep, err := Assess(s, in, asOf, target)
	if err != nil {
		return err
	}
	if rep.Plan == nil {
		return fmt.Errorf("growth: packet: no target given, and ladder %s names none: %w", rep.Ladder, ladder.ErrNilArgument)
	}
	gap, err := s.Gap(in, asOf, rep.Plan.Track.ID, rep.Plan.Target.ID)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	p := &packet{w: b, words: words{rep.l}, r: &rep, gap: &gap}
	p.write()
	return b.Flush()
}

// packet writes one promotion packet.
type packet struct {
	w *bufio.Writer
	words
	r   *Report
	gap *scoring.Gap // the target's own checks, first among them
}

func (p *packet) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

func (p *packet) write() {
	r, plan := &p.r.Result, p.r.Plan
	person := r.Person
	if person == "" {
		person = "-"
	}
	p.printf("# Promotion packet: %s for %s\n\n", md(person), md(named(plan.Target)))
	ladderName := r.Ladder
	if p.l != nil && p.l.Name != "" {
		ladderName = p.l.Name
	}
	p.printf("Ladder %s, track %s, as of %s.\n\n", md(ladderName), md(named(plan.Track)), r.AsOf)
	p.printf("## Summary\n\n")
	if tr, ok := r.Track(plan.Track.ID); ok {
		level := "no level yet"
		if tr.Level != nil || tr.Best != nil {
			level = span(tr.Level, tr.Best)
		}
		p.printf("- Level on %s: %s\n", md(named(plan.Track)), md(level))
	}
	own := p.own()
	met := 0
	for _, i := range own {
		if c := p.gap.Checks[i]; c.Met || c.Tolerated {
			met++
		}
	}
	if plan.Reached {
		p.printf("- Target: %s, reached\n", md(named(plan.Target)))
	} else {
		p.printf("- Target: %s, %d level%s to go\n", md(named(plan.Target)), len(plan.Steps), plural(len(plan.Steps)))
	}
	p.printf("- Requirements of %s met: %d of %d\n", md(named(plan.Target)), met, len(own))
	if !plan.Reached {
		p.printf("- Cheapest path: %s\n", p.pathWords(&plan.Path))
	}
	p.printf("\n## Requirements of %s\n", md(named(plan.Target)))
	for _, i := range own {
		p.requirement(i)
	}
	p.missing()
	p.path()
}

// own returns the indexes of the target level's own checks in p.gap.
func (p *packet) own() []int {
	var out []int
	for i, c := range p.gap.Checks {
		if c.Level == p.r.Plan.Target.ID {
			out = append(out, i)
		}
	}
	return out
}

// status says whether a check is met, in words.
func status(c scoring.Check) string {
	switch {
	case c.Met:
		return "met"
	case c.Tolerated:
		return "short, within the tolerance"
	}
	return "not met"
}

// requirement writes check i of the gap with what supports it.
func (p *packet) requirement(i int) {
	plan := p.r.Plan
	c := p.gap.Checks[i]
	p.printf("\n### %s (%s)\n\n", md(p.check(plan.Track.ID, p.gap.Checks, i)), status(c))
	switch c.Kind {
	case scoring.CheckExpectation:
		p.ratings(c.Capability)
		p.items("Evidence that counted toward the rating", p.counted(c.Capability))
	case scoring.CheckExpectations:
		p.printf("Every expectation of the level, with its tolerance.\n")
	case scoring.CheckEvidence:
		g := p.gateOf(plan.Track.ID, p.gap.Checks, i)
		if g == nil || g.Evidence == nil {
			return
		}
		if g.Description != "" {
			p.printf("%s\n\n", md(g.Description))
		}
		p.items("The items it counts", p.qualifying(g.Evidence))
	default:
		g := p.gateOf(plan.Track.ID, p.gap.Checks, i)
		if g != nil && g.Description != "" {
			p.printf("%s\n\n", md(g.Description))
		}
		p.contributions(g)
	}
}

// ratings writes the views of a capability: each assessor's rating and
// the evidence's.
func (p *packet) ratings(capID string) {
	for _, cr := range p.r.Capabilities {
		if cr.ID != capID {
			continue
		}
		var views []string
		for _, v := range cr.Views {
			views = append(views, md(v.Perspective)+" "+md(p.rating(capID, v.Rating)))
		}
		if len(views) == 0 {
			p.printf("Rated by nobody yet.\n\n")
			return
		}
		p.printf("Rated %s (worst case %s, best case %s).\n\n", strings.Join(views, ", "), md(p.rating(capID, cr.Rating)), md(p.rating(capID, cr.Best)))
	}
}

// counted returns the items that counted toward the rating of capability
// capID.
func (p *packet) counted(capID string) []*scoring.ItemTrace {
	var out []*scoring.ItemTrace
	for i := range p.r.Evidence {
		if t := &p.r.Evidence[i]; t.Capability == capID && t.Status == scoring.Counted {
			out = append(out, t)
		}
	}
	return out
}

// qualifying returns the items evidence gate g counts as of the day.
func (p *packet) qualifying(g *rubric.EvidenceGate) []*scoring.ItemTrace {
	sc := p.scale(g.Capability)
	minRank := -1
	if g.MinRating != "" {
		minRank = sc.Rank(g.MinRating)
	}
	since := windowStart(gateWindow(p.l, g), p.r.AsOf)
	var out []*scoring.ItemTrace
	for i := range p.r.Evidence {
		t := &p.r.Evidence[i]
		if usable(t.Status) && qualifies(t.Item, g, sc, minRank) && (since.IsZero() || t.Date.Compare(since) >= 0) {
			out = append(out, t)
		}
	}
	return out
}

// items writes a table of evidence items.
func (p *packet) items(heading string, items []*scoring.ItemTrace) {
	if len(items) == 0 {
		p.printf("No evidence items.\n")
		return
	}
	p.printf("%s:\n\n| Item | Date | Source | Rating | Summary | Links |\n|---|---|---|---|---|---|\n", heading)
	for _, t := range items {
		links := make([]string, len(t.Links))
		for i, l := range t.Links {
			links[i] = mdCode(l)
		}
		p.printf("| %s | %s | %s | %s | %s | %s |\n", mdCell(t.ID), dateOr(t.Date), mdCell(t.Source), mdCell(p.rating(t.Capability, t.Rating)),
			mdCell(t.Summary), cellOr(strings.Join(links, " ")))
	}
}

// contributions writes what a points, floor or n-of-m gate adds up: each
// capability it looks at, with its rating and points.
func (p *packet) contributions(g *rubric.Gate) {
	if g == nil {
		return
	}
	var caps []string
	switch g.Kind() {
	case "points":
		for _, c := range p.l.Capabilities {
			if len(g.Points.Categories) == 0 || contains(g.Points.Categories, c.Category) {
				caps = append(caps, c.ID)
			}
		}
	case "category_floor":
		for _, c := range p.l.Capabilities {
			if c.Category == g.CategoryFloor.Category {
				caps = append(caps, c.ID)
			}
		}
	case "n_of_m":
		caps = g.NOfM.Capabilities
	}
	p.printf("| Capability | Rating (worst case) | Points |\n|---|---|---|\n")
	for _, id := range caps {
		for _, cr := range p.r.Capabilities {
			if cr.ID != id {
				continue
			}
			points := 0.0
			if sc := p.scale(id); sc != nil {
				if pts, ok := sc.Points(cr.Rating); ok {
					points = float64(pts) * p.l.Weight(id)
				}
			}
			p.printf("| %s | %s | %s |\n", mdCell(cr.Name), mdCell(p.rating(id, cr.Rating)), num(points))
		}
	}
}

// missing writes the requirements not met, of the target and of the
// levels on the way.
func (p *packet) missing() {
	plan := p.r.Plan
	if plan.Reached {
		return
	}
	p.printf("\n## What is missing\n")
	for _, st := range plan.Steps {
		p.printf("\n%s:\n\n", md(named(st.Level)))
		for i, c := range st.Checks {
			if c.Met || c.Tolerated {
				continue
			}
			p.printf("- %s\n", md(p.check(plan.Track.ID, st.Checks, i)))
		}
	}
	for _, pc := range plan.Pace {
		if pc.Have >= pc.Need {
			continue
		}
		p.printf("\nEvidence for %s: %d of %d %s; %s a month now", md(named(pc.Level)), pc.Have, pc.Need, md(pc.Counts), num(roundTo(pc.PerMonth, 1)))
		if pc.NeedPerMonth > 0 {
			p.printf(", %s needed", num(roundTo(pc.NeedPerMonth, 1)))
		}
		p.printf(".\n")
	}
}

// path writes the cheapest path to the target with what good looks like.
func (p *packet) path() {
	plan := p.r.Plan
	if plan.Reached || plan.Path.Steps == 0 {
		return
	}
	p.printf("\n## The cheapest path\n\n%s.\n\n", p.pathWords(&plan.Path))
	p.printf("| Capability | From | To | What it looks like |\n|---|---|---|---|\n")
	for _, c := range plan.Path.Changes {
		looks := " "
		if d := c.Looks; d != nil {
			looks = mdCell(d.Summary)
			if d.Signal != "" {
				looks += " Signal: " + md(strings.TrimSuffix(d.Signal, ".")) + "."
			}
			if d.Example != "" {
				looks += " Example: " + md(strings.TrimSuffix(d.Example, ".")) + "."
			}
		}
		p.printf("| %s | %s | %s | %s |\n", mdCell(p.capability(c.Capability)), mdCell(p.rating(c.Capability, c.From)), mdCell(p.rating(c.Capability, c.To)), looks)
	}
}

// pathWords says how long a path is.
func (p *packet) pathWords(path *Path) string {
	switch {
	case !path.Possible:
		return "no ratings, however high, meet the requirements"
	case path.Steps == 0:
		return "no rating changes"
	}
	s := ratingSteps(path.Steps)
	if !path.Exact {
		s += " (the search was cut short: there may be a shorter one)"
	}
	return s
}

// md escapes text for Markdown as mdtext.Inline does: it renders as the
// text it is, with no markup, HTML, block or link of its own.
func md(s string) string { return mdtext.Inline(s) }

// mdCell escapes text for a table cell, never empty.
func mdCell(s string) string { return cellOr(md(s)) }

func cellOr(s string) string {
	if strings.TrimSpace(s) == "" {
		return " "
	}
	return s
}

// mdCode writes s as a code span: inert, with HTML's special characters
// and any backticks in it kept as text. Pipes are escaped for tables, as
// GitHub's table cells read them even inside code.
func mdCode(s string) string {
	s = strings.NewReplacer("\n", " ", "\r", " ", "|", `\|`).Replace(clean(s))
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	return fence + " " + s + " " + fence
}
