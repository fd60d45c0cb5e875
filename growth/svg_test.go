package growth_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// year returns the flagship person's year, by month.
func year(t *testing.T, s *scoring.Scorer, in evidence.Input) growth.History {
	t.Helper()
	days, err := growth.Every(evidence.Date{Year: 2025, Month: 11, Day: 27}, asOf, rubric.Period{N: 1, Unit: "mo"})
	if err != nil {
		t.Fatal(err)
	}
	h, err := growth.NewHistory(s, in, days)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// wellFormed parses svg as XML and returns its elements by name.
func wellFormed(t *testing.T, svg []byte) map[string]int {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	elems := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return elems
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			elems[se.Name.Local]++
		}
	}
}

// TestHistorySVG compares the chart of the flagship person's year with a
// golden file and checks what it draws: a line for each case of each
// track and of the points, one for each kind of evidence, and a need for
// each gate.
func TestHistorySVG(t *testing.T) {
	s := compile(t, "cto.yaml")
	h := year(t, s, loadInput(t, s, "senior-engineer.yaml"))
	svg := written(t, func(b *bytes.Buffer) error { return h.WriteSVG(b) })
	golden(t, "testdata/cto-history.svg", svg)
	if again := written(t, func(b *bytes.Buffer) error { return h.WriteSVG(b) }); !bytes.Equal(svg, again) {
		t.Errorf("the chart differs between two writes")
	}
	elems := wellFormed(t, svg)
	// Two tracks and the points, worst and best case, and two kinds of
	// evidence.
	if elems["polyline"] != 2*2+2+2 {
		t.Errorf("%d lines, want 8", elems["polyline"])
	}
	for _, want := range []string{"Level on Engineering", "Level on Leadership", "Points", "CTO (small company) 24", "Head of Engineering 18",
		"Tech Lead 12", "Senior Engineer 6", "CTO (small company) 19", "2025-11-27"} {
		if !bytes.Contains(svg, []byte(">"+want+"<")) {
			t.Errorf("the chart lacks %q", want)
		}
	}
	var none *growth.History
	if err := none.WriteSVG(io.Discard); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("a nil history: %v", err)
	}
	if err := h.WriteSVG(nil); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("a nil writer: %v", err)
	}
}

// TestHistorySVGHostile draws names that are markup and control
// characters, which must come out as text.
func TestHistorySVGHostile(t *testing.T) {
	s, in, _ := hostileScorer(t)
	h := year(t, s, in)
	svg := written(t, func(b *bytes.Buffer) error { return h.WriteSVG(b) })
	elems := wellFormed(t, svg)
	if elems["script"] > 0 || elems["b"] > 0 {
		t.Errorf("hostile names made elements: %v", elems)
	}
	if bytes.ContainsAny(svg, "\x1b\u202e") {
		t.Errorf("control characters raw in the chart")
	}
	text := written(t, func(b *bytes.Buffer) error { return h.WriteText(b) })
	if bytes.ContainsAny(text, "\x1b\u202e") {
		t.Errorf("control characters raw in the history's text")
	}
	// The history of one day, and of a person without anything.
	for _, days := range [][]evidence.Date{{asOf}} {
		one, err := growth.NewHistory(s, evidence.Input{}, days)
		if err != nil {
			t.Fatal(err)
		}
		wellFormed(t, written(t, func(b *bytes.Buffer) error { return one.WriteSVG(b) }))
	}
}

// hostileScorer returns the CTO ladder with names that are markup and
// control characters, its person, and the names.
func hostileScorer(t *testing.T) (*scoring.Scorer, evidence.Input, []string) {
	t.Helper()
	base := compile(t, "cto.yaml")
	l := *base.Ladder()
	names := []string{"<script>alert(1)</script>", "\x1b[2J\x1b[31mred", "a & b \u202e<b>x</b>"}
	l.Name = names[0]
	l.Tracks = append([]ladder.Track(nil), l.Tracks...)
	l.Tracks[1].Name = names[1]
	l.Tracks[1].Levels = append([]ladder.Level(nil), l.Tracks[1].Levels...)
	l.Tracks[1].Levels[1].Name = names[2]
	s, err := scoring.Compile(&l)
	if err != nil {
		t.Fatal(err)
	}
	in := loadInput(t, s, "senior-engineer.yaml")
	in.Person = names[2]
	return s, in, names
}

// TestHistorySVGBrowser renders the chart with a headless Chromium, when
// there is one, and checks that the screenshot shows both cases.
func TestHistorySVGBrowser(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not on PATH; skipping the headless-browser check")
	}
	if testing.Short() {
		t.Skip("-short: skipping the headless-browser check")
	}
	s := compile(t, "cto.yaml")
	h := year(t, s, loadInput(t, s, "senior-engineer.yaml"))
	dir := t.TempDir()
	svg := written(t, func(b *bytes.Buffer) error { return h.WriteSVG(b) })
	height := string(bytes.Split(bytes.SplitN(svg, []byte(`height="`), 2)[1], []byte(`"`))[0])
	path := filepath.Join(dir, "history.svg")
	if err := os.WriteFile(path, svg, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "history.png")
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--screenshot="+out, "--window-size=900,"+height, "file://"+path)
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
	if got := img.Bounds().Size(); got.X != 900 || strings.TrimSpace(height) == "" {
		t.Fatalf("screenshot is %v", got)
	}
	found := map[[3]uint32]int{}
	worst, best := [3]uint32{0x1f, 0x5f, 0xa8}, [3]uint32{0xe0, 0x7b, 0x00}
	b := img.Bounds()
	for y := 60; y < b.Max.Y; y++ { // below the legend
		for x := 190; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			px := [3]uint32{r >> 8, g >> 8, bl >> 8}
			for _, c := range [][3]uint32{worst, best} {
				if near3(px, c) {
					found[c]++
				}
			}
		}
	}
	if found[worst] < 500 || found[best] < 100 {
		t.Errorf("the screenshot shows %d pixels of the worst case and %d of the best", found[worst], found[best])
	}
}

func near3(a, b [3]uint32) bool {
	d := func(x, y uint32) uint32 {
		if x > y {
			return x - y
		}
		return y - x
	}
	return d(a[0], b[0]) < 24 && d(a[1], b[1]) < 24 && d(a[2], b[2]) < 24
}
