package scoring

import (
	"fmt"
	"time"
)

// FormatV1 is the value of the format field of version 1 evidence files.
const FormatV1 = "careerladder/evidence/v1"

// Input is what is known about one person: direct ratings from assessors,
// evidence items, or both. It is also the model of evidence files, whose
// format field Assess ignores.
type Input struct {
	// Format is the version of the file format; it must be
	// "careerladder/evidence/v1" in files.
	Format string `yaml:"format" jsonschema:"enum=careerladder/evidence/v1" code:"bad-format"`
	// Person is an opaque identifier of the person assessed.
	Person string `yaml:"person"`
	// Ladder, when set, is the id of the ladder the input is for; loading
	// the input for another ladder fails.
	Ladder string `yaml:"ladder,omitempty" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Ratings are direct ratings, keyed by assessor (self, manager,
	// peer-alex, ...). Assessors are kept apart, never averaged.
	Ratings []Assessment `yaml:"ratings,omitempty"`
	// Evidence lists dated observations, each tied to a capability.
	Evidence []Evidence `yaml:"evidence,omitempty"`
}

// An Assessment is one assessor's direct ratings, as Snowflake's milestones
// or a manager's review give them.
type Assessment struct {
	// Assessor names who rated, such as self or manager. "evidence" is
	// reserved for the ratings derived from evidence.
	Assessor string `yaml:"assessor" cl:"key"`
	// Ratings maps capability ids to rating ids (or "n/a").
	Ratings []CapabilityRating `yaml:"ratings" cl:"value"`
}

// A CapabilityRating is the rating given to one capability.
type CapabilityRating struct {
	// Capability is the id of the capability.
	Capability string `yaml:"capability" cl:"key"`
	// Rating is the id of a rating of the capability's scale, or "n/a".
	Rating string `yaml:"rating" cl:"value"`
}

// Evidence is one dated observation of a person demonstrating a capability
// at a rating.
type Evidence struct {
	// ID identifies the item; items with the same id are duplicates.
	ID string `yaml:"id"`
	// Capability is the id of the capability demonstrated.
	Capability string `yaml:"capability"`
	// Rating is the id of the rating demonstrated, on the capability's
	// scale.
	Rating string `yaml:"rating"`
	// Date is the day the work was done or observed, as 2006-01-02.
	Date Date `yaml:"date"`
	// Source says where the observation comes from (self, peer, manager,
	// artifact, ...); the ladder's evidence policy weighs sources.
	Source string `yaml:"source" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Summary says what happened, in a sentence or two.
	Summary string `yaml:"summary,omitempty"`
	// Links point at the work: a design document, a pull request, an
	// incident review.
	Links []string `yaml:"links,omitempty"`
	// Weight multiplies the item's weight; zero or absent means 1.
	Weight float64 `yaml:"weight,omitempty" jsonschema:"minimum=0"`
	// Tags classify the item, such as hard-problem; evidence gates may
	// count only tagged items.
	Tags []string `yaml:"tags,omitempty"`
}

// A Date is a calendar day. The zero Date is unset.
type Date struct {
	Year  int        // the year, as in 2026
	Month time.Month // the month, 1 to 12
	Day   int        // the day of the month, from 1
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses a day written as 2006-01-02.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		return Date{}, fmt.Errorf("date %q is not a day written as YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String returns d as 2006-01-02, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.Time().Compare(e.Time()) }

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	e, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = e
	return nil
}
