// Package chart draws charts of assessments as SVG, with the standard
// library only.
//
// [Radar] draws a radar (spider) chart of one person against one track of
// a ladder:
//
//	s, _ := scoring.Compile(l)
//	res := s.Assess(in, asOf)
//	err := chart.Radar(w, l, res, "engineering") // "" for the first track
//
// There is one axis per capability of the ladder, in ladder order, starting
// at the top and going clockwise. Each axis is scaled on its own
// capability's scale: the lowest rating sits on a small inner ring, the
// highest on the outer ring, the ratings between them evenly spaced (a scale
// of a single rating puts it on the outer ring). Concentric guide rings mark
// the ranks when all capabilities share one scale (the ranks are then
// labelled with the scale's rating labels along the first axis), and
// quarters of the way otherwise; small ticks mark every rank on every axis.
//
// Up to three polygons are drawn, with a legend:
//
//   - the person's worst-case ratings (Result.Capabilities[i].Rating), in
//     blue, solid, named "Alex (worst case)" for person "alex": the person
//     id with its first letter upper-cased;
//   - the expectations of the level the person has reached on the track
//     (TrackResult.Level), in green, dashed, named after the level;
//   - the expectations of the next level (TrackResult.Next), in orange,
//     dotted, named after the level.
//
// A polygon whose level does not exist (no level reached yet, or the top of
// the track) is left out, with its legend entry. A capability with no
// value — unrated by the person, not named in a level's expectations,
// expected as "n/a", or a rating that is not on the capability's scale —
// puts that polygon's vertex at the very centre of the chart (radius 0,
// inside the inner ring), for every polygon alike, so each polygon always
// has one vertex per axis. Expectations are those written on the level
// itself (Level.Expects); they are not inherited from the levels below.
//
// The output is deterministic: a fixed 640×640 canvas (viewBox 0 0 640
// 640), every coordinate written with two decimals, and nothing read but
// the arguments. Every piece of text comes from the ladder or the result
// and is escaped, so hostile names (`<script>`, `&`, quotes, invalid UTF-8)
// still give well-formed XML, and control characters and bidirectional
// controls are written as visible escapes such as \x1b and \u202e; long names are wrapped onto at most three
// lines and shortened with an ellipsis so that they stay inside the canvas.
package chart
