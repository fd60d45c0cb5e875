// Command org assesses a whole organisation against the CTO ladder, as an
// HR platform would: evidence for every person arrives as JSON Lines, one
// item a line with its person, and is assessed on every core as it
// streams in, in constant memory. It prints how many people stand at each
// level of each track, and which requirements most often keep people from
// their next level.
//
//	go run ./examples/org                         # 1,000 generated people of 120 items
//	go run ./examples/org -people 20000 -items 200
//	go run ./examples/org -evidence org.jsonl     # a JSON Lines file of your own
//	go run ./examples/org -write org.jsonl        # write the generated stream instead
//
// The generated people are seeded: the same flags give the same people and
// the same report. The ladder is embedded in the module.
package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

// defaultAsOf is the day the generated evidence is dated against.
const defaultAsOf = "2026-11-27"

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "org:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, args []string) error {
	fl := flag.NewFlagSet("org", flag.ContinueOnError)
	people := fl.Int("people", 1000, "how many people to generate")
	items := fl.Int("items", 120, "evidence items a generated person has")
	seed := fl.Uint64("seed", 1, "the seed of the generated people")
	evidenceFile := fl.String("evidence", "", "a JSON Lines evidence file to assess instead of generated people")
	write := fl.String("write", "", "write the generated JSON Lines to this file and stop")
	asOfText := fl.String("as-of", defaultAsOf, "the day of the assessment, as YYYY-MM-DD")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *people < 0 || *items < 0 {
		return fmt.Errorf("-people and -items must not be negative")
	}
	asOf, err := evidence.ParseDate(*asOfText)
	if err != nil {
		return fmt.Errorf("-as-of: %w", err)
	}
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		return err
	}
	s, err := scoring.Compile(l)
	if err != nil {
		return err
	}
	gen := generator{l: l, people: *people, items: *items, seed: *seed, asOf: asOf}
	if *write != "" {
		f, err := os.Create(*write)
		if err != nil {
			return err
		}
		if err := gen.write(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}

	// The stream: a file, or the generated people through a pipe, so that
	// neither is ever held in memory whole.
	var src io.Reader
	name := *evidenceFile
	if name != "" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		src = f
	} else {
		name = "generated.jsonl"
		pr, pw := io.Pipe()
		go func() { pw.CloseWithError(gen.write(pw)) }()
		defer pr.Close()
		src = pr
	}

	sum := newSummary(l)
	start := time.Now()
	stream := evidence.Loader{Ladder: l}.NewLinesReader(src, name).All()
	for r, err := range s.AssessAll(context.Background(), stream, asOf) {
		var ds ladder.Diagnostics
		switch {
		case errors.As(err, &ds):
			sum.invalid++
			if sum.invalid <= 3 {
				fmt.Fprintf(os.Stderr, "%s: skipped:\n%v\n", r.Person, ds)
			}
		case err != nil:
			return err
		default:
			// r is lent to this iteration: take what the summary needs
			// (strings stay valid) and keep nothing else.
			sum.add(r)
		}
	}
	return sum.write(w, asOf, time.Since(start))
}

// A summary counts people by level and the requirements that keep them
// from their next level, per track.
type summary struct {
	l       *ladder.Ladder
	people  int
	items   int
	invalid int
	tracks  []trackSummary
}

type trackSummary struct {
	levels   map[string]int // level id ("" for none) to people
	blocking map[string]int // "gate of level" to people it keeps out
}

func newSummary(l *ladder.Ladder) *summary {
	s := &summary{l: l}
	for range l.Tracks {
		s.tracks = append(s.tracks, trackSummary{levels: map[string]int{}, blocking: map[string]int{}})
	}
	return s
}

func (s *summary) add(r *scoring.Result) {
	s.people++
	s.items += len(r.Evidence)
	for i, t := range r.Tracks {
		ts := &s.tracks[i]
		level := ""
		if t.Level != nil {
			level = t.Level.ID
		}
		ts.levels[level]++
		if t.Gap == nil {
			continue
		}
		// What fails, among the requirements that keep a level out: its
		// gates, and its expectations taken together (one expectation
		// short within the level's tolerance keeps nobody out).
		for _, c := range t.Gap.Checks {
			switch {
			case c.Met:
			case c.Gate != "":
				ts.blocking[c.Gate+" of "+c.Level]++
			case c.Kind == scoring.CheckExpectations:
				ts.blocking["expectations of "+c.Level]++
			}
		}
	}
}

func (s *summary) write(w io.Writer, asOf evidence.Date, took time.Duration) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%d people, %d evidence items, as of %s", s.people, s.items, asOf)
	if s.invalid > 0 {
		fmt.Fprintf(bw, "; %d skipped for invalid lines", s.invalid)
	}
	fmt.Fprintf(bw, "\nassessed in %v on %d cores\n", took.Round(time.Millisecond), runtime.GOMAXPROCS(0))
	for i, tr := range s.l.Tracks {
		ts := s.tracks[i]
		fmt.Fprintf(bw, "\n%s: people at each level\n", tr.Name)
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  none yet\t%6d\n", ts.levels[""])
		for _, v := range tr.Levels {
			fmt.Fprintf(tw, "  %s\t%6d\n", v.Name, ts.levels[v.ID])
		}
		tw.Flush()
		type blocker struct {
			what   string
			people int
		}
		var bs []blocker
		for what, n := range ts.blocking {
			bs = append(bs, blocker{what, n})
		}
		slices.SortFunc(bs, func(a, b blocker) int { return cmp.Or(cmp.Compare(b.people, a.people), cmp.Compare(a.what, b.what)) })
		if len(bs) > 0 {
			fmt.Fprintf(bw, "%s: what keeps people from their next level\n", tr.Name)
		}
		for _, b := range bs[:min(len(bs), 5)] {
			fmt.Fprintf(tw, "  %s\t%6d\n", b.what, b.people)
		}
		tw.Flush()
	}
	return bw.Flush()
}

// A generator makes seeded people: each has a seniority that sets how well
// their evidence is rated, and a share of hard problems among their
// technical work.
type generator struct {
	l      *ladder.Ladder
	people int
	items  int
	seed   uint64
	asOf   evidence.Date
}

func (g generator) write(w io.Writer) error {
	rng := rand.New(rand.NewPCG(g.seed, 0x6f7267))
	sources := []string{"self", "peer", "manager", "artifact"}
	tps := slices.IndexFunc(g.l.Capabilities, func(c ladder.Capability) bool { return c.ID == "technical-problem-solving" })
	for p := range g.people {
		in := evidence.Input{Person: fmt.Sprintf("p%05d", p+1)}
		u := rng.Float64()
		seniority := 1 + 3*u*u*u          // 1: practising, 4: leading; most people nearer the start
		technical := 0.15 + seniority*0.1 // the share of technical work
		for i := range g.items {
			c := &g.l.Capabilities[rng.IntN(len(g.l.Capabilities))]
			if rng.Float64() < technical {
				c = &g.l.Capabilities[tps]
			}
			sc, _ := g.l.ScaleOf(c)
			r := int(seniority + rng.NormFloat64()*0.6)
			r = max(0, min(len(sc.Ratings)-1, r))
			e := evidence.Item{
				ID:         fmt.Sprintf("%s-%03d", in.Person, i+1),
				Capability: c.ID,
				Rating:     sc.Ratings[r].ID,
				Date:       g.asOf.AddDays(-rng.IntN(540)),
				Source:     sources[rng.IntN(len(sources))],
			}
			if c.ID == "technical-problem-solving" && rng.Float64() < 0.3+seniority/6 {
				e.Tags = []string{"hard-problem"}
			}
			in.Evidence = append(in.Evidence, e)
		}
		if err := evidence.WriteLines(w, in); err != nil {
			return err
		}
	}
	return nil
}
