package spreadsheet_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/spreadsheet"
)

// A sheet as a team keeps it: a title row, category rows, semicolons as a
// spreadsheet program in many locales saves them, CRLF line ends and spare
// columns.
func ExampleImport() {
	sheet := "Engineering ladder;;;;\r\n" +
		"Capability;Junior;Senior;;\r\n" +
		"Technical;;;;\r\n" +
		"Coding;1;3;;\r\n" +
		"Résumé review;1;2;;\r\n" +
		";;;;\r\n" +
		"People;;;;\r\n" +
		"Mentoring;n/a;2;;\r\n"
	l, err := spreadsheet.Import("team.csv", strings.NewReader(sheet))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s (%s)\n", l.Name, l.ID)
	for _, c := range l.Capabilities {
		fmt.Printf("  %s: %s, in %s\n", c.ID, c.Name, c.Category)
	}
	for _, v := range l.Tracks[0].Levels {
		fmt.Printf("  level %s:", v.Name)
		for _, e := range v.Expects {
			fmt.Printf(" %s=%s", e.Capability, e.Rating)
		}
		fmt.Println()
	}
	s, _ := l.Scale("")
	fmt.Println("  ratings:", strings.Join(s.IDs(), " "))
	// Output:
	// Engineering ladder (team)
	//   coding: Coding, in technical
	//   resume-review: Résumé review, in technical
	//   mentoring: Mentoring, in people
	//   level Junior: coding=r1 resume-review=r1 mentoring=n/a
	//   level Senior: coding=r3 resume-review=r2 mentoring=r2
	//   ratings: r1 r2 r3
}

// A sheet that would import wrongly is refused at the cells to change: a
// notes column is no level, and a category row needs capabilities below
// it.
func ExampleImport_diagnostics() {
	sheet := "Capability,Junior,Senior,Notes\n" +
		"Coding,1,3,ask Sam\n" +
		"People,,,\n"
	_, err := spreadsheet.Import("team.csv", strings.NewReader(sheet))
	var ds ladder.Diagnostics
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Println(d.Range, d.Code)
		}
	}
	// Output:
	// team.csv:1:4 unknown-field
	// team.csv:3:1 bad-value
}
