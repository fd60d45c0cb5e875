package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bin is the ladder binary built once for the end-to-end tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ladder-cli")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "ladder")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		panic("go build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const root = "../.."

// ladderRun runs the binary in the module root with stdin and returns its
// output and exit status.
func ladderRun(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = root
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return o.String(), e.String(), ee.ExitCode()
		}
		t.Fatal(err)
	}
	return o.String(), e.String(), 0
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout []string // lines expected, in order
		stderr string   // substring expected
	}{
		{name: "valid ladders and evidence", args: []string{"validate", "testdata/ladders/cto.yaml", "testdata/ladders/snowflake.yaml", "testdata/evidence/sparse.yaml"},
			stdout: []string{"3 files checked: 0 errors, 0 warnings"}},
		{name: "errors", args: []string{"validate", "testdata/invalid/unknown-field.yaml", "testdata/invalid/duplicate-key.yaml"}, code: 1,
			stdout: []string{
				"testdata/invalid/duplicate-key.yaml:5:1: duplicate-key: key \"name\" appears more than once",
				"testdata/invalid/unknown-field.yaml:11:32: unknown-field: unknown field \"summery\" (did you mean \"summary\"?)",
				"2 files checked: 2 errors, 0 warnings",
			}},
		{name: "warnings pass", args: []string{"validate", "testdata/invalid/unused.yaml"},
			stdout: []string{"testdata/invalid/unused.yaml:11:10: unused: warning: no capability is in category \"people\"", "1 file checked: 0 errors, 1 warning"}},
		{name: "warnings fail with --strict", args: []string{"validate", "--strict", "testdata/invalid/unused.yaml"}, code: 1},
		{name: "flags after files", args: []string{"validate", "testdata/invalid/unused.yaml", "--strict"}, code: 1},
		{name: "github", args: []string{"validate", "--format", "github", "testdata/invalid/unknown-field.yaml", "testdata/invalid/unused.yaml"}, code: 1,
			stdout: []string{
				"::error file=testdata/invalid/unknown-field.yaml,line=11,col=32,title=unknown-field::unknown field \"summery\" (did you mean \"summary\"?)",
				"::warning file=testdata/invalid/unused.yaml,line=11,col=10,title=unused::no capability is in category \"people\"",
			}},
		{name: "stdin", args: []string{"validate", "-"}, stdin: "format: careerladder/v1\nid: x\n", code: 1,
			stdout: []string{"<stdin>:1:1: missing-field: missing field \"capabilities\""}},
		{name: "evidence against a ladder", args: []string{"validate", "--ladder", "testdata/ladders/cto.yaml", "testdata/invalid-evidence/unknown-ref-capability.yaml"}, code: 1,
			stdout: []string{"testdata/invalid-evidence/unknown-ref-capability.yaml:9:17: unknown-ref: unknown capability \"technical-problem-solvin\" (did you mean \"technical-problem-solving\"?)"}},
		{name: "evidence without a ladder", args: []string{"validate", "testdata/invalid-evidence/unknown-ref-capability.yaml"},
			stdout: []string{"1 file checked: 0 errors, 0 warnings"}},
		{name: "forced kind", args: []string{"validate", "--kind", "evidence", "testdata/ladders/cto.yaml"}, code: 1},
		{name: "missing file", args: []string{"validate", "testdata/ladders/cto.yaml", "no/such.yaml"}, code: 2, stderr: "no such file"},
		{name: "directory", args: []string{"validate", "testdata"}, code: 2, stderr: "is a directory"},
		{name: "no files", args: []string{"validate"}, code: 2, stderr: "usage: ladder validate"},
		{name: "unknown flag", args: []string{"validate", "--frob", "x.yaml"}, code: 2, stderr: "flag provided but not defined"},
		{name: "bad format value", args: []string{"validate", "--format", "xml", "x.yaml"}, code: 2, stderr: "must be one of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := ladderRun(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			i := 0
			for _, want := range tc.stdout {
				for i < len(lines) && lines[i] != want {
					i++
				}
				if i == len(lines) {
					t.Errorf("stdout lacks %q (in order)\n%s", want, out)
					break
				}
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	out, _, code := ladderRun(t, "", "validate", "--format", "json", "testdata/invalid/unknown-field.yaml", "testdata/ladders/cto.yaml")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Files []struct {
			File        string
			Kind        string
			Valid       bool
			Diagnostics []struct {
				Severity, Code, File, Path, Summary, Suggestion string
				Line, Col                                       int
				Range                                           *struct {
					Start, End struct{ Line, Col, Byte int }
				}
			}
		}
		Errors, Warnings int
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rep.Files) != 2 || rep.Errors != 1 || rep.Warnings != 0 || rep.Files[0].Valid || !rep.Files[1].Valid || rep.Files[1].Kind != "ladder" {
		t.Fatalf("report: %+v", rep)
	}
	d := rep.Files[0].Diagnostics[0]
	if d.Code != "unknown-field" || d.Line != 11 || d.Col != 32 || d.Severity != "error" || d.Suggestion != "summary" || d.Path != "capabilities[0].summery" {
		t.Errorf("diagnostic: %+v", d)
	}
	// The range covers the key, in lines and columns and in bytes.
	src, err := os.ReadFile(filepath.Join(root, "testdata/invalid/unknown-field.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if r := d.Range; r == nil || r.Start.Line != 11 || r.Start.Col != 32 || r.End.Line != 11 || r.End.Col != 39 ||
		r.End.Byte > len(src) || string(src[r.Start.Byte:r.End.Byte]) != "summery" {
		t.Errorf("range: %+v", r)
	}
	again, _, _ := ladderRun(t, "", "validate", "--format", "json", "testdata/invalid/unknown-field.yaml", "testdata/ladders/cto.yaml")
	if again != out {
		t.Errorf("JSON output is not stable")
	}
}

func TestSchema(t *testing.T) {
	for _, tc := range []struct{ arg, file string }{{"", "ladder/ladder.schema.json"}, {"ladder", "ladder/ladder.schema.json"}, {"evidence", "evidence/evidence.schema.json"}} {
		args := []string{"schema"}
		if tc.arg != "" {
			args = append(args, tc.arg)
		}
		out, _, code := ladderRun(t, "", args...)
		want, err := os.ReadFile(filepath.Join(root, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if code != 0 || out != string(want) {
			t.Errorf("ladder %v: exit %d, output differs from %s", args, code, tc.file)
		}
	}
	if _, errOut, code := ladderRun(t, "", "schema", "resume"); code != 2 || !strings.Contains(errOut, "unknown schema") {
		t.Errorf("unknown schema: exit %d, %s", code, errOut)
	}
}

func TestAssess(t *testing.T) {
	out, _, code := ladderRun(t, "", "assess", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "2026-11-27")
	text, err := os.ReadFile(filepath.Join(root, "growth/testdata/cto.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || out != string(text) {
		t.Errorf("text: exit %d, output differs from the library's golden report\n%s", code, out)
	}
	out, _, code = ladderRun(t, "", "assess", "--format", "json", "--track", "leadership", "--ladder", "testdata/ladders/cto.yaml",
		"--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "2026-11-27")
	var res struct {
		Person string
		Tracks []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || res.Person != "alex" || len(res.Tracks) != 1 || res.Tracks[0].ID != "leadership" {
		t.Errorf("json: exit %d, %v, %+v", code, err, res)
	}
	golden, err := os.ReadFile(filepath.Join(root, "growth/testdata/cto.json"))
	if err != nil {
		t.Fatal(err)
	}
	full, _, _ := ladderRun(t, "", "assess", "--format", "json", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "2026-11-27")
	if full != string(golden) {
		t.Errorf("assess --format json differs from the library's golden report")
	}
	// Scripts that read the result read it as before: the plan is one
	// more field beside the result's.
	result, err := os.ReadFile(filepath.Join(root, "scoring/testdata/cto.json"))
	if err != nil {
		t.Fatal(err)
	}
	var withPlan, without map[string]any
	if err := json.Unmarshal([]byte(full), &withPlan); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(result, &without); err != nil {
		t.Fatal(err)
	}
	if _, ok := withPlan["plan"]; !ok {
		t.Errorf("the ladder's target gave no plan")
	}
	delete(withPlan, "plan")
	if a, b := fmt.Sprint(withPlan), fmt.Sprint(without); a != b {
		t.Errorf("the report's JSON without its plan is not the result's")
	}
	// Ratings and evidence for one person merge.
	dir := t.TempDir()
	ratings := filepath.Join(dir, "r.yaml")
	os.WriteFile(ratings, []byte("format: careerladder/evidence/v1\nperson: sam\nratings: {peer: {mobile: m5}}\n"), 0o644)
	other := filepath.Join(dir, "o.yaml")
	os.WriteFile(other, []byte("format: careerladder/evidence/v1\nperson: kim\nratings: {self: {mobile: m1}}\n"), 0o644)
	out, _, code = ladderRun(t, "", "assess", "--ladder", "testdata/ladders/snowflake.yaml", "--ratings", "testdata/evidence/snowflake.yaml", "--ratings", ratings, "--as-of", "2026-11-27")
	if code != 0 || !strings.Contains(out, "Mobile              Milestone 1 to Milestone 5") {
		t.Errorf("merged ratings: exit %d\n%s", code, out)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--ladder", "testdata/ladders/snowflake.yaml", "--ratings", "testdata/evidence/snowflake.yaml", "--ratings", other}, 1, "assess one person at a time"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/invalid-evidence/unknown-ref-rating.yaml"}, 1, "unknown-ref"},
		{[]string{"--ladder", "testdata/invalid/unknown-field.yaml", "--evidence", "testdata/evidence/sparse.yaml"}, 1, "unknown-field"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml"}, 2, "at least one --evidence"},
		{[]string{"--evidence", "testdata/evidence/sparse.yaml"}, 2, "--ladder is required"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "27/11/2026"}, 2, "--as-of"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--track", "sales"}, 2, "no track"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "no/such.yaml"}, 2, "no such file"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/sparse.yaml", "extra"}, 2, "unexpected argument"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--target", "ct"}, 2, `unknown level "ct" (did you mean "cto"?)`},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--target", "sales/cto"}, 2, `unknown track "sales"`},
	} {
		_, errOut, code := ladderRun(t, "", append([]string{"assess"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("assess %v: exit %d, want %d with %q:\n%s", tc.args, code, tc.code, tc.msg, errOut)
		}
	}
}

// TestAssessTarget aims at levels: any level of any track, its way and
// the pace of its evidence, in text and JSON.
func TestAssessTarget(t *testing.T) {
	base := []string{"assess", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "2026-11-27"}
	out, _, code := ladderRun(t, "", append(base, "--target", "tech-lead")...)
	if code != 0 || !strings.Contains(out, "Target: Tech Lead on Engineering, 1 level to go\n") ||
		!strings.Contains(out, "Cheapest path to Tech Lead, 1 rating step:\n  Influence building  Learning -> Practising\n") ||
		!strings.Contains(out, "Leadership: no level yet; next Head of Engineering, 5 rating steps away") {
		t.Errorf("--target tech-lead: exit %d\n%s", code, out)
	}
	out, _, code = ladderRun(t, "", append(base, "--target", "leadership/head-of-engineering", "--format", "json")...)
	var rep struct {
		Tracks []struct{ ID string }
		Plan   struct {
			Track, Target struct{ ID string }
			Steps         []struct {
				Level struct{ ID string }
				Path  struct{ Steps int }
			}
			Pace []struct{ Have, Need int }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 || rep.Plan.Target.ID != "head-of-engineering" ||
		len(rep.Plan.Steps) != 1 || rep.Plan.Steps[0].Path.Steps != 5 || len(rep.Plan.Pace) != 1 || rep.Plan.Pace[0].Have != 14 || rep.Plan.Pace[0].Need != 18 {
		t.Errorf("--target json: exit %d, %v, %+v", code, err, rep.Plan)
	}
	// The ladder's own target, and --track beside it.
	out, _, code = ladderRun(t, "", append(base, "--track", "engineering")...)
	if code != 0 || !strings.Contains(out, "Target: CTO (small company) on Leadership") || strings.Contains(out, "\nLeadership:") {
		t.Errorf("--track with the ladder's target: exit %d\n%s", code, out)
	}
	// Streams hold many people; a plan is for one.
	stream := filepath.Join(t.TempDir(), "org.jsonl")
	os.WriteFile(stream, []byte(`{"person": "a", "id": "e1", "capability": "influence", "rating": "learning", "date": "2026-01-01", "source": "peer"}`+"\n"), 0o644)
	if _, errOut, code := ladderRun(t, "", "assess", "--ladder", "testdata/ladders/cto.yaml", "--evidence", stream, "--target", "cto"); code != 2 || !strings.Contains(errOut, "--target plans for one person") {
		t.Errorf("--target with a stream: exit %d\n%s", code, errOut)
	}
}

// TestHistory follows the example person by quarter, in text and JSON as
// the library writes them, and refuses what a history cannot be.
func TestHistory(t *testing.T) {
	base := []string{"history", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--since", "2025-11-27", "--until", "2026-11-27"}
	for _, tc := range []struct{ format, golden string }{{"text", "growth/testdata/cto-history.txt"}, {"json", "growth/testdata/cto-history.json"}} {
		out, errOut, code := ladderRun(t, "", append(base, "--format", tc.format)...)
		want, err := os.ReadFile(filepath.Join(root, tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		if code != 0 || out != string(want) {
			t.Errorf("history --format %s: exit %d, output differs from %s\n%s%s", tc.format, code, tc.golden, out, errOut)
		}
	}
	svg, _, code := ladderRun(t, "", append(base, "--every", "1mo", "--format", "svg")...)
	if want, err := os.ReadFile(filepath.Join(root, "growth/testdata/cto-history.svg")); err != nil || code != 0 || svg != string(want) {
		t.Errorf("history --format svg: exit %d, %v, output differs from the library's golden chart", code, err)
	}
	// The default step is three months back from --until, and --since
	// defaults to the earliest day of the evidence (2024-06-10).
	out, _, code := ladderRun(t, "", "history", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--until", "2026-11-27", "--format", "json")
	var h struct{ Days []struct{ Date string } }
	if err := json.Unmarshal([]byte(out), &h); err != nil || code != 0 || len(h.Days) != 10 || h.Days[0].Date != "2024-08-27" || h.Days[9].Date != "2026-11-27" {
		t.Errorf("default days: exit %d, %v, %+v", code, err, h.Days)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--every", "3 months"}, 2, "--every"},
		{[]string{"--since", "2027-01-01"}, 2, "is after --until"},
		{[]string{"--until", "yesterday"}, 2, "--until"},
		{[]string{"--since", "0001-01-01", "--every", "1d"}, 2, "more than 10000 days"},
		{[]string{"--format", "csv"}, 2, "--format"},
		{[]string{"extra"}, 2, "unexpected argument"},
	} {
		args := append([]string{"history", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--until", "2026-11-27"}, tc.args...)
		if _, errOut, code := ladderRun(t, "", args...); code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("history %v: exit %d, want %d with %q:\n%s", tc.args, code, tc.code, tc.msg, errOut)
		}
	}
	if _, errOut, code := ladderRun(t, "", "history", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/invalid-evidence/duplicate-id-assessment.yaml"); code != 1 || !strings.Contains(errOut, "duplicate-id") {
		t.Errorf("invalid evidence: exit %d\n%s", code, errOut)
	}
	if _, errOut, code := ladderRun(t, "", "history", "--ladder", "testdata/ladders/cto.yaml"); code != 2 || !strings.Contains(errOut, "at least one") {
		t.Errorf("no evidence: exit %d\n%s", code, errOut)
	}
}

// TestPacket writes the example person's packet as the library does, and
// refuses what a packet cannot be.
func TestPacket(t *testing.T) {
	out, errOut, code := ladderRun(t, "", "packet", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "2026-11-27")
	want, err := os.ReadFile(filepath.Join(root, "growth/testdata/cto-packet.md"))
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || out != string(want) {
		t.Errorf("packet: exit %d, output differs from the library's golden packet\n%s", code, errOut)
	}
	out, _, code = ladderRun(t, "", "packet", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "2026-11-27", "--target", "engineering/tech-lead")
	if code != 0 || !strings.HasPrefix(out, "# Promotion packet: alex for Tech Lead\n") {
		t.Errorf("packet --target: exit %d\n%s", code, out)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--ladder", "testdata/ladders/sparse.yaml", "--evidence", "testdata/evidence/sparse.yaml"}, 2, "names no target"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--target", "cfo"}, 2, `unknown level "cfo"`},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/invalid-evidence/unknown-ref-assessment.yaml"}, 1, "unknown-ref"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml"}, 2, "at least one"},
		{[]string{"--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "soon"}, 2, "--as-of"},
	} {
		if _, errOut, code := ladderRun(t, "", append([]string{"packet"}, tc.args...)...); code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("packet %v: exit %d, want %d with %q:\n%s", tc.args, code, tc.code, tc.msg, errOut)
		}
	}
}

func TestRender(t *testing.T) {
	out, _, code := ladderRun(t, "", "render", "testdata/ladders/cto.yaml")
	want, err := os.ReadFile(filepath.Join(root, "ladder/testdata/markdown/cto.md"))
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || out != string(want) {
		t.Errorf("render: exit %d, output differs from the library's golden page", code)
	}
	if _, _, code := ladderRun(t, "", "render", "--format", "markdown", "testdata/ladders/sparse.yaml"); code != 0 {
		t.Errorf("render --format markdown: exit %d", code)
	}
	if _, errOut, code := ladderRun(t, "", "render", "testdata/invalid/unknown-field.yaml"); code != 1 || !strings.Contains(errOut, "unknown-field") {
		t.Errorf("invalid ladder: exit %d\n%s", code, errOut)
	}
	if _, _, code := ladderRun(t, "", "render", "--format", "html", "testdata/ladders/cto.yaml"); code != 2 {
		t.Errorf("html: exit %d", code)
	}
	if _, _, code := ladderRun(t, "", "render"); code != 2 {
		t.Errorf("no file: exit %d", code)
	}
}

func TestHelpVersionUnknown(t *testing.T) {
	out, _, code := ladderRun(t, "", "help")
	if code != 0 || !strings.Contains(out, "usage: ladder COMMAND") {
		t.Errorf("help: %d\n%s", code, out)
	}
	for _, c := range []string{"validate", "schema", "assess", "history", "packet", "render", "version", "help"} {
		out, _, code := ladderRun(t, "", "help", c)
		if code != 0 || !strings.Contains(out, "usage: ladder "+c) {
			t.Errorf("help %s: %d\n%s", c, code, out)
		}
	}
	if out, _, code := ladderRun(t, "", "version"); code != 0 || !strings.HasPrefix(out, "ladder ") {
		t.Errorf("version: %d %s", code, out)
	}
	for _, args := range [][]string{{}, {"frob"}, {"help", "frob"}, {"version", "extra"}} {
		_, errOut, code := ladderRun(t, "", args...)
		if code != 2 || !strings.Contains(errOut, "usage: ladder") {
			t.Errorf("ladder %v: exit %d, want 2 with usage on stderr:\n%s", args, code, errOut)
		}
	}
}

func TestTooLarge(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// 30 MB of comments: refused as too large, without reading it whole.
	line := []byte(strings.Repeat("#", 99) + "\n")
	for i := 0; i < 300_000; i++ {
		f.Write(line)
	}
	f.Close()
	out, _, code := ladderRun(t, "", "validate", big)
	if code != 1 || !strings.Contains(out, big+":1:1: too-large") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestAssessJSONLines(t *testing.T) {
	dir := t.TempDir()
	stream := filepath.Join(dir, "org.jsonl")
	os.WriteFile(stream, []byte(`{"person": "a", "id": "e1", "capability": "communication", "rating": "proficient", "date": "2026-11-27", "source": "peer"}
{"person": "b", "id": "e1", "capability": "comunication", "rating": "proficient", "date": "2026-11-01", "source": "peer"}
{"person": "c", "id": "e1", "capability": "influence", "rating": "learning", "date": "2026-11-01", "source": "peer"}
`), 0o644)
	out, errOut, code := ladderRun(t, "", "assess", "--ladder", "testdata/ladders/cto.yaml", "--evidence", stream, "--as-of", "2026-11-27", "--format", "json")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[0], `"person":"a"`) || !strings.Contains(lines[1], `"person":"c"`) ||
		!strings.Contains(errOut, "org.jsonl:2:43: unknown-ref") || !strings.Contains(errOut, "1 person with invalid lines") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	out, _, code = ladderRun(t, "", "assess", "--ladder", "testdata/ladders/cto.yaml", "--evidence", stream, "--as-of", "2026-11-27", "--track", "engineering")
	if code != 1 || strings.Count(out, "against ladder cto") != 2 || strings.Contains(out, "Track Leadership") {
		t.Errorf("text: exit %d\n%s", code, out)
	}
	if _, errOut, code := ladderRun(t, "", "assess", "--ladder", "testdata/ladders/cto.yaml", "--evidence", stream, "--ratings", "testdata/evidence/senior-engineer.yaml"); code != 2 || !strings.Contains(errOut, "only input") {
		t.Errorf("mixed inputs: %d %s", code, errOut)
	}
}

// TestAssessJSONLinesNeighbours checks that a broken first line and a
// cut-off last line cost only themselves (or their own person), and that
// the command names every person and line it skips.
func TestAssessJSONLinesNeighbours(t *testing.T) {
	stream := filepath.Join(t.TempDir(), "org.jsonl")
	os.WriteFile(stream, []byte(`{"id": broken
{"person": "a", "id": "e1", "capability": "communication", "rating": "proficient", "date": "2026-11-27", "source": "peer"}
{"person": "b", "id": "e1", "capability": "influence", "rating": "learning", "date": "2026-11-01", "source": "peer"}
{"person": "c", "id": "e1", "capab`), 0o644)
	out, errOut, code := ladderRun(t, "", "assess", "--ladder", "testdata/ladders/cto.yaml", "--evidence", stream, "--as-of", "2026-11-27", "--format", "json")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[0], `"person":"a"`) || !strings.Contains(lines[1], `"person":"b"`) {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	for _, want := range []string{"org.jsonl: line 1 skipped", `org.jsonl: person "c" skipped (line 4)`, "1 person with invalid lines and 1 line without a readable person, skipped"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestExportImport(t *testing.T) {
	csvOut, omitted, code := ladderRun(t, "", "export", "--format", "csv", "testdata/ladders/cto.yaml")
	if code != 0 || !strings.HasPrefix(csvOut, "id,name,category,summary,engineering/engineer,") {
		t.Fatalf("export csv: %d\n%s", code, csvOut)
	}
	// What the sheet leaves out is listed on standard error, one part a
	// line: the descriptors too, unless they go to their own sheet.
	for _, want := range []string{
		"testdata/ladders/cto.yaml: omitted: tracks[0].levels[1].requires[0] (gate)\n",
		"testdata/ladders/cto.yaml: omitted: capabilities[0].descriptors (descriptors)\n",
	} {
		if !strings.Contains(omitted, want) {
			t.Errorf("export csv: stderr lacks %q:\n%s", want, omitted)
		}
	}
	descFile := filepath.Join(t.TempDir(), "cto-descriptors.csv")
	withDesc, omitted2, code := ladderRun(t, "", "export", "--format", "csv", "--descriptors", descFile, "testdata/ladders/cto.yaml")
	if code != 0 || withDesc != csvOut || strings.Contains(omitted2, "(descriptors)") || !strings.Contains(omitted2, "(gate)") {
		t.Errorf("export csv --descriptors: %d\n%s", code, omitted2)
	}
	if d, err := os.ReadFile(descFile); err != nil || !strings.HasPrefix(string(d), "capability,rating,summary,signals,examples\n") {
		t.Errorf("descriptors sheet: %v\n%s", err, d)
	}
	file := filepath.Join(t.TempDir(), "cto.csv")
	os.WriteFile(file, []byte(csvOut), 0o644)
	yamlOut, errOut, code := ladderRun(t, "", "import", "--from", "csv", file)
	if code != 0 || !strings.HasPrefix(yamlOut, "format: careerladder/v1\n") {
		t.Fatalf("import: %d\n%s\n%s", code, yamlOut, errOut)
	}
	back := filepath.Join(t.TempDir(), "back.yaml")
	os.WriteFile(back, []byte(yamlOut), 0o644)
	again, _, _ := ladderRun(t, "", "export", "--format", "csv", back)
	if again != csvOut {
		t.Errorf("export, import, export is not stable")
	}
	// Both sheets give back the descriptors.
	full, errOut, code := ladderRun(t, "", "import", "--from", "csv", "--descriptors", descFile, file)
	if code != 0 || !strings.Contains(full, "descriptors:") || strings.Contains(yamlOut, "descriptors:") {
		t.Errorf("import --descriptors: %d\n%s", code, errOut)
	}
	badDesc := filepath.Join(t.TempDir(), "bad-descriptors.csv")
	os.WriteFile(badDesc, []byte("capability,rating,summary\nnope,learning,x\n"), 0o644)
	if _, errOut, code := ladderRun(t, "", "import", "--from", "csv", "--descriptors", badDesc, file); code != 1 || !strings.Contains(errOut, "bad-descriptors.csv:2:1: unknown-ref") {
		t.Errorf("bad descriptors sheet: %d\n%s", code, errOut)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("Capability,Junior\nCoding,1\nCoding,2\n,3\n"), 0o644)
	if _, errOut, code := ladderRun(t, "", "import", "--from", "csv", bad); code != 1 || !strings.Contains(errOut, "bad.csv:") {
		t.Errorf("bad sheet: %d\n%s", code, errOut)
	}
	// A team's sheet: a title row, a notes column, a category row. The
	// notes column is refused at its header, with what to change on the
	// line below.
	team := filepath.Join(t.TempDir(), "team.csv")
	os.WriteFile(team, []byte("Engineering Ladder,,,\nCapability,Junior,Senior,Notes\nTechnical,,,\nCoding,1,2,ask Sam\n"), 0o644)
	if _, errOut, code := ladderRun(t, "", "import", "--from", "csv", team); code != 1 || !strings.HasPrefix(errOut, team+":2:4: unknown-field: ") ||
		!strings.Contains(errOut, "\n  ") {
		t.Errorf("team sheet: %d\n%s", code, errOut)
	}
	os.WriteFile(team, []byte("Engineering Ladder;;;\r\nCapability;Junior;Senior;\r\nTechnical;;;\r\nCoding;1;2;\r\n"), 0o644)
	if out, errOut, code := ladderRun(t, "", "import", "--from", "csv", team); code != 0 || !strings.Contains(out, "name: Engineering Ladder\n") ||
		!strings.Contains(out, "category: technical\n") {
		t.Errorf("team sheet: %d\n%s\n%s", code, out, errOut)
	}
	caseOut, _, code := ladderRun(t, "", "export", "--format", "case", "--last-change", "2026-11-27T00:00:00+00:00", "testdata/ladders/cto.yaml")
	var pkg struct {
		CFDocument struct{ Identifier, LastChangeDateTime string }
		CFItems    []struct{ Identifier string }
	}
	if err := json.Unmarshal([]byte(caseOut), &pkg); err != nil || code != 0 || pkg.CFDocument.Identifier == "" ||
		pkg.CFDocument.LastChangeDateTime != "2026-11-27T00:00:00+00:00" || len(pkg.CFItems) == 0 {
		t.Errorf("export case: %d %v %+v", code, err, pkg.CFDocument)
	}
	caseOut, _, code = ladderRun(t, "", "export", "--format", "case", "--base-uri", "https://example.com/case/", "testdata/ladders/cto.yaml")
	if code != 0 || !strings.Contains(caseOut, `"uri": "https://example.com/case/CFDocuments/`) {
		t.Errorf("export case --base-uri: %d", code)
	}
	// A bad option is a usage error that names its flag, and nothing is
	// written.
	for _, tc := range []struct{ flag, value string }{
		{"--base-uri", "not a uri"},
		{"--base-uri", "ftp://example.com/case"},
		{"--base-uri", "/case"},
		{"--base-uri", "https://example.com/case?x=1"},
		{"--last-change", "yesterday"},
	} {
		out, errOut, code := ladderRun(t, "", "export", "--format", "case", tc.flag, tc.value, "testdata/ladders/cto.yaml")
		if code != 2 || out != "" || !strings.HasPrefix(errOut, "ladder export: "+tc.flag+" ") {
			t.Errorf("export case %s %q: exit %d, %d bytes out\n%s", tc.flag, tc.value, code, len(out), errOut)
		}
	}
	for _, args := range [][]string{{"export", "testdata/ladders/cto.yaml"}, {"export", "--format", "xml", "x"}, {"import", "x.csv"}, {"import", "--from", "csv", "no/such.csv"},
		{"export", "--format", "case", "--descriptors", descFile, "testdata/ladders/cto.yaml"}, {"import", "--from", "csv", "--descriptors", "no/such.csv", file}} {
		if _, _, code := ladderRun(t, "", args...); code != 2 {
			t.Errorf("ladder %v: exit %d, want 2", args, code)
		}
	}
}

func TestDiff(t *testing.T) {
	if out, _, code := ladderRun(t, "", "diff", "testdata/ladders/cto.yaml", "testdata/ladders/cto.yaml"); code != 0 || !strings.Contains(out, "no changes") {
		t.Errorf("equal: %d\n%s", code, out)
	}
	src, err := os.ReadFile(filepath.Join(root, "testdata/ladders/cto.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	harder := filepath.Join(t.TempDir(), "harder.yaml")
	os.WriteFile(harder, []byte(strings.Replace(string(src), "count: 6\n", "count: 20\n", 1)), 0o644)
	out, _, code := ladderRun(t, "", "diff", "--as-of", "2026-11-27", "--evidence", "testdata/evidence/senior-engineer.yaml", "testdata/ladders/cto.yaml", harder)
	if code != 1 || !strings.Contains(out, "~ tracks[engineering].levels[senior].requires[hard-problems]") ||
		!strings.Contains(out, "alex, engineering: senior -> engineer (down)") {
		t.Errorf("changed: %d\n%s", code, out)
	}
	out, _, code = ladderRun(t, "", "diff", "--format", "json", "--as-of", "2026-11-27", "--evidence", "testdata/evidence/senior-engineer.yaml", "testdata/ladders/cto.yaml", harder)
	var rep struct {
		Changes []struct{ Kind, Path string }
		Moves   []struct{ Person, Direction string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 1 || len(rep.Changes) != 1 || len(rep.Moves) != 1 || rep.Moves[0].Direction != "down" {
		t.Errorf("json: %d %v %+v", code, err, rep)
	}
	if _, _, code := ladderRun(t, "", "diff", "testdata/ladders/cto.yaml"); code != 2 {
		t.Errorf("one file: %d", code)
	}
	// Every bad evidence file is reported, as assess reports them.
	_, errOut, code := ladderRun(t, "", "diff", "--evidence", "testdata/invalid-evidence/bad-format.yaml",
		"--evidence", "testdata/invalid-evidence/bad-type.yaml", "testdata/ladders/cto.yaml", harder)
	if code != 1 || !strings.Contains(errOut, "bad-format.yaml:2:9: bad-format") || !strings.Contains(errOut, "bad-type.yaml:14:13: bad-type") {
		t.Errorf("bad evidence: %d\n%s", code, errOut)
	}
}

func TestChartAndRenderWithChart(t *testing.T) {
	out, _, code := ladderRun(t, "", "chart", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--as-of", "2026-11-27", "--track", "leadership")
	if code != 0 || !strings.Contains(out, "<svg") || !strings.Contains(out, "Head of Engineering") {
		t.Errorf("chart: %d\n%.300s", code, out)
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	for {
		if _, err := dec.Token(); err != nil {
			if err != io.EOF {
				t.Errorf("chart is not well-formed XML: %v", err)
			}
			break
		}
	}
	if _, _, code := ladderRun(t, "", "chart", "--ladder", "testdata/ladders/cto.yaml"); code != 2 {
		t.Errorf("no evidence: %d", code)
	}
	if _, _, code := ladderRun(t, "", "chart", "--ladder", "testdata/ladders/cto.yaml", "--evidence", "testdata/evidence/senior-engineer.yaml", "--track", "sales"); code != 2 {
		t.Errorf("unknown track: %d", code)
	}
	page, _, code := ladderRun(t, "", "render", "--chart", "charts/alex.svg", "testdata/ladders/cto.yaml")
	if code != 0 || !strings.HasPrefix(page, "# Engineer to CTO of a small company\n\n![Radar chart](<charts/alex.svg>)\n") {
		t.Errorf("render --chart: %d\n%.200s", code, page)
	}
	if _, _, code := ladderRun(t, "", "render", "--chart", "a b<c>", "testdata/ladders/cto.yaml"); code != 2 {
		t.Errorf("bad chart url: %d", code)
	}
}

func TestDetectKind(t *testing.T) {
	for src, want := range map[string]string{
		"format: careerladder/evidence/v1\nperson: p\n":                  "evidence",
		"format: \"careerladder/evidence/v1\"\n":                         "evidence",
		"# c\nformat:   'careerladder/evidence/v1'\n":                    "evidence",
		"{\"person\": \"p\", \"format\" : \"careerladder/evidence/v1\"}": "evidence",
		"format: careerladder/v1\n":                                      "ladder",
		"description: format: careerladder/evidence/v1\n":                "ladder",
		"": "ladder",
	} {
		if got := detectKind([]byte(src)); got != want {
			t.Errorf("detectKind(%q) = %s, want %s", src, got, want)
		}
	}
}

// TestValidateKindFromParsedFormat checks that an evidence file is checked
// as evidence however its format field is written: after a byte order
// mark, with the key quoted, with a !!str tag, or escaped in JSON.
func TestValidateKindFromParsedFormat(t *testing.T) {
	src, err := os.ReadFile("../../testdata/evidence/senior-engineer.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, variant := range map[string]string{
		"bom.yaml":     "\ufeff" + string(src),
		"quoted.yaml":  strings.Replace(string(src), "format: ", `"format": `, 1),
		"tagged.yaml":  strings.Replace(string(src), "format: ", "format: !!str ", 1),
		"single.yaml":  strings.Replace(string(src), "format: careerladder/evidence/v1", "'format': 'careerladder/evidence/v1'", 1),
		"escaped.json": `{"format": "careerladder\u002fevidence\u002fv1", "person": "alex", "evidence": []}`,
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(variant), 0o644)
		out, _, code := ladderRun(t, "", "validate", "--ladder", "testdata/ladders/cto.yaml", "--format", "json", path)
		if code != 0 || !strings.Contains(out, `"kind": "evidence"`) {
			t.Errorf("%s: exit %d\n%s", name, code, out)
		}
	}
}

// TestValidateUnreadableFiles checks that a file that cannot be read is an
// error in every format, so that a CI glob that matches nothing is seen.
func TestValidateUnreadableFiles(t *testing.T) {
	for format, want := range map[string]string{
		"text":   "2 files checked: 2 errors",
		"github": "::error file=nosuch.yaml,title=unreadable::",
		"json":   `"errors": 2`,
	} {
		out, _, code := ladderRun(t, "", "validate", "--format", format, "nosuch.yaml", "testdata/ladders/")
		if code != 2 || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, want 2 and %q:\n%s", format, code, want, out)
		}
	}
}
