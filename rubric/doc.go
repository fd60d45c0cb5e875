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
package rubric
