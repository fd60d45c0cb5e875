package scoring

import (
	"fmt"
	"strconv"

	"github.com/careerladder/careerladder/evidence"
)

// A Result is the assessment of one person against a ladder. Every slice is
// in a fixed order (ladder order, or sorted as documented), so that the same
// input gives the same Result, and the same JSON bytes.
type Result struct {
	// Ladder is the id of the ladder.
	Ladder string `json:"ladder"`
	// Person is the id of the person assessed.
	Person string `json:"person"`
	// AsOf is the day of the assessment; evidence after it does not count.
	AsOf evidence.Date `json:"as_of"`
	// Perspectives lists the assessors, sorted, then "evidence" when
	// evidence was given.
	Perspectives []string `json:"perspectives"`
	// Capabilities holds the rating of each capability, in ladder order.
	Capabilities []CapabilityResult `json:"capabilities"`
	// Points holds the points totals, sub-levels and titles.
	Points PointsResult `json:"points"`
	// Tracks holds the level reached on each track, in ladder order.
	Tracks []TrackResult `json:"tracks"`
	// Ratings traces every direct rating given, sorted by assessor, then
	// in ladder order of capabilities, then those in force first.
	Ratings []RatingTrace `json:"ratings"`
	// Evidence traces every evidence item given, in ladder order of
	// capabilities (unknown ones last), newest first, then by id.
	Evidence []ItemTrace `json:"evidence"`
}

// Track returns the result of the track with the given id, and whether r
// has one.
func (r *Result) Track(id string) (TrackResult, bool) {
	if r == nil {
		return TrackResult{}, false
	}
	for _, t := range r.Tracks {
		if t.ID == id {
			return t, true
		}
	}
	return TrackResult{}, false
}

// Agreement says how far the perspectives on a capability are apart.
type Agreement string

// The agreements.
const (
	Unrated   Agreement = "unrated"     // no perspective rates the capability
	Single    Agreement = "single"      // one perspective rates it
	Agree     Agreement = "agree"       // several rate it, all the same
	OneStep   Agreement = "one-step"    // several rate it, one step apart at most
	TwoOrMore Agreement = "two-or-more" // several rate it, two or more steps apart
)

// A CapabilityResult is the rating of one capability. When perspectives
// disagree, Rating is the lowest of their ratings (the worst case) and Best
// the highest: nothing is averaged.
type CapabilityResult struct {
	ID   string `json:"id"`   // the capability's id
	Name string `json:"name"` // the capability's name
	// Rating is the worst-case rating, "" when unrated.
	Rating string `json:"rating"`
	// Best is the best-case rating, "" when unrated.
	Best string `json:"best"`
	// Agreement says how far apart the perspectives are.
	Agreement Agreement `json:"agreement"`
	// Views lists each perspective's rating, in the order of
	// Result.Perspectives; perspectives without a rating are left out.
	Views []View `json:"views"`
	// Evidence summarises the evidence for the capability; nil when no
	// evidence was given at all.
	Evidence *EvidenceSummary `json:"evidence,omitempty"`
}

// A View is one perspective's rating of a capability.
type View struct {
	Perspective string `json:"perspective"` // an assessor, or "evidence"
	Rating      string `json:"rating"`      // a rating id
}

// An EvidenceSummary says what the evidence for one capability amounts to.
type EvidenceSummary struct {
	// Rating is the rating the evidence demonstrates under the ladder's
	// evidence policy, "" when it demonstrates none.
	Rating string `json:"rating"`
	// Given is how many items name the capability, counted or not.
	Given int `json:"given"`
	// Counted is how many items support Rating.
	Counted int `json:"counted"`
	// Weight is the total weight of those items, after source weights and
	// decay.
	Weight float64 `json:"weight"`
	// Sources is how many distinct sources they come from.
	Sources int `json:"sources"`
}

// A Named is an id with its human-readable name.
type Named struct {
	ID   string `json:"id"`   // the id
	Name string `json:"name"` // the name, "" when it has none
}

// PointsResult holds points totals and what they reach: the sub-level of
// the ladder's thresholds and the titles whose ranges hold the total.
type PointsResult struct {
	Total      float64          `json:"total"`       // the worst-case total
	Best       float64          `json:"best"`        // the best-case total
	Level      *Named           `json:"level"`       // the threshold (sub-level) Total reaches, nil when none
	BestLevel  *Named           `json:"best_level"`  // the threshold Best reaches, nil when none
	Next       *Named           `json:"next"`        // the threshold above Level, nil at the top
	ToNext     float64          `json:"to_next"`     // the points Total lacks for Next, 0 at the top
	Titles     []Named          `json:"titles"`      // the titles Total allows, in ladder order
	BestTitles []Named          `json:"best_titles"` // the titles Best allows, in ladder order
	Categories []CategoryPoints `json:"categories"`  // the points of each category, in ladder order
}

// CategoryPoints is the points total of one category's capabilities.
type CategoryPoints struct {
	ID    string  `json:"id"`    // the category's id
	Name  string  `json:"name"`  // the category's name
	Total float64 `json:"total"` // the worst-case total
	Best  float64 `json:"best"`  // the best-case total
}

// A TrackResult is where a person stands on one track.
type TrackResult struct {
	ID   string `json:"id"`   // the track's id
	Name string `json:"name"` // the track's name
	// Level is the highest level reached in the worst case, nil when none.
	Level *Named `json:"level"`
	// Best is the highest level reached in the best case, nil when none.
	Best *Named `json:"best"`
	// Next is the level above Level, nil at the top of the track.
	Next *Named `json:"next"`
	// Gap says what Next needs, nil at the top of the track.
	Gap *Gap `json:"gap"`
}

// A Gap is what a person lacks for a level: every requirement with its
// status, and the cheapest changes that would meet them.
type Gap struct {
	Track Named `json:"track"` // the track of the level aimed at
	Level Named `json:"level"` // the level aimed at
	// Checks lists each requirement of the level, and of the levels below
	// it that it needs and that are not yet reached, lowest level first.
	Checks []Check `json:"checks"`
	// Path is the cheapest set of rating changes that meets them.
	Path Path `json:"path"`
}

// Met reports whether the level is reached: every check is met or
// tolerated. A nil Gap has no checks.
func (g *Gap) Met() bool {
	if g == nil {
		return true
	}
	for _, c := range g.Checks {
		if !c.Met && !c.Tolerated {
			return false
		}
	}
	return true
}

// CheckKind names what a check tests.
type CheckKind string

// The check kinds.
const (
	CheckExpectation   CheckKind = "expectation"    // one capability's expected rating
	CheckExpectations  CheckKind = "expectations"   // all expectations of a level, with its tolerance
	CheckPoints        CheckKind = "points"         // a points gate
	CheckCategoryFloor CheckKind = "category_floor" // a category floor gate
	CheckEvidence      CheckKind = "evidence"       // an evidence gate
	CheckNOfM          CheckKind = "n_of_m"         // an n-of-m gate
)

// A Check is one requirement and whether the worst-case profile meets it.
type Check struct {
	Kind       CheckKind `json:"kind"`                 // what is checked
	Level      string    `json:"level"`                // the id of the level the requirement belongs to
	Gate       string    `json:"gate,omitempty"`       // the id of the gate, if it has one
	Capability string    `json:"capability,omitempty"` // the capability of an expectation or an evidence gate
	Met        bool      `json:"met"`                  // whether the requirement is met
	Tolerated  bool      `json:"tolerated,omitempty"`  // short, but within the level's tolerance
	// Have is what there is: a rating ("" when unrated) for an
	// expectation, a number for the rest.
	Have    string  `json:"have"`
	Need    string  `json:"need"`    // what the requirement asks, in the same terms
	Deficit float64 `json:"deficit"` // how far short: rating steps, points, items or capabilities; 0 when met
	// Text says it in words, as in "points: 52 of 58".
	Text string `json:"text"`
}

// A Path is the cheapest set of rating changes that meets a gap's rating
// requirements: expectations with their tolerance, points, category floors
// and n-of-m gates. Evidence gates cannot be met by ratings; what they still
// need is listed apart.
type Path struct {
	// Possible is false when no ratings, however high, meet the
	// requirements.
	Possible bool `json:"possible"`
	// Exact is false when the search for the cheapest changes had to be cut
	// short; the changes then meet the requirements but may not be the
	// fewest.
	Exact bool `json:"exact"`
	// Steps is the total of rating steps of the changes.
	Steps int `json:"steps"`
	// Changes are the rating changes, in ladder order of capabilities.
	Changes []Change `json:"changes"`
	// Evidence lists the evidence gates still short and by how much.
	Evidence []EvidenceNeed `json:"evidence"`
}

// A Change raises one capability's rating.
type Change struct {
	Capability string `json:"capability"` // the capability's id
	Name       string `json:"name"`       // the capability's name
	From       string `json:"from"`       // the current worst-case rating, "" when unrated
	To         string `json:"to"`         // the rating needed
	Steps      int    `json:"steps"`      // rating steps from From to To
}

// An EvidenceNeed is an evidence gate still short of items.
type EvidenceNeed struct {
	Level string `json:"level"` // the id of the level of the gate
	Gate  string `json:"gate"`  // what the gate asks, in words
	Have  int    `json:"have"`  // qualifying items now
	Need  int    `json:"need"`  // qualifying items required
}

// Status says whether an input counted and, when it did not, why: a
// stable code, written in JSON and text as in the comments below.
type Status uint8

// The statuses.
const (
	Counted           Status = iota // "counted": the input counts
	UnknownCapability               // "unknown-capability": no capability has the id
	UnknownRating                   // "unknown-rating": the capability's scale has no such rating
	Duplicate                       // "duplicate": another input has the same id (or assessor and capability)
	Future                          // "future": dated (or its assessment dated) after the assessment day
	SourceNotAccepted               // "source-not-accepted": the policy does not accept the source
	ZeroWeight                      // "zero-weight": a weight is zero, or the item's is out of range
	TooOld                          // "too-old": dated before the policy's window, or its assessment replaced by a later one
	BelowRating                     // "below-rating": below the rating the capability reached, so it did not decide it
	NotEnough                       // "not-enough": too few items or sources to demonstrate any rating
	NotApplicable                   // "not-applicable": a direct rating of n/a
	ReservedAssessor                // "reserved-assessor": the assessor is named "evidence"
)

var statusNames = [...]string{"counted", "unknown-capability", "unknown-rating", "duplicate", "future", "source-not-accepted",
	"zero-weight", "too-old", "below-rating", "not-enough", "not-applicable", "reserved-assessor"}

// String returns the status's code.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if n == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("scoring: unknown status %q", b)
}

// A RatingTrace is one direct rating and what became of it.
type RatingTrace struct {
	Assessor   string `json:"assessor"`   // who rated
	Capability string `json:"capability"` // the capability id as given
	Rating     string `json:"rating"`     // the rating id as given
	Status     Status `json:"status"`     // counted, or why not
}

// An ItemTrace is one evidence item and what became of it. It points at
// the item in the Input given to Assess rather than copying it, and shows
// the item's fields as its own (t.ID, t.Capability, t.Date, t.Summary, ...;
// the item's weight as given is t.Item.Weight); in return, the input's
// evidence must not change while the Result is in use. In JSON it is the
// item's object with the trace's status and effective_weight.
type ItemTrace struct {
	*evidence.Item        // the item, as given
	Status         Status `json:"status"` // counted, or why not
	// Weight is the item's weight after the source weight, its own weight
	// and decay; 0 when excluded before weighing or for too-old items.
	Weight float64 `json:"effective_weight"`
}
