package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/careerladder/careerladder/internal/diagtest"
)

const hostile = "testdata/hostile"

// hostileEvidence is an evidence file for the terminal-escapes ladder whose
// person and item ids hold an OSC 8 hyperlink, newlines that would forge
// annotations, clear-screen sequences and bidirectional controls.
const hostileEvidence = `format: careerladder/evidence/v1
person: "alex\e]8;;http://evil.example/\e\\\n::error file=evil.yaml::forged"
ratings:
  manager: {c: a, d: b}
evidence:
  - {id: "e1\u202e\e[31m", capability: d, rating: b, date: 2026-01-02, source: peer, summary: "did \e[2J things"}
  - {id: "e2\n::error::forged", capability: d, rating: b, date: 2026-01-03, source: manager}
  - {id: "late\a", capability: c, rating: b, date: 2027-01-03, source: manager}
`

// hostileFiles returns the files of the hostile corpus, relative to the
// module root.
func hostileFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(root, hostile))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && name != "README.md" && name != "expected.txt" {
			files = append(files, hostile+"/"+name)
		}
	}
	return files
}

// TestValidateEscapes validates the whole hostile corpus, and a file whose
// name holds an escape sequence: in the text format every line is a
// diagnostic or the count, in the GitHub format an annotation of a file
// that was given, and no line holds a raw control character.
func TestValidateEscapes(t *testing.T) {
	dir := t.TempDir()
	named := filepath.Join(dir, "evil\x1b[2J\u202e.yaml")
	if err := os.WriteFile(named, []byte("format: careerladder/v1\nid: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := append(hostileFiles(t), named)
	out, errOut, code := ladderRun(t, "", append([]string{"validate"}, files...)...)
	if code != 1 {
		t.Errorf("text: exit %d\n%s", code, errOut)
	}
	diagtest.CheckLines(t, "validate", []byte(out))
	line := regexp.MustCompile(`^([^:]+):\d+:\d+: [a-z-]+: |^\d+ files checked: `)
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !line.MatchString(l) {
			t.Errorf("validate: not a diagnostic: %q", l)
		}
	}
	if want := dir + `/evil\x1b[2J\u202e.yaml:1:1: missing-field: `; !strings.Contains(out, "\n"+want) {
		t.Errorf("validate: no line starts with %q", want)
	}

	out, _, code = ladderRun(t, "", append([]string{"validate", "--format", "github"}, files...)...)
	if code != 1 {
		t.Errorf("github: exit %d", code)
	}
	annotation := regexp.MustCompile(`^::(error|warning) file=([^,]+),line=\d+,col=\d+,title=[a-z-]+::|^\d+ files checked: `)
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if i := strings.IndexFunc(l, func(r rune) bool { return r < ' ' || r == 0x7f }); i >= 0 {
			t.Errorf("github: raw control in %q", l)
		}
		m := annotation.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("github: not an annotation: %q", l)
		} else if m[2] != "" && !strings.HasPrefix(m[2], hostile+"/") && !strings.Contains(m[2], `evil\x1b[2J\u202e.yaml`) {
			t.Errorf("github: annotation of a file not given: %q", l)
		}
	}
	for _, want := range []string{
		`title=bad-type::expected true or false, found "x\n::error file=evil.yaml,line=1,col=1::forged\n\x1b[2J"`,
		`title=bad-tag::tag "!\n\x1b[2J" is not supported`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("github: no %q in\n%s", want, out)
		}
	}
}

// TestCommandsEscape runs the commands that write what the input says
// (render, assess, assess of JSON Lines, diff with the people who would
// move) on the terminal-escapes ladder and hostile evidence, and every
// command on every file of the corpus: nothing reaches standard output or
// standard error raw.
func TestCommandsEscape(t *testing.T) {
	dir := t.TempDir()
	ev := filepath.Join(dir, "alex.yaml")
	if err := os.WriteFile(ev, []byte(hostileEvidence), 0o644); err != nil {
		t.Fatal(err)
	}
	jsonl := filepath.Join(dir, "people.jsonl")
	lines := `{"person":"p1\u001b[2J\n::error::x","id":"e1\u202e","capability":"c","rating":"b","date":"2026-01-02","source":"peer"}` + "\n" +
		`{"person":"p2\u009b","id":"e1","capability":"c\u001b","rating":"b","date":"2026-01-02","source":"peer"}` + "\n"
	if err := os.WriteFile(jsonl, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	// The new version lowers what level two expects, so that the person
	// moves up, with reasons that name the ladder's hostile names.
	src, err := os.ReadFile(filepath.Join(root, hostile, "terminal-escapes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	easier := filepath.Join(dir, "easier.yaml")
	if err := os.WriteFile(easier, []byte(strings.Replace(string(src), "expects: {c: b, d: b}", "expects: {c: a, d: b}", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	lad := hostile + "/terminal-escapes.yaml"
	runs := [][]string{
		{"render", lad},
		{"assess", "--as-of", "2026-02-01", "--ladder", lad, "--evidence", ev},
		{"assess", "--as-of", "2026-02-01", "--ladder", lad, "--evidence", jsonl},
		{"diff", "--as-of", "2026-02-01", "--evidence", ev, lad, easier},
		{"diff", "--as-of", "2026-02-01", "--evidence", ev, easier, lad},
		{"chart", "--as-of", "2026-02-01", "--ladder", lad, "--evidence", ev},
	}
	for _, f := range hostileFiles(t) {
		runs = append(runs, []string{"render", f}, []string{"diff", lad, f}, []string{"assess", "--as-of", "2026-02-01", "--ladder", f, "--evidence", ev})
	}
	moved := false
	for _, args := range runs {
		out, errOut, _ := ladderRun(t, "", args...)
		what := strings.Join(args, " ")
		if args[0] != "chart" {
			diagtest.CheckLines(t, what, []byte(out+errOut))
		} else if i := strings.IndexFunc(out, func(r rune) bool { return r < ' ' && r != '\n' || r >= 0x7f && r <= 0x9f || r == 0x202e }); i >= 0 {
			t.Errorf("%s: raw %q in the chart", what, out[i:i+1])
		}
		if strings.Contains(out, `alex\x1b]8;;http://evil.example/\x1b\\n::error file=evil.yaml::forged, t: one -> two (up)`) {
			moved = true
		}
	}
	if !moved {
		t.Error("diff: no move of the hostile person, escaped")
	}
}
