package document

// Entity types used by the tagger and the resolver.
const (
	EntityPerson = "PERSON"
	EntityOrg    = "ORG"
	EntityLoc    = "LOC"
	EntityMisc   = "MISC"
)

// Mention is a named-entity mention found in one document.
type Mention struct {
	Span
	Text       string  `json:"text"`
	Type       string  `json:"type"`
	Confidence float64 `json:"confidence"`
	// Entity is the id of the story-level Entity this mention resolves to
	// (set by the resolver).
	Entity string `json:"entity,omitempty"`
}
