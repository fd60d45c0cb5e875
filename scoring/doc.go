// Package scoring turns a ladder and what is known about a person — direct
// ratings, dated evidence, or both — into capability ratings, a level per
// track, the gap to the next level or any other, and an explanation of
// every step.
//
//	s, err := scoring.Compile(l)                      // once per ladder
//	in, err := evidence.Loader{Ladder: l}.LoadFile("alex.yaml") // or an evidence.Input built in Go
//	res, err := s.Assess(in, evidence.Date{Year: 2026, Month: 11, Day: 27})
//	res.WriteText(os.Stdout)                          // or WriteJSON: stable, named by the json tags
//
// The calls differ along one axis each: [Scorer.Assess] returns a Result of
// its own, [Scorer.AssessInto] reuses a [ResultBuffer]'s memory, and
// [Scorer.AssessAll] assesses a sequence of people on every core.
// [Scorer.Gap] says what any level needs; [Scorer.Check] reports what
// an input gets wrong.
//
// # Perspectives
//
// Each assessor's direct ratings (self, manager, ...) and the ratings
// derived from evidence are separate perspectives, never averaged: a
// capability's Rating is the lowest one (the worst case), Best the highest,
// with a note of how far apart they are; levels are reported for both. An
// assessor's ratings on a day are their latest assessment's on or before it
// (an undated one until a dated one does); replaced ones trace as too-old.
//
// Evidence is a floor: what it demonstrates holds in both cases even where
// an assessor rates lower, and thin evidence lowers nothing, so adding
// evidence never lowers a rating or a level (aggregating by highest).
//
// # Evidence
//
// The ladder's evidence policy decides which items count toward a
// capability rating:
//
//   - An item must name a capability and a rating of its scale, repeat no
//     other item's id, be dated no later than the as-of day and inside the
//     policy's window, and come from a source the policy accepts.
//   - Its weight is the source's weight times its own (default 1), halved
//     for every half-life of age; an item of weight zero does not count.
//   - With the default aggregation, highest, the capability reaches the
//     highest rating R such that at least min_items items at R or above,
//     from at least min_sources distinct sources and weighing min_weight in
//     all, support it; median and latest take the weighted median or the
//     newest item's rating on the same condition.
//
// Evidence gates count items instead of weighing them: the items of the
// gate's capability at its rating or above, with its tag and sources if it
// names them, inside its window — "hard problems solved in the last 12
// months: 14 of 24". Nothing is dropped: Result.Evidence and
// Result.Ratings trace every input with its [Status], counted or why not.
//
// # Levels and gaps
//
// On each track the level reached is the highest whose requirements all
// pass: its expectations, at most tolerance.count of them short and none by
// more than tolerance.steps, and every gate (points, category floors,
// evidence counts, n-of-m). Levels are cumulative: a level also needs the
// one below it unless it is standalone.
//
// For the next level, [Gap] lists every requirement with its status and
// deficit ("communication: practising, needs proficient (1 step short)",
// "points: 52 of 58") and the cheapest [Path] to it: the fewest rating
// steps that meet the expectations with their tolerance, the points and
// floor gates and the n-of-m gates at once (exact unless Path.Exact says
// the search was cut short); evidence gates are listed with the items they
// still need. [Scorer.Gap] does the same for any level, with the levels
// below it that it needs.
//
// Result.Points holds the points totals, by category too, the sub-level
// of the ladder's thresholds and the titles the total allows, as Snowflake
// has them.
//
// # Guarantees
//
// Determinism: Assess reads nothing but its arguments and the Scorer — no
// clock (the day comes in as an evidence.Date), file, network, environment
// or global state — and the same input gives the same Result and the same
// JSON bytes, whatever the order of its ratings and evidence. AssessAll
// yields results in input order whatever the number of cores.
//
// Cost: Compile is O(L log L) in the size L of the ladder; Assess is
// O(n log n + L) for n items and ratings, a gap's cheapest path O(L)
// whatever the evidence. An assessment's allocations do not grow with n
// beyond the trace; AssessInto, once its buffer fits, allocates one string
// a gap; AssessAll holds a few people per core. BENCHMARKS.md has figures.
//
// Concurrency and memory: a Scorer never changes after Compile and is safe
// for any number of goroutines; a ResultBuffer is for one at a time. Results
// of Assess and Gap are the caller's; one that AssessInto or AssessAll lends
// is valid until the buffer's next use or the loop's next iteration (its
// strings stay valid). A Result points at the input's items, which must not
// change while it is in use.
//
// Misuse: a nil or zero argument (a Scorer not made by Compile, a zero or
// invalid day, a nil context, sequence or writer) is an error wrapping
// ladder.ErrNilArgument, never a panic.
package scoring
