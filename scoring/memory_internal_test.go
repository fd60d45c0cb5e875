package scoring

import (
	"testing"

	"github.com/careerladder/careerladder/evidence"
)

// TestMaxKept checks that AssessAll keeps the memory of a person of a
// few hundred items from one batch to the next and lets go of that of a
// person of several thousand.
func TestMaxKept(t *testing.T) {
	s := compileRef(t, "cto.yaml")
	asOf := evidence.Date{Year: 2026, Month: 11, Day: 27}
	c := s.caps[0]
	person := func(n int) evidence.Input {
		in := evidence.Input{Person: "p"}
		for i := range n {
			in.Evidence = append(in.Evidence, evidence.Item{ID: "e" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)),
				Capability: c.id, Rating: c.ratings[i%len(c.ratings)], Date: asOf.AddDays(-i % 700), Source: "peer"})
		}
		return in
	}
	var b ResultBuffer
	s.AssessInto(&b, person(300), asOf)
	if n := b.mem.bytes(); n > maxKept {
		t.Errorf("300 items take %d bytes, more than the %d kept", n, maxKept)
	}
	s.AssessInto(&b, person(5000), asOf)
	if n := b.mem.bytes(); n <= maxKept {
		t.Errorf("5,000 items take %d bytes, no more than the %d kept", n, maxKept)
	}
	b.Reset()
	if n := b.mem.bytes(); n != 0 {
		t.Errorf("after Reset: %d bytes", n)
	}
}
