package ladder_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/ladder"
)

func TestWriteMarkdownGolden(t *testing.T) {
	for _, file := range ladderFiles(t, laddersDir) {
		l, err := ladder.LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := l.WriteMarkdown(&b); err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		golden(t, filepath.Join("testdata", "markdown", name+".md"), b.Bytes())
	}
}

// TestWriteMarkdownEscapes feeds markup, HTML and table breakers through
// every kind of text field: none may survive as markup.
func TestWriteMarkdownEscapes(t *testing.T) {
	const evil = "# Heading | <script>alert(1)</script> **bold** [link](javascript:x) ![img](y) `code` ~~s~~ _e_\n- list & more"
	src := `format: careerladder/v1
id: evil
name: "` + jsonText(evil) + `"
description: "` + jsonText(evil) + `"
scales: [{id: s, name: "` + jsonText(evil) + `", ratings: [{id: a, label: "` + jsonText(evil) + `", description: "` + jsonText(evil) + `"}]}]
categories: [{id: c, name: "` + jsonText(evil) + `", description: "1. ` + jsonText(evil) + `"}]
capabilities:
  - id: x
    name: "` + jsonText(evil) + `"
    category: c
    summary: "` + jsonText(evil) + `"
    descriptors: {a: {summary: "` + jsonText(evil) + `", signals: ["` + jsonText(evil) + `"], examples: ["> ` + jsonText(evil) + `"]}}
tracks:
  - id: t
    name: "` + jsonText(evil) + `"
    levels: [{id: l, name: "` + jsonText(evil) + `", summary: "` + jsonText(evil) + `", expects: {x: a}, requires: [{points: {min: 0}, description: "` + jsonText(evil) + `"}]}]
titles: [{id: ti, name: "` + jsonText(evil) + `", min_points: 0}]
`
	l, err := ladder.Parse("evil.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := l.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script>", "**bold**", "[link](", "![img]", "`code`", "~~s~~", " _e_", "\n- list", "\n# Heading", "\n> ", "\n1. "} {
		if strings.Contains(out, bad) {
			t.Errorf("markup %q survived in:\n%s", bad, out)
		}
	}
	// Every table row keeps its number of cells: no unescaped pipe.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "|") {
			cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
			if cells < 3 || cells > 4 {
				t.Errorf("table row with %d separators: %s", cells, line)
			}
		}
	}
}

func jsonText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return r.Replace(s)
}
