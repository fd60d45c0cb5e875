package scoring

import (
	"unsafe"

	"github.com/careerladder/careerladder/evidence"
)

// A ResultBuffer holds a Result and the memory behind its slices, so that
// one person after another can be assessed without allocating each result
// anew (see [Scorer.AssessInto]). The zero value is ready to use. A
// ResultBuffer must not be copied after first use, nor used by two
// goroutines at once.
type ResultBuffer struct {
	_   noCopy
	res Result
	mem memory
}

// noCopy lets go vet's copylocks check report copies of a value that
// holds it.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// AssessInto assesses in as [Scorer.Assess] does into b, for results used
// up before the next (written out, summed up): the result and its slices
// are valid until b's next use, its strings for good. Once b has grown to
// fit, an assessment allocates one string a gap. A nil b gets a buffer of
// its own; b keeps the memory of the largest result it held until Reset.
func (s *Scorer) AssessInto(b *ResultBuffer, in evidence.Input, asOf evidence.Date) (*Result, error) {
	if err := s.usable(asOf); err != nil {
		return nil, err
	}
	if b == nil {
		b = new(ResultBuffer)
	}
	s.assessInto(b, in, asOf)
	return &b.res, nil
}

// assessInto is AssessInto once its arguments are checked.
func (s *Scorer) assessInto(b *ResultBuffer, in evidence.Input, asOf evidence.Date) {
	b.mem.reset()
	b.mem.reuse = true
	b.res = s.assess(in, asOf, &b.mem)
}

// Reset empties b and lets go of its memory.
func (b *ResultBuffer) Reset() { *b = ResultBuffer{} }

// maxKept is the most memory a ResultBuffer of AssessAll keeps from one
// batch to the next (a person of about 2,000 items); a bigger one starts
// afresh, so that a few people with many items do not leave every buffer
// of the stream at their size.
const maxKept = 64 << 10

// memory is where an evaluation allocates its result. Fresh memory (reuse
// false) allocates every slice anew and exactly to size, as a Result that
// the caller keeps needs. Reused memory takes each slice from a slab of
// its type that lives from one result to the next, and grows a slab, by
// starting a bigger one, when it runs out; the slices of the result before
// are then overwritten.
type memory struct {
	reuse   bool
	strs    []string
	caps    []CapabilityResult
	sums    []EvidenceSummary
	views   []View
	ratings []RatingTrace
	trace   []ItemTrace
	tracks  []TrackResult
	parts   []trackParts
	names   []Named
	checks  []Check
	changes []Change
	needs   []EvidenceNeed
	cats    []CategoryPoints
}

// bytes returns the size of m's slabs.
func (m *memory) bytes() int {
	return slabBytes(m.strs) + slabBytes(m.caps) + slabBytes(m.sums) + slabBytes(m.views) +
		slabBytes(m.ratings) + slabBytes(m.trace) + slabBytes(m.tracks) + slabBytes(m.parts) +
		slabBytes(m.names) + slabBytes(m.checks) + slabBytes(m.changes) + slabBytes(m.needs) + slabBytes(m.cats)
}

func slabBytes[T any](s []T) int {
	var zero T
	return cap(s) * int(unsafe.Sizeof(zero))
}

// reset empties every slab for the next result.
func (m *memory) reset() {
	m.strs, m.caps, m.sums, m.views = m.strs[:0], m.caps[:0], m.sums[:0], m.views[:0]
	m.ratings, m.trace, m.tracks, m.parts = m.ratings[:0], m.trace[:0], m.tracks[:0], m.parts[:0]
	m.names, m.checks, m.changes, m.needs = m.names[:0], m.checks[:0], m.changes[:0], m.needs[:0]
	m.cats = m.cats[:0]
}

// alloc returns n zeroed elements of a result's slice, from slab when m is
// reused; never nil, so that empty lists stay lists in JSON.
func alloc[T any](m *memory, slab *[]T, n int) []T {
	if !m.reuse {
		return make([]T, n)
	}
	s := take(slab, n)
	if s == nil {
		s = []T{}
	}
	return s
}
