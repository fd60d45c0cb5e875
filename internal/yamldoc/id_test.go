package yamldoc

import (
	"regexp"
	"testing"

	"github.com/careerladder/careerladder/rubric"
)

// TestIDsAgree keeps the walker's id check, rubric.CheckID and the
// published pattern the same rule.
func TestIDsAgree(t *testing.T) {
	if IDPattern != rubric.IDPattern {
		t.Fatalf("IDPattern %q, rubric.IDPattern %q", IDPattern, rubric.IDPattern)
	}
	re := regexp.MustCompile(IDPattern)
	for _, s := range []string{"", "a", "a-b", "a--b", "-a", "a-", "3.2", "A", "a b", "n/a", "é", "a_b.c-d", "a..b", "z9"} {
		if isID(s) != re.MatchString(s) || isID(s) != (rubric.CheckID(s) == nil) {
			t.Errorf("%q: isID %v, pattern %v, CheckID %v", s, isID(s), re.MatchString(s), rubric.CheckID(s))
		}
	}
}
