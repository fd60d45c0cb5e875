// Package spreadsheet writes a ladder as CSV sheets, a level-by-capability
// matrix and its descriptors, and reads such sheets back into ladders,
// including the looser sheets teams keep by hand.
//
// [Import] reads a matrix sheet, [ImportDescriptors] adds the descriptors
// of a second sheet to a ladder; [Export] and [ExportDescriptors] write
// them, each returning the list of what its sheet has no place for
// ([Omission]). For the common case:
//
//	l, err := spreadsheet.Import("skills.csv", f)
//	if err != nil {
//		// err is a ladder.Diagnostics, each at skills.csv:row:col, when
//		// the sheet is at fault.
//	}
//
// # The matrix layout
//
// [Export] writes one header row, one row per capability in ladder order,
// then one row for each other thing the matrix names:
//
//	id,name,category,summary,engineering/engineer,engineering/senior
//	communication,Communication,people,Explains trade-offs.,practising,proficient
//	hiring,Hiring,people,,n/a,
//	ladder:eng,Engineering ladder,,For the engineers of the company.,,
//	scale:proficiency,Proficiency,,,,
//	category:people,People,,,,
//	track:engineering,Engineering,,,,
//	level:engineering/engineer,Engineer,,Delivers well-defined tasks.,,
//	level:engineering/senior,Senior Engineer,,,,
//	rating:practising,Practising,,Applies it in familiar situations.,,
//	rating:proficient,Proficient,,,,
//
// The first four columns are the capability's id, name, category id and
// summary. Then comes one column per level of each track, tracks in ladder
// order and levels lowest first, headed by the track id and the level id
// joined by a slash. A level cell holds the rating id the level expects of
// the capability, n/a when the capability does not apply at that level, or
// nothing when the level does not name it.
//
// A row whose id is KIND:ID names a thing other than a capability: the
// ladder, its scale (when it has exactly one), each category, track, level
// (KIND level, ID TRACK/LEVEL) and rating, with its name (a rating's label)
// in the name column and its description (a level's summary) in the
// summary column; its category and level cells are empty. The rating rows
// list the ratings of every scale, each id once, lowest first. No id of a
// capability can look so, as ids hold no colon.
//
// Names and descriptions that a spreadsheet program would take for a
// formula (starting with =, +, -, @, a tab or a carriage return, after any
// single quotes) get one more single quote in front, which the import
// functions remove. The output is encoding/csv's (comma-separated, LF line
// ends, quotes only where needed) and depends only on the ladder.
//
// # What a sheet leaves out
//
// A matrix holds no rules, and one scale: [Export] returns what it leaves
// out, in ladder order, each [Omission] a path into the ladder (as
// diagnostics give) and a word for what is there. The words are:
//
//	version, updated      the ladder's version and day
//	scale                 a scale of a ladder with several (a sheet has one, their ratings merged), or a capability's choice of one
//	points                a rating's points, unless they are 0, 1, 2, ... in the order of the sheet
//	rating                a rating whose id an earlier scale has, with another label, description or points
//	code                  a capability's code
//	descriptors           a capability's descriptors (ExportDescriptors writes them)
//	grade, typical experience, tolerance, standalone   of a level
//	gate                  a level's requirement (requires)
//	title, weight, threshold, evidence policy          titles and rules
//	carriage return       text with \r\n, whose \r encoding/csv drops
//	signal, example       (ExportDescriptors) an item that is empty or holds a line break
//
// Everything else comes back: importing an exported sheet gives a ladder
// with the same id, name and description, categories, capabilities (id,
// name, category, summary), tracks and levels (id, name, summary, the
// expectations in order) and ratings (id, label, description, in order),
// which the tests check for every reference ladder of the module. For a
// ladder with one scale, exporting the import gives the same sheet again;
// for any ladder, a second round does. "ladder export --format csv" prints
// the list on standard error.
//
// # The descriptors layout
//
// [ExportDescriptors] writes what each capability looks like at each
// rating, one row per descriptor, capabilities and their descriptors in
// ladder order:
//
//	capability,rating,summary,signals,examples
//	communication,practising,Explains their own work clearly.,"Writes clear pull requests
//	Answers questions in review",A design note for a small feature
//
// Signals and examples are one per line of their cell, as a spreadsheet
// program writes a cell with line breaks. [ImportDescriptors] reads it: the
// columns in any order and case (description for summary, id for
// capability), all but capability and rating optional; a rating named by
// its id or, in any case, its label; an empty capability cell continuing
// the capability of the row above, as merged cells are saved; blank lines
// in a list cell left out. A capability and rating twice, a capability the
// ladder lacks, a rating not on the capability's scale and any other column
// are refused. Together with the matrix, the two sheets keep every word a
// person writes in a ladder.
//
// # Reading sheets as teams keep them
//
// [Import] reads the exported layout and also the looser one people keep:
// a header row of level names, a column of capability names, ratings as
// the cells:
//
//	Engineering ladder,,
//	Capability,Junior,Senior
//	Technical,,
//	Coding,1,3
//	Testing,1,2
//	People,,
//	Mentoring,n/a,2
//
// First, the sheet itself:
//
//   - The cells may be separated by commas, semicolons or tabs: of those,
//     the one that splits the most rows into one number of cells (two or
//     more) is used; on a tie the one that makes more cells of them, then
//     commas before semicolons before tabs. Text must be UTF-8, with or without
//     a byte order mark, lines ended by LF or CRLF; UTF-16 (a spreadsheet
//     program's "Unicode text") and other encodings are refused with
//     syntax.
//   - Rows whose cells are all empty are left out wherever they are.
//   - Rows above the header that fill their first cell only are titles:
//     the first gives the ladder its name, the others, one a line, its
//     description. A title in any other cell, or in more than one, is read
//     as the header, and its empty cells then fail as below.
//   - A column with no header and no cell is a spreadsheet's spare column
//     and is left out, wherever it is; so are empty cells right of the
//     header. A value in a column without a header is refused (bad-value,
//     at the header cell); so is a value right of the header (syntax, at
//     the cell), and a row with fewer cells than the columns in use
//     (syntax).
//
// Then the columns. Headers are compared by their ids (see "Ids from
// names"), so case, accents and punctuation do not matter:
//
//   - id, name, category and summary (or description) are those of the
//     capabilities, wherever they are. A sheet with both an id and a name
//     column is of the exported layout: its cells hold ids, its names and
//     summaries are kept as they are, spaces and all, and its KIND:ID rows
//     are read. In any other sheet the names are in the first column that
//     is none of these, and cells hold labels.
//   - note(s), comment(s) and remark(s) columns are refused (unknown-field,
//     at the header): a sheet has no place for notes, and their text is no
//     rating. Delete the column, or head it summary.
//   - Every other column is a level. A header TRACK_ID/LEVEL_ID, both valid
//     ids, names a level of that track, track and level named by their ids
//     (or their KIND:ID rows). Any other header is a level of the track
//     main (named Main), with the header as its name and an id derived
//     from it. Tracks are in order of their first column, levels in column
//     order. A column makes a level even when all its cells are empty.
//     A header naming no level is refused (missing-field).
//
// Then the rows below the header:
//
//   - In a sheet without a category column, a row that fills only its name
//     cell is a category row: it names the category (its id derived from
//     the name) of the capabilities below it, up to the next category row.
//     A category row with no capability below it is refused (bad-value), as
//     it may be a capability left unrated: give such a capability one
//     rating, n/a where nothing else is meant. In a sheet with a category
//     column, a row of a name alone is refused (bad-value) for the same
//     reason.
//   - Every other row is a capability. Its id comes from the id column;
//     where that is empty or absent it is derived from the name, as "Ids
//     from names" says. Two rows with the same id, or, in a loose sheet, the
//     same name, are refused.
//   - In a loose sheet a level cell holds a rating label of at most 40
//     characters on one line: longer text is a description, not a rating,
//     and is refused (bad-value) rather than made into a rating of its own.
//     In the exported layout it holds a rating id.
//   - The ladder has one scale: that of the scale: row if there is one,
//     else rating, named Rating. With rating: rows, its ratings are those,
//     in their order, and a cell naming another is refused (unknown-ref).
//     Otherwise they are the distinct cell values other than empty and n/a
//     (in any case), in numerical order when all are integers, or else in
//     the order the sheet implies: along each track of each row,
//     expectations rise, so a value that follows another on a track ranks
//     above it; among values not ordered so, the first to appear reading
//     row by row ranks lower (and where the sheet contradicts itself, the
//     first to appear of those left goes next). In a loose sheet the values
//     are labels: integers get the ids r1, r2, ... and other values derived
//     ids. A sheet without any rating gets the single rating rated. The
//     points are 0, 1, 2, ... in the scale's order.
//   - Categories are those of category: rows, then the other ids of the
//     category column (named by their ids), or in a loose sheet the names
//     of the category column or the category rows. The ladder's id and
//     name come from the ladder: row, or else its name from a title row
//     (where both are, they must agree: duplicate-key) and its id from the
//     base of the file name without its extension.
//
// Cells are read with surrounding spaces removed, except the names and
// descriptions of the exported layout. encoding/csv drops a carriage return
// before a line feed inside a cell.
//
// # Ids from names
//
// Where a sheet gives names but no ids (capabilities, the levels of main,
// the ratings and categories of a loose sheet, the ladder from the file
// name), the id is made from the name so that it reads like the name and
// meets the id rules (lower-case ASCII letters and digits in groups joined
// by single '-', '_' or '.'):
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
// not fail Import.
//
// # Diagnostics
//
// Problems are a ladder.Diagnostics, all at once, positioned
// file:row:col: row is the line of the file on which the record starts
// (the spreadsheet row, unless cells span lines) and col the 1-based cell
// number, except for syntax errors inside a record, which carry the line
// and column in the text (encoding/csv's byte column for malformed CSV,
// the character for bad UTF-8). The range of each diagnostic is empty (End
// equals Start), and its byte offset is that of the start of the line, as
// a column counted in cells names no byte; lines are those encoding/csv
// counts, ended by \n. A diagnostic's Detail, where set, says what to
// change. The codes are those of package ladder:
//
//	syntax          malformed CSV; not UTF-8 (UTF-16 named); a value right of the header; a row short of the columns in use
//	empty           no header row
//	bad-value       an empty capability name; a level column with values and no header; a category row with no capability below,
//	                or a row of a name alone in a sheet with a category column;
//	                prose in a rating cell; a KIND:ID row with a category or rating; in descriptors, no capability or rating
//	unknown-field   a notes or comments column; in descriptors, a column of no other layout
//	bad-id          an id, category, rating or KIND:ID cell of the exported layout that is not an id; an unknown KIND
//	duplicate-id    a capability, level, KIND:ID row, or descriptor (capability and rating) twice
//	duplicate-key   a column of the exported layout twice; title rows and a ladder: row that disagree
//	unknown-ref     a track: or level: row of no column; a rating not on the rating: rows; in descriptors, an unknown capability or rating
//	missing-field   no capabilities; no column of names; no level; in descriptors, no capability or rating column
//	too-long        a cell longer than ladder.DefaultMaxString
//	too-many-ids, too-large   a sheet whose ladder would exceed the default ladder.Limits
//
// Input larger than ladder.DefaultMaxBytes is refused unread.
//
// # Cost
//
// Reading a sheet takes time and memory in proportion to its size, however
// it is made: the separator is found in one pass for each of the three,
// every column, row and cell is looked at a fixed number of times, and ids
// derived from names are made unique without searching from the start
// (see "Ids from names"). The tests import sheets of 60,000 rows whose
// names all give the same id, and of 32,000 such columns, at two sizes,
// and check that doubling the sheet doubles the allocations and their
// bytes. Memory is bounded by the limits: the input, 4 MiB, and the
// ladder, 100,000 entities with an id.
package spreadsheet
