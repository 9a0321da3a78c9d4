// Package report turns an analysed story into its output model: the
// versioned JSON schema described in docs/format.md, plus the derivations
// every writer shares (the period each timeline entry covers, quotes
// grouped by speaker, the account's title, problems in document order).
// The writers live in subpackages (jsonout, markdown, html, timelinejs);
// each reads the Output that Build returns and nothing else, so every
// format says the same thing.
package report

import (
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/timex"
)

// SchemaVersion names the JSON schema the output follows. Bump the minor
// part for additions and the major part for changes that break readers.
const SchemaVersion = "corroborate/1.1"

// Output is the whole account of a story. Fields tagged json:"-" are
// derivations for the writers and are not part of the JSON schema.
type Output struct {
	Schema    string            `json:"schema"`
	Generator string            `json:"generator"`
	Documents []Document        `json:"documents"`
	Entities  []document.Entity `json:"entities"`
	// Events are the story's events, each with its mentions in every
	// report (see document.Event).
	Events        []document.Event           `json:"events"`
	Timeline      []TimelineEntry            `json:"timeline"`
	Quotes        []Quote                    `json:"quotes"`
	Claims        []Claim                    `json:"claims"`
	Agreements    []document.Agreement       `json:"agreements"`
	Disagreements []document.Disagreement    `json:"disagreements"`
	Derivations   []document.Derivation      `json:"derivations"`
	Summary       []document.SummarySentence `json:"summary"`
	// FiveW1H answers the main event's who, what, when, where, why and
	// how, cited; absent when the 5W1H stage did not run.
	FiveW1H *document.FiveW1H `json:"fivew1h,omitempty"`
	// Account is the story told for people: the neutral headline, what
	// happened and what is disputed; absent when the account stage did
	// not run.
	Account  *document.Account `json:"account,omitempty"`
	Excluded []Excluded        `json:"excluded"`
	// Problems are every problem of the story in document order (see
	// document.Story.AllProblems).
	Problems []Problem `json:"problems"`

	// Title is the account's headline when the account stage ran, else
	// the first report's headline on one line ("" when no report has
	// one); each writer has its own fallback.
	Title string `json:"-"`
	// Speakers are the quotes grouped by speaker, most quoted first.
	Speakers []Speaker `json:"-"`

	index map[string]int
}

// Excluded is a report that was read but kept out of the analysis, with
// the flags that set it aside.
type Excluded struct {
	ID     string   `json:"id"`
	Source string   `json:"source"`
	Title  string   `json:"title,omitempty"`
	Flags  []string `json:"flags"`
}

// Document is one report in the output, with its per-document layers.
type Document struct {
	ID           string             `json:"id"`
	Source       string             `json:"source"`
	URL          string             `json:"url,omitempty"`
	Format       document.Format    `json:"format"`
	Encoding     string             `json:"encoding,omitempty"`
	Outlet       string             `json:"outlet,omitempty"`
	OutletSource string             `json:"outlet_source,omitempty"`
	Title        string             `json:"title,omitempty"`
	Authors      []string           `json:"authors,omitempty"`
	Published    *document.Date     `json:"published"`
	Updated      *document.Date     `json:"updated,omitempty"`
	Language     string             `json:"language,omitempty"`
	Flags        []string           `json:"flags,omitempty"`
	Text         string             `json:"text"`
	Removed      []document.Removal `json:"removed"`
	Sentences    int                `json:"sentences"`
	Tokens       int                `json:"tokens"`
	Mentions     []document.Mention `json:"mentions"`
	Timexes      []document.Timex   `json:"timexes"`
	// Coref are the document's coreference chains (package coref).
	Coref      []document.CorefChain `json:"coref"`
	Quantities []document.Quantity   `json:"quantities"`
	// Events are the document's event mentions.
	Events []document.EventMention `json:"events"`
	// ReliesOn lists the derivation links that start at this document
	// (the reports or outlets it relays or copies).
	ReliesOn []document.Derivation `json:"relies_on"`
	// Problems are this document's problems as "stage: error" (or
	// "stage [start,end): error" when placed), in position order.
	Problems []string `json:"problems,omitempty"`

	// Index is the document's position in Documents.
	Index int `json:"-"`
	// Extracted and TextToExtracted are the text before cleaning and the
	// alignment of Text into it, for writers that show removed
	// boilerplate in place.
	Extracted       string             `json:"-"`
	TextToExtracted document.Alignment `json:"-"`
}

// TimelineEntry is a timeline entry with the stretch of time its date
// names.
type TimelineEntry struct {
	document.TimelineEntry
	// Period is what timex.ParseValue reads from Date; nil when Date
	// cannot be read.
	Period *timex.Period `json:"-"`
}

// Quote is a quote with the document it comes from, and where other
// reports carry the same words or another version of them.
type Quote struct {
	Doc string `json:"doc"`
	document.Quote
	// Relayed cites the quotes of other reports with the same words (the
	// same quote relayed).
	Relayed []document.Citation `json:"relayed,omitempty"`
	// Versions cites the quotes of other reports by the same speaker
	// that say the same thing in other words (a paraphrase or a
	// different wording).
	Versions []document.Citation `json:"versions,omitempty"`
	// RelayedMore and VersionsMore count the further relayed quotes and
	// versions past the first 25 of each list, which are not cited.
	RelayedMore  int `json:"relayed_more,omitempty"`
	VersionsMore int `json:"versions_more,omitempty"`
}

// Claim is a claim with the document it comes from.
type Claim struct {
	Doc string `json:"doc"`
	document.Claim
}

// Problem is an error met on one input or stage, rendered as text, with
// the span of the document's text it applies to when known.
type Problem struct {
	Source string `json:"source"`
	Doc    string `json:"doc,omitempty"`
	Stage  string `json:"stage"`
	Error  string `json:"error"`
	// Start and End place the problem in the text of Doc, when known.
	Start *int `json:"start,omitempty"`
	End   *int `json:"end,omitempty"`
}

// Citation returns where the problem lies, or false when it has no place.
func (p Problem) Citation() (document.Citation, bool) {
	if p.Doc == "" || p.Start == nil || p.End == nil {
		return document.Citation{}, false
	}
	return document.Citation{Doc: p.Doc, Start: *p.Start, End: *p.End}, true
}

// Unattributed is the name of the group of quotes with no known speaker.
const Unattributed = "(speaker not identified)"

// Speaker is one speaker's quotes, in document order.
type Speaker struct {
	// Name is the resolved entity's name, else the speaker as first
	// written, else Unattributed.
	Name string
	// Entity is the resolved entity's id, when known.
	Entity string
	// Attributed is false for the group of quotes with no speaker.
	Attributed bool
	// Names are the names the reports use for the speaker ("Mustafa
	// al-Kadhimi", "al-Kazimi") and Roles the titles and descriptions
	// ("new Iraqi Prime Minister"), each once, in order of appearance.
	Names, Roles []string
	Quotes       []Quote
}
