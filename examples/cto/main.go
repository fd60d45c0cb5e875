// Command cto prints a readiness report: where a senior engineer with six
// years of experience stands on the ladder from engineer to the CTO of a
// small company, and the plan to CTO first: the levels on the way, the
// cheapest path with what each new rating looks like, and the pace of the
// evidence the top levels count.
//
//	go run ./examples/cto                      # the embedded example, as of 2026-11-27
//	go run ./examples/cto -history             # the year before, by quarter
//	go run ./examples/cto -packet              # the promotion packet, as Markdown
//	go run ./examples/cto -target tech-lead    # another target than the ladder's (cto)
//	go run ./examples/cto -evidence alex.yaml  # another person's evidence file
//	go run ./examples/cto -as-of 2027-06-30    # another day
//	go run ./examples/cto -ladder              # the ladder itself, as a summary
//
// The ladder and the example evidence are embedded in the module
// (careerladder.Ladders and careerladder.Evidence), so the program needs no
// files.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/rubric"
	"github.com/careerladder/careerladder/scoring"
)

// defaultAsOf is the day the example evidence is dated against.
const defaultAsOf = "2026-11-27"

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "cto:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, args []string) error {
	fl := flag.NewFlagSet("cto", flag.ContinueOnError)
	evidenceFile := fl.String("evidence", "", "an evidence file for the CTO ladder (default: the embedded example)")
	asOfText := fl.String("as-of", defaultAsOf, "the day of the assessment, as YYYY-MM-DD")
	target := fl.String("target", "", "the level to plan for, as LEVEL or TRACK/LEVEL (default: the ladder's, cto)")
	history := fl.Bool("history", false, "print the year before the day, by quarter, instead of a report")
	packet := fl.Bool("packet", false, "print the promotion packet for the target, as Markdown, instead of a report")
	summary := fl.Bool("ladder", false, "print the ladder instead of a report")
	if err := fl.Parse(args); err != nil {
		return err
	}
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		return err
	}
	if *summary {
		return summarize(w, l)
	}
	asOf, err := evidence.ParseDate(*asOfText)
	if err != nil {
		return fmt.Errorf("-as-of: %w", err)
	}
	s, err := scoring.Compile(l)
	if err != nil {
		return err
	}
	var in evidence.Input
	if ld := (evidence.Loader{Ladder: l}); *evidenceFile == "" {
		in, err = ld.Load(careerladder.Evidence(), "senior-engineer.yaml")
	} else {
		in, err = ld.LoadFile(*evidenceFile)
	}
	if err != nil {
		return err
	}
	switch {
	case *history:
		since := evidence.Date{Year: asOf.Year - 1, Month: asOf.Month, Day: asOf.Day}
		if !since.Valid() { // from 29 February
			since.Day--
		}
		days, err := growth.Every(since, asOf, rubric.Period{N: 3, Unit: "mo"})
		if err != nil {
			return err
		}
		h, err := growth.NewHistory(s, in, days)
		if err != nil {
			return err
		}
		return h.WriteText(w)
	case *packet:
		return growth.WritePacket(w, s, in, asOf, *target)
	}
	rep, err := growth.Assess(s, in, asOf, *target)
	if err != nil {
		return err
	}
	return rep.WriteText(w)
}

// summarize prints the ladder: its scale, capabilities by category, and
// what each level expects and requires.
func summarize(w io.Writer, l *ladder.Ladder) error {
	p := &printer{w: w}
	p.header(l)
	p.scales(l)
	p.capabilities(l)
	for i := range l.Tracks {
		p.track(l, &l.Tracks[i])
	}
	p.policy(l.Rules.Evidence)
	return p.err
}

// printer writes to w and remembers the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) header(l *ladder.Ladder) {
	title := fmt.Sprintf("%s (%s %s)", l.Name, l.ID, l.Version)
	p.printf("%s\n%s\n\n%s\n", title, strings.Repeat("=", len(title)), wrap(l.Description, 78, ""))
}

func (p *printer) scales(l *ladder.Ladder) {
	for _, s := range l.Scales {
		p.printf("\nRatings (%s), lowest first:\n", s.Name)
		tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
		for _, r := range s.Ratings {
			fmt.Fprintf(tw, "  %s\t%d point%s\t%s\n", r.ID, r.Points, plural(r.Points), r.Description)
		}
		p.flush(tw)
	}
}

func (p *printer) capabilities(l *ladder.Ladder) {
	p.printf("\nCapabilities:\n")
	for _, cat := range l.Categories {
		p.printf("  %s\n", cat.Name)
		for _, c := range l.Capabilities {
			if c.Category == cat.ID {
				p.printf("    %s (%s)\n%s\n", c.Name, c.ID, wrap(c.Summary, 78, "      "))
			}
		}
	}
}

func (p *printer) track(l *ladder.Ladder, t *ladder.Track) {
	p.printf("\nTrack: %s\n%s\n", t.Name, wrap(t.Description, 78, "  "))
	for i, v := range t.Levels {
		p.printf("\n  Grade %d: %s, typically %s\n%s\n", v.Grade, v.Name, v.TypicalExperience, wrap(v.Summary, 78, "     "))
		tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
		for _, e := range v.Expects {
			c, _ := l.Capability(e.Capability)
			change := ""
			if i > 0 {
				if prev, ok := t.Levels[i-1].Expectation(e.Capability); ok && prev != e.Rating {
					change = "  (up from " + prev + ")"
				}
			}
			fmt.Fprintf(tw, "     %s\t%s%s\n", c.Name, e.Rating, change)
		}
		p.flush(tw)
		if v.Tolerance != nil {
			p.printf("     Up to %d capabilit%s may sit %d step%s below.\n", v.Tolerance.Count, ies(v.Tolerance.Count),
				v.Tolerance.MaxSteps(), plural(v.Tolerance.MaxSteps()))
		}
		for _, g := range v.Requires {
			p.printf("     Requires %s.\n", g)
			if g.Description != "" {
				p.printf("%s\n", wrap(g.Description, 78, "       "))
			}
		}
	}
}

func (p *printer) policy(e *rubric.EvidencePolicy) {
	if e == nil {
		return
	}
	p.printf("\nEvidence counts within %s, its weight halving every %s.\n", e.Window, e.HalfLife)
	var sources []string
	for _, s := range e.Sources {
		sources = append(sources, fmt.Sprintf("%s %g", s.Source, s.Weight))
	}
	p.printf("Sources and weights: %s.\n", strings.Join(sources, ", "))
	p.printf("A rating counts once %d items from %d distinct sources show it.\n", e.MinItems, e.MinSources)
}

func (p *printer) flush(tw *tabwriter.Writer) {
	if err := tw.Flush(); err != nil && p.err == nil {
		p.err = err
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func ies(n int) string {
	if n == 1 {
		return "y"
	}
	return "ies"
}

// wrap breaks s into lines of at most width columns, each starting with
// indent.
func wrap(s string, width int, indent string) string {
	var lines []string
	line := indent
	for _, word := range strings.Fields(s) {
		if len(line) > len(indent) && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	return strings.Join(append(lines, line), "\n")
}
