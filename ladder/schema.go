package ladder

import (
	_ "embed"
	"slices"
)

//go:embed ladder.schema.json
var schema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of ladder files, for
// editors and for CI tools that do not use this package. It is generated from
// the Go types, so it agrees with the loader on every structural rule it can
// express: field names and types, required fields, id syntax, minimums and
// enumerations. Rules across fields, such as references resolving or titles
// leaving no gaps, are for Validate alone. The returned slice is a copy.
func JSONSchema() []byte { return slices.Clone(schema) }
