package yamldoc

import (
	"encoding"
	"reflect"
	"strings"
)

// field describes one struct field as the yaml tag declares it.
type field struct {
	name      string
	index     int
	required  bool
	omitEmpty bool
}

// structInfo is the decoded tag table of a struct type.
type structInfo struct {
	fields []field
	byName map[string]int // name -> position in fields
	key    int            // index of the `cl:"key"` field, or -1
	value  int            // index of the `cl:"value"` field, or -1
	// list says that slices of the type may also be written as lists of
	// whole elements (`cl:"key,list"`).
	list bool
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// types caches structInfo per type; each decoder or encoder owns one, so
// there is no shared mutable state.
type types map[reflect.Type]*structInfo

func (ts types) info(t reflect.Type) *structInfo {
	if si, ok := ts[t]; ok {
		return si
	}
	si := &structInfo{byName: map[string]int{}, key: -1, value: -1}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		parts := strings.Split(tag, ",")
		name := parts[0]
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		f := field{name: name, index: i, required: true}
		for _, o := range parts[1:] {
			if o == "omitempty" {
				f.required, f.omitEmpty = false, true
			}
		}
		cl, opt, _ := strings.Cut(sf.Tag.Get("cl"), ",")
		switch cl {
		case "key":
			si.key = i
			si.list = opt == "list"
		case "value":
			si.value = i
		}
		si.byName[name] = len(si.fields)
		si.fields = append(si.fields, f)
	}
	ts[t] = si
	return si
}

// keyed reports whether slices of t are written as mappings.
func (ts types) keyed(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && ts.info(t).key >= 0
}

// listed reports whether the keyed slice v must be written as a list of
// whole elements: its type allows it and some element has a field set
// besides its key and value, or two elements share a key. Otherwise it is
// written as a mapping, as every keyed slice is.
func (ts types) listed(v reflect.Value) bool {
	si := ts.info(v.Type().Elem())
	if !si.list {
		return false
	}
	seen := make(map[string]bool, v.Len())
	for i := 0; i < v.Len(); i++ {
		el := v.Index(i)
		for _, f := range si.fields {
			if f.index != si.key && f.index != si.value && !el.Field(f.index).IsZero() {
				return true
			}
		}
		k := el.Field(si.key).String()
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

// Listed reports whether slice, a slice of keyed elements, is written as
// a list of whole elements rather than a mapping (see types.listed), so
// that checks of its elements give the paths a file has.
func Listed(slice any) bool {
	v := reflect.ValueOf(slice)
	if v.Kind() != reflect.Slice || !(types{}).keyed(v.Type().Elem()) {
		return false
	}
	return types{}.listed(v)
}

// keyName returns the name of si's key field.
func (si *structInfo) keyName() string {
	for _, f := range si.fields {
		if f.index == si.key {
			return f.name
		}
	}
	return ""
}

// names returns the field names of si, without the key field.
func (si *structInfo) names() []string {
	var out []string
	for _, f := range si.fields {
		if f.index != si.key {
			out = append(out, f.name)
		}
	}
	return out
}

func isText(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(textUnmarshaler)
}
