package document

// Quote is a direct or indirect attribution in one document.
type Quote struct {
	Span
	// Content is the span of the quoted words (inside the quote marks);
	// for reported speech, the reported clause ("that the dam cracked").
	Content Span   `json:"content"`
	Text    string `json:"text"`
	// Speaker is the speaker's name ("Sajad Jiyad"), the referent of a
	// pronoun speaker, or for unnamed sources their description ("senior
	// Shia political official"). It is empty (null) when the speaker
	// cannot be resolved with confidence; SpeakerReason then says why.
	Speaker string `json:"speaker,omitempty"`
	// SpeakerSpan covers the speaker as written ("Iraq analyst Sajad
	// Jiyad", or the pronoun "he").
	SpeakerSpan Span `json:"speaker_span"`
	// SpeakerEntity is the resolved entity id, when known.
	SpeakerEntity string `json:"speaker_entity,omitempty"`
	// Role is the speaker's title or description, when given.
	Role string `json:"role,omitempty"`
	// Direct is true for quoted words, false for reported speech
	// ("according to X", "X said that …").
	Direct bool `json:"direct"`
	// Anonymous marks unnamed sources ("a senior official",
	// "officials"), never a named one.
	Anonymous bool `json:"anonymous,omitempty"`
	// SpeakerConfidence is how sure the quote stage is of the speaker,
	// from 0 (no speaker: Speaker is empty) to 1 (a name next to a
	// speech verb).
	SpeakerConfidence float64 `json:"speaker_confidence"`
	// SpeakerReason says why Speaker is empty when the words are
	// attributed to no one with confidence ("pronoun not resolved",
	// "speaker phrase names a place", "no cue or speaker found"); it is
	// also set, as a note, when the speaker was found by resolving a
	// pronoun or continuing an earlier quote.
	SpeakerReason string `json:"speaker_reason,omitempty"`
}

// Quantity is a number in the text with what it counts.
type Quantity struct {
	Span
	Text string `json:"text"`
	// Value is the number (the lower bound for ranges and vague amounts).
	Value float64 `json:"value"`
	// Max is the upper bound for ranges, 0 when not a range.
	Max float64 `json:"max,omitempty"`
	// Qualifier is "more than", "about", "at least", "upwards of", … or "".
	Qualifier string `json:"qualifier,omitempty"`
	// Unit is what is counted, normalized to a singular noun ("gunman").
	Unit     string `json:"unit,omitempty"`
	UnitSpan Span   `json:"unit_span"`
}

// Claim is a normalized statement found in one document, built so that the
// same fact told by different reports lines up on (Subject, Predicate).
type Claim struct {
	Span
	Subject   string  `json:"subject"`
	Predicate string  `json:"predicate"`
	Value     string  `json:"value"`
	Number    float64 `json:"number,omitempty"`
	Qualifier string  `json:"qualifier,omitempty"`
	// Event names the event the claim belongs to, when known.
	Event string `json:"event,omitempty"`
	Time  string `json:"time,omitempty"`
	// Attribution is who the report says makes the claim.
	Attribution string `json:"attribution,omitempty"`
}
