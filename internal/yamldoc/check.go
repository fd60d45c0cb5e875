package yamldoc

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// Check enforces on a decoded value the constraints its struct tags publish
// in the JSON Schema, so that the schema and the Go checks agree by
// construction:
//
//   - a required (not omitempty) string field must not be empty
//     (missing-field);
//   - `jsonschema:"pattern=..."` on a non-empty string (bad-id: patterns are
//     used for ids only);
//   - `jsonschema:"minimum=N"` and `jsonschema:"maximum=N"` on numbers
//     (bad-value; a number that is not finite is bad-number) and
//     `jsonschema:"minItems=N"` on slices (bad-value);
//   - `jsonschema:"enum=a,enum=b"` on non-empty strings (bad-value, or the
//     code named by a `code:"..."` tag).
//
// A field tagged `cl:"checked"` is checked by its owner: Check leaves its
// contents alone (the evidence package checks its items with one function
// for every format it reads).
//
// Issues carry At paths and no line; Document.Locate turns them into
// positions.
func Check(v any, lim Limits) []Issue {
	c := &checker{types: types{}, patterns: map[string]*regexp.Regexp{}, r: NewReporter(lim)}
	c.value(reflect.ValueOf(v), nil)
	return c.r.Issues()
}

type checker struct {
	types    types
	patterns map[string]*regexp.Regexp
	r        *Reporter
}

func (c *checker) add(p *Path, code, summary, detail string) {
	if c.r.Full() {
		c.r.Drop()
		return
	}
	c.r.Add(Issue{Code: code, Path: p.String(), At: p.clone(), Summary: summary, Detail: detail})
}

func (c *checker) value(v reflect.Value, p *Path) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			c.value(v.Elem(), p)
		}
	case reflect.Struct:
		c.structure(v, p, -1)
	case reflect.Slice:
		et := v.Type().Elem()
		if c.types.keyed(et) && !c.types.listed(v) {
			si := c.types.info(et)
			for i := 0; i < v.Len(); i++ {
				el := v.Index(i)
				key := el.Field(si.key).String()
				kp := p.child(key, -1)
				// Keys are ids, as the schema's propertyNames says.
				if !isID(key) {
					c.r.Add(Issue{Code: CodeBadID, Path: kp.String(), At: kp.clone(), Key: true,
						Summary: fmt.Sprintf("%q is not a valid id", key), Detail: IDDetail})
				}
				if si.value >= 0 {
					f := si.fields[si.byName[fieldName(si, si.value)]]
					c.field(el.Type().Field(si.value), f, el.Field(si.value), &kp)
				} else {
					c.structure(el, &kp, si.key)
				}
			}
			return
		}
		for i := 0; i < v.Len(); i++ {
			ip := p.child("", i)
			c.value(v.Index(i), &ip)
		}
	}
}

func fieldName(si *structInfo, index int) string {
	for _, f := range si.fields {
		if f.index == index {
			return f.name
		}
	}
	return ""
}

func (c *checker) structure(v reflect.Value, p *Path, skip int) {
	si := c.types.info(v.Type())
	for _, f := range si.fields {
		if f.index == skip {
			continue
		}
		fp := p.child(f.name, -1)
		c.field(v.Type().Field(f.index), f, v.Field(f.index), &fp)
	}
}

// field checks one field's own constraints, then its contents.
func (c *checker) field(sf reflect.StructField, f field, v reflect.Value, p *Path) {
	if isText(sf.Type) {
		return
	}
	if f.required && v.Kind() == reflect.String && v.String() == "" {
		if c.r.Full() {
			c.r.Drop()
			return
		}
		c.r.Add(Issue{Code: CodeMissingField, Path: p.String(), At: p.clone(), Key: true,
			Summary: fmt.Sprintf("missing field %q", f.name)})
		return
	}
	var enum []string
	for _, kv := range splitTag(sf.Tag.Get("jsonschema")) {
		k, val, _ := strings.Cut(kv, "=")
		switch k {
		case "pattern":
			if v.Kind() == reflect.String && v.String() != "" && !c.matches(val, v.String()) {
				c.add(p, CodeBadID, fmt.Sprintf("%q is not a valid id", v.String()), IDDetail)
			}
		case "minimum", "maximum":
			limit, _ := strconv.ParseFloat(val, 64)
			var n float64
			var text string // n as written
			switch v.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				n, text = float64(v.Int()), strconv.FormatInt(v.Int(), 10)
			case reflect.Float32, reflect.Float64:
				n, text = v.Float(), strconv.FormatFloat(v.Float(), 'g', -1, 64)
			case reflect.Pointer:
				if v.IsNil() {
					continue
				}
				n, text = float64(v.Elem().Int()), strconv.FormatInt(v.Elem().Int(), 10)
			default:
				continue
			}
			switch {
			case math.IsNaN(n) || math.IsInf(n, 0):
				if k == "minimum" { // once, not for each bound
					c.add(p, CodeBadNumber, fmt.Sprintf("%s must be a finite number, found %s", f.name, text), "")
				}
			case k == "maximum" && n > limit:
				c.add(p, CodeBadValue, fmt.Sprintf("%s must be at most %s, found %s", f.name, val, text), "")
			// A zero in an omitempty field is indistinguishable from an
			// absent one, which the schema does not constrain either.
			case k == "minimum" && n < limit && !(n == 0 && f.omitEmpty):
				c.add(p, CodeBadValue, fmt.Sprintf("%s must be at least %s, found %s", f.name, val, text), "")
			}
		case "minItems":
			limit, _ := strconv.Atoi(val)
			// An absent optional list is fine; a present one, even empty,
			// must have limit entries, as the schema's minItems says.
			if v.Kind() == reflect.Slice && v.Len() < limit && (f.required || !v.IsNil()) {
				c.add(p, CodeBadValue, fmt.Sprintf("%s needs at least %d %s", f.name, limit, plural(limit, "entry", "entries")), "")
			}
		case "enum":
			enum = append(enum, val)
		}
	}
	if len(enum) > 0 && v.Kind() == reflect.String && v.String() != "" && !contains(enum, v.String()) {
		code := CodeBadValue
		if tc := sf.Tag.Get("code"); tc != "" {
			code = tc
		}
		c.add(p, code, fmt.Sprintf("%s %q is not one of %s", f.name, v.String(), strings.Join(enum, ", ")), "")
	}
	if sf.Tag.Get("cl") == "checked" {
		return
	}
	c.value(v, p)
}

// IDPattern is the syntax of ids: lower-case letters and digits in groups
// joined by single '-', '_' or '.'.
const IDPattern = `^[a-z0-9]+([._-][a-z0-9]+)*$`

// IDDetail says what an id may hold, for the detail of bad-id issues.
const IDDetail = "ids hold lower-case letters and digits in groups joined by single '-', '_' or '.', as in team-management or 3.2"

// matches reports whether s matches pattern; the id pattern, by far the
// most common, is checked without a regular expression.
func (c *checker) matches(pattern, s string) bool {
	if pattern == IDPattern {
		return isID(s)
	}
	return c.pattern(pattern).MatchString(s)
}

// isID reports whether s matches IDPattern: lower-case letters and digits
// in groups joined by single '-', '_' or '.'.
func isID(s string) bool {
	sep := true // at the start, as after a separator
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			sep = false
		case c == '-' || c == '_' || c == '.':
			if sep {
				return false
			}
			sep = true
		default:
			return false
		}
	}
	return len(s) > 0 && !sep
}

func (c *checker) pattern(s string) *regexp.Regexp {
	re, ok := c.patterns[s]
	if !ok {
		re = regexp.MustCompile(s)
		c.patterns[s] = re
	}
	return re
}

// splitTag splits a jsonschema tag on the commas that separate keywords.
func splitTag(tag string) []string {
	if tag == "" {
		return nil
	}
	return strings.Split(tag, ",")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
