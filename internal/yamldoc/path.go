package yamldoc

import (
	"strconv"
	"strings"
)

// A Path names a node by the keys and indexes that lead to it from the root.
// The nil *Path is the root. Paths are immutable and share their prefixes.
type Path struct {
	parent *Path
	key    string
	index  int // -1 for a key step
}

// Key returns the path of the value under key k of the mapping at p.
func (p *Path) Key(k string) *Path { return &Path{parent: p, key: k, index: -1} }

// Index returns the path of element i of the sequence at p.
func (p *Path) Index(i int) *Path { return &Path{parent: p, index: i} }

// String renders p as in tracks[0].levels[2].expects.communication. Keys
// that are not plain words are quoted: items["a.b"].
func (p *Path) String() string {
	if p == nil {
		return ""
	}
	// Copy the steps as values, root first; keeping pointers would make
	// every path a walker passes here escape to the heap.
	type step struct {
		key   string
		index int
	}
	var buf [16]step
	steps := buf[:0]
	for q := p; q != nil; q = q.parent {
		steps = append(steps, step{q.key, q.index})
	}
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		switch {
		case s.index >= 0:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		case plainKey(s.key):
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.key)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(s.key))
			b.WriteByte(']')
		}
	}
	return b.String()
}

func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// child returns the path of key k (or, with k == "" and i >= 0, of index
// i) under p as a value, so that walkers can keep it on the stack and
// allocate only when a path is kept (see clone).
func (p *Path) child(k string, i int) Path {
	if i >= 0 {
		return Path{parent: p, index: i}
	}
	return Path{parent: p, key: k, index: -1}
}

// clone copies p to the heap, for keeping beyond the walk.
func (p *Path) clone() *Path {
	if p == nil {
		return nil
	}
	return &Path{parent: p.parent.clone(), key: p.key, index: p.index}
}

func (p *Path) steps() []*Path {
	var steps []*Path
	for q := p; q != nil; q = q.parent {
		steps = append(steps, q)
	}
	for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
		steps[i], steps[j] = steps[j], steps[i]
	}
	return steps
}
