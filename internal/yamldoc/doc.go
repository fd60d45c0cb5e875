// Package yamldoc reads and writes careerladder documents: strict, positioned
// decoding of one YAML or JSON document into Go structs, driven by the same
// `yaml` struct tags that the published JSON Schemas are generated from.
//
// The decoder works on a parsed [yaml.Node] tree rather than through
// yaml.Unmarshal, because the latter loses strictness through custom
// unmarshalers, accepts duplicate keys in node trees, expands aliases without
// bound, silently ignores a second document and accepts empty input. Here
// every problem becomes an [Issue] with a stable code, a range of the
// source (1-based lines and columns with byte offsets, counted by [Lines])
// and a path, and decoding goes on after a problem so that one pass
// reports all of them. The parser gives nodes a start only; the end of each
// range is found in the source (see Document.Locate).
//
// Conventions beyond the yaml tags:
//
//   - A field without ",omitempty" is required.
//   - A slice whose element struct has a field tagged `cl:"key"` is written as
//     a mapping: each key becomes that field. If another field is tagged
//     `cl:"value"`, the mapping value decodes into it; otherwise the value is
//     a mapping of the element's other fields. This keeps the order of keyed
//     entries, which Go maps would lose. With `cl:"key,list"` the slice may
//     also be written as a list of whole elements, the key a field like the
//     others; it is written so when an element has more than its key and
//     value, or two elements share a key (see Encode), and issues about its
//     elements then have paths by index.
//   - Types that implement [encoding.TextUnmarshaler] are written as strings.
//
// Aliases are followed once and never recursively: an alias whose anchored
// node itself contains an alias is reported, not expanded, so no input can
// make the decoder do more work than its size and [Limits] allow.
package yamldoc
