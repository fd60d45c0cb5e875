package scoring_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

var asOf = evidence.Date{Year: 2026, Month: 11, Day: 27}

// assess assesses in, failing t on an error.
func assess(t testing.TB, s *scoring.Scorer, in evidence.Input, day evidence.Date) scoring.Result {
	t.Helper()
	res, err := s.Assess(in, day)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func compile(t testing.TB, name string) *scoring.Scorer {
	t.Helper()
	l, err := ladder.Load(careerladder.Ladders(), name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := scoring.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Snowflake's published scheme, written out independently of the ladder
// file: milestone points, sub-levels by lower bound, titles by range.
var (
	milestonePoints = []int{0, 1, 3, 6, 12, 20}
	subLevels       = []struct {
		id  string
		min int
	}{
		{"1.1", 0}, {"1.2", 5}, {"1.3", 11}, {"2.1", 17}, {"2.2", 23}, {"2.3", 29}, {"3.1", 36}, {"3.2", 43},
		{"3.3", 50}, {"4.1", 58}, {"4.2", 66}, {"4.3", 74}, {"5.1", 90}, {"5.2", 110}, {"5.3", 135},
	}
	titleRanges = []struct {
		name     string
		min, max int // max -1: no upper bound
	}{
		{"Engineer I", 0, 16}, {"Engineer II", 17, 35}, {"Senior Engineer", 36, 57}, {"Group Lead", 36, 57},
		{"Staff Engineer", 58, 89}, {"Senior Group Lead", 58, 89}, {"Principal Engineer", 90, -1}, {"Director of Engineering", 90, -1},
	}
)

// milestonesFor returns milestones (one per capability, 16 in all) whose
// points add up to total, or nil when none do.
func milestonesFor(total, caps int) []int {
	// best[n][p] is a choice of milestone for capability n that leaves
	// p - points for the rest; found by a small dynamic programme.
	reach := make([][]int, caps+1)
	for n := range reach {
		reach[n] = make([]int, total+1)
		for p := range reach[n] {
			reach[n][p] = -1
		}
	}
	reach[0][0] = 0
	for n := 1; n <= caps; n++ {
		for p := 0; p <= total; p++ {
			for m, mp := range milestonePoints {
				if p >= mp && reach[n-1][p-mp] >= 0 {
					reach[n][p] = m
					break
				}
			}
		}
	}
	if reach[caps][total] < 0 {
		return nil
	}
	out := make([]int, caps)
	for n, p := caps, total; n > 0; n-- {
		out[n-1] = reach[n][p]
		p -= milestonePoints[out[n-1]]
	}
	return out
}

func snowflakeInput(s *scoring.Scorer, milestones []int) evidence.Input {
	a := evidence.Assessment{Assessor: "manager"}
	for i, c := range s.Ladder().Capabilities {
		a.Ratings = append(a.Ratings, evidence.Rating{Capability: c.ID, Rating: fmt.Sprintf("m%d", milestones[i])})
	}
	return evidence.Input{Person: "p", Ratings: []evidence.Assessment{a}}
}

func TestSnowflakeEveryTrackAtMilestone(t *testing.T) {
	s := compile(t, "snowflake.yaml")
	for m, want := range []struct {
		points float64
		level  string
		toNext float64
		titles []string
	}{
		{0, "1.1", 5, []string{"Engineer I"}},
		{16, "1.3", 1, []string{"Engineer I"}},
		{48, "3.2", 2, []string{"Senior Engineer", "Group Lead"}},
		{96, "5.1", 14, []string{"Principal Engineer", "Director of Engineering"}},
		{192, "5.3", 0, []string{"Principal Engineer", "Director of Engineering"}},
		{320, "5.3", 0, []string{"Principal Engineer", "Director of Engineering"}},
	} {
		ms := make([]int, 16)
		for i := range ms {
			ms[i] = m
		}
		res := assess(t, s, snowflakeInput(s, ms), asOf)
		p := res.Points
		var titles []string
		for _, n := range p.Titles {
			titles = append(titles, n.Name)
		}
		if p.Total != want.points || p.Level == nil || p.Level.ID != want.level || p.ToNext != want.toNext || !slices.Equal(titles, want.titles) {
			t.Errorf("all at m%d: points %v, level %v, to next %v, titles %v; want %v, %s, %v, %v",
				m, p.Total, p.Level, p.ToNext, titles, want.points, want.level, want.toNext, want.titles)
		}
		if want.toNext == 0 && p.Next != nil {
			t.Errorf("all at m%d: a next level above 135 points: %v", m, p.Next)
		}
	}
}

// TestSnowflakeBoundaries checks every threshold and title range at its
// edges: the first total inside it and the last total below it.
func TestSnowflakeBoundaries(t *testing.T) {
	s := compile(t, "snowflake.yaml")
	var edges []int
	for _, sl := range subLevels {
		edges = append(edges, sl.min-1, sl.min)
	}
	for _, tr := range titleRanges {
		edges = append(edges, tr.min-1, tr.min)
		if tr.max >= 0 {
			edges = append(edges, tr.max, tr.max+1)
		}
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	for _, total := range edges {
		if total < 0 {
			continue
		}
		ms := milestonesFor(total, 16)
		if ms == nil {
			t.Fatalf("no milestones add up to %d", total)
		}
		res := assess(t, s, snowflakeInput(s, ms), asOf)
		p := res.Points
		if p.Total != float64(total) {
			t.Fatalf("total %v, want %d", p.Total, total)
		}
		wantLevel, wantNext := "", ""
		toNext := 0
		for i, sl := range subLevels {
			if total >= sl.min {
				wantLevel, wantNext, toNext = sl.id, "", 0
				if i+1 < len(subLevels) {
					wantNext, toNext = subLevels[i+1].id, subLevels[i+1].min-total
				}
			}
		}
		if p.Level == nil || p.Level.ID != wantLevel {
			t.Errorf("%d points: level %v, want %s", total, p.Level, wantLevel)
		}
		if (p.Next == nil) != (wantNext == "") || p.Next != nil && (p.Next.ID != wantNext || p.ToNext != float64(toNext)) {
			t.Errorf("%d points: next %v (%v to go), want %s (%d)", total, p.Next, p.ToNext, wantNext, toNext)
		}
		var got, want []string
		for _, n := range p.Titles {
			got = append(got, n.Name)
		}
		for _, tr := range titleRanges {
			if total >= tr.min && (tr.max < 0 || total <= tr.max) {
				want = append(want, tr.name)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%d points: titles %v, want %v", total, got, want)
		}
		// The tracks repeat the titles as levels.
		ic := res.Tracks[0]
		var icTitle string
		for _, tr := range titleRanges[:] {
			if tr.name != "Group Lead" && tr.name != "Senior Group Lead" && tr.name != "Director of Engineering" &&
				total >= tr.min && (tr.max < 0 || total <= tr.max) {
				icTitle = tr.name
			}
		}
		if ic.Level == nil || ic.Level.Name != icTitle {
			t.Errorf("%d points: IC level %v, want %s", total, ic.Level, icTitle)
		}
	}
}

// snowflakeCategories is the category of each of Snowflake's tracks, as
// Medium/snowflake's constants.js gives it (commit 38859c6, tracks with
// category "A" to "D"; categoryPointsFromMilestoneMap sums the milestone
// points of a category's tracks, which its thermometer shows). The ladder's
// categories building, executing, supporting and strengthening are A to D.
var snowflakeCategories = map[string]string{
	"mobile": "A", "web-client": "A", "foundations": "A", "servers": "A",
	"project-management": "B", "communication": "B", "craft": "B", "initiative": "B",
	"career-development": "C", "org-design": "C", "wellbeing": "C", "accomplishment": "C",
	"mentorship": "D", "evangelism": "D", "recruiting": "D", "community": "D",
}

// TestSnowflakeCategoryPoints checks the points of each category against
// Snowflake's own sum, for milestone maps at random and at the extremes.
func TestSnowflakeCategoryPoints(t *testing.T) {
	s := compile(t, "snowflake.yaml")
	rng := rand.New(rand.NewPCG(83, 89))
	maps := [][]int{make([]int, 16), slices.Repeat([]int{5}, 16)}
	for range 200 {
		ms := make([]int, 16)
		for i := range ms {
			ms[i] = rng.IntN(6)
		}
		maps = append(maps, ms)
	}
	for _, ms := range maps {
		want := map[string]float64{}
		for i, c := range s.Ladder().Capabilities {
			cat, ok := snowflakeCategories[c.ID]
			if !ok {
				t.Fatalf("capability %s is not one of Snowflake's tracks", c.ID)
			}
			want[cat] += float64(milestonePoints[ms[i]])
		}
		res := assess(t, s, snowflakeInput(s, ms), asOf)
		got := res.Points.Categories
		if len(got) != 4 {
			t.Fatalf("%d categories, want 4", len(got))
		}
		for i, letter := range []string{"A", "B", "C", "D"} {
			if got[i].Total != want[letter] || got[i].Best != want[letter] {
				t.Errorf("milestones %v: category %s (%s) has %v, Snowflake sums %v", ms, letter, got[i].ID, got[i].Total, want[letter])
			}
		}
	}
	text := textOf(t, assess(t, s, snowflakeInput(s, maps[2]), asOf))
	if !bytes.Contains(text, []byte("By category: Building ")) {
		t.Errorf("the text does not show the points by category:\n%s", text)
	}
}
