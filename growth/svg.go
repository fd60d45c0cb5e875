package growth

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// The layout of a history chart, in pixels.
const (
	svgWidth   = 900
	svgLeft    = 190 // room for the labels of levels and thresholds
	svgRight   = 46
	svgTitle   = 56  // the title and the legend
	svgGap     = 34  // between panels, with the panel's heading
	svgAxis    = 40  // the dates below the last panel
	svgLevelH  = 26  // a level's row in a track's panel
	svgPanelH  = 150 // the points panel and each evidence panel
	svgMaxDays = 12  // dates written on the axis at most
)

// Colours: the worst case, the best case, and the needs of gates.
const (
	svgWorst = "#1f5fa8"
	svgBest  = "#e07b00"
	svgNeed  = "#8a8a8a"
)

// WriteSVG writes h as an SVG chart over time, one panel under another on
// a shared axis of days: for each track, the level reached (worst case
// solid, best case dashed) against the track's levels; the points, worst
// and best, against the points each level's gates need; and for each kind
// of evidence the gates count, its count against each gate's need. The
// chart is 900 pixels wide and as tall as its panels need; every
// coordinate is written with two decimals, and every text from the ladder
// or the evidence is escaped, so the same history gives the same bytes
// and hostile names still give well-formed XML.
func (h *History) WriteSVG(w io.Writer) error {
	if h == nil || w == nil {
		return fmt.Errorf("growth: write SVG: %w", ladder.ErrNilArgument)
	}
	c := &svgChart{h: h, b: bufio.NewWriter(w), words: words{h.l}}
	c.write()
	return c.b.Flush()
}

type svgChart struct {
	h *History
	b *bufio.Writer
	words
	y float64 // the top of the next panel
}

func (c *svgChart) printf(format string, args ...any) { fmt.Fprintf(c.b, format, args...) }

// esc escapes text for XML, its control characters first.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(clean(s))) // a strings.Builder does not fail
	return b.String()
}

func (c *svgChart) write() {
	h := c.h
	kinds, of := h.kinds()
	height := float64(svgTitle + svgAxis)
	for _, t := range h.Tracks {
		height += svgGap + float64(svgLevelH*(len(c.levels(t.ID))+1))
	}
	height += float64((1 + len(kinds)) * (svgGap + svgPanelH))
	c.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`+"\n",
		svgWidth, height, svgWidth, height)
	c.printf(`<rect width="100%%" height="100%%" fill="#ffffff"/>` + "\n")
	title := h.Ladder
	if h.l != nil && h.l.Name != "" {
		title = h.l.Name
	}
	person := h.Person
	if person == "" {
		person = "-"
	}
	c.printf(`<text x="20" y="24" font-size="16" font-weight="bold">%s on %s</text>`+"\n", esc(person), esc(title))
	c.printf(`<line x1="20" y1="42" x2="44" y2="42" stroke="%s" stroke-width="2.5"/><text x="50" y="46">worst case</text>`+"\n", svgWorst)
	c.printf(`<line x1="140" y1="42" x2="164" y2="42" stroke="%s" stroke-width="2.5" stroke-dasharray="6 4"/><text x="170" y="46">best case</text>`+"\n", svgBest)
	c.printf(`<line x1="260" y1="42" x2="284" y2="42" stroke="%s" stroke-width="1" stroke-dasharray="3 3"/><text x="290" y="46">what a level needs</text>`+"\n", svgNeed)
	c.y = svgTitle
	if len(h.Days) == 0 {
		c.printf("</svg>\n")
		return
	}
	for t := range h.Tracks {
		c.track(t)
	}
	c.points()
	for i, k := range kinds {
		c.evidence(k, of[i])
	}
	c.axis()
	c.printf("</svg>\n")
}

// x returns the position of day i: days spaced by time.
func (c *svgChart) x(i int) float64 {
	days := c.h.Days
	if len(days) == 1 {
		return float64(svgLeft+svgWidth-svgRight) / 2
	}
	first, last := dayNumber(days[0].Date), dayNumber(days[len(days)-1].Date)
	f := float64(dayNumber(days[i].Date)-first) / float64(last-first)
	return svgLeft + f*float64(svgWidth-svgLeft-svgRight)
}

// levels returns the levels of a track, lowest first.
func (c *svgChart) levels(track string) []scoring.Named {
	var out []scoring.Named
	if t, ok := c.l.Track(track); ok {
		for _, v := range t.Levels {
			out = append(out, scoring.Named{ID: v.ID, Name: v.Name})
		}
		return out
	}
	// Without the ladder, the levels the history reached.
	for _, d := range c.h.Days {
		for _, s := range d.Levels {
			for _, n := range []*scoring.Named{s.Level, s.Best} {
				if n != nil && !containsNamed(out, n.ID) {
					out = append(out, *n)
				}
			}
		}
	}
	return out
}

func containsNamed(ns []scoring.Named, id string) bool {
	for _, n := range ns {
		if n.ID == id {
			return true
		}
	}
	return false
}

// heading writes the heading of a panel and moves below it.
func (c *svgChart) heading(text string) {
	c.y += svgGap
	c.printf(`<text x="20" y="%.2f" font-weight="bold">%s</text>`+"\n", c.y-10, esc(text))
}

// frame draws the frame of a panel of height ht at c.y.
func (c *svgChart) frame(ht float64) {
	c.printf(`<rect x="%d" y="%.2f" width="%d" height="%.2f" fill="#fafafa" stroke="#d0d0d0"/>`+"\n", svgLeft, c.y, svgWidth-svgLeft-svgRight, ht)
	for i := range c.h.Days {
		c.printf(`<line x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f" stroke="#ececec"/>`+"\n", c.x(i), c.y, c.x(i), c.y+ht)
	}
}

// series draws a line through the values of the days (NaN: a gap), solid
// or dashed, with a dot on each day.
func (c *svgChart) series(y func(i int) float64, colour string, dashed bool) {
	dash := ""
	if dashed {
		dash = ` stroke-dasharray="6 4"`
	}
	var pts []string
	flush := func() {
		if len(pts) > 1 {
			c.printf(`<polyline fill="none" stroke="%s" stroke-width="2.5"%s points="%s"/>`+"\n", colour, dash, strings.Join(pts, " "))
		}
		pts = pts[:0]
	}
	for i := range c.h.Days {
		v := y(i)
		if math.IsNaN(v) {
			flush()
			continue
		}
		pts = append(pts, fmt.Sprintf("%.2f,%.2f", c.x(i), v))
		r := 3.0
		if dashed {
			r = 2
		}
		c.printf(`<circle cx="%.2f" cy="%.2f" r="%.0f" fill="%s"/>`+"\n", c.x(i), v, r, colour)
	}
	flush()
}

// track draws the level reached on track t, day by day.
func (c *svgChart) track(t int) {
	h := c.h
	levels := c.levels(h.Tracks[t].ID)
	c.heading("Level on " + named(h.Tracks[t]))
	ht := float64(svgLevelH * (len(levels) + 1))
	c.frame(ht)
	row := func(r int) float64 { return c.y + ht - float64(svgLevelH)*(float64(r)+1.5) } // r = -1 for none
	for r := -1; r < len(levels); r++ {
		label := "no level"
		if r >= 0 {
			label = named(levels[r])
		}
		c.printf(`<text x="%d" y="%.2f" text-anchor="end">%s</text>`+"\n", svgLeft-8, row(r)+4, esc(shorten(label, 26)))
		c.printf(`<line x1="%d" y1="%.2f" x2="%d" y2="%.2f" stroke="#e2e2e2"/>`+"\n", svgLeft, row(r), svgWidth-svgRight, row(r))
	}
	index := func(n *scoring.Named) int {
		for i, l := range levels {
			if n != nil && l.ID == n.ID {
				return i
			}
		}
		return -1
	}
	c.series(func(i int) float64 { return row(index(h.Days[i].Levels[t].Best)) }, svgBest, true)
	c.series(func(i int) float64 { return row(index(h.Days[i].Levels[t].Level)) }, svgWorst, false)
	c.y += ht
}

// points draws the points, worst and best, against what points gates
// need.
func (c *svgChart) points() {
	h := c.h
	c.heading("Points")
	top := 0.0
	for _, d := range h.Days {
		top = max(top, d.BestPoints)
	}
	type need struct {
		label string
		min   float64
	}
	var needs []need
	if h.l != nil {
		for _, t := range h.l.Tracks {
			for _, v := range t.Levels {
				for _, g := range v.Requires {
					if g.Points != nil && len(g.Points.Categories) == 0 {
						needs = append(needs, need{v.Name, float64(g.Points.Min)})
						top = max(top, float64(g.Points.Min))
					}
				}
			}
		}
	}
	top = niceTop(top)
	ht := float64(svgPanelH)
	c.frame(ht)
	y := func(v float64) float64 { return c.y + ht - v/top*(ht-10) }
	c.ticks(top, y)
	for _, n := range needs {
		c.need(y(n.min), fmt.Sprintf("%s %s", n.label, num(n.min)))
	}
	c.series(func(i int) float64 { return y(h.Days[i].BestPoints) }, svgBest, true)
	c.series(func(i int) float64 { return y(h.Days[i].Points) }, svgWorst, false)
	c.y += ht
}

// evidence draws the count of one kind of evidence, and the need of each
// gate that counts it.
func (c *svgChart) evidence(kind string, gates []int) {
	h := c.h
	c.heading("Evidence: " + shorten(kind, 120))
	top := 0.0
	for _, g := range gates {
		top = max(top, float64(h.Gates[g].Need))
	}
	for _, d := range h.Days {
		top = max(top, float64(d.Counts[gates[0]]))
	}
	top = niceTop(top)
	ht := float64(svgPanelH)
	c.frame(ht)
	y := func(v float64) float64 { return c.y + ht - v/top*(ht-10) }
	c.ticks(top, y)
	for _, g := range gates {
		c.need(y(float64(h.Gates[g].Need)), fmt.Sprintf("%s %d", named(h.Gates[g].Level), h.Gates[g].Need))
	}
	c.series(func(i int) float64 { return y(float64(h.Days[i].Counts[gates[0]])) }, svgWorst, false)
	c.y += ht
}

// need draws a threshold across a panel, labelled on the left.
func (c *svgChart) need(y float64, label string) {
	c.printf(`<line x1="%d" y1="%.2f" x2="%d" y2="%.2f" stroke="%s" stroke-dasharray="3 3"/>`+"\n", svgLeft, y, svgWidth-svgRight, y, svgNeed)
	c.printf(`<text x="%d" y="%.2f" text-anchor="end" fill="#555555">%s</text>`+"\n", svgLeft-8, y+4, esc(shorten(label, 28)))
}

// ticks writes 0 and top on the right of a panel.
func (c *svgChart) ticks(top float64, y func(float64) float64) {
	for _, v := range []float64{0, top / 2, top} {
		c.printf(`<text x="%d" y="%.2f" font-size="10" fill="#777777">%s</text>`+"\n", svgWidth-svgRight+4, y(v)+3, num(v))
	}
}

// axis writes the dates under the last panel, at most svgMaxDays of them.
func (c *svgChart) axis() {
	n := len(c.h.Days)
	step := (n + svgMaxDays - 1) / svgMaxDays
	for i := 0; i < n; i += step {
		c.printf(`<text x="%.2f" y="%.2f" text-anchor="middle" font-size="11">%s</text>`+"\n", c.x(i), c.y+18, dateLabel(c.h.Days[i].Date))
	}
}

func dateLabel(d evidence.Date) string { return d.String() }

// niceTop rounds the top of a scale up to a round number (1, 1.5, 2, 2.5,
// 3, 4, 5, 6 or 8 times a power of ten), at least 1.
func niceTop(v float64) float64 {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
