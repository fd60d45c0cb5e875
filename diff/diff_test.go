package diff_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/diff"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/golden"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// asOf is the day the examples assess on.
var asOf = evidence.Date{Year: 2026, Month: 11, Day: 27}

func ctoSource(t testing.TB) string {
	t.Helper()
	b, err := fs.ReadFile(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit replaces each old string of pairs (old, new, old, new, ...) in src,
// which must hold it exactly once.
func edit(t testing.TB, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if n := strings.Count(src, pairs[i]); n != 1 {
			t.Fatalf("%q occurs %d times, want once", pairs[i], n)
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

func parse(t testing.TB, src string) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Parse("cto.yaml", []byte(src))
	if err != nil {
		t.Fatalf("the edited ladder does not load:\n%v", err)
	}
	return l
}

func loadCTO(t testing.TB) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestIdentical(t *testing.T) {
	for _, name := range []string{"cto.yaml", "snowflake.yaml", "engineering-ladders.yaml", "sparse.yaml"} {
		a, err := ladder.Load(careerladder.Ladders(), name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := ladder.Load(careerladder.Ladders(), name)
		if err != nil {
			t.Fatal(err)
		}
		if r := ladders(t, a, b); !r.Equal() {
			t.Errorf("%s against itself: %v", name, r.Changes)
		}
	}
}

// thresholds adds a thresholds list to the rules of the CTO ladder.
func thresholds(second string) []string {
	return []string{"\nrules:\n", "\nrules:\n  thresholds:\n    - {id: \"1\", min_points: 0}\n    - {id: \"2\", min_points: " + second + "}\n"}
}

func TestEdits(t *testing.T) {
	const gate24 = "at least 24 items of technical-problem-solving at advanced or above, tagged hard-problem, within 12mo"
	tests := []struct {
		name     string
		old, new []string // edits of cto.yaml
		want     []diff.Change
	}{{
		name: "raise an expectation",
		new: []string{"communication: proficient\n          business-sense: practising\n          product-planning: practising",
			"communication: advanced\n          business-sense: practising\n          product-planning: practising"},
		want: []diff.Change{{Kind: "changed", Path: "tracks[engineering].levels[senior].expects.communication",
			Old: "proficient", New: "advanced",
			Summary: "senior expectation of communication raised from proficient to advanced"}},
	}, {
		name: "lower an expectation",
		new: []string{"communication: proficient\n          business-sense: practising\n          product-planning: practising",
			"communication: practising\n          business-sense: practising\n          product-planning: practising"},
		want: []diff.Change{{Kind: "changed", Path: "tracks[engineering].levels[senior].expects.communication",
			Old: "proficient", New: "practising",
			Summary: "senior expectation of communication lowered from proficient to practising"}},
	}, {
		name: "add a capability",
		new:  []string{"\ntracks:\n", "  - id: writing\n    name: Writing\n    category: people\n\ntracks:\n"},
		want: []diff.Change{{Kind: "added", Path: "capabilities[writing]", New: "Writing",
			Summary: "capability writing added"}},
	}, {
		name: "rename a capability",
		new:  []string{"name: Business sense\n", "name: Business acumen\n"},
		want: []diff.Change{{Kind: "changed", Path: "capabilities[business-sense].name",
			Old: "Business sense", New: "Business acumen",
			Summary: `name of capability business-sense changed from "Business sense" to "Business acumen"`}},
	}, {
		name: "change a gate count",
		new:  []string{"count: 24\n", "count: 30\n"},
		want: []diff.Change{{Kind: "changed", Path: "tracks[leadership].levels[cto].requires[hard-problems]",
			Old: gate24, New: strings.Replace(gate24, "24", "30", 1),
			Summary: `gate hard-problems of level cto of track leadership changed from "at least 24 items of te…" to "at least 30 items of te…"`}},
	}, {
		name: "change a threshold",
		old:  thresholds("5"),
		new:  thresholds("6"),
		want: []diff.Change{{Kind: "changed", Path: "rules.thresholds[2].min_points", Old: "5", New: "6",
			Summary: "threshold 2 moved from 5 to 6 points"}},
	}, {
		name: "add thresholds",
		new:  thresholds("6"),
		want: []diff.Change{
			{Kind: "added", Path: "rules.thresholds[1]", New: "0", Summary: "threshold 1 added at 0 points"},
			{Kind: "added", Path: "rules.thresholds[2]", New: "6", Summary: "threshold 2 added at 6 points"},
		},
	}, {
		name: "change the evidence policy",
		new:  []string{"min_items: 2\n", "min_items: 3\n", "      self: 0.5\n", ""},
		want: []diff.Change{
			{Kind: "changed", Path: "rules.evidence.min_items", Old: "2", New: "3",
				Summary: `evidence min_items changed from "2" to "3"`},
			{Kind: "removed", Path: "rules.evidence.sources[self]", Old: "0.5",
				Summary: "evidence source self no longer listed (was weight 0.5)"},
		},
	}, {
		name: "version and tolerance",
		new:  []string{`version: "1.0.0"`, `version: "1.1.0"`, "tolerance: {count: 1}\n        requires:\n          - id: people-floor", "requires:\n          - id: people-floor"},
		want: []diff.Change{
			{Kind: "removed", Path: "tracks[leadership].levels[head-of-engineering].tolerance", Old: "count 1, steps 1",
				Summary: `tolerance of level head-of-engineering of track leadership removed (was "count 1, steps 1")`},
			{Kind: "changed", Path: "version", Old: "1.0.0", New: "1.1.0",
				Summary: `ladder version changed from "1.0.0" to "1.1.0"`},
		},
	}, {
		name: "relabel a rating",
		new:  []string{"label: Advanced\n", "label: Expert\n"},
		want: []diff.Change{{Kind: "changed", Path: "scales[proficiency].ratings[advanced].label", Old: "Advanced", New: "Expert",
			Summary: `label of rating advanced of scale proficiency changed from "Advanced" to "Expert"`}},
	}, {
		name: "drop a signal",
		new:  []string{"          - Reproduces a bug before trying to fix it\n", ""},
		want: []diff.Change{{Kind: "changed", Path: "capabilities[technical-problem-solving].descriptors[learning].signals",
			Old:     "Reproduces a bug before trying to fix it; Reads the documentation and asks for help after a fair attempt",
			New:     "Reads the documentation and asks for help after a fair attempt",
			Summary: `signals of descriptor of capability technical-problem-solving at learning changed from "Reproduces a bug before trying to fix it; Reads the docu…" to "Reads the docu…"`}},
	}, {
		name: "add a title",
		new:  []string{"\nrules:\n", "\ntitles:\n  - {id: cto, name: CTO, min_points: 0}\n\nrules:\n"},
		want: []diff.Change{{Kind: "added", Path: "titles[cto]", New: "CTO", Summary: "title cto added"}},
	}}
	src := ctoSource(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := parse(t, edit(t, src, tt.old...)), parse(t, edit(t, src, tt.new...))
			got := ladders(t, old, new)
			if d := cmp.Diff(tt.want, got.Changes); d != "" {
				t.Errorf("changes (-want +got):\n%s", d)
			}
			if got.Equal() {
				t.Error("Equal() is true")
			}
			// The reverse diff has as many changes.
			if back := ladders(t, new, old); len(back.Changes) != len(got.Changes) {
				t.Errorf("reverse diff has %d changes, want %d: %v", len(back.Changes), len(got.Changes), back.Changes)
			}
		})
	}
}

// TestGates checks gates without ids, which are keyed by their text.
func TestGates(t *testing.T) {
	mk := func(gs ...rubric.Gate) *ladder.Ladder {
		return &ladder.Ladder{Tracks: []ladder.Track{{ID: "t", Levels: []ladder.Level{{ID: "v", Requires: gs}}}}}
	}
	points := func(n int) rubric.Gate { return rubric.Gate{Points: &rubric.PointsGate{Min: n}} }
	floor := rubric.Gate{CategoryFloor: &rubric.CategoryFloor{Category: "people", Min: 4}}
	tests := []struct {
		name     string
		old, new *ladder.Ladder
		want     []diff.Change
	}{{
		name: "same",
		old:  mk(points(4), floor),
		new:  mk(points(4), floor),
	}, {
		name: "reordered",
		old:  mk(points(4), floor),
		new:  mk(floor, points(4)),
		want: []diff.Change{{Kind: "moved", Path: "tracks[t].levels[v].requires",
			Old:     "at least 4 points; at least 4 points in category people",
			New:     "at least 4 points in category people; at least 4 points",
			Summary: "gates of level v of track t reordered"}},
	}, {
		name: "changed",
		old:  mk(points(4), floor),
		new:  mk(points(5), floor),
		want: []diff.Change{{Kind: "changed", Path: "tracks[t].levels[v].requires[points]",
			Old: "at least 4 points", New: "at least 5 points",
			Summary: `points gate of level v of track t changed from "at least 4 points" to "at least 5 points"`}},
	}, {
		name: "added",
		old:  mk(points(4)),
		new:  mk(points(4), floor),
		want: []diff.Change{{Kind: "added", Path: "tracks[t].levels[v].requires[at least 4 points in category people]",
			New:     "at least 4 points in category people",
			Summary: "gate at least 4 points in category people of level v of track t added"}},
	}, {
		name: "ambiguous",
		old:  mk(points(4), points(6)),
		new:  mk(points(5), points(7)),
		want: []diff.Change{
			{Kind: "removed", Path: "tracks[t].levels[v].requires[at least 4 points]", Old: "at least 4 points",
				Summary: "gate at least 4 points of level v of track t removed"},
			{Kind: "added", Path: "tracks[t].levels[v].requires[at least 5 points]", New: "at least 5 points",
				Summary: "gate at least 5 points of level v of track t added"},
			{Kind: "removed", Path: "tracks[t].levels[v].requires[at least 6 points]", Old: "at least 6 points",
				Summary: "gate at least 6 points of level v of track t removed"},
			{Kind: "added", Path: "tracks[t].levels[v].requires[at least 7 points]", New: "at least 7 points",
				Summary: "gate at least 7 points of level v of track t added"},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ladders(t, tt.old, tt.new)
			if tt.want == nil {
				tt.want = []diff.Change{}
			}
			if d := cmp.Diff(tt.want, got.Changes); d != "" {
				t.Errorf("changes (-want +got):\n%s", d)
			}
		})
	}
}

// ladders compares two ladders, failing t on an error.
func ladders(t *testing.T, old, new *ladder.Ladder) diff.Report {
	t.Helper()
	r, err := diff.Ladders(old, new)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestNil(t *testing.T) {
	for _, pair := range [][2]*ladder.Ladder{{nil, nil}, {nil, loadCTO(t)}, {loadCTO(t), nil}} {
		if _, err := diff.Ladders(pair[0], pair[1]); !errors.Is(err, ladder.ErrNilArgument) {
			t.Errorf("nil ladder: %v", err)
		}
	}
	r := ladders(t, &ladder.Ladder{}, loadCTO(t))
	if r.Equal() {
		t.Fatal("nil against the CTO ladder is Equal")
	}
	for _, c := range r.Changes {
		if c.Kind != "added" {
			t.Errorf("nil against the CTO ladder: %+v", c)
		}
	}
}

// multiEdit is the multi-change diff of the golden file.
func multiEdit(t testing.TB) (*ladder.Ladder, *ladder.Ladder) {
	src := ctoSource(t)
	return parse(t, src), parse(t, edit(t, src,
		`version: "1.0.0"`, `version: "1.1.0"`,
		"name: Business sense\n", "name: Business acumen\n",
		"communication: proficient\n          business-sense: practising\n          product-planning: practising",
		"communication: advanced\n          business-sense: practising\n          product-planning: practising",
		"count: 24\n", "count: 30\n",
		"count: 6\n", "count: 8\n",
		"\ntracks:\n", "  - id: writing\n    name: Writing\n    category: people\n\ntracks:\n",
		"        typical_experience: 10+ years\n", "",
		"min_items: 2\n", "min_items: 3\n",
	))
}

func TestGolden(t *testing.T) {
	old, new := multiEdit(t)
	r := ladders(t, old, new)
	for _, g := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"cto-multi.txt", func(b *bytes.Buffer) error { return r.WriteText(b) }},
		{"cto-multi.json", func(b *bytes.Buffer) error { return r.WriteJSON(b) }},
	} {
		var b bytes.Buffer
		if err := g.write(&b); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", g.file), b.Bytes(), *update)
	}
}

func TestDeterministic(t *testing.T) {
	old, new := multiEdit(t)
	first := ladders(t, old, new)
	for range 5 {
		if d := cmp.Diff(first, ladders(t, old, new)); d != "" {
			t.Fatalf("a second diff differs:\n%s", d)
		}
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := (diff.Report{}).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(b.String()), ""); got != `{"changes":[]}` {
		t.Errorf("empty report: %s", b.String())
	}
	old, new := multiEdit(t)
	r := ladders(t, old, new)
	b.Reset()
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var back diff.Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, back); d != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", d)
	}
}

func TestTextEmptyAndNewlines(t *testing.T) {
	var b bytes.Buffer
	if err := (diff.Report{}).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if b.String() != "no changes\n" {
		t.Errorf("empty report: %q", b.String())
	}
	b.Reset()
	r := diff.Report{Changes: []diff.Change{{Kind: "changed", Path: "description", Old: "a\nb", New: "c"}}}
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if want := "~ description: a\\nb -> c\n1 change\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func compile(t testing.TB, l *ladder.Ladder) *scoring.Scorer {
	t.Helper()
	s, err := scoring.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func alex(t testing.TB, s *scoring.Scorer) []evidence.Input {
	t.Helper()
	in, err := (evidence.Loader{Ladder: s.Ladder()}).Load(careerladder.Evidence(), "senior-engineer.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return []evidence.Input{in}
}

func TestRescore(t *testing.T) {
	src := ctoSource(t)
	orig := compile(t, parse(t, src))
	harder := compile(t, parse(t, edit(t, src, "count: 6\n", "count: 20\n")))
	ins := alex(t, orig)

	if moves, err := diff.Rescore(orig, compile(t, loadCTO(t)), ins, asOf); err != nil || len(moves) != 0 {
		t.Errorf("an unchanged ladder moves people: %+v", moves)
	}

	down, err := diff.Rescore(orig, harder, ins, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(down) != 1 {
		t.Fatalf("got %d moves, want 1: %+v", len(down), down)
	}
	m := down[0]
	t.Logf("%+v", m)
	if m.Person != "alex" || m.Track != "engineering" || m.Old != "senior" || m.New != "engineer" || m.Direction != "down" {
		t.Errorf("move: %+v", m)
	}
	if len(m.Reasons) != 1 || !strings.Contains(m.Reasons[0], "hard-problem") {
		t.Errorf("reasons: want only the hard problems, got %q", m.Reasons)
	}
	for _, r := range m.Reasons {
		if strings.Contains(r, "hard-problem") && !strings.Contains(r, "of 20") {
			t.Errorf("reason %q does not give the new count", r)
		}
	}

	upMoves, err := diff.Rescore(harder, orig, ins, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(upMoves) != 1 {
		t.Fatalf("got %d moves back, want 1: %+v", len(upMoves), upMoves)
	}
	u := upMoves[0]
	t.Logf("%+v", u)
	if u.Old != "engineer" || u.New != "senior" || u.Direction != "up" {
		t.Errorf("move back: %+v", u)
	}
	if len(u.Reasons) < 2 || u.Reasons[0] != "now reached: Senior Engineer" {
		t.Errorf("reasons of the move back: %q", u.Reasons)
	}

	if moves, err := diff.Rescore(nil, harder, ins, asOf); moves != nil || !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil scorer: %+v", moves)
	}
}

// TestRescoreTracks checks that a track in only one version moves nobody.
func TestRescoreTracks(t *testing.T) {
	src := ctoSource(t)
	orig := compile(t, parse(t, src))
	// Without the engineering track, only leadership is compared.
	tracks := strings.Index(src, "\ntracks:\n")
	start := strings.Index(src[tracks:], "  - id: engineering\n") + tracks
	end := strings.Index(src[tracks:], "  - id: leadership\n") + tracks
	if tracks < 0 || start < tracks || end < start {
		t.Fatal("cannot find the engineering track")
	}
	noEng := src[:start] + src[end:]
	l := parse(t, noEng)
	if moves, err := diff.Rescore(orig, compile(t, l), alex(t, orig), asOf); err != nil || len(moves) != 0 {
		t.Errorf("moves: %+v", moves)
	}
	r := ladders(t, parse(t, src), l)
	if len(r.Changes) != 1 || r.Changes[0].Path != "tracks[engineering]" || r.Changes[0].Kind != "removed" {
		t.Errorf("changes: %+v", r.Changes)
	}
}

func ExampleLadders() {
	src, err := fs.ReadFile(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	edited := strings.NewReplacer(`version: "1.0.0"`, `version: "1.1.0"`, "count: 24\n", "count: 30\n").Replace(string(src))
	old, err := ladder.Parse("cto.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	new, err := ladder.Parse("cto.yaml", []byte(edited))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := diff.Ladders(old, new)
	if err != nil {
		fmt.Println(err)
		return
	}
	r.WriteText(os.Stdout)
	for _, c := range r.Changes {
		fmt.Println(c.Summary)
	}
	// Output:
	// ~ tracks[leadership].levels[cto].requires[hard-problems]: at least 24 items of technical-problem-solving at advanced or above, tagged hard-problem, within 12mo -> at least 30 items of technical-problem-solving at advanced or above, tagged hard-problem, within 12mo
	// ~ version: 1.0.0 -> 1.1.0
	// 2 changes
	// gate hard-problems of level cto of track leadership changed from "at least 24 items of te…" to "at least 30 items of te…"
	// ladder version changed from "1.0.0" to "1.1.0"
}

// TestStructure checks tracks and levels added, removed and reordered, on
// ladders built in Go.
func TestStructure(t *testing.T) {
	lv := func(id string) ladder.Level { return ladder.Level{ID: id, Name: strings.ToUpper(id)} }
	old := &ladder.Ladder{
		Scales: []rubric.Scale{{ID: "s", Ratings: []rubric.Rating{{ID: "low"}, {ID: "high", Points: 1}}}},
		Tracks: []ladder.Track{
			{ID: "ic", Levels: []ladder.Level{lv("a"), lv("b"), lv("c")}},
			{ID: "old", Levels: []ladder.Level{lv("x")}},
		},
	}
	new := &ladder.Ladder{
		Scales: []rubric.Scale{{ID: "s", Ratings: []rubric.Rating{{ID: "high", Points: 1}, {ID: "low"}, {ID: "mid", Label: "Mid", Points: 2}}}},
		Tracks: []ladder.Track{
			{ID: "ic", Levels: []ladder.Level{lv("b"), lv("a"), lv("d")}},
			{ID: "mgr", Levels: []ladder.Level{lv("m")}},
		},
	}
	want := []diff.Change{
		{Kind: "moved", Path: "scales[s].ratings", Old: "low, high", New: "high, low", Summary: "ratings of scale s reordered"},
		{Kind: "added", Path: "scales[s].ratings[mid]", New: "mid (Mid, 2 points)", Summary: "rating mid of scale s added"},
		{Kind: "moved", Path: "tracks[ic].levels", Old: "a, b", New: "b, a", Summary: "levels of track ic reordered"},
		{Kind: "removed", Path: "tracks[ic].levels[c]", Old: "C", Summary: "level c of track ic removed"},
		{Kind: "added", Path: "tracks[ic].levels[d]", New: "D", Summary: "level d of track ic added"},
		{Kind: "added", Path: "tracks[mgr]", Summary: "track mgr added"},
		{Kind: "removed", Path: "tracks[old]", Summary: "track old removed"},
	}
	if d := cmp.Diff(want, ladders(t, old, new).Changes); d != "" {
		t.Errorf("changes (-want +got):\n%s", d)
	}
}
