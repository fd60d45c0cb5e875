package evidence

// Format is the value of the format field of version 1 evidence files.
const Format = "careerladder/evidence/v1"

// MaxWeight is the largest weight an item may have, so that no sum of
// weights can overflow.
const MaxWeight = 1000

// ReservedAssessor is the perspective name of the ratings that evidence
// demonstrates; no assessor may use it.
const ReservedAssessor = "evidence"

// Input is what is known about one person: direct ratings from assessors,
// evidence items, or both. It is also the model of evidence files; scoring
// ignores its Format.
type Input struct {
	// Format is the version of the file format; it must be
	// "careerladder/evidence/v1" in files.
	Format string `yaml:"format" jsonschema:"enum=careerladder/evidence/v1" code:"bad-format"`
	// Person is an opaque identifier of the person assessed.
	Person string `yaml:"person"`
	// Ladder, when set, is the id of the ladder the input is for; loading
	// the input for another ladder fails.
	Ladder string `yaml:"ladder,omitempty" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Ratings are direct ratings by assessor (self, manager, peer-alex,
	// ...), kept apart, never averaged: a mapping from assessor to ratings,
	// or a list of assessments, each with its assessor, its ratings and
	// the day it was made. An assessor's ratings on a day are those of
	// their latest assessment dated on or before it; an undated one counts
	// on every day until a dated one replaces it.
	Ratings []Assessment `yaml:"ratings,omitempty"`
	// Evidence lists dated observations, each tied to a capability.
	Evidence []Item `yaml:"evidence,omitempty" cl:"checked"`
}

// An Assessment is one assessor's direct ratings, as Snowflake's milestones
// or a manager's review give them, made on a day or undated. In a file,
// assessments without a date, one per assessor, may be written as a
// mapping from assessor to ratings; dated ones, or several by one
// assessor, as a list.
type Assessment struct {
	// Assessor names who rated, such as self or manager. "evidence" is
	// reserved for the ratings derived from evidence.
	Assessor string `yaml:"assessor" cl:"key,list" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Date is the day the assessment was made, as 2006-01-02; it counts
	// from that day until the assessor's next one. Absent means undated:
	// it counts on every day before the assessor's first dated one.
	Date Date `yaml:"date,omitempty"`
	// Ratings maps capability ids to rating ids (or "n/a").
	Ratings []Rating `yaml:"ratings" cl:"value"`
}

// A Rating is the rating an assessor gives one capability.
type Rating struct {
	// Capability is the id of the capability.
	Capability string `yaml:"capability" cl:"key"`
	// Rating is the id of a rating of the capability's scale, or "n/a".
	Rating string `yaml:"rating" cl:"value"`
}

// An Item is one dated observation of a person demonstrating a capability
// at a rating.
type Item struct {
	// ID identifies the item; items with the same id are duplicates.
	ID string `yaml:"id" json:"id"`
	// Capability is the id of the capability demonstrated.
	Capability string `yaml:"capability" json:"capability"`
	// Rating is the id of the rating demonstrated, on the capability's
	// scale.
	Rating string `yaml:"rating" json:"rating"`
	// Date is the day the work was done or observed, as 2006-01-02.
	Date Date `yaml:"date" json:"date"`
	// Source says where the observation comes from (self, peer, manager,
	// artifact, ...); the ladder's evidence policy weighs sources.
	Source string `yaml:"source" json:"source" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Summary says what happened, in a sentence or two.
	Summary string `yaml:"summary,omitempty" json:"summary,omitempty"`
	// Links point at the work: a design document, a pull request, an
	// incident review.
	Links []string `yaml:"links,omitempty" json:"links,omitempty"`
	// Weight multiplies the item's weight, from 0 to 1000; zero or absent
	// means 1.
	Weight float64 `yaml:"weight,omitempty" json:"weight,omitempty" jsonschema:"minimum=0,maximum=1000"`
	// Tags classify the item, such as hard-problem; evidence gates may
	// count only tagged items.
	Tags []string `yaml:"tags,omitempty" json:"tags,omitempty"`
}
