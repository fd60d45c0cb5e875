package yamldoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder/internal/textsafe"
)

type pair struct {
	Name  string `yaml:"name" cl:"key"`
	Value int    `yaml:"value" cl:"value"`
}

type entry struct {
	ID   string   `yaml:"id" cl:"key"`
	Note string   `yaml:"note,omitempty"`
	Tags []string `yaml:"tags,omitempty"`
}

type level struct {
	ID string `yaml:"id"`
}

type doc struct {
	ID      string   `yaml:"id" jsonschema:"pattern=^[a-z]+$"`
	Count   int      `yaml:"count,omitempty" jsonschema:"minimum=1"`
	Ratio   float64  `yaml:"ratio,omitempty"`
	On      bool     `yaml:"on,omitempty"`
	Max     *int     `yaml:"max,omitempty"`
	Kind    string   `yaml:"kind,omitempty" jsonschema:"enum=a,enum=b"`
	Levels  []level  `yaml:"levels,omitempty" jsonschema:"minItems=1"`
	Pairs   []pair   `yaml:"pairs,omitempty"`
	Entries []entry  `yaml:"entries,omitempty"`
	Names   []string `yaml:"names,omitempty"`
}

type found struct {
	Line, Col int
	Code      string
}

func decodeAll(src string, lim Limits) (*doc, []found) {
	var out []found
	d, issues := Parse([]byte(src), lim)
	var v doc
	issues = append(issues, Decode(d, &v, lim)...)
	if d.Root != nil {
		for _, is := range Check(&v, lim) {
			is.Start, is.End = d.Locate(is.At, is.Key)
			issues = append(issues, is)
		}
	}
	for _, is := range issues {
		out = append(out, found{is.Start.Line, is.Start.Col, is.Code})
	}
	return &v, out
}

func TestDecodeIssues(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		lim  Limits
		want []found
	}{
		{"valid", "id: a\ncount: 2\nratio: 1.5\non: true\nmax: 3\nkind: a\n", Limits{}, nil},
		{"json", `{"id": "a", "count": 2, "names": ["x"]}`, Limits{}, nil},
		{"unknown field", "id: a\ncout: 2\n", Limits{}, []found{{2, 1, CodeUnknownField}}},
		{"duplicate key", "id: a\nid: b\n", Limits{}, []found{{2, 1, CodeDuplicateKey}}},
		{"duplicate key json", `{"id": "a", "id": "b"}`, Limits{}, []found{{1, 13, CodeDuplicateKey}}},
		{"missing field", "count: 2\n", Limits{}, []found{{1, 1, CodeMissingField}, {1, 1, CodeMissingField}}},
		{"missing nested", "id: a\nlevels:\n  - {}\n", Limits{}, []found{{3, 5, CodeMissingField}, {3, 5, CodeMissingField}}},
		{"int for string", "id: 12\n", Limits{}, []found{{1, 5, CodeBadType}, {1, 5, CodeBadID}}},
		{"null", "id: a\ncount: null\n", Limits{}, []found{{2, 8, CodeBadType}}},
		{"null pointer", "id: a\nmax: ~\n", Limits{}, []found{{2, 6, CodeBadType}}},
		{"list for string", "id: [a]\n", Limits{}, []found{{1, 5, CodeBadType}, {1, 1, CodeMissingField}}},
		{"string for int", "id: a\ncount: \"2\"\n", Limits{}, []found{{2, 8, CodeBadType}}},
		{"fraction", "id: a\ncount: 1.5\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"integral float", "id: a\ncount: 2.0\n", Limits{}, nil},
		{"octal", "id: a\ncount: 012\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"hex", "id: a\ncount: 0x1F\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"nan", "id: a\nratio: .nan\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"inf", "id: a\nratio: -.inf\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"huge float", "id: a\nratio: 1e400\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"huge int", "id: a\ncount: 123456789012345678901\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"bool for int", "id: a\ncount: true\n", Limits{}, []found{{2, 8, CodeBadType}}},
		{"yes is not a bool", "id: a\non: yes\n", Limits{}, []found{{2, 5, CodeBadType}}},
		{"minimum", "id: a\ncount: 0\n", Limits{}, nil}, // zero is absent for omitempty ints
		{"below minimum", "id: a\ncount: -1\n", Limits{}, []found{{2, 8, CodeBadValue}}},
		{"pattern", "id: A\n", Limits{}, []found{{1, 5, CodeBadID}}},
		{"enum", "id: a\nkind: c\n", Limits{}, []found{{2, 7, CodeBadValue}}},
		{"empty list", "id: a\nlevels: []\n", Limits{}, []found{{2, 9, CodeBadValue}}},
		{"keyed", "id: a\npairs: {x: 1, y: 2}\nentries: {e: {note: n}}\n", Limits{}, nil},
		{"keyed duplicate", "id: a\npairs: {x: 1, x: 2}\n", Limits{}, []found{{2, 15, CodeDuplicateKey}}},
		{"keyed unknown", "id: a\nentries: {e: {id: x}}\n", Limits{}, []found{{2, 15, CodeUnknownField}}},
		{"keyed bad key", "id: a\npairs: {X: 1, \"\": 2}\n", Limits{}, []found{{2, 9, CodeBadID}, {2, 15, CodeBadID}}},
		{"leading zero float", "id: a\nratio: 08\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"leading zero int", "id: a\ncount: 09\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"twenty digits", "id: a\ncount: 99999999999999999999\n", Limits{}, []found{{2, 8, CodeBadNumber}}},
		{"explicit timestamp", "id: a\nnames: [!!timestamp 2026-01-01]\n", Limits{}, []found{{2, 9, CodeBadTag}}},
		{"plain date is a string", "id: a\nnames: [2026-01-01]\n", Limits{}, nil},
		{"bad bool", "id: a\non: !!bool maybe\n", Limits{}, []found{{2, 5, CodeBadType}}},
		{"keyed list", "id: a\npairs: [1]\n", Limits{}, []found{{2, 8, CodeBadType}}},
		{"non-scalar key", "id: a\n? [x]\n: 1\n", Limits{}, []found{{2, 3, CodeBadType}}},
		{"merge key", "id: a\n<<: {count: 1}\n", Limits{}, []found{{2, 1, CodeMergeKey}}},
		{"custom tag", "id: !!python/object a\n", Limits{}, []found{{1, 5, CodeBadTag}, {1, 1, CodeMissingField}}},
		{"local tag", "id: a\nnames: [!thing a]\n", Limits{}, []found{{2, 9, CodeBadTag}}},
		{"explicit core tag", "id: !!str a\ncount: !!int 3\n", Limits{}, nil},
		{"alias", "id: &x a\nnames: [*x, *x]\n", Limits{}, nil},
		{"nested alias", "id: a\nnames: &l [x]\nlevels: &m [{id: b}]\n", Limits{}, nil},
		{"alias of alias", "id: &x a\nnames: &l [*x]\nentries: {e: {tags: *l}}\n", Limits{}, []found{{3, 21, CodeAlias}}},
		{"alias count", "id: &x a\nnames: [*x, *x, *x]\n", Limits{MaxAliases: 2}, []found{{2, 17, CodeAlias}}},
		{"alias budget", "id: a\nnames: &l [a, b, c, d]\nentries: {e: {tags: *l}, f: {tags: *l}}\n", Limits{MaxNodes: 20}, []found{{3, 21, CodeTooManyNodes}}},
		{"too deep", "id: a\nnames: [[[[x]]]]\n", Limits{MaxDepth: 3}, []found{{2, 10, CodeTooDeep}}},
		{"too many nodes", "id: a\nnames: [a, b, c, d, e, f]\n", Limits{MaxNodes: 8}, []found{{1, 1, CodeTooManyNodes}}},
		{"too large", "id: a\n", Limits{MaxBytes: 3}, []found{{1, 1, CodeTooLarge}}},
		{"empty", "", Limits{}, []found{{1, 1, CodeEmpty}}},
		{"comments only", "# nothing\n", Limits{}, []found{{1, 1, CodeEmpty}}},
		{"null document", "~\n", Limits{}, []found{{1, 1, CodeEmpty}}},
		{"two documents", "id: a\n---\nid: b\n", Limits{}, []found{{3, 1, CodeMultiDoc}}},
		{"syntax", "id: a\n  b: [\n", Limits{}, []found{{2, 1, CodeSyntax}}},
		{"truncated json", `{"id": "a", "names": [`, Limits{}, []found{{1, 1, CodeSyntax}}},
		{"invalid utf-8", "id: a\nnames: [\"\xff\"]\n", Limits{}, []found{{2, 10, CodeSyntax}}},
		{"tab indent", "id: a\nnames:\n\t- x\n", Limits{}, []found{{3, 1, CodeSyntax}}},
		{"root list", "- a\n", Limits{}, []found{{1, 1, CodeBadType}, {1, 1, CodeMissingField}}},
		{"root scalar", "hello\n", Limits{}, []found{{1, 1, CodeBadType}, {1, 1, CodeMissingField}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := decodeAll(tc.src, tc.lim)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("issues (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	v, issues := decodeAll("id: a\ncount: 3\nratio: 2\non: true\nmax: 7\npairs: {y: 2, x: 1}\nentries: {b: {note: n, tags: [t]}, a: {}}\n", Limits{})
	if len(issues) > 0 {
		t.Fatalf("issues: %v", issues)
	}
	seven := 7
	want := &doc{ID: "a", Count: 3, Ratio: 2, On: true, Max: &seven,
		Pairs:   []pair{{"y", 2}, {"x", 1}},
		Entries: []entry{{ID: "b", Note: "n", Tags: []string{"t"}}, {ID: "a"}}}
	if diff := cmp.Diff(want, v); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
	var yb, jb bytes.Buffer
	if err := WriteYAML(&yb, Encode(v)); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&jb, Encode(v)); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{yb.String(), jb.String()} {
		back, issues := decodeAll(out, Limits{})
		if len(issues) > 0 {
			t.Fatalf("issues reading back %s: %v", out, issues)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Errorf("round trip (-want +got):\n%s\n%s", diff, out)
		}
	}
}

func TestUnknownFieldSuggestion(t *testing.T) {
	d, _ := Parse([]byte("id: a\nlevles: []\nzzz: 1\n"), Limits{})
	var v doc
	issues := Decode(d, &v, Limits{})
	if len(issues) != 2 || issues[0].Suggestion != "levels" || issues[1].Suggestion != "" {
		t.Errorf("issues = %+v", issues)
	}
	if issues[0].Path != "levles" {
		t.Errorf("path = %q", issues[0].Path)
	}
}

func TestPath(t *testing.T) {
	var root *Path
	for _, tc := range []struct {
		p    *Path
		want string
	}{
		{root, ""},
		{root.Key("tracks").Index(0).Key("levels").Index(2).Key("expects").Key("communication"), "tracks[0].levels[2].expects.communication"},
		{root.Key("a.b").Key("c d"), `["a.b"]["c d"]`},
		{root.Index(3), "[3]"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

func TestLocate(t *testing.T) {
	src := "id: a\nentries:\n  e:\n    note: n\nlevels:\n  - id: x\n  - id: y\n"
	d, _ := Parse([]byte(src), Limits{})
	var root *Path
	for _, tc := range []struct {
		p         *Path
		key       bool
		line, col int
	}{
		{root.Key("id"), false, 1, 5},
		{root.Key("id"), true, 1, 1},
		{root.Key("entries").Key("e").Key("note"), false, 4, 11},
		{root.Key("entries").Key("e"), true, 3, 3},
		{root.Key("levels").Index(1).Key("id"), false, 7, 9},
		{root.Key("levels").Index(5).Key("id"), false, 6, 3}, // past the end: the list
		{root.Key("nothing"), false, 1, 1},
	} {
		start, _ := d.Locate(tc.p, tc.key)
		if start.Line != tc.line || start.Col != tc.col {
			t.Errorf("Locate(%s, %v) = %d:%d, want %d:%d", tc.p, tc.key, start.Line, start.Col, tc.line, tc.col)
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"capabilities", "categories", "tracks", "titles", "id"}
	for _, tc := range []struct{ in, want string }{
		{"capabilites", "capabilities"},
		{"catgories", "categories"},
		{"trakcs", "tracks"},
		{"title", "titles"},
		{"xyz", ""},
		{"i", "id"},
		{strings.Repeat("a", 100), ""},
	} {
		if got := Suggest(tc.in, names); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"id: a\n", "{\"id\": 1}", "a: &x [*x]", "<<: {}", "- [[[", "id: !!binary x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, issues := Parse(src, Limits{MaxNodes: 1000})
		var v doc
		issues = append(issues, Decode(d, &v, Limits{MaxNodes: 1000})...)
		for _, is := range issues {
			checkRange(t, src, is)
			// Values are quoted where an issue echoes them: no issue
			// holds a raw control character, newline or bad byte.
			for _, f := range []string{is.Summary, is.Detail, is.Path} {
				if !utf8.ValidString(f) || strings.ContainsFunc(f, textsafe.Escaped) {
					t.Fatalf("issue %s holds raw controls: %q", is.Code, f)
				}
			}
		}
		_ = fmt.Sprint(v)
	})
}

func TestCheckJSON(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []found
	}{
		{`{"id": "a"}`, nil},
		{"{\"id\": \"a\"}\n\n", nil},
		{"{\"id\": \"a\",}", []found{{1, 12, CodeSyntax}}},
		{"{\n  # comment\n  \"id\": \"a\"}", []found{{2, 3, CodeSyntax}}},
		{"{\"id\": a}", []found{{1, 8, CodeSyntax}}},
		{"{\"id\": \"a\"", []found{{1, 11, CodeSyntax}}},
		{"{\"id\": \"a\"}\n{}", []found{{2, 1, CodeMultiDoc}}},
		{"  \n", []found{{1, 1, CodeEmpty}}},
		{"{\"é\": x}", []found{{1, 7, CodeSyntax}}},
	} {
		var got []found
		for _, is := range CheckJSON([]byte(tc.src)) {
			checkRange(t, []byte(tc.src), is)
			got = append(got, found{is.Start.Line, is.Start.Col, is.Code})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("CheckJSON(%q) (-want +got):\n%s", tc.src, diff)
		}
	}
	if !IsJSONName("a/b.JSON") || IsJSONName("a.yaml") || IsJSONName("json") {
		t.Errorf("IsJSONName")
	}
}

func TestControlAtTheEnd(t *testing.T) {
	for _, src := range []string{"a: b\x01", "a: b\x7f", "a: \xc2\x80", "a: \xef\xbf\xbe", "\x00"} {
		_, issues := Parse([]byte(src), Limits{})
		if len(issues) != 1 || issues[0].Code != CodeSyntax {
			t.Errorf("%q: %+v", src, issues)
		}
	}
	// NEL is a line break to YAML, not a control character to refuse.
	if _, _, ok := control([]byte("a: \xc2\x85b\n")); !ok {
		t.Errorf("NEL refused")
	}
}

func TestCountLines(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want int
	}{{"", 1}, {"a", 1}, {"a\n", 2}, {"a\nb\n", 3}, {"a\r\nb", 2}, {"a\rb", 2}, {"a\u0085b", 2}, {"a\u2028b\u2029c", 3}, {"é\n", 2}, {"€\n", 2}} {
		if got := countLines([]byte(tc.src)); got != tc.want {
			t.Errorf("countLines(%q) = %d, want %d", tc.src, got, tc.want)
		}
	}
}
