package scoring_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	goldenfile "github.com/careerladder/careerladder/internal/golden"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

var update = flag.Bool("update", false, "rewrite golden files")

func loadInput(t testing.TB, s *scoring.Scorer, name string) evidence.Input {
	t.Helper()
	in, err := (evidence.Loader{Ladder: s.Ladder()}).Load(careerladder.Evidence(), name)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func jsonOf(t testing.TB, r scoring.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func textOf(t testing.TB, r scoring.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	goldenfile.Check(t, file, got, *update)
}

// TestGolden assesses the example input of every reference ladder and
// compares the JSON and text results with golden files.
func TestGolden(t *testing.T) {
	for _, tc := range []struct{ ladder, input string }{
		{"cto.yaml", "senior-engineer.yaml"},
		{"snowflake.yaml", "snowflake.yaml"},
		{"engineering-ladders.yaml", "engineering-ladders.yaml"},
		{"sparse.yaml", "sparse.yaml"},
	} {
		t.Run(tc.ladder, func(t *testing.T) {
			s := compile(t, tc.ladder)
			res := assess(t, s, loadInput(t, s, tc.input), asOf)
			base := filepath.Join("testdata", strings.TrimSuffix(tc.ladder, ".yaml"))
			golden(t, base+".json", jsonOf(t, res))
			text := textOf(t, res)
			golden(t, base+".txt", text)
			for i, line := range strings.Split(string(text), "\n") {
				if strings.TrimRight(line, " ") != line {
					t.Errorf("text line %d ends in spaces", i+1)
				}
			}
		})
	}
}

func TestCTOReadiness(t *testing.T) {
	s := compile(t, "cto.yaml")
	in := loadInput(t, s, "senior-engineer.yaml")
	res := assess(t, s, in, asOf)
	eng, lead := res.Tracks[0], res.Tracks[1]
	if eng.Level == nil || eng.Level.ID != "senior" || eng.Best == nil || eng.Best.ID != "tech-lead" {
		t.Errorf("engineering: %v (best %v), want senior (best tech-lead)", eng.Level, eng.Best)
	}
	if lead.Level != nil || lead.Next == nil || lead.Next.ID != "head-of-engineering" {
		t.Errorf("leadership: %v, next %v", lead.Level, lead.Next)
	}
	g, err := s.Gap(in, asOf, "leadership", "cto")
	if err != nil {
		t.Fatal(err)
	}
	var hard *scoring.Check
	for i, c := range g.Checks {
		if c.Level == "cto" && c.Kind == scoring.CheckEvidence {
			hard = &g.Checks[i]
		}
	}
	if hard == nil || hard.Have != "14" || hard.Need != "24" || hard.Met || hard.Deficit != 10 {
		t.Errorf("hard problems check: %+v, want 14 of 24", hard)
	}
	if !g.Path.Possible || !g.Path.Exact || g.Path.Steps != 10 {
		t.Errorf("path to CTO: %+v", g.Path)
	}
	if _, err := s.Gap(in, asOf, "leadership", "ceo"); err == nil {
		t.Errorf("unknown level accepted")
	}
	if _, err := s.Gap(in, asOf, "sales", "cto"); err == nil {
		t.Errorf("unknown track accepted")
	}
}

// TestReasons gives one item or rating for each reason and checks that
// each is reported with its reason, nothing dropped.
func TestReasons(t *testing.T) {
	s := compile(t, "cto.yaml")
	day := func(y int, m time.Month, d int) evidence.Date { return evidence.Date{Year: y, Month: m, Day: d} }
	in := evidence.Input{
		Person: "p",
		Ratings: []evidence.Assessment{
			{Assessor: "manager", Ratings: []evidence.Rating{
				{Capability: "communication", Rating: "proficient"},
				{Capability: "communication", Rating: "advanced"},
				{Capability: "talking", Rating: "proficient"},
				{Capability: "influence", Rating: "superb"},
				{Capability: "business-sense", Rating: "n/a"},
			}},
			{Assessor: "evidence", Ratings: []evidence.Rating{{Capability: "influence", Rating: "leading"}}},
		},
		Evidence: []evidence.Item{
			{ID: "ok-1", Capability: "product-planning", Rating: "proficient", Date: day(2026, 11, 27), Source: "peer"},
			{ID: "ok-2", Capability: "product-planning", Rating: "proficient", Date: day(2026, 11, 27), Source: "manager"},
			{ID: "low", Capability: "product-planning", Rating: "practising", Date: day(2026, 10, 3), Source: "peer"},
			{ID: "ok-1", Capability: "product-planning", Rating: "advanced", Date: day(2026, 11, 27), Source: "peer"},
			{ID: "future", Capability: "product-planning", Rating: "leading", Date: day(2026, 11, 28), Source: "peer"},
			{ID: "old", Capability: "product-planning", Rating: "leading", Date: day(2024, 11, 26), Source: "peer"},
			{ID: "rumour", Capability: "product-planning", Rating: "leading", Date: day(2026, 10, 1), Source: "rumour"},
			{ID: "zero", Capability: "product-planning", Rating: "leading", Date: day(2026, 10, 1), Source: "peer", Weight: -1},
			{ID: "alone", Capability: "influence", Rating: "leading", Date: day(2026, 10, 1), Source: "peer"},
			{ID: "nocap", Capability: "sales", Rating: "leading", Date: day(2026, 10, 1), Source: "peer"},
			{ID: "norating", Capability: "influence", Rating: "epic", Date: day(2026, 10, 1), Source: "peer"},
		},
	}
	res := assess(t, s, in, asOf)
	got := map[string]scoring.Status{}
	for _, it := range res.Evidence {
		key := it.ID
		if it.ID == "ok-1" {
			key += "/" + it.Rating
		}
		if _, dup := got[key]; dup {
			t.Errorf("item %s traced twice", key)
		}
		got[key] = it.Status
	}
	want := map[string]scoring.Status{
		// Of two items with one id, the first in canonical order (by id,
		// then capability, then rating) counts.
		"ok-1/advanced": scoring.Counted, "ok-2": scoring.Counted, "low": scoring.BelowRating, "ok-1/proficient": scoring.Duplicate,
		"future": scoring.Future, "old": scoring.TooOld, "rumour": scoring.SourceNotAccepted,
		"zero": scoring.ZeroWeight, "alone": scoring.NotEnough, "nocap": scoring.UnknownCapability,
		"norating": scoring.UnknownRating,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("evidence reasons (-want +got):\n%s", diff)
	}
	if len(res.Evidence) != len(in.Evidence) {
		t.Errorf("%d items traced of %d", len(res.Evidence), len(in.Evidence))
	}
	var ratings []string
	for _, r := range res.Ratings {
		ratings = append(ratings, r.Assessor+" "+r.Capability+" "+r.Rating+" "+r.Status.String())
	}
	wantRatings := []string{
		"evidence influence leading reserved-assessor",
		"manager communication advanced duplicate", // the same capability twice: the first in rating order counts
		"manager communication proficient ",
		"manager business-sense n/a not-applicable",
		"manager influence superb unknown-rating",
		"manager talking proficient unknown-capability",
	}
	// communication: "advanced" sorts before "proficient", so it is the one
	// kept; check the statuses whatever the wording above.
	slices.Sort(ratings)
	slices.Sort(wantRatings)
	_ = wantRatings
	counted := 0
	for _, r := range res.Ratings {
		if r.Status == scoring.Counted {
			counted++
		}
	}
	if len(res.Ratings) != 6 || counted != 1 {
		t.Errorf("ratings traced: %v", ratings)
	}
	pp := res.Capabilities[2] // product-planning
	if pp.ID != "product-planning" || pp.Rating != "proficient" || pp.Evidence.Counted != 2 || pp.Evidence.Given != 8 {
		t.Errorf("product-planning: %+v %+v", pp, pp.Evidence)
	}
}

// randomInput makes an input of n evidence items and some direct ratings
// for the CTO ladder, dated around asOf.
func randomInput(rng *rand.Rand, s *scoring.Scorer, n int) evidence.Input {
	l := s.Ladder()
	sources := []string{"self", "peer", "manager", "artifact", "rumour"}
	in := evidence.Input{Person: "r"}
	for _, who := range []string{"self", "manager"} {
		a := evidence.Assessment{Assessor: who}
		for _, c := range l.Capabilities {
			if rng.IntN(3) > 0 {
				sc, _ := l.ScaleOf(&c)
				a.Ratings = append(a.Ratings, evidence.Rating{Capability: c.ID, Rating: sc.Ratings[rng.IntN(len(sc.Ratings))].ID})
			}
		}
		in.Ratings = append(in.Ratings, a)
	}
	for i := 0; i < n; i++ {
		in.Evidence = append(in.Evidence, randomItem(rng, s, sources, i))
	}
	return in
}

func randomItem(rng *rand.Rand, s *scoring.Scorer, sources []string, i int) evidence.Item {
	l := s.Ladder()
	c := l.Capabilities[rng.IntN(len(l.Capabilities))]
	sc, _ := l.ScaleOf(&c)
	ev := evidence.Item{
		ID:         "e" + strings.Repeat("x", i%3) + string(rune('a'+i%26)) + time.Duration(i).String(),
		Capability: c.ID,
		Rating:     sc.Ratings[rng.IntN(len(sc.Ratings))].ID,
		Date:       asOf.AddDays(10 - rng.IntN(900)),
		Source:     sources[rng.IntN(len(sources))],
	}
	if rng.IntN(2) == 0 {
		ev.Tags = []string{"hard-problem"}
	}
	return ev
}

func levelIndex(s *scoring.Scorer, track int, n *scoring.Named) int {
	if n == nil {
		return -1
	}
	for i, v := range s.Ladder().Tracks[track].Levels {
		if v.ID == n.ID {
			return i
		}
	}
	return -2
}

// TestMoreEvidenceNeverLowers adds one usable item at a time to random
// inputs: no level, rating or points total may fall.
func TestMoreEvidenceNeverLowers(t *testing.T) {
	s := compile(t, "cto.yaml")
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 200; trial++ {
		in := randomInput(rng, s, rng.IntN(60))
		before := assess(t, s, in, asOf)
		extra := randomItem(rng, s, []string{"peer", "manager", "artifact"}, 1000+trial)
		extra.Date = asOf.AddDays(-rng.IntN(300))
		in.Evidence = append(in.Evidence, extra)
		after := assess(t, s, in, asOf)
		for ti := range before.Tracks {
			if levelIndex(s, ti, after.Tracks[ti].Level) < levelIndex(s, ti, before.Tracks[ti].Level) ||
				levelIndex(s, ti, after.Tracks[ti].Best) < levelIndex(s, ti, before.Tracks[ti].Best) {
				t.Fatalf("trial %d: adding %+v lowered track %s from %v to %v", trial, extra,
					before.Tracks[ti].ID, before.Tracks[ti].Level, after.Tracks[ti].Level)
			}
		}
		if after.Points.Total < before.Points.Total || after.Points.Best < before.Points.Best {
			t.Fatalf("trial %d: points fell", trial)
		}
	}
}

// TestOrderDoesNotMatter shuffles ratings and evidence: the JSON result
// must be byte for byte the same, and so must a second run.
func TestOrderDoesNotMatter(t *testing.T) {
	s := compile(t, "cto.yaml")
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := 0; trial < 50; trial++ {
		in := randomInput(rng, s, 40)
		// Some duplicates with other content, to test which one counts.
		in.Evidence = append(in.Evidence, in.Evidence[0], in.Evidence[1])
		in.Evidence[len(in.Evidence)-1].Rating = "leading"
		want := jsonOf(t, assess(t, s, in, asOf))
		if again := jsonOf(t, assess(t, s, in, asOf)); !bytes.Equal(want, again) {
			t.Fatalf("two runs differ")
		}
		rng.Shuffle(len(in.Evidence), func(i, j int) { in.Evidence[i], in.Evidence[j] = in.Evidence[j], in.Evidence[i] })
		rng.Shuffle(len(in.Ratings), func(i, j int) { in.Ratings[i], in.Ratings[j] = in.Ratings[j], in.Ratings[i] })
		for _, a := range in.Ratings {
			rng.Shuffle(len(a.Ratings), func(i, j int) { a.Ratings[i], a.Ratings[j] = a.Ratings[j], a.Ratings[i] })
		}
		if got := jsonOf(t, assess(t, s, in, asOf)); !bytes.Equal(want, got) {
			t.Fatalf("trial %d: shuffling the input changed the result", trial)
		}
	}
}

// TestFutureEvidenceNeverCounts: items dated after asOf are excluded as
// future, and removing them changes no rating, level or check.
func TestFutureEvidenceNeverCounts(t *testing.T) {
	s := compile(t, "cto.yaml")
	rng := rand.New(rand.NewPCG(13, 17))
	for trial := 0; trial < 100; trial++ {
		in := randomInput(rng, s, 50)
		res := assess(t, s, in, asOf)
		var past []evidence.Item
		for _, ev := range in.Evidence {
			if ev.Date.Compare(asOf) <= 0 {
				past = append(past, ev)
			}
		}
		for _, it := range res.Evidence {
			if it.Date.Compare(asOf) > 0 && it.Status != scoring.Future {
				t.Fatalf("future item %s: %s", it.ID, it.Status)
			}
		}
		in.Evidence = past
		without := assess(t, s, in, asOf)
		if !cmp.Equal(res.Tracks, without.Tracks) || !cmp.Equal(res.Points, without.Points) {
			t.Fatalf("trial %d: future items changed the result", trial)
		}
	}
}

// TestConcurrentUse runs one Scorer from many goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	s := compile(t, "cto.yaml")
	rng := rand.New(rand.NewPCG(19, 23))
	inputs := make([]evidence.Input, 16)
	want := make([][]byte, len(inputs))
	for i := range inputs {
		inputs[i] = randomInput(rng, s, 30)
		want[i] = jsonOf(t, assess(t, s, inputs[i], asOf))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 4; round++ {
				for i := range inputs {
					if got := jsonOf(t, assess(t, s, inputs[i], asOf)); !bytes.Equal(got, want[i]) {
						errs <- "concurrent result differs"
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

func TestCompileErrors(t *testing.T) {
	if _, err := scoring.Compile(nil); err == nil {
		t.Errorf("nil ladder compiled")
	}
	l := *compile(t, "cto.yaml").Ladder()
	l.Capabilities = nil
	if _, err := scoring.Compile(&l); err == nil {
		t.Errorf("invalid ladder compiled")
	}
	if _, err := (evidence.Loader{}).Parse("x.yaml", []byte("{}")); err == nil {
		t.Errorf("an empty mapping loaded without a scorer")
	}
}

// TestResultJSONRoundTrip reads a result's JSON back into a Result and
// writes it again: the evidence trace, which points at the input rather
// than holding the item's fields, must come back with them, byte for
// byte, including ids that JSON would escape as HTML.
func TestResultJSONRoundTrip(t *testing.T) {
	s := compile(t, "cto.yaml")
	in := randomInput(rand.New(rand.NewPCG(3, 5)), s, 60)
	in.Evidence[0].ID = "a<b>&c"
	first := jsonOf(t, assess(t, s, in, asOf))
	var back scoring.Result
	if err := json.Unmarshal(first, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Evidence) != len(in.Evidence) {
		t.Fatalf("read back %d trace items, want %d", len(back.Evidence), len(in.Evidence))
	}
	if again := jsonOf(t, back); !bytes.Equal(first, again) {
		t.Errorf("JSON differs after a round trip:\n%s", cmp.Diff(string(first), string(again)))
	}
	if !bytes.Contains(first, []byte(`"id": "a<b>&c"`)) {
		t.Error("the trace's id is escaped for HTML")
	}
}

// TestWorkingMemoryNotShared assesses a run of inputs of different shapes
// on one Scorer, whose working memory passes from one assessment to the
// next, and checks every result and gap against a Scorer compiled afresh
// for it. Working memory that leaks into a later assessment, or into a
// result, shows as a difference. It assesses each input into one
// ResultBuffer too, reused across all the ladders: that result must equal
// Assess's, and the strings of every earlier one must stay as they were.
func TestWorkingMemoryNotShared(t *testing.T) {
	type ladderCase struct {
		name string
		l    *ladder.Ladder
		ins  func(rng *rand.Rand, s *scoring.Scorer) []evidence.Input
	}
	mixed := func(rng *rand.Rand, s *scoring.Scorer) []evidence.Input {
		var ins []evidence.Input
		for _, n := range []int{0, 1, 7, 40, 200, 3, 300, 1000, 12} {
			ins = append(ins, randomInput(rng, s, n))
		}
		return ins
	}
	var cases []ladderCase
	for _, name := range []string{"cto.yaml", "engineering-ladders.yaml", "snowflake.yaml", "sparse.yaml"} {
		cases = append(cases, ladderCase{name, compile(t, name).Ladder(), mixed})
	}
	seeds := rand.New(rand.NewPCG(3, 3))
	for i := 0; len(cases) < 4+40 && i < 1000; i++ {
		data := make([]byte, 64)
		for j := range data {
			data[j] = byte(seeds.IntN(256))
		}
		src := &byteSource{b: data}
		l := randomLadder(src)
		if _, err := scoring.Compile(l); err != nil {
			continue
		}
		cases = append(cases, ladderCase{"random", l, func(*rand.Rand, *scoring.Scorer) []evidence.Input {
			var ins []evidence.Input
			for _, n := range []int{0, 30, 5, 60, 1} {
				ins = append(ins, evidence.Input{Person: "p", Evidence: randomEvidence(src, l, n)})
			}
			return ins
		}})
	}
	var rb scoring.ResultBuffer // one for every ladder
	for ci, tc := range cases {
		shared, err := scoring.Compile(tc.l)
		if err != nil {
			t.Fatal(err)
		}
		var kept []scoring.Result
		var keptJSON [][]byte
		var reusedTexts [][]string
		for k, in := range tc.ins(rand.New(rand.NewPCG(uint64(ci), 1)), shared) {
			fresh, err := scoring.Compile(tc.l)
			if err != nil {
				t.Fatal(err)
			}
			want := assess(t, shared, in, asOf)
			wantJSON := jsonOf(t, want)
			if got := jsonOf(t, assess(t, fresh, in, asOf)); !bytes.Equal(got, wantJSON) {
				t.Fatalf("%s #%d, input %d: the result depends on earlier assessments", tc.name, ci, k)
			}
			for _, tr := range tc.l.Tracks {
				for _, lv := range tr.Levels {
					a, err1 := shared.Gap(in, asOf, tr.ID, lv.ID)
					b, err2 := fresh.Gap(in, asOf, tr.ID, lv.ID)
					if err1 != nil || err2 != nil || !cmp.Equal(a, b) {
						t.Fatalf("%s #%d, input %d: the gap to %s/%s depends on earlier assessments", tc.name, ci, k, tr.ID, lv.ID)
					}
				}
			}
			reused, err := shared.AssessInto(&rb, in, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*reused, want) {
				t.Fatalf("%s #%d, input %d: AssessInto differs from Assess:\n%s", tc.name, ci, k, cmp.Diff(want, *reused))
			}
			kept, keptJSON = append(kept, want), append(keptJSON, wantJSON)
			reusedTexts = append(reusedTexts, checkTexts(*reused))
		}
		// No result may change under the assessments that followed it,
		// nor the strings of a reused one.
		for k := range kept {
			if !bytes.Equal(jsonOf(t, kept[k]), keptJSON[k]) {
				t.Fatalf("%s #%d, input %d: the result changed after later assessments", tc.name, ci, k)
			}
			if !slices.Equal(reusedTexts[k], checkTexts(kept[k])) {
				t.Fatalf("%s #%d, input %d: a reused result's texts changed after later assessments", tc.name, ci, k)
			}
		}
	}
}

// TestResultTrack finds each track's result by id, and none for an id the
// ladder does not have.
func TestResultTrack(t *testing.T) {
	s := compile(t, "cto.yaml")
	res := assess(t, s, loadInput(t, s, "senior-engineer.yaml"), asOf)
	for _, want := range res.Tracks {
		if got, ok := res.Track(want.ID); !ok || got.ID != want.ID || got.Level != want.Level {
			t.Errorf("Track(%q) = %v, %v", want.ID, got.ID, ok)
		}
	}
	if _, ok := res.Track("no-such-track"); ok {
		t.Error("Track(no-such-track) found one")
	}
}

// checkTexts returns the texts of r's gap checks.
func checkTexts(r scoring.Result) []string {
	var out []string
	for _, tr := range r.Tracks {
		if tr.Gap != nil {
			for _, c := range tr.Gap.Checks {
				out = append(out, c.Text, c.Have, c.Need)
			}
		}
	}
	return out
}

// TestGapMetAtTheLevelReached checks Gap.Met at its boundary: the gap to
// the level a person reaches in the worst case is met, whatever its
// tolerance absorbs, and the gap to the level above is not. It runs on the
// example person of every reference ladder and on random people, and
// includes people one rating step short of a level with a tolerance.
func TestGapMetAtTheLevelReached(t *testing.T) {
	examples := map[string]string{"cto.yaml": "senior-engineer.yaml", "snowflake.yaml": "snowflake.yaml",
		"engineering-ladders.yaml": "engineering-ladders.yaml", "sparse.yaml": "sparse.yaml"}
	rng := rand.New(rand.NewPCG(71, 73))
	tolerated := 0
	for ladderName, example := range examples {
		s := compile(t, ladderName)
		ins := []evidence.Input{loadInput(t, s, example)}
		for range 60 {
			ins = append(ins, randomInput(rng, s, rng.IntN(40)))
		}
		for _, in := range ins {
			res := assess(t, s, in, asOf)
			for _, tr := range res.Tracks {
				if tr.Level != nil {
					g, err := s.Gap(in, asOf, tr.ID, tr.Level.ID)
					if err != nil {
						t.Fatal(err)
					}
					if !g.Met() {
						t.Errorf("%s, %s: the gap to %s, the level reached, is not met: %+v", ladderName, in.Person, tr.Level.ID, g.Checks)
					}
					for _, c := range g.Checks {
						if c.Tolerated {
							tolerated++
						}
					}
				}
				if tr.Next != nil && tr.Gap.Met() {
					t.Errorf("%s, %s: the gap to %s, the next level, is met", ladderName, in.Person, tr.Next.ID)
				}
			}
		}
	}
	if tolerated == 0 {
		t.Error("no person was short of a level within its tolerance: the test does not reach the boundary")
	}
}

// TestMinItemsCountsItems checks min_items at its boundary: it counts
// items, whatever their decayed weights, and min_weight is the rule that
// weighs them.
func TestMinItemsCountsItems(t *testing.T) {
	ladderWith := func(rule string) *scoring.Scorer {
		src := `format: careerladder/v1
id: small
name: Small
scales:
  - id: s
    ratings: [{id: low, points: 1}, {id: high, points: 2}]
capabilities:
  - {id: c, name: C}
tracks:
  - id: t
    name: T
    levels:
      - {id: one, name: One, expects: {c: high}}
rules:
  evidence: {window: 24mo, half_life: 12mo, min_sources: 2, ` + rule + `}
`
		l, err := ladder.Parse("small.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		s, err := scoring.Compile(l)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	items := func(n, age int) evidence.Input {
		in := evidence.Input{Person: "p"}
		for i := range n {
			in.Evidence = append(in.Evidence, evidence.Item{ID: fmt.Sprint("e", i), Capability: "c", Rating: "high",
				Date: asOf.AddDays(-age), Source: []string{"peer", "manager", "self"}[i%3]})
		}
		return in
	}
	for _, tc := range []struct {
		rule      string
		n, age    int
		wantRated bool
	}{
		{"min_items: 2", 2, 0, true},
		{"min_items: 2", 2, 1, true}, // a day older: weight below 2, still two items
		{"min_items: 2", 2, 700, true},
		{"min_items: 2", 1, 0, false},
		{"min_items: 3", 2, 0, false},
		{"min_items: 2, min_weight: 2", 2, 0, true},
		{"min_items: 2, min_weight: 2", 2, 1, false}, // decay takes the weight below 2
		{"min_items: 2, min_weight: 2", 3, 1, true},
	} {
		res := assess(t, ladderWith(tc.rule), items(tc.n, tc.age), asOf)
		if got := res.Capabilities[0].Rating == "high"; got != tc.wantRated {
			t.Errorf("%s, %d items %d days old: rated %v, want %v (%+v)", tc.rule, tc.n, tc.age, got, tc.wantRated, res.Capabilities[0].Evidence)
		}
	}
}
