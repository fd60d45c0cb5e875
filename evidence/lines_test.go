package evidence_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// jsonlScorer compiles the CTO ladder.
func jsonlScorer(t testing.TB) *scoring.Scorer {
	t.Helper()
	return compile(t, "cto.yaml")
}

// readAllJSONLines reads every person from src, returning the inputs and
// the errors in order (nil for a person read without problems).
func readAllJSONLines(t *testing.T, jr *evidence.LinesReader) ([]evidence.Input, []error) {
	t.Helper()
	var ins []evidence.Input
	var errs []error
	for range 100_000 {
		in, err := jr.Next()
		if err == io.EOF {
			return ins, errs
		}
		ins = append(ins, in)
		errs = append(errs, err)
	}
	t.Fatal("Next never returned io.EOF")
	return nil, nil
}

// render gives each diagnostic as "line:col code path", with the
// suggestion when there is one.
func render(ds ladder.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		s := fmt.Sprintf("%d:%d %s %s", d.Range.Start.Line, d.Range.Start.Col, d.Code, d.Path)
		if d.Suggestion != "" {
			s += " ~" + d.Suggestion
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

const okLine = `{"person":"p","id":"e1","capability":"communication","rating":"proficient","date":"2026-01-31","source":"peer"}`

// TestJSONLinesBadLines checks the code and line:col of each kind of
// problem.
func TestJSONLinesBadLines(t *testing.T) {
	s := jsonlScorer(t)
	for _, tc := range []struct {
		name  string
		lines []string
		want  []string
	}{
		// Columns count characters, from 1; a syntax error points at the
		// offending byte.
		{"syntax", []string{`{"person": "p", "id": x}`}, []string{"1:23 syntax"}},
		{"syntax after unicode", []string{`{"summary": "héllo wörld", x}`}, []string{"1:28 syntax"}},
		{"syntax on line 3", []string{okLine, ``, `{"person": "p",, }`}, []string{"3:16 syntax"}},
		{"truncated", []string{`{"person": "p"`}, []string{"1:15 syntax"}},
		{"two values", []string{`{} {}`}, []string{"1:4 syntax"}},
		{"not UTF-8", []string{"{\"summary\": \"\xff\"}"}, []string{"1:14 syntax"}},
		{"not an object", []string{`  [1, 2]`}, []string{"1:3 bad-type"}},
		{"missing fields", []string{` {"person": "p", "id": "e1"}`}, []string{
			"1:2 missing-field capability", "1:2 missing-field date", "1:2 missing-field rating", "1:2 missing-field source"}},
		{"empty required string", []string{strings.Replace(okLine, `"id":"e1"`, `"id":""`, 1)},
			[]string{"1:15 missing-field id"}},
		{"unknown field", []string{strings.Replace(okLine, `"capability"`, `"capabilty"`, 1)}, []string{
			"1:1 missing-field capability", "1:25 unknown-field capabilty ~capability"}},
		{"field names are case-sensitive", []string{strings.Replace(okLine, `"id"`, `"ID"`, 1)}, []string{
			"1:1 missing-field id", "1:15 unknown-field ID ~id"}},
		{"unknown field, no suggestion", []string{strings.Replace(okLine, `}`, `,"colour":"red"}`, 1)},
			[]string{"1:112 unknown-field colour"}},
		{"duplicate key", []string{strings.Replace(okLine, `}`, `,"id":"e2"}`, 1)},
			[]string{"1:112 duplicate-key id"}},
		{"wrong types", []string{`{"person":"p","id":7,"capability":"communication","rating":"proficient","date":"2026-01-31","source":"peer","summary":null,"weight":"1","tags":"x","links":["a",true]}`},
			[]string{"1:20 bad-type id", "1:119 bad-type summary", "1:133 bad-type weight", "1:144 bad-type tags", "1:161 bad-type links[1]"}},
		{"bad date", []string{strings.Replace(okLine, `2026-01-31`, `2026-02-30`, 1)}, []string{"1:83 bad-value date"}},
		{"date not a day", []string{strings.Replace(okLine, `2026-01-31`, `31/01/2026`, 1)}, []string{"1:83 bad-value date"}},
		{"negative weight", []string{strings.Replace(okLine, `}`, `,"weight":-1}`, 1)}, []string{"1:121 bad-value weight"}},
		{"weight out of range", []string{strings.Replace(okLine, `}`, `,"weight":1e400}`, 1)}, []string{"1:121 bad-number weight"}},
		{"source not an id", []string{strings.Replace(okLine, `"peer"`, `"Peer"`, 1)}, []string{"1:105 bad-id source"}},
		{"tag not an id", []string{strings.Replace(okLine, `}`, `,"tags":["hard-problem","Hard Problem"]}`, 1)},
			[]string{"1:135 bad-id tags[1]"}},
		{"unknown capability", []string{strings.Replace(okLine, `"communication"`, `"comunication"`, 1)},
			[]string{"1:38 unknown-ref capability ~communication"}},
		{"unknown rating", []string{strings.Replace(okLine, `"proficient"`, `"profcient"`, 1)},
			[]string{"1:63 unknown-ref rating ~proficient"}},
		{"unknown rating, no suggestion", []string{strings.Replace(okLine, `"proficient"`, `"n/a"`, 1)},
			[]string{"1:63 unknown-ref rating"}},
		{"everything at once", []string{`{"person":"p","id":"e1","capability":"influence","rating":"guru","date":"2026-1-1","source":"a b","extra":1}`},
			[]string{"1:59 unknown-ref rating", "1:73 bad-value date", "1:93 bad-id source", "1:99 unknown-field extra"}},
		{"duplicate evidence id", []string{okLine, strings.Replace(okLine, `"2026-01-31"`, `"2026-02-01"`, 1)},
			[]string{"2:20 duplicate-id id"}},
		{"after a CRLF line with accents", []string{strings.Replace(okLine, `}`, `,"summary":"été"}`, 1) + "\r",
			strings.Replace(okLine, `"proficient"`, `"profcient"`, 1) + "\r"},
			[]string{"2:20 duplicate-id id", "2:63 unknown-ref rating ~proficient"}},
		{"too long", []string{okLine, `{"person":"p","summary":"` + strings.Repeat("x", evidence.MaxLine) + `"}`, okLine},
			[]string{"2:1 too-long", "3:20 duplicate-id id"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Join(tc.lines, "\n") + "\n"
			jr := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(strings.NewReader(src), "in.jsonl")
			in, err := jr.Next()
			var ds ladder.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("got %v, %v; want diagnostics", in, err)
			}
			if diff := cmp.Diff(tc.want, render(ds)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
			}
			for _, d := range ds {
				if d.Range.File != "in.jsonl" || d.Severity() != ladder.Error || d.Summary == "" {
					t.Errorf("diagnostic %+v", d)
				}
			}
			diagtest.CheckText(t, ds)
			if n := diagtest.CheckRanges(t, []byte(src), ds, diagtest.JSONLines); n != len(ds) {
				t.Errorf("%d of %d diagnostics have a position", n, len(ds))
			}
			if in.Format != evidence.Format || in.Evidence != nil {
				t.Errorf("input beside the error: %+v", in)
			}
			if _, err := jr.Next(); err != io.EOF {
				t.Errorf("after the only person: %v", err)
			}
		})
	}
}

// TestJSONLinesMessages checks the wording of a few diagnostics, which
// follows that of evidence files.
func TestJSONLinesMessages(t *testing.T) {
	src := strings.Replace(okLine, `"communication"`, `"comunication"`, 1) + "\n" +
		strings.Replace(okLine, `"peer"`, `"peer","Weight":2`, 1) + "\n"
	_, err := (evidence.Loader{Ladder: jsonlScorer(t).Ladder()}).NewLinesReader(strings.NewReader(src), "in.jsonl").Next()
	want := `in.jsonl:1:38: unknown-ref: unknown capability "comunication" (did you mean "communication"?)
in.jsonl:2:20: duplicate-id: evidence id "e1" is used twice
in.jsonl:2:112: unknown-field: unknown field "Weight" (did you mean "weight"?)`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	var ds ladder.Diagnostics
	if errors.As(err, &ds) && ds[1].Detail != "first used on line 1" {
		t.Errorf("detail %q", ds[1].Detail)
	}
}

// TestJSONLinesWithoutLadder checks that a reader without a ladder checks
// the structure only.
func TestJSONLinesWithoutLadder(t *testing.T) {
	src := `{"person":"p","id":"e1","capability":"juggling","rating":"great","date":"2026-01-31","source":"peer"}` + "\n"
	for _, s := range []*scoring.Scorer{nil, {}} {
		in, err := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(strings.NewReader(src), "in.jsonl").Next()
		if err != nil || len(in.Evidence) != 1 || in.Evidence[0].Capability != "juggling" {
			t.Errorf("got %+v, %v", in, err)
		}
	}
	_, err := (evidence.Loader{}).NewLinesReader(strings.NewReader(`{"person":"p"}`), "in.jsonl").Next()
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) || len(ds) != 5 {
		t.Errorf("missing fields without a ladder: %v", err)
	}
}

// TestJSONLinesEscapes checks that escaped keys and values read as their
// unescaped text.
func TestJSONLinesEscapes(t *testing.T) {
	src := `{"person":"p\u0031","\u0069d":"e\"1","capability":"communication","rating":"proficient","date":"2026-01-31","source":"peer","tags":["hard\u002dproblem"]}` + "\n" +
		`{"person":"p1","id":"e2","capability":"communic\u0061tion","rating":"proficient","date":"2026\u002d01-31","source":"peer","summary":"\u00e9\n\t\\"}` + "\n" +
		`{"person":"p2","id":"e1","i\u0064":"e2","capability":"communication","rating":"proficient","date":"2026-01-31","source":"peer"}` + "\n"
	jr := (evidence.Loader{Ladder: jsonlScorer(t).Ladder()}).NewLinesReader(strings.NewReader(src), "in.jsonl")
	in, err := jr.Next()
	if err != nil {
		t.Fatal(err)
	}
	want := evidence.Input{Format: evidence.Format, Person: "p1", Evidence: []evidence.Item{
		{ID: `e"1`, Capability: "communication", Rating: "proficient", Date: evidence.Date{Year: 2026, Month: 1, Day: 31}, Source: "peer", Tags: []string{"hard-problem"}},
		{ID: "e2", Capability: "communication", Rating: "proficient", Date: evidence.Date{Year: 2026, Month: 1, Day: 31}, Source: "peer", Summary: "é\n\t\\"},
	}}
	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	_, err = jr.Next()
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) || strings.Join(render(ds), "; ") != "3:26 duplicate-key id" {
		t.Errorf("escaped duplicate key: %v", err)
	}
}

// TestJSONLinesDates checks that dates are read exactly as ParseDate reads
// them.
func TestJSONLinesDates(t *testing.T) {
	var dates []string
	for _, y := range []string{"0000", "1900", "2000", "2023", "2024", "9999"} {
		for m := range 14 {
			for d := range 33 {
				dates = append(dates, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	dates = append(dates, "2026-1-31", "2026-01-3", "20260131", "2026-01-31 ", "+026-01-31", "2026-0a-01", "2026/01/31", "", "２０２６-01-31")
	var b strings.Builder
	for i, d := range dates {
		fmt.Fprintf(&b, `{"person":"p%d","id":"e","capability":"influence","rating":"learning","date":%q,"source":"peer"}`+"\n", i, d)
	}
	jr := (evidence.Loader{}).NewLinesReader(strings.NewReader(b.String()), "in.jsonl")
	for _, d := range dates {
		in, err := jr.Next()
		want, wantErr := evidence.ParseDate(d)
		switch {
		case err == io.EOF:
			t.Fatalf("%q: early EOF", d)
		case (err != nil) != (wantErr != nil) || err == nil && in.Evidence[0].Date != want:
			t.Errorf("%q: got %+v, %v; ParseDate gives %v, %v", d, in.Evidence, err, want, wantErr)
		}
	}
}

// TestJSONLinesLongLines checks the limit on the length of a line.
func TestJSONLinesLongLines(t *testing.T) {
	line := func(n int) string {
		l := `{"person":"p","id":"e1","capability":"influence","rating":"learning","date":"2026-01-31","source":"peer","summary":""}`
		return strings.Replace(l, `""`, `"`+strings.Repeat("x", n-len(l))+`"`, 1)
	}
	ld := evidence.Loader{Ladder: jsonlScorer(t).Ladder(), Limits: ladder.Limits{MaxBytes: -1, MaxString: -1}}
	for _, tc := range []struct {
		src  string
		want string
	}{
		{line(evidence.MaxLine) + "\n", ""},
		{line(evidence.MaxLine) + "\r\n", ""},
		{line(evidence.MaxLine), ""},
		{line(evidence.MaxLine+1) + "\n", "1:1 too-long"},
		{line(evidence.MaxLine+1) + "\r\n", "1:1 too-long"},
		{line(evidence.MaxLine + 1), "1:1 too-long"},
		{line(3*evidence.MaxLine) + "\n" + line(200), "1:1 too-long"},
	} {
		_, err := ld.NewLinesReader(strings.NewReader(tc.src), "in.jsonl").Next()
		var ds ladder.Diagnostics
		errors.As(err, &ds)
		if got := strings.Join(render(ds), "; "); got != tc.want || (err != nil) != (tc.want != "") {
			t.Errorf("line of %d bytes: got %v, want %q", len(tc.src), err, tc.want)
		}
	}
}

// TestJSONLinesRoundTrip writes inputs with WriteJSONLines and reads them
// back.
func TestJSONLinesRoundTrip(t *testing.T) {
	day := func(s string) evidence.Date {
		d, err := evidence.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ins := []evidence.Input{
		{Format: evidence.Format, Person: "alex", Evidence: []evidence.Item{
			{ID: "tps-01", Capability: "technical-problem-solving", Rating: "advanced", Date: day("2026-11-07"), Source: "peer",
				Summary: "Found the \"pool\" leak — in <the> driver\twrapper.", Links: []string{"https://example.com/pr/1?a=1&b=2"},
				Tags: []string{"hard-problem", "outage"}},
			{ID: "com-01", Capability: "communication", Rating: "proficient", Date: day("2026-02-28"), Source: "manager", Weight: 0.5},
			{ID: "tps-01b", Capability: "technical-problem-solving", Rating: "leading", Date: day("2024-02-29"), Source: "self"},
		}},
		{Format: evidence.Format, Person: "Zoë Ünicode", Evidence: []evidence.Item{
			{ID: "e1", Capability: "influence", Rating: "learning", Date: day("2026-01-01"), Source: "artifact", Weight: 2.25},
		}},
		{Format: evidence.Format, Person: "p-3", Evidence: []evidence.Item{
			{ID: "e1", Capability: "business-sense", Rating: "practising", Date: day("2025-12-31"), Source: "peer"},
			{ID: "e2", Capability: "business-sense", Rating: "practising", Date: day("2025-12-31"), Source: "peer",
				Links: []string{"a", "b", "c"}},
		}},
	}
	var b bytes.Buffer
	if err := evidence.WriteLines(&b, ins...); err != nil {
		t.Fatal(err)
	}
	// Blank lines, CRLF line endings and no final line ending change
	// nothing.
	variants := map[string]string{
		"plain": b.String(),
		"crlf":  strings.ReplaceAll(b.String(), "\n", "\r\n"),
		"blank": "\n  \n" + strings.ReplaceAll(b.String(), "\n", "\n\t\n"),
		"noeol": strings.TrimSuffix(b.String(), "\n"),
	}
	for name, src := range variants {
		for _, s := range []*scoring.Scorer{jsonlScorer(t), nil} {
			// One byte at a time, to cross every buffer boundary.
			got, errs := readAllJSONLines(t, (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(iotest.OneByteReader(strings.NewReader(src)), "in.jsonl"))
			if diff := cmp.Diff(ins, got); diff != "" {
				t.Errorf("%s: round trip (-want +got):\n%s", name, diff)
			}
			for _, err := range errs {
				if err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		}
	}
	// Direct ratings cannot be written: nothing is, rather than drop them.
	b.Reset()
	rated := evidence.Input{Person: "sam", Ratings: []evidence.Assessment{{Assessor: "manager"}}}
	if err := evidence.WriteLines(&b, ins[0], rated); err == nil || b.Len() != 0 {
		t.Errorf("ratings: %v, %d bytes written", err, b.Len())
	}
	if err := evidence.WriteLines(nil, ins...); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil writer: %v", err)
	}
}

// TestJSONLinesGrouping checks that the lines of a person must be
// consecutive, and that Next goes on after a person with problems.
func TestJSONLinesGrouping(t *testing.T) {
	line := func(person, id string) string {
		return fmt.Sprintf(`{"person":%q,"id":%q,"capability":"influence","rating":"learning","date":"2026-01-31","source":"peer"}`, person, id)
	}
	src := strings.Join([]string{
		line("p1", "a"), line("p1", "b"), // 1-2
		line("p2", "a"),  // 3
		line("p1", "c"),  // 4: p1 again
		line("p1", "d"),  // 5
		line("p3", "a"),  // 6
		line("p3", "a"),  // 7: duplicate evidence id
		`{"person":"p3"`, // 8: cut short after its person: costs p3
		line("p4", "a"),  // 9
		`not json`,       // 10: no person can be read: costs only itself (the o is wrong, in null)
		line("p5", "x"),  // 11
		"",
	}, "\n")
	jr := (evidence.Loader{Ladder: jsonlScorer(t).Ladder()}).NewLinesReader(strings.NewReader(src), "in.jsonl")
	type person struct {
		Person string
		IDs    []string
		Diags  []string
	}
	var got []person
	for {
		in, err := jr.Next()
		if err == io.EOF {
			break
		}
		p := person{Person: in.Person}
		for _, e := range in.Evidence {
			p.IDs = append(p.IDs, e.ID)
		}
		var ds ladder.Diagnostics
		if err != nil && !errors.As(err, &ds) {
			t.Fatal(err)
		}
		p.Diags = render(ds)
		got = append(got, p)
	}
	want := []person{
		{Person: "p1", IDs: []string{"a", "b"}},
		{Person: "p2", IDs: []string{"a"}},
		{Person: "p1", Diags: []string{"4:11 duplicate-id person"}},
		{Person: "p3", Diags: []string{"7:21 duplicate-id id", "8:15 syntax"}},
		{Person: "", Diags: []string{"10:2 syntax"}},
		{Person: "p4", IDs: []string{"a"}},
		{Person: "p5", IDs: []string{"x"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	if _, err := jr.Next(); err != io.EOF {
		t.Errorf("after the end: %v", err)
	}

	jr = (evidence.Loader{Ladder: jsonlScorer(t).Ladder()}).NewLinesReader(strings.NewReader(line("a", "1")+"\n"+line("b", "1")+"\n"+line("a", "2")), "in.jsonl")
	for range 2 {
		if _, err := jr.Next(); err != nil {
			t.Fatal(err)
		}
	}
	_, err := jr.Next()
	want1 := `in.jsonl:3:11: duplicate-id: person "a" appears again after the lines of other people; the lines of a person must be consecutive`
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Error() != want1 || ds[0].Detail != `the lines of "a" began on line 1` {
		t.Errorf("got %v, want %s", err, want1)
	}
}

// TestJSONLinesLimits checks the limits on each person and the cap on
// diagnostics.
func TestJSONLinesLimits(t *testing.T) {
	s := jsonlScorer(t)
	item := func(person string, i int) string {
		return fmt.Sprintf(`{"person":%q,"id":"e%d","capability":"influence","rating":"learning","date":"2026-01-31","source":"peer","summary":"%s"}`,
			person, i, strings.Repeat("s", 10*i))
	}
	var b strings.Builder
	for i := range 5 {
		b.WriteString(item("many", i) + "\n")
	}
	b.WriteString(item("next", 0) + "\n")
	for _, tc := range []struct {
		lim  ladder.Limits
		want string
	}{
		{ladder.Limits{MaxIDs: 3}, "4:1 too-many-ids"},
		{ladder.Limits{MaxBytes: 300}, "3:1 too-large"},
		{ladder.Limits{MaxString: 35}, "5:119 too-long summary"},
	} {
		jr := (evidence.Loader{Ladder: s.Ladder(), Limits: tc.lim}).NewLinesReader(strings.NewReader(b.String()), "in.jsonl")
		_, err := jr.Next()
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1 || render(ds)[0] != tc.want {
			t.Errorf("%+v: got %v, want %s", tc.lim, err, tc.want)
		}
		if in, err := jr.Next(); err != nil || in.Person != "next" || len(in.Evidence) != 1 {
			t.Errorf("%+v: the next person: %+v, %v", tc.lim, in, err)
		}
	}

	// 1500 bad lines: 999 reported, then one that counts the rest.
	b.Reset()
	for range 1500 {
		b.WriteString(`{"person":"p"}` + "\n")
	}
	b.WriteString(item("q", 1) + "\n")
	jr := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(strings.NewReader(b.String()), "in.jsonl")
	_, err := jr.Next()
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) || len(ds) != 1000 {
		t.Fatalf("got %d diagnostics", len(ds))
	}
	if last := ds[999]; last.Code != ladder.CodeTooMany || last.Summary != "6501 more problems not reported" || last.Range.Start.Line != 200 {
		t.Errorf("last: %+v", last)
	}
	if in, err := jr.Next(); err != nil || in.Person != "q" {
		t.Errorf("after the flood: %+v, %v", in, err)
	}
}

// TestJSONLinesFloodInOneLine checks that a line of a megabyte full of
// problems costs about as much as reading it: problems past the limit are
// counted, not built.
func TestJSONLinesFloodInOneLine(t *testing.T) {
	s := jsonlScorer(t)
	for name, line := range map[string]string{
		"bad tags":       `{"person":"p","tags":[` + strings.Repeat(`1,`, 400_000) + `1]}`,
		"unknown fields": `{"person":"p",` + strings.Repeat(`"tgas":1,`, 100_000) + `"x":1}`,
		"duplicate keys": `{"person":"p","id":"é",` + strings.Repeat(`"id":"é",`, 100_000) + `"x":1}`,
		"bad tags, wide": `{"person":"p","tags":[` + strings.Repeat(`"Ü",`, 200_000) + `"x"]}`,
	} {
		start := time.Now()
		src := strings.Repeat(line+"\n", 3)
		_, err := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(strings.NewReader(src), "in.jsonl").Next()
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1000 || ds[999].Code != ladder.CodeTooMany {
			t.Errorf("%s: %d diagnostics", name, len(ds))
		} else {
			t.Logf("%s: %s in %v", name, ds[999].Summary, time.Since(start))
		}
	}
}

// TestJSONLinesMisuse checks nil arguments and read errors.
func TestJSONLinesMisuse(t *testing.T) {
	var s *scoring.Scorer
	if _, err := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(nil, "x").Next(); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil reader: %v", err)
	}
	var zero evidence.LinesReader
	if _, err := zero.Next(); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("zero reader: %v", err)
	}
	var nilReader *evidence.LinesReader
	if _, err := nilReader.Next(); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil reader: %v", err)
	}
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader(okLine+"\n"+strings.Replace(okLine, `"p"`, `"q"`, 1)+"\n"), iotest.ErrReader(boom))
	jr := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(r, "x")
	if in, err := jr.Next(); err != nil || in.Person != "p" {
		t.Errorf("before the error: %+v, %v", in, err)
	}
	for range 2 {
		if _, err := jr.Next(); !errors.Is(err, boom) {
			t.Errorf("read error: %v", err)
		}
	}
	if in, err := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(strings.NewReader("\n \n"), "x").Next(); err != io.EOF {
		t.Errorf("blank stream: %+v, %v", in, err)
	}
}

// jsonlStream generates people × perPerson evidence lines on the fly,
// holding one line at a time.
type jsonlStream struct {
	people, perPerson int
	n                 int // lines generated
	line              []byte
	off               int
}

var jsonlCaps = []string{"communication", "business-sense", "product-planning", "team-management", "technical-problem-solving", "influence"}
var jsonlRatings = []string{"learning", "practising", "proficient", "advanced", "leading"}
var jsonlSources = []string{"self", "peer", "manager", "artifact"}

func (g *jsonlStream) Read(p []byte) (int, error) {
	if g.off == len(g.line) {
		if g.n == g.people*g.perPerson {
			return 0, io.EOF
		}
		person, i := g.n/g.perPerson, g.n%g.perPerson
		// Appends rather than fmt, so that the benchmark measures the
		// reader more than the generator.
		b := append(g.line[:0], `{"person":"person-`...)
		b = appendPadded(b, person, 6)
		b = append(b, `","id":"ev-`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `","capability":"`...)
		b = append(b, jsonlCaps[g.n%len(jsonlCaps)]...)
		b = append(b, `","rating":"`...)
		b = append(b, jsonlRatings[g.n%len(jsonlRatings)]...)
		b = append(b, `","date":"2026-`...)
		b = appendPadded(b, 1+i%12, 2)
		b = append(b, '-')
		b = appendPadded(b, 1+i%28, 2)
		b = append(b, `","source":"`...)
		b = append(b, jsonlSources[g.n%len(jsonlSources)]...)
		b = append(b, `","summary":"Observed item `...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ` of person `...)
		b = strconv.AppendInt(b, int64(person), 10)
		b = append(b, ` while shipping the quarterly release.","links":["https://example.com/reviews/`...)
		b = strconv.AppendInt(b, int64(g.n), 10)
		b = append(b, `"],"weight":1.5,"tags":["hard-problem"]}`+"\n"...)
		g.line = b
		g.off = 0
		g.n++
	}
	n := copy(p, g.line[g.off:])
	g.off += n
	return n, nil
}

// appendPadded appends n in decimal, padded with zeros to width digits.
func appendPadded(b []byte, n, width int) []byte {
	d := strconv.Itoa(n)
	for range width - len(d) {
		b = append(b, '0')
	}
	return append(b, d...)
}

// streamSize returns the bytes of a stream.
func streamSize(people, perPerson int) int64 {
	n, _ := io.Copy(io.Discard, &jsonlStream{people: people, perPerson: perPerson})
	return n
}

// TestJSONLinesConstantMemory reads 200,000 lines for 2,000 people and
// checks that the live heap stays within a few MB: the stream is never
// held, only one person's items.
func TestJSONLinesConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 200,000 lines")
	}
	const people, perPerson = 2000, 100
	s := jsonlScorer(t)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	jr := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(&jsonlStream{people: people, perPerson: perPerson}, "gen.jsonl")
	var peak uint64
	var onePerson int64
	read := 0
	for {
		in, err := jr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Evidence) != perPerson {
			t.Fatalf("%s: %d items", in.Person, len(in.Evidence))
		}
		if read == 0 {
			var b bytes.Buffer
			if err := evidence.WriteLines(&b, in); err != nil {
				t.Fatal(err)
			}
			onePerson = int64(b.Len())
		}
		if read++; read%250 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	after := ms.HeapAlloc
	runtime.KeepAlive(jr)
	if read != people {
		t.Fatalf("read %d people", read)
	}
	total := streamSize(people, perPerson)
	const slack = 4 << 20
	growth := int64(max(peak, after)) - int64(before)
	t.Logf("stream %.1f MB, one person %.1f KB, heap growth %.2f MB at most (peak %d, after %d, before %d)",
		float64(total)/1e6, float64(onePerson)/1e3, float64(growth)/1e6, peak, after, before)
	if growth > slack+4*onePerson {
		t.Errorf("the heap grew by %d bytes reading a stream of %d bytes; want at most %d", growth, total, slack+4*onePerson)
	}
}

// FuzzJSONLines checks that any input gives people or positioned
// diagnostics, never a panic.
func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(okLine + "\n" + strings.Replace(okLine, `"p"`, `"q"`, 1)))
	f.Add([]byte(`{"person":"p","tags":["a",1,{"x":[1,"]"]}],"links":[],"weight":-0.0e+1,"\u0069d":"\"x\""}` + "\n\n{}\n[]\nnull"))
	f.Add([]byte("{\"person\":\"\\ud800\",\"id\":\"\xc3\"}\r\n\r\n\t{ } "))
	s := jsonlScorer(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		jr := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(bytes.NewReader(src), "f.jsonl")
		for range lines + 1 {
			in, err := jr.Next()
			if err == io.EOF {
				return
			}
			if err == nil {
				if len(in.Evidence) == 0 || in.Person == "" {
					t.Fatalf("empty person: %+v", in)
				}
				if lines == 1 {
					// What the reader accepts, encoding/json reads alike.
					var m map[string]any
					if err := json.Unmarshal(src, &m); err != nil {
						t.Fatalf("accepted %q, which encoding/json refuses: %v", src, err)
					}
					e := in.Evidence[0]
					if m["person"] != in.Person || m["id"] != e.ID || m["capability"] != e.Capability || m["source"] != e.Source {
						t.Fatalf("read %+v from %q, encoding/json %v", in, src, m)
					}
				}
				continue
			}
			var ds ladder.Diagnostics
			if !errors.As(err, &ds) || len(ds) == 0 {
				t.Fatalf("error %v", err)
			}
			for _, d := range ds {
				if d.Range.Start.Line < 1 || d.Range.Start.Line > lines || d.Range.Start.Col < 1 || d.Code == "" {
					t.Fatalf("diagnostic %+v", d)
				}
			}
			diagtest.CheckText(t, ds)
			diagtest.CheckRanges(t, src, ds, diagtest.JSONLines)
		}
		t.Fatalf("no io.EOF after %d lines", lines)
	})
}

// BenchmarkJSONLines reads 100,000 generated lines (1,000 people), checked
// against the CTO ladder.
func BenchmarkJSONLines(b *testing.B) {
	const people, perPerson = 1000, 100
	s := jsonlScorer(b)
	b.SetBytes(streamSize(people, perPerson))
	b.ReportAllocs()
	for b.Loop() {
		jr := (evidence.Loader{Ladder: s.Ladder()}).NewLinesReader(&jsonlStream{people: people, perPerson: perPerson}, "gen.jsonl")
		for {
			_, err := jr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestJSONLinesNeighbours checks that a broken line costs only its own
// person, or only itself when its person cannot be read: never the person
// before or after it. A line without a person is reported as soon as it is
// read, before the person whose lines it interrupts.
func TestJSONLinesNeighbours(t *testing.T) {
	line := func(person, id string) string {
		return fmt.Sprintf(`{"person":%q,"id":%q,"capability":"influence","rating":"learning","date":"2026-01-31","source":"peer"}`, person, id)
	}
	long := `{"person":"p9","summary":"` + strings.Repeat("x", evidence.MaxLine) + `"}`
	for _, tc := range []struct {
		name  string
		lines []string
		want  []string // person:ids or person!codes, in order
	}{
		{"a broken first line", []string{`{"id": oops`, line("a", "1"), line("a", "2")}, []string{"!syntax", "a:1,2"}},
		{"a first line without a person", []string{`{"id":"x"}`, line("a", "1")}, []string{"!missing-field,missing-field,missing-field,missing-field,missing-field", "a:1"}},
		{"a cut-off last line of another person", []string{line("a", "1"), `{"person":"b","id":"2","capab`}, []string{"a:1", "b!syntax"}},
		{"a cut-off last line of the same person", []string{line("a", "1"), `{"person":"a","id":"2","capab`}, []string{"a!syntax"}},
		{"a cut-off last line without a person", []string{line("a", "1"), `{"id":"2","capab`}, []string{"!syntax", "a:1"}},
		{"a broken line between people", []string{line("a", "1"), `[1, 2`, line("b", "1")}, []string{"!syntax", "a:1", "b:1"}},
		{"a broken line inside a person", []string{line("a", "1"), `nonsense`, line("a", "2")}, []string{"!syntax", "a:1,2"}},
		{"a line too long, its person kept", []string{line("a", "1"), long, line("b", "1")}, []string{"a:1", "p9!too-long", "b:1"}},
		{"invalid UTF-8 after the person", []string{`{"person":"c","id":"` + "\xff" + `"}`, line("d", "1")}, []string{"c!syntax", "d:1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			jr := (evidence.Loader{Ladder: jsonlScorer(t).Ladder()}).NewLinesReader(strings.NewReader(strings.Join(tc.lines, "\n")), "in.jsonl")
			for in, err := range jr.All() {
				var ds ladder.Diagnostics
				if errors.As(err, &ds) {
					var codes []string
					for _, d := range ds {
						codes = append(codes, string(d.Code))
					}
					got = append(got, in.Person+"!"+strings.Join(codes, ","))
					continue
				} else if err != nil {
					t.Fatal(err)
				}
				var ids []string
				for _, e := range in.Evidence {
					ids = append(ids, e.ID)
				}
				got = append(got, in.Person+":"+strings.Join(ids, ","))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
