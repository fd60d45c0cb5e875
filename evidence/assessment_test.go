package evidence_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
)

const datedSrc = `format: careerladder/evidence/v1
person: alex
ratings:
  - assessor: manager
    date: 2026-02-27
    ratings: {communication: practising}
  - assessor: manager
    date: 2026-05-29
    ratings: {communication: proficient}
  - assessor: self
    ratings: {communication: advanced}
`

// TestDatedAssessments reads assessments written as a list, with dates
// and an assessor twice, and writes them back in the same form; undated
// ones, one per assessor, keep the mapping form.
func TestDatedAssessments(t *testing.T) {
	ld := evidence.Loader{Ladder: compile(t, "cto.yaml").Ladder()}
	in, err := ld.Parse("dated.yaml", []byte(datedSrc))
	if err != nil {
		t.Fatal(err)
	}
	want := []evidence.Assessment{
		{Assessor: "manager", Date: evidence.Date{Year: 2026, Month: 2, Day: 27}, Ratings: []evidence.Rating{{Capability: "communication", Rating: "practising"}}},
		{Assessor: "manager", Date: evidence.Date{Year: 2026, Month: 5, Day: 29}, Ratings: []evidence.Rating{{Capability: "communication", Rating: "proficient"}}},
		{Assessor: "self", Ratings: []evidence.Rating{{Capability: "communication", Rating: "advanced"}}},
	}
	if d := cmp.Diff(want, in.Ratings); d != "" {
		t.Fatalf("ratings (-want +got):\n%s", d)
	}
	for _, write := range []struct {
		name string
		f    func(*evidence.Input, *bytes.Buffer) error
	}{
		{"dated.yaml", func(in *evidence.Input, b *bytes.Buffer) error { return in.WriteYAML(b) }},
		{"dated.json", func(in *evidence.Input, b *bytes.Buffer) error { return in.WriteJSON(b) }},
	} {
		var b bytes.Buffer
		if err := write.f(&in, &b); err != nil {
			t.Fatal(err)
		}
		again, err := ld.Parse(write.name, b.Bytes())
		if err != nil {
			t.Fatalf("%s: %v\n%s", write.name, err, b.Bytes())
		}
		if d := cmp.Diff(in, again); d != "" {
			t.Errorf("%s: written and read again (-want +got):\n%s", write.name, d)
		}
	}
	undated := evidence.Input{Format: evidence.Format, Person: "kim", Ratings: want[2:]}
	var b bytes.Buffer
	if err := undated.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !bytes.Contains(b.Bytes(), []byte("ratings:\n  self:\n    communication: advanced\n")) {
		t.Errorf("undated assessments are not written as a mapping:\n%s", got)
	}
}

// TestAssessmentChecks checks assessments built in Go as files are
// checked: a date that is no day and two assessments of an assessor on one
// day are reported, with the paths of the list form.
func TestAssessmentChecks(t *testing.T) {
	ld := evidence.Loader{Ladder: compile(t, "cto.yaml").Ladder()}
	day := evidence.Date{Year: 2026, Month: 3, Day: 31}
	r := []evidence.Rating{{Capability: "communication", Rating: "proficient"}}
	for _, tc := range []struct {
		name    string
		ratings []evidence.Assessment
		code    ladder.Code
		path    string
	}{
		{"no such day", []evidence.Assessment{{Assessor: "manager", Date: evidence.Date{Year: 2026, Month: 4, Day: 31}, Ratings: r}}, ladder.CodeBadValue, "ratings[0].date"},
		{"one day twice", []evidence.Assessment{{Assessor: "manager", Date: day, Ratings: r}, {Assessor: "self", Date: day, Ratings: r}, {Assessor: "manager", Date: day, Ratings: r}},
			ladder.CodeDuplicateID, "ratings[2].date"},
		{"undated twice", []evidence.Assessment{{Assessor: "manager", Ratings: r}, {Assessor: "manager", Ratings: r}}, ladder.CodeDuplicateID, "ratings[1].assessor"},
		{"unknown capability", []evidence.Assessment{{Assessor: "manager", Date: day, Ratings: []evidence.Rating{{Capability: "comms", Rating: "proficient"}}}},
			ladder.CodeUnknownRef, "ratings[0].ratings.comms"},
		{"reserved", []evidence.Assessment{{Assessor: "evidence", Date: day, Ratings: r}}, ladder.CodeBadValue, "ratings[0].assessor"},
		{"not an id", []evidence.Assessment{{Assessor: "Manager", Date: day, Ratings: r}}, ladder.CodeBadID, "ratings[0].assessor"},
		{"reserved, mapping", []evidence.Assessment{{Assessor: "evidence", Ratings: r}}, ladder.CodeBadValue, "ratings.evidence"},
	} {
		err := ld.Check(evidence.Input{Person: "alex", Ratings: tc.ratings})
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Code != tc.code || ds[0].Path != tc.path {
			t.Errorf("%s: %v, want %s at %s", tc.name, err, tc.code, tc.path)
		}
	}
	good := evidence.Input{Person: "alex", Ratings: []evidence.Assessment{{Assessor: "manager", Date: day, Ratings: r}, {Assessor: "manager", Ratings: r}}}
	if err := ld.Check(good); err != nil {
		t.Errorf("a dated and an undated assessment: %v", err)
	}
}
