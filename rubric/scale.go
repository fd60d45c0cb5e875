package rubric

// NotApplicable is the state of a capability that does not apply. It is not
// a rating of any scale and has no rank or points.
const NotApplicable = "n/a"

// A Scale is an ordered list of ratings, lowest first.
type Scale struct {
	// ID is the stable slug capabilities use to refer to the scale.
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Name is a human-readable name.
	Name string `yaml:"name,omitempty"`
	// Description says what the scale measures.
	Description string `yaml:"description,omitempty"`
	// Ratings lists the ratings from lowest to highest.
	Ratings []Rating `yaml:"ratings" jsonschema:"minItems=1"`
}

// A Rating is one step of a scale.
type Rating struct {
	// ID is the stable slug used in expectations, descriptors and evidence.
	ID string `yaml:"id" jsonschema:"pattern=^[a-z0-9]+([._-][a-z0-9]+)*$"`
	// Label is a human-readable name such as "Proficient".
	Label string `yaml:"label,omitempty"`
	// Points is what the rating is worth in points rules. Points must not
	// fall as ratings rise.
	Points int `yaml:"points,omitempty" jsonschema:"minimum=0,maximum=1000000"`
	// Description says what the rating means across capabilities.
	Description string `yaml:"description,omitempty"`
}

// Rank returns the position of the rating id in s, lowest first, or -1 when s
// has no such rating. NotApplicable has no rank. A nil Scale has no
// ratings; so it is for every method of Scale.
func (s *Scale) Rank(id string) int {
	if s == nil {
		return -1
	}
	for i := range s.Ratings {
		if s.Ratings[i].ID == id {
			return i
		}
	}
	return -1
}

// Has reports whether id is a rating of s.
func (s *Scale) Has(id string) bool { return s.Rank(id) >= 0 }

// Points returns the points of rating id and whether s has it.
func (s *Scale) Points(id string) (int, bool) {
	if r := s.Rank(id); r >= 0 {
		return s.Ratings[r].Points, true
	}
	return 0, false
}

// Compare returns -1, 0 or +1 as rating a ranks below, equal to or above
// rating b. It returns 0 and false when either is not a rating of s.
func (s *Scale) Compare(a, b string) (int, bool) {
	ra, rb := s.Rank(a), s.Rank(b)
	if ra < 0 || rb < 0 {
		return 0, false
	}
	switch {
	case ra < rb:
		return -1, true
	case ra > rb:
		return 1, true
	}
	return 0, true
}

// Top returns the highest rating of s. It returns the zero Rating for an
// empty scale.
func (s *Scale) Top() Rating {
	if s == nil || len(s.Ratings) == 0 {
		return Rating{}
	}
	return s.Ratings[len(s.Ratings)-1]
}

// MaxPoints returns the highest points any rating of s is worth.
func (s *Scale) MaxPoints() int {
	if s == nil {
		return 0
	}
	m := 0
	for _, r := range s.Ratings {
		m = max(m, r.Points)
	}
	return m
}

// IDs returns the rating ids of s in order.
func (s *Scale) IDs() []string {
	if s == nil {
		return nil
	}
	ids := make([]string, len(s.Ratings))
	for i, r := range s.Ratings {
		ids[i] = r.ID
	}
	return ids
}

// A Descriptor says what a capability looks like at one rating. Ladders may
// describe only the ratings where a capability occurs.
type Descriptor struct {
	// Rating is the id of the rating described.
	Rating string `yaml:"rating" cl:"key"`
	// Summary is one or two sentences on the capability at this rating.
	Summary string `yaml:"summary,omitempty"`
	// Signals are observable behaviours that show the rating.
	Signals []string `yaml:"signals,omitempty"`
	// Examples are concrete pieces of work at this rating.
	Examples []string `yaml:"examples,omitempty"`
}
