package yamldoc

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestJSONNodes checks the count of JSON values made before parsing
// against the nodes the parser makes, on fixed and random JSON.
func TestJSONNodes(t *testing.T) {
	inputs := []string{`{}`, `[]`, `1`, `"a"`, `{"a": [1, 2.5e3, -0, true, false, null, "x\"y"]}`,
		`[{"a": {"b": []}}, [[]], "\u00e9", "a,b]c"]`, ` { "k" : "v" } `}
	r := rand.New(rand.NewPCG(5, 7))
	for range 300 {
		inputs = append(inputs, "["+string(randomJSON(r, 0))+"]") // a document of null alone is empty
	}
	for _, in := range inputs {
		doc, issues := Parse([]byte(in), Limits{})
		if len(issues) > 0 || doc.Root == nil {
			t.Fatalf("%s: %v", in, issues)
		}
		if got, want := jsonNodes([]byte(in)), int64(doc.nodes); got != want {
			t.Errorf("%s: counted %d values, the parser made %d nodes", in, got, want)
		}
	}
}

// TestJSONTooManyNodes checks that a JSON file of more values than the
// limit is refused before it is parsed.
func TestJSONTooManyNodes(t *testing.T) {
	src := []byte("[" + strings.Repeat("0,", 2000) + "0]")
	issues := Load(src, true, Limits{MaxNodes: 1000}, &struct{}{}, nil)
	if len(issues) != 1 || issues[0].Code != CodeTooManyNodes || issues[0].Start.Line != 1 {
		t.Errorf("issues %+v", issues)
	}
}

func randomJSON(r *rand.Rand, depth int) []byte {
	switch k := r.IntN(6); {
	case depth < 4 && k == 0:
		var b strings.Builder
		b.WriteString("{")
		for i := range r.IntN(4) {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`"k` + string(rune('a'+i)) + `": `)
			b.Write(randomJSON(r, depth+1))
		}
		b.WriteString("}")
		return []byte(b.String())
	case depth < 4 && k == 1:
		var b strings.Builder
		b.WriteString("[")
		for i := range r.IntN(4) {
			if i > 0 {
				b.WriteString(",")
			}
			b.Write(randomJSON(r, depth+1))
		}
		b.WriteString("]")
		return []byte(b.String())
	case k == 2:
		return []byte(`"s\\n\"q"`)
	case k == 3:
		return []byte([]string{"true", "false", "null"}[r.IntN(3)])
	}
	return []byte([]string{"0", "-1", "2.5", "1e9", "-0.5E-3"}[r.IntN(5)])
}
