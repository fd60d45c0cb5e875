package evidence_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/diagtest"
	"github.com/careerladder/careerladder/ladder"
)

// notItemCases are the cases of testdata/invalid-evidence whose problems
// lie outside the evidence items, which JSON Lines does not have (the
// format, the person, the ladder, direct ratings, the file as a whole).
var notItemCases = map[string]string{
	"bad-format.yaml":                         "the format field",
	"bad-value-assessment-date.yaml":          "direct ratings",
	"bad-value-reserved-assessor.yaml":        "direct ratings",
	"bad-value-reserved-assessor-listed.yaml": "direct ratings",
	"duplicate-id-assessment.yaml":            "direct ratings",
	"empty.yaml":                              "an empty file",
	"syntax.json":                             "the file's syntax",
	"unknown-ref-assessment.yaml":             "direct ratings",
	"unknown-ref-ladder.yaml":                 "the ladder field",
	"unknown-ref-not-applicable.yaml":         "direct ratings",
	"unknown-ref-ratings-key.yaml":            "direct ratings",
}

// TestSameRulesBothWays runs every case of testdata/invalid-evidence
// through the file loader and, converted to JSON Lines (each item a line
// with the person, keys and values in the same order), through the JSON
// Lines reader, and checks that both report the same codes at the same
// places: the same key, value, list element or item of the same item.
func TestSameRulesBothWays(t *testing.T) {
	l := compile(t, "cto.yaml").Ladder()
	ld := evidence.Loader{Ladder: l}
	files, _ := filepath.Glob("../testdata/invalid-evidence/*.yaml")
	jsons, _ := filepath.Glob("../testdata/invalid-evidence/*.json")
	for name := range notItemCases {
		if _, err := os.Stat(filepath.Join("../testdata/invalid-evidence", name)); err != nil {
			t.Errorf("notItemCases lists %s: %v", name, err)
		}
	}
	compared := 0
	for _, file := range append(files, jsons...) {
		name := filepath.Base(file)
		if _, skip := notItemCases[name]; skip {
			continue
		}
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			conv := convert(t, src)
			_, err = ld.Parse(file, src)
			fromFile := conv.places(t, err, conv.file)
			var ds ladder.Diagnostics
			errors.As(err, &ds)
			diagtest.CheckText(t, ds)
			diagtest.CheckRanges(t, src, ds, diagtest.YAML)
			lines, jerrs := readAll(ld, conv.lines.Bytes())
			var fromLines []found
			for _, err := range jerrs {
				fromLines = append(fromLines, conv.places(t, err, conv.json)...)
				var ds ladder.Diagnostics
				errors.As(err, &ds)
				diagtest.CheckText(t, ds)
				diagtest.CheckRanges(t, conv.lines.Bytes(), ds, diagtest.JSONLines)
			}
			if len(fromFile) == 0 {
				t.Fatalf("the file has no problem among its items: list it in notItemCases")
			}
			if !match(fromFile, fromLines) {
				t.Errorf("file: %v\nJSON Lines: %v\nlines:\n%s", fromFile, fromLines, conv.lines.Bytes())
			}
			if len(lines) != 0 {
				t.Errorf("JSON Lines read %d people without problems", len(lines))
			}
		})
		compared++
	}
	if compared < 10 {
		t.Errorf("only %d cases compared", compared)
	}
}

// readAll reads every person of src as JSON Lines.
func readAll(ld evidence.Loader, src []byte) ([]evidence.Input, []error) {
	var ins []evidence.Input
	var errs []error
	for in, err := range ld.NewLinesReader(bytes.NewReader(src), "in.jsonl").All() {
		if err != nil {
			errs = append(errs, err)
		} else {
			ins = append(ins, in)
		}
	}
	return ins, errs
}

// A converted case: its items as JSON Lines, and where each part of an
// item stands in the file and in the lines.
type converted struct {
	lines      bytes.Buffer
	file, json map[[2]int][]string // line and column to the parts there
}

// convert writes the evidence items of src as JSON Lines.
func convert(t *testing.T, src []byte) *converted {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 {
		t.Fatalf("not YAML: %v", err)
	}
	c := &converted{file: map[[2]int][]string{}, json: map[[2]int][]string{}}
	add := func(m map[[2]int][]string, line, col int, place string) {
		m[[2]int{line, col}] = append(m[[2]int{line, col}], place)
	}
	root := doc.Content[0]
	person := "alex"
	var items *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch root.Content[i].Value {
		case "person":
			person = root.Content[i+1].Value
		case "evidence":
			items = root.Content[i+1]
		}
	}
	if items == nil {
		t.Fatal("no evidence items")
	}
	for i, it := range items.Content {
		no := i + 1
		place := fmt.Sprintf("item %d", i)
		add(c.file, it.Line, it.Column, place)
		add(c.json, no, 1, place)
		var b strings.Builder
		b.WriteString(`{"person": `)
		b.WriteString(quote(person))
		for k := 0; k+1 < len(it.Content); k += 2 {
			key, val := it.Content[k], it.Content[k+1]
			b.WriteString(", ")
			add(c.file, key.Line, key.Column, place+" key "+key.Value)
			add(c.json, no, utf8.RuneCountInString(b.String())+1, place+" key "+key.Value)
			b.WriteString(quote(key.Value))
			b.WriteString(": ")
			add(c.file, val.Line, val.Column, place+" value "+key.Value)
			add(c.json, no, utf8.RuneCountInString(b.String())+1, place+" value "+key.Value)
			if val.Kind == yaml.SequenceNode {
				b.WriteString("[")
				for j, el := range val.Content {
					if j > 0 {
						b.WriteString(", ")
					}
					at := fmt.Sprintf("%s value %s[%d]", place, key.Value, j)
					add(c.file, el.Line, el.Column, at)
					add(c.json, no, utf8.RuneCountInString(b.String())+1, at)
					b.WriteString(scalar(t, el))
				}
				b.WriteString("]")
				continue
			}
			b.WriteString(scalar(t, val))
		}
		b.WriteString("}\n")
		c.lines.WriteString(b.String())
	}
	return c
}

// quote writes s as a JSON string.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// scalar writes a YAML scalar as the JSON value closest to it: numbers as
// numbers (infinities out of JSON's range), booleans and null as such,
// the rest as strings.
func scalar(t *testing.T, n *yaml.Node) string {
	t.Helper()
	if n.Kind != yaml.ScalarNode {
		t.Fatalf("line %d: a %v where a scalar is converted", n.Line, n.Kind)
	}
	switch n.Tag {
	case "!!int", "!!float":
		if json.Valid([]byte(n.Value)) {
			return n.Value
		}
		f, err := strconv.ParseFloat(strings.TrimPrefix(n.Value, "."), 64)
		switch {
		case strings.HasSuffix(strings.ToLower(n.Value), "inf") && strings.HasPrefix(n.Value, "-"):
			return "-1e999"
		case strings.HasSuffix(strings.ToLower(n.Value), "inf"):
			return "1e999"
		case err == nil:
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
		t.Fatalf("line %d: number %s has no JSON form", n.Line, n.Value)
	case "!!bool":
		return strings.ToLower(n.Value)
	case "!!null":
		return "null"
	}
	return quote(n.Value)
}

// A found problem is a diagnostic's code and the parts its position may
// stand for (an item's mapping and its first key share a position in a
// file).
type found struct {
	code   ladder.Code
	places []string
}

// places maps the diagnostics of err to the parts they stand at.
func (c *converted) places(t *testing.T, err error, at map[[2]int][]string) []found {
	t.Helper()
	if err == nil {
		return nil
	}
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("not diagnostics: %v", err)
	}
	var out []found
	for _, d := range ds {
		p, ok := at[[2]int{d.Range.Start.Line, d.Range.Start.Col}]
		if !ok {
			t.Errorf("%v: not at a key, value or item", d)
			continue
		}
		out = append(out, found{d.Code, p})
	}
	return out
}

// match reports whether every problem of a has one of b with the same code
// at one of the same places, and the other way round.
func match(a, b []found) bool {
	if len(a) != len(b) {
		return false
	}
	used := make([]bool, len(b))
	for _, x := range a {
		ok := false
		for j, y := range b {
			if used[j] || x.code != y.code || !slices.ContainsFunc(x.places, func(p string) bool { return slices.Contains(y.places, p) }) {
				continue
			}
			used[j], ok = true, true
			break
		}
		if !ok {
			return false
		}
	}
	return true
}
