package document

// Layer names one kind of annotation that a stage writes into a Document or
// a Story. Stages declare the layers they require and provide, and the
// pipeline refuses a flow in which a stage reads a layer no earlier stage
// (or the input) wrote.
type Layer string

// Per-document layers, in the order the standard flow writes them.
const (
	// LayerRaw: Source, Format, Raw and the metadata an input carries
	// (ingest).
	LayerRaw Layer = "raw"
	// LayerExtracted: Extracted, its alignment, Title, Published and the
	// other metadata found in the page (extract).
	LayerExtracted Layer = "extracted"
	// LayerFlags: Flags marking paywalled and stub pages.
	LayerFlags Layer = "flags"
	// LayerText: Text, Removed and the alignment to Extracted (clean).
	LayerText Layer = "text"
	// LayerParagraphs: Paragraphs.
	LayerParagraphs Layer = "paragraphs"
	// LayerSentences: Sentences.
	LayerSentences Layer = "sentences"
	// LayerTokens: Tokens.
	LayerTokens Layer = "tokens"
	// LayerLanguage: Language.
	LayerLanguage Layer = "language"
	// LayerMentions: Mentions (named entities).
	LayerMentions Layer = "mentions"
	// LayerTimexes: Timexes.
	LayerTimexes Layer = "timexes"
	// LayerCoref: Coref, the coreference chains inside one document
	// (package coref).
	LayerCoref Layer = "coref"
	// LayerQuotes: Quotes.
	LayerQuotes Layer = "quotes"
	// LayerQuantities: Quantities.
	LayerQuantities Layer = "quantities"
	// LayerClaims: Claims.
	LayerClaims Layer = "claims"
	// LayerEventMentions: Events (the event mentions of one document).
	LayerEventMentions Layer = "event-mentions"
)

// Story layers.
const (
	// LayerStory: the documents gathered into a story, flagged ones set
	// aside into Excluded.
	LayerStory Layer = "story"
	// LayerRepeats: the story-wide index of lines repeated across
	// documents, which cleaning reads.
	LayerRepeats Layer = "repeats"
	// LayerEntities: Entities, and the entity of each mention.
	LayerEntities Layer = "entities"
	// LayerComparison: Agreements, Disagreements and Derivations.
	LayerComparison Layer = "comparison"
	// LayerEvents: the story's Events, linked across documents, and the
	// Event id of each mention.
	LayerEvents Layer = "events"
	// LayerAnchors: the story-level time anchoring over the events: each
	// Event's Date and DateSources, publication dates inferred for the
	// reports that carry none (Published.Source "inferred", with its
	// evidence), those reports' relative Timexes resolved against them
	// (Anchor "inferred-published"), and disagreements between anchors.
	LayerAnchors Layer = "anchors"
	// LayerFiveW1H: FiveW1H, the main event's who, what, when, where, why
	// and how.
	LayerFiveW1H Layer = "fivew1h"
	// LayerTimeline: Timeline.
	LayerTimeline Layer = "timeline"
	// LayerSummary: Summary.
	LayerSummary Layer = "summary"
	// LayerAccount: Account, and the Display text of the Summary.
	LayerAccount Layer = "account"
)
