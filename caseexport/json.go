package caseexport

// The JSON shapes of CASE 1.1, fields in the order of the specification,
// named exactly as the REST/JSON binding names them.

// linkURI is a LinkURI, and the LinkGenURI of association ends (without
// the optional targetType).
type linkURI struct {
	Title      string `json:"title"`
	Identifier string `json:"identifier"`
	URI        string `json:"uri"`
}

// cfDocument is the CFDocument of a package (a CFPckgDocument, which
// has no CFPackageURI: the package is where it is).
type cfDocument struct {
	Identifier         string              `json:"identifier"`
	URI                string              `json:"uri"`
	CaseVersion        string              `json:"caseVersion"`
	Creator            string              `json:"creator"`
	Title              string              `json:"title"`
	LastChangeDateTime string              `json:"lastChangeDateTime"`
	Description        string              `json:"description,omitempty"`
	Version            string              `json:"version,omitempty"`
	AdoptionStatus     string              `json:"adoptionStatus,omitempty"`
	Extensions         *documentExtensions `json:"extensions,omitempty"`
}

// cfItem is a CFItem of a package.
type cfItem struct {
	Identifier           string `json:"identifier"`
	URI                  string `json:"uri"`
	FullStatement        string `json:"fullStatement"`
	AbbreviatedStatement string `json:"abbreviatedStatement,omitempty"`
	HumanCodingScheme    string `json:"humanCodingScheme,omitempty"`
	CFItemType           string `json:"CFItemType"`
	Notes                string `json:"notes,omitempty"`
	LastChangeDateTime   string `json:"lastChangeDateTime"`
}

// cfAssociation is a CFAssociation of a package.
type cfAssociation struct {
	Identifier         string                 `json:"identifier"`
	AssociationType    string                 `json:"associationType"`
	SequenceNumber     int                    `json:"sequenceNumber,omitempty"`
	URI                string                 `json:"uri"`
	OriginNodeURI      linkURI                `json:"originNodeURI"`
	DestinationNodeURI linkURI                `json:"destinationNodeURI"`
	LastChangeDateTime string                 `json:"lastChangeDateTime"`
	Extensions         *associationExtensions `json:"extensions,omitempty"`
}

// cfRubric is a CFRubric.
type cfRubric struct {
	Identifier         string        `json:"identifier"`
	URI                string        `json:"uri"`
	Title              string        `json:"title"`
	Description        string        `json:"description,omitempty"`
	LastChangeDateTime string        `json:"lastChangeDateTime"`
	CFRubricCriteria   []cfCriterion `json:"CFRubricCriteria"`
}

// cfCriterion is a CFRubricCriterion.
type cfCriterion struct {
	Identifier              string               `json:"identifier"`
	URI                     string               `json:"uri"`
	Category                string               `json:"category,omitempty"`
	Description             string               `json:"description,omitempty"`
	CFItemURI               linkURI              `json:"CFItemURI"`
	Weight                  float64              `json:"weight"`
	Position                int                  `json:"position"`
	RubricID                string               `json:"rubricId"`
	LastChangeDateTime      string               `json:"lastChangeDateTime"`
	CFRubricCriterionLevels []cfCriterionLevel   `json:"CFRubricCriterionLevels"`
	Extensions              *criterionExtensions `json:"extensions,omitempty"`
}

// cfCriterionLevel is a CFRubricCriterionLevel.
type cfCriterionLevel struct {
	Identifier         string                     `json:"identifier"`
	URI                string                     `json:"uri"`
	Description        string                     `json:"description,omitempty"`
	Quality            string                     `json:"quality"`
	Score              float64                    `json:"score"`
	Position           int                        `json:"position"`
	RubricCriterionID  string                     `json:"rubricCriterionId"`
	LastChangeDateTime string                     `json:"lastChangeDateTime"`
	Extensions         []criterionLevelExtensions `json:"extensions,omitempty"`
}

// The extensions, each under the "careerladder" namespace. Each is the
// object CASE 1.1 defines as the extension of its class, except that a
// CFRubricCriterionLevel has an array of them (its schema says so), of
// which the export writes one.

type documentExtensions struct {
	Careerladder ladderRules `json:"careerladder"`
}

type associationExtensions struct {
	Careerladder expectation `json:"careerladder"`
}

type criterionExtensions struct {
	Careerladder criterionRef `json:"careerladder"`
}

type criterionLevelExtensions struct {
	Careerladder ratingRef `json:"careerladder"`
}

// ladderRules holds the ladder's rules that CASE has no place for.
type ladderRules struct {
	ID             string          `json:"id"`
	Format         string          `json:"format"`
	Thresholds     []threshold     `json:"thresholds,omitempty"`
	Titles         []title         `json:"titles,omitempty"`
	EvidencePolicy *evidencePolicy `json:"evidencePolicy,omitempty"`
	Levels         []levelRules    `json:"levels"`
}

type threshold struct {
	ID        string `json:"id"`
	Name      string `json:"name,omitempty"`
	MinPoints int    `json:"minPoints"`
}

type title struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Track           string `json:"track,omitempty"`
	TrackIdentifier string `json:"trackIdentifier,omitempty"`
	MinPoints       int    `json:"minPoints"`
	MaxPoints       *int   `json:"maxPoints,omitempty"`
}

type evidencePolicy struct {
	Window     string         `json:"window,omitempty"`
	HalfLife   string         `json:"halfLife,omitempty"`
	Sources    []sourceWeight `json:"sources,omitempty"`
	MinItems   int            `json:"minItems,omitempty"`
	MinSources int            `json:"minSources,omitempty"`
	Aggregate  string         `json:"aggregate,omitempty"`
}

type sourceWeight struct {
	Source string  `json:"source"`
	Weight float64 `json:"weight"`
}

// levelRules holds one level's rules; Identifier is its CFItem.
type levelRules struct {
	Track             string     `json:"track"`
	Level             string     `json:"level"`
	Identifier        string     `json:"identifier"`
	Grade             int        `json:"grade,omitempty"`
	TypicalExperience string     `json:"typicalExperience,omitempty"`
	Standalone        bool       `json:"standalone,omitempty"`
	Tolerance         *tolerance `json:"tolerance,omitempty"`
	Gates             []gate     `json:"gates,omitempty"`
}

// tolerance is a rubric.Tolerance with Steps resolved (never 0).
type tolerance struct {
	Count int `json:"count"`
	Steps int `json:"steps"`
}

// gate is a rubric.Gate: its text (Gate.String), kind, and raw fields.
type gate struct {
	Text          string         `json:"text"`
	Kind          string         `json:"kind"`
	ID            string         `json:"id,omitempty"`
	Description   string         `json:"description,omitempty"`
	Points        *pointsGate    `json:"points,omitempty"`
	CategoryFloor *categoryFloor `json:"categoryFloor,omitempty"`
	Evidence      *evidenceGate  `json:"evidence,omitempty"`
	NOfM          *nOfM          `json:"nOfM,omitempty"`
}

type pointsGate struct {
	Min        int      `json:"min"`
	Categories []string `json:"categories,omitempty"`
}

type categoryFloor struct {
	Category string `json:"category"`
	Min      int    `json:"min"`
}

type evidenceGate struct {
	Capability string   `json:"capability"`
	MinRating  string   `json:"minRating,omitempty"`
	Count      int      `json:"count"`
	Window     string   `json:"window,omitempty"`
	Tag        string   `json:"tag,omitempty"`
	Sources    []string `json:"sources,omitempty"`
}

type nOfM struct {
	N            int      `json:"n"`
	Capabilities []string `json:"capabilities"`
	MinRating    string   `json:"minRating"`
}

// expectation is the rating a level expects of the capability it is
// related to: a rating id or "n/a", and the CFRubricCriterionLevel of that
// rating.
type expectation struct {
	ExpectedRating           string `json:"expectedRating"`
	CriterionLevelIdentifier string `json:"criterionLevelIdentifier,omitempty"`
}

// criterionRef names the capability and scale of a criterion.
type criterionRef struct {
	Capability string `json:"capability"`
	Scale      string `json:"scale"`
}

// ratingRef names the rating of a criterion level.
type ratingRef struct {
	Rating string `json:"rating"`
}
