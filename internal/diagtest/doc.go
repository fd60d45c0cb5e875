// Package diagtest checks the ranges of diagnostics against the source they
// were found in, for the tests of every package that reports them. It
// counts positions the slow way, in one pass of its own, independently of
// the code under test.
package diagtest
