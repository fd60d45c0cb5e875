package yamldoc

// Default limits, used where a [Limits] field is zero.
const (
	DefaultMaxBytes   = 4 << 20
	DefaultMaxDepth   = 64
	DefaultMaxNodes   = 1 << 20
	DefaultMaxAliases = 100
	DefaultMaxIDs     = 100_000
	DefaultMaxString  = 64 << 10
	DefaultMaxReports = 1000
)

// Limits bound the work done for one document. The zero value of each field
// means its default; a negative value means no limit.
type Limits struct {
	MaxBytes   int64 // input size in bytes
	MaxDepth   int   // nesting depth of mappings and sequences
	MaxNodes   int   // nodes, counting each alias as the nodes it expands to
	MaxAliases int   // alias nodes
	MaxIDs     int   // entities with an id: id fields and keys of keyed mappings
	MaxString  int   // bytes in one scalar or key
	MaxReports int   // issues reported; the rest are summed up in one
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
	if l.MaxIDs == 0 {
		l.MaxIDs = DefaultMaxIDs
	}
	if l.MaxString == 0 {
		l.MaxString = DefaultMaxString
	}
	if l.MaxReports == 0 {
		l.MaxReports = DefaultMaxReports
	}
	return l
}

func exceeds(n int64, limit int64) bool { return limit >= 0 && n > limit }
