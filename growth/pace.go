package growth

import (
	"math"
	"slices"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// LeavingDays is how far ahead a Pace looks for items about to leave a
// gate's window.
const LeavingDays = 90

// horizonDays bounds how far ahead a Pace looks for the day a gate is met:
// ten years.
const horizonDays = 3653

// daysPerMonth is the mean length of a month in the Gregorian calendar.
const daysPerMonth = 30.436875

// A Pace is how fast the items of one evidence gate come, and what that
// means: "14 of 24 in the last 12 months, 1.2 a month". It is derived from
// the evidence as of one day and nothing else.
type Pace struct {
	Level scoring.Named `json:"level"`          // the level of the gate
	Gate  string        `json:"gate,omitempty"` // the gate's id, if it has one
	// Counts says what the gate counts, in words.
	Counts string `json:"counts"`
	Have   int    `json:"have"` // qualifying items now
	Need   int    `json:"need"` // items the gate needs
	// Since is the first day of the gate's window; zero when items of any
	// age count.
	Since evidence.Date `json:"since"`
	// PerMonth is the pace: items a month over the window, or over the
	// time since the first qualifying item when items of any age count.
	PerMonth float64 `json:"per_month"`
	// Met is the day the count would first reach Need if items went on
	// coming at PerMonth, while those it holds leave the window as they
	// age out; zero when the gate is met already, or would not be within
	// ten years. With a window, a steady pace holds the count where it
	// is, so a gate short today is met only at a faster pace.
	Met evidence.Date `json:"met"`
	// NeedPerMonth is the pace that fills the window, Need items over its
	// length; 0 when items of any age count.
	NeedPerMonth float64 `json:"need_per_month"`
	// Until is the last day of the look ahead, LeavingDays after the day
	// of the pace.
	Until evidence.Date `json:"until"`
	// Leaving lists the items counted now that leave the window by Until,
	// in the order they leave.
	Leaving []Leaving `json:"leaving"`
}

// A Leaving is an item that is about to leave a gate's window.
type Leaving struct {
	ID     string        `json:"id"`     // the item's id
	Date   evidence.Date `json:"date"`   // the item's date
	Leaves evidence.Date `json:"leaves"` // the first day it no longer counts
}

// paces returns the pace of every evidence gate of the plan's steps, in
// step order, from the evidence trace of res.
func paces(l *ladder.Ladder, p *Plan, res *scoring.Result) []Pace {
	out := []Pace{}
	w := words{l}
	for _, st := range p.Steps {
		for i := range st.Checks {
			g := w.gateOf(p.Track.ID, st.Checks, i)
			if g == nil || g.Evidence == nil {
				continue
			}
			out = append(out, pace(l, st.Level, g, res))
		}
	}
	return out
}

// usable reports whether an item of status st counts for evidence gates:
// known, not a duplicate, not dated after the day, from an accepted source
// and of some weight. Items too old for the policy's window still count
// for gates with longer windows.
func usable(st scoring.Status) bool {
	switch st {
	case scoring.Counted, scoring.TooOld, scoring.BelowRating, scoring.NotEnough:
		return true
	}
	return false
}

// qualifies reports whether item it, usable, is of the kind evidence gate
// g counts, whatever its date: its capability, a rating at minRank or
// above on the capability's scale sc, its tag and its source.
func qualifies(it *evidence.Item, g *rubric.EvidenceGate, sc *rubric.Scale, minRank int) bool {
	if it.Capability != g.Capability || sc.Rank(it.Rating) < minRank {
		return false
	}
	if g.Tag != "" && !slices.Contains(it.Tags, g.Tag) {
		return false
	}
	return len(g.Sources) == 0 || slices.Contains(g.Sources, it.Source)
}

// windowStart returns the first day of window p ending on day d; the zero
// Date for no window.
func windowStart(p rubric.Period, d evidence.Date) evidence.Date {
	if p.IsZero() {
		return evidence.Date{}
	}
	return evidence.DateOf(p.Start(d.Time()))
}

// pace works out the pace of gate g of level lv from the evidence trace
// of res.
func pace(l *ladder.Ladder, lv scoring.Named, g *rubric.Gate, res *scoring.Result) Pace {
	w := words{l}
	e := g.Evidence
	sc := w.scale(e.Capability)
	minRank := -1
	if e.MinRating != "" {
		minRank = sc.Rank(e.MinRating)
	}
	win := gateWindow(l, e)
	asOf := res.AsOf
	p := Pace{Level: lv, Gate: g.ID, Counts: w.counted(e), Need: e.Count, Since: windowStart(win, asOf),
		Until: asOf.AddDays(LeavingDays), Leaving: []Leaving{}}
	var days []int // the days of the qualifying items, as day numbers
	for i := range res.Evidence {
		t := &res.Evidence[i]
		if !usable(t.Status) || !qualifies(t.Item, e, sc, minRank) || (!p.Since.IsZero() && t.Date.Compare(p.Since) < 0) {
			continue
		}
		days = append(days, dayNumber(t.Date))
		if win.IsZero() {
			continue
		}
		if leaves := leaveDay(win, t.Date, asOf); leaves.Compare(p.Until) <= 0 {
			p.Leaving = append(p.Leaving, Leaving{ID: t.ID, Date: t.Date, Leaves: leaves})
		}
	}
	slices.Sort(days)
	slices.SortStableFunc(p.Leaving, func(a, b Leaving) int {
		if c := a.Leaves.Compare(b.Leaves); c != 0 {
			return c
		}
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	p.Have = len(days)
	today := dayNumber(asOf)
	span := 0.0 // the days the pace is taken over
	switch {
	case !win.IsZero():
		span = float64(today - dayNumber(p.Since))
		p.NeedPerMonth = roundTo(float64(p.Need)/span*daysPerMonth, 2)
	case len(days) > 0:
		span = float64(today - days[0] + 1)
	}
	if span <= 0 || p.Have == 0 {
		return p
	}
	perDay := float64(p.Have) / span
	p.PerMonth = roundTo(perDay*daysPerMonth, 2)
	if p.Have >= p.Need {
		return p
	}
	// Walk the days ahead: the items counted now that are still inside
	// the window, plus those the pace has brought by then.
	// New items age out of the window like the others.
	for t := 1; t <= horizonDays; t++ {
		d := asOf.AddDays(t)
		kept, arrived := len(days), t
		if !win.IsZero() {
			start := dayNumber(windowStart(win, d))
			kept -= sortSearch(days, start)
			arrived = min(t, today+t-max(start, today+1)+1)
		}
		if kept+int(math.Floor(perDay*float64(arrived)+1e-9)) >= p.Need {
			p.Met = d
			break
		}
	}
	return p
}

// leaveDay returns the first day after asOf on which an item dated d is no
// longer inside window p.
func leaveDay(p rubric.Period, d, asOf evidence.Date) evidence.Date {
	// The window ends its length after d, give or take the few days by
	// which months differ; look from a little before.
	day := d.AddDays(int(p.Days()) - 4)
	if day.Compare(asOf) <= 0 {
		day = asOf.AddDays(1)
	}
	for windowStart(p, day).Compare(d) <= 0 {
		day = day.AddDays(1)
	}
	return day
}

// sortSearch returns the number of days before day, days sorted.
func sortSearch(days []int, day int) int {
	i, _ := slices.BinarySearch(days, day)
	return i
}

// roundTo rounds f to n decimals.
func roundTo(f float64, n int) float64 {
	p := math.Pow(10, float64(n))
	return math.Round(f*p) / p
}

// dayNumber returns the number of days from 1970-01-01 to d.
func dayNumber(d evidence.Date) int {
	return int(d.Time().Unix() / 86400)
}
