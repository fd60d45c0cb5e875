package diff_test

import (
	"bytes"
	"testing"

	"github.com/careerladder/careerladder/diff"
	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// TestWriteTextEscapes diffs the terminal-escapes ladder against a copy
// with other hostile names, a capability removed and a level added: no
// path or value may reach the report raw or start a line of its own.
func TestWriteTextEscapes(t *testing.T) {
	old, err := ladder.LoadFile("../testdata/hostile/terminal-escapes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	new, err := ladder.LoadFile("../testdata/hostile/terminal-escapes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	new.Name = "Renamed\n::error file=evil.yaml::forged"
	new.Capabilities = new.Capabilities[:1]
	new.Capabilities[0].Summary = "\u202e\x1b[2J"
	tr := &new.Tracks[0]
	tr.Levels[0].Expects = []rubric.Expectation{{Capability: "c", Rating: "b"}}
	tr.Levels = append(tr.Levels, ladder.Level{ID: "three\x1b", Name: "Three\u009b"})
	tr.Levels[1].Requires[0].Description = "\x1b]8;;http://evil.example/\x1b\\"
	r, err := diff.Ladders(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	diagtest.CheckLines(t, "Report.WriteText", b.Bytes())
	for _, want := range []string{
		`~ name: Escapes \x1b]8;;http://evil.example/\x1b\click here\x1b]8;;\x1b\ \x1b[2J -> Renamed\n::error file=evil.yaml::forged`,
		`+ tracks[t].levels[three\x1b]: Three\u009b`,
		`- capabilities[d]: \u202egnp.exe`,
	} {
		if !bytes.Contains(b.Bytes(), []byte(want)) {
			t.Errorf("no %q in\n%s", want, b.Bytes())
		}
	}
}
