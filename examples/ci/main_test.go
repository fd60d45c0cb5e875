package main

import (
	"bytes"
	"os"
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
	code := run(&b, os.DirFS("../../testdata/invalid"), "testdata/invalid", false)
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
