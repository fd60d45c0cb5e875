package spreadsheet_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/spreadsheet"
)

// diagnostics returns "row:col code" for each diagnostic of err, and
// checks that each is an empty range at the start of its line, as the
// package documentation says.
func diagnostics(t *testing.T, sheet string, err error) []string {
	t.Helper()
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("err = %v, want Diagnostics", err)
	}
	diagtest.CheckText(t, ds)
	src := strings.TrimPrefix(sheet, "\uFEFF")
	bom := len(sheet) - len(src)
	lines := strings.SplitAfter(src, "\n")
	var got []string
	for _, d := range ds {
		s := d.Range.Start
		got = append(got, fmt.Sprintf("%d:%d %s", s.Line, s.Col, d.Code))
		if d.Range.End != s || s.Line < 1 || s.Line > len(lines) || s.Byte != bom+len(strings.Join(lines[:s.Line-1], "")) {
			t.Errorf("range %+v of %v", d.Range, d)
		}
	}
	return got
}

// shape is what a test checks of an imported ladder: capability id=name
// [category], level id=name per track, rating id=label.
func shape(l *ladder.Ladder) []string {
	out := []string{"ladder " + l.ID + "=" + l.Name}
	if l.Description != "" {
		out = append(out, "description "+l.Description)
	}
	for _, c := range l.Categories {
		out = append(out, "category "+c.ID+"="+c.Name)
	}
	for _, c := range l.Capabilities {
		s := "capability " + c.ID + "=" + c.Name
		if c.Category != "" {
			s += " [" + c.Category + "]"
		}
		if c.Summary != "" {
			s += " (" + c.Summary + ")"
		}
		out = append(out, s)
	}
	for _, t := range l.Tracks {
		for _, v := range t.Levels {
			s := "level " + t.ID + "/" + v.ID + "=" + v.Name + ":"
			for _, e := range v.Expects {
				s += " " + e.Capability + "=" + e.Rating
			}
			out = append(out, s)
		}
	}
	for _, s := range l.Scales {
		for _, r := range s.Ratings {
			out = append(out, "rating "+r.ID+"="+r.Label)
		}
	}
	return out
}

// plain is the shape of the sheet "Capability,Junior,Senior / Coding,1,2 /
// Testing,1,3" imported from team.csv.
var plain = []string{
	"ladder team=team",
	"capability coding=Coding",
	"capability testing=Testing",
	"level main/junior=Junior: coding=r1 testing=r1",
	"level main/senior=Senior: coding=r2 testing=r3",
	"rating r1=1", "rating r2=2", "rating r3=3",
}

// TestTeamSheets feeds the sheets teams keep: each imports as the
// matrix it is, or is refused at the cell to change.
func TestTeamSheets(t *testing.T) {
	for _, tc := range []struct {
		name, sheet string
		want        []string // the shape of the ladder, when it imports
		diags       []string // "row:col code", when it does not
	}{
		{name: "plain", sheet: "Capability,Junior,Senior\nCoding,1,2\nTesting,1,3\n", want: plain},

		// Separators and encodings.
		{name: "semicolons", sheet: "Capability;Junior;Senior\nCoding;1;2\nTesting;1;3\n", want: plain},
		{name: "semicolons, decimal commas in text", sheet: "Capability;Junior;Senior\n\"Coding, testing\";1;2\nTesting, again;1;3\n",
			want: []string{"ladder team=team", "capability coding-testing=Coding, testing", "capability testing-again=Testing, again",
				"level main/junior=Junior: coding-testing=r1 testing-again=r1", "level main/senior=Senior: coding-testing=r2 testing-again=r3",
				"rating r1=1", "rating r2=2", "rating r3=3"}},
		{name: "tabs", sheet: "Capability\tJunior\tSenior\nCoding\t1\t2\nTesting\t1\t3\n", want: plain},
		// As many rows split by the commas in their names as by tabs: the
		// wider split wins.
		{name: "tabs, a comma in every name", sheet: "Capability, skill\tJunior\tSenior\nCoding, in Go\t1\t2\n",
			want: []string{"ladder team=team", "capability coding-in-go=Coding, in Go",
				"level main/junior=Junior: coding-in-go=r1", "level main/senior=Senior: coding-in-go=r2", "rating r1=1", "rating r2=2"}},
		{name: "BOM and CRLF", sheet: "\uFEFFCapability,Junior,Senior\r\nCoding,1,2\r\nTesting,1,3\r\n", want: plain},
		{name: "UTF-16", sheet: "\xff\xfeC\x00a\x00p\x00", diags: []string{"1:1 syntax"}},
		{name: "Latin-1", sheet: "Capability,Junior\nR\xe9sum\xe9,1\n", diags: []string{"2:2 syntax"}},

		// Spare rows and columns.
		{name: "trailing empty columns", sheet: "Capability,Junior,Senior,,,\nCoding,1,2,,,\nTesting,1,3,,,\n", want: plain},
		{name: "trailing empty rows", sheet: "Capability,Junior,Senior\nCoding,1,2\nTesting,1,3\n,,\n,,\n  ,  ,\n", want: plain},
		{name: "blank rows between", sheet: "Capability,Junior,Senior\n\nCoding,1,2\n,,\n\nTesting,1,3\n", want: plain},
		{name: "empty column between", sheet: ",Capability,,Junior,Senior\n,Coding,,1,2\n,Testing,,1,3\n", want: plain},
		{name: "rows shorter than spare columns", sheet: "Capability,Junior,Senior,,\nCoding,1,2\nTesting,1,3,\n", want: plain},
		{name: "value in a column without a header", sheet: "Capability,Junior,Senior,\nCoding,1,2,\nTesting,1,3,x\n", diags: []string{"1:4 bad-value"}},
		{name: "value right of the header", sheet: "Capability,Junior,Senior\nCoding,1,2\nTesting,1,3,,x\n", diags: []string{"3:5 syntax"}},
		{name: "row too short", sheet: "Capability,Junior,Senior\nCoding,1\nTesting,1,3\n", diags: []string{"2:3 syntax"}},

		// Titles above the header.
		{name: "title row", sheet: "Engineering ladder,,\nCapability,Junior,Senior\nCoding,1,2\nTesting,1,3\n",
			want: append([]string{"ladder team=Engineering ladder"}, plain[1:]...)},
		{name: "title rows", sheet: "Engineering ladder\nUpdated 2026-11-27,,\n,,\nCapability,Junior,Senior\nCoding,1,2\nTesting,1,3\n",
			want: append([]string{"ladder team=Engineering ladder", "description Updated 2026-11-27"}, plain[1:]...)},
		{name: "title in two cells", sheet: "Engineering ladder,,Version 3\nCapability,Junior,Senior\nCoding,1,2\n",
			diags: []string{"1:2 bad-value"}},

		// Columns that are not levels.
		{name: "notes column", sheet: "Capability,Junior,Senior,Notes\nCoding,1,2,ask Sam\nTesting,1,3,\n", diags: []string{"1:4 unknown-field"}},
		{name: "comments column in the exported layout", sheet: "id,name,main/junior,Comments\ncoding,Coding,r1,tbd\n", diags: []string{"1:4 unknown-field"}},
		{name: "summary and category columns", sheet: "Capability,Category,Description,Junior,Senior\nCoding,Technical,Writes code,1,2\nTesting,Technical,,1,3\nMentoring,People skills,,1,2\n",
			want: []string{"ladder team=team", "category technical=Technical", "category people-skills=People skills",
				"capability coding=Coding [technical] (Writes code)", "capability testing=Testing [technical]", "capability mentoring=Mentoring [people-skills]",
				"level main/junior=Junior: coding=r1 testing=r1 mentoring=r1", "level main/senior=Senior: coding=r2 testing=r3 mentoring=r2",
				"rating r1=1", "rating r2=2", "rating r3=3"}},
		{name: "prose where a rating belongs", sheet: "Capability,Junior,Senior\nCoding,Writes small changes with a reviewer's help,2\nTesting,1,\"Tests\nthings\"\n",
			diags: []string{"2:2 bad-value", "3:3 bad-value"}},
		{name: "no level", sheet: "Capability\nCoding\nTesting\n", diags: []string{"1:1 missing-field"}},
		{name: "no level, a summary column", sheet: "Capability,Summary\nCoding,x\n", diags: []string{"1:1 missing-field"}},

		// Category rows.
		{name: "category rows", sheet: "Capability,Junior,Senior\nTechnical,,\nCoding,1,2\n\nTesting,1,3\nPeople,,\nMentoring,n/a,2\n",
			want: []string{"ladder team=team", "category technical=Technical", "category people=People",
				"capability coding=Coding [technical]", "capability testing=Testing [technical]", "capability mentoring=Mentoring [people]",
				"level main/junior=Junior: coding=r1 testing=r1 mentoring=n/a", "level main/senior=Senior: coding=r2 testing=r3 mentoring=r2",
				"rating r1=1", "rating r2=2", "rating r3=3"}},
		{name: "capabilities above the first category row", sheet: "Capability,Junior\nCoding,1\nPeople,\nMentoring,2\n",
			want: []string{"ladder team=team", "category people=People", "capability coding=Coding", "capability mentoring=Mentoring [people]",
				"level main/junior=Junior: coding=r1 mentoring=r2", "rating r1=1", "rating r2=2"}},
		{name: "category row with nothing below", sheet: "Capability,Junior\nTechnical,\nCoding,1\nPeople,\n", diags: []string{"4:1 bad-value"}},
		{name: "two category rows in a row", sheet: "Capability,Junior\nTechnical,\nBackend,\nCoding,1\n", diags: []string{"2:1 bad-value"}},
		{name: "with a category column, a row of a name only", sheet: "Capability,Category,Junior\nCoding,tech,1\nTesting,,\n", diags: []string{"3:1 bad-value"}},
		{name: "with a category column, a capability rated nowhere", sheet: "Capability,Category,Junior\nCoding,tech,1\nTesting,tech,\n",
			want: []string{"ladder team=team", "category tech=tech", "capability coding=Coding [tech]", "capability testing=Testing [tech]",
				"level main/junior=Junior: coding=r1", "rating r1=1"}},
		{name: "exported layout, a row of a name only", sheet: "id,name,category,summary,main/junior\ncoding,Coding,,,r1\n,Technical,,,\n", diags: []string{"3:2 bad-value"}},

		// Values echoed in summaries are quoted: a diagnostic stays one line.
		{name: "hostile notes and duplicate", sheet: "Capability,\"Ju\nnior\x1b\",\"Ju\nnior\x1b\",Notes\n\"C\u202e\",1,2,x\n",
			diags: []string{"1:3 duplicate-id", "1:4 unknown-field"}},

		// All at once: every problem, each at its place.
		{name: "all at once", sheet: "Capability,Junior,Notes,Senior\nCoding,1,,2,x\nTechnical,,,\n",
			diags: []string{"1:3 unknown-field", "2:5 syntax", "3:1 bad-value"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := spreadsheet.Import("team.csv", strings.NewReader(tc.sheet))
			if tc.diags != nil {
				if l != nil {
					t.Errorf("got a ladder")
				}
				if diff := cmp.Diff(tc.diags, diagnostics(t, tc.sheet, err)); diff != "" {
					t.Errorf("(-want +got):\n%s\n%v", diff, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, shape(l)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestExportedRows covers the rows of the exported layout that name the
// ladder, its scale, categories, tracks, levels and ratings.
func TestExportedRows(t *testing.T) {
	const head = "id,name,category,summary,eng/junior,eng/senior\ncoding,Coding,tech,,basic,good\n"
	for _, tc := range []struct {
		name, rows string
		want       []string
		diags      []string
	}{
		{name: "all", rows: "ladder:eng,Engineering,,For engineers.,,\nscale:skill,Skill,,,,\ncategory:tech,Technical,,,,\ntrack:eng,Engineering,,,,\n" +
			"level:eng/junior,Junior Engineer,,,,\nlevel:eng/senior,Senior Engineer,,,,\nrating:basic,Basic,,,,\nrating:good,Good,,,,\nrating:expert,Expert,,,,\n",
			want: []string{"ladder eng=Engineering", "description For engineers.", "category tech=Technical", "capability coding=Coding [tech]",
				"level eng/junior=Junior Engineer: coding=basic", "level eng/senior=Senior Engineer: coding=good",
				"rating basic=Basic", "rating good=Good", "rating expert=Expert"}},
		{name: "none", rows: "",
			want: []string{"ladder s=s", "category tech=tech", "capability coding=Coding [tech]",
				"level eng/junior=junior: coding=basic", "level eng/senior=senior: coding=good", "rating basic=", "rating good="}},
		{name: "unknown kind", rows: "colour:red,Red,,,,\n", diags: []string{"3:1 bad-id"}},
		{name: "bad ids", rows: "rating:Good,Good,,,,\nlevel:eng,Eng,,,,\n", diags: []string{"3:1 bad-id", "4:1 bad-id"}},
		{name: "unknown track and level", rows: "track:ops,Ops,,,,\nlevel:eng/staff,Staff,,,,\n", diags: []string{"3:1 unknown-ref", "4:1 unknown-ref"}},
		{name: "a rating not listed", rows: "rating:good,Good,,,,\n", diags: []string{"2:5 unknown-ref"}},
		{name: "twice", rows: "ladder:a,A,,,,\nladder:b,B,,,,\nrating:basic,,,,,\nrating:good,,,,,\nrating:basic,,,,,\n",
			diags: []string{"4:1 duplicate-id", "7:1 duplicate-id"}},
		{name: "a rating in an entity row", rows: "track:eng,Engineering,,,good,\n", diags: []string{"3:5 bad-value"}},
		{name: "a category in an entity row", rows: "track:eng,Engineering,tech,,,\n", diags: []string{"3:3 bad-value"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sheet := head + tc.rows
			l, err := spreadsheet.Import("s.csv", strings.NewReader(sheet))
			if tc.diags != nil {
				if diff := cmp.Diff(tc.diags, diagnostics(t, sheet, err)); diff != "" {
					t.Errorf("(-want +got):\n%s\n%v", diff, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, shape(l)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// A title row and a ladder: row both name the ladder: they must agree.
	for _, tc := range []struct {
		titles, ladder string
		diags          []string
	}{
		{"Engineering\n", "ladder:eng,Engineering,,,,\n", nil},
		{"Engineering\nFor engineers.\n", "ladder:eng,Engineering,,For engineers.,,\n", nil},
		{"Engineering\n", "ladder:eng,Engineering,,For engineers.,,\n", nil},
		{"Engineering ladder\n", "ladder:eng,Engineering,,,,\n", []string{"1:1 duplicate-key"}},
		{"Engineering\nFor all.\n", "ladder:eng,Engineering,,For engineers.,,\n", []string{"1:1 duplicate-key"}},
	} {
		sheet := tc.titles + head + tc.ladder
		l, err := spreadsheet.Import("s.csv", strings.NewReader(sheet))
		if tc.diags == nil {
			if err != nil || l.ID != "eng" || l.Name != "Engineering" {
				t.Errorf("%q: %v", sheet, err)
			}
			continue
		}
		if diff := cmp.Diff(tc.diags, diagnostics(t, sheet, err)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", sheet, diff)
		}
	}
}

func TestDescriptorsSheet(t *testing.T) {
	l, err := spreadsheet.Import("m.csv", strings.NewReader("id,name,main/junior,main/senior\ncoding,Coding,basic,good\ntesting,Testing,basic,good\n"+
		"rating:basic,Basic,,\nrating:good,Good,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, sheet string
		want        []string // capability rating: summary | signals | examples
		diags       []string
	}{
		{name: "ids", sheet: "capability,rating,summary,signals,examples\ncoding,basic,Small changes.,\"Asks early\nTests first\",A bug fix\n",
			want: []string{"coding basic: Small changes. | Asks early; Tests first | A bug fix"}},
		{name: "labels, merged capability cells, columns in any order, blank lines", sheet: "Rating,Capability,Examples,Summary\nBasic,coding,,S1\nGOOD,,\"\nx\n\n\",S2\nbasic,testing,,\n",
			want: []string{"coding basic: S1 |  | ", "coding good: S2 |  | x", "testing basic:  |  | "}},
		{name: "semicolons and CRLF", sheet: "capability;rating;summary\r\ncoding;basic;S\r\n", want: []string{"coding basic: S |  | "}},
		{name: "unknown capability and rating", sheet: "capability,rating\nnope,basic\ncoding,expert\n", diags: []string{"2:1 unknown-ref", "3:2 unknown-ref"}},
		{name: "twice", sheet: "capability,rating\ncoding,basic\ncoding,Basic\n", diags: []string{"3:2 duplicate-id"}},
		{name: "first row continues nothing", sheet: "capability,rating\n,basic\n", diags: []string{"2:1 bad-value"}},
		{name: "no rating", sheet: "capability,rating\ncoding,\n", diags: []string{"2:2 bad-value"}},
		{name: "unknown column", sheet: "capability,rating,notes\ncoding,basic,x\n", diags: []string{"1:3 unknown-field"}},
		{name: "duplicate column", sheet: "capability,rating,summary,description\ncoding,basic,x,y\n", diags: []string{"1:4 duplicate-key"}},
		{name: "no rating column", sheet: "capability,summary\ncoding,x\n", diags: []string{"1:1 missing-field"}},
		{name: "a title row", sheet: "Descriptors\ncapability,rating\ncoding,basic\n", diags: []string{"1:1 missing-field", "1:1 unknown-field"}},
		{name: "empty", sheet: "", diags: []string{"1:1 empty"}},
		{name: "value right of the header", sheet: "capability,rating\ncoding,basic,x\n", diags: []string{"2:3 syntax"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := spreadsheet.ImportDescriptors(l, "d.csv", strings.NewReader(tc.sheet))
			if tc.diags != nil {
				if got != nil {
					t.Errorf("got a ladder")
				}
				if diff := cmp.Diff(tc.diags, diagnostics(t, tc.sheet, err)); diff != "" {
					t.Errorf("(-want +got):\n%s\n%v", diff, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, c := range got.Capabilities {
				for _, d := range c.Descriptors {
					lines = append(lines, fmt.Sprintf("%s %s: %s | %s | %s", c.ID, d.Rating, d.Summary, strings.Join(d.Signals, "; "), strings.Join(d.Examples, "; ")))
				}
			}
			if diff := cmp.Diff(tc.want, lines); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestExportDescriptorsOmits checks that signals and examples the layout
// cannot hold are listed, and the rest written.
func TestExportDescriptorsOmits(t *testing.T) {
	l, err := ladder.Parse("d.yaml", []byte(`
format: careerladder/v1
id: d
name: D
scales: [{id: s, ratings: [{id: a}]}]
capabilities:
  - id: c
    name: C
    descriptors:
      a:
        summary: "=SUM(A1)"
        signals: ["one", "two\nlines", "- three"]
        examples: [" "]
tracks: [{id: t, name: T, levels: [{id: l, name: L, expects: {c: a}}]}]
`))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	omitted, err := spreadsheet.ExportDescriptors(&b, l)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range omitted {
		got = append(got, o.Path+" "+o.What)
	}
	want := []string{"capabilities[0].descriptors[0].signals[1] signal", "capabilities[0].descriptors[0].examples[0] example"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	const sheet = "capability,rating,summary,signals,examples\nc,a,'=SUM(A1),\"one\n- three\",\n"
	if diff := cmp.Diff(sheet, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	back, err := spreadsheet.ImportDescriptors(l, "d.csv", &b)
	if err != nil {
		t.Fatal(err)
	}
	if d := back.Capabilities[0].Descriptors[0]; d.Summary != "=SUM(A1)" || !cmp.Equal(d.Signals, []string{"one", "- three"}) {
		t.Errorf("read back %+v", d)
	}
}
