package growth_test

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// TestPaceCounts holds each pace to the engine: its count is the gate's,
// and the items it says leave the window leave it on the days the history
// of the items counted now loses them.
func TestPaceCounts(t *testing.T) {
	s := compile(t, "cto.yaml")
	in := loadInput(t, s, "senior-engineer.yaml")
	for _, target := range []string{"cto", "tech-lead", "senior"} {
		for _, day := range []evidence.Date{asOf, asOf.AddDays(-200), asOf.AddDays(60)} {
			p, err := growth.NewPlan(s, in, day, target)
			if err != nil {
				t.Fatal(err)
			}
			for _, pc := range p.Pace {
				gap, _ := s.Gap(in, day, p.Track.ID, pc.Level.ID)
				have := ""
				for _, c := range gap.Checks {
					if c.Level == pc.Level.ID && c.Kind == scoring.CheckEvidence && c.Gate == pc.Gate {
						have = c.Have
					}
				}
				if have != fmt.Sprint(pc.Have) {
					t.Errorf("%s as of %s, %s: pace counts %d, Gap %s", target, day, pc.Level.ID, pc.Have, have)
				}
				checkLeaving(t, s, in, day, pc)
			}
		}
	}
}

// checkLeaving compares pc.Leaving with the days on which the count of
// the gate, over the items dated up to day, falls.
func checkLeaving(t *testing.T, s *scoring.Scorer, in evidence.Input, day evidence.Date, pc growth.Pace) {
	t.Helper()
	past := in
	past.Evidence = slices.DeleteFunc(slices.Clone(in.Evidence), func(it evidence.Item) bool { return it.Date.Compare(day) > 0 })
	past.Ratings = nil
	var days []evidence.Date
	for d := day; d.Compare(pc.Until) <= 0; d = d.AddDays(1) {
		days = append(days, d)
	}
	h, err := growth.NewHistory(s, past, days)
	if err != nil {
		t.Fatal(err)
	}
	gate := slices.IndexFunc(h.Gates, func(g growth.HistoryGate) bool { return g.Level.ID == pc.Level.ID && g.ID == pc.Gate })
	var want, got []string
	for i := 1; i < len(h.Days); i++ {
		for range h.Days[i-1].Counts[gate] - h.Days[i].Counts[gate] {
			want = append(want, h.Days[i].Date.String())
		}
	}
	for _, lv := range pc.Leaving {
		got = append(got, lv.Leaves.String())
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("as of %s, %s: items leave on %v, the history loses them on %v", day, pc.Level.ID, got, want)
	}
}

// TestPaceMet checks the day a gate is met at the pace: with no window,
// after the items still needed come at the pace; with a window, when the
// items counted now are recent enough to outlast the wait.
func TestPaceMet(t *testing.T) {
	base := compile(t, "cto.yaml").Ladder()
	item := func(id string, d evidence.Date) evidence.Item {
		return evidence.Item{ID: id, Capability: "technical-problem-solving", Rating: "advanced", Date: d, Source: "peer", Tags: []string{"hard-problem"}}
	}
	// Six items in the last 90 days: 2 a month over a year's window.
	var recent []evidence.Item
	for i := range 6 {
		recent = append(recent, item(fmt.Sprintf("r%d", i), asOf.AddDays(-15*i)))
	}
	for _, tc := range []struct {
		name   string
		window rubric.Period // of the gate and the policy
		items  []evidence.Item
		need   int
		met    evidence.Date
		rate   float64
	}{
		// 6 items since the first, 76 days ago: 6 more at that pace.
		{"no window", rubric.Period{}, recent, 12, asOf.AddDays(int(math.Ceil(6 / (6.0 / 76)))), 6.0 / 76 * 30.436875},
		// 6 items in a year: at that pace the count holds near 6.
		{"a year's window", rubric.Period{N: 12, Unit: "mo"}, recent, 12, evidence.Date{}, 6.0 / 365 * 30.436875},
		// Recent items outlast the wait for 2 more.
		{"a year's window, recent items", rubric.Period{N: 12, Unit: "mo"}, recent, 8, asOf.AddDays(int(math.Ceil(2 / (6.0 / 365)))), 6.0 / 365 * 30.436875},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := *base
			l.Rules.Evidence = &rubric.EvidencePolicy{Window: tc.window}
			l.Tracks = slices.Clone(base.Tracks)
			l.Tracks[0].Levels = slices.Clone(base.Tracks[0].Levels)
			tl := &l.Tracks[0].Levels[2] // tech-lead: 12 hard problems
			tl.Requires = slices.Clone(tl.Requires)
			g := *tl.Requires[0].Evidence
			g.Window, g.Count = tc.window, tc.need
			tl.Requires[0].Evidence = &g
			s, err := scoring.Compile(&l)
			if err != nil {
				t.Fatal(err)
			}
			p, err := growth.NewPlan(s, evidence.Input{Person: "p", Evidence: tc.items}, asOf, "tech-lead")
			if err != nil {
				t.Fatal(err)
			}
			pc := p.Pace[len(p.Pace)-1]
			if pc.Level.ID != "tech-lead" || pc.Have != 6 || pc.Need != tc.need {
				t.Fatalf("pace %+v", pc)
			}
			if pc.Met != tc.met || math.Abs(pc.PerMonth-tc.rate) > 0.01 {
				t.Errorf("met %s at %v a month, want %s at %.2f", pc.Met, pc.PerMonth, tc.met, tc.rate)
			}
		})
	}
}
