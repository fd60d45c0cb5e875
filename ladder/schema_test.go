package ladder_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

var update = flag.Bool("update", false, "rewrite golden files and the committed schema")

const module = "github.com/careerladder/careerladder"

// schemaReflector returns the reflector that generates the published
// schemas: yaml field names, descriptions from doc comments, distinct $defs
// names per package, and the yamldoc conventions (keyed lists as mappings,
// text types as strings).
func schemaReflector(t *testing.T) *jsonschema.Reflector {
	t.Helper()
	r := &jsonschema.Reflector{FieldNameTag: "yaml", ExpandedStruct: true}
	// Paths are relative to this package's directory, where tests run.
	if err := r.AddGoComments(module+"/ladder", "."); err != nil {
		t.Fatal(err)
	}
	if err := r.AddGoComments(module+"/ladder", "../rubric"); err != nil {
		t.Fatal(err)
	}
	if err := r.AddGoComments(module+"/ladder", "../evidence"); err != nil {
		t.Fatal(err)
	}
	if len(r.CommentMap) == 0 {
		t.Fatal("no doc comments found for the schema")
	}
	r.Namer = func(t reflect.Type) string {
		pkg := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:]
		if pkg == "ladder" || pkg == "" {
			return t.Name()
		}
		return strings.ToUpper(pkg[:1]) + pkg[1:] + t.Name()
	}
	r.Mapper = func(t reflect.Type) *jsonschema.Schema { return mapType(r, t) }
	return r
}

// mapType gives the schema of types that yamldoc reads differently from
// encoding/json: periods are strings, and keyed lists are mappings from id
// to value.
func mapType(r *jsonschema.Reflector, t reflect.Type) *jsonschema.Schema {
	if t == reflect.TypeFor[evidence.Date]() {
		return &jsonschema.Schema{Type: "string", Pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, Format: "date",
			Description: "A calendar day, written as 2006-01-02."}
	}
	if t == reflect.TypeFor[rubric.Period]() {
		return &jsonschema.Schema{Type: "string", Pattern: `^[1-9][0-9]{0,3}(d|w|mo|y)$`,
			Description: "A calendar period: a count and a unit, d (days), w (weeks), mo (months) or y (years), as in 12mo."}
	}
	if t.Kind() != reflect.Slice || t.Elem().Kind() != reflect.Struct {
		return nil
	}
	et := t.Elem()
	key, value, list := -1, -1, false
	for i := 0; i < et.NumField(); i++ {
		cl, opt, _ := strings.Cut(et.Field(i).Tag.Get("cl"), ",")
		switch cl {
		case "key":
			key, list = i, opt == "list"
		case "value":
			value = i
		}
	}
	if key < 0 {
		return nil
	}
	sub := *r
	sub.Mapper = func(t reflect.Type) *jsonschema.Schema { return mapType(&sub, t) }
	sub.DoNotReference = true
	es := sub.ReflectFromType(et)
	keyName := yamlName(et.Field(key))
	var whole *jsonschema.Schema // the element as a whole, for the list form
	if list {
		whole = sub.ReflectFromType(et)
		whole.Version, whole.ID = "", ""
	}
	var vs *jsonschema.Schema
	if value >= 0 {
		vs, _ = es.Properties.Get(yamlName(et.Field(value)))
	} else {
		es.Properties.Delete(keyName)
		es.Required = slicesDelete(es.Required, keyName)
		es.Version, es.ID = "", ""
		vs = es
	}
	keyed := &jsonschema.Schema{
		Type:                 "object",
		PropertyNames:        &jsonschema.Schema{Pattern: rubric.IDPattern},
		AdditionalProperties: vs,
	}
	if !list {
		return keyed
	}
	// Either form: a mapping from key to value, or a list of whole
	// elements (see yamldoc's cl:"key,list").
	return &jsonschema.Schema{OneOf: []*jsonschema.Schema{keyed, {Type: "array", Items: whole}}}
}

// requireNonEmpty gives every required string property of s, and every
// string value of its keyed mappings, a minimum length of 1.
func requireNonEmpty(s *jsonschema.Schema) {
	if s == nil {
		return
	}
	if ap := s.AdditionalProperties; ap != nil {
		if ap.Type == "string" {
			ap.MinLength = ptr(uint64(1))
		}
		requireNonEmpty(ap)
	}
	for _, o := range s.OneOf {
		requireNonEmpty(o)
	}
	requireNonEmpty(s.Items)
	if s.Properties == nil {
		return
	}
	for _, name := range s.Required {
		if p, ok := s.Properties.Get(name); ok && p.Type == "string" && p.Pattern == "" && len(p.Enum) == 0 {
			p.MinLength = ptr(uint64(1))
		}
	}
	for pair := s.Properties.Oldest(); pair != nil; pair = pair.Next() {
		requireNonEmpty(pair.Value)
	}
}

func ptr[T any](v T) *T { return &v }

// unwrap joins the lines of every description in s into one paragraph,
// as editors show descriptions as flowing text; doc comments wrap at 80.
func unwrap(s *jsonschema.Schema) {
	if s == nil {
		return
	}
	paras := strings.Split(s.Description, "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	s.Description = strings.Join(paras, "\n\n")
	for _, d := range s.Definitions {
		unwrap(d)
	}
	if s.Properties != nil {
		for pair := s.Properties.Oldest(); pair != nil; pair = pair.Next() {
			unwrap(pair.Value)
		}
	}
	unwrap(s.Items)
	unwrap(s.AdditionalProperties)
	for _, o := range s.OneOf {
		unwrap(o)
	}
}

func yamlName(f reflect.StructField) string {
	return strings.Split(f.Tag.Get("yaml"), ",")[0]
}

func slicesDelete(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// generateLadderSchema returns the ladder schema as committed.
func generateLadderSchema(t *testing.T) []byte {
	t.Helper()
	r := schemaReflector(t)
	s := r.Reflect(&ladder.Ladder{})
	s.ID = "https://github.com/careerladder/careerladder/ladder/ladder.schema.json"
	s.Title = "careerladder ladder"
	s.Description = "A career ladder: capabilities rated on scales, tracks of levels that expect ratings, and the rules that decide levels and titles (format careerladder/v1)."
	finish(s)
	// A ladder needs tracks, thresholds or both.
	tracks := jsonschema.NewProperties()
	tracks.Set("tracks", jsonschema.TrueSchema)
	thresholds := jsonschema.NewProperties()
	thresholds.Set("thresholds", jsonschema.TrueSchema)
	rules := jsonschema.NewProperties()
	rules.Set("rules", &jsonschema.Schema{Type: "object", Properties: thresholds, Required: []string{"thresholds"}})
	s.AnyOf = []*jsonschema.Schema{
		{Properties: tracks, Required: []string{"tracks"}},
		{Properties: rules, Required: []string{"rules"}},
	}
	gate := s.Definitions["RubricGate"]
	if gate == nil {
		t.Fatal("no RubricGate definition in the schema")
	}
	for _, kind := range []string{"points", "category_floor", "evidence", "n_of_m"} {
		// Ajv's strict mode wants required properties declared beside them.
		props := jsonschema.NewProperties()
		props.Set(kind, jsonschema.TrueSchema)
		gate.OneOf = append(gate.OneOf, &jsonschema.Schema{Properties: props, Required: []string{kind}})
	}
	return marshal(t, s)
}

// generateEvidenceSchema returns the evidence schema as committed. It is
// generated here, beside the ladder schema, so that one generator serves
// both; package evidence checks that it embeds the committed file.
func generateEvidenceSchema(t *testing.T) []byte {
	t.Helper()
	r := schemaReflector(t)
	s := r.Reflect(&evidence.Input{})
	s.ID = "https://github.com/careerladder/careerladder/evidence/evidence.schema.json"
	s.Title = "careerladder evidence"
	s.Description = "What is known about one person: direct ratings by assessor and dated evidence items, each tied to a capability of a ladder (format careerladder/evidence/v1)."
	finish(s)
	ev := s.Definitions["EvidenceItem"]
	if ev == nil {
		t.Fatal("no EvidenceItem definition in the schema")
	}
	tags, _ := ev.Properties.Get("tags")
	tags.Items.Pattern = rubric.IDPattern
	// The assessor name "evidence" is reserved for derived ratings, in
	// both forms of ratings.
	ratings, _ := s.Properties.Get("ratings")
	if len(ratings.OneOf) != 2 {
		t.Fatal("ratings is not a mapping or a list in the schema")
	}
	reserved := &jsonschema.Schema{Const: evidence.ReservedAssessor}
	ratings.OneOf[0].PropertyNames.Not = reserved
	assessor, _ := ratings.OneOf[1].Items.Properties.Get("assessor")
	assessor.Not = reserved
	return marshal(t, s)
}

// finish applies what every schema needs beyond reflection.
func finish(s *jsonschema.Schema) {
	// The loader reports an empty required string as missing, so the
	// schema asks for at least one character.
	requireNonEmpty(s)
	for _, d := range s.Definitions {
		requireNonEmpty(d)
	}
	unwrap(s)
}

func marshal(t *testing.T, s *jsonschema.Schema) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSchemaUpToDate checks both committed schemas against the Go types;
// go test ./ladder -update rewrites them.
func TestSchemaUpToDate(t *testing.T) {
	for _, tc := range []struct {
		file     string
		generate func(*testing.T) []byte
		embedded []byte
	}{
		{"ladder.schema.json", generateLadderSchema, ladder.JSONSchema()},
		{"../evidence/evidence.schema.json", generateEvidenceSchema, evidence.Schema()},
	} {
		got := tc.generate(t)
		if *update {
			if err := os.WriteFile(tc.file, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale; run go test ./ladder -update", tc.file)
		}
		if !*update && !bytes.Equal(tc.embedded, want) {
			t.Errorf("the embedded copy of %s differs from the file; rebuild", tc.file)
		}
	}
}
