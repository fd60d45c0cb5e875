package ladder_test

import (
	"bytes"
	"os"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/careerladder/careerladder/internal/workload"
	"github.com/careerladder/careerladder/ladder"
)

// A benchFile is one input of the loading benchmarks.
type benchFile struct {
	name string
	src  []byte
}

// benchFiles are the inputs of every loading benchmark, from small to
// large: the CTO reference ladder (25 KB), a generated ladder of 50
// capabilities on 3 tracks of 6 levels (about 0.5 MiB) and one of 200
// capabilities on 3 tracks of 12 levels (about 2 MiB).
var benchFiles = sync.OnceValues(func() ([]benchFile, error) {
	cto, err := os.ReadFile("../testdata/ladders/cto.yaml")
	if err != nil {
		return nil, err
	}
	return []benchFile{
		{"cto", cto},
		{"medium", workload.LadderYAML(50, 3, 6, 1)},
		{"large", workload.LadderYAML(200, 3, 12, 1)},
	}, nil
})

// runFiles runs fn as a sub-benchmark for each of benchFiles, reporting
// allocations and throughput in bytes of input.
func runFiles(b *testing.B, fn func(b *testing.B, f benchFile)) {
	files, err := benchFiles()
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(f.src)))
			fn(b, f)
		})
	}
}

// BenchmarkParse measures loading a ladder as users do: the strict decode,
// validation with every check, then Validate for the warnings.
func BenchmarkParse(b *testing.B) {
	runFiles(b, func(b *testing.B, f benchFile) {
		name := f.name + ".yaml"
		for b.Loop() {
			l, err := ladder.Parse(name, f.src)
			if err != nil {
				b.Fatal(err)
			}
			if ds := l.Validate(); len(ds) > 0 {
				b.Fatalf("%s has diagnostics:\n%v", name, ds)
			}
		}
	})
}

// The baselines below measure what decoding the same bytes costs with the
// YAML library alone, so that BenchmarkParse can be read as a multiple of
// it. They cannot decode into ladder.Ladder: the format's keyed mappings
// (descriptors, expects, weights, evidence sources: a mapping from id to
// value) are lists of structs in Go, which only the library's own walker
// fills, and a plain decode would also skip every check. A generic decode
// into any builds a comparable tree of maps, lists and scalars, and
// BenchmarkBareNode stops at the node tree the library's walker starts from.

// BenchmarkBareDecode measures a plain, generic YAML decode into any.
func BenchmarkBareDecode(b *testing.B) {
	runFiles(b, func(b *testing.B, f benchFile) {
		for b.Loop() {
			var v any
			if err := yaml.NewDecoder(bytes.NewReader(f.src)).Decode(&v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBareNode measures a plain YAML decode into a yaml.Node tree,
// with positions but no conversion to Go values.
func BenchmarkBareNode(b *testing.B) {
	runFiles(b, func(b *testing.B, f benchFile) {
		for b.Loop() {
			var n yaml.Node
			if err := yaml.NewDecoder(bytes.NewReader(f.src)).Decode(&n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
