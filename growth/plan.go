package growth

import (
	"fmt"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// A Plan is the way from where a person stands to a target level: the
// levels on the way, what each of them lacks, and the cheapest rating
// changes to the target, each beside what the ladder says the new rating
// looks like.
type Plan struct {
	Person string        `json:"person"` // the person
	AsOf   evidence.Date `json:"as_of"`  // the day the plan starts from
	Track  scoring.Named `json:"track"`  // the target's track
	Target scoring.Named `json:"target"` // the level aimed at
	// Reached says whether the worst case reaches the target already.
	Reached bool `json:"reached"`
	// Steps are the levels still to reach on the way, lowest first, the
	// target last; empty when it is reached. A level needs the one below
	// it, so a target two levels up has two steps.
	Steps []Step `json:"steps"`
	// Path is the cheapest set of rating changes that reaches the target,
	// every level on the way included.
	Path Path `json:"path"`
	// Pace says, for each evidence gate of the steps, how fast its items
	// come and when it would be met at that pace.
	Pace []Pace `json:"pace"`
}

// A Step is one level on the way to a target.
type Step struct {
	Level scoring.Named `json:"level"` // the level
	// Checks are the level's own requirements with their status, as
	// scoring.Gap gives them.
	Checks []scoring.Check `json:"checks"`
	// Path is the cheapest way to this level, the levels below it
	// included.
	Path Path `json:"path"`
}

// A Path is a scoring.Path whose changes say what the rating they reach
// looks like.
type Path struct {
	Possible bool                   `json:"possible"` // some ratings meet the requirements
	Exact    bool                   `json:"exact"`    // the changes are the fewest (the search was not cut short)
	Steps    int                    `json:"steps"`    // the rating steps of all changes
	Changes  []Change               `json:"changes"`  // in ladder order of capabilities
	Evidence []scoring.EvidenceNeed `json:"evidence"` // evidence gates still short
}

// A Change is a rating change of a path, with the ladder's descriptor of
// the rating it reaches.
type Change struct {
	scoring.Change
	// Looks is what the new rating looks like; nil when the ladder does
	// not describe the capability at that rating.
	Looks *Descriptor `json:"looks_like,omitempty"`
}

// A Descriptor is what good looks like: the ladder's summary of a
// capability at a rating, and the first of its signals and of its
// examples where the ladder has them.
type Descriptor struct {
	Rating  string `json:"rating"`            // the rating's label
	Summary string `json:"summary"`           // the descriptor's summary
	Signal  string `json:"signal,omitempty"`  // its first signal
	Example string `json:"example,omitempty"` // its first example
}

// NewPlan plans the way for in, as of asOf, to the level target names:
// "LEVEL" (a level id of one track only), "TRACK/LEVEL", or "" for the
// ladder's own target (ladder.Ladder.Target). It assesses in once per
// level on the way, as scoring.Scorer.Gap does. A target the ladder lacks
// is a ladder.Diagnostics (unknown-ref with the id probably meant, or
// bad-value for a level id on several tracks); a nil Scorer, a zero or
// invalid day, or no target at all (none given, none in the ladder) is an
// error wrapping ladder.ErrNilArgument.
func NewPlan(s *scoring.Scorer, in evidence.Input, asOf evidence.Date, target string) (Plan, error) {
	return newPlan(s, in, asOf, target, nil)
}

// newPlan is NewPlan with the assessment of in as of asOf, when the caller
// has it already (nil: it is made here).
func newPlan(s *scoring.Scorer, in evidence.Input, asOf evidence.Date, target string, res *scoring.Result) (Plan, error) {
	l := s.Ladder()
	if l == nil {
		return Plan{}, fmt.Errorf("growth: plan: a Scorer not made by scoring.Compile: %w", ladder.ErrNilArgument)
	}
	if target == "" {
		target = l.Target
	}
	if target == "" {
		return Plan{}, fmt.Errorf("growth: plan: no target given, and ladder %s names none: %w", l.ID, ladder.ErrNilArgument)
	}
	tr, lv, err := l.FindLevel(target)
	if err != nil {
		return Plan{}, err
	}
	gap, err := s.Gap(in, asOf, tr.ID, lv.ID)
	if err != nil {
		return Plan{}, err
	}
	w := words{l}
	p := Plan{Person: in.Person, AsOf: asOf, Track: gap.Track, Target: gap.Level, Reached: gap.Met(),
		Steps: []Step{}, Path: w.path(gap.Path)}
	if p.Reached {
		p.Pace = []Pace{}
		return p, nil
	}
	for _, id := range levelsOf(gap.Checks) {
		g := gap
		if id != lv.ID {
			if g, err = s.Gap(in, asOf, tr.ID, id); err != nil {
				return Plan{}, err
			}
		}
		st := Step{Level: scoring.Named{ID: id, Name: w.levelName(tr.ID, id)}, Path: w.path(g.Path)}
		for _, c := range g.Checks {
			if c.Level == id {
				st.Checks = append(st.Checks, c)
			}
		}
		p.Steps = append(p.Steps, st)
	}
	if res == nil {
		r, err := s.Assess(in, asOf)
		if err != nil {
			return Plan{}, err
		}
		res = &r
	}
	p.Pace = paces(l, &p, res)
	return p, nil
}

// levelsOf returns the levels of a gap's checks, in order.
func levelsOf(checks []scoring.Check) []string {
	var out []string
	for _, c := range checks {
		if len(out) == 0 || out[len(out)-1] != c.Level {
			out = append(out, c.Level)
		}
	}
	return out
}

// path adds the ladder's descriptors to the changes of p.
func (w words) path(p scoring.Path) Path {
	out := Path{Possible: p.Possible, Exact: p.Exact, Steps: p.Steps, Changes: make([]Change, len(p.Changes)), Evidence: p.Evidence}
	if out.Evidence == nil {
		out.Evidence = []scoring.EvidenceNeed{}
	}
	for i, c := range p.Changes {
		out.Changes[i] = Change{Change: c, Looks: w.descriptor(c.Capability, c.To)}
	}
	return out
}

// descriptor returns what capability capID looks like at rating, nil when
// the ladder does not say.
func (w words) descriptor(capID, rating string) *Descriptor {
	c, ok := w.l.Capability(capID)
	if !ok {
		return nil
	}
	for _, d := range c.Descriptors {
		if d.Rating != rating || d.Summary == "" && len(d.Signals) == 0 && len(d.Examples) == 0 {
			continue
		}
		out := &Descriptor{Rating: w.rating(capID, rating), Summary: d.Summary}
		if len(d.Signals) > 0 {
			out.Signal = d.Signals[0]
		}
		if len(d.Examples) > 0 {
			out.Example = d.Examples[0]
		}
		return out
	}
	return nil
}
