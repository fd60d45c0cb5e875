package scoring_test

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/scoring"
)

func ymd(y, m, d int) evidence.Date { return evidence.Date{Year: y, Month: time.Month(m), Day: d} }

// TestDatedAssessments checks that an assessor's ratings on a day are
// those of their latest assessment dated on or before it, that an undated
// one counts until a dated one does, and that the others are traced.
func TestDatedAssessments(t *testing.T) {
	s := compile(t, "cto.yaml")
	rate := func(r string) []evidence.Rating { return []evidence.Rating{{Capability: "communication", Rating: r}} }
	in := evidence.Input{Person: "alex", Ratings: []evidence.Assessment{
		{Assessor: "manager", Ratings: rate("learning")},
		{Assessor: "manager", Date: ymd(2026, 2, 27), Ratings: rate("practising")},
		{Assessor: "manager", Date: ymd(2026, 5, 29), Ratings: []evidence.Rating{{Capability: "communication", Rating: "proficient"}, {Capability: "influence", Rating: "learning"}}},
		{Assessor: "manager", Date: ymd(2026, 8, 28), Ratings: rate("advanced")},
		{Assessor: "peer", Date: ymd(2026, 6, 1), Ratings: rate("leading")},
		{Assessor: "self", Ratings: rate("advanced")},
	}}
	for _, tc := range []struct {
		day          evidence.Date
		manager      string // the manager's rating of communication, "" for none
		perspectives []string
		statuses     map[scoring.Status]int
	}{
		{ymd(2026, 1, 1), "learning", []string{"manager", "self"}, map[scoring.Status]int{scoring.Counted: 2, scoring.Future: 5}},
		{ymd(2026, 2, 27), "practising", []string{"manager", "self"}, map[scoring.Status]int{scoring.Counted: 2, scoring.TooOld: 1, scoring.Future: 4}},
		{ymd(2026, 5, 29), "proficient", []string{"manager", "self"}, map[scoring.Status]int{scoring.Counted: 3, scoring.TooOld: 2, scoring.Future: 2}},
		{ymd(2026, 6, 1), "proficient", []string{"manager", "peer", "self"}, map[scoring.Status]int{scoring.Counted: 4, scoring.TooOld: 2, scoring.Future: 1}},
		{ymd(2027, 1, 1), "advanced", []string{"manager", "peer", "self"}, map[scoring.Status]int{scoring.Counted: 3, scoring.TooOld: 4}},
	} {
		res := assess(t, s, in, tc.day)
		if !reflect.DeepEqual(res.Perspectives, tc.perspectives) {
			t.Errorf("%s: perspectives %v, want %v", tc.day, res.Perspectives, tc.perspectives)
		}
		got := ""
		for _, v := range res.Capabilities[0].Views {
			if v.Perspective == "manager" {
				got = v.Rating
			}
		}
		if got != tc.manager {
			t.Errorf("%s: the manager rates communication %q, want %q", tc.day, got, tc.manager)
		}
		statuses := map[scoring.Status]int{}
		for _, r := range res.Ratings {
			statuses[r.Status]++
		}
		if !reflect.DeepEqual(statuses, tc.statuses) {
			t.Errorf("%s: statuses %v, want %v", tc.day, statuses, tc.statuses)
		}
		// Whatever the order of the assessments.
		rng := rand.New(rand.NewPCG(uint64(tc.day.Day), 1))
		for range 5 {
			shuffled := in
			shuffled.Ratings = append([]evidence.Assessment(nil), in.Ratings...)
			rng.Shuffle(len(shuffled.Ratings), func(i, j int) { shuffled.Ratings[i], shuffled.Ratings[j] = shuffled.Ratings[j], shuffled.Ratings[i] })
			if again := assess(t, s, shuffled, tc.day); !reflect.DeepEqual(jsonOf(t, again), jsonOf(t, res)) {
				t.Errorf("%s: the order of the assessments changes the result", tc.day)
			}
		}
	}
	// Influence, rated only in the May assessment, is unrated once the
	// August one replaces it.
	if c := assess(t, s, in, ymd(2026, 9, 1)).Capabilities[5]; c.ID != "influence" || c.Rating != "" {
		t.Errorf("influence after the August assessment: %+v", c)
	}
	// An assessment without ratings replaces older ones too.
	empty := in
	empty.Ratings = append(append([]evidence.Assessment(nil), in.Ratings...), evidence.Assessment{Assessor: "manager", Date: ymd(2026, 10, 1)})
	if res := assess(t, s, empty, ymd(2026, 10, 2)); !reflect.DeepEqual(res.Perspectives, []string{"peer", "self"}) {
		t.Errorf("after an empty assessment: perspectives %v", res.Perspectives)
	}
}
