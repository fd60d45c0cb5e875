package spreadsheet

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/careerladder/careerladder/rubric"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Communication", "communication"},
		{"Team management & mentorship", "team-management-mentorship"},
		{"  C++  ", "c"},
		{"3.2", "3-2"},
		// Accents fold.
		{"Résumé writing", "resume-writing"},
		{"Ångström Ünïcode façade", "angstrom-unicode-facade"},
		{"Đorđe Łódź Ørsted", "dorde-lodz-orsted"},
		{"Straße", "strasse"},
		{"Æsir œuvre", "aesir-oeuvre"},
		{"İstanbul", "istanbul"},
		{"q\u0303uestion", "question"}, // a combining mark with no precomposed letter
		// Compatibility forms: full-width letters, ligatures, superscripts.
		{"Ｃｏｄｉｎｇ", "coding"},
		{"ﬁnance", "finance"},
		{"x²", "x2"},
		// Apostrophes join.
		{"Don't panic", "dont-panic"},
		{"O’Brien", "obrien"},
		// Greek and Cyrillic are transliterated.
		{"Επικοινωνία", "epikoinonia"},
		{"Θέμα ψυχή", "thema-psychi"},
		{"Коммуникация", "kommunikatsiya"},
		{"Объект", "obekt"},
		{"Щука і їжак", "shchuka-i-yizhak"},
		{"Сергей", "sergey"},
		// Other scripts: each code point a group of its own.
		{"中文", "u4e2d-u6587"},
		{"中文 writing", "u4e2d-u6587-writing"},
		{"C中", "c-u4e2d"},
		{"한국", "ud55c-uad6d"},
		{"עברית", "u05e2-u05d1-u05e8-u05d9-u05ea"},
		{"ไทย", "u0e44-u0e17-u0e22"},
		{"ภาษา", "u0e20-u0e32-u0e29-u0e32"},
		{"तथ्य", "u0924-u0925-u094d-u092f"}, // the virama kept: a mark after a letter slug does not fold
		{"١٢٣", "u0661-u0662-u0663"},
		{"𝔘", "u"}, // mathematical letters are compatibility forms
		// Nothing but symbols: their code points.
		{"+++", "u002b-u002b-u002b"},
		{"🚀", "u1f680"},
		{"🚀 Launch", "launch"},
		{"", ""},
		{"   ", ""},
	} {
		got := slug(tc.name)
		if got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.name, got, tc.want)
		}
		if got != "" {
			if err := rubric.CheckID(got); err != nil {
				t.Errorf("slug(%q) = %q: %v", tc.name, got, err)
			}
		}
		if again := slug(tc.name); again != got {
			t.Errorf("slug(%q) is not deterministic: %q, %q", tc.name, got, again)
		}
	}
}

// TestSlugValid checks that every rune, alone and between letters, gives a
// valid id.
func TestSlugValid(t *testing.T) {
	for r := rune(0); r < 0x30000; r += 7 {
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r)} {
			if got := slug(s); got != "" && rubric.CheckID(got) != nil {
				t.Fatalf("slug(%q) = %q is not an id", s, got)
			}
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		bases []string
		taken []string
		want  []string
	}{
		{"distinct", []string{"a", "b"}, nil, []string{"a", "b"}},
		{"same", []string{"a", "a", "a"}, nil, []string{"a", "a-2", "a-3"}},
		// A base keeps its text where it is the first of its kind, even
		// after a suffix could have taken it.
		{"natural first", []string{"x", "x", "x-2"}, nil, []string{"x", "x-3", "x-2"}},
		{"taken", []string{"a", "a"}, []string{"a", "a-2"}, []string{"a-3", "a-4"}},
		{"interleaved", []string{"a", "b", "a", "b", "a"}, nil, []string{"a", "b", "a-2", "b-2", "a-3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			taken := map[string]bool{}
			for _, id := range tc.taken {
				taken[id] = true
			}
			got, _ := uniqueIDs(tc.bases, taken)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestUniqueIDsScale doubles adversarial inputs and checks that the ids
// looked at double too: no input makes the suffix search quadratic.
func TestUniqueIDsScale(t *testing.T) {
	inputs := map[string]func(n int) ([]string, map[string]bool){
		// Every name reduces to the same id.
		"same": func(n int) ([]string, map[string]bool) {
			return repeatN(n, func(int) string { return "x" }), nil
		},
		// The suffixes are taken already, by explicit ids.
		"suffixes taken": func(n int) ([]string, map[string]bool) {
			taken := map[string]bool{"x": true}
			for i := 2; i < n; i++ {
				taken[fmt.Sprintf("x-%d", i)] = true
			}
			return repeatN(n, func(int) string { return "x" }), taken
		},
		// Names that reduce to the suffixes of others.
		"suffixes as names": func(n int) ([]string, map[string]bool) {
			return repeatN(n, func(i int) string {
				if i%2 == 0 {
					return "x"
				}
				return fmt.Sprintf("x-%d", i/2+2)
			}), nil
		},
	}
	for name, gen := range inputs {
		t.Run(name, func(t *testing.T) {
			probes := func(n int) int {
				bases, taken := gen(n)
				ids, p := uniqueIDs(bases, taken)
				seen := map[string]bool{}
				for _, id := range ids {
					if seen[id] || taken[id] {
						t.Fatalf("id %q twice", id)
					}
					seen[id] = true
				}
				return p
			}
			small, large := probes(30000), probes(60000)
			if ratio := float64(large) / float64(small); ratio > 2.1 {
				t.Errorf("probes %d for n, %d for 2n: ratio %.2f, want about 2", small, large, ratio)
			}
		})
	}
}

func repeatN(n int, f func(int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}
