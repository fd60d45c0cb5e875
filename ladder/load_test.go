package ladder_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

func TestLoadErrors(t *testing.T) {
	_, err := ladder.LoadFile(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	var ds ladder.Diagnostics
	if errors.As(err, &ds) {
		t.Errorf("an I/O error is not a Diagnostics")
	}
	if _, err := ladder.LoadFile(t.TempDir()); err == nil || errors.As(err, &ds) {
		t.Errorf("directory: %v, want an I/O error", err)
	}
	if _, err := ladder.Load(nil, "x.yaml"); err == nil {
		t.Errorf("nil fs accepted")
	}
	fsys := fstest.MapFS{"bad.yaml": {Data: []byte("format: careerladder/v1\n")}}
	_, err = ladder.Load(fsys, "bad.yaml")
	if !errors.As(err, &ds) || len(ds) == 0 || ds[0].Range.File != "bad.yaml" {
		t.Errorf("content error: %v", err)
	}
}

// endless is a reader of unlimited size that counts what it hands out.
type endless struct{ n int64 }

func (r *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n += int64(len(p))
	return len(p), nil
}

func TestReadLimitedStopsEarly(t *testing.T) {
	r := &endless{}
	_, err := ladder.ReadLimited("big.yaml", r, 1<<20)
	var ds ladder.Diagnostics
	start := ladder.Pos{Line: 1, Col: 1}
	if !errors.As(err, &ds) || ds[0].Code != ladder.CodeTooLarge || ds[0].Range != (ladder.Range{File: "big.yaml", Start: start, End: start}) {
		t.Fatalf("err = %v, want too-large at big.yaml:1:1", err)
	}
	if r.n > 1<<20+64<<10 {
		t.Errorf("read %d bytes to refuse a 1 MiB limit", r.n)
	}
	r = &endless{}
	if _, err := ladder.ReadLimited("big.yaml", r, 0); err == nil || r.n > ladder.DefaultMaxBytes+64<<10 {
		t.Errorf("default limit: err %v after %d bytes", err, r.n)
	}
	src, err := ladder.ReadLimited("small", strings.NewReader("abc"), -1)
	if err != nil || string(src) != "abc" {
		t.Errorf("no limit: %q, %v", src, err)
	}
}

func TestLoaderLimits(t *testing.T) {
	src, err := os.ReadFile("testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lim  ladder.Limits
		code ladder.Code
	}{
		{ladder.Limits{MaxBytes: 100}, ladder.CodeTooLarge},
		{ladder.Limits{MaxDepth: 3}, ladder.CodeTooDeep},
		{ladder.Limits{MaxNodes: 30}, ladder.CodeTooManyNodes},
	} {
		_, err := ladder.Loader{Limits: tc.lim}.Parse("mini.yaml", src)
		var ds ladder.Diagnostics
		if !errors.As(err, &ds) || ds[0].Code != tc.code {
			t.Errorf("limits %+v: %v, want %s", tc.lim, err, tc.code)
		}
	}
	if _, err := (ladder.Loader{Limits: ladder.Limits{MaxBytes: -1, MaxDepth: -1, MaxNodes: -1, MaxAliases: -1}}).Parse("mini.yaml", src); err != nil {
		t.Errorf("no limits: %v", err)
	}
	fsys := fstest.MapFS{"mini.yaml": {Data: src}}
	if _, err := (ladder.Loader{Limits: ladder.Limits{MaxBytes: 100}}).Load(fsys, "mini.yaml"); err == nil {
		t.Errorf("Load ignored MaxBytes")
	}
}

// TestParseKeepsNoReference checks that a ladder does not change when the
// caller reuses the source buffer, and that validation does not change it.
func TestParseKeepsNoReference(t *testing.T) {
	src, err := os.ReadFile("../testdata/ladders/cto.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l, err := ladder.Parse("cto.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := ladder.Parse("cto.yaml", src)
	for i := range src {
		src[i] = ' '
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ds := l.Validate(); len(ds) != 0 {
				t.Errorf("Validate: %v", ds)
			}
		}()
	}
	wg.Wait()
	if diff := cmp.Diff(before, l, cmpopts.IgnoreUnexported(ladder.Ladder{})); diff != "" {
		t.Errorf("ladder changed:\n%s", diff)
	}
}

func TestValidateBuiltInCode(t *testing.T) {
	l := &ladder.Ladder{
		Format: ladder.FormatV1,
		ID:     "code-built",
		Scales: []rubric.Scale{{ID: "s", Ratings: []rubric.Rating{{ID: "low"}, {ID: "high"}}}},
		Capabilities: []ladder.Capability{
			{ID: "design", Name: "Design"},
			{ID: "design", Name: "Design again"},
		},
		Tracks: []ladder.Track{{ID: "t", Name: "T", Levels: []ladder.Level{
			{ID: "one", Name: "One", Expects: []rubric.Expectation{{Capability: "desgn", Rating: "high"}}},
		}}},
	}
	type got struct {
		Code ladder.Code
		Path string
		Line int
	}
	var gots []got
	for _, d := range l.Validate() {
		gots = append(gots, got{d.Code, d.Path, d.Range.Start.Line})
	}
	want := []got{
		{ladder.CodeDuplicateID, "capabilities[1].id", 0},
		{ladder.CodeMissingField, "name", 0},
		{ladder.CodeUnknownRef, "tracks[0].levels[0].expects.desgn", 0},
	}
	if diff := cmp.Diff(want, gots); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if ds := (*ladder.Ladder)(nil).Validate(); !ds.HasErrors() {
		t.Errorf("nil ladder validated")
	}
}

func TestDiagnostics(t *testing.T) {
	warn := ladder.Diagnostic{Code: ladder.CodeUnused, Range: ladder.Range{File: "a.yaml", Start: ladder.Pos{Line: 3, Col: 5, Byte: 20}}, Summary: "unused"}
	bad := ladder.Diagnostic{Code: ladder.CodeBadID, Range: ladder.Range{File: "a.yaml", Start: ladder.Pos{Line: 1, Col: 2, Byte: 1}}, Summary: "bad",
		Suggestion: "good"}
	if warn.Severity() != ladder.Warning || bad.Severity() != ladder.Error {
		t.Errorf("severities %v, %v", warn.Severity(), bad.Severity())
	}
	ds := ladder.Diagnostics{warn}
	if ds.Err() != nil || ds.HasErrors() {
		t.Errorf("warnings alone are an error")
	}
	if (ladder.Diagnostics{}).Err() != nil {
		t.Errorf("empty Diagnostics is an error")
	}
	ds = append(ds, bad)
	err := ds.Err()
	if err == nil || !ds.HasErrors() {
		t.Fatalf("errors not reported")
	}
	ds.Sort()
	if ds[0].Code != ladder.CodeBadID {
		t.Errorf("Sort: %v", ds)
	}
	var d ladder.Diagnostic
	if !errors.As(err, &d) || d.Code != ladder.CodeBadID {
		t.Errorf("errors.As Diagnostic: %v", d)
	}
	if got, want := err.Error(), "a.yaml:1:2: bad-id: bad (did you mean \"good\"?)\na.yaml:3:5: unused: warning: unused"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if len(ds.Errors()) != 1 || len(ds.Warnings()) != 1 {
		t.Errorf("Errors/Warnings split wrong")
	}
	noPos := ladder.Diagnostic{Code: ladder.CodeUnknownRef, Path: "tracks[0].id", Summary: "x"}
	if got := noPos.Error(); got != "tracks[0].id: unknown-ref: x" {
		t.Errorf("Error() without position = %q", got)
	}
	if ladder.Severity(0).String() == "error" || ladder.Error.String() != "error" || ladder.Warning.String() != "warning" {
		t.Errorf("Severity strings")
	}
	if (ladder.Pos{}).String() != "-" || (ladder.Pos{Line: 2, Col: 3}).String() != "2:3" {
		t.Errorf("Pos strings")
	}
	if (ladder.Range{}).String() != "-" || (ladder.Range{File: "f"}).String() != "f" ||
		(ladder.Range{File: "f", Start: ladder.Pos{Line: 2, Col: 3}}).String() != "f:2:3" {
		t.Errorf("Range strings")
	}
}

func TestJSONLadder(t *testing.T) {
	src := `{"format": "careerladder/v1", "id": "j", "name": "J",
 "scales": [{"id": "s", "ratings": [{"id": "a"}]}],
 "capabilities": [{"id": "c", "name": "C"}],
 "tracks": [{"id": "t", "name": "T", "levels": [{"id": "l", "name": "L", "expects": {"c": "b"}}]}]}`
	_, err := ladder.Parse("j.json", []byte(src))
	var ds ladder.Diagnostics
	if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Code != ladder.CodeUnknownRef || ds[0].Range.Start.Line != 4 || ds[0].Range.Start.Col != 91 {
		t.Errorf("got %v, want unknown-ref at 4:91", err)
	}
}
