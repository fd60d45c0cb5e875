package ladder_test

import (
	"embed"
	"errors"
	"fmt"
	"os"

	"github.com/careerladder/careerladder/ladder"
)

func ExampleParse() {
	src := []byte(`
format: careerladder/v1
id: tiny
name: Tiny ladder
scales:
  - id: proficiency
    ratings: [{id: practising}, {id: proficient}]
capabilities:
  - {id: communication, name: Communication}
tracks:
  - id: engineering
    name: Engineering
    levels:
      - {id: engineer, name: Engineer, expects: {communication: practising}}
      - {id: senior, name: Senior Engineer, expects: {communication: proficient}}
`)
	l, err := ladder.Parse("tiny.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range l.Tracks {
		for _, v := range t.Levels {
			r, _ := v.Expectation("communication")
			fmt.Printf("%s: communication %s\n", v.Name, r)
		}
	}
	// Output:
	// Engineer: communication practising
	// Senior Engineer: communication proficient
}

// Every problem in a file is reported at once, with its position and a
// stable code.
func ExampleParse_diagnostics() {
	src := []byte(`format: careerladder/v1
id: tiny
name: Tiny ladder
scales:
  - id: proficiency
    ratings: [{id: practising}, {id: proficient}]
capabilites:
  - {id: communication, name: Communication}
tracks:
  - id: engineering
    name: Engineering
    levels:
      - {id: engineer, name: Engineer, expects: {comunication: practising}}
      - {id: senior, name: Senior Engineer, grade: 012}
`)
	_, err := ladder.Parse("tiny.yaml", src)
	var ds ladder.Diagnostics
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Println(d)
		}
	}
	// Output:
	// tiny.yaml:1:1: missing-field: missing field "capabilities"
	// tiny.yaml:7:1: unknown-field: unknown field "capabilites" (did you mean "capabilities"?)
	// tiny.yaml:13:50: unknown-ref: unknown capability "comunication"
	// tiny.yaml:14:52: bad-number: integer "012" is not plain decimal
}

//go:embed testdata/mini.yaml
var ladders embed.FS

func ExampleLoad() {
	l, err := ladder.Load(ladders, "testdata/mini.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Name, "has", len(l.Capabilities), "capabilities")

	_, err = ladder.Load(ladders, "testdata/missing.yaml")
	fmt.Println(errors.Is(err, os.ErrNotExist))
	// Output:
	// A small ladder has 2 capabilities
	// true
}

// Warnings do not fail a load; Validate lists them.
func ExampleLadder_Validate() {
	l, err := ladder.Parse("falls.yaml", []byte(`format: careerladder/v1
id: falls
name: Falling expectations
scales: [{id: s, ratings: [{id: low}, {id: high}]}]
capabilities: [{id: design, name: Design}]
tracks:
  - id: t
    name: Track
    levels:
      - {id: one, name: One, expects: {design: high}}
      - {id: two, name: Two, expects: {design: low}}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range l.Validate() {
		fmt.Println(d.Severity(), d.Code, d.Range.Start.Line, d.Path)
	}
	// Output:
	// warning expectation-falls 11 tracks[0].levels[1].expects.design
}

func ExampleJSONSchema() {
	schema := ladder.JSONSchema()
	fmt.Println(len(schema) > 0, string(schema[:1]))
	// Output: true {
}
