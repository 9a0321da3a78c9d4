package document

// Timex is a normalized time expression in a document.
type Timex struct {
	Span
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET (TIMEX3).
	Type string `json:"type"`
	// Value is a TIMEX3 value: 2020-07-06, 2020-06, 2019-Q4, 2020-W27, P2W …
	Value string `json:"value"`
	// Mod is a TIMEX3 modifier (START, MID, END, APPROX, …).
	Mod       string    `json:"mod,omitempty"`
	Precision Precision `json:"precision"`
	// Anchor says what the value was resolved against ("published",
	// "absolute", …).
	Anchor string `json:"anchor,omitempty"`
}
