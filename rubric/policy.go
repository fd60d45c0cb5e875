package rubric

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// A Period is a calendar length such as 90d, 6w, 12mo or 2y. The zero
// Period is unset.
type Period struct {
	N    int    // count of units, at least 1 when set
	Unit string // "d", "w", "mo" or "y"
}

// ParsePeriod parses a period written as a positive count and a unit: d
// (days), w (weeks), mo (months) or y (years).
func ParsePeriod(s string) (Period, error) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	num, unit := s[:i], s[i:]
	switch unit {
	case "d", "w", "mo", "y":
	default:
		return Period{}, fmt.Errorf("period %q needs a unit: d, w, mo or y (as in 12mo)", s)
	}
	if num == "" || num[0] == '0' || len(num) > 4 {
		return Period{}, fmt.Errorf("period %q needs a count from 1 to 9999", s)
	}
	n, _ := strconv.Atoi(num)
	return Period{N: n, Unit: unit}, nil
}

// String returns the period as written, or "" when unset.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	return strconv.Itoa(p.N) + p.Unit
}

// IsZero reports whether the period is unset.
func (p Period) IsZero() bool { return p.N == 0 }

// MarshalText implements encoding.TextMarshaler.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Period) UnmarshalText(b []byte) error {
	q, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// Start returns the first instant inside the period that ends at asOf:
// asOf minus the period, in calendar terms (12mo before 2026-03-31 is
// 2025-03-31). An unset period starts at the zero time.
func (p Period) Start(asOf time.Time) time.Time {
	switch p.Unit {
	case "d":
		return asOf.AddDate(0, 0, -p.N)
	case "w":
		return asOf.AddDate(0, 0, -7*p.N)
	case "mo":
		return asOf.AddDate(0, -p.N, 0)
	case "y":
		return asOf.AddDate(-p.N, 0, 0)
	}
	return time.Time{}
}

// Days returns the approximate length of the period in days, as used for
// half-life decay: months count 30.436875 days and years 365.2425.
func (p Period) Days() float64 {
	switch p.Unit {
	case "d":
		return float64(p.N)
	case "w":
		return 7 * float64(p.N)
	case "mo":
		return 30.436875 * float64(p.N)
	case "y":
		return 365.2425 * float64(p.N)
	}
	return 0
}

// Aggregation names how qualifying evidence items become a capability
// rating.
type Aggregation string

// The aggregations.
const (
	// AggregateHighest takes the highest rating that enough items, from
	// enough distinct sources, demonstrate at or above. It is the default.
	AggregateHighest Aggregation = "highest"
	// AggregateMedian takes the weighted median of the items' ratings.
	AggregateMedian Aggregation = "median"
	// AggregateLatest takes the rating of the most recent qualifying item.
	AggregateLatest Aggregation = "latest"
)

// Valid reports whether a is empty (the default) or one of the
// aggregations above.
func (a Aggregation) Valid() bool {
	switch a {
	case "", AggregateHighest, AggregateMedian, AggregateLatest:
		return true
	}
	return false
}

// An EvidencePolicy says which evidence counts toward a capability rating
// and how items combine. The zero policy accepts every source with weight 1,
// at any age, and needs one item.
type EvidencePolicy struct {
	// Window is a hard window: items older than this before the assessment
	// date do not count.
	Window Period `yaml:"window,omitempty"`
	// HalfLife makes an item's weight halve every HalfLife of age.
	HalfLife Period `yaml:"half_life,omitempty"`
	// Sources lists the accepted sources with their weights; empty accepts
	// every source with weight 1.
	Sources []SourceWeight `yaml:"sources,omitempty"`
	// MinItems is how many items must support a rating before it counts,
	// whatever their weights; zero means 1.
	MinItems int `yaml:"min_items,omitempty" jsonschema:"minimum=0,maximum=1000000"`
	// MinWeight is the total weight, after source weights and decay, that
	// the items supporting a rating must reach as well; zero means none.
	MinWeight float64 `yaml:"min_weight,omitempty" jsonschema:"minimum=0,maximum=1000000"`
	// MinSources is how many distinct sources must support a rating;
	// zero means 1.
	MinSources int `yaml:"min_sources,omitempty" jsonschema:"minimum=0,maximum=1000000"`
	// Aggregate is how items combine into a rating; empty means highest.
	Aggregate Aggregation `yaml:"aggregate,omitempty" jsonschema:"enum=highest,enum=median,enum=latest"`
}

// A SourceWeight accepts a source of evidence (self, peer, manager,
// artifact, ...) with a weight.
type SourceWeight struct {
	// Source is the id of the source.
	Source string `yaml:"source" cl:"key"`
	// Weight multiplies the items from the source.
	Weight float64 `yaml:"weight" cl:"value" jsonschema:"minimum=0,maximum=1000"`
}

// SourceWeight returns the weight of source under p and whether p accepts
// the source at all. A nil policy, like the zero one, accepts every source
// with weight 1.
func (p *EvidencePolicy) SourceWeight(source string) (float64, bool) {
	if p == nil || len(p.Sources) == 0 {
		return 1, true
	}
	for _, s := range p.Sources {
		if s.Source == source {
			return s.Weight, true
		}
	}
	return 0, false
}

// ErrEmptyID is returned by CheckID for an empty id.
var ErrEmptyID = errors.New("id is empty")

// CheckID reports whether id is a valid slug: lower-case letters and digits
// in groups joined by single '-', '_' or '.', as in "team-management" or
// "3.2".
func CheckID(id string) error {
	if id == "" {
		return ErrEmptyID
	}
	prevSep := true
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevSep = false
		case c == '-' || c == '_' || c == '.':
			if prevSep {
				return fmt.Errorf("id %q has a separator at the start or twice in a row", id)
			}
			prevSep = true
		default:
			return fmt.Errorf("id %q may hold only a-z, 0-9 and single '-', '_' or '.'", id)
		}
	}
	if prevSep {
		return fmt.Errorf("id %q ends with a separator", id)
	}
	return nil
}

// IDPattern is the regular expression CheckID implements, as the JSON
// Schemas publish it.
const IDPattern = `^[a-z0-9]+([._-][a-z0-9]+)*$`
