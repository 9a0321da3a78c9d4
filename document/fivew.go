package document

// FiveW1H holds the answers to the six journalistic questions about a
// story's main event: who, what, when, where, why and how. It is the
// basis of the account's headline.
type FiveW1H struct {
	// Event is the id of the story-level Event the answers describe;
	// empty when no event linker ran and the answers come from the lead
	// of the reports.
	Event string `json:"event,omitempty"`
	// Basis says what the answers rest on: "event" (the main Event, its
	// mentions and arguments) or "lead" (the reports' opening sentences).
	Basis string      `json:"basis"`
	Who   FiveWAnswer `json:"who"`
	What  FiveWAnswer `json:"what"`
	When  FiveWAnswer `json:"when"`
	Where FiveWAnswer `json:"where"`
	Why   FiveWAnswer `json:"why"`
	How   FiveWAnswer `json:"how"`
}

// FiveWAnswer is one answer, cited. An empty Text means "unknown", with
// Reason saying why.
type FiveWAnswer struct {
	Text string `json:"text,omitempty"`
	// Entity is the story-level entity id of a who or where answer, when
	// the answer is a resolved name.
	Entity string `json:"entity,omitempty"`
	// Date is the when answer as a date with its precision.
	Date *Date `json:"date,omitempty"`
	// Citations are the places in the reports the answer comes from.
	Citations []Citation `json:"citations,omitempty"`
	// Confidence is in [0, 1]; 0 for an unknown answer.
	Confidence float64 `json:"confidence"`
	// Reason says why the answer is unknown, or what it rests on when
	// the evidence is thin.
	Reason string `json:"reason,omitempty"`
}

// Known reports whether the answer has a text.
func (a FiveWAnswer) Known() bool { return a.Text != "" }
