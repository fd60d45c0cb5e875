package ladder

// Esc is esc, for the tests of the Markdown escaping.
var Esc = esc
