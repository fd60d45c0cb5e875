package scoring_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

const exampleLadder = `
format: careerladder/v1
id: small
name: A small ladder
scales:
  - id: proficiency
    ratings: [{id: practising, points: 1}, {id: proficient, points: 2}, {id: advanced, points: 3}]
capabilities:
  - {id: communication, name: Communication}
  - {id: problem-solving, name: Problem solving}
tracks:
  - id: engineering
    name: Engineering
    levels:
      - {id: engineer, name: Engineer, expects: {communication: practising, problem-solving: practising}}
      - id: senior
        name: Senior Engineer
        expects: {communication: proficient, problem-solving: advanced}
        requires:
          - id: hard-problems
            evidence: {capability: problem-solving, min_rating: advanced, count: 3, window: 12mo}
rules:
  evidence: {window: 24mo, min_items: 2, min_sources: 2}
`

func exampleScorer() *scoring.Scorer {
	l, err := ladder.Parse("small.yaml", []byte(exampleLadder))
	if err != nil {
		panic(err)
	}
	s, err := scoring.Compile(l)
	if err != nil {
		panic(err)
	}
	return s
}

func day(s string) scoring.Date {
	d, err := scoring.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func ExampleScorer_Assess() {
	s := exampleScorer()
	in := scoring.Input{
		Person: "alex",
		Evidence: []scoring.Evidence{
			{ID: "e1", Capability: "communication", Rating: "proficient", Date: day("2026-09-01"), Source: "peer"},
			{ID: "e2", Capability: "communication", Rating: "proficient", Date: day("2026-10-01"), Source: "manager"},
			{ID: "e3", Capability: "problem-solving", Rating: "advanced", Date: day("2026-06-01"), Source: "peer"},
			{ID: "e4", Capability: "problem-solving", Rating: "advanced", Date: day("2026-08-01"), Source: "manager"},
			{ID: "e5", Capability: "problem-solving", Rating: "advanced", Date: day("2026-12-01"), Source: "peer"},
		},
	}
	res := s.Assess(in, time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for _, c := range res.Capabilities {
		fmt.Printf("%s: %s\n", c.ID, c.Rating)
	}
	t := res.Tracks[0]
	fmt.Printf("level: %s, next: %s\n", t.Level.Name, t.Next.Name)
	for _, it := range res.Evidence {
		if it.Status == scoring.Excluded {
			fmt.Printf("%s not counted: %s\n", it.ID, it.Reason)
		}
	}
	// Output:
	// communication: proficient
	// problem-solving: advanced
	// level: Engineer, next: Senior Engineer
	// e5 not counted: future
}

// The gap to the next level lists each requirement and the cheapest
// rating changes; evidence gates say how many items they still need.
func ExampleScorer_Gap() {
	s := exampleScorer()
	in := scoring.Input{Person: "sam", Ratings: []scoring.Assessment{{Assessor: "manager", Ratings: []scoring.CapabilityRating{
		{Capability: "communication", Rating: "practising"},
		{Capability: "problem-solving", Rating: "proficient"},
	}}}}
	g, err := s.Gap(in, time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), "engineering", "senior")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := g.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// What Senior Engineer (Engineering) needs
	//     - communication: practising, needs proficient (1 step short)
	//     - problem-solving: proficient, needs advanced (1 step short)
	//     - expectations met: 0 of 2
	//     - hard-problems: evidence of problem-solving at advanced or above, within 12mo: 0 of 3
	//   Cheapest path, 2 rating steps:
	//     - Communication: practising -> proficient
	//     - Problem solving: proficient -> advanced
	//   Evidence still needed for senior: 3 more of problem-solving at advanced or above, within 12mo (0 of 3).
}

// Assessors who disagree give a range: the worst case and the best case,
// never an average.
func ExampleResult_disagreement() {
	s := exampleScorer()
	in := scoring.Input{Person: "kim", Ratings: []scoring.Assessment{
		{Assessor: "self", Ratings: []scoring.CapabilityRating{{Capability: "communication", Rating: "advanced"}, {Capability: "problem-solving", Rating: "advanced"}}},
		{Assessor: "manager", Ratings: []scoring.CapabilityRating{{Capability: "communication", Rating: "practising"}, {Capability: "problem-solving", Rating: "advanced"}}},
	}}
	res := s.Assess(in, time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for _, c := range res.Capabilities {
		fmt.Printf("%s: %s to %s (%s)\n", c.ID, c.Rating, c.Best, c.Agreement)
	}
	fmt.Printf("points: %v to %v\n", res.Points.Total, res.Points.Best)
	// Output:
	// communication: practising to advanced (two-or-more)
	// problem-solving: advanced to advanced (agree)
	// points: 4 to 6
}

// Evidence files are checked against the ladder: every problem is
// reported with its position, nothing is dropped.
func ExampleScorer_ParseInput() {
	s := exampleScorer()
	_, err := s.ParseInput("alex.yaml", []byte(`format: careerladder/evidence/v1
person: alex
ratings:
  manager: {communication: fluent}
evidence:
  - {id: e1, capability: comms, rating: proficient, date: 2026-09-01, source: peer}
  - {id: e1, capability: problem-solving, rating: advanced, date: 2026-13-01, source: peer}
`))
	var ds ladder.Diagnostics
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Println(d)
		}
	}
	// Output:
	// alex.yaml:4:28: unknown-ref: unknown rating "fluent" on scale "proficiency" of capability "communication"
	// alex.yaml:6:26: unknown-ref: unknown capability "comms"
	// alex.yaml:7:10: duplicate-id: evidence id "e1" is used twice
	// alex.yaml:7:67: bad-value: date "2026-13-01" is not a day written as YYYY-MM-DD
}

// AssessStream suits results that are used up as they come: here each is
// summed up in a line, and its memory then serves the people after it.
func ExampleScorer_AssessStream() {
	s := exampleScorer()
	item := func(id, capability, rating, date, source string) scoring.Evidence {
		return scoring.Evidence{ID: id, Capability: capability, Rating: rating, Date: day(date), Source: source}
	}
	people := []scoring.Input{
		{Person: "alex", Evidence: []scoring.Evidence{
			item("e1", "communication", "proficient", "2026-09-01", "peer"),
			item("e2", "communication", "proficient", "2026-10-01", "manager"),
			item("e3", "problem-solving", "advanced", "2026-06-01", "peer"),
			item("e4", "problem-solving", "advanced", "2026-08-01", "manager"),
		}},
		{Person: "sam", Evidence: []scoring.Evidence{
			item("e1", "communication", "practising", "2026-03-01", "peer"),
			item("e2", "communication", "practising", "2026-04-01", "manager"),
		}},
		{Person: "kim"},
	}
	next := 0
	err := s.AssessStream(context.Background(), func() (scoring.Input, error) {
		if next == len(people) {
			return scoring.Input{}, io.EOF
		}
		next++
		return people[next-1], nil
	}, time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), func(n int, r *scoring.Result) error {
		t := r.Tracks[0]
		level := "none"
		if t.Level != nil {
			level = t.Level.Name
		}
		items := 0
		for _, need := range t.Gap.Path.Evidence {
			items += need.Need - need.Have
		}
		fmt.Printf("%d %s: %s; next %s, rating steps %d, evidence items short %d\n", n, r.Person, level, t.Next.Name, t.Gap.Path.Steps, items)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 0 alex: Engineer; next Senior Engineer, rating steps 0, evidence items short 1
	// 1 sam: none; next Engineer, rating steps 1, evidence items short 0
	// 2 kim: none; next Engineer, rating steps 2, evidence items short 0
}

// AssessInto reuses one ResultBuffer from person to person: each result
// is used up (here printed) before the next overwrites it.
func ExampleScorer_AssessInto() {
	s := exampleScorer()
	asOf := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	var buf scoring.ResultBuffer
	for _, in := range []scoring.Input{
		{Person: "alex", Ratings: []scoring.Assessment{{Assessor: "manager", Ratings: []scoring.CapabilityRating{
			{Capability: "communication", Rating: "proficient"}, {Capability: "problem-solving", Rating: "advanced"}}}}},
		{Person: "sam", Ratings: []scoring.Assessment{{Assessor: "manager", Ratings: []scoring.CapabilityRating{
			{Capability: "communication", Rating: "practising"}, {Capability: "problem-solving", Rating: "practising"}}}}},
	} {
		r := s.AssessInto(&buf, in, asOf)
		t := r.Tracks[0]
		fmt.Printf("%s: %s, points %v; next %s: %d rating steps\n", r.Person, t.Level.Name, r.Points.Total, t.Next.Name, t.Gap.Path.Steps)
	}
	// Output:
	// alex: Engineer, points 5; next Senior Engineer: 0 rating steps
	// sam: Engineer, points 2; next Senior Engineer: 3 rating steps
}
