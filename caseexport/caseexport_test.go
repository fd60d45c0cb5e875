package caseexport

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/internal/golden"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/cto.case.json")

func TestUUIDv5(t *testing.T) {
	dns := uuid{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	for _, tc := range []struct {
		ns   uuid
		name string
		want string
	}{
		{dns, "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d"},
		// Python: uuid.uuid5(uuid.NAMESPACE_URL, "http://python.org/")
		{nameSpaceURL, "http://python.org/", "4c565f0d-3f5a-5890-b41b-20cf47701c5e"},
	} {
		if got := newV5(tc.ns, tc.name).String(); got != tc.want {
			t.Errorf("UUIDv5(%s, %q) = %s, want %s", tc.ns, tc.name, got, tc.want)
		}
	}
	if got, want := nameSpaceURL.String(), "6ba7b811-9dad-11d1-80b4-00c04fd430c8"; got != want {
		t.Errorf("nameSpaceURL = %s, want %s", got, want)
	}
}

func load(t *testing.T, name string) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Load(careerladder.Ladders(), name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func export(t *testing.T, l *ladder.Ladder, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, l, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	got := export(t, load(t, "cto.yaml"), Options{})
	golden.Check(t, filepath.Join("testdata", "cto.case.json"), got, *update)
}

func TestDeterministic(t *testing.T) {
	for _, name := range references(t) {
		a := export(t, load(t, name), Options{})
		b := export(t, load(t, name), Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports differ", name)
		}
	}
}

func references(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(careerladder.Ladders(), "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 4 {
		t.Fatalf("found %d reference ladders, want 4", len(names))
	}
	return names
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// generic mirrors the parts of a package the checks below read, decoded
// from the output rather than taken from the builder.
type generic struct {
	CFDocument struct {
		Identifier         string `json:"identifier"`
		URI                string `json:"uri"`
		CaseVersion        string `json:"caseVersion"`
		LastChangeDateTime string `json:"lastChangeDateTime"`
		// CFPackageURI belongs to a CFDocument on its own, not in a
		// package, whose schema does not allow it.
		CFPackageURI json.RawMessage `json:"CFPackageURI"`
		Extensions   struct {
			Careerladder struct {
				Levels []struct {
					Identifier string `json:"identifier"`
				} `json:"levels"`
			} `json:"careerladder"`
		} `json:"extensions"`
	} `json:"CFDocument"`
	CFItems []struct {
		Identifier    string `json:"identifier"`
		URI           string `json:"uri"`
		FullStatement string `json:"fullStatement"`
		CFItemType    string `json:"CFItemType"`
	} `json:"CFItems"`
	CFAssociations []struct {
		Identifier         string `json:"identifier"`
		URI                string `json:"uri"`
		AssociationType    string `json:"associationType"`
		OriginNodeURI      link   `json:"originNodeURI"`
		DestinationNodeURI link   `json:"destinationNodeURI"`
		Extensions         *struct {
			Careerladder struct {
				CriterionLevelIdentifier string `json:"criterionLevelIdentifier"`
			} `json:"careerladder"`
		} `json:"extensions"`
	} `json:"CFAssociations"`
	CFRubrics []struct {
		Identifier       string `json:"identifier"`
		CFRubricCriteria []struct {
			Identifier              string  `json:"identifier"`
			Category                *string `json:"category"`
			CFItemURI               link    `json:"CFItemURI"`
			CFRubricCriterionLevels []struct {
				Identifier string `json:"identifier"`
				// Extensions of a criterion level are an array in CASE 1.1.
				Extensions []struct {
					Careerladder struct {
						Rating string `json:"rating"`
					} `json:"careerladder"`
				} `json:"extensions"`
			} `json:"CFRubricCriterionLevels"`
		} `json:"CFRubricCriteria"`
	} `json:"CFRubrics"`
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

type link struct {
	Title      string `json:"title"`
	Identifier string `json:"identifier"`
	URI        string `json:"uri"`
}

// TestReferences exports every reference ladder and checks identifiers
// and references in the output.
func TestReferences(t *testing.T) {
	for _, name := range references(t) {
		t.Run(name, func(t *testing.T) {
			l := load(t, name)
			var p generic
			if err := json.Unmarshal(export(t, l, Options{}), &p); err != nil {
				t.Fatal(err)
			}
			checkPackage(t, l, &p)
		})
	}
}

func checkPackage(t *testing.T, l *ladder.Ladder, p *generic) {
	t.Helper()
	seen := map[string]string{}
	id := func(what, id string) {
		if !uuidRE.MatchString(id) {
			t.Errorf("%s: identifier %q is not a lower-case version 5 UUID", what, id)
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("%s: identifier %s already used by %s", what, id, prev)
		}
		seen[id] = what
	}
	d := p.CFDocument
	id("CFDocument", d.Identifier)
	wantChange := DefaultLastChange
	if l.Updated != "" {
		wantChange = l.Updated + "T00:00:00+00:00" // the ladder's version metadata
	}
	if d.CaseVersion != "1.1" || d.LastChangeDateTime != wantChange {
		t.Errorf("CFDocument: caseVersion %q, lastChangeDateTime %q", d.CaseVersion, d.LastChangeDateTime)
	}
	if d.CFPackageURI != nil {
		t.Errorf("CFDocument has a CFPackageURI: %s", d.CFPackageURI)
	}
	nodes := map[string]string{d.Identifier: d.URI} // identifier -> uri
	types := map[string]int{}
	for _, it := range p.CFItems {
		id("CFItem", it.Identifier)
		nodes[it.Identifier] = it.URI
		types[it.CFItemType]++
		if !strings.HasSuffix(it.URI, "/CFItems/"+it.Identifier) {
			t.Errorf("CFItem %s: uri %s", it.Identifier, it.URI)
		}
	}
	levels := 0
	for _, tr := range l.Tracks {
		levels += len(tr.Levels)
	}
	want := map[string]int{"Category": len(l.Categories), "Competency": len(l.Capabilities), "Track": len(l.Tracks), "Level": levels}
	for k, v := range want {
		if v == 0 {
			delete(want, k)
		}
	}
	if diff := cmp.Diff(want, types); diff != "" {
		t.Errorf("CFItemType counts (-want +got):\n%s", diff)
	}
	// A criterion is grouped by the category its item is the child of.
	itemsByID := map[string]int{}
	for i, it := range p.CFItems {
		itemsByID[it.Identifier] = i
	}
	wantCategory := map[string]string{} // CFItem identifier -> category name
	for _, a := range p.CFAssociations {
		if i, ok := itemsByID[a.DestinationNodeURI.Identifier]; ok && a.AssociationType == "isChildOf" && p.CFItems[i].CFItemType == "Category" {
			wantCategory[a.OriginNodeURI.Identifier] = p.CFItems[i].FullStatement
		}
	}
	var rubricLevels = map[string]bool{}
	for _, r := range p.CFRubrics {
		id("CFRubric", r.Identifier)
		for _, c := range r.CFRubricCriteria {
			id("CFRubricCriterion", c.Identifier)
			want, inCategory := wantCategory[c.CFItemURI.Identifier]
			if got := c.Category; inCategory && (got == nil || *got != want) {
				t.Errorf("criterion %s: category %s, want %q", c.Identifier, jsonOf(got), want)
			} else if !inCategory && got != nil {
				t.Errorf("criterion %s: category %q for an item in no category", c.Identifier, *got)
			}
			if nodes[c.CFItemURI.Identifier] != c.CFItemURI.URI {
				t.Errorf("criterion %s: CFItemURI %+v is no item", c.Identifier, c.CFItemURI)
			}
			for _, lv := range c.CFRubricCriterionLevels {
				id("CFRubricCriterionLevel", lv.Identifier)
				rubricLevels[lv.Identifier] = true
				if len(lv.Extensions) != 1 || lv.Extensions[0].Careerladder.Rating == "" {
					t.Errorf("criterion level %s: extensions %+v, want one naming the rating", lv.Identifier, lv.Extensions)
				}
			}
		}
	}
	children := map[string]int{}
	for _, a := range p.CFAssociations {
		id("CFAssociation", a.Identifier)
		for end, n := range map[string]link{"origin": a.OriginNodeURI, "destination": a.DestinationNodeURI} {
			uri, ok := nodes[n.Identifier]
			if !ok || uri != n.URI || n.Title == "" {
				t.Errorf("association %s: %s %+v is neither an item nor the document", a.Identifier, end, n)
			}
		}
		if a.AssociationType == "isChildOf" {
			children[a.OriginNodeURI.Identifier]++
		}
		if x := a.Extensions; x != nil && x.Careerladder.CriterionLevelIdentifier != "" && !rubricLevels[x.Careerladder.CriterionLevelIdentifier] {
			t.Errorf("association %s: no criterion level %s", a.Identifier, x.Careerladder.CriterionLevelIdentifier)
		}
	}
	// Every item hangs in the tree exactly once.
	for _, it := range p.CFItems {
		if children[it.Identifier] != 1 {
			t.Errorf("CFItem %s (%s) is the child of %d nodes, want 1", it.Identifier, it.CFItemType, children[it.Identifier])
		}
	}
	for _, lr := range d.Extensions.Careerladder.Levels {
		if _, ok := nodes[lr.Identifier]; !ok {
			t.Errorf("extensions: level %s is no item", lr.Identifier)
		}
	}
}

func TestOptions(t *testing.T) {
	l := tiny()
	got := string(export(t, l, Options{
		BaseURI:        "https://example.com/case/",
		Creator:        "Example Ltd",
		AdoptionStatus: "Adopted",
		LastChange:     "2026-11-27T00:00:00Z",
	}))
	for _, s := range []string{
		`"uri": "https://example.com/case/CFDocuments/`,
		`"creator": "Example Ltd"`,
		`"adoptionStatus": "Adopted"`,
		`"lastChangeDateTime": "2026-11-27T00:00:00Z"`,
	} {
		if !strings.Contains(got, s) {
			t.Errorf("output lacks %s", s)
		}
	}
	if strings.Contains(got, DefaultLastChange) || strings.Contains(got, "careerladder.invalid") {
		t.Error("output still holds a default")
	}
}

func TestBaseURI(t *testing.T) {
	for _, base := range []string{
		"https://example.com",
		"http://example.com/case/",
		"https://example.com:8443/case",
		"HTTPS://Example.COM/Case",
		"https://[2001:db8::1]:8080/case",
		"https://example.com/a%20b/case",
	} {
		var p generic
		if err := json.Unmarshal(export(t, tiny(), Options{BaseURI: base}), &p); err != nil {
			t.Fatal(err)
		}
		if want := strings.TrimRight(base, "/") + "/CFDocuments/" + p.CFDocument.Identifier; p.CFDocument.URI != want {
			t.Errorf("BaseURI %q: document uri %s, want %s", base, p.CFDocument.URI, want)
		}
	}
	for _, base := range []string{
		"not a uri",
		"example.com/case",
		"/case",
		"//example.com/case",
		"ftp://example.com/case",
		"file:///tmp/case",
		"mailto:case@example.com",
		"https:example.com/case",
		"https://",
		"https:///case",
		"https://:443/case",
		"https://exa mple.com/case",
		"https://example.com/a b",
		"https://example.com/case\n",
		"https://example.com/café",
		"https://example.com/<case>",
		"https://example.com/%zz",
		"https://example.com/case?x=1",
		"https://example.com/case?",
		"https://example.com/case#top",
		"https://example.com/case#",
	} {
		var buf bytes.Buffer
		err := Write(&buf, tiny(), Options{BaseURI: base})
		var oe *OptionError
		if !errors.As(err, &oe) || oe.Field != "BaseURI" || oe.Value != base {
			t.Errorf("BaseURI %q: error %v, want an OptionError for BaseURI", base, err)
		}
		if buf.Len() != 0 {
			t.Errorf("BaseURI %q: wrote %d bytes", base, buf.Len())
		}
	}
}

func TestLastChange(t *testing.T) {
	for _, when := range []string{
		"2026-11-27T00:00:00Z",
		"2026-11-27T09:30:00.25+01:00",
		"2026-11-27T00:00:00-23:59",
		"2026-11-27T00:00:00.123456789123Z",
	} {
		if !strings.Contains(string(export(t, tiny(), Options{LastChange: when})), `"lastChangeDateTime": "`+when+`"`) {
			t.Errorf("LastChange %q is not written as given", when)
		}
	}
	for _, when := range []string{
		"yesterday",
		"2026-11-27",
		"2026-11-27T00:00:00",
		"2026-11-27 00:00:00Z",
		"2026-02-30T00:00:00Z",
		"2026-11-27T00:00:00,5Z",
		"2026-11-27T00:00:00+24:00",
		"2026-11-27T00:00:00+00:60",
		"2026-11-27T00:00:00+0100",
	} {
		var buf bytes.Buffer
		err := Write(&buf, tiny(), Options{LastChange: when})
		var oe *OptionError
		if !errors.As(err, &oe) || oe.Field != "LastChange" || oe.Value != when || buf.Len() != 0 {
			t.Errorf("LastChange %q: error %v, %d bytes written", when, err, buf.Len())
		}
	}
}

func TestErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(nil, tiny(), Options{}); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil writer: %v", err)
	}
	if err := Write(&buf, nil, Options{}); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("nil ladder: %v", err)
	}
	var oe *OptionError
	if err := Write(&buf, tiny(), Options{LastChange: "yesterday"}); !errors.As(err, &oe) || oe.Field != "LastChange" {
		t.Errorf("bad LastChange: error %v", err)
	}
	// A ladder that does not validate: the error holds the diagnostics.
	hasCode := func(err error, code ladder.Code) bool {
		var ds ladder.Diagnostics
		return errors.As(err, &ds) && slices.ContainsFunc(ds, func(d ladder.Diagnostic) bool { return d.Code == code })
	}
	dup := tiny()
	dup.Capabilities = append(dup.Capabilities, dup.Capabilities[0])
	if err := Write(&buf, dup, Options{}); !hasCode(err, ladder.CodeDuplicateID) {
		t.Errorf("repeated capability: error %v", err)
	}
	bad := tiny()
	bad.Tracks[0].Levels[0].Expects = []rubric.Expectation{{Capability: "nope", Rating: "good"}}
	if err := Write(&buf, bad, Options{}); !hasCode(err, ladder.CodeUnknownRef) {
		t.Errorf("unknown capability: error %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("failed writes wrote %d bytes", buf.Len())
	}
	if err := Write(errWriter{}, tiny(), Options{}); err == nil {
		t.Error("failing writer: no error")
	}
}

type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func tiny() *ladder.Ladder {
	return &ladder.Ladder{
		Format: ladder.FormatV1,
		ID:     "tiny",
		Name:   "Tiny ladder",
		Scales: []rubric.Scale{{ID: "basic", Ratings: []rubric.Rating{
			{ID: "ok", Label: "OK", Points: 1},
			{ID: "good", Label: "Good", Points: 2},
		}}},
		Capabilities: []ladder.Capability{{ID: "craft", Name: "Craft", Summary: "Writes code that works."}},
		Tracks: []ladder.Track{{ID: "ic", Name: "Individual contributor", Levels: []ladder.Level{
			{ID: "junior", Name: "Junior", Expects: []rubric.Expectation{{Capability: "craft", Rating: "ok"}}},
			{ID: "senior", Name: "Senior", Expects: []rubric.Expectation{{Capability: "craft", Rating: "good"}}},
		}}},
	}
}

func Example() {
	var buf bytes.Buffer
	if err := Write(&buf, tiny(), Options{}); err != nil {
		fmt.Println(err)
		return
	}
	var p struct {
		CFDocument struct {
			Identifier string `json:"identifier"`
			URI        string `json:"uri"`
		} `json:"CFDocument"`
		CFItems        []json.RawMessage `json:"CFItems"`
		CFAssociations []json.RawMessage `json:"CFAssociations"`
	}
	if err := json.Unmarshal(buf.Bytes(), &p); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.CFDocument.Identifier)
	fmt.Println(p.CFDocument.URI)
	fmt.Println(len(p.CFItems), "items,", len(p.CFAssociations), "associations")
	// Output:
	// 7bf8db04-0eb2-5675-828d-a35c75361b36
	// https://careerladder.invalid/case/CFDocuments/7bf8db04-0eb2-5675-828d-a35c75361b36
	// 4 items, 7 associations
}
