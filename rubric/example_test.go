package rubric_test

import (
	"fmt"
	"time"

	"github.com/careerladder/careerladder/rubric"
)

func ExampleScale_Compare() {
	s := rubric.Scale{ID: "proficiency", Ratings: []rubric.Rating{
		{ID: "practising", Points: 1}, {ID: "proficient", Points: 2}, {ID: "advanced", Points: 3},
	}}
	c, _ := s.Compare("practising", "proficient")
	fmt.Println("practising vs proficient:", c)
	_, ok := s.Compare("advanced", rubric.NotApplicable)
	fmt.Println("n/a is comparable:", ok)
	// Output:
	// practising vs proficient: -1
	// n/a is comparable: false
}

func ExamplePeriod_Start() {
	p, _ := rubric.ParsePeriod("12mo")
	asOf := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	fmt.Println(p.Start(asOf).Format(time.DateOnly))
	// Output: 2025-11-27
}

func ExampleEligible() {
	max := 57
	titles := []rubric.Title{
		{ID: "senior-engineer", Name: "Senior Engineer", Track: "ic", MinPoints: 36, MaxPoints: &max},
		{ID: "group-lead", Name: "Group Lead", Track: "management", MinPoints: 36, MaxPoints: &max},
	}
	for _, t := range rubric.Eligible(titles, 48) {
		fmt.Println(t.Name)
	}
	// Output:
	// Senior Engineer
	// Group Lead
}
