package caseexport_test

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/caseexport"
	"github.com/careerladder/careerladder/ladder"
)

// manyLevels returns a valid ladder of one capability and n levels.
func manyLevels(b *testing.B, n int) (*ladder.Ladder, int) {
	var sb strings.Builder
	sb.WriteString("format: careerladder/v1\nid: many\nname: Many levels\nscales:\n  - id: s\n    ratings: [{id: a, points: 1}, {id: b, points: 2}]\n")
	sb.WriteString("capabilities:\n  - {id: c1, name: C1}\ntracks:\n  - id: t\n    name: T\n    levels:\n")
	for i := range n {
		fmt.Fprintf(&sb, "      - {id: l%d, name: Level %d, expects: {c1: a}}\n", i, i)
	}
	l, err := ladder.Parse("many.yaml", []byte(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	return l, sb.Len()
}

// BenchmarkWriteManyLevels writes the package of a ladder of many levels,
// whose export is about fifty times its size, and reports the heap in use
// at the end of a write per byte of ladder ("heap-B/in-B"): the package is
// written as it is made, so that stays small however large the export.
func BenchmarkWriteManyLevels(b *testing.B) {
	for _, n := range []int{5_000, 10_000, 20_000} {
		l, size := manyLevels(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				w := &heapWriter{}
				if err := caseexport.Write(w, l, caseexport.Options{}); err != nil {
					b.Fatal(err)
				}
				peak = max(peak, w.peak)
			}
			b.ReportMetric(float64(peak)/float64(size), "heap-B/in-B")
		})
	}
}

// heapWriter discards what it is given and samples the heap in use every
// few megabytes.
type heapWriter struct {
	n, next int
	peak    uint64
}

func (w *heapWriter) Write(p []byte) (int, error) {
	if w.n += len(p); w.n >= w.next {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		w.peak = max(w.peak, ms.HeapInuse)
		w.next = w.n + 4<<20
	}
	return io.Discard.Write(p)
}
