// Package rubric holds how a ladder judges: rating scales, descriptors of
// what a rating looks like, and the rule kinds that decide levels — points,
// thresholds, title ranges, gates and the evidence policy.
//
// Everything here is plain data plus small pure functions. The package is a
// leaf: it refers to capabilities, categories and tracks by their id strings
// and knows nothing of files, positions or validation. Package ladder
// decodes these types from YAML or JSON and checks them with positions;
// package scoring evaluates them.
//
// # Scales and ratings
//
// A [Scale] is an ordered list of ratings, lowest first. The position of a
// rating is its rank; its points feed points rules. "Not applicable" is not a
// rating but a state of its own, written [NotApplicable] ("n/a"): a
// capability that does not apply at a level is neither met nor missed, and it
// never counts as rating zero.
//
// # Rules
//
// A level passes when all its [Gate] values pass and its expectations are met
// within its [Tolerance]. The gate kinds are minimum points ([PointsGate]),
// points within one category ([CategoryFloor]), evidence counts within a
// window ([EvidenceGate], "24 hard problems in the last 12 months"), and
// n-of-m ([NOfM], "advanced in at least 2 of these 4"). Points-based ladders
// such as Snowflake's use [Threshold] tables (points to sub-level) and
// [Title] ranges instead of, or beside, tracks of levels.
//
// # Evidence policy
//
// An [EvidencePolicy] says which evidence counts toward a capability rating:
// a hard window or a half-life relative to the assessment date, accepted
// sources with weights, and how many items and distinct sources a rating
// needs before it counts as demonstrated consistently.
//
// # Bounds
//
// Every number has a bound, checked with a positioned diagnostic when a
// ladder is loaded or validated and published in the JSON Schema, so that
// no accepted ladder and evidence can make a sum overflow or a result hold
// a number JSON cannot write: a rating's points at most 1,000,000; a
// weight or factor at most 1,000 (an evidence item's own weight too);
// counts (tolerances, gate counts, n-of-m, min_items, min_sources, grades)
// at most 1,000,000; point minima and maxima at most 10^12. None may be
// negative, and none may be NaN or infinite. With the size limits of
// package ladder, a points total stays below 10^18.
package rubric
