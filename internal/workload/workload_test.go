package workload_test

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/workload"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

var asOf = evidence.Date{Year: 2026, Month: 11, Day: 27}

// load parses src and fails on any diagnostic, error or warning.
func load(t *testing.T, name string, src []byte) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Parse(name, src)
	if err != nil {
		t.Fatalf("%s does not load:\n%v", name, err)
	}
	if ds := l.Validate(); len(ds) > 0 {
		t.Fatalf("%s has diagnostics:\n%v", name, ds)
	}
	return l
}

func TestWorkloadLargeLadder(t *testing.T) {
	src := workload.LadderYAML(200, 3, 12, 1)
	l := load(t, "large.yaml", src)
	if got := float64(len(src)) / (1 << 20); got < 1.8 || got > 2.3 {
		t.Errorf("LadderYAML(200, 3, 12, 1) is %.2f MiB, want 1.8 to 2.3", got)
	}
	if len(l.Capabilities) != 200 || len(l.Tracks) != 3 || len(l.Tracks[2].Levels) != 12 {
		t.Errorf("got %d capabilities, %d tracks, %d levels", len(l.Capabilities), len(l.Tracks), len(l.Tracks[2].Levels))
	}
	for _, c := range l.Capabilities {
		s, _ := l.ScaleOf(&c)
		if len(c.Descriptors) != len(s.Ratings) {
			t.Fatalf("capability %s has %d descriptors, want %d", c.ID, len(c.Descriptors), len(s.Ratings))
		}
		for _, d := range c.Descriptors {
			if d.Summary == "" || len(d.Signals) != 3 || len(d.Examples) != 2 {
				t.Fatalf("capability %s, rating %s: descriptor not full: %+v", c.ID, d.Rating, d)
			}
		}
	}
	kinds := map[string]int{}
	for _, tr := range l.Tracks {
		for _, v := range tr.Levels {
			if len(v.Expects) != len(l.Capabilities) {
				t.Errorf("track %s, level %s expects %d capabilities, want all %d", tr.ID, v.ID, len(v.Expects), len(l.Capabilities))
			}
			for _, g := range v.Requires {
				kinds[g.Kind()]++
			}
		}
	}
	for _, k := range []string{"points", "category_floor", "evidence", "n_of_m"} {
		if kinds[k] < 2 {
			t.Errorf("%d gates of kind %s, want a few", kinds[k], k)
		}
	}
	if !bytes.Equal(src, workload.LadderYAML(200, 3, 12, 1)) {
		t.Errorf("LadderYAML is not deterministic")
	}
	if bytes.Equal(src, workload.LadderYAML(200, 3, 12, 2)) {
		t.Errorf("LadderYAML ignores the seed")
	}
}

func TestWorkloadSmallLadders(t *testing.T) {
	for _, a := range [][3]int{{5, 1, 3}, {1, 1, 1}, {0, 0, 0}, {7, 2, 2}, {41, 9, 5}, {50, 3, 6}} {
		name := fmt.Sprintf("%dc-%dt-%dl.yaml", a[0], a[1], a[2])
		for seed := range uint64(3) {
			load(t, name, workload.LadderYAML(a[0], a[1], a[2], seed))
		}
	}
}

func TestWorkloadEvidence(t *testing.T) {
	l := load(t, "medium.yaml", workload.LadderYAML(50, 3, 6, 1))
	items := workload.Evidence(l, 500, asOf, 7)
	if len(items) != 500 {
		t.Fatalf("got %d items, want 500", len(items))
	}
	if !reflect.DeepEqual(items, workload.Evidence(l, 500, asOf, 7)) {
		t.Errorf("Evidence is not deterministic")
	}
	earliest := evidence.DateOf(asOf.Time().AddDate(0, -31, 0))
	ids, tagged := map[string]bool{}, 0
	for _, e := range items {
		if ids[e.ID] {
			t.Errorf("id %s twice", e.ID)
		}
		ids[e.ID] = true
		c, ok := l.Capability(e.Capability)
		if !ok {
			t.Fatalf("%s: unknown capability %q", e.ID, e.Capability)
		}
		if s, _ := l.ScaleOf(c); !s.Has(e.Rating) {
			t.Errorf("%s: rating %q is not on the scale of %s", e.ID, e.Rating, c.ID)
		}
		if e.Date.Compare(asOf) > 0 || e.Date.Compare(earliest) < 0 {
			t.Errorf("%s: date %s is not within 30 months before %s", e.ID, e.Date, asOf)
		}
		switch e.Source {
		case "self", "peer", "manager", "artifact":
		default:
			t.Errorf("%s: source %q", e.ID, e.Source)
		}
		if len(e.Tags) > 0 {
			tagged++
		}
	}
	if items[0].ID != "e000001" || items[499].ID != "e000500" {
		t.Errorf("ids run from %s to %s", items[0].ID, items[499].ID)
	}
	if tagged < 200 || tagged > 300 {
		t.Errorf("%d of 500 items tagged, want about half", tagged)
	}
}

func TestWorkloadOrg(t *testing.T) {
	l := load(t, "medium.yaml", workload.LadderYAML(50, 3, 6, 1))
	org := workload.Org(l, 20, 30, asOf, 3)
	if len(org) != 20 {
		t.Fatalf("got %d people, want 20", len(org))
	}
	if !reflect.DeepEqual(org, workload.Org(l, 20, 30, asOf, 3)) {
		t.Errorf("Org is not deterministic")
	}
	if reflect.DeepEqual(org[0].Evidence, org[1].Evidence) {
		t.Errorf("two people have the same evidence")
	}
	s, err := scoring.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	for i, in := range org {
		if want := fmt.Sprintf("p%05d", i+1); in.Person != want {
			t.Errorf("person %d is %q, want %q", i, in.Person, want)
		}
		if len(in.Evidence) != 30 {
			t.Errorf("%s has %d items, want 30", in.Person, len(in.Evidence))
		}
		if len(in.Ratings) != 1 || in.Ratings[0].Assessor != "manager" || len(in.Ratings[0].Ratings) != len(l.Capabilities) {
			t.Errorf("%s: want a manager's assessment of all %d capabilities, got %+v", in.Person, len(l.Capabilities), in.Ratings)
		}
		// Each input is a valid evidence file for the ladder.
		var b bytes.Buffer
		if err := in.WriteYAML(&b); err != nil {
			t.Fatal(err)
		}
		if _, err := (evidence.Loader{Ladder: s.Ladder()}).Parse(in.Person+".yaml", b.Bytes()); err != nil {
			t.Errorf("%s is not a valid input:\n%v", in.Person, err)
		}
	}
}
