package growth_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// ctoScorer compiles the flagship ladder and loads its example person.
func ctoScorer() (*scoring.Scorer, evidence.Input) {
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		panic(err)
	}
	s, err := scoring.Compile(l)
	if err != nil {
		panic(err)
	}
	in, err := evidence.Loader{Ladder: l}.Load(careerladder.Evidence(), "senior-engineer.yaml")
	if err != nil {
		panic(err)
	}
	return s, in
}

// The report leads with its answer: the levels, the target, the points
// against what the target needs, the cheapest path and the evidence still
// needed. The details follow.
func ExampleAssess() {
	s, in := ctoScorer()
	rep, err := growth.Assess(s, in, evidence.Date{Year: 2026, Month: 11, Day: 27}, "") // the ladder's target: cto
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		panic(err)
	}
	summary, _, _ := strings.Cut(b.String(), "\n\nThe way")
	fmt.Println(summary)
	// Output:
	// alex on Engineer to CTO of a small company, as of 2026-11-27
	//
	// Engineering: Senior Engineer (best case Tech Lead); next Tech Lead, 1 rating step away
	// Leadership: no level yet
	// Target: CTO (small company) on Leadership, 2 levels to go, Head of Engineering first
	// Points: 9 of 19 for CTO (small company); best case 13
	// Cheapest path to CTO (small company), 10 rating steps:
	//   Communication and comprehension  Proficient -> Advanced
	//   Business sense                   Practising -> Advanced
	//   Product planning                 Proficient -> Advanced
	//   Team management and mentorship   Practising -> Advanced
	//   Technical problem-solving        Advanced -> Leading
	//   Influence building               Learning -> Advanced
	// Evidence still needed: 10 more items of Technical problem-solving at Advanced or
	//   above, tagged hard-problem, in the last 12 months: 14 of 24 for CTO (small
	//   company), coming at 1.2 a month where 2 are needed
}

// A plan to any level: the levels on the way, and beside each change of
// the cheapest path what the new rating looks like.
func ExampleNewPlan() {
	s, in := ctoScorer()
	p, err := growth.NewPlan(s, in, evidence.Date{Year: 2026, Month: 11, Day: 27}, "leadership/head-of-engineering")
	if err != nil {
		panic(err)
	}
	for _, st := range p.Steps {
		fmt.Printf("%s: %d rating steps\n", st.Level.Name, st.Path.Steps)
	}
	for _, c := range p.Path.Changes {
		fmt.Printf("  %s -> %s: %s\n", c.Name, c.Looks.Rating, c.Looks.Signal)
	}
	for _, pc := range p.Pace {
		fmt.Printf("%d of %d, %.1f a month; %d items leave the window by %s\n", pc.Have, pc.Need, pc.PerMonth, len(pc.Leaving), pc.Until)
	}
	// Output:
	// Head of Engineering: 5 rating steps
	//   Communication and comprehension -> Advanced: Picks up unstated concerns, such as cash or a key customer, and addresses them directly
	//   Team management and mentorship -> Advanced: Plans hiring months ahead of the company's needs
	//   Influence building -> Proficient: Other teams ask for their view before making technical decisions
	// 14 of 18, 1.2 a month; 3 items leave the window by 2027-02-25
}

// The report in JSON is the scoring.Result with its plan.
func ExampleReport_WriteJSON() {
	s, in := ctoScorer()
	rep, err := growth.Assess(s, in, evidence.Date{Year: 2026, Month: 11, Day: 27}, "tech-lead")
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := rep.WriteJSON(&b); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, `  "`) { // the top-level fields
			fmt.Println(strings.TrimSpace(strings.SplitAfter(line, ":")[0]))
		}
	}
	// Output:
	// "ladder":
	// "person":
	// "as_of":
	// "perspectives":
	// "capabilities":
	// "points":
	// "tracks":
	// "ratings":
	// "evidence":
	// "plan":
}

// A year by quarter: each day as Assess gives it as of that day, at the
// cost of about one assessment.
func ExampleNewHistory() {
	s, in := ctoScorer()
	days, err := growth.Every(evidence.Date{Year: 2025, Month: 11, Day: 27}, evidence.Date{Year: 2026, Month: 11, Day: 27}, rubric.Period{N: 3, Unit: "mo"})
	if err != nil {
		panic(err)
	}
	h, err := growth.NewHistory(s, in, days)
	if err != nil {
		panic(err)
	}
	for _, d := range h.Days {
		level := "none"
		if l := d.Levels[0].Level; l != nil {
			level = l.Name
		}
		fmt.Printf("%s  %-16s points %v, %s: %d of %d\n", d.Date, level, d.Points, h.Gates[3].Level.Name, d.Counts[3], h.Gates[3].Need)
	}
	// Output:
	// 2025-11-27  none             points 2, CTO (small company): 0 of 24
	// 2026-02-27  Engineer         points 5, CTO (small company): 3 of 24
	// 2026-05-27  Senior Engineer  points 8, CTO (small company): 7 of 24
	// 2026-08-27  Senior Engineer  points 9, CTO (small company): 11 of 24
	// 2026-11-27  Senior Engineer  points 9, CTO (small company): 14 of 24
}
