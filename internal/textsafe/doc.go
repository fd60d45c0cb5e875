// Package textsafe escapes text from input files before it is written for
// a person to read, so that a name or an id cannot act on the terminal
// that shows it (move the cursor, clear the screen, set the title, make a
// hyperlink), reorder the text around it, or start a line of its own.
//
// The rule: every C0 control (U+0000 to U+001F, newline and tab included),
// DEL (U+007F), every C1 control (U+0080 to U+009F), the bidirectional
// controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069),
// the line and paragraph separators (U+2028, U+2029) and every byte that
// is not part of valid UTF-8 are written as visible escapes in the style
// of Go's strconv.Quote: \n, \r and \t, \x1b for other C0 controls and
// DEL and for bad bytes (\xff), \u0085 and \u202e for the rest. Everything
// else, backslashes included, is written as it is, so that ordinary text
// is unchanged. The escapes are for display; they are not meant to be
// read back.
//
// A writer's own newlines and tabs, which give its output its structure,
// are in its format strings, not in the values: [Fprintf] escapes its
// arguments and leaves the format alone.
package textsafe
