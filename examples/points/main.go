// Command points scores an engineer on the Snowflake-style points ladder
// from milestones, as Medium's Snowflake tool does: sixteen capabilities
// rated 0 to 5, milestones worth 0, 1, 3, 6, 12 and 20 points, the total
// deciding the sub-level (1.1 to 5.3) and the titles it allows.
//
//	go run ./examples/points                            # the embedded example engineer
//	go run ./examples/points mobile=3 craft=4 ...       # milestones of your own (others 0)
//
// The ladder is embedded in the module; the program needs no files.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "points:", err)
		os.Exit(1)
	}
}

// example are the milestones of the embedded example engineer.
var example = []string{
	"mobile=1", "web-client=3", "foundations=3", "servers=2", "project-management=3", "communication=3",
	"craft=3", "initiative=2", "career-development=2", "org-design=1", "wellbeing=2", "accomplishment=2",
	"mentorship=3", "evangelism=1", "recruiting=2", "community=2",
}

func run(w io.Writer, args []string) error {
	l, err := ladder.Load(careerladder.Ladders(), "snowflake.yaml")
	if err != nil {
		return err
	}
	s, err := scoring.Compile(l)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = example
	}
	a := evidence.Assessment{Assessor: "manager"}
	for _, arg := range args {
		id, m, ok := strings.Cut(arg, "=")
		if !ok || len(m) != 1 || m[0] < '0' || m[0] > '5' {
			return fmt.Errorf("%q: write CAPABILITY=MILESTONE, with a milestone from 0 to 5", arg)
		}
		if _, ok := l.Capability(id); !ok {
			return fmt.Errorf("%q: no capability %q", arg, id)
		}
		a.Ratings = append(a.Ratings, evidence.Rating{Capability: id, Rating: "m" + m})
	}
	// Capabilities not given are at milestone 0, as in Snowflake.
	for _, c := range l.Capabilities {
		given := false
		for _, r := range a.Ratings {
			given = given || r.Capability == c.ID
		}
		if !given {
			a.Ratings = append(a.Ratings, evidence.Rating{Capability: c.ID, Rating: "m0"})
		}
	}
	// Points do not depend on the day; any fixed day keeps the output stable.
	res, err := s.Assess(evidence.Input{Person: "engineer", Ratings: []evidence.Assessment{a}}, evidence.Date{Year: 2026, Month: 11, Day: 27})
	if err != nil {
		return err
	}

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Capability\tMilestone\tPoints")
	for _, c := range res.Capabilities {
		lc, _ := l.Capability(c.ID)
		sc, _ := l.ScaleOf(lc)
		p, _ := sc.Points(c.Rating)
		fmt.Fprintf(tw, "%s\t%s\t%d\n", c.Name, strings.TrimPrefix(c.Rating, "m"), p)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	p := res.Points
	fmt.Fprintf(w, "\nTotal: %v points, level %s", p.Total, p.Level.ID)
	if p.Next != nil {
		fmt.Fprintf(w, "; %v points to level %s\n", p.ToNext, p.Next.ID)
	} else {
		fmt.Fprintf(w, "; the top level\n")
	}
	var titles []string
	for _, t := range p.Titles {
		titles = append(titles, t.Name)
	}
	fmt.Fprintf(w, "Titles this total allows: %s\n", strings.Join(titles, ", "))
	for _, t := range res.Tracks {
		if t.Gap == nil {
			continue
		}
		fmt.Fprintf(w, "%s: next title %s; the fewest milestone steps there:", t.Name, t.Next.Name)
		for _, c := range t.Gap.Path.Changes {
			fmt.Fprintf(w, " %s %s->%s", c.Capability, strings.TrimPrefix(c.From, "m"), strings.TrimPrefix(c.To, "m"))
		}
		fmt.Fprintf(w, " (%d steps)\n", t.Gap.Path.Steps)
	}
	return nil
}
