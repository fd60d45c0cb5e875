// Package scoring turns a ladder and what is known about a person — direct
// ratings, dated evidence, or both — into capability ratings, a level per
// track, the gap to the next level and an explanation of every step.
//
//	s, err := scoring.Compile(l)          // once per ladder
//	in, err := s.LoadInputFile("alex.yaml") // or build an Input in Go
//	res := s.Assess(in, asOf)               // pure: no clock, no globals
//	res.WriteText(os.Stdout)
//
// A [Scorer] resolves every id to an index once and never changes after
// Compile, so one Scorer serves any number of goroutines. [Scorer.Assess]
// reads nothing but its arguments: time comes in as asOf, and the same
// input gives the same [Result], whatever the order of its ratings and
// evidence.
//
// # Perspectives
//
// Each assessor's direct ratings (self, manager, peer-alex, ...) and the
// ratings derived from evidence are separate perspectives; they are never
// averaged. A capability's Rating is the lowest rating an assessor gives it
// (the worst case) and Best the highest, with a note of how far apart all
// perspectives are: agree, one step apart, or two or more. Levels are
// reported for both cases. An assessor who does not rate a capability has
// no say on it.
//
// Evidence is a floor, not an opinion: a rating that evidence demonstrates
// is reached in both cases even where an assessor rates lower, while
// evidence too thin to demonstrate a rating, or demonstrating less than an
// assessor says, lowers nothing. So adding evidence never lowers a rating
// or a level under the default aggregation (highest); under median or
// latest, adding items at or above the current rating never does.
//
// # Evidence
//
// The ladder's evidence policy decides which items count toward a
// capability rating:
//
//   - An item must name a capability and a rating of its scale, must not
//     repeat the id of another item, must not be dated after asOf, must
//     come from a source the policy accepts (all, when it lists none) with
//     a weight above zero, and must lie inside the policy's window.
//   - Its weight is the source's weight times its own (default 1), halved
//     for every half-life of age.
//   - With the default aggregation, highest, the capability reaches the
//     highest rating R such that the items at R or above weigh at least
//     min_items in total and come from at least min_sources distinct
//     sources: "demonstrated consistently and recently". With median it
//     takes the weighted median of the items' ratings, with latest the
//     rating of the newest item; both need the same total weight and
//     sources first.
//
// Evidence gates count items instead of weighing them: the items of the
// gate's capability at its rating or above, with its tag and sources if it
// names them, dated inside its window (or the policy's) — "hard problems
// solved in the last 12 months: 14 of 24".
//
// Nothing is dropped: Result.Evidence lists every item given, counted or
// excluded with a [Reason] (too-old, future, source-not-accepted,
// zero-weight, below-rating, not-enough, unknown-capability,
// unknown-rating, duplicate), and Result.Ratings every direct rating.
// Each [ItemTrace] points at the item in the Input rather than copying it
// (t.ID, t.Summary and the rest read through), so the trace of a large
// assessment costs 24 bytes an item; the input must not change while the
// Result is in use.
//
// # Cost
//
// Assess is linear in the evidence: four passes over the items, the
// canonical order from a counting sort on capability and day (a radix sort
// when dates spread over decades, one counting pass and small sorts for a
// few hundred items), duplicate ids through a bit filter, and every
// evidence gate counted in the same pass, gates that ask the same sharing
// one count. Its allocations do not grow with the number of items beyond
// the trace itself: about twenty an assessment, most of them the parts of
// the Result (a gap's checks take one, their texts one more). Working
// memory, the evaluation's own state included, is reused through the
// Scorer. [Scorer.AssessInto] reuses the result's memory too, from one
// person to the next, for results that are used up before the next one
// (written out, summed up): once its [ResultBuffer] has grown to fit, an
// assessment allocates only its gaps' texts, one string a gap. The search
// for the cheapest path costs the same whatever the evidence.
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
// floor gates and the n-of-m gates at once, found by an exact search (see
// Path.Exact); evidence gates are listed with the items they still need.
// [Scorer.Gap] does the same for any level, with the levels below it that
// it needs.
//
// Points totals, the sub-level of the ladder's thresholds and the titles
// whose ranges hold the total are in Result.Points, as Snowflake's
// scheme has them.
//
// # Evidence files
//
// Evidence files are YAML or JSON (format careerladder/evidence/v1), read
// with the strictness and limits of ladder files and checked against the
// scorer's ladder, every problem reported at once as a ladder.Diagnostics:
//
//	format: careerladder/evidence/v1
//	person: alex
//	ladder: cto                      # optional; must match
//	ratings:                         # direct ratings by assessor
//	  manager: {communication: proficient, influence: learning}
//	evidence:
//	  - id: tps-01
//	    capability: technical-problem-solving
//	    rating: advanced
//	    date: 2026-11-07
//	    source: peer
//	    summary: Found the connection-pool leak behind the checkout outages.
//	    tags: [hard-problem]
//
// [EvidenceSchema] returns the JSON Schema of the format (committed as
// scoring/evidence.schema.json; go test ./ladder -update regenerates it
// with the ladder schema).
//
// # Many people
//
// [Scorer.AssessAll] and the streaming [Scorer.AssessEach] assess many
// people on every core and keep their order; they stop when the context is
// cancelled. [Scorer.AssessStream] is AssessEach for results that are used
// up as they come: each is lent to the callback, and its memory then
// serves later people, which leaves the garbage collector next to nothing
// to do. Bulk evidence comes as JSON Lines, one item a line with its
// "person", read one person at a time in constant memory by
// [JSONLinesReader] (and written by [WriteJSONLines]) and assessed as a
// stream by [Scorer.AssessJSONLines];
// [Result.AppendJSON] writes a result as one line of JSON several times
// faster than an encoding/json Encoder, with the same bytes.
// BENCHMARKS.md in the repository has the throughput figures and how to
// reproduce them.
//
// # Security
//
// Evidence files are read with the same limits as ladder files
// ([InputLoader].Limits), and assessment work is bounded by the ladder and
// input sizes: the search for the cheapest path keeps at most a fixed
// number of states per capability and reports when it had to cut its
// search short (Path.Exact). Assess reads no clock, file, network or
// environment.
//
// # Output
//
// [Result.WriteText] writes a report for people; [Result.WriteJSON]
// writes JSON whose field names are those of the json tags on Result and
// the types it holds, stable and sorted as documented there.
package scoring
