package ladder

import (
	"fmt"
	"slices"
	"strings"

	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/rubric"
)

// FormatV1 is the value of the format field of version 1 ladder files.
const FormatV1 = "careerladder/v1"

// A Ladder is a career framework: capabilities rated on scales, tracks of
// levels that expect ratings, and the rules that decide levels and titles.
//
// A Ladder returned by Parse, Load or LoadFile has passed validation and is
// never changed by this module afterwards; callers should treat it as
// read-only too.
type Ladder struct {
	// Format is the version of the file format; it must be "careerladder/v1".
	Format string `yaml:"format" jsonschema:"enum=careerladder/v1" code:"bad-format"`
	// ID is the stable slug of the ladder.
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Name is the ladder's human-readable name.
	Name string `yaml:"name"`
	// Version is the ladder's own version, such as "2.1.0".
	Version string `yaml:"version,omitempty"`
	// Updated is the day this version was made, as 2006-01-02; exports
	// such as CASE use it as the date of last change.
	Updated string `yaml:"updated,omitempty" jsonschema:"pattern=^[0-9]{4}-[0-9]{2}-[0-9]{2}$,format=date"`
	// Description says what the ladder is for and whom it covers.
	Description string `yaml:"description,omitempty"`
	// Scales are the rating scales; the first is the default for
	// capabilities that name none.
	Scales []rubric.Scale `yaml:"scales" jsonschema:"minItems=1"`
	// Categories group capabilities.
	Categories []Category `yaml:"categories,omitempty"`
	// Capabilities are the competencies the ladder rates.
	Capabilities []Capability `yaml:"capabilities" jsonschema:"minItems=1"`
	// Tracks are the career tracks (IC, management, ...), each an ordered
	// list of levels.
	Tracks []Track `yaml:"tracks,omitempty" jsonschema:"minItems=1"`
	// Target is the level people aim at unless they choose another, as
	// LEVEL (the id of a level of one track only) or TRACK/LEVEL; plans
	// and reports measure the way to it.
	Target string `yaml:"target,omitempty" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)?$"`
	// Titles are job titles held over ranges of points.
	Titles []rubric.Title `yaml:"titles,omitempty"`
	// Rules holds the ladder-wide scoring rules.
	Rules Rules `yaml:"rules,omitempty"`

	src *source // where the ladder was read from, for positions; nil if built in code
}

// A Category groups capabilities, such as "Technical" or "People".
type Category struct {
	// ID is the stable slug of the category.
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Name is the category's human-readable name.
	Name string `yaml:"name"`
	// Description says what the category covers.
	Description string `yaml:"description,omitempty"`
}

// A Capability is one competency the ladder rates.
type Capability struct {
	// ID is the stable slug of the capability.
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Name is the capability's human-readable name.
	Name string `yaml:"name"`
	// Category is the id of the category it belongs to.
	Category string `yaml:"category,omitempty"`
	// Scale is the id of the scale it is rated on; empty means the first
	// scale of the ladder.
	Scale string `yaml:"scale,omitempty"`
	// Code is an optional short code, as frameworks such as SFIA use.
	Code string `yaml:"code,omitempty"`
	// Summary says what the capability is.
	Summary string `yaml:"summary,omitempty"`
	// Descriptors say what the capability looks like at each rating, keyed
	// by rating id. They may be sparse.
	Descriptors []rubric.Descriptor `yaml:"descriptors,omitempty"`
}

// A Track is a career path with ordered levels, lowest first.
type Track struct {
	// ID is the stable slug of the track.
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Name is the track's human-readable name.
	Name string `yaml:"name"`
	// Description says whom the track is for.
	Description string `yaml:"description,omitempty"`
	// Levels are the track's levels, lowest first.
	Levels []Level `yaml:"levels" jsonschema:"minItems=1"`
}

// A Level is one step of a track. Levels are cumulative: reaching a level
// requires reaching the one before it on the track, unless Standalone is set.
type Level struct {
	// ID is the stable slug of the level, unique within its track.
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Name is the level's title or name.
	Name string `yaml:"name"`
	// Grade places the level on a scale shared by all tracks; levels of
	// different tracks with the same grade are equivalent (a lateral move).
	// Grades must rise along a track. Zero means ungraded.
	Grade int `yaml:"grade,omitempty" jsonschema:"minimum=0,maximum=1000000"`
	// Summary says what the level is about.
	Summary string `yaml:"summary,omitempty"`
	// TypicalExperience is a guide such as "5-8 years"; it is never a rule.
	TypicalExperience string `yaml:"typical_experience,omitempty"`
	// Expects maps capability ids to the minimum rating the level expects,
	// or "n/a".
	Expects []rubric.Expectation `yaml:"expects,omitempty"`
	// Tolerance lets some expectations fall short.
	Tolerance *rubric.Tolerance `yaml:"tolerance,omitempty"`
	// Requires lists extra gates, all of which must pass.
	Requires []rubric.Gate `yaml:"requires,omitempty"`
	// Standalone makes the level independent of the level before it.
	Standalone bool `yaml:"standalone,omitempty"`
}

// Rules are the ladder-wide scoring rules.
type Rules struct {
	// Weights multiply the points of capabilities; capabilities without a
	// weight count once.
	Weights []rubric.Weight `yaml:"weights,omitempty"`
	// Thresholds map points totals to sub-levels, in increasing order.
	Thresholds []rubric.Threshold `yaml:"thresholds,omitempty" jsonschema:"minItems=1"`
	// Evidence is the evidence policy.
	Evidence *rubric.EvidencePolicy `yaml:"evidence,omitempty"`
}

// Capability returns the capability with the given id. Like every lookup
// here, it finds nothing in a nil Ladder.
func (l *Ladder) Capability(id string) (*Capability, bool) {
	if l == nil {
		return nil, false
	}
	for i := range l.Capabilities {
		if l.Capabilities[i].ID == id {
			return &l.Capabilities[i], true
		}
	}
	return nil, false
}

// Track returns the track with the given id.
func (l *Ladder) Track(id string) (*Track, bool) {
	if l == nil {
		return nil, false
	}
	for i := range l.Tracks {
		if l.Tracks[i].ID == id {
			return &l.Tracks[i], true
		}
	}
	return nil, false
}

// Scale returns the scale with the given id; the empty id names the default
// (first) scale.
func (l *Ladder) Scale(id string) (*rubric.Scale, bool) {
	if l == nil {
		return nil, false
	}
	if id == "" {
		if len(l.Scales) == 0 {
			return nil, false
		}
		return &l.Scales[0], true
	}
	for i := range l.Scales {
		if l.Scales[i].ID == id {
			return &l.Scales[i], true
		}
	}
	return nil, false
}

// ScaleOf returns the scale capability c is rated on.
func (l *Ladder) ScaleOf(c *Capability) (*rubric.Scale, bool) {
	if c == nil {
		return nil, false
	}
	return l.Scale(c.Scale)
}

// Weight returns the points factor of capability id: its weight in
// Rules.Weights, or 1.
func (l *Ladder) Weight(id string) float64 {
	if l == nil {
		return 1
	}
	for _, w := range l.Rules.Weights {
		if w.Capability == id {
			return w.Factor
		}
	}
	return 1
}

// Level returns the level with the given id in track t.
func (t *Track) Level(id string) (*Level, bool) {
	if t == nil {
		return nil, false
	}
	for i := range t.Levels {
		if t.Levels[i].ID == id {
			return &t.Levels[i], true
		}
	}
	return nil, false
}

// FindLevel returns the track and level that ref names: "TRACK/LEVEL", or
// "LEVEL" alone when exactly one track has a level with that id, as the
// target of a ladder and the --target of the ladder command are written.
// A ref that names no level is a Diagnostics (unknown-ref, with the id
// probably meant), as is a bare level id that several tracks share
// (bad-value: write TRACK/LEVEL); their path is "target".
func (l *Ladder) FindLevel(ref string) (*Track, *Level, error) {
	t, v, is := l.findLevel(ref, root.Key("target"))
	if is != nil {
		return nil, nil, fromIssues("", []yamldoc.Issue{*is})
	}
	return t, v, nil
}

// findLevel is FindLevel with the problem as an issue at path p.
func (l *Ladder) findLevel(ref string, p *yamldoc.Path) (*Track, *Level, *yamldoc.Issue) {
	issue := func(code Code, format string, args ...any) *yamldoc.Issue {
		return &yamldoc.Issue{Code: string(code), Path: p.String(), At: p, Summary: fmt.Sprintf(format, args...)}
	}
	if l == nil {
		return nil, nil, issue(CodeUnknownRef, "no ladder to find level %q in", ref)
	}
	trackID, levelID, qualified := strings.Cut(ref, "/")
	if !qualified {
		trackID, levelID = "", ref
	}
	var found []*Track
	var all []string
	for i := range l.Tracks {
		t := &l.Tracks[i]
		if qualified && t.ID != trackID {
			continue
		}
		for j := range t.Levels {
			all = append(all, t.Levels[j].ID)
			if t.Levels[j].ID == levelID {
				found = append(found, t)
			}
		}
	}
	switch {
	case qualified && len(found) == 0 && !slices.ContainsFunc(l.Tracks, func(t Track) bool { return t.ID == trackID }):
		ids := make([]string, len(l.Tracks))
		for i := range l.Tracks {
			ids[i] = l.Tracks[i].ID
		}
		is := issue(CodeUnknownRef, "unknown track %q", trackID)
		is.Suggestion, is.Detail = yamldoc.Suggest(trackID, ids), known(ids)
		if is.Suggestion != "" {
			is.Suggestion += "/" + levelID
		}
		return nil, nil, is
	case len(found) == 0:
		is := issue(CodeUnknownRef, "unknown level %q", levelID)
		if qualified {
			is.Summary += fmt.Sprintf(" of track %q", trackID)
		}
		is.Suggestion, is.Detail = yamldoc.Suggest(levelID, all), known(all)
		if is.Suggestion != "" && qualified {
			is.Suggestion = trackID + "/" + is.Suggestion
		}
		return nil, nil, is
	case len(found) > 1:
		var refs []string
		for _, t := range found {
			refs = append(refs, t.ID+"/"+levelID)
		}
		is := issue(CodeBadValue, "level %q is on several tracks", levelID)
		is.Detail = "write one of " + strings.Join(refs, ", ")
		return nil, nil, is
	}
	v, _ := found[0].Level(levelID)
	return found[0], v, nil
}

// known lists ids for a diagnostic's detail, when they are few enough.
func known(ids []string) string {
	if len(ids) == 0 || len(ids) > 20 {
		return ""
	}
	return "known: " + strings.Join(ids, ", ")
}

// Expectation returns the rating level v expects of capability id, and
// whether v names the capability at all.
func (v *Level) Expectation(id string) (string, bool) {
	if v == nil {
		return "", false
	}
	for _, e := range v.Expects {
		if e.Capability == id {
			return e.Rating, true
		}
	}
	return "", false
}
