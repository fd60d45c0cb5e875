// Package diff says what changed between two versions of a ladder, and who
// would change level because of it.
//
// [Ladders] compares two ladders, matching every element by its id rather
// than its position: the ladder's metadata, scales and their ratings,
// categories, capabilities and their descriptors, tracks and levels, the
// expectations and gates of each level, the rules (weights, thresholds,
// evidence policy) and titles. The result is a [Report], a list of
// [Change] values sorted by path and then kind, so that the same two
// ladders always give the same report, and the same bytes from
// [Report.WriteText] and [Report.WriteJSON].
//
// A change's Path names what changed with ids, never indexes, as in
//
//	tracks[engineering].levels[senior].expects.communication
//	tracks[engineering].levels[senior].requires[hard-problems]
//	rules.thresholds[3.2].min_points
//
// Its Kind is "added", "removed", "changed" or "moved" (the order of a
// list changed; Old and New then list the ids common to both versions, in
// their order, separated by ", ", or by "; " for gates). Gates are keyed by their id, or by their text
// ([rubric.Gate.String]) when they have none; a gate without an id whose
// text changes is reported under its kind (requires[points]) when it can
// be paired with a single gate of the same kind, and as removed and added
// otherwise. A level that moves from one track to another is reported as
// removed from the one and added to the other.
//
// Ladders matches every list through maps of ids, so its cost grows with
// the size of the two ladders times the logarithm of the number of
// changes (for sorting them), not with the square of any list.
//
// [Rescore] assesses the same people under both versions and lists the
// [Move] of everyone whose level changes on a track, with the checks that
// explain it. Only tracks present in both versions are compared: a track
// added or removed moves nobody (its addition or removal is in the
// [Report] instead).
//
// # Text and JSON
//
// [Report.WriteText] writes one line per change, then a count:
//
//	~ path: old -> new      a changed value
//	+ path: new             an added element or value
//	- path: old             a removed element or value
//	> path: old -> new      a reordered list
//	3 changes
//
// Newlines inside values are written as \n, and other control characters,
// bidirectional controls and bad bytes as escapes such as \x1b and \u202e,
// so that each change stays on one line and cannot act on a terminal. [Report.WriteJSON] writes {"changes": [...]}, each change an
// object with the fields kind, path, old, new and summary (all always
// present; old and new are "" when absent); the changes are never null.
package diff
