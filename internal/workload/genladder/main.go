// Command genladder writes a generated ladder to standard output, for the
// command-line benchmarks in BENCHMARKS.md:
//
//	go run ./internal/workload/genladder > /tmp/large.yaml           # 200 capabilities, 3 tracks of 12 levels, about 2 MiB
//	go run ./internal/workload/genladder -caps 50 -levels 6 > m.yaml
package main

import (
	"flag"
	"os"

	"github.com/careerladder/careerladder/internal/workload"
)

func main() {
	caps := flag.Int("caps", 200, "capabilities")
	tracks := flag.Int("tracks", 3, "tracks")
	levels := flag.Int("levels", 12, "levels per track")
	seed := flag.Uint64("seed", 1, "seed")
	flag.Parse()
	if _, err := os.Stdout.Write(workload.LadderYAML(*caps, *tracks, *levels, *seed)); err != nil {
		os.Exit(1)
	}
}
