package yamldoc

// Default limits, used where a [Limits] field is zero.
const (
	DefaultMaxBytes   = 4 << 20
	DefaultMaxDepth   = 64
	DefaultMaxNodes   = 1 << 20
	DefaultMaxAliases = 100
)

// Limits bound the work done for one document. The zero value of each field
// means its default; a negative value means no limit.
type Limits struct {
	MaxBytes   int64 // input size in bytes
	MaxDepth   int   // nesting depth of mappings and sequences
	MaxNodes   int   // nodes, counting each alias as the nodes it expands to
	MaxAliases int   // alias nodes
}

// Resolved returns l with every zero field replaced by its default.
func (l Limits) Resolved() Limits {
	if l.MaxBytes == 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxNodes == 0 {
		l.MaxNodes = DefaultMaxNodes
	}
	if l.MaxAliases == 0 {
		l.MaxAliases = DefaultMaxAliases
	}
	return l
}

func exceeds(n int64, limit int64) bool { return limit >= 0 && n > limit }
