package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// Size is the width and height of the canvas of a radar chart, in SVG user
// units (and pixels at the natural size).
const Size = 640

// The colours of the polygons of a radar chart.
const (
	PersonColour  = "#1f77b4" // the person's worst-case ratings: blue
	CurrentColour = "#2ca02c" // the expectations of the level reached: green
	NextColour    = "#ff7f0e" // the expectations of the next level: orange
)

// Layout of the canvas.
const (
	centerX    = 320.0
	centerY    = 312.0
	outerR     = 165.0 // the highest rating
	innerR     = 24.0  // the lowest rating
	labelGap   = 14.0  // from the outer ring to a capability label
	labelLine  = 13.0  // line height of capability labels
	labelRunes = 17    // runes per line of a capability label
	labelLines = 3     // lines of a capability label at most
	legendY    = 572.0 // baseline of the first legend entry
	legendLine = 20.0
)

// series is one polygon: a value per axis, radius 0 for none.
type series struct {
	name   string
	class  string
	colour string
	dash   string // stroke-dasharray, "" for solid
	radii  []float64
}

// Radar writes an SVG radar chart of res against track of l to w: one axis
// per capability, the person's worst-case ratings and the expectations of
// the level reached on the track and of the next one, as described in the
// package documentation. The empty track names the first track of l. It
// returns an error, and writes nothing, when w or l is nil, when l has no
// track of that id, or when res does not belong to l (another ladder id, or
// a level the track does not have). Otherwise it returns the error of w,
// if any; the chart is written with a single Write.
func Radar(w io.Writer, l *ladder.Ladder, res scoring.Result, track string) error {
	if w == nil || l == nil {
		return fmt.Errorf("chart: radar: %w", ladder.ErrNilArgument)
	}
	if res.Ladder != "" && res.Ladder != l.ID {
		return fmt.Errorf("chart: result is for ladder %q, not %q", res.Ladder, l.ID)
	}
	var t *ladder.Track
	switch {
	case track != "":
		var ok bool
		if t, ok = l.Track(track); !ok {
			return fmt.Errorf("chart: ladder %q has no track %q", l.ID, track)
		}
	case len(l.Tracks) > 0:
		t = &l.Tracks[0]
	}

	// The levels: reached and next, from the result's view of the track.
	var current, next *ladder.Level
	if t != nil {
		if tr, ok := res.Track(t.ID); ok {
			var err error
			if current, err = levelOf(t, tr.Level); err != nil {
				return err
			}
			if next, err = levelOf(t, tr.Next); err != nil {
				return err
			}
		}
	}

	n := len(l.Capabilities)
	ratings := make(map[string]string, len(res.Capabilities))
	for _, c := range res.Capabilities {
		ratings[c.ID] = c.Rating
	}
	person := &series{name: displayName(res.Person) + " (worst case)", class: "series person", colour: PersonColour, radii: make([]float64, n)}
	all := []*series{person}
	var cur, nxt *series
	if current != nil {
		cur = &series{name: levelName(current), class: "series current", colour: CurrentColour, dash: "7 4", radii: make([]float64, n)}
		all = append(all, cur)
	}
	if next != nil {
		nxt = &series{name: levelName(next), class: "series next", colour: NextColour, dash: "2 3", radii: make([]float64, n)}
		all = append(all, nxt)
	}
	scales := make([]*rubric.Scale, n)
	for i := range l.Capabilities {
		c := &l.Capabilities[i]
		s, _ := l.ScaleOf(c)
		scales[i] = s
		person.radii[i] = radius(s, ratings[c.ID])
		if cur != nil {
			r, _ := current.Expectation(c.ID)
			cur.radii[i] = radius(s, r)
		}
		if nxt != nil {
			r, _ := next.Expectation(c.ID)
			nxt.radii[i] = radius(s, r)
		}
	}

	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, Verdana, Arial, sans-serif">`+"\n", Size, Size, Size, Size)

	// Title.
	head := displayName(res.Person)
	if t != nil {
		head += " · " + orID(t.Name, t.ID)
	}
	head = shorten(head, 48)
	sub := shorten("Ladder: "+orID(l.Name, l.ID), 88)
	p("<title>%s — %s</title>\n", esc(head), esc(sub))
	p(`<rect class="background" x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`+"\n", Size, Size)
	p(`<text class="title" x="%s" y="30" text-anchor="middle" font-size="19" font-weight="bold" fill="#222222">%s</text>`+"\n", f(centerX), esc(head))
	p(`<text class="subtitle" x="%s" y="52" text-anchor="middle" font-size="12" fill="#555555">%s</text>`+"\n", f(centerX), esc(sub))

	// Guide rings, axes and ticks.
	p(`<g class="grid" fill="none" stroke="#cccccc" stroke-width="1">` + "\n")
	shared := sharedScale(scales)
	var rings []float64
	if shared != nil && len(shared.Ratings) > 1 {
		for k := range shared.Ratings {
			rings = append(rings, float64(k)/float64(len(shared.Ratings)-1))
		}
	} else {
		rings = []float64{0, 0.25, 0.5, 0.75, 1}
	}
	for _, q := range rings {
		p(`<circle class="ring" cx="%s" cy="%s" r="%s"/>`+"\n", f(centerX), f(centerY), f(innerR+(outerR-innerR)*q))
	}
	for i := range n {
		x, y := point(i, n, outerR)
		p(`<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#999999"/>`+"\n", f(centerX), f(centerY), f(x), f(y))
	}
	p("</g>\n")
	p(`<g class="ticks" fill="#999999">` + "\n")
	for i := range n {
		if s := scales[i]; s != nil {
			for k := range s.Ratings {
				x, y := point(i, n, radius(s, s.Ratings[k].ID))
				p(`<circle cx="%s" cy="%s" r="1.80"/>`+"\n", f(x), f(y))
			}
		}
	}
	p("</g>\n")
	if shared != nil && n > 0 {
		// The rating labels of the shared scale, beside the first axis.
		p(`<g class="ratings" font-size="9" fill="#888888">` + "\n")
		for _, r := range shared.Ratings {
			x, y := point(0, n, radius(shared, r.ID))
			p(`<text x="%s" y="%s">%s</text>`+"\n", f(x+4), f(y-3), esc(shorten(orID(r.Label, r.ID), 16)))
		}
		p("</g>\n")
	}

	// Polygons: the next level first, the person on top.
	for i := len(all) - 1; i >= 0; i-- {
		s := all[i]
		var pts []string
		for k, r := range s.radii {
			x, y := point(k, n, r)
			pts = append(pts, f(x)+","+f(y))
		}
		dash := ""
		if s.dash != "" {
			dash = ` stroke-dasharray="` + s.dash + `"`
		}
		p(`<g class="%s">`+"\n", s.class)
		p(`<polygon points="%s" fill="%s" fill-opacity="0.12" stroke="%s" stroke-width="2.50" stroke-linejoin="round"%s/>`+"\n",
			strings.Join(pts, " "), s.colour, s.colour, dash)
		for k, r := range s.radii {
			x, y := point(k, n, r)
			p(`<circle cx="%s" cy="%s" r="3.50" fill="%s"/>`+"\n", f(x), f(y), s.colour)
		}
		p("</g>\n")
	}

	// Capability labels.
	p(`<g class="labels" font-size="12" fill="#222222">` + "\n")
	for i := range n {
		c := &l.Capabilities[i]
		lines := wrap(orID(c.Name, c.ID), labelRunes, labelLines)
		x, y := point(i, n, outerR+labelGap)
		dx, dy := x-centerX, y-centerY
		anchor := "middle"
		switch {
		case dx > 0.3*(outerR+labelGap):
			anchor = "start"
		case dx < -0.3*(outerR+labelGap):
			anchor = "end"
		}
		h := float64(len(lines)-1) * labelLine
		var y0 float64
		switch {
		case dy < -0.3*(outerR+labelGap): // above the centre: grow upwards
			y0 = y - h
		case dy > 0.3*(outerR+labelGap): // below: grow downwards
			y0 = y + 9
		default:
			y0 = y + 4 - h/2
		}
		p(`<text class="capability" x="%s" y="%s" text-anchor="%s">`, f(x), f(y0), anchor)
		for k, line := range lines {
			if k == 0 {
				p(`<tspan x="%s">%s</tspan>`, f(x), esc(line))
			} else {
				p(`<tspan x="%s" dy="%s">%s</tspan>`, f(x), f(labelLine), esc(line))
			}
		}
		p("</text>\n")
	}
	p("</g>\n")

	// Legend.
	p(`<g class="legend" font-size="13" fill="#222222">` + "\n")
	for i, s := range all {
		y := legendY + float64(i)*legendLine
		p(`<rect x="40" y="%s" width="22" height="12" fill="%s"/>`, f(y-10), s.colour)
		p(`<text x="72" y="%s">%s</text>`+"\n", f(y), esc(shorten(s.name, 70)))
	}
	p("</g>\n")
	p("</svg>\n")

	_, err := w.Write(b.Bytes())
	return err
}

// levelOf returns the level of t that lv names, nil for nil.
func levelOf(t *ladder.Track, lv *scoring.Named) (*ladder.Level, error) {
	if lv == nil {
		return nil, nil
	}
	v, ok := t.Level(lv.ID)
	if !ok {
		return nil, fmt.Errorf("chart: track %q has no level %q", t.ID, lv.ID)
	}
	return v, nil
}

// radius returns the distance from the centre of rating id on scale s: 0
// when id is not a rating of s (unrated, n/a, unknown).
func radius(s *rubric.Scale, id string) float64 {
	k := s.Rank(id)
	if k < 0 {
		return 0
	}
	if len(s.Ratings) == 1 {
		return outerR
	}
	return innerR + (outerR-innerR)*float64(k)/float64(len(s.Ratings)-1)
}

// point returns the point at radius r on axis i of n, the first axis
// pointing up and the rest following clockwise.
func point(i, n int, r float64) (x, y float64) {
	a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
	return centerX + r*math.Cos(a), centerY + r*math.Sin(a)
}

// sharedScale returns the scale every capability is rated on, nil when they
// differ or there are none.
func sharedScale(scales []*rubric.Scale) *rubric.Scale {
	if len(scales) == 0 || scales[0] == nil {
		return nil
	}
	for _, s := range scales[1:] {
		if s != scales[0] {
			return nil
		}
	}
	return scales[0]
}

// f formats a coordinate with two decimals, never as "-0.00".
func f(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if s == "-0.00" {
		return "0.00"
	}
	return s
}

// esc escapes s for XML text; invalid UTF-8 and characters XML does not
// allow become U+FFFD.
// esc escapes text for the SVG: control characters, bidirectional
// controls and bad bytes as textsafe writes them, so that a name can
// neither reorder the chart's text nor reach a terminal that shows the
// file, then XML's special characters.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(textsafe.String(s))) // a strings.Builder does not fail
	return b.String()
}

// displayName returns the person id with its first letter upper-cased,
// "Person" when it is empty.
func displayName(id string) string {
	if id == "" {
		return "Person"
	}
	r, size := utf8.DecodeRuneInString(id)
	return string(unicode.ToUpper(r)) + id[size:]
}

// levelName returns the level's name, or its id when it has none.
func levelName(v *ladder.Level) string { return orID(v.Name, v.ID) }

func orID(name, id string) string {
	if strings.TrimSpace(name) != "" {
		return name
	}
	return id
}

// shorten cuts s to at most limit runes, ending with an ellipsis when cut.
func shorten(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= limit {
		return s
	}
	return strings.TrimRightFunc(string(r[:limit-1]), unicode.IsSpace) + "…"
}

// wrap breaks s into lines of at most width runes, words longer than that
// split, and at most maxLines lines, the last shortened with an ellipsis
// when text is left over.
func wrap(s string, width, maxLines int) []string {
	var lines []string
	var line []rune
	for _, word := range strings.Fields(s) {
		w := []rune(word)
		for len(w) > 0 {
			switch {
			case len(line) == 0 && len(w) <= width:
				line, w = w, nil
			case len(line) > 0 && len(line)+1+len(w) <= width:
				line = append(append(line, ' '), w...)
				w = nil
			case len(line) > 0:
				lines = append(lines, string(line))
				line = nil
			default: // a word longer than a line
				lines = append(lines, string(w[:width]))
				w = w[width:]
			}
		}
	}
	if len(line) > 0 {
		lines = append(lines, string(line))
	}
	if len(lines) == 0 {
		return []string{""}
	}
	if len(lines) > maxLines {
		last := []rune(lines[maxLines-1])
		if len(last) >= width {
			last = last[:width-1]
		}
		lines = append(lines[:maxLines-1], strings.TrimRightFunc(string(last), unicode.IsSpace)+"…")
	}
	return lines
}
