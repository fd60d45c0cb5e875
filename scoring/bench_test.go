package scoring_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careerladder/careerladder/evidence"
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
	benchAssess(b, func(s *scoring.Scorer, in evidence.Input, _ *scoring.ResultBuffer) { _, _ = s.Assess(in, asOf) })
}

// BenchmarkAssessInto is BenchmarkAssess with the result's memory reused
// from one assessment to the next.
func BenchmarkAssessInto(b *testing.B) {
	benchAssess(b, func(s *scoring.Scorer, in evidence.Input, rb *scoring.ResultBuffer) {
		_, _ = s.AssessInto(rb, in, asOf)
	})
}

// benchAssess times assess on each size of evidence, with a ResultBuffer
// for each size, and reports items per second. One assessment before the
// timed ones grows the working memory to fit, so that the figures are
// those of an assessment among many (b.Loop counts its first iteration).
func benchAssess(b *testing.B, assess func(*scoring.Scorer, evidence.Input, *scoring.ResultBuffer)) {
	s := compile(b, "cto.yaml")
	for _, n := range benchSizes {
		in := evidence.Input{Person: "p", Evidence: workload.Evidence(s.Ladder(), n, asOf, 7)}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var rb scoring.ResultBuffer
			assess(s, in, &rb)
			b.ReportAllocs()
			for b.Loop() {
				assess(s, in, &rb)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}

// BenchmarkResultJSON writes the result of a person of 200 items as one
// line of JSON through an encoding/json Encoder.
func BenchmarkResultJSON(b *testing.B) {
	s := compile(b, "cto.yaml")
	r := assess(b, s, evidence.Input{Person: "p", Evidence: workload.Evidence(s.Ladder(), orgItems, asOf, 7)}, asOf)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := enc.Encode(&r); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkBaselineLoop is the hand-written loop Assess is measured
// against: the same lookups (capability, rating, source weight), the same
// window, decay and sums, and the highest rating with enough support per
// capability; no trace, no ordering, no levels.
func BenchmarkBaselineLoop(b *testing.B) {
	s := compile(b, "cto.yaml")
	loop := baselineLoop(s.Ladder())
	for _, n := range benchSizes {
		items := workload.Evidence(s.Ladder(), n, asOf, 7)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			var sink int
			for b.Loop() {
				sink += loop(items)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
			_ = sink
		})
	}
}

// BenchmarkAssessToLoop measures Assess against the hand-written loop as
// a ratio within each iteration: it runs both on the same items,
// alternating which goes first, and reports the time of Assess over the
// time of the loop ("assess/loop"). Like BenchmarkScaling, it pairs runs
// close in time, which separate benchmarks on a shared machine are not.
func BenchmarkAssessToLoop(b *testing.B) {
	s := compile(b, "cto.yaml")
	loop := baselineLoop(s.Ladder())
	for _, n := range benchSizes {
		in := evidence.Input{Person: "p", Evidence: workload.Evidence(s.Ladder(), n, asOf, 7)}
		reps := max(1, 10_000/n) // about as long as 10,000 items
		_, _ = s.Assess(in, asOf)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var tAssess, tLoop time.Duration
			sink := 0
			for i := range b.N {
				for j := range 2 {
					start := time.Now()
					if (i+j)%2 == 0 {
						for range reps {
							_, _ = s.Assess(in, asOf)
						}
						tAssess += time.Since(start)
					} else {
						for range reps {
							sink += loop(in.Evidence)
						}
						tLoop += time.Since(start)
					}
				}
			}
			b.ReportMetric(tAssess.Seconds()/tLoop.Seconds(), "assess/loop")
			_ = sink
		})
	}
}

// baselineLoop returns the hand-written loop over the evidence for l: it
// returns the sum of the ranks reached, so that nothing is optimised away.
func baselineLoop(l *ladder.Ladder) func(items []evidence.Item) int {
	capIndex := map[string]int{}
	var ratings [][]string
	for i, c := range l.Capabilities {
		capIndex[c.ID] = i
		sc, _ := l.ScaleOf(&c)
		ratings = append(ratings, sc.IDs())
	}
	pol := l.Rules.Evidence
	today := asOf.Time()
	start := pol.Window.Start(today)
	halfLife := pol.HalfLife.Days()
	return func(items []evidence.Item) int {
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
		sum := 0
		for k := range support {
			acc := 0.0
			for r := len(support[k]) - 1; r >= 0; r-- {
				if acc += support[k][r]; acc >= float64(pol.MinItems) {
					sum += r
					break
				}
			}
		}
		return sum
	}
}

// The organisation: 10,000 people with 200 evidence items each, cycling
// through 100 generated ones so that the inputs fit in memory.
const (
	orgPeople = 10_000
	orgItems  = 200
)

type organisation struct {
	s    *scoring.Scorer
	pool []evidence.Input
}

func newOrganisation(b *testing.B) organisation {
	s := compile(b, "cto.yaml")
	return organisation{s, workload.Org(s.Ladder(), 100, orgItems, asOf, 11)}
}

// people returns a stream of the organisation's people.
func (o organisation) people() iter.Seq2[evidence.Input, error] {
	return func(yield func(evidence.Input, error) bool) {
		for n := range orgPeople {
			if !yield(o.pool[(n+1)%len(o.pool)], nil) {
				return
			}
		}
	}
}

// all assesses the organisation through AssessAll.
func (o organisation) all() error {
	for _, err := range o.s.AssessAll(context.Background(), o.people(), asOf) {
		if err != nil {
			return err
		}
	}
	return nil
}

// split assesses the organisation in equal shares, one goroutine a core
// calling Assess, with nothing shared and nothing in order.
func (o organisation) split() {
	onEveryCore(func(k, w int) {
		for n := k * orgPeople / w; n < (k+1)*orgPeople/w; n++ {
			_, _ = o.s.Assess(o.pool[(n+1)%len(o.pool)], asOf)
		}
	})
}

// onEveryCore runs f(k, w) for k from 0 to w-1 at once, w being
// GOMAXPROCS, and waits for them.
func onEveryCore(f func(k, w int)) {
	var wg sync.WaitGroup
	w := runtime.GOMAXPROCS(0)
	for k := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(k, w)
		}()
	}
	wg.Wait()
}

// spin runs f's loop of n steps split over every core.
func spin(f func(n int) uint64, n int) func() {
	return func() {
		onEveryCore(func(_, w int) { ceilingSink.Add(f(n / w)) })
	}
}

// benchOrganisation times run on the organisation b.N times and reports
// people and items per second.
func benchOrganisation(b *testing.B, run func(organisation) error) {
	o := newOrganisation(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := run(o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(orgPeople)*float64(b.N)/b.Elapsed().Seconds(), "people/s")
	b.ReportMetric(float64(orgPeople*orgItems)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkOrganisation assesses the organisation through AssessAll, on
// every core: run with -cpu 1,2 to see the scaling (BenchmarkScaling
// measures it more steadily).
//
// The benchmarks run with -cpu count b.N rather than use b.Loop: the
// testing package sets GOMAXPROCS only after a benchmark's first run
// (golang/go#49980), and b.Loop reports that first run, so with -cpu 1,2
// the first "one core" result would be measured on every core. For the
// same reason they need -benchtime 2x or more: at 1x the testing package
// reports the first run too.
func BenchmarkOrganisation(b *testing.B) { benchOrganisation(b, organisation.all) }

// BenchmarkOrganisationIdeal is the organisation without AssessAll: the
// people split in equal shares, one goroutine a core calling Assess with
// nothing shared and nothing in order. It is the best any batch API can do
// on the machine, so the ratio of BenchmarkOrganisation to it is what the
// batch API itself costs. Like BenchmarkOrganisation, it counts b.N.
func BenchmarkOrganisationIdeal(b *testing.B) {
	benchOrganisation(b, func(o organisation) error { o.split(); return nil })
}

// BenchmarkCPUCeiling runs the same arithmetic on every core, sharing
// nothing: with -cpu 1,2 it shows how far the machine itself scales, the
// ceiling for BenchmarkOrganisation. The latency loop is one chain of
// multiplications, which leaves most of a core's execution units idle; the
// throughput loop keeps four chains of additions going at once and so
// needs the core to itself. Virtual CPUs that share a physical core (SMT
// siblings) scale the first by 2× and the second by far less. The sort
// loop is code like an assessment's, branchy and with a larger footprint:
// each core sorts copies of 1,000 random numbers with the standard
// library, in its first-level cache, allocating nothing. Like
// BenchmarkOrganisation, it counts b.N.
func BenchmarkCPUCeiling(b *testing.B) {
	for _, tc := range []struct {
		name string
		f    func()
	}{{"latency", spin(spinLatency, ceilingSteps)}, {"throughput", spin(spinThroughput, ceilingSteps)},
		{"sort", spin(spinSort, ceilingSorts)}} {
		b.Run(tc.name, func(b *testing.B) {
			for range b.N {
				tc.f()
			}
		})
	}
}

const ceilingSteps = 100_000_000

// BenchmarkScaling measures the speed-up from one core to two as a
// ratio within each iteration: it runs the work once on one core and once
// on two, alternating which goes first, and reports the time on one core
// over the time on two ("speedup"). Pairs close in time share the state of
// the machine, so the ratio is steadier than two separate -cpu runs on a
// shared machine. "organisation" is BenchmarkOrganisation's work through
// AssessAll, "ideal" the same
// split by hand (BenchmarkOrganisationIdeal), and the loops are the
// machine's own ceilings (BenchmarkCPUCeiling). It sets GOMAXPROCS itself:
// run it without -cpu.
func BenchmarkScaling(b *testing.B) {
	if runtime.NumCPU() < 2 {
		b.Skip("needs two CPUs")
	}
	o := newOrganisation(b)
	all := func() {
		if err := o.all(); err != nil {
			b.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		f    func()
	}{{"organisation", all}, {"ideal", o.split},
		{"latency-loop", spin(spinLatency, ceilingSteps)}, {"throughput-loop", spin(spinThroughput, ceilingSteps)},
		{"sort-loop", spin(spinSort, ceilingSorts)}} {
		b.Run(tc.name, func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
			var on [3]time.Duration // by GOMAXPROCS
			for i := range b.N {
				for j := range 2 {
					procs := 1 + (i+j)%2
					runtime.GOMAXPROCS(procs)
					start := time.Now()
					tc.f()
					on[procs] += time.Since(start)
				}
			}
			b.ReportMetric(on[1].Seconds()/on[2].Seconds(), "speedup")
		})
	}
}

//go:noinline
func spinLatency(n int) uint64 {
	x := uint64(1)
	for range n {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

//go:noinline
func spinThroughput(n int) uint64 {
	a, b, c, d := uint64(1), uint64(2), uint64(3), uint64(4)
	for range n {
		a = (a + 7) ^ b
		b = (b + 11) ^ c
		c = (c + 13) ^ d
		d = (d + 17) ^ a
	}
	return a + b + c + d
}

// ceilingSorts is the number of sorts of the sort loop, about as long as
// ceilingSteps of the others.
const ceilingSorts = 8000

// spinSort sorts n copies of 1,000 seeded random numbers.
//
//go:noinline
func spinSort(n int) uint64 {
	rng := rand.New(rand.NewPCG(1, 2))
	src := make([]uint64, 1000)
	for i := range src {
		src[i] = rng.Uint64()
	}
	buf := make([]uint64, len(src))
	for range n {
		copy(buf, src)
		slices.Sort(buf)
	}
	return buf[0]
}

var ceilingSink atomic.Uint64
