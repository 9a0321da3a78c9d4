package document

// Token is a word or punctuation mark of the cleaned text.
type Token struct {
	Span
	// Sentence is the index into Document.Sentences of the token's sentence.
	Sentence int `json:"sentence"`
	// Kind classifies the token: "word", "number", "punct", "symbol".
	Kind string `json:"kind,omitempty"`
	// POS is a part-of-speech tag when a tagger ran.
	POS string `json:"pos,omitempty"`
}
