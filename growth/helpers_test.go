package growth_test

import (
	"bytes"
	"flag"
	"strings"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	goldenfile "github.com/careerladder/careerladder/internal/golden"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

var update = flag.Bool("update", false, "rewrite golden files")

// asOf is the day the example evidence is dated against.
var asOf = evidence.Date{Year: 2026, Month: 11, Day: 27}

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

func loadInput(t testing.TB, s *scoring.Scorer, name string) evidence.Input {
	t.Helper()
	in, err := evidence.Loader{Ladder: s.Ladder()}.Load(careerladder.Evidence(), name)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	goldenfile.Check(t, file, got, *update)
}

// written returns what write writes, failing on an error.
func written(t testing.TB, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// noTrailingSpace reports lines of text that end in spaces.
func noTrailingSpace(t *testing.T, text []byte) {
	t.Helper()
	for i, line := range strings.Split(string(text), "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("line %d ends in spaces", i+1)
		}
	}
}
