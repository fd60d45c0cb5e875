package growth_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// hostile are texts that would be markup, links, HTML or terminal
// commands if they were written as they are.
var hostile = []string{
	"<script>alert(1)</script> & <b>bold</b>",
	"[click](javascript:alert(1)) and ![img](https://evil.example/x.png)",
	"*strong* _em_ ~~struck~~ `code` | a | cell |",
	"# not a heading",
	"- not a list",
	"1. not a list either",
	"see https://evil.example/a?b=c or www.evil.example, <https://evil.example>",
	"write to boss@evil.example or mailto:boss@evil.example",
	"\x1b[31mred\x1b[0m and \u202eevil",
	"line one\nline two",
}

// packetOf writes the packet of the CTO ladder's person, with hostile
// texts in the ladder and the evidence when bad is set.
func packetOf(t *testing.T, bad bool) (string, *scoring.Scorer, evidence.Input) {
	t.Helper()
	s := compile(t, "cto.yaml")
	in := loadInput(t, s, "senior-engineer.yaml")
	if bad {
		l := *s.Ladder()
		l.Capabilities = append([]ladder.Capability(nil), l.Capabilities...)
		l.Capabilities[4].Name = hostile[0]
		l.Name = hostile[1]
		var err error
		if s, err = scoring.Compile(&l); err != nil {
			t.Fatal(err)
		}
		in.Evidence = append([]evidence.Item(nil), in.Evidence...)
		for i, h := range hostile {
			in.Evidence = append(in.Evidence, evidence.Item{ID: "bad-" + string(rune('a'+i)), Capability: "technical-problem-solving", Rating: "advanced",
				Date: asOf.AddDays(-i), Source: "peer", Summary: h, Tags: []string{"hard-problem"},
				Links: []string{"https://evil.example/" + h, "javascript:alert(`x`)"}})
		}
		in.Person = hostile[3]
	}
	var b bytes.Buffer
	if err := growth.WritePacket(&b, s, in, asOf, ""); err != nil {
		t.Fatal(err)
	}
	return b.String(), s, in
}

// render renders Markdown with cmark-gfm and the given extensions. It
// skips the test where cmark-gfm is missing, but for CI (CI=true), which
// installs it.
func render(t *testing.T, src string, extensions ...string) string {
	t.Helper()
	path, err := exec.LookPath("cmark-gfm")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("cmark-gfm is not installed, and CI must check the packet with it")
		}
		t.Skip("cmark-gfm is not installed")
	}
	var args []string
	for _, e := range extensions {
		args = append(args, "--extension", e)
	}
	cmd := exec.Command(path, args...)
	cmd.Stdin = strings.NewReader(src)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// element is an HTML element of a rendered packet with its text.
type element struct {
	name string
	text string
}

// parseHTML returns the elements of html, each with the text inside it,
// and every text, in order.
func parseHTML(t *testing.T, html string) (elems []element, all string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader("<root>" + html + "</root>"))
	dec.Strict, dec.AutoClose, dec.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	var open []int
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%v in\n%s", err, html)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			elems = append(elems, element{name: tok.Name.Local})
			open = append(open, len(elems)-1)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			text.Write(tok)
			for _, i := range open {
				elems[i].text += string(tok)
			}
		case xml.Comment, xml.ProcInst, xml.Directive:
			t.Errorf("the packet renders with %T %q", tok, tok)
		}
	}
	return elems, text.String()
}

// allowed are the elements a packet means to have.
var allowed = map[string]bool{"root": true, "h1": true, "h2": true, "h3": true, "p": true, "ul": true, "li": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "code": true}

// TestPacketRenders renders the packet with cmark-gfm, GitHub's
// extensions on, and checks that the HTML holds only what the packet
// means: its own elements and no others (no links, images, scripts or
// emphasis from the text), every hostile text shown as it was written,
// and the packet's own structure.
func TestPacketRenders(t *testing.T) {
	src, _, _ := packetOf(t, true)
	if strings.ContainsAny(src, "\x1b\u202e") {
		t.Errorf("the packet holds control characters raw")
	}
	for _, ext := range [][]string{{"table"}, {"table", "strikethrough", "tagfilter", "autolink"}} {
		html := render(t, src, ext...)
		elems, all := parseHTML(t, html)
		all = strings.ReplaceAll(all, "\u2060", "") // the invisible word joiner that keeps an address from linking
		counts := map[string]int{}
		for _, e := range elems {
			counts[e.name]++
			if !allowed[e.name] {
				t.Errorf("with %v: a <%s> element: %q", ext, e.name, e.text)
			}
		}
		if counts["h1"] != 1 || counts["h2"] != 4 || counts["table"] < 5 {
			t.Errorf("with %v: structure %v", ext, counts)
		}
		for _, h := range hostile {
			want := strings.NewReplacer("\n", " ", "\x1b", `\x1b`, "\u202e", `\u202e`).Replace(h)
			if !strings.Contains(all, want) {
				t.Errorf("with %v: the text %q is not shown as written", ext, want)
			}
		}
		// Each hostile summary is one cell, whole.
		cells := 0
		for _, e := range elems {
			if e.name == "td" && strings.Contains(e.text, "javascript:alert(1)) and") {
				cells++
			}
		}
		if cells == 0 {
			t.Errorf("with %v: no cell holds a hostile summary whole", ext)
		}
		for _, e := range elems {
			if e.name == "code" && !strings.HasPrefix(e.text, "https://evil.example/") && e.text != "javascript:alert(`x`)" {
				t.Errorf("with %v: code %q is not a link of an item", ext, e.text)
			}
		}
	}
}

// TestPacketGolden compares the flagship person's packet with a golden
// file, and checks its failures.
func TestPacketGolden(t *testing.T) {
	src, s, in := packetOf(t, false)
	golden(t, "testdata/cto-packet.md", []byte(src))
	noTrailingSpace(t, []byte(src))
	// The CTO ladder's own packet renders too.
	elems, _ := parseHTML(t, render(t, src, "table", "autolink"))
	for _, e := range elems {
		if !allowed[e.name] {
			t.Errorf("a <%s> element", e.name)
		}
	}
	if err := growth.WritePacket(nil, s, in, asOf, ""); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("a nil writer: %v", err)
	}
	sp := compile(t, "sparse.yaml")
	if err := growth.WritePacket(io.Discard, sp, loadInput(t, sp, "sparse.yaml"), asOf, ""); !errors.Is(err, ladder.ErrNilArgument) {
		t.Errorf("no target: %v", err)
	}
	var ds ladder.Diagnostics
	if err := growth.WritePacket(io.Discard, s, in, asOf, "ct"); !errors.As(err, &ds) {
		t.Errorf("an unknown target: %v", err)
	}
}
