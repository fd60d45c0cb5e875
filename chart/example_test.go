package chart_test

import (
	"fmt"
	"strings"

	"github.com/careerladder/careerladder/chart"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

func ExampleRadar() {
	l := &ladder.Ladder{
		Format: ladder.FormatV1, ID: "tiny", Name: "Tiny ladder",
		Scales: []rubric.Scale{{ID: "p", Ratings: []rubric.Rating{{ID: "basic"}, {ID: "good"}, {ID: "great"}}}},
		Capabilities: []ladder.Capability{
			{ID: "code", Name: "Code"}, {ID: "people", Name: "People"}, {ID: "product", Name: "Product"},
		},
		Tracks: []ladder.Track{{ID: "ic", Name: "IC", Levels: []ladder.Level{
			{ID: "mid", Name: "Engineer", Expects: []rubric.Expectation{{Capability: "code", Rating: "good"}}},
			{ID: "senior", Name: "Senior Engineer", Expects: []rubric.Expectation{{Capability: "code", Rating: "great"}, {Capability: "people", Rating: "good"}}},
		}}},
	}
	res := scoring.Result{
		Ladder: "tiny", Person: "alex",
		Capabilities: []scoring.CapabilityResult{{ID: "code", Rating: "good"}, {ID: "people", Rating: "basic"}},
		Tracks:       []scoring.TrackResult{{ID: "ic", Level: &scoring.Named{ID: "mid"}, Next: &scoring.Named{ID: "senior"}}},
	}
	var b strings.Builder
	if err := chart.Radar(&b, l, res, ""); err != nil {
		fmt.Println(err)
		return
	}
	svg := b.String()
	fmt.Println("polygons:", strings.Count(svg, "<polygon"))
	fmt.Println("axes:", strings.Count(svg, `class="axis"`))
	fmt.Println(strings.Contains(svg, "Alex (worst case)"), strings.Contains(svg, "Senior Engineer"))
	// Output:
	// polygons: 3
	// axes: 3
	// true true
}
