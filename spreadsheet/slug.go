package spreadsheet

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slug turns a name into an id (see "Ids from names" in the package
// documentation): letters and digits of the Latin alphabet folded to a-z
// and 0-9, Greek and Cyrillic letters transliterated, every other letter,
// digit or mark written as its code point in hex (u4e2d), each such code
// point a group of its own; every run of anything else one '-', none at
// either end. A name with no letters or digits gives the code points of
// its characters other than spaces, so only an empty or blank name gives
// the empty id.
func slug(s string) string {
	var b strings.Builder
	dash := false     // a separator is due before the next group
	foldable := false // the last letter written was folded, so marks after it are accents
	group := func(g string, alone bool) {
		if b.Len() > 0 && (dash || alone) {
			b.WriteByte('-')
		}
		b.WriteString(g)
		dash = alone
	}
	for _, r := range norm.NFKC.String(s) {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			group(string(r), false)
			foldable = true
		case r == '\'' || r == '\u2019':
			// Apostrophes join: "Don't" is dont.
		case hasFolding(r):
			if f := folded[r]; f != "" {
				group(f, false)
			}
			foldable = true
		case unicode.IsMark(r):
			if !foldable {
				group(hexRune(r), true)
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if base, ok := latinBase(r); ok {
				group(base, false)
				foldable = true
				continue
			}
			group(hexRune(r), true)
			foldable = false
		default:
			dash = true
			foldable = false
		}
	}
	if b.Len() == 0 {
		for _, r := range s {
			if !unicode.IsSpace(r) {
				group(hexRune(r), true)
			}
		}
	}
	return b.String()
}

// latinBase returns the folding of a letter that decomposes into a letter
// slug keeps and combining marks, as é into e and an acute accent.
func latinBase(r rune) (string, bool) {
	d := norm.NFKD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		c = unicode.ToLower(c)
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
		case hasFolding(c):
			b.WriteString(folded[c])
		case unicode.IsMark(c):
		default:
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// hexRune writes r as u and its code point in lower-case hex, at least
// four digits.
func hexRune(r rune) string {
	h := strconv.FormatInt(int64(r), 16)
	if len(h) < 4 {
		h = strings.Repeat("0", 4-len(h)) + h
	}
	return "u" + h
}

func hasFolding(r rune) bool { _, ok := folded[r]; return ok }

// folded maps lower-case letters that do not decompose into a base letter
// and accents to their ASCII spelling: Latin letters of their own (ß, æ,
// ø, ł, ...), and the Greek and Cyrillic alphabets, transliterated letter
// by letter (Greek after ELOT 743, Cyrillic after the common English
// spelling of Russian, Ukrainian, Belarusian, Bulgarian, Serbian and
// Macedonian). Accented Greek and Cyrillic letters decompose to these.
var folded = map[rune]string{
	// Latin.
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'þ': "th",
	'ł': "l", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng", 'ĸ': "k", 'ƒ': "f",
	'ə': "e", 'ɛ': "e", 'ɔ': "o", 'ʃ': "sh", 'ʒ': "zh", 'ɨ': "i", 'ʉ': "u",
	'ƀ': "b", 'ɓ': "b", 'ɗ': "d", 'ƙ': "k", 'ƴ': "y", 'ȥ': "z",
	// Greek.
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	// Cyrillic.
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
	'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y",
	'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'ё': "e",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz",
	'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
}

// uniqueIDs returns an id for each base, in order, none of them in taken
// and no two alike: a base keeps its own text where it is the first of its
// kind and not taken; the others get the first free base-2, base-3, ...
// Each base remembers where its search stopped, so the whole costs time in
// proportion to the number of bases (a search steps over an id at most
// once): no sheet makes it quadratic. probes counts the ids looked at, for
// the tests.
func uniqueIDs(bases []string, taken map[string]bool) (ids []string, probes int) {
	used := make(map[string]bool, len(taken)+len(bases))
	for id := range taken {
		used[id] = true
	}
	ids = make([]string, len(bases))
	var again []int
	for i, b := range bases {
		probes++
		if used[b] {
			again = append(again, i)
			continue
		}
		used[b] = true
		ids[i] = b
	}
	next := map[string]int{}
	for _, i := range again {
		b := bases[i]
		n := max(next[b], 2)
		for {
			probes++
			id := b + "-" + strconv.Itoa(n)
			n++
			if !used[id] {
				used[id] = true
				ids[i] = id
				break
			}
		}
		next[b] = n
	}
	return ids, probes
}
