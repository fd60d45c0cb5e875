package jsonvalid

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// seeds are lines on both sides of every rule Valid checks.
var seeds = []string{
	``, ` `, `{}`, `[]`, `{ }`, `[ ]`, ` {"a":1} `, "\t{\"a\":1}\r\n", `{"a":1,}`, `[1,]`, `[,1]`, `{,}`, `{"a"}`, `{"a":}`,
	`{"a" 1}`, `{a:1}`, `{'a':1}`, `{"a":1}}`, `{"a":1}{}`, `{"a":1} x`, `[1 2]`, `{"a":1 "b":2}`, `[[[]]]`, `[[[]]`,
	`[{"a":[{"b":null}]}]`, `{"a":[1,{"b":[true,false]}]}`, `"x"`, `1`, `-0`, `-`, `01`, `-01`, `1.`, `.5`, `1.5`, `1e5`,
	`1E+5`, `1e-5`, `1e`, `1e+`, `+1`, `0x10`, `1.5e3.2`, `Infinity`, `NaN`, `true`, `false`, `null`, `tru`, `nul`,
	`truex`, `True`, `nulll`, `"\u0041"`, `"\u004"`, `"\u00zz"`, `"\uD800"`, `"\x"`, `"\'"`, `"\/"`, `"\b\f\n\r\t"`,
	"\"a\x00b\"", "\"a\x1fb\"", "\"a\x7fb\"", "\"\xff\xfe\"", "\"\xed\xa0\x80\"", `"unterminated`, `"a\"`, `"a\\"`,
	`"é€😀"`, "\"\u2028\"", `{"a":"b","c":["d","e"],"f":{"g":-1.5e-3}}`, `{"a":1,"a":2}`,
	strings.Repeat("[", 31) + strings.Repeat("]", 31), strings.Repeat("[", 32) + strings.Repeat("]", 32),
	strings.Repeat("[", 33) + "1" + strings.Repeat("]", 33), strings.Repeat("[", 40) + strings.Repeat("]", 39),
	strings.Repeat(`{"a":`, 50) + "1" + strings.Repeat("}", 50), strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
}

// TestValid checks Valid against json.Valid on the seeds, on
// random JSON and on random mutations of both.
func TestValid(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		if got, want := Valid(b), json.Valid(b); got != want {
			t.Fatalf("Valid(%q) = %v, json.Valid says %v", b, got, want)
		}
	}
	for _, s := range seeds {
		check([]byte(s))
	}
	r := rand.New(rand.NewPCG(8, 8))
	const alphabet = "{}[]:,\"\\ \t\n\r-+.0123456789eEtrufalsnx/bu\x00\x1f\x7f\xff"
	for range 200000 {
		var b []byte
		if r.IntN(2) == 0 {
			b = []byte(seeds[r.IntN(len(seeds))])
		} else {
			b = randomJSON(r, 0, nil)
		}
		check(b)
		for range r.IntN(3) {
			switch at := r.IntN(len(b) + 1); r.IntN(3) {
			case 0: // insert
				b = append(b[:at], append([]byte{alphabet[r.IntN(len(alphabet))]}, b[at:]...)...)
			case 1: // delete
				if at < len(b) {
					b = append(b[:at], b[at+1:]...)
				}
			case 2: // replace
				if at < len(b) {
					b[at] = alphabet[r.IntN(len(alphabet))]
				}
			}
			check(b)
		}
	}
}

// randomJSON appends a random JSON value to b.
func randomJSON(r *rand.Rand, depth int, b []byte) []byte {
	ws := func() {
		if r.IntN(4) == 0 {
			b = append(b, " \t\r\n"[r.IntN(4)])
		}
	}
	ws()
	switch k := r.IntN(8); {
	case k == 0 && depth < 40:
		b = append(b, '{')
		for i := range r.IntN(4) {
			if i > 0 {
				b = append(b, ',')
			}
			ws()
			b = append(b, `"k"`...)
			ws()
			b = append(b, ':')
			b = randomJSON(r, depth+1, b)
		}
		ws()
		b = append(b, '}')
	case k == 1 && depth < 40:
		b = append(b, '[')
		for i := range r.IntN(4) {
			if i > 0 {
				b = append(b, ',')
			}
			b = randomJSON(r, depth+1, b)
		}
		ws()
		b = append(b, ']')
	case k == 2:
		b = append(b, []string{`"plain"`, `"es\"c\\a\/p\b\f\n\r\t"`, `"\u00e9\uD83D\uDE00"`, `""`, `"é"`}[r.IntN(5)]...)
	case k == 3:
		b = append(b, []string{"0", "-0", "12", "-3.25", "1e9", "2.5E-3", "6e+2", "-0.0e0"}[r.IntN(8)]...)
	default:
		b = append(b, []string{"true", "false", "null"}[r.IntN(3)]...)
	}
	ws()
	return b
}

// FuzzValid: Valid agrees with json.Valid on every input.
func FuzzValid(f *testing.F) {
	for _, s := range seeds[:len(seeds)-1] {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := Valid(b), json.Valid(b); got != want {
			t.Fatalf("Valid(%q) = %v, json.Valid says %v", b, got, want)
		}
	})
}
