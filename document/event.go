package document

// Event classes, after TimeML's EVENT classes.
const (
	EventOccurrence = "OCCURRENCE"
	EventReporting  = "REPORTING"
	EventState      = "STATE"
	EventIState     = "I_STATE"
	EventIAction    = "I_ACTION"
	EventAspectual  = "ASPECTUAL"
	EventPerception = "PERCEPTION"
)

// Event polarities.
const (
	PolarityPositive = "POS"
	PolarityNegative = "NEG"
)

// Event argument roles.
const (
	ArgAgent      = "agent"      // who acted
	ArgPatient    = "patient"    // to whom or to what
	ArgPlace      = "place"      // where
	ArgTime       = "time"       // when
	ArgInstrument = "instrument" // with what
)

// EventMention is one mention of an event in a document: its trigger
// ("killed", "assassination", "was shot dead", "raid"), what kind of event
// it names, whether the text asserts that it happened, and the arguments
// the text gives for it.
type EventMention struct {
	// Span is the trigger; Text its words.
	Span
	Text string `json:"text"`
	// Lemma is the trigger's base form ("kill" for "killed").
	Lemma string `json:"lemma"`
	// Class is one of the Event* classes.
	Class string `json:"class"`
	// Polarity is PolarityPositive or PolarityNegative ("did not claim").
	Polarity string `json:"polarity"`
	// Modality is the word that makes the event possible, wished,
	// planned or conditional rather than asserted ("could", "may",
	// "plans to"); empty when the text asserts the event.
	Modality string `json:"modality,omitempty"`
	// Sentence is the index of the sentence in Document.Sentences.
	Sentence int `json:"sentence"`
	// Args are the arguments with spans where the text gives them.
	Args []EventArg `json:"args,omitempty"`
	// Confidence is the detector's confidence in the trigger, in [0, 1].
	Confidence float64 `json:"confidence"`
	// Event is the id of the story-level Event this mention belongs to
	// (set by the cross-document linker).
	Event string `json:"event,omitempty"`
}

// Asserted reports whether the mention states that the event happened:
// positive polarity and no modality.
func (m EventMention) Asserted() bool {
	return m.Polarity != PolarityNegative && m.Modality == ""
}

// EventArg is one argument of an event mention.
type EventArg struct {
	// Role is one of the Arg* roles.
	Role string `json:"role"`
	Span
	Text string `json:"text"`
	// Entity is the story-level entity id of the argument, when it is a
	// resolved mention.
	Entity string `json:"entity,omitempty"`
	// Timex is the index in Document.Timexes of a time argument, or -1.
	Timex int `json:"timex"`
}

// EventRef is an event mention cited in its document.
type EventRef struct {
	Citation
	Text string `json:"text"`
}

// Event is one real-world event with every mention of it across the
// story's documents.
type Event struct {
	ID string `json:"id"`
	// Label is a short readable name ("killing of Hisham al-Hashimi").
	Label string `json:"label"`
	// Type is the event's class or a finer type ("attack", "arrest").
	Type string `json:"type"`
	// Date is the best-supported date with its precision; zero when
	// unknown. DateSources cite the expressions it rests on.
	Date        Date       `json:"date"`
	DateSources []Citation `json:"date_sources,omitempty"`
	// Place is the entity id of where it happened, when known.
	Place string `json:"place,omitempty"`
	// Participants are entity ids of who took part.
	Participants []string `json:"participants,omitempty"`
	// Mentions are every mention of the event in the story.
	Mentions []EventRef `json:"mentions"`
	// Reports are the ids of the documents that tell the event, and
	// Independent how many independent sources they amount to.
	Reports     []string `json:"reports"`
	Independent int      `json:"independent"`
	// Role is RoleMain or RoleBackground.
	Role string `json:"role,omitempty"`
	// Confidence is the linker's confidence that the mentions name one
	// event, in [0, 1].
	Confidence float64 `json:"confidence"`
}
