package workload

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
)

// newRand returns the generator every function here draws from.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed+1)) }

// sources are the evidence sources the generated ladders accept and the
// generated evidence uses, with the weights of the ladders' policy.
var sources = []struct {
	id     string
	weight string
}{{"self", "0.5"}, {"peer", "1"}, {"manager", "1"}, {"artifact", "1"}}

// HardProblem is the tag carried by about half the generated evidence and
// counted by some evidence gates of the generated ladders.
const HardProblem = "hard-problem"

type rating struct {
	id, label string
	points    int
	desc      string
}

type scale struct {
	id, name, desc string
	ratings        []rating
}

// proficiency is the default scale; scope is used by every seventh
// capability when there are at least seven.
var (
	proficiency = scale{"proficiency", "Proficiency", "How independently and how widely someone exercises a capability.", []rating{
		{"learning", "Learning", 0, "Building the basics, with guidance."},
		{"practising", "Practising", 1, "Applies it reliably in familiar situations, asking for help at the edges."},
		{"proficient", "Proficient", 2, "Handles it alone, including situations not seen before."},
		{"advanced", "Advanced", 3, "Handles the hardest cases and raises the standard of the people around them."},
		{"leading", "Leading", 4, "Sets the direction for the whole company and is recognised for it outside."},
	}}
	scope = scale{"scope", "Scope of impact", "How far the effects of someone's work reach.", []rating{
		{"task", "Task", 0, "The effects stay within the task at hand."},
		{"feature", "Feature", 1, "The effects reach a whole feature and the people who use it."},
		{"system", "System", 2, "The effects reach a system that several teams depend on."},
		{"organisation", "Organisation", 4, "The effects reach the whole engineering organisation."},
		{"industry", "Industry", 6, "The effects reach beyond the company, into the wider industry."},
	}}
)

var categories = []struct{ id, name string }{
	{"craft", "Technical craft"}, {"delivery", "Delivery"}, {"quality", "Quality and reliability"},
	{"architecture", "Architecture"}, {"people", "People"}, {"communication", "Communication"},
	{"product", "Product and business"}, {"operations", "Operations"},
}

var topics = []string{
	"incident response", "api design", "code review", "data modelling", "capacity planning",
	"hiring", "mentoring", "roadmapping", "estimation", "testing strategy", "observability",
	"security practice", "performance tuning", "release management", "documentation",
	"stakeholder management", "technical writing", "cost control", "accessibility",
	"migration planning", "dependency management", "on-call health", "domain modelling",
	"experimentation", "pricing insight", "customer empathy", "vendor management", "feedback",
	"coaching", "conflict resolution", "delegation", "system design", "refactoring",
	"build tooling", "privacy", "compliance", "query tuning", "caching", "schema evolution",
	"error budgets",
}

var trackNames = []string{"Engineering", "Management", "Product", "Data", "Design", "Operations", "Security", "Research"}

var titlePrefixes = []string{"Associate", "Senior", "Staff", "Principal"}

// Word lists for the English-like filler.
var (
	verbs = []string{
		"leads", "designs", "reviews", "explains", "improves", "plans", "measures", "documents",
		"coordinates", "mentors", "simplifies", "negotiates", "automates", "prioritises",
		"investigates", "delivers", "shapes", "tests", "questions", "supports", "maintains",
		"untangles", "presents", "estimates", "rebuilds", "monitors", "clarifies", "owns",
	}
	pastVerbs = []string{
		"led", "designed", "reviewed", "explained", "improved", "planned", "measured",
		"documented", "coordinated", "mentored", "simplified", "negotiated", "automated",
		"prioritised", "investigated", "delivered", "shaped", "tested", "questioned",
		"supported", "rebuilt", "migrated", "replaced", "presented", "retired", "untangled",
	}
	determiners = []string{"the", "a", "each", "every", "their", "the team's", "our", "the company's", "another"}
	adjectives  = []string{
		"reliable", "critical", "shared", "legacy", "new", "customer-facing", "internal",
		"complex", "slow", "risky", "quarterly", "cross-team", "unfamiliar", "costly", "public",
		"long-running", "ambiguous", "urgent", "fragile", "important", "growing", "small",
	}
	nouns = []string{
		"service", "roadmap", "release", "design", "migration", "incident", "proposal",
		"backlog", "dashboard", "pipeline", "interface", "database", "contract", "budget",
		"review", "experiment", "dependency", "deadline", "outage", "customer", "hire",
		"process", "estimate", "feature", "platform", "test suite", "runbook", "standard",
	}
	prepositions = []string{
		"for", "across", "with", "within", "behind", "alongside", "around", "before",
		"after", "beyond", "through", "without",
	}
	connectors = []string{", and ", ", then ", " and ", ", while it also ", ", so that it ", ", which ", " before it "}
)

// Lengths of the generated text, in words; a ladder of 200 capabilities,
// 3 tracks and 12 levels comes to about 2 MiB with them.
const (
	summaryWords = 25 // each of two sentences
	signalWords  = 25
	exampleWords = 30
	shortWords   = 12 // level summaries, descriptions, evidence summaries
)

// text writes English-like filler.
type text struct{ rng *rand.Rand }

func (t text) pick(list []string) string { return list[t.rng.IntN(len(list))] }

// clause writes one clause starting with a verb and returns its word count.
func (t text) clause(b *strings.Builder, past bool) int {
	n, article := 0, false
	word := func(s string) {
		if article { // "a" was held back: "an" before a vowel
			if strings.ContainsRune("aeiou", rune(s[0])) {
				b.WriteString("n")
			}
			article = false
		}
		if n > 0 { // a clause starts the text or follows a connector ending in a space
			b.WriteByte(' ')
		}
		b.WriteString(s)
		n += strings.Count(s, " ") + 1
		article = s == "a"
	}
	if past {
		word(t.pick(pastVerbs))
	} else {
		word(t.pick(verbs))
	}
	word(t.pick(determiners))
	if t.rng.IntN(3) > 0 {
		word(t.pick(adjectives))
	}
	word(t.pick(nouns))
	if t.rng.IntN(4) > 0 {
		word(t.pick(prepositions))
		word(t.pick(determiners))
		if t.rng.IntN(2) == 0 {
			word(t.pick(adjectives))
		}
		word(t.pick(nouns))
	}
	return n
}

// sentence returns a capitalised sentence of about words words (between
// three quarters and five quarters of it), ending with a full stop; verbs
// are in the past tense when past is set.
func (t text) sentence(words int, past bool) string {
	target := words*3/4 + t.rng.IntN(words/2+1)
	var b strings.Builder
	n := t.clause(&b, past)
	for n < target { // connectors are not counted
		b.WriteString(t.pick(connectors))
		n += t.clause(&b, past)
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// sentences returns count sentences of about words words each, joined by
// spaces.
func (t text) sentences(count, words int, past bool) string {
	parts := make([]string, count)
	for i := range parts {
		parts[i] = t.sentence(words, past)
	}
	return strings.Join(parts, " ")
}

type capability struct {
	id, name string
	cat      int
	scale    *scale
	weight   int
}

// ladderGen writes one ladder.
type ladderGen struct {
	text
	b         bytes.Buffer
	caps      []capability
	ncat      int
	scales    []*scale
	maxPoints int   // the most points any input can earn
	catPoints []int // the same per category
}

func (g *ladderGen) printf(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

// LadderYAML returns a valid ladder in the YAML file format (careerladder/v1)
// with caps capabilities in up to eight categories, each described at every
// rating (a summary, three signals and two examples), and tracks tracks of
// levels levels each; every level expects a rating of every capability,
// never less than the level below, and some levels have tolerances and
// gates of every kind. Titles and thresholds cover every points total, and
// the evidence policy takes self, peer, manager and artifact evidence.
// Arguments below 1 count as 1.
//
// The ladder loads with [ladder.Parse] without any error or warning, and the
// same arguments always give the same bytes. LadderYAML(200, 3, 12, seed)
// is about 2 MiB.
func LadderYAML(caps, tracks, levels int, seed uint64) []byte {
	caps, tracks, levels = max(caps, 1), max(tracks, 1), max(levels, 1)
	g := &ladderGen{text: text{newRand(seed)}}
	g.plan(caps)
	g.printf("# Generated by workload.LadderYAML(%d, %d, %d, %d); do not edit.\n", caps, tracks, levels, seed)
	g.printf("format: %s\n", ladder.FormatV1)
	g.printf("id: bench-%dc-%dt-%dl\n", caps, tracks, levels)
	g.printf("name: Generated ladder of %d capabilities\n", caps)
	g.printf("version: \"1.0.0\"\n")
	g.printf("description: >-\n  %s\n", g.sentences(2, shortWords, false))
	g.writeScales()
	g.writeCategories()
	g.writeCapabilities()
	g.writeTracks(tracks, levels)
	g.writeTitles(tracks)
	g.writeRules()
	return g.b.Bytes()
}

// plan picks the capabilities and works out the points they can earn.
func (g *ladderGen) plan(caps int) {
	g.ncat = min(len(categories), caps)
	g.catPoints = make([]int, g.ncat)
	g.scales = []*scale{&proficiency}
	if caps >= 7 {
		g.scales = append(g.scales, &scope)
	}
	g.caps = make([]capability, caps)
	for i := range g.caps {
		topic := topics[i%len(topics)]
		c := capability{
			id:     strings.ReplaceAll(topic, " ", "-"),
			name:   strings.ToUpper(topic[:1]) + topic[1:],
			cat:    i % g.ncat,
			scale:  &proficiency,
			weight: 1,
		}
		if round := i / len(topics); round > 0 {
			c.id += fmt.Sprintf("-%d", round+1)
			c.name += fmt.Sprintf(" %d", round+1)
		}
		if i%7 == 6 {
			c.scale = &scope
		}
		if i%25 == 24 {
			c.weight = 2
		}
		pts := c.weight * c.scale.ratings[len(c.scale.ratings)-1].points
		g.maxPoints += pts
		g.catPoints[c.cat] += pts
		g.caps[i] = c
	}
}

func (g *ladderGen) writeScales() {
	g.printf("\nscales:\n")
	for _, s := range g.scales {
		g.printf("  - id: %s\n    name: %s\n    description: %s\n    ratings:\n", s.id, s.name, s.desc)
		for _, r := range s.ratings {
			g.printf("      - id: %s\n        label: %s\n        points: %d\n        description: %s\n", r.id, r.label, r.points, r.desc)
		}
	}
}

func (g *ladderGen) writeCategories() {
	g.printf("\ncategories:\n")
	for _, c := range categories[:g.ncat] {
		g.printf("  - id: %s\n    name: %s\n    description: %s\n", c.id, c.name, g.sentence(shortWords, false))
	}
}

func (g *ladderGen) writeCapabilities() {
	g.printf("\ncapabilities:\n")
	for _, c := range g.caps {
		g.printf("  - id: %s\n    name: %s\n    category: %s\n", c.id, c.name, categories[c.cat].id)
		if c.scale != g.scales[0] {
			g.printf("    scale: %s\n", c.scale.id)
		}
		g.printf("    summary: %s\n    descriptors:\n", g.sentence(summaryWords, false))
		for _, r := range c.scale.ratings {
			g.printf("      %s:\n        summary: %s\n        signals:\n", r.id, g.sentences(2, summaryWords, false))
			for range 3 {
				g.printf("          - %s\n", g.sentence(signalWords, false))
			}
			g.printf("        examples:\n")
			for range 2 {
				g.printf("          - %s\n", g.sentence(exampleWords, true))
			}
		}
	}
}

// trackID returns the id and name of track t.
func trackID(t int) (id, name string) {
	name = trackNames[t%len(trackNames)]
	if round := t / len(trackNames); round > 0 {
		name += fmt.Sprintf(" %d", round+1)
	}
	return strings.ToLower(strings.ReplaceAll(name, " ", "-")), name
}

func (g *ladderGen) writeTracks(tracks, levels int) {
	g.printf("\ntracks:\n")
	for t := range tracks {
		id, name := trackID(t)
		g.printf("  - id: %s\n    name: %s\n    description: %s\n    levels:\n", id, name, g.sentence(shortWords, false))
		// prev holds the rank each capability was expected at on the level
		// below; expectations never fall along the track.
		prev := make([]int, len(g.caps))
		offset := make([]int, len(g.caps))
		for i := range offset {
			offset[i] = g.rng.IntN(3) - 1
		}
		for li := range levels {
			g.printf("      - id: l%02d\n        name: %s level %d\n        grade: %d\n", li+1, name, li+1, t+li+1)
			g.printf("        typical_experience: %d-%d years\n", li*2, li*2+3)
			g.printf("        summary: %s\n        expects:\n", g.sentence(shortWords, false))
			for i, c := range g.caps {
				top := len(c.scale.ratings) - 1
				r := offset[i]
				if levels > 1 {
					r += li * top / (levels - 1)
				}
				r = max(prev[i], min(max(r, 0), top))
				prev[i] = r
				g.printf("          %s: %s\n", c.id, c.scale.ratings[r].id)
			}
			switch li % 3 {
			case 1:
				g.printf("        tolerance: {count: 1}\n")
			case 2:
				g.printf("        tolerance: {count: 2, steps: 1}\n")
			}
			g.writeGates(t, li, levels)
		}
	}
}

// writeGates writes the gates of level li of track t: one gate on most
// levels above the first, cycling through the kinds, and one of each kind
// on the top level. Every gate can be met.
func (g *ladderGen) writeGates(t, li, levels int) {
	var kinds []int
	switch {
	case li == levels-1:
		kinds = []int{0, 1, 2, 3}
	case li > 0:
		kinds = []int{(t + li) % 4}
	default:
		return
	}
	g.printf("        requires:\n")
	for _, k := range kinds {
		switch k {
		case 0:
			need := g.maxPoints * (li + 1) * 4 / (5 * (levels + 1))
			if li%2 == 1 && g.ncat >= 2 {
				a, b := (t+li)%g.ncat, (t+li+1)%g.ncat
				need = (g.catPoints[a] + g.catPoints[b]) * (li + 1) / (2 * (levels + 1))
				g.printf("          - id: points\n            description: %s\n            points: {min: %d, categories: [%s, %s]}\n",
					g.sentence(shortWords, false), need, categories[a].id, categories[b].id)
				continue
			}
			g.printf("          - id: points\n            description: %s\n            points: {min: %d}\n", g.sentence(shortWords, false), need)
		case 1:
			cat := (t + li) % g.ncat
			need := max(1, g.catPoints[cat]*(li+1)/(2*(levels+1)))
			g.printf("          - id: floor\n            description: %s\n            category_floor: {category: %s, min: %d}\n",
				g.sentence(shortWords, false), categories[cat].id, need)
		case 2:
			c := g.caps[g.rng.IntN(len(g.caps))]
			g.printf("          - id: evidence\n            description: %s\n            evidence:\n", g.sentence(shortWords, false))
			g.printf("              capability: %s\n              min_rating: %s\n              count: %d\n              window: %s\n",
				c.id, c.scale.ratings[2+g.rng.IntN(2)].id, 2+li, []string{"6mo", "12mo", "24mo"}[g.rng.IntN(3)])
			if g.rng.IntN(2) == 0 {
				g.printf("              tag: %s\n", HardProblem)
			}
			if g.rng.IntN(3) == 0 {
				g.printf("              sources: [peer, manager, artifact]\n")
			}
		case 3:
			// The capabilities of one scale, so that min_rating is on the
			// scale of each.
			var pool []int
			for i, c := range g.caps {
				if c.scale == &proficiency {
					pool = append(pool, i)
				}
			}
			m := min(4, len(pool))
			for i := range m { // a partial shuffle picks m distinct ones
				j := i + g.rng.IntN(len(pool)-i)
				pool[i], pool[j] = pool[j], pool[i]
			}
			ids := make([]string, m)
			for i, k := range pool[:m] {
				ids[i] = g.caps[k].id
			}
			g.printf("          - id: breadth\n            description: %s\n            n_of_m:\n", g.sentence(shortWords, false))
			g.printf("              n: %d\n              capabilities: [%s]\n              min_rating: %s\n",
				min(2, m), strings.Join(ids, ", "), proficiency.ratings[3].id)
		}
	}
}

// writeTitles writes four titles per track (fewer when there are fewer
// than four points to share), covering every total without gaps; the top
// title has no upper bound.
func (g *ladderGen) writeTitles(tracks int) {
	g.printf("\ntitles:\n")
	n := min(len(titlePrefixes), g.maxPoints)
	for t := range tracks {
		id, name := trackID(t)
		for k := range n {
			lo := k * g.maxPoints / n
			g.printf("  - {id: %s-%s, name: %s %s, track: %s, min_points: %d",
				id, strings.ToLower(titlePrefixes[k]), name, titlePrefixes[k], id, lo)
			if k < n-1 {
				g.printf(", max_points: %d", (k+1)*g.maxPoints/n-1)
			}
			g.printf("}\n")
		}
	}
}

func (g *ladderGen) writeRules() {
	g.printf("\nrules:\n")
	first := true
	for _, c := range g.caps {
		if c.weight != 1 {
			if first {
				g.printf("  weights:\n")
				first = false
			}
			g.printf("    %s: %d\n", c.id, c.weight)
		}
	}
	g.printf("  thresholds:\n")
	n := min(12, g.maxPoints)
	for k := range n {
		g.printf("    - {id: s%02d, name: Sub-level %d, min_points: %d}\n", k+1, k+1, k*g.maxPoints/n)
	}
	g.printf("  evidence:\n    window: 24mo\n    half_life: 12mo\n    sources:\n")
	for _, s := range sources {
		g.printf("      %s: %s\n", s.id, s.weight)
	}
	g.printf("    min_items: 2\n    min_sources: 2\n    aggregate: highest\n")
}

// Evidence returns n evidence items of the capabilities of l, at ratings of
// their scales (the middle ones more often), dated over the 30 months up to
// asOf, from self, peer, manager and artifact sources; about half are
// tagged [HardProblem]. Ids run from e000001, so they are unique. The same
// arguments always give the same items.
func Evidence(l *ladder.Ladder, n int, asOf evidence.Date, seed uint64) []evidence.Item {
	if l == nil || len(l.Capabilities) == 0 || n <= 0 {
		return nil
	}
	t := text{newRand(seed)}
	out := make([]evidence.Item, n)
	for i := range out {
		c := &l.Capabilities[t.rng.IntN(len(l.Capabilities))]
		e := evidence.Item{
			ID:         fmt.Sprintf("e%06d", i+1),
			Capability: c.ID,
			Date:       asOf.AddDays(-t.rng.IntN(913)), // 913 days: 30 months
			Source:     sources[t.rng.IntN(len(sources))].id,
		}
		if s, ok := l.ScaleOf(c); ok && len(s.Ratings) > 0 {
			k := len(s.Ratings)
			e.Rating = s.Ratings[(t.rng.IntN(k)+t.rng.IntN(k))/2].ID
		}
		e.Summary = t.sentence(shortWords, true)
		if t.rng.IntN(2) == 0 {
			e.Tags = []string{HardProblem}
		}
		out[i] = e
	}
	return out
}

// Org returns the inputs of people people, with ids from p00001: each has
// items evidence items, as [Evidence] gives them with a seed of its own,
// and a manager's assessment rating every capability of l. The same
// arguments always give the same inputs.
func Org(l *ladder.Ladder, people, items int, asOf evidence.Date, seed uint64) []evidence.Input {
	if l == nil || people <= 0 {
		return nil
	}
	rng := newRand(seed)
	out := make([]evidence.Input, people)
	for p := range out {
		in := evidence.Input{
			Format:   evidence.Format,
			Person:   fmt.Sprintf("p%05d", p+1),
			Ladder:   l.ID,
			Evidence: Evidence(l, items, asOf, rng.Uint64()),
		}
		ratings := make([]evidence.Rating, 0, len(l.Capabilities))
		for i := range l.Capabilities {
			c := &l.Capabilities[i]
			s, ok := l.ScaleOf(c)
			if !ok || len(s.Ratings) == 0 {
				continue
			}
			ratings = append(ratings, evidence.Rating{Capability: c.ID, Rating: s.Ratings[rng.IntN(len(s.Ratings))].ID})
		}
		in.Ratings = []evidence.Assessment{{Assessor: "manager", Ratings: ratings}}
		out[p] = in
	}
	return out
}
