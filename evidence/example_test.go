package evidence_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
)

// ctoLadder loads the flagship ladder.
func ctoLadder() *ladder.Ladder {
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		panic(err)
	}
	return l
}

// Evidence files are checked against the ladder: every problem is
// reported with its position, nothing is dropped.
func ExampleLoader_Parse() {
	_, err := evidence.Loader{Ladder: ctoLadder()}.Parse("alex.yaml", []byte(`format: careerladder/evidence/v1
person: alex
ratings:
  manager: {communication: fluent}
evidence:
  - {id: e1, capability: comms, rating: proficient, date: 2026-09-01, source: peer}
  - {id: e1, capability: influence, rating: advanced, date: 2026-13-01, source: peer}
`))
	var ds ladder.Diagnostics
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Println(d)
		}
	}
	// Output:
	// alex.yaml:4:28: unknown-ref: unknown rating "fluent" on scale "proficiency" of capability "communication"
	// alex.yaml:6:26: unknown-ref: unknown capability "comms"
	// alex.yaml:7:10: duplicate-id: evidence id "e1" is used twice
	// alex.yaml:7:61: bad-value: date "2026-13-01" is not a day written as YYYY-MM-DD
}

// An input built in code gets the checks of a file, with paths instead of
// positions: a misspelt capability is not silently left out.
func ExampleLoader_Check() {
	in := evidence.Input{Person: "alex", Evidence: []evidence.Item{{
		ID: "inf-01", Capability: "influnce", Rating: "advanced", Source: "peer",
		Date: evidence.Date{Year: 2026, Month: 11, Day: 2},
	}}}
	err := evidence.Loader{Ladder: ctoLadder()}.Check(in)
	fmt.Println(err)
	// Output:
	// evidence[0].capability: unknown-ref: unknown capability "influnce" (did you mean "influence"?)
}

// A JSON Lines reader yields one person at a time; a person whose lines
// have problems comes with them, and the others are read all the same.
func ExampleLoader_NewLinesReader() {
	src := `{"person":"alex","id":"tps-01","capability":"technical-problem-solving","rating":"advanced","date":"2026-11-07","source":"peer","tags":["hard-problem"]}
{"person":"alex","id":"com-01","capability":"communication","rating":"proficient","date":"2026-10-01","source":"manager"}
{"person":"sam","id":"inf-01","capability":"influence","rating":"expert","date":"2026-09-15","source":"peer"}
{"person":"kim","id":"bs-01","capability":"business-sense","rating":"practising","date":"2026-08-20","source":"self"}
`
	jr := evidence.Loader{Ladder: ctoLadder()}.NewLinesReader(strings.NewReader(src), "people.jsonl")
	for in, err := range jr.All() {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %d items\n", in.Person, len(in.Evidence))
	}
	// Output:
	// alex: 2 items
	// people.jsonl:3:65: unknown-ref: unknown rating "expert" on scale "proficiency" of capability "influence"
	// kim: 1 items
}

// WriteLines writes people's evidence in the form a LinesReader reads.
func ExampleWriteLines() {
	day := evidence.Date{Year: 2026, Month: 11, Day: 7}
	err := evidence.WriteLines(os.Stdout,
		evidence.Input{Person: "alex", Evidence: []evidence.Item{{ID: "tps-01", Capability: "technical-problem-solving", Rating: "advanced", Date: day, Source: "peer", Tags: []string{"hard-problem"}}}},
		evidence.Input{Person: "sam", Evidence: []evidence.Item{{ID: "com-01", Capability: "communication", Rating: "proficient", Date: day, Source: "manager"}}},
	)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"person":"alex","id":"tps-01","capability":"technical-problem-solving","rating":"advanced","date":"2026-11-07","source":"peer","tags":["hard-problem"]}
	// {"person":"sam","id":"com-01","capability":"communication","rating":"proficient","date":"2026-11-07","source":"manager"}
}
