package evidence_test

import (
	"bytes"
	"flag"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	goldenfile "github.com/careerladder/careerladder/internal/golden"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

var update = flag.Bool("update", false, "rewrite golden files")

var asOf = evidence.Date{Year: 2026, Month: 11, Day: 27}

// compile loads and compiles the reference ladder name.
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

// loadInput loads the reference evidence file name for s's ladder.
func loadInput(t testing.TB, s *scoring.Scorer, name string) evidence.Input {
	t.Helper()
	in, err := (evidence.Loader{Ladder: s.Ladder()}).Load(careerladder.Evidence(), name)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// assess assesses in, failing t on an error.
func assess(t testing.TB, s *scoring.Scorer, in evidence.Input, day evidence.Date) scoring.Result {
	t.Helper()
	res, err := s.Assess(in, day)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func jsonOf(t testing.TB, r scoring.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	goldenfile.Check(t, file, got, *update)
}
