package chart_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/chart"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/internal/golden"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/cto.svg")

var asOf = evidence.Date{Year: 2026, Month: 11, Day: 27}

// examples pairs each reference ladder with its example person.
var examples = []struct{ ladder, evidence string }{
	{"cto.yaml", "senior-engineer.yaml"},
	{"snowflake.yaml", "snowflake.yaml"},
	{"engineering-ladders.yaml", "engineering-ladders.yaml"},
	{"sparse.yaml", "sparse.yaml"},
}

// assess loads a reference ladder and assesses its example person.
func assess(t *testing.T, ladderName, evidenceName string) (*ladder.Ladder, scoring.Result) {
	t.Helper()
	l, err := ladder.Load(careerladder.Ladders(), ladderName)
	if err != nil {
		t.Fatal(err)
	}
	s, err := scoring.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	in, err := (evidence.Loader{Ladder: s.Ladder()}).Load(careerladder.Evidence(), evidenceName)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Assess(in, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return l, res
}

func radar(t *testing.T, l *ladder.Ladder, res scoring.Result, track string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := chart.Radar(&b, l, res, track); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// elements parses svg to EOF, failing the test if it is not well-formed,
// and returns its start elements with their attributes and the text.
func elements(t *testing.T, svg []byte) (els []xml.StartElement, text string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var sb strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			els = append(els, tok.Copy())
		case xml.CharData:
			sb.Write(tok)
		}
	}
	if len(els) == 0 || els[0].Name.Local != "svg" {
		t.Fatalf("root is not <svg>:\n%s", svg)
	}
	return els, sb.String()
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// count counts the elements named name whose class is class ("" for any).
func count(els []xml.StartElement, name, class string) int {
	n := 0
	for _, e := range els {
		if e.Name.Local == name && (class == "" || attr(e, "class") == class) {
			n++
		}
	}
	return n
}

func TestReferenceLadders(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.ladder, func(t *testing.T) {
			l, res := assess(t, ex.ladder, ex.evidence)
			for _, tr := range l.Tracks {
				svg := radar(t, l, res, tr.ID)
				els, text := elements(t, svg)
				if got, want := count(els, "line", "axis"), len(l.Capabilities); got != want {
					t.Errorf("track %s: %d axes, want %d", tr.ID, got, want)
				}
				if got := count(els, "text", "capability"); got != len(l.Capabilities) {
					t.Errorf("track %s: %d capability labels, want %d", tr.ID, got, len(l.Capabilities))
				}
				var want []string
				want = append(want, "series person")
				var r *scoring.TrackResult
				for i := range res.Tracks {
					if res.Tracks[i].ID == tr.ID {
						r = &res.Tracks[i]
					}
				}
				if r.Level != nil {
					want = append(want, "series current")
				}
				if r.Next != nil {
					want = append(want, "series next")
				}
				var got []string
				for _, e := range els {
					if c := attr(e, "class"); strings.HasPrefix(c, "series ") {
						got = append([]string{c}, got...) // drawn in reverse
					}
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("track %s: polygons (-want +got):\n%s", tr.ID, diff)
				}
				if n := count(els, "polygon", ""); n != len(want) {
					t.Errorf("track %s: %d polygons, want %d", tr.ID, n, len(want))
				}
				for _, name := range []string{l.Name, tr.Name} {
					if !strings.Contains(text, name) {
						t.Errorf("track %s: the chart does not name %q", tr.ID, name)
					}
				}
			}
			// The empty track is the first.
			if !bytes.Equal(radar(t, l, res, ""), radar(t, l, res, l.Tracks[0].ID)) {
				t.Error(`track "" is not the first track`)
			}
		})
	}
}

// TestCTOLegend checks the legend of the flagship example.
func TestCTOLegend(t *testing.T) {
	l, res := assess(t, "cto.yaml", "senior-engineer.yaml")
	_, text := elements(t, radar(t, l, res, "engineering"))
	for _, s := range []string{"Alex (worst case)", "Senior Engineer", "Tech Lead", "Alex · Engineering", "Engineer to CTO of a small company"} {
		if !strings.Contains(text, s) {
			t.Errorf("the chart does not say %q", s)
		}
	}
}

func TestGolden(t *testing.T) {
	l, res := assess(t, "cto.yaml", "senior-engineer.yaml")
	got := radar(t, l, res, "")
	golden.Check(t, filepath.Join("testdata", "cto.svg"), got, *update)
}

func TestDeterministic(t *testing.T) {
	for _, ex := range examples {
		l, res := assess(t, ex.ladder, ex.evidence)
		first := radar(t, l, res, "")
		for range 5 {
			l2, res2 := assess(t, ex.ladder, ex.evidence)
			if !bytes.Equal(first, radar(t, l2, res2, "")) {
				t.Fatalf("%s: output differs between runs", ex.ladder)
			}
		}
	}
}

// hostile is a ladder built in code whose every name is hostile.
func hostile() *ladder.Ladder {
	const bad = `<script>alert("x")</script> & 'q' ]]> <!-- `
	return &ladder.Ladder{
		Format: ladder.FormatV1, ID: "h", Name: bad + "ladder",
		Scales: []rubric.Scale{{ID: "s", Ratings: []rubric.Rating{
			{ID: "low", Label: bad + "low"}, {ID: "mid", Label: "<b>"}, {ID: "high", Label: "&amp;"}}}},
		Capabilities: []ladder.Capability{
			{ID: "a", Name: bad + "a"},
			{ID: "b", Name: strings.Repeat("<script>&\"'", 40)},
			{ID: "c", Name: "bad utf-8 \xff\xfe and \x01 control"},
		},
		Tracks: []ladder.Track{{ID: "t", Name: bad + "track", Levels: []ladder.Level{
			{ID: "one", Name: bad + "one", Expects: []rubric.Expectation{{Capability: "a", Rating: "mid"}, {Capability: "b", Rating: rubric.NotApplicable}}},
			{ID: "two", Name: bad + "two", Expects: []rubric.Expectation{{Capability: "a", Rating: "high"}, {Capability: "c", Rating: "high"}}},
		}}},
	}
}

func TestHostileNames(t *testing.T) {
	l := hostile()
	res := scoring.Result{
		Ladder: "h", Person: `<script>"&'`,
		Capabilities: []scoring.CapabilityResult{{ID: "a", Rating: "low"}, {ID: "b", Rating: "high"}, {ID: "c", Rating: "nonsense"}},
		Tracks:       []scoring.TrackResult{{ID: "t", Level: &scoring.Named{ID: "one"}, Next: &scoring.Named{ID: "two"}}},
	}
	svg := radar(t, l, res, "t")
	els, text := elements(t, svg)
	if bytes.Contains(bytes.ToLower(svg), []byte("<script")) {
		t.Errorf("raw <script in the output:\n%s", svg)
	}
	if !strings.Contains(text, "<script>") {
		t.Errorf("the escaped names are lost:\n%s", svg)
	}
	if got := count(els, "line", "axis"); got != 3 {
		t.Errorf("%d axes, want 3", got)
	}
	if got := count(els, "polygon", ""); got != 3 {
		t.Errorf("%d polygons, want 3", got)
	}
}

func TestMissingLevels(t *testing.T) {
	l := hostile()
	for _, tc := range []struct {
		name         string
		level, next  *scoring.Named
		want         int
		wantInLegend []string
	}{
		{"none reached", nil, &scoring.Named{ID: "one"}, 2, []string{"one"}},
		{"top", &scoring.Named{ID: "two"}, nil, 2, []string{"two"}},
		{"no track result", nil, nil, 1, nil},
	} {
		res := scoring.Result{Ladder: "h", Person: "sam"}
		if tc.level != nil || tc.next != nil {
			res.Tracks = []scoring.TrackResult{{ID: "t", Level: tc.level, Next: tc.next}}
		}
		els, text := elements(t, radar(t, l, res, ""))
		if got := count(els, "polygon", ""); got != tc.want {
			t.Errorf("%s: %d polygons, want %d", tc.name, got, tc.want)
		}
		if !strings.Contains(text, "Sam (worst case)") {
			t.Errorf("%s: no person in the legend", tc.name)
		}
		for _, s := range tc.wantInLegend {
			if !strings.Contains(text, s) {
				t.Errorf("%s: %q not in the legend", tc.name, s)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	l := hostile()
	res := scoring.Result{Ladder: "h"}
	var b bytes.Buffer
	for _, tc := range []struct {
		name  string
		w     io.Writer
		l     *ladder.Ladder
		res   scoring.Result
		track string
	}{
		{"nil writer", nil, l, res, ""},
		{"nil ladder", &b, nil, res, ""},
		{"unknown track", &b, l, res, "nope"},
		{"other ladder", &b, l, scoring.Result{Ladder: "other"}, ""},
		{"unknown level", &b, l, scoring.Result{Ladder: "h", Tracks: []scoring.TrackResult{{ID: "t", Level: &scoring.Named{ID: "zzz"}}}}, ""},
	} {
		b.Reset()
		if err := chart.Radar(tc.w, tc.l, tc.res, tc.track); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
		if b.Len() > 0 {
			t.Errorf("%s: wrote %d bytes with the error", tc.name, b.Len())
		}
	}
	if err := chart.Radar(failWriter{}, l, res, ""); err == nil {
		t.Error("the writer's error is lost")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestSmallLadders checks ladders of zero, one and two capabilities.
func TestSmallLadders(t *testing.T) {
	for n := range 3 {
		l := hostile()
		l.Capabilities = l.Capabilities[:n]
		els, _ := elements(t, radar(t, l, scoring.Result{}, ""))
		if got := count(els, "line", "axis"); got != n {
			t.Errorf("%d capabilities: %d axes", n, got)
		}
	}
}

// TestBrowser renders the CTO chart with a headless Chromium, when there is
// one, and checks the screenshot.
func TestBrowser(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not on PATH; skipping the headless-browser check")
	}
	if testing.Short() {
		t.Skip("-short: skipping the headless-browser check")
	}
	l, res := assess(t, "cto.yaml", "senior-engineer.yaml")
	dir := t.TempDir()
	svgPath := filepath.Join(dir, "cto.svg")
	if err := os.WriteFile(svgPath, radar(t, l, res, ""), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "cto.png")
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--screenshot="+out, "--window-size=640,640",
		"file://"+svgPath)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, msg)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got != image.Pt(640, 640) {
		t.Fatalf("screenshot is %v, want 640x640", got)
	}
	if dir := os.Getenv("CHART_PNG_DIR"); dir != "" {
		data, _ := os.ReadFile(out)
		_ = os.WriteFile(filepath.Join(dir, "cto.png"), data, 0o644)
	}
	colours := map[string]int{chart.PersonColour: 0, chart.CurrentColour: 0, chart.NextColour: 0}
	distinct := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			px := [3]uint32{r >> 8, g >> 8, bl >> 8}
			distinct[px] = true
			if y >= 560 { // the legend's swatches would count anyway
				continue
			}
			for c := range colours {
				if near(px, c) {
					colours[c]++
				}
			}
		}
	}
	if len(distinct) < 2 {
		t.Fatal("the screenshot is a single colour")
	}
	for c, n := range colours {
		if n < 20 {
			t.Errorf("only %d pixels of %s in the chart area", n, c)
		}
	}
}

// near reports whether px is within a few levels of the #rrggbb colour c.
func near(px [3]uint32, c string) bool {
	var r, g, b uint32
	if _, err := fmt.Sscanf(c, "#%02x%02x%02x", &r, &g, &b); err != nil {
		panic(err)
	}
	d := func(a, b uint32) uint32 {
		if a > b {
			return a - b
		}
		return b - a
	}
	return d(px[0], r) <= 12 && d(px[1], g) <= 12 && d(px[2], b) <= 12
}
