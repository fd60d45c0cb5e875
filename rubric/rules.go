package rubric

import (
	"fmt"
	"strings"
)

// An Expectation is the minimum rating a level expects of a capability, or
// NotApplicable when the capability does not apply at that level.
type Expectation struct {
	// Capability is the id of the capability.
	Capability string `yaml:"capability" cl:"key"`
	// Rating is the id of the minimum rating, or "n/a".
	Rating string `yaml:"rating" cl:"value"`
}

// A Tolerance relaxes expectations: at most Count capabilities may sit below
// their expected rating, each by at most Steps ratings.
type Tolerance struct {
	// Count is how many capabilities may fall short.
	Count int `yaml:"count" jsonschema:"minimum=0,maximum=1000000"`
	// Steps is how far each may fall short; zero means one step.
	Steps int `yaml:"steps,omitempty" jsonschema:"minimum=0,maximum=1000000"`
}

// MaxSteps returns how far a capability may fall short: Steps, or 1 when
// Steps is zero.
func (t Tolerance) MaxSteps() int {
	if t.Steps == 0 {
		return 1
	}
	return t.Steps
}

// A Weight multiplies the points one capability contributes.
type Weight struct {
	// Capability is the id of the capability.
	Capability string `yaml:"capability" cl:"key"`
	// Factor multiplies the capability's points; capabilities without a
	// weight count once.
	Factor float64 `yaml:"factor" cl:"value" jsonschema:"minimum=0,maximum=1000"`
}

// A Threshold maps a points total to a sub-level: the sub-level reached is
// the last threshold whose MinPoints the total meets. Thresholds are listed
// with strictly increasing MinPoints.
type Threshold struct {
	// ID names the sub-level, such as "3.2".
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Name is an optional human-readable name.
	Name string `yaml:"name,omitempty"`
	// MinPoints is the lowest total that reaches the sub-level.
	MinPoints int `yaml:"min_points" jsonschema:"minimum=0,maximum=1000000000000"`
}

// Reached returns the index of the highest threshold that points reaches,
// or -1 when it reaches none. ts must be in increasing order.
func Reached(ts []Threshold, points float64) int {
	r := -1
	for i, t := range ts {
		if points >= float64(t.MinPoints) {
			r = i
		}
	}
	return r
}

// A Title is a job title held over an inclusive range of points. Titles of
// one family (the same Track, or none) must not overlap or leave gaps;
// titles of different families may share a range, as paired IC and
// management titles do.
type Title struct {
	// ID is the stable slug of the title.
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Name is the title as people hold it.
	Name string `yaml:"name"`
	// Track is the id of the track (the title family) the title belongs to;
	// empty for titles shared by all.
	Track string `yaml:"track,omitempty"`
	// MinPoints is the lowest total that allows the title.
	MinPoints int `yaml:"min_points" jsonschema:"minimum=0,maximum=1000000000000"`
	// MaxPoints is the highest total that allows the title; absent means no
	// upper bound.
	MaxPoints *int `yaml:"max_points,omitempty" jsonschema:"minimum=0,maximum=1000000000000"`
}

// Allows reports whether the title is held at points.
func (t Title) Allows(points float64) bool {
	return points >= float64(t.MinPoints) && (t.MaxPoints == nil || points <= float64(*t.MaxPoints))
}

// Eligible returns the titles, in their given order, that points allows.
func Eligible(titles []Title, points float64) []Title {
	var out []Title
	for _, t := range titles {
		if t.Allows(points) {
			out = append(out, t)
		}
	}
	return out
}

// A Gate is one extra requirement of a level. Exactly one of its kind fields
// is set.
type Gate struct {
	// ID optionally names the gate, for explanations.
	ID string `yaml:"id,omitempty" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Description says in words what the gate asks for.
	Description string `yaml:"description,omitempty"`
	// Points requires a minimum weighted points total.
	Points *PointsGate `yaml:"points,omitempty"`
	// CategoryFloor requires a minimum of points within one category.
	CategoryFloor *CategoryFloor `yaml:"category_floor,omitempty"`
	// Evidence requires a number of qualifying evidence items.
	Evidence *EvidenceGate `yaml:"evidence,omitempty"`
	// NOfM requires a rating in at least N of a set of capabilities.
	NOfM *NOfM `yaml:"n_of_m,omitempty"`
}

// Kind returns the name of the gate's kind ("points", "category_floor",
// "evidence" or "n_of_m"), or "" when not exactly one kind is set.
func (g Gate) Kind() string {
	kind, n := "", 0
	if g.Points != nil {
		kind, n = "points", n+1
	}
	if g.CategoryFloor != nil {
		kind, n = "category_floor", n+1
	}
	if g.Evidence != nil {
		kind, n = "evidence", n+1
	}
	if g.NOfM != nil {
		kind, n = "n_of_m", n+1
	}
	if n != 1 {
		return ""
	}
	return kind
}

// A PointsGate requires a minimum weighted points total.
type PointsGate struct {
	// Min is the lowest total that passes.
	Min int `yaml:"min" jsonschema:"minimum=0,maximum=1000000000000"`
	// Categories restricts the total to capabilities of these categories;
	// empty means all capabilities.
	Categories []string `yaml:"categories,omitempty"`
}

// A CategoryFloor requires a minimum weighted points total within one
// category.
type CategoryFloor struct {
	// Category is the id of the category.
	Category string `yaml:"category"`
	// Min is the lowest total in the category that passes.
	Min int `yaml:"min" jsonschema:"minimum=0,maximum=1000000000000"`
}

// An EvidenceGate requires at least Count evidence items for a capability,
// each demonstrating MinRating or above, dated within Window of the
// assessment date.
type EvidenceGate struct {
	// Capability is the id of the capability the items must be for.
	Capability string `yaml:"capability"`
	// MinRating is the lowest rating an item must demonstrate; empty means
	// any rating.
	MinRating string `yaml:"min_rating,omitempty"`
	// Count is how many qualifying items are needed.
	Count int `yaml:"count" jsonschema:"minimum=1,maximum=1000000"`
	// Window is how far back items count, such as 12mo; empty means the
	// evidence policy's window.
	Window Period `yaml:"window,omitempty"`
	// Tag, when set, counts only items carrying this tag (such as
	// "hard-problem").
	Tag string `yaml:"tag,omitempty" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Sources, when set, counts only items from these sources.
	Sources []string `yaml:"sources,omitempty"`
}

// An NOfM requires MinRating or above in at least N of the listed
// capabilities.
type NOfM struct {
	// N is how many of the capabilities must reach MinRating.
	N int `yaml:"n" jsonschema:"minimum=1,maximum=1000000"`
	// Capabilities are the ids of the capabilities considered.
	Capabilities []string `yaml:"capabilities" jsonschema:"minItems=1"`
	// MinRating is the rating each must reach; every listed capability's
	// scale must have it.
	MinRating string `yaml:"min_rating"`
}

// String describes the gate in words, for explanations and rendered
// ladders; the gate's Description, when set, is for people and is not used.
func (g Gate) String() string {
	switch g.Kind() {
	case "points":
		if len(g.Points.Categories) > 0 {
			return fmt.Sprintf("at least %d points in %s", g.Points.Min, strings.Join(g.Points.Categories, ", "))
		}
		return fmt.Sprintf("at least %d points", g.Points.Min)
	case "category_floor":
		return fmt.Sprintf("at least %d points in category %s", g.CategoryFloor.Min, g.CategoryFloor.Category)
	case "evidence":
		return g.Evidence.String()
	case "n_of_m":
		return fmt.Sprintf("%s or above in at least %d of %s", g.NOfM.MinRating, g.NOfM.N, strings.Join(g.NOfM.Capabilities, ", "))
	}
	return "invalid gate"
}

// String describes the requirement in words, as in "at least 24 items of
// technical-problem-solving at advanced or above, tagged hard-problem,
// within 12mo".
func (e EvidenceGate) String() string {
	var b strings.Builder
	item := "items"
	if e.Count == 1 {
		item = "item"
	}
	fmt.Fprintf(&b, "at least %d %s of %s", e.Count, item, e.Capability)
	if e.MinRating != "" {
		fmt.Fprintf(&b, " at %s or above", e.MinRating)
	}
	if e.Tag != "" {
		fmt.Fprintf(&b, ", tagged %s", e.Tag)
	}
	if len(e.Sources) > 0 {
		fmt.Fprintf(&b, ", from %s", strings.Join(e.Sources, " or "))
	}
	if !e.Window.IsZero() {
		fmt.Fprintf(&b, ", within %s", e.Window)
	}
	return b.String()
}
