package evidence

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/careerladder/careerladder/internal/yamldoc"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
)

// This file holds the rules of evidence content. Every way of reading
// evidence (files, JSON Lines, inputs built in Go) calls checkItem for each
// item, so that the rules and their codes are written once; the readers add
// only what is particular to their syntax (unknown keys, types, lengths).

// The fields of an item, for positions: each reader maps a field to where
// it stands in its input.
const (
	fieldID = iota
	fieldCapability
	fieldRating
	fieldDate
	fieldSource
	fieldSummary
	fieldLinks
	fieldWeight
	fieldTags
	fieldCount
)

// itemFields are the names of the fields, in the order above.
var itemFields = [fieldCount]string{"id", "capability", "rating", "date", "source", "summary", "links", "weight", "tags"}

// A problem is one broken rule of an item's content.
type problem struct {
	field      int  // the field, one of the field constants
	elem       int  // the element of a list field, or -1
	key        bool // about the field's key (missing) rather than its value
	code       ladder.Code
	summary    string
	detail     string
	suggestion string
}

// refs holds what a ladder defines that evidence refers to: its
// capabilities and the ratings of each one's scale. A nil *refs checks no
// references.
type refs struct {
	id      string              // the ladder's id
	caps    map[string]*capRefs // by capability id
	capIDs  []string            // in ladder order, for suggestions
	capList string              // capIDs for a detail, or ""
}

type capRefs struct {
	id, scale string
	ratings   []string // the scale's rating ids, lowest first
	withNA    []string // ratings and n/a, for direct ratings
}

// newRefs returns the references of l, nil for a nil ladder. A ladder
// that does not validate may refer to scales it lacks: its capabilities
// then have no ratings, and every rating of theirs is unknown.
func newRefs(l *ladder.Ladder) *refs {
	if l == nil {
		return nil
	}
	r := &refs{id: l.ID, caps: make(map[string]*capRefs, len(l.Capabilities))}
	for i := range l.Capabilities {
		c := &l.Capabilities[i]
		if _, dup := r.caps[c.ID]; dup {
			continue // the first of equal ids wins, as in the ladder's lookups
		}
		cr := &capRefs{id: c.ID}
		if sc, ok := l.ScaleOf(c); ok {
			cr.scale, cr.ratings = sc.ID, sc.IDs()
		}
		cr.withNA = append(slices.Clip(cr.ratings), rubric.NotApplicable)
		r.caps[c.ID] = cr
		r.capIDs = append(r.capIDs, c.ID)
	}
	r.capList = known(r.capIDs)
	return r
}

// capability returns the capability id refers to, or a problem.
func (r *refs) capability(id string) (*capRefs, *problem) {
	if c, ok := r.caps[id]; ok {
		return c, nil
	}
	return nil, &problem{elem: -1, code: ladder.CodeUnknownRef, summary: fmt.Sprintf("unknown capability %q", id),
		detail: r.capList, suggestion: yamldoc.Suggest(id, r.capIDs)}
}

// rating returns a problem when id is not a rating of c's scale (or n/a,
// when allowed).
func (c *capRefs) rating(id string, allowNA bool) *problem {
	names := c.ratings
	if allowNA {
		names = c.withNA
	}
	if slices.Contains(names, id) {
		return nil
	}
	return &problem{elem: -1, code: ladder.CodeUnknownRef,
		summary: fmt.Sprintf("unknown rating %q on scale %q of capability %q", id, c.scale, c.id),
		detail:  known(names), suggestion: yamldoc.Suggest(id, names)}
}

// checkItem checks the content of one item and reports each problem. bad
// holds the fields that the reader already reported (absent, of the wrong
// type): they are not checked again.
func (r *refs) checkItem(it *Item, bad uint, report func(problem)) {
	req := func(f int, empty bool) bool {
		if bad&(1<<f) != 0 {
			return false
		}
		if empty {
			report(problem{field: f, elem: -1, key: true, code: ladder.CodeMissingField,
				summary: fmt.Sprintf("missing field %q", itemFields[f])})
			return false
		}
		return true
	}
	req(fieldID, it.ID == "")
	var c *capRefs
	if req(fieldCapability, it.Capability == "") && r != nil {
		var p *problem
		if c, p = r.capability(it.Capability); p != nil {
			p.field = fieldCapability
			report(*p)
		}
	}
	if req(fieldRating, it.Rating == "") && c != nil {
		if p := c.rating(it.Rating, false); p != nil {
			p.field = fieldRating
			report(*p)
		}
	}
	if req(fieldDate, it.Date.IsZero()) && !it.Date.Valid() {
		report(problem{field: fieldDate, elem: -1, code: ladder.CodeBadValue,
			summary: fmt.Sprintf("date %d-%d-%d is not a day of the calendar in the years 1 to 9999", it.Date.Year, it.Date.Month, it.Date.Day)})
	}
	if req(fieldSource, it.Source == "") && rubric.CheckID(it.Source) != nil {
		report(problem{field: fieldSource, elem: -1, code: ladder.CodeBadID,
			summary: fmt.Sprintf("%q is not a valid id", it.Source), detail: yamldoc.IDDetail})
	}
	if bad&(1<<fieldWeight) == 0 {
		switch w := it.Weight; {
		case math.IsNaN(w) || math.IsInf(w, 0):
			report(problem{field: fieldWeight, elem: -1, code: ladder.CodeBadNumber, summary: fmt.Sprintf("weight %v is not a finite number", w)})
		case w < 0:
			report(problem{field: fieldWeight, elem: -1, code: ladder.CodeBadValue, summary: fmt.Sprintf("weight must be at least 0, found %v", w)})
		case w > MaxWeight:
			report(problem{field: fieldWeight, elem: -1, code: ladder.CodeBadValue, summary: fmt.Sprintf("weight must be at most %d, found %v", MaxWeight, w)})
		}
	}
	if bad&(1<<fieldTags) == 0 {
		for j, tag := range it.Tags {
			if rubric.CheckID(tag) != nil {
				report(problem{field: fieldTags, elem: j, code: ladder.CodeBadID,
					summary: fmt.Sprintf("%q is not a valid id", tag), detail: yamldoc.IDDetail})
			}
		}
	}
}

// duplicate is the problem of an item whose id an earlier item of the same
// person has, which stands where.
func duplicate(id, where string) problem {
	return problem{field: fieldID, elem: -1, code: ladder.CodeDuplicateID,
		summary: fmt.Sprintf("evidence id %q is used twice", id), detail: "first used " + where}
}

// checkInput checks in as a whole, its items with checkItem, and returns
// the problems as issues located by path.
func (r *refs) checkInput(in *Input, lim yamldoc.Limits) []yamldoc.Issue {
	rep := yamldoc.NewReporter(lim)
	var root *yamldoc.Path
	add := func(p *yamldoc.Path, key bool, pr problem) {
		if rep.Full() {
			rep.Drop()
			return
		}
		rep.Add(yamldoc.Issue{Code: string(pr.code), Path: p.String(), At: p, Key: key, Summary: pr.summary,
			Detail: pr.detail, Suggestion: pr.suggestion})
	}
	if r != nil && in.Ladder != "" && in.Ladder != r.id {
		add(root.Key("ladder"), false, problem{code: ladder.CodeUnknownRef,
			summary: fmt.Sprintf("the evidence is for ladder %q, not %q", in.Ladder, r.id)})
	}
	listed := yamldoc.Listed(in.Ratings)
	type made struct {
		assessor string
		date     Date
	}
	assessed := make(map[made]int, len(in.Ratings))
	for i, a := range in.Ratings {
		// As a file writes them: a mapping by assessor, or a list when an
		// assessment has a date or an assessor repeats.
		ap, assessor, key := root.Key("ratings").Key(a.Assessor), root.Key("ratings").Key(a.Assessor), true
		if listed {
			ap = root.Key("ratings").Index(i)
			assessor, key = ap.Key("assessor"), false
		}
		if a.Assessor == ReservedAssessor {
			add(assessor, key, problem{code: ladder.CodeBadValue,
				summary: fmt.Sprintf("the assessor name %q is reserved for ratings derived from evidence", a.Assessor)})
		}
		if !a.Date.IsZero() && !a.Date.Valid() {
			add(ap.Key("date"), false, problem{code: ladder.CodeBadValue,
				summary: fmt.Sprintf("date %d-%d-%d is not a day of the calendar in the years 1 to 9999", a.Date.Year, a.Date.Month, a.Date.Day)})
		} else if a.Assessor != "" {
			m := made{a.Assessor, a.Date}
			if j, dup := assessed[m]; dup {
				at, what := ap.Key("date"), "on "+a.Date.String()
				if a.Date.IsZero() {
					at, what = assessor, "without a date"
				}
				add(at, false, problem{code: ladder.CodeDuplicateID,
					summary: fmt.Sprintf("%s has two assessments %s", a.Assessor, what), detail: fmt.Sprintf("the first at ratings[%d]", j)})
			} else {
				assessed[m] = i
			}
		}
		if r == nil {
			continue
		}
		if listed {
			ap = ap.Key("ratings")
		}
		for _, g := range a.Ratings {
			gp := ap.Key(g.Capability)
			if g.Capability == "" || rubric.CheckID(g.Capability) != nil {
				continue // not an id: reported by the structural checks
			}
			c, p := r.capability(g.Capability)
			if p != nil {
				add(gp, true, *p)
				continue
			}
			if g.Rating == "" {
				continue // reported by the structural checks
			}
			if p := c.rating(g.Rating, true); p != nil {
				add(gp, false, *p)
			}
		}
	}
	seen := make(map[string]int, len(in.Evidence))
	for i := range in.Evidence {
		it := &in.Evidence[i]
		ip := root.Key("evidence").Index(i)
		report := func(pr problem) {
			p := ip.Key(itemFields[pr.field])
			if pr.elem >= 0 {
				p = p.Index(pr.elem)
			}
			add(p, pr.key, pr)
		}
		r.checkItem(it, 0, report)
		if it.ID == "" {
			continue
		}
		if j, dup := seen[it.ID]; dup {
			report(duplicate(it.ID, fmt.Sprintf("at evidence[%d]", j)))
		} else {
			seen[it.ID] = i
		}
	}
	return rep.Issues()
}

// known lists ids for a diagnostic's detail, when they are few enough.
func known(ids []string) string {
	if len(ids) == 0 || len(ids) > 20 {
		return ""
	}
	return "known: " + strings.Join(ids, ", ")
}
