// Package diagtest checks the ranges of diagnostics against the source they
// were found in, for the tests of every package that reports them. It
// counts positions the slow way, in one pass of its own, independently of
// the code under test. It also checks that diagnostics and the output of
// the writers hold no raw control characters from hostile input
// (CheckText, CheckLines).
package diagtest
