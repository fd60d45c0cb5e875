package diff

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// A Move is a person whose level on a track differs between two versions
// of a ladder.
type Move struct {
	// Person is the id of the person, as the input gives it.
	Person string `json:"person"`
	// Track is the id of the track.
	Track string `json:"track"`
	// Old is the id of the level reached under the old ladder, "" for none.
	Old string `json:"old"`
	// New is the id of the level reached under the new ladder, "" for none.
	New string `json:"new"`
	// Direction is "up" or "down".
	Direction string `json:"direction"`
	// Reasons explain the move in words. Moving down, they are the
	// Check.Text of the checks of the old level (and of the levels below
	// it that it needs) that fail under the new ladder, leaving out single
	// expectations that fall short within the level's tolerance; or
	// "level ID is no longer in track ID". Moving up, "now reached: NAME"
	// followed by the checks of the new level, all met.
	Reasons []string `json:"reasons"`
}

// Rescore assesses every input under both scorers as of asOf and returns
// the people whose level changes on a track, sorted by person and then
// track. The level compared is the worst-case level
// (scoring.TrackResult.Level). Only tracks present in both ladders are
// compared: a track that only one version has moves nobody. A nil scorer
// or an invalid day is an error wrapping ladder.ErrNilArgument. It costs
// two assessments of each input, on every core, and a gap for each move.
func Rescore(oldS, newS *scoring.Scorer, ins []evidence.Input, asOf evidence.Date) ([]Move, error) {
	if oldS == nil || newS == nil || oldS.Ladder() == nil || newS.Ladder() == nil {
		return nil, fmt.Errorf("diff: rescore: %w", ladder.ErrNilArgument)
	}
	oldL, err := levels(oldS, ins, asOf)
	if err != nil {
		return nil, err
	}
	newL, err := levels(newS, ins, asOf)
	if err != nil {
		return nil, err
	}
	nl := newS.Ladder()
	oi, ni := newLevelIndex(oldS.Ladder()), newLevelIndex(nl)
	var out []Move
	for i := range ins {
		for _, nt := range nl.Tracks {
			o, had := oldL[i][nt.ID]
			if !had {
				continue
			}
			n := newL[i][nt.ID]
			if o.ID == n.ID {
				continue
			}
			m := Move{Person: ins[i].Person, Track: nt.ID, Old: o.ID, New: n.ID}
			if up(oi, ni, nt.ID, o.ID, n.ID) {
				m.Direction = "up"
				m.Reasons = upReasons(newS, ins[i], asOf, nt.ID, n)
			} else {
				m.Direction = "down"
				m.Reasons = downReasons(newS, ins[i], asOf, nt.ID, o.ID)
			}
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b Move) int {
		return cmp.Or(cmp.Compare(a.Person, b.Person), cmp.Compare(a.Track, b.Track))
	})
	return out, nil
}

// levels returns the worst-case level of each input on each track of s,
// by track id; a zero Named where none is reached.
func levels(s *scoring.Scorer, ins []evidence.Input, asOf evidence.Date) ([]map[string]scoring.Named, error) {
	people := func(yield func(evidence.Input, error) bool) {
		for _, in := range ins {
			if !yield(in, nil) {
				return
			}
		}
	}
	out := make([]map[string]scoring.Named, 0, len(ins))
	for r, err := range s.AssessAll(context.Background(), people, asOf) {
		if err != nil {
			return nil, err
		}
		m := make(map[string]scoring.Named, len(r.Tracks))
		for _, t := range r.Tracks {
			var n scoring.Named
			if t.Level != nil {
				n = *t.Level // strings stay valid after the loop body
			}
			m[t.ID] = n
		}
		out = append(out, m)
	}
	return out, nil
}

// levelIndex holds the position of each level in its track, by track id
// and level id, as Ladder.Track and a search of the track's levels find
// them: the first track and the first level with an id.
type levelIndex map[string]map[string]int

func newLevelIndex(l *ladder.Ladder) levelIndex {
	x := make(levelIndex, len(l.Tracks))
	for i := range l.Tracks {
		t := &l.Tracks[i]
		if _, dup := x[t.ID]; dup {
			continue
		}
		m := make(map[string]int, len(t.Levels))
		for j := range t.Levels {
			if _, dup := m[t.Levels[j].ID]; !dup {
				m[t.Levels[j].ID] = j
			}
		}
		x[t.ID] = m
	}
	return x
}

// index returns the position of level id in track, -1 for "" and -2 when
// the track or level is missing.
func (x levelIndex) index(track, id string) int {
	if id == "" {
		return -1
	}
	i, ok := x[track][id]
	if !ok {
		return -2
	}
	return i
}

// up reports whether moving from level o to level n is a move up: by their
// positions in the new track when both are there, else in the old track,
// else by the old level's old position against the new level's new one.
func up(ol, nl levelIndex, track, o, n string) bool {
	if a, b := nl.index(track, o), nl.index(track, n); a > -2 && b > -2 {
		return b > a
	}
	if a, b := ol.index(track, o), ol.index(track, n); a > -2 && b > -2 {
		return b > a
	}
	return nl.index(track, n) > ol.index(track, o)
}

func downReasons(s *scoring.Scorer, in evidence.Input, asOf evidence.Date, track, level string) []string {
	if level == "" {
		return nil
	}
	g, err := s.Gap(in, asOf, track, level)
	if err != nil {
		return []string{"level " + level + " is no longer in track " + track}
	}
	// An expectation that falls short within the level's tolerance is no
	// reason: only the failing checks that keep the level out are.
	var out []string
	for _, c := range g.Checks {
		if !c.Met && !c.Tolerated {
			out = append(out, c.Text)
		}
	}
	return out
}

func upReasons(s *scoring.Scorer, in evidence.Input, asOf evidence.Date, track string, level scoring.Named) []string {
	name := level.ID
	if level.Name != "" {
		name = level.Name
	}
	out := []string{"now reached: " + name}
	g, err := s.Gap(in, asOf, track, level.ID)
	if err != nil {
		return out
	}
	for _, c := range g.Checks {
		if c.Met && c.Level == level.ID {
			out = append(out, c.Text)
		}
	}
	return out
}
