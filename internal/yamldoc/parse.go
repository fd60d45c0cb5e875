package yamldoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/careerladder/careerladder/internal/textsafe"
)

// A Document is one parsed YAML or JSON document.
type Document struct {
	Root *yaml.Node // the content node; nil when the document could not be read

	// aliasy marks anchored nodes whose subtree contains an alias; following
	// an alias to one of them is refused, so expansion is never recursive.
	aliasy map[*yaml.Node]bool
	// size is the node count of each anchored subtree, for the node budget.
	size map[*yaml.Node]int
	// nodes is the node count of the whole tree, aliases not expanded.
	nodes int
	// lines indexes the input, for positions.
	lines *Lines
	// keys indexes the keys of large mappings for Locate, built on demand.
	keys map[*yaml.Node]map[string]int
	// listed holds the lists that decoded into keyed slices (see
	// types.listed), with the name of their key field, so that Locate
	// finds an element by its key as in the mapping form.
	listed map[*yaml.Node]string
}

// listKey notes that list n decoded into a keyed slice whose key field is
// named key.
func (doc *Document) listKey(n *yaml.Node, key string) {
	if doc.listed == nil {
		doc.listed = map[*yaml.Node]string{}
	}
	doc.listed[n] = key
}

// listElem returns the first element of list n, noted by listKey, whose key
// field has the value k, and that value's node; nil when there is none.
func (doc *Document) listElem(n *yaml.Node, k string) (elem, key *yaml.Node) {
	field, ok := doc.listed[n]
	if !ok {
		return nil, nil
	}
	for _, el := range n.Content {
		if el.Kind != yaml.MappingNode {
			continue
		}
		if i := doc.keyIndex(el, field); i >= 0 && el.Content[i+1].Kind == yaml.ScalarNode && el.Content[i+1].Value == k {
			return el, el.Content[i+1]
		}
	}
	return nil, nil
}

// keyIndex returns the position in n.Content of the first key k of
// mapping n, or -1.
func (doc *Document) keyIndex(n *yaml.Node, k string) int {
	if len(n.Content) <= 32 {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Kind == yaml.ScalarNode && n.Content[i].Value == k {
				return i
			}
		}
		return -1
	}
	// Many diagnostics may point into one large mapping; index it once.
	idx, ok := doc.keys[n]
	if !ok {
		if doc.keys == nil {
			doc.keys = map[*yaml.Node]map[string]int{}
		}
		idx = make(map[string]int, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if c := n.Content[i]; c.Kind == yaml.ScalarNode {
				if _, dup := idx[c.Value]; !dup {
					idx[c.Value] = i
				}
			}
		}
		doc.keys[n] = idx
	}
	if i, ok := idx[k]; ok {
		return i
	}
	return -1
}

// countLines counts lines as YAML does: \r\n, \r and \n each end one, and
// so do the Unicode breaks NEL, LS and PS.
func countLines(src []byte) int {
	// Fast path: without carriage returns and the multi-byte breaks, the
	// answer is a count of line feeds, which bytes.Count does quickly.
	if bytes.IndexByte(src, '\r') < 0 && bytes.IndexByte(src, 0xC2) < 0 && bytes.IndexByte(src, 0xE2) < 0 {
		return bytes.Count(src, []byte{'\n'}) + 1
	}
	n := 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			n++
		case c == '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			n++
		case c == 0xC2 && i+1 < len(src) && src[i+1] == 0x85,
			c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			n++
		}
	}
	return n
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse reads exactly one YAML or JSON document from src and checks it
// against lim: size, depth, node count, aliases, merge keys and tags. When
// issues are returned the document may still be usable for decoding; a nil
// Root means it is not. The document keeps src for positions; src must not
// change while the document is used.
func Parse(src []byte, lim Limits) (doc *Document, issues []Issue) {
	lim = lim.Resolved()
	doc = &Document{lines: NewLines(src)}
	if exceeds(int64(len(src)), lim.MaxBytes) {
		return doc, []Issue{doc.whole(CodeTooLarge, fmt.Sprintf("input is %d bytes, more than the limit of %d", len(src), lim.MaxBytes))}
	}
	if off, ok := BadUTF8(src); !ok {
		return doc, []Issue{doc.char(off, CodeSyntax, "input is not valid UTF-8", "")}
	}
	if off, r, ok := control(src); !ok {
		return doc, []Issue{doc.char(off, CodeSyntax, fmt.Sprintf("control character %U is not allowed", r),
			"YAML allows only tab, line feed and carriage return among control characters")}
	}
	defer func() {
		// The YAML parser must never take the process down; a panic in it
		// is reported as a syntax problem of the input that caused it.
		if r := recover(); r != nil {
			doc = &Document{lines: doc.lines}
			issues = []Issue{doc.whole(CodeSyntax, "input cannot be parsed: "+textsafe.String(fmt.Sprint(r)))}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var first yaml.Node
	if err := dec.Decode(&first); err != nil {
		if errors.Is(err, io.EOF) {
			return doc, []Issue{doc.whole(CodeEmpty, "document is empty")}
		}
		return doc, []Issue{doc.syntaxIssue(err)}
	}
	if len(first.Content) == 0 {
		return doc, []Issue{doc.whole(CodeEmpty, "document is empty")}
	}
	root := first.Content[0]
	var second yaml.Node
	switch err := dec.Decode(&second); {
	case errors.Is(err, io.EOF):
	case err != nil:
		issues = append(issues, doc.syntaxIssue(err))
	default:
		n := &second
		if len(second.Content) > 0 {
			n = second.Content[0]
		}
		start, end := doc.head(n)
		issues = append(issues, Issue{Code: CodeMultiDoc, Start: start, End: end,
			Summary: "a file holds one document; found a second one"})
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return doc, append(issues, doc.whole(CodeEmpty, "document is empty"))
	}
	doc.Root = root
	if limited := doc.check(lim); len(limited) > 0 {
		// Past a limit the input is refused, not decoded: decoding would
		// spend what the limit is there to save.
		doc.Root = nil
		issues = append(issues, limited...)
	}
	return doc, issues
}

// whole returns an issue about the whole input, such as its size: an
// empty range at line 1, column 1.
func (doc *Document) whole(code, summary string) Issue {
	p := doc.lines.At(1, 1)
	return Issue{Code: code, Start: p, End: p, Summary: summary}
}

// char returns an issue about the character at byte offset off, such as
// one that is not allowed: a range of that character.
func (doc *Document) char(off int, code, summary, detail string) Issue {
	p := doc.lines.Offset(off)
	return Issue{Code: code, Start: p, End: doc.lines.Next(p), Summary: summary, Detail: detail}
}

// parserProblems are the messages of yaml's parser (as opposed to its
// scanner). The parser reports 0-based lines, the scanner 1-based ones.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// syntaxIssue turns a YAML parse error into an issue. The parser gives a
// line but no column, so the issue covers the line: from column 1 to the
// line's end.
func (doc *Document) syntaxIssue(err error) Issue {
	msg := err.Error()
	line := 1
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if parserProblems[msg] {
			line++
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	start := doc.lines.At(line, 1)
	// The parser's messages quote some of the input (an anchor's name)
	// as it is.
	return Issue{Code: CodeSyntax, Start: start, End: doc.lines.End(start), Summary: textsafe.String(msg)}
}

// control returns the byte offset of the first character YAML does not
// allow: a C0 control other than tab, line feed and carriage return, DEL, a
// C1 control other than NEL, or U+FFFE and U+FFFF. The parser reports these
// without a position. src is valid UTF-8, so every byte looked at starts a
// character.
func control(src []byte) (off int, bad rune, ok bool) {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F ||
			c == 0xC2 && i+1 < len(src) && src[i+1] >= 0x80 && src[i+1] <= 0x9F && src[i+1] != 0x85 ||
			c == 0xEF && i+2 < len(src) && src[i+1] == 0xBF && src[i+2] >= 0xBE {
			r, _ := utf8.DecodeRune(src[i:])
			return i, r, false
		}
	}
	return 0, 0, true
}

// BadUTF8 returns the byte offset of the first invalid UTF-8 byte of src,
// and ok when there is none.
func BadUTF8(src []byte) (off int, ok bool) {
	if utf8.Valid(src) {
		return 0, true
	}
	for off < len(src) {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n == 1 {
			return off, false
		}
		off += n
	}
	return off, false
}

// coreTags are the tags a document may carry; explicit others are refused.
var coreTags = map[string]bool{
	"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true,
	"!!map": true, "!!seq": true,
}

// check walks the whole tree once, without following aliases, and enforces
// the limits. Tags and merge keys are left to the decoder, which knows the
// path of each node.
func (doc *Document) check(lim Limits) []Issue {
	var issues []Issue
	nodes, aliases, long := 0, 0, 0
	var anchored []*yaml.Node
	reportedDepth := false
	type frame struct {
		n     *yaml.Node
		depth int
	}
	stack := []frame{{doc.Root, 1}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		nodes++
		if n.Anchor != "" {
			anchored = append(anchored, n)
		}
		if n.Kind == yaml.ScalarNode && exceeds(int64(len(n.Value)), int64(lim.MaxString)) {
			// Report a few, not every one of a flood.
			if long++; long <= 10 {
				start, end := doc.span(n)
				issues = append(issues, Issue{Code: CodeTooLong, Start: start, End: end,
					Summary: fmt.Sprintf("a value of %d bytes, more than the limit of %d", len(n.Value), lim.MaxString)})
			}
		}
		switch n.Kind {
		case yaml.AliasNode:
			aliases++
			if exceeds(int64(aliases), int64(lim.MaxAliases)) && aliases == lim.MaxAliases+1 {
				start, end := doc.span(n)
				issues = append(issues, Issue{Code: CodeAlias, Start: start, End: end,
					Summary: fmt.Sprintf("more than %d aliases", lim.MaxAliases)})
			}
			continue
		case yaml.MappingNode, yaml.SequenceNode:
			if exceeds(int64(f.depth), int64(lim.MaxDepth)) {
				if !reportedDepth {
					reportedDepth = true
					start, end := doc.head(n)
					issues = append(issues, Issue{Code: CodeTooDeep, Start: start, End: end,
						Summary: fmt.Sprintf("nesting is deeper than the limit of %d", lim.MaxDepth)})
				}
				continue
			}
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, frame{n.Content[i], f.depth + 1})
		}
	}
	// Anchored subtrees: their size and whether they contain aliases. Each
	// is walked once; anchors are rare and the walk stops at aliases.
	if len(anchored) > 0 {
		doc.aliasy = make(map[*yaml.Node]bool)
		doc.size = make(map[*yaml.Node]int)
		for _, a := range anchored {
			size, hasAlias := subtree(a, lim.MaxNodes)
			doc.size[a] = size
			doc.aliasy[a] = hasAlias
		}
	}
	doc.nodes = nodes
	if exceeds(int64(nodes), int64(lim.MaxNodes)) {
		issues = append(issues, doc.whole(CodeTooManyNodes,
			fmt.Sprintf("document has %d nodes, more than the limit of %d", nodes, lim.MaxNodes)))
	}
	return issues
}

// subtree counts the nodes under n (stopping early past max) and tells
// whether an alias occurs among them.
func subtree(n *yaml.Node, max int) (size int, hasAlias bool) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 && (max < 0 || size <= max) {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		size++
		if n.Kind == yaml.AliasNode {
			hasAlias = true
			continue
		}
		stack = append(stack, n.Content...)
	}
	return size, hasAlias
}

// Locate returns the range of the node at p: the value, or with key set
// the key of the last mapping step (see span). When p leads nowhere it
// returns the first token of the deepest node on the way (see head), so
// that a diagnostic always points at the closest thing that exists, as for
// a missing field.
func (doc *Document) Locate(p *Path, key bool) (start, end Pos) {
	if doc == nil || doc.Root == nil {
		if doc == nil || doc.lines == nil {
			return Pos{Line: 1, Col: 1}, Pos{Line: 1, Col: 1}
		}
		p := doc.lines.At(1, 1)
		return p, p
	}
	n := doc.Root
	for _, s := range p.steps() {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		var next, k *yaml.Node
		switch {
		case s.index >= 0 && n.Kind == yaml.SequenceNode && s.index < len(n.Content):
			next = n.Content[s.index]
		case s.index < 0 && n.Kind == yaml.MappingNode:
			if i := doc.keyIndex(n, s.key); i >= 0 {
				k, next = n.Content[i], n.Content[i+1]
			}
		case s.index < 0 && n.Kind == yaml.SequenceNode:
			// A keyed slice written as a list: the key is a field.
			next, k = doc.listElem(n, s.key)
		}
		if next == nil {
			return doc.head(n)
		}
		if key && k != nil && s == p {
			return doc.span(k)
		}
		n = next
	}
	return doc.span(n)
}

// FormatOf returns the value of the top-level format field of src, as the
// parser reads it (quotes, tags and a byte order mark make no difference),
// or "" when src has none or cannot be parsed within lim. JSON is read a
// token at a time, in memory that does not grow with src.
func FormatOf(src []byte, lim Limits) string {
	if t := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\ufeff")), " \t\r\n"); len(t) > 0 && t[0] == '{' {
		if f, ok := jsonFormat(t); ok {
			return f
		}
	}
	doc, _ := Parse(src, lim)
	if doc == nil || doc.Root == nil || doc.Root.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(doc.Root.Content); i += 2 {
		k, v := doc.Root.Content[i], doc.Root.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "format" && v.Kind == yaml.ScalarNode {
			return v.Value
		}
	}
	return ""
}

// jsonFormat reads the top-level format field of a JSON object; ok is
// false when src is not JSON as far as it reads, for the YAML parser to
// judge.
func jsonFormat(src []byte) (format string, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(src))
	if _, err := dec.Token(); err != nil {
		return "", false
	}
	for dec.More() {
		t, err := dec.Token()
		key, isKey := t.(string)
		if err != nil || !isKey {
			return "", false
		}
		if key == "format" {
			var f string
			if dec.Decode(&f) != nil {
				return "", false
			}
			return f, true
		}
		// Skip the value a token at a time.
		depth := 0
		for {
			t, err := dec.Token()
			if err != nil {
				return "", false
			}
			switch t {
			case json.Delim('{'), json.Delim('['):
				depth++
			case json.Delim('}'), json.Delim(']'):
				depth--
			}
			if depth == 0 {
				break
			}
		}
	}
	return "", true
}
