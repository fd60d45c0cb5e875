// Package golden compares test output with golden files, which the tests
// rewrite when run with -update. It serves the tests of every package, so
// that they agree on the file layout and on how differences are shown.
package golden
