// Command ci validates every ladder file in a directory, as a CI step does:
// each problem as "file:line:col: code: summary", then a summary, and exit
// status 1 when any ladder has errors.
//
//	go run ./examples/ci                     # the reference ladders embedded in the module
//	go run ./examples/ci testdata/invalid    # a directory of your own
//	go run ./examples/ci -strict DIR         # warnings fail too
//
// In a real pipeline the ladder command does the same:
// ladder validate --format github ladders/*.yaml
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/ladder"
)

func main() {
	strict := flag.Bool("strict", false, "fail on warnings too")
	flag.Parse()
	fsys, label := careerladder.Ladders(), "the reference ladders"
	if dir := flag.Arg(0); dir != "" {
		fsys, label = os.DirFS(dir), dir
	}
	os.Exit(run(os.Stdout, fsys, label, *strict))
}

// run validates the ladders in fsys and returns the exit status.
func run(w io.Writer, fsys fs.FS, label string, strict bool) int {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := path.Ext(p); !d.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintf(w, "cannot read %s: %v\n", label, err)
		return 2
	}
	valid, failed, warnings := 0, 0, 0
	for _, name := range names { // WalkDir visits in lexical order
		l, err := ladder.Load(fsys, name)
		var ds ladder.Diagnostics
		switch {
		case err == nil:
			ds = l.Validate()
			valid++
		case errors.As(err, &ds):
			failed++
		default:
			fmt.Fprintf(w, "%s: %v\n", name, err)
			failed++
		}
		warnings += len(ds.Warnings())
		for _, d := range ds {
			fmt.Fprintln(w, d.Error())
		}
	}
	fmt.Fprintf(w, "%s: %d ladder file%s, %d valid, %d with errors, %d warning%s\n",
		label, len(names), plural(len(names)), valid, failed, warnings, plural(warnings))
	switch {
	case len(names) == 0:
		fmt.Fprintln(w, "no ladder files found")
		return 2
	case failed > 0 || strict && warnings > 0:
		return 1
	}
	return 0
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
