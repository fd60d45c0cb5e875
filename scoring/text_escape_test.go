package scoring_test

import (
	"bytes"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// hostilePerson holds an OSC 8 hyperlink and a newline that would forge a
// GitHub annotation.
const hostilePerson = "alex\x1b]8;;http://evil.example/\x1b\\\n::error::forged"

// hostileInput is evidence for the terminal-escapes ladder whose person,
// item ids, summaries and references hold control characters and
// bidirectional controls; some items are not counted, so that the report
// lists them.
func hostileInput() evidence.Input {
	day := func(d int) evidence.Date { return evidence.Date{Year: 2026, Month: 1, Day: d} }
	return evidence.Input{
		Person: hostilePerson,
		Ratings: []evidence.Assessment{
			{Assessor: "manager", Ratings: []evidence.Rating{{Capability: "c", Rating: "a"}, {Capability: "d", Rating: "b"}}},
			{Assessor: "peer\u202e", Ratings: []evidence.Rating{{Capability: "c\x1b[2J", Rating: "b\u009b"}}},
		},
		Evidence: []evidence.Item{
			{ID: "e1\u202e\x1b[31m", Capability: "c", Rating: "b", Date: day(2), Source: "peer", Summary: "did \x1b[2J things"},
			{ID: "e2\n::error::forged", Capability: "c", Rating: "b", Date: day(3), Source: "manager"},
			{ID: "e3\x9b", Capability: "d\u2066", Rating: "b", Date: day(4), Source: "peer"},
			{ID: "late\x07", Capability: "c", Rating: "b", Date: evidence.Date{Year: 2027, Month: 1, Day: 1}, Source: "peer"},
		},
	}
}

func TestWriteTextEscapes(t *testing.T) {
	l, err := ladder.LoadFile("../testdata/hostile/terminal-escapes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scoring.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	asOf := evidence.Date{Year: 2026, Month: 2, Day: 1}
	res, err := s.Assess(hostileInput(), asOf)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	diagtest.CheckLines(t, "Result.WriteText", b.Bytes())
	for _, want := range []string{
		`alex\x1b]8;;http://evil.example/\x1b\\n::error::forged against ladder terminal-escapes`,
		`Capability\n::error file=evil.yaml,line=1::forged`,
		`\u202egnp.exe`,
		`Track \x1b[5mblink\x1b[0m`,
		`Title \x1b[7mreverse\x1b[0m`,
		`late\x07 (c, 2027-01-01)`,
	} {
		if !bytes.Contains(b.Bytes(), []byte(want)) {
			t.Errorf("Result.WriteText: no %q in\n%s", want, b.Bytes())
		}
	}
	// Short of level two, on the manager's ratings alone.
	short := hostileInput()
	short.Ratings, short.Evidence = short.Ratings[:1], nil
	for _, level := range []string{"one", "two"} {
		g, err := s.Gap(short, asOf, "t", level)
		if err != nil {
			t.Fatal(err)
		}
		b.Reset()
		if err := g.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		diagtest.CheckLines(t, "Gap.WriteText "+level, b.Bytes())
	}
}
