package main

import (
	"bytes"
	"flag"

	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/growth"
	"github.com/careerladder/careerladder/rubric"
)

// maxDays bounds the days of one history.
const maxDays = 10_000

const historyHelp = `usage: ladder history --ladder FILE (--evidence FILE | --ratings FILE)... [--every PERIOD] [--since DAY] [--until DAY] [--format text|json]

Follows one person over time: for each day, the level on each track (worst
and best case), each capability's rating, the points and the count of
each evidence gate, as "ladder assess --as-of DAY" gives them. Dated
assessments in the evidence (ratings as a list, each with a date) count
from their day until the assessor's next one.

  --ladder FILE      the ladder (YAML or JSON)
  --evidence FILE    evidence files for one person, merged, as for assess;
  --ratings FILE     JSON Lines streams are refused.
  --every PERIOD     the step between days: 3mo (the default), 1mo, 2w, 1y...
  --until DAY        the last day, as YYYY-MM-DD. Default: today, in local
                     time.
  --since DAY        the first day allowed; the days are --until and every
                     PERIOD before it back to --since. Default: the earliest
                     day in the evidence (an item's or an assessment's).
  --format text      a line a day: levels, points and the count of each kind
                     of evidence the gates count, with what each level needs;
                     then each capability's rating and the days it changed
                     (the default);
  --format json      the history as one JSON document, whose fields are
                     those of growth.History: stable and sorted;
  --format svg       a chart over time, 900 pixels wide: the level on each
                     track, the points, and each kind of evidence the gates
                     count, each against what the levels need.

Exit status: 0 success; 1 when a file is invalid (diagnostics on standard
error); 2 for a usage or I/O error, more than 10,000 days included.
`

func runHistory(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("history", flag.ContinueOnError)
	person := personFlags(fs)
	everyText := fs.String("every", "3mo", "")
	sinceText := fs.String("since", "", "")
	untilText := fs.String("until", "", "")
	format := &choice{"text", []string{"text", "json", "svg"}}
	fs.Var(format, "format", "")
	if err := person.parse(fs, args); err != nil {
		return exitUsage, err
	}
	every, err := rubric.ParsePeriod(*everyText)
	if err != nil {
		return exitUsage, usagef("--every %q: %v", *everyText, err)
	}
	until, err := dayFlag(c, "until", *untilText)
	if err != nil {
		return exitUsage, err
	}
	s, code, err := scorerFor(c, *person.ladder, "")
	if err != nil {
		return code, err
	}
	inputs := person.inputs()
	for _, p := range inputs {
		if isJSONLines(p) {
			return exitUsage, usagef("a history is of one person; %s holds many", p)
		}
	}
	in, code, err := loadInputs(c, s, inputs)
	if err != nil {
		return code, err
	}
	since := earliest(in, until)
	if *sinceText != "" {
		if since, err = dayFlag(c, "since", *sinceText); err != nil {
			return exitUsage, err
		}
	}
	if since.Compare(until) > 0 {
		return exitUsage, usagef("--since %s is after --until %s", since, until)
	}
	if n := every.Days(); n > 0 && float64(until.Time().Sub(since.Time()).Hours())/24/n > maxDays {
		return exitUsage, usagef("more than %d days from %s to %s every %s: choose a longer --every", maxDays, since, until, every)
	}
	days, err := growth.Every(since, until, every)
	if err != nil {
		return exitUsage, err
	}
	h, err := growth.NewHistory(s, in, days)
	if err != nil {
		return exitUsage, err
	}
	var out bytes.Buffer
	switch format.value {
	case "json":
		err = h.WriteJSON(&out)
	case "svg":
		err = h.WriteSVG(&out)
	default:
		err = h.WriteText(&out)
	}
	if err != nil {
		return exitUsage, err
	}
	_, err = c.stdout.Write(out.Bytes())
	return exitOK, err
}

// dayFlag reads the day of flag name; "" is today.
func dayFlag(c *cli, name, text string) (evidence.Date, error) {
	if text == "" {
		return evidence.DateOf(c.now()), nil
	}
	d, err := evidence.ParseDate(text)
	if err != nil {
		return evidence.Date{}, usagef("--%s %q is not a day written as YYYY-MM-DD", name, text)
	}
	return d, nil
}

// earliest returns the earliest day of in, an item's or a dated
// assessment's; until when it has none before.
func earliest(in evidence.Input, until evidence.Date) evidence.Date {
	first := until
	for _, it := range in.Evidence {
		if it.Date.Valid() && it.Date.Compare(first) < 0 {
			first = it.Date
		}
	}
	for _, a := range in.Ratings {
		if a.Date.Valid() && a.Date.Compare(first) < 0 {
			first = a.Date
		}
	}
	return first
}

const packetHelp = `usage: ladder packet --ladder FILE (--evidence FILE | --ratings FILE)... [--target [TRACK/]LEVEL] [--as-of YYYY-MM-DD]

Writes a promotion packet as Markdown (CommonMark with GitHub tables), for a
manager to take to a promotion discussion: a summary; each requirement of
the target level with its status and what supports it (evidence items with
id, date, source, summary and links; the direct ratings); what is still
missing, the levels on the way included; and the cheapest path with what
each new rating looks like. All text from the files is escaped: it cannot
make headings, lists, emphasis, links, images or HTML, links are written as
code, and control characters as escapes.

  --ladder FILE      the ladder (YAML or JSON)
  --evidence FILE    evidence files for one person, merged, as for assess;
  --ratings FILE     JSON Lines streams are refused.
  --target LEVEL     the level, as LEVEL or TRACK/LEVEL. Default: the
                     ladder's target; one of the two is needed.
  --as-of DATE       the day of the packet. Default: today, in local time.

Exit status: 0 success; 1 when a file is invalid (diagnostics on standard
error); 2 for a usage or I/O error, an unknown or missing target included.
`

func runPacket(c *cli, args []string) (int, error) {
	fs := flag.NewFlagSet("packet", flag.ContinueOnError)
	person := personFlags(fs)
	asOfText := fs.String("as-of", "", "")
	target := fs.String("target", "", "")
	if err := person.parse(fs, args); err != nil {
		return exitUsage, err
	}
	asOf, err := asOfDay(c, *asOfText)
	if err != nil {
		return exitUsage, err
	}
	s, code, err := scorerFor(c, *person.ladder, "")
	if err != nil {
		return code, err
	}
	if err := checkTarget(s, *target); err != nil {
		return exitUsage, err
	}
	if *target == "" && s.Ladder().Target == "" {
		return exitUsage, usagef("ladder %s names no target: give --target", s.Ladder().ID)
	}
	inputs := person.inputs()
	for _, p := range inputs {
		if isJSONLines(p) {
			return exitUsage, usagef("a packet is for one person; %s holds many", p)
		}
	}
	in, code, err := loadInputs(c, s, inputs)
	if err != nil {
		return code, err
	}
	var out bytes.Buffer
	if err := growth.WritePacket(&out, s, in, asOf, *target); err != nil {
		return exitUsage, err
	}
	_, err = c.stdout.Write(out.Bytes())
	return exitOK, err
}
