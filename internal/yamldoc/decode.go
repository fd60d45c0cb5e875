package yamldoc

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Decode fills v, a pointer to a struct, from doc and returns every problem
// found. Decoding goes on past problems: a field that cannot be decoded is
// left at its zero value and the rest of the document is still read.
func Decode(doc *Document, v any, lim Limits) []Issue {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("yamldoc: Decode needs a non-nil pointer")
	}
	if doc == nil || doc.Root == nil {
		return nil
	}
	lim = lim.Resolved()
	d := &decoder{doc: doc, types: types{}, budget: lim.MaxNodes - doc.nodes, ids: lim.MaxIDs, r: NewReporter(lim)}
	if lim.MaxNodes < 0 {
		d.budget = int(^uint(0) >> 1)
	}
	d.value(doc.Root, rv.Elem(), nil)
	return d.r.Issues()
}

type decoder struct {
	doc   *Document
	types types
	r     *Reporter
	// budget is what alias expansion may still add, in nodes.
	budget int
	// ids is how many more entities with an id the document may define.
	ids int
}

// countID counts one entity with an id; past the limit it reports once.
func (d *decoder) countID(n *yaml.Node, p *Path) {
	d.ids--
	if d.ids == -1 {
		d.add(n, p, CodeTooManyIDs, "more entities with an id than the limit allows", "")
	}
}

// add reports a problem with node n (a value, or a key), at its span.
func (d *decoder) add(n *yaml.Node, p *Path, code, summary, detail string) {
	if d.r.Full() {
		d.r.Drop()
		return
	}
	start, end := d.doc.span(n)
	d.r.Add(Issue{Code: code, Start: start, End: end, Path: p.String(), Summary: summary, Detail: detail})
}

// kindName names what a node is, for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "null"
	case "!!int":
		return "an integer"
	case "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	}
	return "a string"
}

func wantName(t reflect.Type, ts types) string {
	if isText(t) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.Struct:
		return "a mapping"
	case reflect.Slice:
		if ts.keyed(t.Elem()) {
			return "a mapping"
		}
		return "a list"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "a boolean"
	case reflect.Pointer:
		return wantName(t.Elem(), ts)
	}
	return t.String()
}

// numberRE matches what reads as a decimal number, quoted or not.
var numberRE = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

func (d *decoder) badType(n *yaml.Node, p *Path, t reflect.Type) {
	if d.r.Full() {
		d.r.Drop()
		return
	}
	want, got := wantName(t, d.types), kindName(n)
	if (want == "a number" || want == "an integer") && n.Kind == yaml.ScalarNode && n.Style == 0 && numberRE.MatchString(n.Value) {
		// The YAML reader keeps numbers it cannot represent, such as
		// 1e400, as strings.
		d.add(n, p, CodeBadNumber, fmt.Sprintf("number %q is out of range", n.Value), "")
		return
	}
	detail := ""
	if want == "a string" && n.Kind == yaml.ScalarNode {
		detail = "quote the value to make it a string"
	}
	d.add(n, p, CodeBadType, fmt.Sprintf("expected %s, found %s", want, got), detail)
}

// resolve follows an alias once. It reports and returns nil for aliases it
// will not follow.
func (d *decoder) resolve(n *yaml.Node, p *Path) *yaml.Node {
	if n.Kind != yaml.AliasNode {
		return n
	}
	a := n.Alias
	if a == nil {
		d.add(n, p, CodeAlias, "alias refers to no anchor", "")
		return nil
	}
	if d.doc.aliasy[a] {
		d.add(n, p, CodeAlias, fmt.Sprintf("alias %q refers to a node that itself contains aliases", "*"+n.Value),
			"aliases are expanded one level only; write the nested value out")
		return nil
	}
	if d.budget < 0 {
		return nil // already reported
	}
	d.budget -= d.doc.size[a]
	if d.budget < 0 {
		d.add(n, p, CodeTooManyNodes, "aliases expand to more nodes than the limit allows", "")
		return nil
	}
	return a
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, p *Path) {
	if d.r.Full() {
		// Past the limit of reports the document is refused anyway:
		// stop walking it rather than count a flood.
		d.r.Stop()
		return
	}
	if n = d.resolve(n, p); n == nil {
		return
	}
	if n.Style&yaml.TaggedStyle != 0 && !coreTags[n.Tag] {
		d.add(n, p, CodeBadTag, fmt.Sprintf("tag %q is not supported", n.Tag),
			"only the core tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq may be used")
		return
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		// The pointer is set even when its content is bad, so that later
		// checks see the field as given and do not report it again.
		e := reflect.New(t.Elem())
		v.Set(e)
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			d.badType(n, p, t)
			return
		}
		d.value(n, e.Elem(), p)
		return
	}
	if isText(t) {
		if n.Kind != yaml.ScalarNode || !stringish(n) {
			d.badType(n, p, t)
			return
		}
		if err := v.Addr().Interface().(interface{ UnmarshalText([]byte) error }).UnmarshalText([]byte(n.Value)); err != nil {
			d.add(n, p, CodeBadValue, err.Error(), "")
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		d.structure(n, v, p, -1)
	case reflect.Slice:
		if d.types.keyed(t.Elem()) {
			d.keyedSlice(n, v, p)
		} else {
			d.slice(n, v, p)
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode || !stringish(n) {
			d.badType(n, p, t)
			if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
				// Keep the text (id: 12 reads as "12") so that references
				// to it do not each report again.
				v.SetString(n.Value)
			}
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.badType(n, p, t)
			return
		}
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			d.add(n, p, CodeBadType, fmt.Sprintf("expected true or false, found %q", n.Value), "")
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if i, ok := d.integer(n, p, t); ok {
			if v.OverflowInt(i) {
				d.add(n, p, CodeBadNumber, fmt.Sprintf("integer %q is out of range", n.Value), "")
				return
			}
			v.SetInt(i)
		}
	case reflect.Float32, reflect.Float64:
		if f, ok := d.number(n, p, t); ok {
			v.SetFloat(f)
		}
	default:
		panic(fmt.Sprintf("yamldoc: cannot decode into %s", t))
	}
}

// stringish reports whether a scalar reads as a string: YAML 1.2 and JSON
// keep dates and timestamps as strings, and so do we.
func stringish(n *yaml.Node) bool { return n.Tag == "!!str" || n.Tag == "!!timestamp" }

// integer reads a decimal integer. Octal, hexadecimal, underscores and
// leading zeros are refused: YAML 1.1 and 1.2 read them differently, so
// the same file would mean different things to different tools.
func (d *decoder) integer(n *yaml.Node, p *Path, t reflect.Type) (int64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.badType(n, p, t)
		return 0, false
	}
	s := n.Value
	if n.Tag == "!!float" {
		f, ok := d.number(n, p, t)
		if !ok {
			return 0, false
		}
		if f != math.Trunc(f) {
			d.add(n, p, CodeBadNumber, fmt.Sprintf("expected an integer, found %q", s), "")
			return 0, false
		}
		if math.Abs(f) > 1<<53 {
			d.add(n, p, CodeBadNumber, fmt.Sprintf("integer %q is out of range", s), "")
			return 0, false
		}
		return int64(f), true
	}
	if !decimal(s) {
		d.add(n, p, CodeBadNumber, fmt.Sprintf("integer %q is not plain decimal", s),
			"write integers in decimal without leading zeros, underscores or a base prefix")
		return 0, false
	}
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		d.add(n, p, CodeBadNumber, fmt.Sprintf("integer %q is out of range", s), "")
		return 0, false
	}
	return i, true
}

func decimal(s string) bool {
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	if s == "" || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// leadingZero reports whether s starts, after a sign, with 0 and another
// digit, as 08 or -012.5 do.
func leadingZero(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9'
}

// number reads a finite decimal number.
func (d *decoder) number(n *yaml.Node, p *Path, t reflect.Type) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.badType(n, p, t)
		return 0, false
	}
	s := n.Value
	if n.Tag == "!!int" && !decimal(s) {
		d.add(n, p, CodeBadNumber, fmt.Sprintf("number %q is not plain decimal", s),
			"write numbers in decimal without leading zeros, underscores or a base prefix")
		return 0, false
	}
	if leadingZero(s) {
		d.add(n, p, CodeBadNumber, fmt.Sprintf("number %q has a leading zero", s),
			"YAML 1.1 and 1.2 read leading zeros differently; write the number without them")
		return 0, false
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "inf") || strings.Contains(lower, "nan") || strings.Contains(s, "_") {
		d.add(n, p, CodeBadNumber, fmt.Sprintf("number %q is not a finite decimal", s), "")
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		d.add(n, p, CodeBadNumber, fmt.Sprintf("number %q is out of range", s), "")
		return 0, false
	}
	return f, true
}

func (d *decoder) slice(n *yaml.Node, v reflect.Value, p *Path) {
	if n.Kind != yaml.SequenceNode {
		d.badType(n, p, v.Type())
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		cp := p.child("", i)
		d.value(c, s.Index(i), &cp)
	}
	v.Set(s)
}

// keyedSlice decodes a mapping into a slice of keyed elements, in order;
// or a list of whole elements, when the type allows it.
func (d *decoder) keyedSlice(n *yaml.Node, v reflect.Value, p *Path) {
	et := v.Type().Elem()
	si := d.types.info(et)
	if n.Kind == yaml.SequenceNode && si.list {
		d.doc.listKey(n, si.keyName())
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			cp := p.child("", i)
			d.countID(c, &cp)
			d.value(c, s.Index(i), &cp)
		}
		v.Set(s)
		return
	}
	if n.Kind != yaml.MappingNode {
		d.badType(n, p, v.Type())
		return
	}
	s := reflect.MakeSlice(v.Type(), 0, len(n.Content)/2)
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key, ok := d.key(k, p, seen)
		if !ok {
			continue
		}
		kp := p.child(key, -1)
		d.countID(k, &kp)
		e := reflect.New(et).Elem()
		e.Field(si.key).SetString(key)
		if si.value >= 0 {
			d.value(val, e.Field(si.value), &kp)
		} else {
			d.structure(val, e, &kp, si.key)
		}
		s = reflect.Append(s, e)
	}
	v.Set(s)
}

// key checks a mapping key: a scalar, not a merge key, not seen before.
func (d *decoder) key(k *yaml.Node, p *Path, seen map[string]*yaml.Node) (string, bool) {
	if k.Kind != yaml.ScalarNode || k.Tag == "!!null" {
		d.add(k, p, CodeBadType, fmt.Sprintf("mapping keys must be strings, found %s", kindName(k)), "")
		return "", false
	}
	if k.Tag == "!!merge" {
		d.add(k, p, CodeMergeKey, "merge keys (<<) are not supported", "write the fields out, or use an alias for the whole value")
		return "", false
	}
	if first, dup := seen[k.Value]; dup {
		d.add(k, p.Key(k.Value), CodeDuplicateKey, fmt.Sprintf("key %q appears more than once", k.Value),
			fmt.Sprintf("first at line %d, column %d", first.Line, first.Column))
		return "", false
	}
	seen[k.Value] = k
	return k.Value, true
}

// structure decodes a mapping into the struct v. The field with index skip
// (a keyed element's key) is not read from the mapping.
func (d *decoder) structure(n *yaml.Node, v reflect.Value, p *Path, skip int) {
	if n.Kind != yaml.MappingNode {
		d.badType(n, p, v.Type())
		return
	}
	si := d.types.info(v.Type())
	seen := make(map[string]*yaml.Node, len(si.fields))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key, ok := d.key(k, p, seen)
		if !ok {
			continue
		}
		fi, known := si.byName[key]
		if !known || si.fields[fi].index == skip {
			if d.r.Full() {
				d.r.Drop()
				continue
			}
			start, end := d.doc.span(k)
			d.r.Add(Issue{Code: CodeUnknownField, Start: start, End: end, Path: p.Key(key).String(),
				Summary: fmt.Sprintf("unknown field %q", key), Suggestion: Suggest(key, si.names()),
				Detail: "fields here: " + strings.Join(si.names(), ", ")})
			continue
		}
		f := si.fields[fi]
		if key == "id" {
			d.countID(k, p)
		}
		fp := p.child(key, -1)
		d.value(val, v.Field(f.index), &fp)
	}
	for _, f := range si.fields {
		if f.required && f.index != skip && seen[f.name] == nil {
			if d.r.Full() {
				d.r.Drop()
				continue
			}
			// Nothing to point at: the mapping's first token says where.
			start, end := d.doc.head(n)
			d.r.Add(Issue{Code: CodeMissingField, Start: start, End: end, Path: p.Key(f.name).String(),
				Summary: fmt.Sprintf("missing field %q", f.name)})
		}
	}
}
