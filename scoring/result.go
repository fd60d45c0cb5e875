package scoring

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"
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
	AsOf Date `json:"as_of"`
	// Perspectives lists the assessors, sorted, then "evidence" when
	// evidence was given.
	Perspectives []string `json:"perspectives"`
	// Capabilities holds the rating of each capability, in ladder order.
	Capabilities []CapabilityResult `json:"capabilities"`
	// Points holds the points totals, sub-levels and titles.
	Points PointsResult `json:"points"`
	// Tracks holds the level reached on each track, in ladder order.
	Tracks []TrackResult `json:"tracks"`
	// Ratings traces every direct rating given, sorted by assessor and
	// then in ladder order of capabilities.
	Ratings []RatingTrace `json:"ratings"`
	// Evidence traces every evidence item given, in ladder order of
	// capabilities (unknown ones last), newest first, then by id.
	Evidence []ItemTrace `json:"evidence"`
}

// Track returns the result of the track with the given id, and whether r
// has one.
func (r *Result) Track(id string) (TrackResult, bool) {
	for _, t := range r.Tracks {
		if t.ID == id {
			return t, true
		}
	}
	return TrackResult{}, false
}

// The perspective name of ratings derived from evidence.
const EvidencePerspective = "evidence"

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
	Total      float64 `json:"total"`       // the worst-case total
	Best       float64 `json:"best"`        // the best-case total
	Level      *Named  `json:"level"`       // the threshold (sub-level) Total reaches, nil when none
	BestLevel  *Named  `json:"best_level"`  // the threshold Best reaches, nil when none
	Next       *Named  `json:"next"`        // the threshold above Level, nil at the top
	ToNext     float64 `json:"to_next"`     // the points Total lacks for Next, 0 at the top
	Titles     []Named `json:"titles"`      // the titles Total allows, in ladder order
	BestTitles []Named `json:"best_titles"` // the titles Best allows, in ladder order
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

// Met reports whether every check passes; a nil Gap has none.
func (g *Gap) Met() bool {
	if g == nil {
		return true
	}
	for _, c := range g.Checks {
		if !c.Met {
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
	// Kind says what is checked.
	Kind CheckKind `json:"kind"`
	// Level is the id of the level the requirement belongs to.
	Level string `json:"level"`
	// Gate is the id of the gate, if it has one.
	Gate string `json:"gate,omitempty"`
	// Capability is the id of the capability of an expectation or an
	// evidence gate.
	Capability string `json:"capability,omitempty"`
	// Met reports whether the requirement is met.
	Met bool `json:"met"`
	// Have is what there is: a rating ("" when unrated) for an
	// expectation, a number for the rest.
	Have string `json:"have"`
	// Need is what the requirement asks, in the same terms.
	Need string `json:"need"`
	// Deficit is how far short the requirement falls: rating steps,
	// points, items or capabilities; 0 when met.
	Deficit float64 `json:"deficit"`
	// Text says it in words, as in "communication: practising, needs
	// proficient" or "points: 52 of 58".
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

// Status says whether an input counted. In JSON and text it is
// "counted" or "excluded".
type Status uint8

// The statuses.
const (
	Counted  Status = iota // the input counts
	Excluded               // the input does not count; its Reason says why
)

var statusNames = [...]string{"counted", "excluded"}

// String returns "counted" or "excluded".
func (s Status) String() string { return enumName(statusNames[:], "Status", s) }

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error { return parseEnum(statusNames[:], "status", b, s) }

// enumName returns the name of v, or kind(v) for a value without one.
func enumName[T ~uint8](names []string, kind string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return kind + "(" + strconv.Itoa(int(v)) + ")"
}

// parseEnum sets *v to the value named b.
func parseEnum[T ~uint8](names []string, kind string, b []byte, v *T) error {
	for i, n := range names {
		if n == string(b) {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("scoring: unknown %s %q", kind, b)
}

// Reason says why an input did not count: a stable code, written as in the
// comments below. The zero Reason means the input counted. Reasons are
// small numbers, so that a trace of many items stays compact.
type Reason uint8

// The reasons.
const (
	NoReason                Reason = iota // "": the input counted
	ReasonUnknownCapability               // "unknown-capability": no capability has the id
	ReasonUnknownRating                   // "unknown-rating": the capability's scale has no such rating
	ReasonDuplicate                       // "duplicate": another input has the same id (or assessor and capability)
	ReasonFuture                          // "future": dated after the assessment day
	ReasonSourceNotAccepted               // "source-not-accepted": the policy does not accept the source
	ReasonZeroWeight                      // "zero-weight": the source or item weight is zero
	ReasonTooOld                          // "too-old": dated before the policy's window
	ReasonBelowRating                     // "below-rating": below the rating the capability reached, so it did not decide it
	ReasonNotEnough                       // "not-enough": too few items or sources to demonstrate any rating
	ReasonNotApplicable                   // "not-applicable": a direct rating of n/a
	ReasonReservedAssessor                // "reserved-assessor": the assessor is named "evidence"
)

var reasonNames = [...]string{"", "unknown-capability", "unknown-rating", "duplicate", "future", "source-not-accepted",
	"zero-weight", "too-old", "below-rating", "not-enough", "not-applicable", "reserved-assessor"}

// String returns the reason's code, "" for NoReason.
func (r Reason) String() string { return enumName(reasonNames[:], "Reason", r) }

// MarshalText implements encoding.TextMarshaler.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Reason) UnmarshalText(b []byte) error { return parseEnum(reasonNames[:], "reason", b, r) }

// A RatingTrace is one direct rating and what became of it.
type RatingTrace struct {
	Assessor   string `json:"assessor"`         // who rated
	Capability string `json:"capability"`       // the capability id as given
	Rating     string `json:"rating"`           // the rating id as given
	Status     Status `json:"status"`           // counted or excluded
	Reason     Reason `json:"reason,omitempty"` // why it was excluded
}

// An ItemTrace is one evidence item and what became of it.
//
// It points at the item in the Input given to Assess rather than copying
// it, and shows the item's fields as its own: t.ID, t.Capability,
// t.Rating, t.Date, t.Source, and the rest of the item, such as t.Summary
// and t.Tags. Weight is the trace's own field; the item's weight as given
// is t.Evidence.Weight. Sharing keeps the trace of a large assessment to
// 24 bytes an item with a single pointer, which is what lets Assess keep
// pace with a hand-written loop; in return, the input's evidence must not
// change while the Result is in use.
//
// In JSON an ItemTrace is an object with the item's id, capability,
// rating, date and source, then status, reason (when excluded) and weight.
type ItemTrace struct {
	*Evidence        // the item, as given
	Status    Status // counted, or excluded
	Reason    Reason // why it was excluded
	// Weight is the item's weight after the source weight, its own weight
	// and decay; 0 when excluded before weighing or for too-old items.
	Weight float64
}

// itemTraceJSON is the JSON form of an ItemTrace.
type itemTraceJSON struct {
	ID         string  `json:"id"`
	Capability string  `json:"capability"`
	Rating     string  `json:"rating"`
	Date       Date    `json:"date"`
	Source     string  `json:"source"`
	Status     Status  `json:"status"`
	Reason     Reason  `json:"reason,omitempty"`
	Weight     float64 `json:"weight"`
}

// MarshalJSON implements json.Marshaler. An ItemTrace without an item
// writes empty fields.
//
// It writes what encoding/json writes for itemTraceJSON without escaping
// HTML (the caller's encoder decides that), by hand: a result holds an
// item trace for every evidence item, and building an encoder for each
// made writing a result cost twenty times assessing it.
func (t ItemTrace) MarshalJSON() ([]byte, error) {
	n := 96
	if e := t.Evidence; e != nil {
		n += len(e.ID) + len(e.Capability) + len(e.Rating) + len(e.Source)
	}
	return t.appendJSON(make([]byte, 0, n))
}

// appendJSON appends what MarshalJSON returns to b.
func (t *ItemTrace) appendJSON(b []byte) ([]byte, error) {
	if math.IsNaN(t.Weight) || math.IsInf(t.Weight, 0) {
		return b, &json.UnsupportedValueError{Value: reflect.ValueOf(t.Weight), Str: strconv.FormatFloat(t.Weight, 'g', -1, 64)}
	}
	e := t.Evidence
	if e == nil {
		e = &Evidence{}
	}
	b = append(b, `{"id":`...)
	b = appendJSONString(b, e.ID)
	b = append(b, `,"capability":`...)
	b = appendJSONString(b, e.Capability)
	b = append(b, `,"rating":`...)
	b = appendJSONString(b, e.Rating)
	b = append(b, `,"date":"`...)
	if !e.Date.IsZero() {
		b = e.Date.Time().AppendFormat(b, time.DateOnly) // as Date.String
	}
	b = append(b, `","source":`...)
	b = appendJSONString(b, e.Source)
	b = append(b, `,"status":`...)
	b = appendJSONString(b, t.Status.String())
	if t.Reason != NoReason {
		b = append(b, `,"reason":`...)
		b = appendJSONString(b, t.Reason.String())
	}
	b = append(b, `,"weight":`...)
	b = appendJSONFloat(b, t.Weight)
	return append(b, '}'), nil
}

// appendJSONString appends s as encoding/json writes a string when it does
// not escape HTML: quotes, backslashes and control characters escaped,
// invalid UTF-8 as U+FFFD, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONFloat appends a finite f as encoding/json writes a float64:
// the shortest decimal that reads back the same, in exponent form below
// 1e-6 and from 1e21 on, with a one-digit negative exponent unpadded.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// UnmarshalJSON implements json.Unmarshaler: it reads what MarshalJSON
// writes into a new Evidence.
func (t *ItemTrace) UnmarshalJSON(b []byte) error {
	var v itemTraceJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*t = ItemTrace{Evidence: &Evidence{ID: v.ID, Capability: v.Capability, Rating: v.Rating, Date: v.Date, Source: v.Source},
		Status: v.Status, Reason: v.Reason, Weight: v.Weight}
	return nil
}
