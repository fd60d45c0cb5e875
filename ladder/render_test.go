package ladder_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/careerladder/careerladder/internal/textsafe"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// cmarkGFM returns the path of cmark-gfm, GitHub's CommonMark renderer.
// Without it the test is skipped, except under CI=true, where .ci/run
// installs it and a skip would hide a missing check.
func cmarkGFM(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("cmark-gfm")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("cmark-gfm is not installed (apt-get install cmark-gfm); CI must run the rendering check")
		}
		t.Skip("cmark-gfm is not installed")
	}
	return path
}

// render renders Markdown as GitHub does: with the table, strikethrough
// and autolink extensions, and raw HTML passed through (--unsafe) so that
// any HTML that came from the text shows as an element.
func render(t testing.TB, cmark string, md []byte) string {
	t.Helper()
	cmd := exec.Command(cmark, "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-t", "html")
	cmd.Stdin = bytes.NewReader(md)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("cmark-gfm: %v", err)
	}
	return string(out)
}

var tagRE = regexp.MustCompile(`<(/?[a-zA-Z][a-zA-Z0-9]*)`)

// tags returns the element tags of html in order, as "p" and "/p".
func tags(html string) []string {
	var out []string
	for _, m := range tagRE.FindAllStringSubmatch(html, -1) {
		out = append(out, strings.ToLower(m[1]))
	}
	return out
}

// structural are the elements WriteMarkdown's own structure makes.
var structural = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "p": true, "ul": true, "li": true,
	"strong": true, "code": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true}

// plainText replaces every text of l that WriteMarkdown escapes with "x",
// keeping blank ones as they are: the page of the result has the
// structure the page of l must have.
func plainText(l *ladder.Ladder) {
	fields := map[string]bool{"Name": true, "Description": true, "Summary": true, "Label": true, "Code": true,
		"Version": true, "TypicalExperience": true, "Signals": true, "Examples": true}
	var walk func(v reflect.Value, text bool)
	walk = func(v reflect.Value, text bool) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), text)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i), fields[v.Type().Field(i).Name])
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), text)
			}
		case reflect.String:
			if text {
				v.SetString(plain(v.String()))
			}
		}
	}
	walk(reflect.ValueOf(l), false)
}

func plain(s string) string {
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return s
	}
	return "x"
}

// checkPage fails when the page of l, rendered by cmark-gfm, holds an
// element the page of the same ladder with plain text does not hold in
// the same place: a link, an image, emphasis or HTML made from the text.
func checkPage(t *testing.T, cmark string, l, plainL *ladder.Ladder) {
	t.Helper()
	var md, plainMD bytes.Buffer
	if err := l.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := plainL.WriteMarkdown(&plainMD); err != nil {
		t.Fatal(err)
	}
	html := render(t, cmark, md.Bytes())
	got, want := tags(html), tags(render(t, cmark, plainMD.Bytes()))
	for _, tag := range got {
		if !structural[strings.TrimPrefix(tag, "/")] {
			t.Errorf("element <%s> in the page:\n%s", tag, html)
			return
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("the page's elements differ from those of the same ladder with plain text:\n%s", html)
	}
}

// TestWriteMarkdownRendered renders the page of every valid ladder of the
// module, the hostile corpus included, with cmark-gfm: no link and no
// element that the page's structure did not make.
func TestWriteMarkdownRendered(t *testing.T) {
	cmark := cmarkGFM(t)
	var files []string
	for _, dir := range []string{laddersDir, hostileDir} {
		fs, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		files = append(files, fs...)
	}
	checked := 0
	for _, file := range files {
		l, err := ladder.LoadFile(file)
		if err != nil {
			continue // not a valid ladder: nothing to render
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			plainL, err := ladder.LoadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			plainText(plainL)
			checkPage(t, cmark, l, plainL)
		})
		checked++
	}
	if checked < 6 {
		t.Errorf("only %d ladders rendered", checked)
	}
}

// TestAutolinksRendered checks the page of autolinks.yaml byte for byte
// where it matters: cmark-gfm made no link, and the text reads as written.
func TestAutolinksRendered(t *testing.T) {
	cmark := cmarkGFM(t)
	l, err := ladder.LoadFile(filepath.Join(hostileDir, "autolinks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := l.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	html := render(t, cmark, md.Bytes())
	if strings.Contains(html, "<a") {
		t.Errorf("a link in:\n%s", html)
	}
	for _, want := range []string{
		"<h1>Visit http://evil.example/login and www.evil.example</h1>",
		"Write to help\u2060@evil.example, xmpp:me\u2060@evil.example or mailto:me\u2060@evil.example; see https://evil.example?q=1, ftp://evil.example/x, WWW.EVIL.EXAMPLE and &lt;http://evil.example&gt;.",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %q in:\n%s", want, html)
		}
	}
}

// hostileText are strings that try to make markup of every kind.
var hostileText = []string{
	"http://evil.example", "www.evil.example", "a@evil.example", "mailto:a@evil.example", "xmpp:a@evil.example/r",
	"<script>alert(1)</script>", "<http://evil.example>", "[x](http://evil.example)", "![i](http://evil.example/i.png)",
	"**b** _e_ ~~s~~ `c`", "# h", "- l", "1. o", "2) o", "> q", "| a | b |", "    indented code", "\tindented",
	"text  ", "a\\", "&amp; &#x3C;", "[^1]", "[x]: http://evil.example", "---", "===", "<!-- c -->",
	"\x1b]8;;http://evil.example/\x1b\\l\x1b]8;;\x1b\\", "\u202eevil", "a\nb", "1\u00a0.", "_www.evil.example_",
	"(www.evil.example)", "*http://evil.example*", "~a@evil.example~",
}

// textLadder returns a ladder with s in every text WriteMarkdown writes.
func textLadder(s string) *ladder.Ladder {
	min := 2
	return &ladder.Ladder{
		Format: ladder.FormatV1, ID: "t", Name: s, Version: s, Description: s,
		Scales: []rubric.Scale{{ID: "s", Name: s, Description: s, Ratings: []rubric.Rating{
			{ID: "a", Label: s, Description: s}, {ID: "b", Label: s, Points: 1, Description: s}}}},
		Categories: []ladder.Category{{ID: "k", Name: s, Description: s}},
		Capabilities: []ladder.Capability{
			{ID: "c", Name: s, Category: "k", Code: s, Summary: s, Descriptors: []rubric.Descriptor{
				{Rating: "a", Summary: s, Signals: []string{s, s}, Examples: []string{s}}, {Rating: "b", Summary: s}}},
			{ID: "d", Name: s}},
		Tracks: []ladder.Track{{ID: "t", Name: s, Description: s, Levels: []ladder.Level{
			{ID: "one", Name: s, Summary: s, TypicalExperience: s, Expects: []rubric.Expectation{{Capability: "c", Rating: "a"}}},
			{ID: "two", Name: s, Summary: s, Grade: 2, Expects: []rubric.Expectation{{Capability: "c", Rating: "b"}, {Capability: "d", Rating: "b"}},
				Requires: []rubric.Gate{{Description: s, Points: &rubric.PointsGate{Min: 1}}}}}}},
		Titles: []rubric.Title{{ID: "ti", Name: s, MinPoints: 0, MaxPoints: &min}, {ID: "tj", Name: s, MinPoints: 3}},
		Rules:  ladder.Rules{Thresholds: []rubric.Threshold{{ID: "h", Name: s, MinPoints: 0}}},
	}
}

// checkInline fails when e, a text escaped for Markdown, could still make
// markup under CommonMark with GitHub's extensions: a conservative scan,
// for when no renderer is at hand. Every backslash must escape ASCII
// punctuation; every '&' must start an entity esc writes; no character
// that starts inline markup, no "://", "www." or "@" after an address
// character may be left bare; the text must not start a block; and it
// must hold nothing textsafe escapes.
func checkInline(e string) error {
	if i := textsafe.Index(e); i >= 0 {
		return fmt.Errorf("raw %q at %d", e[i:i+1], i)
	}
	if strings.TrimFunc(e, unicode.IsSpace) != e {
		return fmt.Errorf("white space at an end")
	}
	if e != "" && strings.ContainsRune("#+-=>", rune(e[0])) {
		return fmt.Errorf("starts a block with %q", e[0])
	}
	if m := regexp.MustCompile(`^[0-9]+[.)]`).FindString(e); m != "" {
		return fmt.Errorf("starts a list with %q", m)
	}
	for i := 0; i < len(e); i++ {
		c := e[i]
		switch {
		case c == '\\':
			if i+1 == len(e) || !strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", rune(e[i+1])) {
				return fmt.Errorf("a backslash escaping nothing at %d", i)
			}
			i++
		case c == '&':
			rest := e[i:]
			if !strings.HasPrefix(rest, "&lt;") && !strings.HasPrefix(rest, "&gt;") && !strings.HasPrefix(rest, "&amp;") && !strings.HasPrefix(rest, "&#x2060;") {
				return fmt.Errorf("a bare & at %d", i)
			}
		case strings.ContainsRune("<>`*_[]|!~\n\r", rune(c)):
			return fmt.Errorf("a bare %q at %d", c, i)
		case c == '@' && i > 0 && isAddress(e[i-1]):
			return fmt.Errorf("an e-mail address at %d", i)
		case c == ':' && strings.HasPrefix(e[i+1:], "//"):
			return fmt.Errorf("a URL's scheme at %d", i)
		case c == '.' && i >= 3 && strings.EqualFold(e[i-3:i], "www"):
			return fmt.Errorf("a www. name at %d", i)
		}
	}
	return nil
}

func isAddress(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || strings.IndexByte(".+-_:", c) >= 0
}

func TestEscInline(t *testing.T) {
	for _, s := range hostileText {
		if err := checkInline(ladder.Esc(s)); err != nil {
			t.Errorf("esc(%q) = %q: %v", s, ladder.Esc(s), err)
		}
	}
}

// FuzzWriteMarkdown puts one text in every text field of a ladder and
// writes its page. Property: the page holds no element the page's
// structure did not make. Each escaped text passes a conservative scan
// (checkInline); where cmark-gfm is installed, the rendered page also has
// exactly the elements of the same ladder with plain text, none of them a
// link or HTML from the text.
func FuzzWriteMarkdown(f *testing.F) {
	for _, s := range hostileText {
		f.Add(s)
	}
	cmark, _ := exec.LookPath("cmark-gfm")
	f.Fuzz(func(t *testing.T, s string) {
		if err := checkInline(ladder.Esc(s)); err != nil {
			t.Fatalf("esc(%q) = %q: %v", s, ladder.Esc(s), err)
		}
		if cmark != "" {
			checkPage(t, cmark, textLadder(s), textLadder(plain(s)))
		}
	})
}
