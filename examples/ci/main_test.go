package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careerladder/careerladder"
)

func TestReferenceLadders(t *testing.T) {
	var b bytes.Buffer
	if code := run(&b, careerladder.Ladders(), "the reference ladders", true); code != 0 {
		t.Errorf("exit %d:\n%s", code, b.String())
	}
	if want := "the reference ladders: 4 ladder files, 4 valid, 0 with errors, 0 warnings\n"; b.String() != want {
		t.Errorf("output %q, want %q", b.String(), want)
	}
}

func TestInvalidDirectory(t *testing.T) {
	var b bytes.Buffer
	code := runDir(&b, "../../testdata/invalid", false)
	out := b.String()
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{
		"unknown-field.yaml:11:32: unknown-field: unknown field \"summery\" (did you mean \"summary\"?)",
		"unused.yaml:11:10: unused: warning: no capability is in category \"people\"",
		"with errors",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestWarningsAndEmpty(t *testing.T) {
	src, err := os.ReadFile("../../testdata/invalid/unused.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"a/unused.yaml": {Data: src}, "notes.txt": {Data: []byte("not a ladder")}}
	var b bytes.Buffer
	if code := run(&b, fsys, "dir", false); code != 0 {
		t.Errorf("warnings fail without -strict: %d", code)
	}
	if code := run(&b, fsys, "dir", true); code != 1 {
		t.Errorf("warnings pass with -strict: %d", code)
	}
	if code := run(&b, fstest.MapFS{}, "empty", false); code != 2 {
		t.Errorf("empty directory: %d", code)
	}
}

// TestSymlinksStayInside gives a directory whose links lead outside it,
// absolutely and relatively, in a loop and nowhere: each is refused and
// counted as an error, and nothing from outside shows in the output. A link
// that stays inside is followed.
func TestSymlinksStayInside(t *testing.T) {
	tmp := t.TempDir()
	dir, outside := filepath.Join(tmp, "ladders"), filepath.Join(tmp, "outside")
	for _, d := range []string{dir, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Read, this file would be reported key by key.
	secret := filepath.Join(outside, "secret.yaml")
	if err := os.WriteFile(secret, []byte("api_token_hunter2: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	valid, err := fs.ReadFile(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cto.yaml"), valid, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{
		"relative.yaml": "../outside/secret.yaml",
		"absolute.yaml": secret,
		"loop-a.yaml":   "loop-b.yaml",
		"loop-b.yaml":   "loop-a.yaml",
		"self.yaml":     "self.yaml",
		"nowhere.yaml":  "missing.yaml",
		"inside.yaml":   "cto.yaml",
		"parent":        "..", // a link to a directory is not descended into
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}

	var b bytes.Buffer
	code := runDir(&b, dir, false)
	out := b.String()
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{
		"absolute.yaml: refused: a symbolic link that leads out of " + dir + " or is absolute (",
		"loop-a.yaml: refused: a loop of symbolic links (",
		"loop-b.yaml: refused: a loop of symbolic links (",
		"nowhere.yaml: refused: a symbolic link to nothing (",
		"relative.yaml: refused: a symbolic link that leads out of " + dir + " or is absolute (",
		"self.yaml: refused: a loop of symbolic links (",
		dir + ": 8 ladder files, 2 valid, 6 with errors, 0 warnings\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "hunter2") || strings.Contains(out, "secret") || strings.Contains(out, "outside/") {
		t.Errorf("output shows what is outside the directory:\n%s", out)
	}
	if t.Failed() {
		t.Logf("output:\n%s", out)
	}
	if code := runDir(&b, filepath.Join(tmp, "missing"), false); code != 2 {
		t.Errorf("a missing directory: exit %d", code)
	}
}
