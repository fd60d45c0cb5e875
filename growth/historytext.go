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

// WriteText writes h as tables a person reads: a line a day with the level
// on each track (worst to best case), the points and the count of each
// kind of evidence the gates count, with a legend of what each counts and
// what each level needs; then, for each capability, its rating and the
// days it changed. Text from the ladder and the evidence is written with
// its control characters escaped.
func (h *History) WriteText(w io.Writer) error {
	if h == nil || w == nil {
		return fmt.Errorf("growth: write text: %w", ladder.ErrNilArgument)
	}
	b := bufio.NewWriter(w)
	wd := words{h.l}
	name := h.Ladder
	if h.l != nil && h.l.Name != "" {
		name = h.l.Name
	}
	person := h.Person
	if person == "" {
		person = "-"
	}
	fmt.Fprintf(b, "%s on %s", clean(person), clean(name))
	if n := len(h.Days); n > 0 {
		fmt.Fprintf(b, ", %d day%s from %s to %s", n, plural(n), h.Days[0].Date, h.Days[n-1].Date)
	}
	fmt.Fprintf(b, "\n\n")
	kinds, of := h.kinds()
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  Day")
	for _, t := range h.Tracks {
		fmt.Fprintf(tw, "\t%s", clean(named(t)))
	}
	fmt.Fprintf(tw, "\tPoints")
	for i := range kinds {
		fmt.Fprintf(tw, "\t%s", letter(i))
	}
	fmt.Fprintf(tw, "\n")
	for _, d := range h.Days {
		fmt.Fprintf(tw, "  %s", d.Date)
		for _, s := range d.Levels {
			fmt.Fprintf(tw, "\t%s", clean(span(s.Level, s.Best)))
		}
		pts := num(d.Points)
		if d.BestPoints != d.Points {
			pts += " to " + num(d.BestPoints)
		}
		fmt.Fprintf(tw, "\t%s", pts)
		for _, gates := range of {
			fmt.Fprintf(tw, "\t%d", d.Counts[gates[0]])
		}
		fmt.Fprintf(tw, "\n")
	}
	tw.Flush()
	if len(kinds) > 0 {
		fmt.Fprintf(b, "\n")
	}
	for i, k := range kinds {
		needs := make([]string, len(of[i]))
		for j, g := range of[i] {
			needs[j] = fmt.Sprintf("%s %d", named(h.Gates[g].Level), h.Gates[g].Need)
		}
		(&text{w: b}).wrap("  "+letter(i)+": ", k+"; needed: "+strings.Join(needs, ", "))
	}
	if len(h.Capabilities) > 0 && len(h.Days) > 0 {
		fmt.Fprintf(b, "\nRatings (worst to best case), and the days they changed\n")
		for k, c := range h.Capabilities {
			var parts []string
			for i, d := range h.Days {
				r := d.Ratings[k]
				if i > 0 && r == h.Days[i-1].Ratings[k] {
					continue
				}
				text := wd.rating(c.ID, r.Rating)
				if r.Best != r.Rating {
					text += " to " + wd.rating(c.ID, r.Best)
				}
				if i == 0 {
					parts = append(parts, text+" on "+d.Date.String())
				} else {
					parts = append(parts, text+" from "+d.Date.String())
				}
			}
			(&text{w: b}).wrap("  "+clean(named(c))+": ", strings.Join(parts, ", "))
		}
	}
	return b.Flush()
}

// kinds returns what the gates count, each once, in the order of the
// gates, and for each the gates that count it.
func (h *History) kinds() ([]string, [][]int) {
	var kinds []string
	var of [][]int
	for i, g := range h.Gates {
		j := -1
		for x, k := range kinds {
			if k == g.Counts {
				j = x
			}
		}
		if j < 0 {
			kinds, of = append(kinds, g.Counts), append(of, nil)
			j = len(kinds) - 1
		}
		of[j] = append(of[j], i)
	}
	return kinds, of
}

// letter names column i of evidence counts: A, B, ..., Z, AA, AB, ...
func letter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// span says a level worst to best case: "Senior Engineer to Tech Lead",
// "-" for none.
func span(worst, best *scoring.Named) string {
	s := "-"
	if worst != nil {
		s = named(*worst)
	}
	if best != nil && (worst == nil || best.ID != worst.ID) {
		s += " to " + named(*best)
	}
	return s
}
