package ladder

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/careerladder/careerladder/internal/mdtext"
	"github.com/careerladder/careerladder/rubric"
)

// WriteMarkdown writes l as a wiki page in CommonMark with GitHub tables:
// the rating scales, the capabilities by category with their descriptors,
// signals and examples, for each track a level-by-capability matrix of
// expectations and each level's requirements in words, the titles, and the
// rules. Text from the ladder is escaped, so that no name, summary or
// example can add markup, links, HTML or table cells to the page; bare
// URLs, www. names and e-mail addresses stay text under GitHub's renderer,
// and control characters are written as visible escapes (\x1b).
func (l *Ladder) WriteMarkdown(w io.Writer) error {
	if l == nil || w == nil {
		return fmt.Errorf("ladder: write Markdown: %w", ErrNilArgument)
	}
	b := bufio.NewWriter(w)
	m := markdown{b: b, l: l}
	m.write()
	return b.Flush()
}

type markdown struct {
	b *bufio.Writer
	l *Ladder
}

func (m *markdown) printf(format string, args ...any) { fmt.Fprintf(m.b, format, args...) }

func (m *markdown) write() {
	l := m.l
	m.printf("# %s\n\n", esc(l.Name))
	if l.Description != "" {
		m.printf("%s\n\n", esc(l.Description))
	}
	meta := "Ladder `" + l.ID + "`"
	if l.Version != "" {
		meta += ", version " + esc(l.Version)
	}
	m.printf("%s, format %s.\n", meta, esc(l.Format))
	m.scales()
	m.capabilities()
	for i := range l.Tracks {
		m.track(&l.Tracks[i])
	}
	m.titles()
	m.rules()
}

func (m *markdown) scales() {
	m.printf("\n## Rating scales\n")
	for _, s := range m.l.Scales {
		m.printf("\n### %s\n\n", named(s.Name, s.ID))
		if s.Description != "" {
			m.printf("%s\n\n", esc(s.Description))
		}
		m.printf("| Rating | Points | Meaning |\n|---|---:|---|\n")
		for _, r := range s.Ratings {
			m.printf("| %s | %d | %s |\n", cell(named(r.Label, r.ID)), r.Points, cell(esc(r.Description)))
		}
	}
}

func (m *markdown) capabilities() {
	l := m.l
	m.printf("\n## Capabilities\n")
	groups := append([]Category(nil), l.Categories...)
	groups = append(groups, Category{}) // capabilities without a category
	for _, cat := range groups {
		var caps []*Capability
		for i := range l.Capabilities {
			if l.Capabilities[i].Category == cat.ID {
				caps = append(caps, &l.Capabilities[i])
			}
		}
		if len(caps) == 0 {
			continue
		}
		if cat.ID != "" {
			m.printf("\n### %s\n", named(cat.Name, cat.ID))
			if cat.Description != "" {
				m.printf("\n%s\n", esc(cat.Description))
			}
		} else if len(l.Categories) > 0 {
			m.printf("\n### Other capabilities\n")
		}
		for _, c := range caps {
			m.capability(c)
		}
	}
}

func (m *markdown) capability(c *Capability) {
	title := named(c.Name, c.ID)
	if c.Code != "" {
		title += " [" + esc(c.Code) + "]"
	}
	m.printf("\n#### %s\n\n", title)
	if c.Summary != "" {
		m.printf("%s\n\n", esc(c.Summary))
	}
	s, _ := m.l.ScaleOf(c)
	if s != nil && c.Scale != "" {
		m.printf("Rated on %s.\n\n", named(s.Name, s.ID))
	}
	for _, d := range c.Descriptors {
		// A blank label would leave "****", a rule rather than bold text.
		label := esc(d.Rating)
		if s != nil {
			if r := s.Rank(d.Rating); r >= 0 && esc(s.Ratings[r].Label) != "" {
				label = esc(s.Ratings[r].Label)
			}
		}
		m.printf("- **%s**", label)
		if d.Summary != "" {
			m.printf(": %s", esc(d.Summary))
		}
		m.printf("\n")
		if len(d.Signals) > 0 {
			m.printf("  - Signals: %s\n", list(d.Signals))
		}
		if len(d.Examples) > 0 {
			m.printf("  - Examples: %s\n", list(d.Examples))
		}
	}
}

func (m *markdown) track(t *Track) {
	l := m.l
	m.printf("\n## Track: %s\n\n", named(t.Name, t.ID))
	if t.Description != "" {
		m.printf("%s\n\n", esc(t.Description))
	}
	// The matrix: one row per capability that any level names.
	m.printf("| Capability |")
	for _, v := range t.Levels {
		m.printf(" %s |", cell(esc(v.Name)))
	}
	m.printf("\n|---|")
	for range t.Levels {
		m.printf("---|")
	}
	m.printf("\n")
	for _, c := range l.Capabilities {
		named := false
		for i := range t.Levels {
			if _, ok := t.Levels[i].Expectation(c.ID); ok {
				named = true
			}
		}
		if !named {
			continue
		}
		m.printf("| %s |", cell(esc(c.Name)))
		for i := range t.Levels {
			r, ok := t.Levels[i].Expectation(c.ID)
			switch {
			case !ok:
				r = " "
			case r == rubric.NotApplicable:
				r = "n/a"
			default:
				r = cell(esc(r))
			}
			m.printf(" %s |", r)
		}
		m.printf("\n")
	}
	for i := range t.Levels {
		m.level(&t.Levels[i])
	}
}

func (m *markdown) level(v *Level) {
	head := esc(v.Name)
	var notes []string
	if v.Grade > 0 {
		notes = append(notes, "grade "+strconv.Itoa(v.Grade))
	}
	if v.TypicalExperience != "" {
		notes = append(notes, "typically "+esc(v.TypicalExperience))
	}
	if len(notes) > 0 {
		head += " (" + strings.Join(notes, ", ") + ")"
	}
	m.printf("\n### %s\n\n", head)
	if v.Summary != "" {
		m.printf("%s\n\n", esc(v.Summary))
	}
	if v.Standalone {
		m.printf("- Does not need the level below it.\n")
	} else {
		m.printf("- Needs the level below it, if any.\n")
	}
	if t := v.Tolerance; t != nil {
		m.printf("- Up to %d expectation%s may fall short, by at most %d rating%s.\n",
			t.Count, plural(t.Count), t.MaxSteps(), plural(t.MaxSteps()))
	}
	for _, g := range v.Requires {
		m.printf("- Requires %s", esc(g.String()))
		if g.Description != "" {
			m.printf(": %s", esc(strings.TrimRight(g.Description, ". ")))
		}
		m.printf(".\n")
	}
}

func (m *markdown) titles() {
	l := m.l
	if len(l.Titles) == 0 {
		return
	}
	m.printf("\n## Titles\n\n| Title | Track | Points |\n|---|---|---|\n")
	for _, t := range l.Titles {
		track := "any"
		if tr, ok := l.Track(t.Track); ok {
			track = cell(esc(tr.Name))
		}
		span := strconv.Itoa(t.MinPoints) + " or more"
		if t.MaxPoints != nil {
			span = fmt.Sprintf("%d to %d", t.MinPoints, *t.MaxPoints)
		}
		m.printf("| %s | %s | %s |\n", cell(esc(t.Name)), track, span)
	}
}

func (m *markdown) rules() {
	r := m.l.Rules
	if len(r.Weights) == 0 && len(r.Thresholds) == 0 && r.Evidence == nil {
		return
	}
	m.printf("\n## Rules\n")
	if len(r.Weights) > 0 {
		var ws []string
		for _, w := range r.Weights {
			ws = append(ws, fmt.Sprintf("`%s` counts %s times", w.Capability, strconv.FormatFloat(w.Factor, 'f', -1, 64)))
		}
		m.printf("\nPoints weights: %s; every other capability counts once.\n", strings.Join(ws, ", "))
	}
	if len(r.Thresholds) > 0 {
		m.printf("\n| Sub-level | From points |\n|---|---:|\n")
		for _, t := range r.Thresholds {
			m.printf("| %s | %d |\n", cell(named(t.Name, t.ID)), t.MinPoints)
		}
	}
	if e := r.Evidence; e != nil {
		m.printf("\nEvidence:\n\n")
		if !e.Window.IsZero() {
			m.printf("- counts when dated within %s of the assessment;\n", e.Window)
		}
		if !e.HalfLife.IsZero() {
			m.printf("- weighs half as much for every %s of age;\n", e.HalfLife)
		}
		if len(e.Sources) > 0 {
			var ss []string
			for _, s := range e.Sources {
				ss = append(ss, fmt.Sprintf("`%s` %s", s.Source, strconv.FormatFloat(s.Weight, 'f', -1, 64)))
			}
			m.printf("- is accepted from these sources, with these weights: %s;\n", strings.Join(ss, ", "))
		}
		items, sources := max(e.MinItems, 1), max(e.MinSources, 1)
		agg := e.Aggregate
		if agg == "" {
			agg = rubric.AggregateHighest
		}
		weight := ""
		if e.MinWeight > 0 {
			weight = " weighing " + strconv.FormatFloat(e.MinWeight, 'f', -1, 64) + " in all"
		}
		m.printf("- demonstrates a rating once %d item%s%s from %d distinct source%s support it (aggregation: %s).\n",
			items, plural(items), weight, sources, plural(sources), agg)
	}
}

// named writes "Name (`id`)", or just the id when there is no name.
func named(name, id string) string {
	if name == "" {
		return "`" + id + "`"
	}
	return esc(name) + " (`" + id + "`)"
}

func list(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = esc(s)
	}
	return strings.Join(out, "; ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// esc escapes text for Markdown as mdtext.Inline does.
func esc(s string) string { return mdtext.Inline(s) }

// cell keeps a table cell from being empty, which some renderers collapse.
func cell(s string) string {
	if strings.TrimSpace(s) == "" {
		return " "
	}
	return s
}
