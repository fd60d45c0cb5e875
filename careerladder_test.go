package careerladder_test

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/careerladder/careerladder"
	"github.com/careerladder/careerladder/evidence"
	"github.com/careerladder/careerladder/ladder"
	"github.com/careerladder/careerladder/scoring"
)

func TestLadders(t *testing.T) {
	names, err := fs.Glob(careerladder.Ladders(), "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"cto.yaml": true, "snowflake.yaml": true, "engineering-ladders.yaml": true, "sparse.yaml": true}
	for _, n := range names {
		delete(want, n)
		l, err := ladder.Load(careerladder.Ladders(), n)
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if ds := l.Validate(); len(ds) > 0 {
			t.Errorf("%s: %v", n, ds)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing reference ladders: %v", want)
	}
}

func ExampleLadders() {
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	top := l.Tracks[len(l.Tracks)-1]
	fmt.Println(top.Levels[len(top.Levels)-1].Name)
	// Output: CTO (small company)
}

// TestReadmeExample keeps the file format example in README.md valid.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "## The file format\n\n```yaml\n")
	if !ok {
		t.Fatal("README.md has no YAML example under \"The file format\"")
	}
	src, _, _ := strings.Cut(rest, "```")
	l, err := ladder.Parse("README.md", []byte(src))
	if err != nil {
		t.Fatalf("the README example does not load:\n%v", err)
	}
	if ds := l.Validate(); len(ds) > 0 {
		t.Errorf("the README example has warnings:\n%v", ds)
	}
}

// TestReadmeEvidenceExample keeps the evidence file example in README.md
// valid against the CTO ladder.
func TestReadmeEvidenceExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const start = "```yaml\n# yaml-language-server: $schema=https://raw.githubusercontent.com/careerladder/careerladder/main/evidence/evidence.schema.json\n"
	_, rest, ok := strings.Cut(string(readme), start)
	if !ok {
		t.Fatal("README.md has no evidence file example")
	}
	src, _, _ := strings.Cut(rest, "```")
	l, err := ladder.Load(careerladder.Ladders(), "cto.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scoring.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (evidence.Loader{Ladder: s.Ladder()}).Parse("README.md", []byte(src)); err != nil {
		t.Errorf("the README evidence example does not load:\n%v", err)
	}
}
