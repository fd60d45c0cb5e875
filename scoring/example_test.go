package scoring_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/careerladder/careerladder/evidence"
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

func day(s string) evidence.Date {
	d, err := evidence.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func ExampleScorer_Assess() {
	s := exampleScorer()
	in := evidence.Input{
		Person: "alex",
		Evidence: []evidence.Item{
			{ID: "e1", Capability: "communication", Rating: "proficient", Date: day("2026-09-01"), Source: "peer"},
			{ID: "e2", Capability: "communication", Rating: "proficient", Date: day("2026-10-01"), Source: "manager"},
			{ID: "e3", Capability: "problem-solving", Rating: "advanced", Date: day("2026-06-01"), Source: "peer"},
			{ID: "e4", Capability: "problem-solving", Rating: "advanced", Date: day("2026-08-01"), Source: "manager"},
			{ID: "e5", Capability: "problem-solving", Rating: "advanced", Date: day("2026-12-01"), Source: "peer"},
		},
	}
	res, err := s.Assess(in, evidence.Date{Year: 2026, Month: 11, Day: 27})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Capabilities {
		fmt.Printf("%s: %s\n", c.ID, c.Rating)
	}
	t := res.Tracks[0]
	fmt.Printf("level: %s, next: %s\n", t.Level.Name, t.Next.Name)
	for _, it := range res.Evidence {
		if it.Status != scoring.Counted {
			fmt.Printf("%s not counted: %s\n", it.ID, it.Status)
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
	in := evidence.Input{Person: "sam", Ratings: []evidence.Assessment{{Assessor: "manager", Ratings: []evidence.Rating{
		{Capability: "communication", Rating: "practising"},
		{Capability: "problem-solving", Rating: "proficient"},
	}}}}
	g, err := s.Gap(in, evidence.Date{Year: 2026, Month: 11, Day: 27}, "engineering", "senior")
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
	in := evidence.Input{Person: "kim", Ratings: []evidence.Assessment{
		{Assessor: "self", Ratings: []evidence.Rating{{Capability: "communication", Rating: "advanced"}, {Capability: "problem-solving", Rating: "advanced"}}},
		{Assessor: "manager", Ratings: []evidence.Rating{{Capability: "communication", Rating: "practising"}, {Capability: "problem-solving", Rating: "advanced"}}},
	}}
	res, err := s.Assess(in, evidence.Date{Year: 2026, Month: 11, Day: 27})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Capabilities {
		fmt.Printf("%s: %s to %s (%s)\n", c.ID, c.Rating, c.Best, c.Agreement)
	}
	fmt.Printf("points: %v to %v\n", res.Points.Total, res.Points.Best)
	// Output:
	// communication: practising to advanced (two-or-more)
	// problem-solving: advanced to advanced (agree)
	// points: 4 to 6
}

// Check finds what Assess only traces: here a capability misspelt in an
// input built in code, which would otherwise count for nothing.
func ExampleScorer_Check() {
	s := exampleScorer()
	in := evidence.Input{Person: "alex", Evidence: []evidence.Item{
		{ID: "e1", Capability: "comunication", Rating: "proficient", Date: day("2026-09-01"), Source: "peer"},
		{ID: "e2", Capability: "communication", Rating: "fluent", Date: day("2026-09-02"), Source: "peer"},
	}}
	var ds ladder.Diagnostics
	if err := s.Check(in); errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Printf("%s %s: %s\n", d.Path, d.Code, d.Suggestion)
		}
	}
	// Output:
	// evidence[0].capability unknown-ref: communication
	// evidence[1].rating unknown-ref:
}

// AssessAll assesses many people on every core and yields their results
// in order. Each result is lent to the loop body: here it is summed up in
// a line, and its memory then serves the people after it.
func ExampleScorer_AssessAll() {
	s := exampleScorer()
	item := func(id, capability, rating, date, source string) evidence.Item {
		return evidence.Item{ID: id, Capability: capability, Rating: rating, Date: day(date), Source: source}
	}
	people := []evidence.Input{
		{Person: "alex", Evidence: []evidence.Item{
			item("e1", "communication", "proficient", "2026-09-01", "peer"),
			item("e2", "communication", "proficient", "2026-10-01", "manager"),
			item("e3", "problem-solving", "advanced", "2026-06-01", "peer"),
			item("e4", "problem-solving", "advanced", "2026-08-01", "manager"),
		}},
		{Person: "sam", Evidence: []evidence.Item{
			item("e1", "communication", "practising", "2026-03-01", "peer"),
			item("e2", "communication", "practising", "2026-04-01", "manager"),
		}},
		{Person: "kim"},
	}
	seq := func(yield func(evidence.Input, error) bool) {
		for _, in := range people {
			if !yield(in, nil) {
				return
			}
		}
	}
	for r, err := range s.AssessAll(context.Background(), seq, day("2026-11-27")) {
		if err != nil {
			fmt.Println(err)
			return
		}
		t := r.Tracks[0]
		level := "none"
		if t.Level != nil {
			level = t.Level.Name
		}
		items := 0
		for _, need := range t.Gap.Path.Evidence {
			items += need.Need - need.Have
		}
		fmt.Printf("%s: %s; next %s, rating steps %d, evidence items short %d\n", r.Person, level, t.Next.Name, t.Gap.Path.Steps, items)
	}
	// Output:
	// alex: Engineer; next Senior Engineer, rating steps 0, evidence items short 1
	// sam: none; next Engineer, rating steps 1, evidence items short 0
	// kim: none; next Engineer, rating steps 2, evidence items short 0
}

// To keep what AssessAll yields beyond the loop body, copy it out: here
// the level of each person, by position.
func ExampleScorer_AssessAll_keep() {
	s := exampleScorer()
	rated := func(person, communication, problemSolving string) evidence.Input {
		return evidence.Input{Person: person, Ratings: []evidence.Assessment{{Assessor: "manager", Ratings: []evidence.Rating{
			{Capability: "communication", Rating: communication}, {Capability: "problem-solving", Rating: problemSolving}}}}}
	}
	people := []evidence.Input{rated("alex", "proficient", "advanced"), rated("sam", "practising", "practising"), rated("kim", "advanced", "practising")}
	seq := func(yield func(evidence.Input, error) bool) {
		for _, in := range people {
			if !yield(in, nil) {
				return
			}
		}
	}
	levels := make([]string, 0, len(people))
	for r, err := range s.AssessAll(context.Background(), seq, day("2026-11-27")) {
		if err != nil {
			fmt.Println(err)
			return
		}
		levels = append(levels, r.Tracks[0].Level.ID) // strings stay valid; slices do not
	}
	fmt.Println(levels)
	// Output:
	// [engineer engineer engineer]
}

// A JSON Lines stream of a whole organisation, assessed on every core in
// constant memory: a person whose lines have problems is skipped with
// them, and the stream goes on.
func ExampleScorer_AssessAll_jsonLines() {
	s := exampleScorer()
	lines := `{"person": "alex", "id": "e1", "capability": "communication", "rating": "proficient", "date": "2026-09-01", "source": "peer"}
{"person": "alex", "id": "e2", "capability": "communication", "rating": "proficient", "date": "2026-10-01", "source": "manager"}
{"person": "sam", "id": "e1", "capability": "comunication", "rating": "practising", "date": "2026-03-01", "source": "peer"}
{"person": "kim", "id": "e1", "capability": "problem-solving", "rating": "advanced", "date": "2026-06-01", "source": "peer"}
`
	jr := evidence.Loader{Ladder: s.Ladder()}.NewLinesReader(strings.NewReader(lines), "people.jsonl")
	for r, err := range s.AssessAll(context.Background(), jr.All(), day("2026-11-27")) {
		var ds ladder.Diagnostics
		switch {
		case errors.As(err, &ds):
			fmt.Printf("%s skipped: %s\n", r.Person, ds[0].Code)
		case err != nil:
			fmt.Println(err) // reading failed
			return
		default:
			fmt.Printf("%s: communication %q\n", r.Person, r.Capabilities[0].Rating)
		}
	}
	// Output:
	// alex: communication "proficient"
	// sam skipped: unknown-ref
	// kim: communication ""
}

// AssessInto reuses one ResultBuffer from person to person: each result
// is used up (here printed) before the next overwrites it.
func ExampleScorer_AssessInto() {
	s := exampleScorer()
	asOf := evidence.Date{Year: 2026, Month: 11, Day: 27}
	var buf scoring.ResultBuffer
	for _, in := range []evidence.Input{
		{Person: "alex", Ratings: []evidence.Assessment{{Assessor: "manager", Ratings: []evidence.Rating{
			{Capability: "communication", Rating: "proficient"}, {Capability: "problem-solving", Rating: "advanced"}}}}},
		{Person: "sam", Ratings: []evidence.Assessment{{Assessor: "manager", Ratings: []evidence.Rating{
			{Capability: "communication", Rating: "practising"}, {Capability: "problem-solving", Rating: "practising"}}}}},
	} {
		r, err := s.AssessInto(&buf, in, asOf)
		if err != nil {
			fmt.Println(err)
			return
		}
		t := r.Tracks[0]
		fmt.Printf("%s: %s, points %v; next %s: %d rating steps\n", r.Person, t.Level.Name, r.Points.Total, t.Next.Name, t.Gap.Path.Steps)
	}
	// Output:
	// alex: Engineer, points 5; next Senior Engineer: 0 rating steps
	// sam: Engineer, points 2; next Senior Engineer: 3 rating steps
}
