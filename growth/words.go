package growth

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// This file puts ladder ids into the words a person reads: names instead
// of ids, rating labels, requirements and reasons as sentences. Every
// writer of the package goes through it.

// words looks names up in a ladder. A nil ladder (a Report decoded from
// JSON, say) leaves ids as they are.
type words struct{ l *ladder.Ladder }

// capability returns the name of capability id, or id.
func (w words) capability(id string) string {
	if c, ok := w.l.Capability(id); ok && c.Name != "" {
		return c.Name
	}
	return id
}

// scale returns the scale of capability id, nil when unknown.
func (w words) scale(id string) *rubric.Scale {
	c, ok := w.l.Capability(id)
	if !ok {
		return nil
	}
	s, _ := w.l.ScaleOf(c)
	return s
}

// rating returns the label of rating id of capability capID: its label,
// else its id; "unrated" for the empty id.
func (w words) rating(capID, id string) string {
	if id == "" {
		return "unrated"
	}
	if s := w.scale(capID); s != nil {
		if r := s.Rank(id); r >= 0 && s.Ratings[r].Label != "" {
			return s.Ratings[r].Label
		}
	}
	return id
}

// category returns the name of category id, or id.
func (w words) category(id string) string {
	if w.l != nil {
		for _, c := range w.l.Categories {
			if c.ID == id && c.Name != "" {
				return c.Name
			}
		}
	}
	return id
}

// level returns the ladder's level of a track, nil when unknown.
func (w words) level(track, id string) *ladder.Level {
	t, ok := w.l.Track(track)
	if !ok {
		return nil
	}
	v, _ := t.Level(id)
	return v
}

// levelName returns the name of level id of track, or id.
func (w words) levelName(track, id string) string {
	if v := w.level(track, id); v != nil && v.Name != "" {
		return v.Name
	}
	return id
}

// named returns n's name, else its id.
func named(n scoring.Named) string {
	if n.Name != "" {
		return n.Name
	}
	return n.ID
}

// period says a period in words: "12 months", "1 year", "30 days".
func period(p rubric.Period) string {
	unit := map[string]string{"d": "day", "w": "week", "mo": "month", "y": "year"}[p.Unit]
	if p.N == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(p.N) + " " + unit + "s"
}

// gateWindow returns the window an evidence gate counts in: its own, else
// the evidence policy's (zero when neither has one).
func gateWindow(l *ladder.Ladder, g *rubric.EvidenceGate) rubric.Period {
	if !g.Window.IsZero() {
		return g.Window
	}
	if l != nil && l.Rules.Evidence != nil {
		return l.Rules.Evidence.Window
	}
	return rubric.Period{}
}

// counted says what an evidence gate counts, as in "Technical
// problem-solving at Advanced or above, tagged hard-problem, in the last
// 12 months".
func (w words) counted(g *rubric.EvidenceGate) string {
	s := w.capability(g.Capability)
	if g.MinRating != "" {
		s += " at " + w.rating(g.Capability, g.MinRating) + " or above"
	}
	if g.Tag != "" {
		s += ", tagged " + g.Tag
	}
	if len(g.Sources) > 0 {
		s += ", from " + strings.Join(g.Sources, ", ")
	}
	if p := gateWindow(w.l, g); !p.IsZero() {
		s += ", in the last " + period(p)
	} else {
		s += ", of any age"
	}
	return s
}

// gate says what gate g asks, without figures: "Points", "Points in
// People", "Leading in 1 of Business sense, Influence building".
func (w words) gate(g *rubric.Gate) string {
	switch g.Kind() {
	case "points":
		if len(g.Points.Categories) == 0 {
			return "Points"
		}
		names := make([]string, len(g.Points.Categories))
		for i, c := range g.Points.Categories {
			names[i] = w.category(c)
		}
		return "Points in " + strings.Join(names, ", ")
	case "category_floor":
		return "Points in " + w.category(g.CategoryFloor.Category)
	case "evidence":
		return "Evidence: " + w.counted(g.Evidence)
	case "n_of_m":
		n := g.NOfM
		names := make([]string, len(n.Capabilities))
		for i, c := range n.Capabilities {
			names[i] = w.capability(c)
		}
		label := n.MinRating
		if len(n.Capabilities) > 0 {
			label = w.rating(n.Capabilities[0], n.MinRating)
		}
		return fmt.Sprintf("%s or above in %d of %s", label, n.N, strings.Join(names, ", "))
	}
	return g.String()
}

// gateOf returns the ladder gate a check of a gate stands for: the checks
// of a level end with one for each of its gates, in order. It returns nil
// for other checks or an unknown level.
func (w words) gateOf(track string, checks []scoring.Check, i int) *rubric.Gate {
	c := checks[i]
	switch c.Kind {
	case scoring.CheckExpectation, scoring.CheckExpectations:
		return nil
	}
	v := w.level(track, c.Level)
	if v == nil {
		return nil
	}
	// Count the gate checks of the level from the end of its run.
	after := 0
	for j := i + 1; j < len(checks) && checks[j].Level == c.Level; j++ {
		after++
	}
	k := len(v.Requires) - 1 - after
	if k < 0 || k >= len(v.Requires) {
		return nil
	}
	return &v.Requires[k]
}

// check says one requirement in words: "Communication and comprehension:
// Proficient, needs Advanced (1 step short)", "Points: 9 of 19".
func (w words) check(track string, checks []scoring.Check, i int) string {
	c := checks[i]
	switch c.Kind {
	case scoring.CheckExpectation:
		s := fmt.Sprintf("%s: %s, needs %s", w.capability(c.Capability), w.rating(c.Capability, c.Have), w.rating(c.Capability, c.Need))
		if !c.Met {
			s += fmt.Sprintf(" (%s short)", steps(int(c.Deficit)))
		}
		return s
	case scoring.CheckExpectations:
		v := w.level(track, c.Level)
		s := "Expectations met: " + c.Have
		if v != nil {
			n := 0
			for _, e := range v.Expects {
				if e.Rating != rubric.NotApplicable {
					n++
				}
			}
			s += " of " + strconv.Itoa(n)
			if t := v.Tolerance; t != nil && t.Count > 0 {
				s += fmt.Sprintf(" (up to %d may fall short by %s)", t.Count, steps(t.MaxSteps()))
			}
		}
		return s
	}
	if g := w.gateOf(track, checks, i); g != nil {
		return w.gate(g) + ": " + c.Have + " of " + c.Need
	}
	return c.Text
}

// steps says "1 step" or "n steps".
func steps(n int) string {
	if n == 1 {
		return "1 step"
	}
	return strconv.Itoa(n) + " steps"
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// num writes a number as briefly as it can: 9, 1.5, 0.25.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// status says why an evidence item did not count, in words.
func (w words) status(t *scoring.ItemTrace, res *scoring.Result) string {
	switch t.Status {
	case scoring.Counted:
		return "counted"
	case scoring.UnknownCapability:
		return fmt.Sprintf("no capability has the id %q", t.Capability)
	case scoring.UnknownRating:
		return fmt.Sprintf("%q is not a rating of %s", t.Rating, w.capability(t.Capability))
	case scoring.Duplicate:
		return fmt.Sprintf("another item has the id %q", t.ID)
	case scoring.Future:
		return "dated after " + res.AsOf.String()
	case scoring.SourceNotAccepted:
		return fmt.Sprintf("the evidence policy does not accept the source %q", t.Source)
	case scoring.ZeroWeight:
		return "its weight is zero"
	case scoring.TooOld:
		if w.l != nil && w.l.Rules.Evidence != nil && !w.l.Rules.Evidence.Window.IsZero() {
			return "older than the evidence window of " + period(w.l.Rules.Evidence.Window)
		}
		return "older than the evidence window"
	case scoring.BelowRating:
		for _, c := range res.Capabilities {
			if c.ID == t.Capability && c.Evidence != nil {
				return fmt.Sprintf("below the rating the evidence shows, %s", w.rating(c.ID, c.Evidence.Rating))
			}
		}
		return "below the rating the evidence shows"
	case scoring.NotEnough:
		return "not enough evidence for a rating"
	}
	return t.Status.String()
}

// ratingStatus says why a direct rating did not count, in words.
func (w words) ratingStatus(t *scoring.RatingTrace) string {
	switch t.Status {
	case scoring.UnknownCapability:
		return fmt.Sprintf("no capability has the id %q", t.Capability)
	case scoring.UnknownRating:
		return fmt.Sprintf("%q is not a rating of %s", t.Rating, w.capability(t.Capability))
	case scoring.Duplicate:
		return "another rating of the same capability by the same assessor counts instead"
	case scoring.Future:
		return "the assessment is dated after the day"
	case scoring.NotApplicable:
		return "rated not applicable"
	case scoring.ReservedAssessor:
		return fmt.Sprintf("the assessor name %q is reserved", t.Assessor)
	}
	return t.Status.String()
}

// policy returns the ladder's evidence policy with its defaults: one item
// from one source makes a rating.
func (w words) policy() (minItems, minSources int) {
	minItems, minSources = 1, 1
	if w.l != nil && w.l.Rules.Evidence != nil {
		p := w.l.Rules.Evidence
		minItems, minSources = max(p.MinItems, 1), max(p.MinSources, 1)
	}
	return minItems, minSources
}

// notEnough says why the evidence of capability c demonstrates no rating:
// "not enough evidence: 3 items from 2 sources weighing 1.37, needs 2
// from 2 sources". It returns "" when the evidence does demonstrate one.
func (w words) notEnough(c *scoring.CapabilityResult, res *scoring.Result) string {
	if c.Evidence == nil || c.Evidence.Given == 0 || c.Evidence.Rating != "" {
		return ""
	}
	items, weight := 0, 0.0
	var sources []string
	for i := range res.Evidence {
		t := &res.Evidence[i]
		if t.Capability != c.ID || t.Status != scoring.NotEnough {
			continue
		}
		items++
		weight += t.Weight
		if !contains(sources, t.Source) {
			sources = append(sources, t.Source)
		}
	}
	minItems, minSources := w.policy()
	need := fmt.Sprintf("needs %d from %d source%s", minItems, minSources, plural(minSources))
	if items == 0 {
		return "no evidence that counts, " + need
	}
	return fmt.Sprintf("not enough evidence: %d item%s from %d source%s weighing %s, %s",
		items, plural(items), len(sources), plural(len(sources)), num(round2(weight)), need)
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// clean makes text from a ladder or evidence safe for a terminal, by the
// module's one rule (internal/textsafe): control characters, the
// characters that reorder text and bad bytes are written as escapes
// (\x1b, \u202e) instead of raw.
func clean(s string) string { return textsafe.String(s) }

// dateOr returns d as text, or "undated".
func dateOr(d evidence.Date) string {
	if d.IsZero() {
		return "undated"
	}
	return d.String()
}
