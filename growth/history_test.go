package growth_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/internal/workload"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// checkHistory holds every day of the history of in to what Assess and
// Gap give as of that day.
func checkHistory(t *testing.T, s *scoring.Scorer, in evidence.Input, days []evidence.Date) growth.History {
	t.Helper()
	h, err := growth.NewHistory(s, in, days)
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[evidence.Date]bool{}
	for _, d := range days {
		distinct[d] = true
	}
	if len(h.Days) != len(distinct) {
		t.Fatalf("%d days, want %d", len(h.Days), len(distinct))
	}
	for i := 1; i < len(h.Days); i++ {
		if h.Days[i-1].Date.Compare(h.Days[i].Date) >= 0 {
			t.Fatalf("days out of order: %s, %s", h.Days[i-1].Date, h.Days[i].Date)
		}
	}
	id := func(n *scoring.Named) string {
		if n == nil {
			return ""
		}
		return n.ID
	}
	for _, d := range h.Days {
		res, err := s.Assess(in, d.Date)
		if err != nil {
			t.Fatal(err)
		}
		for i, tr := range res.Tracks {
			if got := d.Levels[i]; id(got.Level) != id(tr.Level) || id(got.Best) != id(tr.Best) {
				t.Errorf("%s, %s: level %s (best %s), Assess %s (best %s)", d.Date, tr.ID, id(got.Level), id(got.Best), id(tr.Level), id(tr.Best))
			}
		}
		for k, c := range res.Capabilities {
			if got := d.Ratings[k]; got.Rating != c.Rating || got.Best != c.Best {
				t.Errorf("%s, %s: rated %q to %q, Assess %q to %q", d.Date, c.ID, got.Rating, got.Best, c.Rating, c.Best)
			}
		}
		if d.Points != res.Points.Total || d.BestPoints != res.Points.Best {
			t.Errorf("%s: points %v (best %v), Assess %v (best %v)", d.Date, d.Points, d.BestPoints, res.Points.Total, res.Points.Best)
		}
		// The count of each evidence gate, from the checks of Gap: the
		// i-th evidence check of a level is its i-th evidence gate.
		seen := map[string]int{}
		for i, g := range h.Gates {
			key := g.Track.ID + "/" + g.Level.ID
			nth := seen[key]
			seen[key]++
			gap, err := s.Gap(in, d.Date, g.Track.ID, g.Level.ID)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, c := range gap.Checks {
				if c.Level != g.Level.ID || c.Kind != scoring.CheckEvidence {
					continue
				}
				if nth > 0 {
					nth--
					continue
				}
				found = true
				if want := fmt.Sprint(d.Counts[i]); c.Have != want {
					t.Errorf("%s, %s %s: count %s, Gap %s", d.Date, key, g.ID, want, c.Have)
				}
				break
			}
			if !found {
				t.Errorf("%s: no check for gate %d of %s", d.Date, i, key)
			}
		}
	}
	return h
}

// monthly returns the last day of every month from since to until.
func monthly(t *testing.T, since, until evidence.Date) []evidence.Date {
	t.Helper()
	days, err := growth.Every(since, until, rubric.Period{N: 1, Unit: "mo"})
	if err != nil {
		t.Fatal(err)
	}
	return days
}

// TestHistoryIsAssess checks the history of every reference person,
// month by month, against Assess.
func TestHistoryIsAssess(t *testing.T) {
	for _, tc := range references {
		t.Run(tc.ladder, func(t *testing.T) {
			s := compile(t, tc.ladder)
			in := loadInput(t, s, tc.input)
			checkHistory(t, s, in, monthly(t, evidence.Date{Year: 2024, Month: 1, Day: 31}, evidence.Date{Year: 2027, Month: 12, Day: 31}))
		})
	}
}

// policies vary the evidence policy of the CTO ladder over what the sweep
// follows: aggregations, windows, half-lives, sources and minimums.
var policies = []rubric.EvidencePolicy{
	{Window: rubric.Period{N: 24, Unit: "mo"}, HalfLife: rubric.Period{N: 12, Unit: "mo"}, MinItems: 2, MinSources: 2},
	{},
	{Window: rubric.Period{N: 1, Unit: "y"}, MinItems: 3, Aggregate: rubric.AggregateMedian},
	{HalfLife: rubric.Period{N: 10, Unit: "d"}, Aggregate: rubric.AggregateLatest},
	{Window: rubric.Period{N: 6, Unit: "mo"}, HalfLife: rubric.Period{N: 3, Unit: "mo"}, MinItems: 2, MinSources: 3, Aggregate: rubric.AggregateLatest,
		Sources: []rubric.SourceWeight{{Source: "self", Weight: 0.5}, {Source: "peer", Weight: 1}, {Source: "manager", Weight: 1.5}}},
	{Window: rubric.Period{N: 40, Unit: "w"}, MinItems: 4, Aggregate: rubric.AggregateMedian, Sources: []rubric.SourceWeight{{Source: "peer", Weight: 1}, {Source: "artifact", Weight: 0}}},
}

// TestHistoryRandom checks histories of random people, with random dated
// assessments, under each policy, on random days, against Assess.
func TestHistoryRandom(t *testing.T) {
	base := compile(t, "cto.yaml").Ladder()
	asOf := evidence.Date{Year: 2026, Month: 11, Day: 27}
	for pi, pol := range policies {
		l := *base
		l.Rules.Evidence = &pol
		s, err := scoring.Compile(&l)
		if err != nil {
			t.Fatal(err)
		}
		for seed := range uint64(12) {
			t.Run(fmt.Sprintf("policy %d seed %d", pi, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, uint64(pi)))
				in := randomInput(&l, rng, asOf, 50+rng.IntN(300))
				var days []evidence.Date
				for range 12 {
					days = append(days, asOf.AddDays(200-rng.IntN(1200)))
				}
				checkHistory(t, s, in, days)
			})
		}
	}
}

// randomInput returns a person with n items dated over 30 months up to
// asOf, a few of them duplicated, future or weighted, and dated and undated
// assessments.
func randomInput(l *ladder.Ladder, rng *rand.Rand, asOf evidence.Date, n int) evidence.Input {
	in := evidence.Input{Person: "p", Evidence: workload.Evidence(l, n, asOf, rng.Uint64())}
	for i := range in.Evidence {
		it := &in.Evidence[i]
		switch rng.IntN(20) {
		case 0:
			it.ID = in.Evidence[rng.IntN(len(in.Evidence))].ID
		case 1:
			it.Date = asOf.AddDays(rng.IntN(100))
		case 2:
			it.Weight = float64(rng.IntN(4)) / 2
		case 3:
			it.Source = "recruiter"
		}
	}
	for _, who := range []string{"manager", "self", "peer"} {
		for range rng.IntN(4) {
			a := evidence.Assessment{Assessor: who}
			if rng.IntN(4) > 0 {
				a.Date = asOf.AddDays(150 - rng.IntN(900))
			}
			for _, c := range l.Capabilities {
				if rng.IntN(3) > 0 {
					sc, _ := l.ScaleOf(&c)
					r := evidence.Rating{Capability: c.ID, Rating: sc.Ratings[rng.IntN(len(sc.Ratings))].ID}
					switch rng.IntN(30) {
					case 0:
						r.Rating = "n/a"
					case 1:
						r.Rating = "fluent"
					case 2:
						r.Capability = "comms"
					case 3:
						a.Ratings = append(a.Ratings, r) // rated twice
						r.Rating = sc.Ratings[rng.IntN(len(sc.Ratings))].ID
					}
					a.Ratings = append(a.Ratings, r)
				}
			}
			if rng.IntN(20) == 0 {
				a.Assessor = evidence.ReservedAssessor
			}
			in.Ratings = append(in.Ratings, a)
		}
	}
	return in
}

// TestHistoryManySources gives items from more than 64 sources, which
// scoring tells apart only up to the 64th.
func TestHistoryManySources(t *testing.T) {
	base := compile(t, "cto.yaml").Ladder()
	l := *base
	l.Rules.Evidence = &rubric.EvidencePolicy{MinSources: 62, Window: rubric.Period{N: 2, Unit: "y"}}
	s, err := scoring.Compile(&l)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	in := randomInput(&l, rng, asOf, 2000)
	for i := range in.Evidence {
		in.Evidence[i].Source = fmt.Sprintf("s%d", rng.IntN(70))
	}
	checkHistory(t, s, in, monthly(t, asOf.AddDays(-900), asOf))
}

func TestEvery(t *testing.T) {
	d := func(y, m, day int) evidence.Date { return evidence.Date{Year: y, Month: time.Month(m), Day: day} }
	for _, tc := range []struct {
		since, until evidence.Date
		every        rubric.Period
		want         []evidence.Date
	}{
		{d(2026, 1, 1), d(2026, 11, 27), rubric.Period{N: 3, Unit: "mo"}, []evidence.Date{d(2026, 2, 27), d(2026, 5, 27), d(2026, 8, 27), d(2026, 11, 27)}},
		{d(2025, 12, 1), d(2026, 5, 31), rubric.Period{N: 1, Unit: "mo"}, []evidence.Date{d(2025, 12, 31), d(2026, 1, 31), d(2026, 2, 28), d(2026, 3, 31), d(2026, 4, 30), d(2026, 5, 31)}},
		{d(2020, 1, 1), d(2024, 2, 29), rubric.Period{N: 1, Unit: "y"}, []evidence.Date{d(2020, 2, 29), d(2021, 2, 28), d(2022, 2, 28), d(2023, 2, 28), d(2024, 2, 29)}},
		{d(2026, 11, 1), d(2026, 11, 27), rubric.Period{N: 2, Unit: "w"}, []evidence.Date{d(2026, 11, 13), d(2026, 11, 27)}},
		{d(2026, 11, 27), d(2026, 11, 27), rubric.Period{N: 1, Unit: "d"}, []evidence.Date{d(2026, 11, 27)}},
		{d(1, 1, 1), d(1, 3, 1), rubric.Period{N: 1, Unit: "mo"}, []evidence.Date{d(1, 1, 1), d(1, 2, 1), d(1, 3, 1)}},
	} {
		got, err := growth.Every(tc.since, tc.until, tc.every)
		if err != nil || fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("Every(%s, %s, %s) = %v, %v; want %v", tc.since, tc.until, tc.every, got, err, tc.want)
		}
	}
	for _, bad := range [][2]evidence.Date{{{}, d(2026, 1, 1)}, {d(2026, 1, 1), {}}, {d(2026, 2, 1), d(2026, 1, 1)}, {d(2026, 2, 30), d(2026, 3, 1)}} {
		if _, err := growth.Every(bad[0], bad[1], rubric.Period{N: 1, Unit: "mo"}); !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("Every(%s, %s): %v", bad[0], bad[1], err)
		}
	}
	if _, err := growth.Every(d(2026, 1, 1), d(2026, 2, 1), rubric.Period{}); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("a zero period: %v", err)
	}
}

func TestHistoryMisuse(t *testing.T) {
	s := compile(t, "cto.yaml")
	for name, f := range map[string]func() error{
		"nil scorer": func() error { _, err := growth.NewHistory(nil, evidence.Input{}, []evidence.Date{asOf}); return err },
		"no days":    func() error { _, err := growth.NewHistory(s, evidence.Input{}, nil); return err },
		"zero day":   func() error { _, err := growth.NewHistory(s, evidence.Input{}, []evidence.Date{asOf, {}}); return err },
	} {
		if err := f(); !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Days in any order, repeated, come out in order, once each.
	h, err := growth.NewHistory(s, evidence.Input{}, []evidence.Date{asOf, asOf.AddDays(-10), asOf})
	if err != nil || len(h.Days) != 2 || h.Days[0].Date != asOf.AddDays(-10) {
		t.Errorf("days: %v, %+v", err, h.Days)
	}
}

// TestHistoryGolden writes the flagship person's year by quarter, in text
// and JSON, and compares them with golden files.
func TestHistoryGolden(t *testing.T) {
	s := compile(t, "cto.yaml")
	days, err := growth.Every(evidence.Date{Year: 2025, Month: 11, Day: 27}, asOf, rubric.Period{N: 3, Unit: "mo"})
	if err != nil {
		t.Fatal(err)
	}
	h := checkHistory(t, s, loadInput(t, s, "senior-engineer.yaml"), days)
	text := written(t, func(b *bytes.Buffer) error { return h.WriteText(b) })
	golden(t, "testdata/cto-history.txt", text)
	noTrailingSpace(t, text)
	golden(t, "testdata/cto-history.json", written(t, func(b *bytes.Buffer) error { return h.WriteJSON(b) }))
	var none *growth.History
	if err := none.WriteText(&bytes.Buffer{}); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("a nil history: %v", err)
	}
	if err := h.WriteJSON(nil); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("a nil writer: %v", err)
	}
}
