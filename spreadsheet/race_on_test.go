//go:build race

package spreadsheet_test

const raceEnabled = true
