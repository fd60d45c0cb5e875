// Package growth plans a person's growth on a ladder: the way to a target
// level, the report that leads with it, the person's history over time, the
// pace of their evidence and the packet a manager takes to a promotion
// discussion. Where package scoring says where a person stands on one day,
// growth says how far the target is, at what pace, and what to do next; it
// is named for that question, and reads as such: growth.Plan,
// growth.History, growth.Pace.
//
//	s, err := scoring.Compile(l)
//	rep, err := growth.Assess(s, in, asOf, "")        // "" aims at the ladder's target
//	rep.WriteText(os.Stdout)                          // the answer first, then the details
//	plan, err := growth.NewPlan(s, in, asOf, "leadership/cto")
//
// # Targets
//
// A target is a level, written as its id when one track has it, or as
// TRACK/LEVEL; a ladder may name its own (ladder.Ladder.Target), used when
// none is given. A [Plan] lists the levels still to reach on the way, lowest
// first, each with its requirements and its cheapest path (a level needs
// the one below it), and the cheapest path to the target itself, each
// change beside the ladder's descriptor of the rating it reaches: what good
// looks like, with a signal and an example where the ladder has them.
//
// # Reports
//
// A [Report] is the scoring.Result with its plan. Report.WriteText writes
// the answer first: the level on each track in the worst and the best case,
// the target and how many levels away it is, the points against the points
// the target needs, the cheapest path and the evidence still needed, in a
// dozen lines or so; then the way level by level, what good looks like, the
// pace of evidence, the other tracks, the ratings with the views behind
// them, and every input that did not count with the reason in words.
// Capabilities, levels, ratings and categories are named as the ladder
// names them, never by id, and a requirement shown for one level is not
// shown again for the next. Report.WriteJSON writes the result's JSON with
// one more field, "plan".
//
// # Pace
//
// For each evidence gate on the way, a [Pace] says how many items count now
// in the gate's window, their pace in items a month, the day the gate would
// be met at that pace, and the items that leave the window in the next 90
// days. Items age out of the window as new ones come, so at a steady pace a
// windowed count holds where it is: a gate short today is met only at a
// faster pace, which the Pace states (Need items over the window's length).
// A Pace is derived from the evidence as of one day and nothing else.
//
// # History
//
// [NewHistory] follows a person over days, as [Every] lays them out (every
// three months back from a day, say): on each day the level on each track in
// the worst and the best case, each capability's rating, the points and the
// count of each evidence gate, each what scoring.Scorer.Assess gives as of
// that day. Dated assessments count from their day until the assessor's
// next one. It assesses once and then follows the windows of the evidence
// policy and of the gates from day to day, so that five years by month cost
// about two assessments rather than sixty (BENCHMARKS.md). History.WriteText
// writes a line a day and each capability's changes; History.WriteJSON the
// same as JSON; History.WriteSVG a chart over time of the levels, the points
// and each kind of evidence against what the gates need.
//
// # Promotion packets
//
// [WritePacket] writes the Markdown a manager takes to a promotion
// discussion: each requirement of the target level with its status and
// the evidence behind it (id, date, source, summary, links), what is still
// missing, and the cheapest path with what good looks like. Every text
// from the ladder and the evidence is escaped, links are written as code,
// and the tests render the packet with cmark-gfm to check that the HTML
// holds only the packet's own elements: no link, not even from an e-mail
// address in a text (an invisible word joiner goes before its "@").
//
// # Guarantees
//
// Nothing here reads the clock, the network or the environment: days come
// in as evidence.Date values, and the same input gives the same values and
// the same bytes. Text for terminals has the control characters of ladder
// and evidence text escaped. Misuse (a nil Scorer or writer, a zero or
// invalid day, no target where one is needed) is an error wrapping
// ladder.ErrNilArgument; a target the ladder lacks is a ladder.Diagnostics.
// A plan costs one assessment per level on the way.
package growth
