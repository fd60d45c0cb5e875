// Package spreadsheet writes a ladder's level-by-capability matrix as CSV
// and reads such sheets back into ladders.
//
// # The layout
//
// [Export] writes one header row and one row per capability, in ladder
// order:
//
//	id,name,category,summary,TRACK_ID/LEVEL_ID,TRACK_ID/LEVEL_ID,...
//	communication,Communication,people,Explains trade-offs.,practising,proficient,...
//
// The first four columns are the capability's id, name, category id and
// summary. Then comes one column per level of each track, tracks in ladder
// order and levels lowest first, headed by the track id and the level id
// joined by a slash, as engineering/senior. A level cell holds the rating id
// the level expects of the capability, n/a when the capability does not
// apply at that level, or nothing when the level does not name it. Only this
// matrix is written: scales, descriptors, gates, titles and rules are not.
// Names and summaries that a spreadsheet program would take for a formula
// (starting with =, +, -, @, a tab or a carriage return, after any single
// quotes) get one more single quote in front, which [Import] removes. The
// output is encoding/csv's (comma-separated, LF line ends, quotes only where
// needed) and depends only on the ladder.
//
// # Reading sheets
//
// [Import] reads that layout and also the looser one people keep: a header
// row whose first cell is anything (such as "Capability", or nothing) and
// whose other cells are level names, and a first column of capability
// names:
//
//	Capability,Junior,Senior
//	Communication,2,3
//	Coding,1,3
//
// A header row with both an id and a name column (in any case) marks the
// exported layout: the columns id, name, category and summary are read as
// such wherever they are, and every other column is a level. Otherwise the
// first column holds the names and every other column is a level. The rules:
//
//   - Capability ids come from the id column; where it is empty or absent
//     they are derived from the names, as "Ids from names" below says. Two
//     rows with the same id, or, in a sheet without ids, the same name, are
//     an error.
//   - A header TRACK_ID/LEVEL_ID, both valid ids, names a level of that
//     track; level and track take their ids as names. Any other header is a
//     level of the track main (named Main), with the header as its name and
//     an id derived from it. Tracks are in order of their first column,
//     levels in column order. A column makes a level even when all its cells
//     are empty.
//   - The ladder has one scale, rating: the distinct cell values other than
//     empty and n/a (in any case), in numerical order when all are
//     integers. Otherwise the order follows the sheet: along each track of
//     each row, expectations rise, so a value that follows another on a
//     track ranks above it; among values not ordered so, the first to appear
//     reading row by row ranks lower (and where the sheet contradicts
//     itself, the first to appear of those left goes next). The points are
//     0, 1, 2, ... in that order. In the exported layout the values are the
//     rating ids themselves; in the loose layout they are labels, integers
//     getting the ids r1, r2, ... and other values derived ids. A sheet
//     without any rating gets the single rating rated.
//   - Categories are the distinct ids of the category column, named by
//     their ids. The ladder's id is derived from the base of the file name
//     without its extension, which is also its name.
//
// # Ids from names
//
// Where a sheet gives names but no ids (capabilities, the levels of main,
// the ratings of a loose sheet), the id is made from the name so that it
// reads like the name and meets the id rules (lower-case ASCII letters and
// digits in groups joined by single '-', '_' or '.'):
//
//   - The name is put in Unicode normalization form NFKC (full-width
//     letters, ligatures and superscripts become their plain letters) and
//     in lower case.
//   - Latin letters lose their accents (Résumé gives resume, İstanbul
//     istanbul); the Latin letters that are no accented form spell out
//     (ß ss, æ ae, œ oe, ø o, ł l, đ and ð d, þ th, ...). Greek letters
//     are transliterated after ELOT 743 (Επικοινωνία gives epikoinonia),
//     Cyrillic ones as English commonly spells Russian, Ukrainian,
//     Belarusian, Bulgarian, Serbian and Macedonian (Коммуникация gives
//     kommunikatsiya).
//   - Every other letter, digit or combining mark, as in Chinese, Japanese,
//     Korean, Arabic, Hebrew or the scripts of India, is written as u and
//     its code point in at least four lower-case hex digits, a group of
//     its own: 中文 gives u4e2d-u6587. No transliteration table guesses a
//     reading, so the id is exact and the same on every machine.
//   - Apostrophes (' and ’) are dropped, so Don't gives dont; every run of
//     anything else (spaces, punctuation, symbols) is one '-', with none at
//     either end.
//   - A name with no letters or digits at all gives the code points of its
//     characters other than spaces (+++ gives u002b-u002b-u002b), so only
//     a blank name, which is an error, would give no id.
//
// Ids are unique within their kind: a derived id keeps its text where it is
// the first name to give it and no id written in the sheet has it; the
// next names giving it get -2, -3, ..., skipping ids that are taken. So a
// suffix marks a true collision, and no sheet makes the search quadratic:
// each id gives rise to at most one step of it.
//
// The ladder Import returns is what ladder.Parse gives for its YAML
// rendering (see [ladder.Ladder.WriteYAML]), so it passed validation and
// loads the same from a file; warnings, such as expectation-falls where
// ladders with a scale per capability meet in the one scale of a sheet, do
// not fail Import. Exporting an imported sheet and importing that gives
// the same sheet again; in particular Export(Import(Export(l))) equals
// Export(l) for the reference ladders of the module, though only the matrix
// survives (the tests and a fuzz test check both). Cells are read with
// surrounding spaces removed, except the names and summaries of the
// exported layout, which are kept as they are; encoding/csv drops a
// carriage return before a line feed inside a cell.
//
// # Diagnostics
//
// Problems are a ladder.Diagnostics, all at once, positioned
// file:row:col: row is the line of the file on which the record starts
// (the spreadsheet row, unless cells span lines) and col the 1-based cell
// number, except for syntax errors inside a record, which carry the line
// and column in the text (encoding/csv's byte column for malformed CSV).
// The range of each diagnostic is empty (End equals Start), and its byte
// offset is that of the start of the line, as a column counted in cells
// names no byte; lines are those encoding/csv counts, ended by \n.
// The codes are those of package ladder: syntax (malformed CSV, input that
// is not UTF-8, or a row with more or fewer cells than the header; col is
// then the first missing or extra cell), empty (no header), bad-value (an
// empty capability name or level header), bad-id (an id, category or
// rating cell of the exported layout that is not an id), duplicate-id (a
// capability or level twice), duplicate-key (a column of the exported
// layout twice), missing-field (no capabilities), too-many-ids and
// too-large (a sheet whose ladder would exceed the default ladder.Limits).
// Input larger than ladder.DefaultMaxBytes is refused unread.
package spreadsheet
