package scoring

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/ladder"
)

// WriteJSON writes r as indented JSON followed by a newline, as an
// encoding/json Encoder with SetEscapeHTML(false) and SetIndent("", "  ")
// does (an Encoder without the indent writes a result as one line of JSON
// Lines). The field names and their meaning are stable and documented on
// the Result types; the output depends on nothing but r.
func (r *Result) WriteJSON(w io.Writer) error {
	if r == nil || w == nil {
		return fmt.Errorf("scoring: write JSON: %w", ladder.ErrNilArgument)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes r as a report a person can read: the capability
// ratings with disagreements, points and titles, and for each track the
// level reached and what the next one needs. Control characters,
// bidirectional controls and bad bytes in names and ids from the input are
// written as escapes such as \x1b and \u202e, so that the report cannot
// act on the terminal that shows it or forge a line.
func (r *Result) WriteText(w io.Writer) error {
	if r == nil || w == nil {
		return fmt.Errorf("scoring: write text: %w", ladder.ErrNilArgument)
	}
	b := bufio.NewWriter(w)
	textsafe.Fprintf(b, "%s against ladder %s, as of %s\n", orDash(r.Person), r.Ladder, r.AsOf)
	if len(r.Perspectives) > 0 {
		textsafe.Fprintf(b, "Perspectives: %s\n", strings.Join(r.Perspectives, ", "))
	}
	textsafe.Fprintf(b, "\nCapabilities (the worst case, then the best where perspectives differ)\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	for _, c := range r.Capabilities {
		rating := ratingText(c.Rating)
		if c.Best != c.Rating {
			rating += " to " + c.Best
		}
		var notes []string
		switch c.Agreement {
		case OneStep, TwoOrMore:
			var vs []string
			for _, v := range c.Views {
				vs = append(vs, v.Perspective+" "+v.Rating)
			}
			apart := "one step apart"
			if c.Agreement == TwoOrMore {
				apart = "two or more steps apart"
			}
			notes = append(notes, apart+": "+strings.Join(vs, ", "))
		case Agree:
			notes = append(notes, "all agree")
		case Single:
			notes = append(notes, "from "+c.Views[0].Perspective)
		}
		if e := c.Evidence; e != nil && e.Given > 0 {
			if e.Rating != "" {
				notes = append(notes, fmt.Sprintf("evidence: %d item%s from %d source%s", e.Counted, plural(e.Counted), e.Sources, plural(e.Sources)))
			} else {
				notes = append(notes, "evidence: not enough")
			}
		}
		if len(notes) == 0 {
			textsafe.Fprintf(tw, "  %s\t%s\n", c.Name, rating)
		} else {
			textsafe.Fprintf(tw, "  %s\t%s\t%s\n", c.Name, rating, strings.Join(notes, "; "))
		}
	}
	tw.Flush()
	if p := r.Points; p.Total > 0 || p.Level != nil || len(p.Titles) > 0 {
		textsafe.Fprintf(b, "\nPoints: %s", num(p.Total))
		if p.Best != p.Total {
			textsafe.Fprintf(b, " (best case %s)", num(p.Best))
		}
		if p.Level != nil {
			textsafe.Fprintf(b, ", level %s", p.Level.ID)
		}
		if p.Next != nil {
			textsafe.Fprintf(b, ", %s to %s", pointsText(p.ToNext), p.Next.ID)
		} else if p.Level != nil {
			textsafe.Fprintf(b, ", the top level")
		}
		fmt.Fprintln(b)
		if len(p.Categories) > 1 {
			parts := make([]string, len(p.Categories))
			for i, c := range p.Categories {
				parts[i] = c.Name + " " + num(c.Total)
				if c.Best != c.Total {
					parts[i] += " (best " + num(c.Best) + ")"
				}
			}
			textsafe.Fprintf(b, "By category: %s\n", strings.Join(parts, ", "))
		}
		if len(p.Titles) > 0 {
			textsafe.Fprintf(b, "Titles: %s\n", names(p.Titles))
		}
	}
	for i := range r.Tracks {
		t := &r.Tracks[i]
		textsafe.Fprintf(b, "\nTrack %s: ", t.Name)
		if t.Level == nil {
			textsafe.Fprintf(b, "no level reached")
		} else {
			textsafe.Fprintf(b, "%s", t.Level.Name)
		}
		if t.Best != nil && (t.Level == nil || t.Best.ID != t.Level.ID) {
			textsafe.Fprintf(b, " (best case %s)", t.Best.Name)
		}
		fmt.Fprintln(b)
		if t.Gap == nil {
			textsafe.Fprintf(b, "  The top of the track.\n")
			continue
		}
		textsafe.Fprintf(b, "  Next: %s\n", t.Next.Name)
		writeGap(b, t.Gap)
	}
	excluded := 0
	for _, it := range r.Evidence {
		if it.Status != Counted {
			excluded++
		}
	}
	if len(r.Evidence) > 0 {
		textsafe.Fprintf(b, "\nEvidence: %d item%s, %d counted toward a rating", len(r.Evidence), plural(len(r.Evidence)), len(r.Evidence)-excluded)
		if excluded > 0 {
			textsafe.Fprintf(b, "; not counted:")
			for _, it := range r.Evidence {
				if it.Status != Counted {
					textsafe.Fprintf(b, "\n  %s (%s, %s): %s", it.ID, it.Capability, it.Date, it.Status)
				}
			}
		}
		fmt.Fprintln(b)
	}
	for _, rt := range r.Ratings {
		if rt.Status != Counted {
			textsafe.Fprintf(b, "Rating not counted: %s rated %s %s: %s\n", rt.Assessor, rt.Capability, rt.Rating, rt.Status)
		}
	}
	return b.Flush()
}

// WriteText writes g as a person reads it: the requirements not yet met,
// level by level, and the cheapest path. Text from the input is escaped as
// by Result.WriteText.
func (g *Gap) WriteText(w io.Writer) error {
	if g == nil || w == nil {
		return fmt.Errorf("scoring: write text: %w", ladder.ErrNilArgument)
	}
	b := bufio.NewWriter(w)
	textsafe.Fprintf(b, "What %s (%s) needs\n", g.Level.Name, g.Track.Name)
	writeGap(b, g)
	return b.Flush()
}

func writeGap(b *bufio.Writer, g *Gap) {
	if g.Met() {
		textsafe.Fprintf(b, "  Every requirement is met.\n")
		return
	}
	var levels []string
	for _, c := range g.Checks {
		if len(levels) == 0 || levels[len(levels)-1] != c.Level {
			levels = append(levels, c.Level)
		}
	}
	for _, lv := range levels {
		if len(levels) > 1 {
			textsafe.Fprintf(b, "  For %s:\n", lv)
		}
		for _, c := range g.Checks {
			switch {
			case c.Level != lv || c.Met:
			case c.Tolerated:
				textsafe.Fprintf(b, "    - %s, within the tolerance\n", c.Text)
			default:
				textsafe.Fprintf(b, "    - %s\n", c.Text)
			}
		}
	}
	p := &g.Path
	switch {
	case !p.Possible:
		textsafe.Fprintf(b, "  No ratings, however high, meet these requirements.\n")
	case p.Steps > 0:
		exact := ""
		if !p.Exact {
			exact = " (search cut short: may not be the fewest)"
		}
		textsafe.Fprintf(b, "  Cheapest path, %d rating step%s%s:\n", p.Steps, plural(p.Steps), exact)
		for _, c := range p.Changes {
			textsafe.Fprintf(b, "    - %s: %s -> %s\n", c.Name, ratingText(c.From), c.To)
		}
	}
	for _, e := range p.Evidence {
		textsafe.Fprintf(b, "  Evidence still needed for %s: %d more of %s (%d of %d).\n", e.Level, e.Need-e.Have, e.Gate, e.Have, e.Need)
	}
}

func ratingText(r string) string {
	if r == "" {
		return "unrated"
	}
	return r
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func pointsText(f float64) string {
	if f == 1 {
		return "1 point"
	}
	return num(f) + " points"
}

func names(ns []Named) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return strings.Join(out, ", ")
}
