package spreadsheet_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/internal/golden"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/spreadsheet"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// references are the reference ladders of the module.
var references = []string{"cto.yaml", "snowflake.yaml", "engineering-ladders.yaml", "sparse.yaml"}

func load(t *testing.T, name string) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Load(careerladder.Ladders(), name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func export(t *testing.T, l *ladder.Ladder) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := spreadsheet.Export(&b, l); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestExportGolden(t *testing.T) {
	got := export(t, load(t, "cto.yaml"))
	golden.Check(t, filepath.Join("testdata", "cto.csv"), got, *update)
	if again := export(t, load(t, "cto.yaml")); !bytes.Equal(got, again) {
		t.Error("Export is not deterministic")
	}
}

// matrix is what a sheet of the exported layout holds of a ladder.
type matrix struct {
	ID, Name, Description string
	Categories            []ladder.Category
	Capabilities          []matrixCapability
	Tracks                []matrixTrack
	Ratings               []rubric.Rating // of every scale, each id once, points left out
}

type matrixCapability struct{ ID, Name, Category, Summary string }

type matrixTrack struct {
	ID, Name, Description string
	Levels                []matrixLevel
}

type matrixLevel struct {
	ID, Name, Summary string
	Expects           []rubric.Expectation
}

func matrixOf(l *ladder.Ladder) matrix {
	m := matrix{ID: l.ID, Name: l.Name, Description: l.Description, Categories: l.Categories}
	for _, c := range l.Capabilities {
		m.Capabilities = append(m.Capabilities, matrixCapability{c.ID, c.Name, c.Category, c.Summary})
	}
	for _, t := range l.Tracks {
		mt := matrixTrack{ID: t.ID, Name: t.Name, Description: t.Description}
		for _, v := range t.Levels {
			mt.Levels = append(mt.Levels, matrixLevel{v.ID, v.Name, v.Summary, v.Expects})
		}
		m.Tracks = append(m.Tracks, mt)
	}
	seen := map[string]bool{}
	for _, s := range l.Scales {
		for _, r := range s.Ratings {
			if !seen[r.ID] {
				seen[r.ID] = true
				r.Points = 0
				m.Ratings = append(m.Ratings, r)
			}
		}
	}
	return m
}

// TestRoundTrip imports the export of every reference ladder: the matrix
// comes back equal, what it leaves out is listed (a golden file per
// ladder), and exporting again gives the same sheet.
func TestRoundTrip(t *testing.T) {
	for _, name := range references {
		t.Run(name, func(t *testing.T) {
			l := load(t, name)
			var b bytes.Buffer
			omitted, err := spreadsheet.Export(&b, l)
			if err != nil {
				t.Fatal(err)
			}
			e1 := b.Bytes()
			l2, err := spreadsheet.Import(strings.TrimSuffix(name, ".yaml")+".csv", bytes.NewReader(e1))
			if err != nil {
				t.Fatalf("Import(Export(%s)):\n%v", name, err)
			}
			if diff := cmp.Diff(matrixOf(l), matrixOf(l2)); diff != "" {
				t.Errorf("the matrix of Import(Export(l)) differs (-l +imported):\n%s", diff)
			}
			// As a spreadsheet program in many locales saves it again:
			// semicolons, CRLF line ends and a byte order mark.
			resaved := resave(t, e1, ';')
			l5, err := spreadsheet.Import(strings.TrimSuffix(name, ".yaml")+".csv", bytes.NewReader(resaved))
			if err != nil {
				t.Fatalf("Import(resaved Export(%s)):\n%v", name, err)
			}
			if diff := cmp.Diff(matrixOf(l2), matrixOf(l5)); diff != "" {
				t.Errorf("the resaved sheet imports differently (-comma +semicolon):\n%s", diff)
			}
			var lines strings.Builder
			for _, o := range omitted {
				fmt.Fprintf(&lines, "%s %s\n", o.Path, o.What)
			}
			golden.Check(t, filepath.Join("testdata", strings.TrimSuffix(name, ".yaml")+".omitted"), []byte(lines.String()), *update)
			// A sheet has one scale: a ladder with one comes back as it
			// was exported, and every ladder after one round.
			e2 := export(t, l2)
			if len(l.Scales) == 1 {
				if diff := cmp.Diff(string(e1), string(e2)); diff != "" {
					t.Errorf("Export(Import(Export(l))) != Export(l) (-first +second):\n%s", diff)
				}
			}
			l3, err := spreadsheet.Import("again.csv", bytes.NewReader(e2))
			if err != nil {
				t.Fatal(err)
			}
			if e3 := export(t, l3); !bytes.Equal(e2, e3) {
				t.Errorf("a second round changes the sheet:\n%s", cmp.Diff(string(e2), string(e3)))
			}
			// The ordering rule keeps every reference ladder free of
			// warnings, even those with a scale per capability.
			if ws := l2.Validate(); len(ws) > 0 {
				t.Errorf("imported ladder has warnings:\n%v", ws)
			}
			// What Import returns is what loading its YAML gives.
			var y bytes.Buffer
			if err := l2.WriteYAML(&y); err != nil {
				t.Fatal(err)
			}
			l4, err := ladder.Parse("again.yaml", y.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(l4, l2, cmpopts.IgnoreUnexported(ladder.Ladder{})); diff != "" {
				t.Errorf("Import result differs from its YAML loaded (-loaded +imported):\n%s", diff)
			}
		})
	}
}

// resave writes the CSV sheet again with sep between cells, CRLF line
// ends and a byte order mark.
func resave(t *testing.T, sheet []byte, sep rune) []byte {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(sheet)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = sep, true
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDescriptorsRoundTrip writes the descriptors of every reference
// ladder and reads them into the ladder imported from its matrix: the two
// sheets together hold every descriptor.
func TestDescriptorsRoundTrip(t *testing.T) {
	for _, name := range references {
		t.Run(name, func(t *testing.T) {
			l := load(t, name)
			l2, err := spreadsheet.Import("m.csv", bytes.NewReader(export(t, l)))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			omitted, err := spreadsheet.ExportDescriptors(&b, l)
			if err != nil {
				t.Fatal(err)
			}
			if len(omitted) > 0 {
				t.Errorf("omitted: %v", omitted)
			}
			l3, err := spreadsheet.ImportDescriptors(l2, "d.csv", bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatalf("ImportDescriptors:\n%v", err)
			}
			resaved, err := spreadsheet.ImportDescriptors(l2, "d.csv", bytes.NewReader(resave(t, b.Bytes(), '\t')))
			if err != nil {
				t.Fatalf("ImportDescriptors(resaved with tabs):\n%v", err)
			}
			if diff := cmp.Diff(l3.Capabilities, resaved.Capabilities); diff != "" {
				t.Errorf("the resaved descriptors import differently:\n%s", diff)
			}
			for i, c := range l.Capabilities {
				if diff := cmp.Diff(c.Descriptors, l3.Capabilities[i].Descriptors, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("%s (-exported +imported):\n%s", c.ID, diff)
				}
			}
			if diff := cmp.Diff(matrixOf(l2), matrixOf(l3)); diff != "" {
				t.Errorf("ImportDescriptors changed the matrix:\n%s", diff)
			}
			for i := range l2.Capabilities {
				if len(l2.Capabilities[i].Descriptors) > 0 {
					t.Fatalf("ImportDescriptors changed its argument")
				}
			}
			var again bytes.Buffer
			if _, err := spreadsheet.ExportDescriptors(&again, l3); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(b.String(), again.String()); diff != "" {
				t.Errorf("export, import, export changes the descriptors sheet:\n%s", diff)
			}
		})
	}
}

func TestImportLoose(t *testing.T) {
	const sheet = "Capability,Junior,Senior\nCommunication,2,3\nCoding,1,3\n"
	l, err := spreadsheet.Import("team sheet.csv", strings.NewReader(sheet))
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "team-sheet" || l.Name != "team sheet" || l.Format != ladder.FormatV1 {
		t.Errorf("ladder id, name, format = %q, %q, %q", l.ID, l.Name, l.Format)
	}
	var capIDs []string
	for _, c := range l.Capabilities {
		capIDs = append(capIDs, c.ID+"="+c.Name)
	}
	if diff := cmp.Diff([]string{"communication=Communication", "coding=Coding"}, capIDs); diff != "" {
		t.Errorf("capabilities (-want +got):\n%s", diff)
	}
	if len(l.Tracks) != 1 || l.Tracks[0].ID != "main" || l.Tracks[0].Name != "Main" {
		t.Fatalf("tracks = %+v, want one track main", l.Tracks)
	}
	var levels []string
	for _, v := range l.Tracks[0].Levels {
		levels = append(levels, v.ID+"="+v.Name)
	}
	if diff := cmp.Diff([]string{"junior=Junior", "senior=Senior"}, levels); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	s, _ := l.Scale("")
	var ratings []string
	for _, r := range s.Ratings {
		ratings = append(ratings, fmt.Sprintf("%s/%s/%d", r.ID, r.Label, r.Points))
	}
	if diff := cmp.Diff([]string{"r1/1/0", "r2/2/1", "r3/3/2"}, ratings); diff != "" {
		t.Errorf("ratings (-want +got):\n%s", diff)
	}
	if c, ok := s.Compare("r1", "r3"); !ok || c >= 0 {
		t.Errorf("r1 does not rank below r3")
	}
	senior, _ := l.Tracks[0].Level("senior")
	junior, _ := l.Tracks[0].Level("junior")
	for _, tc := range []struct {
		level      *ladder.Level
		capability string
		want       string
	}{{junior, "communication", "r2"}, {junior, "coding", "r1"}, {senior, "communication", "r3"}, {senior, "coding", "r3"}} {
		if got, _ := tc.level.Expectation(tc.capability); got != tc.want {
			t.Errorf("%s expects %s %q, want %q", tc.level.ID, tc.capability, got, tc.want)
		}
	}
	if ws := l.Validate(); len(ws) > 0 {
		t.Errorf("warnings:\n%v", ws)
	}
}

// TestImportLooseWords covers labels that are words, tracks in headers,
// n/a, empty columns, derived and deduplicated ids, a byte-order mark and
// blank rows.
func TestImportLooseWords(t *testing.T) {
	const sheet = "\uFEFF,IC/Junior,ic/senior,Manager,\"Manager!\"\n" +
		"C++,Basic,Good,,\n" +
		",,,,\n" +
		"C#,Good,Expert,n/a,N/A\n" +
		"Hiring,Basic,,Good,\n"
	l, err := spreadsheet.Import("dir/Skills Matrix.csv", strings.NewReader(sheet))
	if err != nil {
		t.Fatal(err)
	}
	b := export(t, l)
	// IC/Junior is not TRACK/LEVEL (not ids), so it is a level of main;
	// ic/senior is.
	const want = "id,name,category,summary,main/ic-junior,main/manager,main/manager-2,ic/senior\n" +
		"c,C++,,,basic,,,good\n" +
		"c-2,C#,,,good,n/a,n/a,expert\n" +
		"hiring,Hiring,,,basic,good,,\n" +
		"ladder:skills-matrix,Skills Matrix,,,,,,\n" +
		"scale:rating,Rating,,,,,,\n" +
		"track:main,Main,,,,,,\n" +
		"track:ic,ic,,,,,,\n" +
		"level:main/ic-junior,IC/Junior,,,,,,\n" +
		"level:main/manager,Manager,,,,,,\n" +
		"level:main/manager-2,Manager!,,,,,,\n" +
		"level:ic/senior,senior,,,,,,\n" +
		"rating:basic,Basic,,,,,,\n" +
		"rating:good,Good,,,,,,\n" +
		"rating:expert,Expert,,,,,,\n"
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	s, _ := l.Scale("")
	if diff := cmp.Diff([]string{"basic", "good", "expert"}, s.IDs()); diff != "" {
		t.Errorf("ratings (-want +got):\n%s", diff)
	}
	if l.ID != "skills-matrix" {
		t.Errorf("id = %q", l.ID)
	}
}

func TestImportOrdersRatingsByLevels(t *testing.T) {
	// "advanced" appears first, but every track puts it above the others.
	const sheet = "Capability,Junior,Mid,Senior\nA,,,advanced\nB,learning,practising,advanced\n"
	l, err := spreadsheet.Import("x.csv", strings.NewReader(sheet))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := l.Scale("")
	if diff := cmp.Diff([]string{"learning", "practising", "advanced"}, s.IDs()); diff != "" {
		t.Errorf("ratings (-want +got):\n%s", diff)
	}
}

func TestImportDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name, sheet string
		want        []string
	}{
		{"bare quote", "Capability,Junior\nCo\"ding,1\n", []string{"s.csv:2:3: syntax"}},
		{"ragged row, too few", "Capability,Junior,Senior\nCoding,1\n", []string{"s.csv:2:3: syntax"}},
		{"ragged row, too many", "Capability,Junior,Senior\nCoding,1,2\nTesting,1,2,3\n", []string{"s.csv:3:4: syntax"}},
		{"empty name", "Capability,Junior\nCoding,1\n,2\n", []string{"s.csv:3:1: bad-value"}},
		{"same name", "Capability,Junior\nCoding,1\nTesting,1\nCoding,2\n", []string{"s.csv:4:1: duplicate-id"}},
		{"empty level header", "Capability,Junior,\nCoding,1,2\n", []string{"s.csv:1:3: bad-value"}},
		{"same level twice", "Capability,Junior,Junior\nCoding,1,2\n", []string{"s.csv:1:3: duplicate-id"}},
		{"no rows", "Capability,Junior\n", []string{"s.csv:1:1: missing-field"}},
		{"empty", "", []string{"s.csv:1:1: empty"}},
		{"invalid UTF-8", "Capability,Junior\nCod\xffing,1\n", []string{"s.csv:2:4: syntax"}},
		{"exported: bad ids", "id,name,e/a\nCoding,Coding,Good\nx,X,n/a\nx,Y,1\n",
			[]string{"s.csv:2:1: bad-id", "s.csv:2:3: bad-id", "s.csv:4:1: duplicate-id"}},
		{"hostile names, quoted in summaries", "id,name,\"t\n::error::x/l\",\"t\n::error::x/l\"\n\"c\x1b[2J\",C,a,b\n",
			[]string{"s.csv:1:4: duplicate-id", "s.csv:4:1: bad-id"}},
		{"all at once", "Capability,Junior\n,1\nCoding,1,2\nCo\"de,3\nCoding,1\nCoding,2\n",
			[]string{"s.csv:2:1: bad-value", "s.csv:3:3: syntax", "s.csv:4:3: syntax", "s.csv:6:1: duplicate-id"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := spreadsheet.Import("s.csv", strings.NewReader(tc.sheet))
			if l != nil {
				t.Errorf("got a ladder")
			}
			var ds ladder.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("err = %v, want Diagnostics", err)
			}
			diagtest.CheckText(t, ds)
			var got []string
			lines := strings.SplitAfter(tc.sheet, "\n")
			for _, d := range ds {
				got = append(got, fmt.Sprintf("%s: %s", d.Range, d.Code))
				// The byte offset is that of the line's start.
				if s := d.Range.Start; d.Range.End != s || s.Byte != len(strings.Join(lines[:s.Line-1], "")) {
					t.Errorf("range %+v", d.Range)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// TestFormulaText checks that free text that spreadsheet programs would
// take for a formula is escaped, and that names and summaries come back as
// they were, spaces and line ends included.
func TestFormulaText(t *testing.T) {
	src := `
format: careerladder/v1
id: f
name: F
scales: [{id: s, ratings: [{id: a}, {id: b}]}]
capabilities:
  - {id: c1, name: "=HYPERLINK(\"http://x\")", summary: "- a list item"}
  - {id: c2, name: "'=quoted", summary: "'plain"}
  - {id: c3, name: " spaced ", summary: "two\nlines\n"}
tracks: [{id: t, name: T, levels: [{id: l1, name: L1, expects: {c1: a, c2: b}}]}]
`
	l, err := ladder.Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e1 := export(t, l)
	const want = "id,name,category,summary,t/l1\n" +
		"c1,\"'=HYPERLINK(\"\"http://x\"\")\",,'- a list item,a\n" +
		"c2,''=quoted,,'plain,b\n" +
		"c3,\" spaced \",,\"two\nlines\n\",\n" +
		"ladder:f,F,,,\n" +
		"scale:s,,,,\n" +
		"track:t,T,,,\n" +
		"level:t/l1,L1,,,\n" +
		"rating:a,,,,\n" +
		"rating:b,,,,\n"
	if diff := cmp.Diff(want, string(e1)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	l2, err := spreadsheet.Import("f.csv", bytes.NewReader(e1))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range l.Capabilities {
		if c2 := l2.Capabilities[i]; c2.Name != c.Name || c2.Summary != c.Summary {
			t.Errorf("capability %s: got %q %q, want %q %q", c.ID, c2.Name, c2.Summary, c.Name, c.Summary)
		}
	}
}

func TestNil(t *testing.T) {
	var b bytes.Buffer
	if _, err := spreadsheet.Export(&b, nil); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("Export(nil ladder) = %v", err)
	}
	if _, err := spreadsheet.Export(nil, load(t, "cto.yaml")); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("Export(nil writer) = %v", err)
	}
	if _, err := spreadsheet.Import("x.csv", nil); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("Import(nil reader) = %v", err)
	}
	if _, err := spreadsheet.ExportDescriptors(&b, nil); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("ExportDescriptors(nil ladder) = %v", err)
	}
	if _, err := spreadsheet.ImportDescriptors(load(t, "cto.yaml"), "x.csv", nil); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("ImportDescriptors(nil reader) = %v", err)
	}
	if _, err := spreadsheet.ImportDescriptors(nil, "x.csv", strings.NewReader("")); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("ImportDescriptors(nil ladder) = %v", err)
	}
}

func TestImportTooLarge(t *testing.T) {
	// One long name repeated in every cell's expectation would make a
	// YAML far larger than the sheet.
	var b strings.Builder
	b.WriteString("Capability")
	for i := range 5000 {
		fmt.Fprintf(&b, ",L%d", i)
	}
	b.WriteString("\n" + strings.Repeat("x", 60000))
	for range 5000 {
		b.WriteString(",1")
	}
	b.WriteString("\n")
	_, err := spreadsheet.Import("big.csv", strings.NewReader(b.String()))
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Code != ladder.CodeTooLarge {
		t.Errorf("err = %v, want too-large", err)
	}
}

func ExampleExport() {
	l, err := ladder.Parse("tiny.yaml", []byte(`
format: careerladder/v1
id: tiny
name: Tiny ladder
scales:
  - id: proficiency
    ratings: [{id: practising}, {id: proficient}]
categories:
  - {id: people, name: People}
capabilities:
  - {id: communication, name: Communication, category: people, summary: "Explains trade-offs, plainly."}
  - {id: hiring, name: Hiring, category: people}
tracks:
  - id: engineering
    name: Engineering
    levels:
      - {id: engineer, name: Engineer, expects: {communication: practising, hiring: n/a}}
      - {id: senior, name: Senior Engineer, expects: {communication: proficient}}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := spreadsheet.Export(os.Stdout, l); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,name,category,summary,engineering/engineer,engineering/senior
	// communication,Communication,people,"Explains trade-offs, plainly.",practising,proficient
	// hiring,Hiring,people,,n/a,
	// ladder:tiny,Tiny ladder,,,,
	// scale:proficiency,,,,,
	// category:people,People,,,,
	// track:engineering,Engineering,,,,
	// level:engineering/engineer,Engineer,,,,
	// level:engineering/senior,Senior Engineer,,,,
	// rating:practising,,,,,
	// rating:proficient,,,,,
}

func FuzzImport(f *testing.F) {
	f.Add("Capability,Junior,Senior\nCommunication,2,3\nCoding,1,3\n")
	f.Add("id,name,category,summary,a/b,a/c\nx,X,p,s,r1,n/a\n")
	f.Add(",IC/Junior,main/junior,Junior\nA,b,,c\n")
	f.Add("id,name,category,summary,\"t\n::error::x/l\",\"t\n::error::x/l\"\n\"c\x1b\",C,,,a,b\n")
	f.Add("Title\nCapability;Junior;Notes\nTechnical;;\nCoding;1;x\n")
	f.Add("id,name,category,summary,t/l\nc,C,k,,r\nladder:x,X,,,\nrating:r,R,,,\nlevel:t/l,L,,,\n")
	f.Fuzz(func(t *testing.T, sheet string) {
		l, err := spreadsheet.Import("f.csv", strings.NewReader(sheet))
		if err != nil {
			var ds ladder.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("not Diagnostics: %v", err)
			}
			diagtest.CheckText(t, ds)
			// Every problem is one of the sheet, at its row and cell.
			for _, d := range ds {
				if !d.Range.IsValid() {
					t.Fatalf("no position: %v", d)
				}
			}
			return
		}
		var e1 bytes.Buffer
		if _, err := spreadsheet.Export(&e1, l); err != nil {
			t.Fatal(err)
		}
		l2, err := spreadsheet.Import("f.csv", bytes.NewReader(e1.Bytes()))
		if err != nil {
			t.Fatalf("re-import of\n%s\nfailed: %v", e1.String(), err)
		}
		var e2 bytes.Buffer
		if _, err := spreadsheet.Export(&e2, l2); err != nil {
			t.Fatal(err)
		}
		if e1.String() != e2.String() {
			t.Fatalf("not stable:\n%s\n%s", e1.String(), e2.String())
		}
	})
}

// TestImportIDs checks the ids Import derives from names in any script.
func TestImportIDs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sheet string
		want  []string // capability ids, then level ids
	}{
		{"accents", "Capability,Débutant,Confirmé\nRésumé writing,1,2\n",
			[]string{"resume-writing", "debutant", "confirme"}},
		{"other scripts", "能力,初级,高级\n中文,1,2\nКоммуникация,1,2\n",
			[]string{"u4e2d-u6587", "kommunikatsiya", "u521d-u7ea7", "u9ad8-u7ea7"}},
		{"collisions", "Capability,Junior\nCoding,1\nCODING!,1\nCoding 2,1\n",
			[]string{"coding", "coding-3", "coding-2", "junior"}},
		{"written ids first", "id,name,main/l\n,Coding,r\ncoding,Other,r\n",
			[]string{"coding-2", "coding", "l"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := spreadsheet.Import("s.csv", strings.NewReader(tc.sheet))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range l.Capabilities {
				got = append(got, c.ID)
			}
			for _, v := range l.Tracks[0].Levels {
				got = append(got, v.ID)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzImportDescriptors(f *testing.F) {
	f.Add("capability,rating,summary,signals,examples\ncommunication,practising,S,\"a\nb\",c\n")
	f.Add("Rating;Capability;Examples\nLearning;communication;x\nPractising;;\"\n\ny\"\n")
	f.Add("capability,rating\nnope,learning\ncommunication,\n,practising\n")
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, sheet string) {
		got, err := spreadsheet.ImportDescriptors(l, "d.csv", strings.NewReader(sheet))
		if err != nil {
			var ds ladder.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("not Diagnostics: %v", err)
			}
			diagtest.CheckText(t, ds)
			for _, d := range ds {
				if !d.Range.IsValid() {
					t.Fatalf("no position: %v", d)
				}
			}
			return
		}
		// What was read is written and read back the same.
		var e1, e2 bytes.Buffer
		if _, err := spreadsheet.ExportDescriptors(&e1, got); err != nil {
			t.Fatal(err)
		}
		again, err := spreadsheet.ImportDescriptors(l, "d.csv", bytes.NewReader(e1.Bytes()))
		if err != nil {
			t.Fatalf("re-import of\n%s\nfailed: %v", e1.String(), err)
		}
		if _, err := spreadsheet.ExportDescriptors(&e2, again); err != nil {
			t.Fatal(err)
		}
		if e1.String() != e2.String() {
			t.Fatalf("not stable:\n%s\n%s", e1.String(), e2.String())
		}
	})
}
