package document

// Entity is one real-world referent resolved across documents.
type Entity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	// Roles are titles and descriptions seen with the name ("Prime Minister").
	Roles    []string        `json:"roles,omitempty"`
	Aliases  []Alias         `json:"aliases"`
	Mentions []EntityMention `json:"mentions"`
}

// Alias is one spelling of an entity with its count per document.
type Alias struct {
	Text   string         `json:"text"`
	Counts map[string]int `json:"counts"`
}

// EntityMention is a mention of an entity cited in its document.
type EntityMention struct {
	Citation
	Text string `json:"text"`
}

// TimelineEntry is one dated event, merged across the reports that tell it.
type TimelineEntry struct {
	Date      string     `json:"date"`
	Precision Precision  `json:"precision"`
	Label     string     `json:"label"`
	Text      string     `json:"text"`
	Entities  []string   `json:"entities,omitempty"`
	Sources   []Citation `json:"sources"`
	// Role says whether the entry belongs to the story's main event and
	// its aftermath (RoleMain) or is an earlier event the reports recall
	// (RoleBackground).
	Role string `json:"role,omitempty"`
	// Event is the id of the story event (Story.Events) the entry tells,
	// when it was built from one; Sources then cite one sentence of every
	// report that tells the event.
	Event string `json:"event,omitempty"`
}

// Timeline entry roles.
const (
	RoleMain       = "main"
	RoleBackground = "background"
)

// ClaimValue is one value given for a claim, with the documents that give
// it.
type ClaimValue struct {
	Value   string     `json:"value"`
	Sources []Citation `json:"sources"`
	// Independent is how many independent sources give this value, after
	// derivation links are taken into account.
	Independent int `json:"independent"`
}

// Disagreement is a claim on which the reports give different values.
type Disagreement struct {
	About  string       `json:"about"`
	Values []ClaimValue `json:"values"`
	// Conservative is the value a careful summary would use, with Note
	// saying why.
	Conservative string `json:"conservative,omitempty"`
	Note         string `json:"note,omitempty"`
}

// Agreement is a claim on which several reports give the same value.
type Agreement struct {
	About string     `json:"about"`
	Value ClaimValue `json:"value"`
}

// Derivation says that document From relays or copies document or outlet
// To.
type Derivation struct {
	From string `json:"from"`
	// To is a document id when the source is in the story, else empty.
	To string `json:"to,omitempty"`
	// Outlet names the relayed outlet when it is not in the story.
	Outlet string `json:"outlet,omitempty"`
	// Kind is "attribution" (told the Washington Post) or "shared-text".
	Kind     string     `json:"kind"`
	Score    float64    `json:"score,omitempty"`
	Evidence []Citation `json:"evidence,omitempty"`
}

// SummarySentence is one sentence of the story summary with every source
// that says it.
type SummarySentence struct {
	Text string `json:"text"`
	// Display is Text tidied for people to read (see package account);
	// empty until the account stage runs.
	Display string     `json:"display,omitempty"`
	Sources []Citation `json:"sources"`
}
