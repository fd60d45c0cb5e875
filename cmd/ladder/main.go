// Command ladder validates, renders and scores career ladders from the
// command line, for CI jobs and for people.
//
// Usage:
//
//	ladder validate [--format text|json|github] [--strict] [--kind auto|ladder|evidence] [--ladder FILE] FILE...
//	ladder schema [ladder|evidence]
//	ladder assess --ladder FILE (--evidence FILE | --ratings FILE)... [--as-of YYYY-MM-DD] [--track ID] [--target [TRACK/]LEVEL] [--format text|json]
//	ladder history --ladder FILE (--evidence FILE | --ratings FILE)... [--every PERIOD] [--since DAY] [--until DAY] [--format text|json|svg]
//	ladder packet --ladder FILE (--evidence FILE | --ratings FILE)... [--target [TRACK/]LEVEL] [--as-of YYYY-MM-DD]
//	ladder render [--format markdown] [--chart URL] FILE
//	ladder export --format csv|case FILE
//	ladder import --from csv FILE.csv
//	ladder diff [--evidence FILE]... [--format text|json] OLD NEW
//	ladder chart --ladder FILE --evidence FILE [--track ID] [--as-of YYYY-MM-DD]
//	ladder version
//	ladder help [COMMAND]
//
// Exit status: 0 on success (all files valid), 1 when a file is invalid or
// has findings, 2 for a usage or I/O error. Run "ladder help COMMAND" for
// the details of each command; scripts may depend on the formats described
// there.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/careerladder/careerladder/internal/textsafe"
)

// Exit statuses.
const (
	exitOK       = 0 // success; every file valid
	exitFindings = 1 // invalid input or findings
	exitUsage    = 2 // usage or I/O error
)

func main() {
	// The collector keeps its default pace: a stream of people runs in
	// memory that follows its live heap, a few people per core.
	os.Exit(run(os.Args[1:], &cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, now: time.Now}))
}

// cli holds the streams and the clock of one run, so that tests can give
// their own.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
}

// usageError is an error in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

type command struct {
	name, synopsis, help string
	run                  func(c *cli, args []string) (int, error)
}

func commands() []command {
	return []command{
		{"validate", "check ladder and evidence files", validateHelp, runValidate},
		{"schema", "print the JSON Schema of ladder or evidence files", schemaHelp, runSchema},
		{"assess", "assess a person against a ladder", assessHelp, runAssess},
		{"history", "follow a person over time", historyHelp, runHistory},
		{"packet", "write a promotion packet as Markdown", packetHelp, runPacket},
		{"render", "write a ladder as a Markdown page", renderHelp, runRender},
		{"export", "write a ladder as CSV or as a CASE 1.1 package", exportHelp, runExport},
		{"import", "read a ladder from a CSV spreadsheet", importHelp, runImport},
		{"diff", "compare two versions of a ladder, and who would move", diffHelp, runDiff},
		{"chart", "draw a person against a ladder as an SVG radar", chartHelp, runChart},
		{"version", "print the version", "usage: ladder version\n\nPrints the module version and the Go version it was built with.\n", runVersion},
		{"help", "show help for a command", "usage: ladder help [COMMAND]\n", nil},
	}
}

func find(name string) (command, bool) {
	i := slices.IndexFunc(commands(), func(c command) bool { return c.name == name })
	if i < 0 {
		return command{}, false
	}
	return commands()[i], true
}

func mainUsage() string {
	var b strings.Builder
	b.WriteString("ladder validates, renders and scores career ladders.\n\nusage: ladder COMMAND [ARGUMENTS]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.synopsis)
	}
	b.WriteString("\nExit status: 0 success, 1 invalid input or findings, 2 usage or I/O error.\nRun \"ladder help COMMAND\" for more.\n")
	return b.String()
}

func run(args []string, c *cli) int {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, mainUsage())
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return runHelp(c, rest)
	}
	cmd, ok := find(name)
	if !ok {
		fmt.Fprintf(c.stderr, "ladder: unknown command %q\n\n%s", name, mainUsage())
		return exitUsage
	}
	code, err := cmd.run(c, rest)
	if err != nil {
		textsafe.Fprintf(c.stderr, "ladder %s: %v\n", name, err)
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(c.stderr, "\n%s", cmd.help)
			return exitUsage
		}
		if code == exitOK {
			code = exitUsage
		}
	}
	return code
}

func runHelp(c *cli, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stdout, mainUsage())
		return exitOK
	}
	cmd, ok := find(args[0])
	if !ok || len(args) > 1 {
		fmt.Fprintf(c.stderr, "ladder help: unknown command %q\n\n%s", strings.Join(args, " "), mainUsage())
		return exitUsage
	}
	fmt.Fprint(c.stdout, cmd.help)
	return exitOK
}

func runVersion(c *cli, args []string) (int, error) {
	if len(args) > 0 {
		return exitUsage, usagef("version takes no arguments")
	}
	version, goVersion := "(unknown)", "(unknown)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		version, goVersion = bi.Main.Version, bi.GoVersion
	}
	fmt.Fprintf(c.stdout, "ladder %s (careerladder/v1 ladders, careerladder/evidence/v1 evidence; %s)\n", version, goVersion)
	return exitOK, nil
}

// parseFlags parses args with fs, allowing flags after positional
// arguments ("ladder validate a.yaml --strict"), and returns the positional
// arguments. "--" ends the flags; "-" alone is an argument (stdin).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usagef("help requested")
			}
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// choice is a flag whose value is one of a fixed set.
type choice struct {
	value   string
	allowed []string
}

func (c *choice) String() string { return c.value }

func (c *choice) Set(s string) error {
	if !slices.Contains(c.allowed, s) {
		return fmt.Errorf("must be one of %s", strings.Join(c.allowed, ", "))
	}
	c.value = s
	return nil
}

// files is a repeatable flag.
type files []string

func (f *files) String() string { return strings.Join(*f, ",") }

func (f *files) Set(s string) error {
	*f = append(*f, s)
	return nil
}
