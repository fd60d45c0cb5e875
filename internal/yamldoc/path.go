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
	var steps []*Path
	for q := p; q != nil; q = q.parent {
		steps = append(steps, q)
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
