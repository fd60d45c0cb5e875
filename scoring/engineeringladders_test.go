package scoring_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/scoring"
)

// The Engineering Ladders framework as jorgef/engineeringladders publishes
// it, written out independently of the ladder file from upstream's own
// pages at commit 6055355a8817dd360587fb25b15f5cddb3b2c6c9: the axes and
// their steps from README.md ("Axes" and "Levels"), the ladders and their
// level numbers from README.md ("Career Ladders"), and each role's step on
// every axis from Developer.md, TechLead.md, TechnicalProgramManager.md and
// EngineeringManager.md. Steps are named as upstream spells them.
var (
	elAxes = []struct {
		id    string
		steps []string // lowest first
	}{
		{"technology", []string{"Adopts", "Specializes", "Evangelizes", "Masters", "Creates"}},
		{"system", []string{"Enhances", "Designs", "Owns", "Evolves", "Leads"}},
		{"people", []string{"Learns", "Supports", "Mentors", "Coordinates", "Manages"}},
		{"process", []string{"Follows", "Enforces", "Challenges", "Adjusts", "Defines"}},
		{"influence", []string{"Subsystem", "Team", "Multiple Teams", "Company", "Community"}},
	}

	elTracks = []struct {
		id    string
		roles []elRole // lowest first
	}{
		{"developer", []elRole{ // Developer.md
			{"d1", 1, [5]string{"Adopts", "Enhances", "Learns", "Follows", "Subsystem"}},
			{"d2", 2, [5]string{"Adopts", "Designs", "Supports", "Enforces", "Subsystem"}},
			{"d3", 3, [5]string{"Specializes", "Designs", "Supports", "Challenges", "Team"}},
			{"d4", 4, [5]string{"Evangelizes", "Owns", "Mentors", "Challenges", "Team"}},
			{"d5", 5, [5]string{"Masters", "Evolves", "Mentors", "Adjusts", "Multiple Teams"}},
			{"d6", 6, [5]string{"Creates", "Leads", "Mentors", "Adjusts", "Company"}},
			{"d7", 7, [5]string{"Creates", "Leads", "Mentors", "Adjusts", "Community"}},
		}},
		{"tech-lead", []elRole{ // TechLead.md
			{"tl4", 4, [5]string{"Specializes", "Owns", "Coordinates", "Adjusts", "Subsystem"}},
			{"tl5", 5, [5]string{"Evangelizes", "Evolves", "Coordinates", "Defines", "Team"}},
			{"tl6", 6, [5]string{"Masters", "Leads", "Coordinates", "Defines", "Multiple Teams"}},
			{"tl7", 7, [5]string{"Masters", "Leads", "Coordinates", "Defines", "Company"}},
		}},
		{"technical-program-manager", []elRole{ // TechnicalProgramManager.md
			{"tpm4", 4, [5]string{"Specializes", "Designs", "Coordinates", "Adjusts", "Multiple Teams"}},
			{"tpm5", 5, [5]string{"Specializes", "Designs", "Coordinates", "Defines", "Multiple Teams"}},
			{"tpm6", 6, [5]string{"Specializes", "Owns", "Manages", "Defines", "Company"}},
			{"tpm7", 7, [5]string{"Specializes", "Evolves", "Manages", "Defines", "Community"}},
		}},
		{"engineering-manager", []elRole{ // EngineeringManager.md
			{"em5", 5, [5]string{"Evangelizes", "Owns", "Manages", "Adjusts", "Team"}},
			{"em6", 6, [5]string{"Evangelizes", "Evolves", "Manages", "Defines", "Team"}},
			{"em7", 7, [5]string{"Evangelizes", "Evolves", "Manages", "Defines", "Multiple Teams"}},
		}},
	}
)

// An elRole is one upstream position: its id, its level number and its
// step on each axis, in the order of elAxes.
type elRole struct {
	id    string
	level int
	steps [5]string
}

// ranks returns the role's steps as 1-based numbers, as upstream numbers
// them.
func (r elRole) ranks(t testing.TB) [5]int {
	t.Helper()
	var out [5]int
	for a, name := range r.steps {
		i := slices.Index(elAxes[a].steps, name)
		if i < 0 {
			t.Fatalf("%s: %q is no step of %s", r.id, name, elAxes[a].id)
		}
		out[a] = i + 1
	}
	return out
}

// elExpected returns the role a profile reaches on a track by upstream's
// table alone: the highest role whose steps the profile meets on every
// axis, climbing from the first role and stopping at the first it misses,
// as levels are cumulative. It returns "" when the profile misses the
// first role.
func elExpected(t testing.TB, roles []elRole, profile [5]int) string {
	t.Helper()
	got := ""
	for _, r := range roles {
		need := r.ranks(t)
		for a := range need {
			if profile[a] < need[a] {
				return got
			}
		}
		got = r.id
	}
	return got
}

// elAssessment rates each axis at its 1-based step; step 0 leaves the axis
// unrated, which is one step below the lowest.
func elAssessment(assessor string, profile [5]int) evidence.Assessment {
	a := evidence.Assessment{Assessor: assessor}
	for i, step := range profile {
		if step == 0 {
			continue
		}
		id := strings.ToLower(strings.ReplaceAll(elAxes[i].steps[step-1], " ", "-"))
		a.Ratings = append(a.Ratings, evidence.Rating{Capability: elAxes[i].id, Rating: id})
	}
	return a
}

func levelID(n *scoring.Named) string {
	if n == nil {
		return ""
	}
	return n.ID
}

// TestEngineeringLaddersShape checks the ladder against upstream's table
// without scoring: the axes and their steps, spelled as upstream spells
// them; the tracks, their roles and level numbers; every role's expected
// step on each axis; and nothing upstream lacks (tolerances, gates, titles,
// thresholds).
func TestEngineeringLaddersShape(t *testing.T) {
	l := compile(t, "engineering-ladders.yaml").Ladder()
	var caps []string
	for _, c := range l.Capabilities {
		caps = append(caps, c.ID)
	}
	var axes []string
	for _, a := range elAxes {
		axes = append(axes, a.id)
	}
	if !slices.Equal(caps, axes) {
		t.Fatalf("capabilities %v, want the axes %v", caps, axes)
	}
	for _, a := range elAxes {
		c, _ := l.Capability(a.id)
		sc, ok := l.ScaleOf(c)
		if !ok {
			t.Fatalf("%s: no scale", a.id)
		}
		var labels []string
		for _, r := range sc.Ratings {
			labels = append(labels, r.Label)
		}
		if !slices.Equal(labels, a.steps) {
			t.Errorf("%s: steps %q, want %q", a.id, labels, a.steps)
		}
	}
	if len(l.Titles) != 0 || len(l.Rules.Thresholds) != 0 || len(l.Rules.Weights) != 0 || l.Rules.Evidence != nil {
		t.Errorf("titles, thresholds, weights or an evidence policy; upstream has none")
	}
	var tracks, want []string
	for _, tr := range l.Tracks {
		tracks = append(tracks, tr.ID)
	}
	for _, tr := range elTracks {
		want = append(want, tr.id)
	}
	if !slices.Equal(tracks, want) {
		t.Fatalf("tracks %v, want %v", tracks, want)
	}
	for _, tr := range elTracks {
		track, _ := l.Track(tr.id)
		var got, want []string
		for _, v := range track.Levels {
			got = append(got, v.ID)
		}
		for _, r := range tr.roles {
			want = append(want, r.id)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: levels %v, want %v", tr.id, got, want)
			continue
		}
		for i, r := range tr.roles {
			v := &track.Levels[i]
			if v.Grade != r.level {
				t.Errorf("%s: grade %d, want upstream's level %d", r.id, v.Grade, r.level)
			}
			if v.Tolerance != nil || len(v.Requires) != 0 || v.Standalone {
				t.Errorf("%s: a tolerance, gate or standalone flag; upstream has none", r.id)
			}
			if len(v.Expects) != len(elAxes) {
				t.Errorf("%s: %d expectations, want one per axis", r.id, len(v.Expects))
			}
			for a, name := range r.steps {
				rating, _ := v.Expectation(elAxes[a].id)
				c, _ := l.Capability(elAxes[a].id)
				sc, _ := l.ScaleOf(c)
				label := ""
				for _, x := range sc.Ratings {
					if x.ID == rating {
						label = x.Label
					}
				}
				if label != name {
					t.Errorf("%s: %s %q, want %s", r.id, elAxes[a].id, label, name)
				}
			}
		}
	}
}

// TestEngineeringLaddersEveryRole rates a person at exactly each role's
// steps and expects that role on its track, in the worst and the best case.
func TestEngineeringLaddersEveryRole(t *testing.T) {
	s := compile(t, "engineering-ladders.yaml")
	for _, tr := range elTracks {
		for _, r := range tr.roles {
			t.Run(r.id, func(t *testing.T) {
				p := r.ranks(t)
				in := evidence.Input{Person: "p", Ratings: []evidence.Assessment{elAssessment("manager", p), elAssessment("self", p)}}
				res, ok := assessTrack(t, s, in, tr.id)
				if !ok {
					return
				}
				if levelID(res.Level) != r.id || levelID(res.Best) != r.id {
					t.Errorf("rated %v: %s worst %q, best %q; want %s", r.steps, tr.id, levelID(res.Level), levelID(res.Best), r.id)
				}
			})
		}
	}
}

// TestEngineeringLaddersOneStepShort lowers one axis of each role by one
// step (the lowest step to unrated) and expects a lower role, the one
// upstream's table gives, or none: upstream never lets an axis fall short.
// A second assessor who rates the full profile moves the best case, not
// the worst, unless the first left the axis unrated: a perspective without
// a rating is left out, not counted low.
func TestEngineeringLaddersOneStepShort(t *testing.T) {
	s := compile(t, "engineering-ladders.yaml")
	for _, tr := range elTracks {
		for i, r := range tr.roles {
			for a, axis := range elAxes {
				t.Run(fmt.Sprintf("%s/%s", r.id, axis.id), func(t *testing.T) {
					full := r.ranks(t)
					short := full
					short[a]--
					want := elExpected(t, tr.roles, short)
					if below := slices.IndexFunc(tr.roles, func(x elRole) bool { return x.id == want }); below >= i {
						t.Fatalf("upstream's table puts %v on %q, not below %s", short, want, r.id)
					}

					in := evidence.Input{Person: "p", Ratings: []evidence.Assessment{elAssessment("manager", short)}}
					if res, ok := assessTrack(t, s, in, tr.id); ok && (levelID(res.Level) != want || levelID(res.Best) != want) {
						t.Errorf("%s one step short: %s worst %q, best %q; want %q", axis.id, tr.id, levelID(res.Level), levelID(res.Best), want)
					}

					if short[a] == 0 {
						return // an assessor who leaves an axis unrated is not a worst case for it
					}
					in.Ratings = append(in.Ratings, elAssessment("self", full))
					if res, ok := assessTrack(t, s, in, tr.id); ok && (levelID(res.Level) != want || levelID(res.Best) != r.id) {
						t.Errorf("%s one step short for the manager only: %s worst %q, best %q; want %q, %s", axis.id, tr.id, levelID(res.Level), levelID(res.Best), want, r.id)
					}
				})
			}
		}
	}
}

// assessTrack assesses in and returns the result of track id.
func assessTrack(t *testing.T, s *scoring.Scorer, in evidence.Input, id string) (scoring.TrackResult, bool) {
	t.Helper()
	res := assess(t, s, in, asOf)
	tr, ok := res.Track(id)
	if !ok {
		t.Errorf("no result for track %s", id)
	}
	return tr, ok
}
