package scoring_test

import (
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/careerladder/careerladder/internal/workload"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

var benchSizes = []int{10, 1_000, 10_000, 100_000}

func largeLadder(b *testing.B) *ladder.Ladder {
	b.Helper()
	l, err := ladder.Parse("large.yaml", workload.LadderYAML(200, 3, 12, 1))
	if err != nil {
		b.Fatal(err)
	}
	return l
}

func BenchmarkCompile(b *testing.B) {
	for _, tc := range []struct {
		name string
		l    *ladder.Ladder
	}{{"cto", compile(b, "cto.yaml").Ladder()}, {"large", largeLadder(b)}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scoring.Compile(tc.l); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAssess assesses one person with n evidence items against the
// CTO ladder, and reports items per second.
func BenchmarkAssess(b *testing.B) {
	s := compile(b, "cto.yaml")
	for _, n := range benchSizes {
		in := scoring.Input{Person: "p", Evidence: workload.Evidence(s.Ladder(), n, asOf, 7)}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.Assess(in, asOf)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}

// BenchmarkBaselineLoop is the hand-written loop Assess is measured
// against: the same lookups (capability, rating, source weight), the same
// window, decay and sums, and the highest rating with enough support per
// capability; no trace, no ordering, no levels.
func BenchmarkBaselineLoop(b *testing.B) {
	s := compile(b, "cto.yaml")
	l := s.Ladder()
	capIndex := map[string]int{}
	var ratings [][]string
	for i, c := range l.Capabilities {
		capIndex[c.ID] = i
		sc, _ := l.ScaleOf(&c)
		ratings = append(ratings, sc.IDs())
	}
	pol := l.Rules.Evidence
	today := scoring.DateOf(asOf).Time()
	start := pol.Window.Start(asOf)
	halfLife := pol.HalfLife.Days()
	for _, n := range benchSizes {
		items := workload.Evidence(l, n, asOf, 7)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			var sink int
			for b.Loop() {
				support := make([][]float64, len(ratings))
				for k := range support {
					support[k] = make([]float64, len(ratings[k]))
				}
				for i := range items {
					it := &items[i]
					k, ok := capIndex[it.Capability]
					if !ok {
						continue
					}
					r := -1
					for j, id := range ratings[k] {
						if id == it.Rating {
							r = j
						}
					}
					day := it.Date.Time()
					if r < 0 || day.After(today) || day.Before(start) {
						continue
					}
					w, ok := pol.SourceWeight(it.Source)
					if !ok || w <= 0 {
						continue
					}
					age := today.Sub(day).Hours() / 24
					support[k][r] += w * math.Exp2(-age/halfLife)
				}
				for k := range support {
					acc := 0.0
					for r := len(support[k]) - 1; r >= 0; r-- {
						if acc += support[k][r]; acc >= float64(pol.MinItems) {
							sink += r
							break
						}
					}
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
			_ = sink
		})
	}
}

// BenchmarkOrganisation assesses 10,000 people with 200 evidence items each
// through AssessEach, on every core: run with -cpu 1,2 to see the scaling.
// The people cycle through 100 generated ones, so the inputs fit in memory.
func BenchmarkOrganisation(b *testing.B) {
	s := compile(b, "cto.yaml")
	pool := workload.Org(s.Ladder(), 100, 200, asOf, 11)
	const people = 10_000
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := s.AssessEach(context.Background(), func() (scoring.Input, error) {
			if n == people {
				return scoring.Input{}, io.EOF
			}
			n++
			return pool[n%len(pool)], nil
		}, asOf, func(int, scoring.Result) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(people)*float64(b.N)/b.Elapsed().Seconds(), "people/s")
	b.ReportMetric(float64(people*200)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkCPUCeiling spins the same arithmetic on every core, sharing
// nothing: with -cpu 1,2 it shows how far the machine itself scales, the
// ceiling for BenchmarkOrganisation.
func BenchmarkCPUCeiling(b *testing.B) {
	for b.Loop() {
		var wg sync.WaitGroup
		w := runtime.GOMAXPROCS(0)
		for range w {
			wg.Add(1)
			go func() {
				defer wg.Done()
				x := uint64(1)
				for i := 0; i < 100_000_000/w; i++ {
					x = x*6364136223846793005 + 1442695040888963407
				}
				ceilingSink.Add(x)
			}()
		}
		wg.Wait()
	}
}

var ceilingSink atomic.Uint64
