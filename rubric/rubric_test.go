package rubric_test

import (
	"testing"
	"time"

	"github.com/careerladder/careerladder/rubric"
)

var milestones = rubric.Scale{ID: "milestones", Ratings: []rubric.Rating{
	{ID: "m0", Points: 0}, {ID: "m1", Points: 1}, {ID: "m2", Points: 3},
	{ID: "m3", Points: 6}, {ID: "m4", Points: 12}, {ID: "m5", Points: 20},
}}

func TestScale(t *testing.T) {
	s := &milestones
	if got := s.Rank("m3"); got != 3 {
		t.Errorf("Rank(m3) = %d, want 3", got)
	}
	if got := s.Rank(rubric.NotApplicable); got != -1 {
		t.Errorf("Rank(n/a) = %d, want -1: n/a is not a rating", got)
	}
	if p, ok := s.Points("m4"); !ok || p != 12 {
		t.Errorf("Points(m4) = %d, %v", p, ok)
	}
	if _, ok := s.Points("m9"); ok {
		t.Errorf("Points(m9) found")
	}
	for _, tc := range []struct {
		a, b string
		want int
		ok   bool
	}{
		{"m1", "m2", -1, true}, {"m2", "m2", 0, true}, {"m5", "m0", 1, true},
		{"m1", "n/a", 0, false}, {"x", "m1", 0, false},
	} {
		got, ok := s.Compare(tc.a, tc.b)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Compare(%s, %s) = %d, %v; want %d, %v", tc.a, tc.b, got, ok, tc.want, tc.ok)
		}
	}
	if s.Top().ID != "m5" || s.MaxPoints() != 20 {
		t.Errorf("Top = %v, MaxPoints = %d", s.Top(), s.MaxPoints())
	}
	var empty rubric.Scale
	if empty.Top().ID != "" || empty.MaxPoints() != 0 || empty.Has("x") {
		t.Errorf("empty scale misbehaves")
	}
}

func TestPeriod(t *testing.T) {
	asOf := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in    string
		start time.Time
		days  float64
	}{
		{"90d", time.Date(2026, 1, 0, 0, 0, 0, 0, time.UTC), 90},
		{"2w", time.Date(2026, 3, 17, 0, 0, 0, 0, time.UTC), 14},
		{"12mo", time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC), 365.2425},
		{"1y", time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC), 365.2425},
	} {
		p, err := rubric.ParsePeriod(tc.in)
		if err != nil {
			t.Fatalf("ParsePeriod(%q): %v", tc.in, err)
		}
		if p.String() != tc.in {
			t.Errorf("String() = %q, want %q", p.String(), tc.in)
		}
		if got := p.Start(asOf); !got.Equal(tc.start) {
			t.Errorf("%s.Start(%v) = %v, want %v", tc.in, asOf, got, tc.start)
		}
		if got := p.Days(); got != tc.days {
			t.Errorf("%s.Days() = %v, want %v", tc.in, got, tc.days)
		}
	}
	for _, bad := range []string{"", "12", "mo", "0d", "012mo", "12m", "-3d", "1.5y", "99999d", "12 mo"} {
		if p, err := rubric.ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", bad, p)
		}
	}
	var zero rubric.Period
	if !zero.IsZero() || zero.String() != "" || !zero.Start(asOf).IsZero() {
		t.Errorf("zero period misbehaves")
	}
	var p rubric.Period
	if err := p.UnmarshalText([]byte("6w")); err != nil || p != (rubric.Period{N: 6, Unit: "w"}) {
		t.Errorf("UnmarshalText(6w) = %v, %v", p, err)
	}
	if b, _ := p.MarshalText(); string(b) != "6w" {
		t.Errorf("MarshalText = %s", b)
	}
}

func TestCheckID(t *testing.T) {
	for _, ok := range []string{"a", "team-management", "3.2", "m0", "level_7", "a.b-c_d"} {
		if err := rubric.CheckID(ok); err != nil {
			t.Errorf("CheckID(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "A", "-a", "a-", "a--b", "a b", "n/a", "é", "a..b"} {
		if rubric.CheckID(bad) == nil {
			t.Errorf("CheckID(%q) accepted", bad)
		}
	}
}

func TestThresholdsAndTitles(t *testing.T) {
	ts := []rubric.Threshold{{ID: "1.1", MinPoints: 0}, {ID: "1.2", MinPoints: 5}, {ID: "1.3", MinPoints: 11}}
	for _, tc := range []struct {
		points float64
		want   int
	}{{-1, -1}, {0, 0}, {4.9, 0}, {5, 1}, {10, 1}, {11, 2}, {1000, 2}} {
		if got := rubric.Reached(ts, tc.points); got != tc.want {
			t.Errorf("Reached(%v) = %d, want %d", tc.points, got, tc.want)
		}
	}
	n57, n89 := 57, 89
	titles := []rubric.Title{
		{ID: "senior", Track: "ic", MinPoints: 36, MaxPoints: &n57},
		{ID: "staff", Track: "ic", MinPoints: 58, MaxPoints: &n89},
		{ID: "lead", Track: "mgmt", MinPoints: 36, MaxPoints: &n57},
		{ID: "principal", Track: "ic", MinPoints: 90},
	}
	for _, tc := range []struct {
		points float64
		want   []string
	}{
		{35, nil}, {36, []string{"senior", "lead"}}, {57, []string{"senior", "lead"}},
		{58, []string{"staff"}}, {89, []string{"staff"}}, {90, []string{"principal"}}, {5000, []string{"principal"}},
	} {
		var got []string
		for _, tt := range rubric.Eligible(titles, tc.points) {
			got = append(got, tt.ID)
		}
		if len(got) != len(tc.want) {
			t.Errorf("Eligible(%v) = %v, want %v", tc.points, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Eligible(%v) = %v, want %v", tc.points, got, tc.want)
			}
		}
	}
}

func TestGateKind(t *testing.T) {
	for _, tc := range []struct {
		g    rubric.Gate
		want string
	}{
		{rubric.Gate{}, ""},
		{rubric.Gate{Points: &rubric.PointsGate{Min: 3}}, "points"},
		{rubric.Gate{CategoryFloor: &rubric.CategoryFloor{}}, "category_floor"},
		{rubric.Gate{Evidence: &rubric.EvidenceGate{}}, "evidence"},
		{rubric.Gate{NOfM: &rubric.NOfM{}}, "n_of_m"},
		{rubric.Gate{Points: &rubric.PointsGate{}, NOfM: &rubric.NOfM{}}, ""},
	} {
		if got := tc.g.Kind(); got != tc.want {
			t.Errorf("Kind() = %q, want %q", got, tc.want)
		}
	}
}

func TestPolicy(t *testing.T) {
	var open rubric.EvidencePolicy
	if w, ok := open.SourceWeight("anyone"); !ok || w != 1 {
		t.Errorf("zero policy: SourceWeight = %v, %v; want 1, true", w, ok)
	}
	p := rubric.EvidencePolicy{Sources: []rubric.SourceWeight{{Source: "self", Weight: 0.5}, {Source: "peer", Weight: 1}}}
	if w, ok := p.SourceWeight("self"); !ok || w != 0.5 {
		t.Errorf("SourceWeight(self) = %v, %v", w, ok)
	}
	if _, ok := p.SourceWeight("rumour"); ok {
		t.Errorf("unlisted source accepted")
	}
	for _, a := range []rubric.Aggregation{"", rubric.AggregateHighest, rubric.AggregateMedian, rubric.AggregateLatest} {
		if !a.Valid() {
			t.Errorf("%q not valid", a)
		}
	}
	if rubric.Aggregation("mean").Valid() {
		t.Errorf("mean accepted")
	}
	if (rubric.Tolerance{}).MaxSteps() != 1 || (rubric.Tolerance{Steps: 2}).MaxSteps() != 2 {
		t.Errorf("MaxSteps")
	}
}

func TestGateString(t *testing.T) {
	for _, tc := range []struct {
		g    rubric.Gate
		want string
	}{
		{rubric.Gate{Points: &rubric.PointsGate{Min: 19}}, "at least 19 points"},
		{rubric.Gate{Points: &rubric.PointsGate{Min: 5, Categories: []string{"people", "business"}}}, "at least 5 points in people, business"},
		{rubric.Gate{CategoryFloor: &rubric.CategoryFloor{Category: "people", Min: 8}}, "at least 8 points in category people"},
		{rubric.Gate{NOfM: &rubric.NOfM{N: 2, Capabilities: []string{"a", "b", "c"}, MinRating: "advanced"}}, "advanced or above in at least 2 of a, b, c"},
		{rubric.Gate{Evidence: &rubric.EvidenceGate{Capability: "tps", MinRating: "advanced", Tag: "hard-problem", Count: 24, Window: rubric.Period{N: 12, Unit: "mo"}}},
			"at least 24 items of tps at advanced or above, tagged hard-problem, within 12mo"},
		{rubric.Gate{Evidence: &rubric.EvidenceGate{Capability: "arch", Count: 1, Sources: []string{"assessor", "peer"}}}, "at least 1 item of arch, from assessor or peer"},
		{rubric.Gate{}, "invalid gate"},
	} {
		if got := tc.g.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
