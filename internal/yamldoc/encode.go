package yamldoc

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Encode returns the node tree of v under the same conventions that Decode
// reads, so that Decode(Encode(v)) equals v. Fields tagged omitempty are
// left out when zero.
func Encode(v any) *yaml.Node {
	e := encoder{types: types{}}
	return e.value(reflect.ValueOf(v))
}

type encoder struct{ types types }

func scalar(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

func (e encoder) value(v reflect.Value) *yaml.Node {
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		if v.IsNil() {
			return scalar("!!null", "null")
		}
		return e.value(v.Elem())
	}
	if t.Implements(textMarshaler) {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			panic(fmt.Sprintf("yamldoc: %s: %v", t, err))
		}
		return scalar("!!str", string(b))
	}
	switch t.Kind() {
	case reflect.Struct:
		return e.structure(v, -1)
	case reflect.Slice:
		if e.types.keyed(t.Elem()) && !e.types.listed(v) {
			si := e.types.info(t.Elem())
			n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			for i := 0; i < v.Len(); i++ {
				el := v.Index(i)
				var val *yaml.Node
				if si.value >= 0 {
					val = e.value(el.Field(si.value))
				} else {
					val = e.structure(el, si.key)
				}
				n.Content = append(n.Content, scalar("!!str", el.Field(si.key).String()), val)
			}
			return n
		}
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := 0; i < v.Len(); i++ {
			n.Content = append(n.Content, e.value(v.Index(i)))
		}
		return n
	case reflect.String:
		n := scalar("!!str", v.String())
		if bytes.ContainsRune([]byte(v.String()), '\n') {
			n.Style = yaml.LiteralStyle
		}
		return n
	case reflect.Bool:
		return scalar("!!bool", strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return scalar("!!int", strconv.FormatInt(v.Int(), 10))
	case reflect.Float32, reflect.Float64:
		return scalar("!!float", strconv.FormatFloat(v.Float(), 'f', -1, 64))
	}
	panic(fmt.Sprintf("yamldoc: cannot encode %s", t))
}

func (e encoder) structure(v reflect.Value, skip int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, f := range e.types.info(v.Type()).fields {
		fv := v.Field(f.index)
		if f.index == skip || (f.omitEmpty && fv.IsZero()) {
			continue
		}
		if f.omitEmpty && fv.Kind() == reflect.Slice && fv.Len() == 0 {
			continue
		}
		n.Content = append(n.Content, scalar("!!str", f.name), e.value(fv))
	}
	return n
}

// WriteYAML writes n as a YAML document indented by two spaces.
func WriteYAML(w io.Writer, n *yaml.Node) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return err
	}
	return enc.Close()
}

// WriteJSON writes n as indented JSON, keeping the order of mapping keys.
func WriteJSON(w io.Writer, n *yaml.Node) error {
	var b bytes.Buffer
	if err := appendJSON(&b, n); err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

func appendJSON(b *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.DocumentNode:
		return appendJSON(b, n.Content[0])
	case yaml.AliasNode:
		return appendJSON(b, n.Alias)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			b.Write(k)
			b.WriteByte(':')
			if err := appendJSON(b, n.Content[i+1]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := appendJSON(b, c); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	default:
		switch n.Tag {
		case "!!int", "!!float", "!!bool":
			b.WriteString(n.Value)
		case "!!null":
			b.WriteString("null")
		default:
			s, err := json.Marshal(n.Value)
			if err != nil {
				return err
			}
			b.Write(s)
		}
	}
	return nil
}
