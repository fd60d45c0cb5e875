// Command gen writes the generated files of the hostile corpus. It is
// deterministic: running it again gives the same bytes.
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

const head = "format: careerladder/v1\nid: hostile\nname: Hostile\nscales: [{id: s, ratings: [{id: a}, {id: b}]}]\n"

func main() {
	dir := filepath.Join("testdata", "hostile")
	files := map[string]string{}

	// Alias bomb: each level refers to the one before nine times.
	var b strings.Builder
	b.WriteString(head + "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "x%d: &x%d [", i, i)
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*x%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("capabilities: *x9\n")
	files["alias-bomb.yaml"] = b.String()

	// Many flat aliases of one anchor.
	b.Reset()
	b.WriteString(head + "capabilities:\n  - &c {id: c, name: C}\n")
	for i := 0; i < 500; i++ {
		b.WriteString("  - *c\n")
	}
	files["alias-flood.yaml"] = b.String()

	files["deep-flow.yaml"] = head + "capabilities: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"
	files["deeper-than-parser.yaml"] = strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	b.Reset()
	b.WriteString(head)
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat("  ", i), i)
	}
	b.WriteString(strings.Repeat("  ", 300) + "v\n")
	files["deep-block.yaml"] = b.String()
	files["deep.json"] = strings.Repeat(`{"a": `, 200) + "1" + strings.Repeat("}", 200) + "\n"

	// Floods.
	b.Reset()
	b.WriteString(head + "capabilities:\n")
	for i := 0; i < 100000; i++ {
		b.WriteString("  - 1\n")
	}
	files["huge-list.yaml"] = b.String()
	b.Reset()
	b.WriteString(head + "capabilities:\n")
	for i := 0; i < 120000; i++ {
		fmt.Fprintf(&b, "  - {id: c%d, name: C}\n", i)
	}
	files["many-ids.yaml"] = b.String()
	b.Reset()
	b.WriteString(head + "capabilities:\n  - {id: c, name: C}\ntracks:\n  - id: t\n    name: T\n    levels:\n      - id: l\n        name: L\n        expects:\n")
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&b, "          k%d: a\n", i)
	}
	files["many-unknown-refs.yaml"] = b.String()

	files["long-key.yaml"] = head + strings.Repeat("k", 100<<10) + ": 1\n"
	files["long-scalar.yaml"] = head + "description: " + strings.Repeat("x", 1<<20) + "\n"

	// Random bytes, seeded.
	rng := rand.New(rand.NewPCG(1, 2))
	raw := make([]byte, 4096)
	for i := range raw {
		raw[i] = byte(rng.IntN(256))
	}
	files["random-bytes.yaml"] = string(raw)

	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
