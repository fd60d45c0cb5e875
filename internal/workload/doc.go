// Package workload generates deterministic, synthetic workloads for tests
// and benchmarks: ladders of any size in the file format, evidence items and
// whole organisations of people to assess.
//
// Every generator takes a seed and draws from math/rand/v2's PCG source
// seeded with (seed, seed+1) and iterates over slices only, never maps, so
// the same arguments always give the same output, byte for byte:
//
//	src := workload.LadderYAML(200, 3, 12, 1) // about 2 MiB, no diagnostics
//	l, err := ladder.Parse("large.yaml", src)
//	in := workload.Org(l, 100, 50, asOf, 1)   // 100 people, 50 items each
//
// The ladders are valid: they load with no error or warning. Their text is
// English-like filler built from word lists, of realistic length, so that
// sizes and allocation counts resemble those of real ladders.
//
// The package is internal and meant for tests and benchmarks only.
package workload
