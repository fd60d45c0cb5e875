//go:build !race

package spreadsheet_test

// raceEnabled says whether the race detector is on: it makes the
// adversarial sheets take minutes, and checks nothing that the run
// without it does not.
const raceEnabled = false
