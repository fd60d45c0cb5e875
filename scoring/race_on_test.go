//go:build race

package scoring_test

// raceEnabled says whether the race detector is on: it makes sync.Pool
// drop what it is given at random, so allocation counts mean nothing.
const raceEnabled = true
