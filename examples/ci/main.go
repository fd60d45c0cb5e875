// Command ci validates every ladder file in a directory, as a CI step does:
// each problem as "file:line:col: code: summary", then a summary, and exit
// status 1 when any ladder has errors.
//
//	go run ./examples/ci                     # the reference ladders embedded in the module
//	go run ./examples/ci testdata/invalid    # a directory of your own
//	go run ./examples/ci -strict DIR         # warnings fail too
//
// It reads nothing outside the directory it is given: the directory is
// opened as an os.Root, so a symbolic link is followed only while it stays
// inside. A link that leads out of the directory (or is absolute), loops,
// or leads nowhere is refused with a message saying so and counted as a
// file with errors; nothing is read through it. Links to directories are
// not descended into.
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
	"syscall"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/ladder"
)

func main() {
	strict := flag.Bool("strict", false, "fail on warnings too")
	flag.Parse()
	if dir := flag.Arg(0); dir != "" {
		os.Exit(runDir(os.Stdout, dir, *strict))
	}
	os.Exit(run(os.Stdout, careerladder.Ladders(), "the reference ladders", *strict))
}

// runDir validates the ladders beneath dir, and nothing outside it, and
// returns the exit status.
func runDir(w io.Writer, dir string, strict bool) int {
	root, err := os.OpenRoot(dir)
	if err != nil {
		fmt.Fprintf(w, "cannot read %s: %v\n", dir, err)
		return 2
	}
	defer root.Close()
	return run(w, root.FS(), dir, strict)
}

// run validates the ladders in fsys and returns the exit status.
func run(w io.Writer, fsys fs.FS, label string, strict bool) int {
	var names []string
	links := map[string]bool{} // the names that are symbolic links
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := path.Ext(p); !d.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
			names = append(names, p)
			links[p] = d.Type()&fs.ModeSymlink != 0
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
		case links[name]:
			fmt.Fprintf(w, "%s: refused: %s (%v)\n", name, badLink(err, label), err)
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

// badLink says why a symbolic link that cannot be read is refused. An
// os.Root refuses a link out of the directory with an error of its own,
// which has no name to test for; it is what is left when the link neither
// loops nor leads nowhere.
func badLink(err error, dir string) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "a loop of symbolic links"
	case errors.Is(err, fs.ErrNotExist):
		return "a symbolic link to nothing"
	case errors.Is(err, fs.ErrPermission):
		return "a symbolic link to a file that cannot be read"
	}
	return "a symbolic link that leads out of " + dir + " or is absolute"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
