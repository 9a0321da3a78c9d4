package document

// Account is the story told as a reporter would sign it: a neutral
// headline built from the main event's 5W1H, what the reports say
// happened with how many independent reports support each fact, and
// what they dispute. Every part is cited; the texts shown to people are
// tidied for display while the citations keep pointing at the original
// bytes.
type Account struct {
	Headline Headline `json:"headline"`
	// Happened are the main event's facts, best supported first.
	Happened []AccountFact `json:"happened"`
	// Disputed are the disagreements, each as a plain sentence.
	Disputed []AccountFact `json:"disputed"`
}

// Headline is a neutral headline generated from the main event's 5W1H,
// not copied from any report.
type Headline struct {
	// Text is the headline; with Fallback set it is a neutral label.
	Text string `json:"text"`
	// Parts are the elements the headline is made of, in order, each
	// with the sources behind it.
	Parts []HeadlinePart `json:"parts,omitempty"`
	// Confidence is in [0, 1]: the weakest part's confidence.
	Confidence float64 `json:"confidence"`
	// Fallback is set when the 5W1H was too thin for a headline and
	// Text is a neutral label; Reason says why.
	Fallback bool   `json:"fallback,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// HeadlinePart is one element of a headline: who ("Iraqi security
// expert Hisham al-Hashimi"), what ("killed"), where ("in Baghdad") or
// when ("on 6 July 2020").
type HeadlinePart struct {
	// Role is "who", "what", "where" or "when".
	Role      string     `json:"role"`
	Text      string     `json:"text"`
	Citations []Citation `json:"citations"`
	// Confidence is the 5W1H answer's confidence, in [0, 1].
	Confidence float64 `json:"confidence"`
}

// AccountFact is one sentence of the account with its sources and how
// many independent reports support it.
type AccountFact struct {
	// Text is the sentence as the reports have it (or as generated for
	// a disputed point); Display is the same tidied for display.
	Text    string `json:"text"`
	Display string `json:"display"`
	// About names what the fact is about, for facts from the comparison
	// ("age of Hashemi").
	About   string     `json:"about,omitempty"`
	Sources []Citation `json:"sources"`
	// Independent is how many independent reports support the fact.
	Independent int `json:"independent"`
}
