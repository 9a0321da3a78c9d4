// Package document holds the central values of Corroborate: the Document that
// every per-document stage enriches, the Story that groups documents and gives
// each one a base so that one integer position names a place anywhere in the
// story (in the spirit of go/token's FileSet), spans, citations, and the
// annotation layers each stage writes.
//
// The cleaned text of a document is its single coordinate system: every
// annotation is a half-open span [Start, End) of byte offsets into Text.
// Alignments lead from Text back to the extracted text, and from the
// extracted text back to the decoded source bytes.
package document

import (
	"errors"
	"fmt"
	"time"
)

// Span is a half-open byte range [Start, End) into a document's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether the span lies inside a text of length n.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Precision says how exactly a date is known.
type Precision string

// Precisions from finest to coarsest.
const (
	PrecisionTime    Precision = "time"
	PrecisionDay     Precision = "day"
	PrecisionWeek    Precision = "week"
	PrecisionMonth   Precision = "month"
	PrecisionSeason  Precision = "season"
	PrecisionQuarter Precision = "quarter"
	PrecisionYear    Precision = "year"
	PrecisionDecade  Precision = "decade"
	PrecisionUnknown Precision = ""
)

// Date is a point in time known to some precision, with a note of where it
// came from ("html-meta", "json-ld", "dateline", "byline", "record", "url",
// "user", …). Value is a TIMEX3-style string such as 2020-07-06, 2020-07,
// 2020-W27, 2019-Q4 or 2020.
type Date struct {
	Value     string    `json:"value"`
	Time      time.Time `json:"time"`
	Precision Precision `json:"precision"`
	Source    string    `json:"source,omitempty"`
	// Earliest and Latest bound a date known only to an interval, as
	// yyyy-mm-dd days (both included): a publication date inferred from
	// "Monday" alone may be any day of a week. Value is then the
	// narrowest calendar value holding the interval, Time its first day,
	// and Precision the interval's width (week for up to seven days).
	// Both are empty for a date known as Value says.
	Earliest string `json:"earliest,omitempty"`
	Latest   string `json:"latest,omitempty"`
	// Evidence cites what an inferred date rests on: the report's own
	// time expression and the other reports' expressions that date the
	// same event.
	Evidence []Citation `json:"evidence,omitempty"`
	// Note says in words how an inferred date was reached.
	Note string `json:"note,omitempty"`
}

// Date sources set by inference rather than read from the input.
const (
	// SourceInferred marks a publication date inferred by the story-level
	// anchoring from events other reports date (package anchor).
	SourceInferred = "inferred"
)

// Equal reports whether d and o are the same date from the same source,
// evidence and note included (Date holds a slice, so == does not apply).
func (d Date) Equal(o Date) bool {
	if d.Value != o.Value || !d.Time.Equal(o.Time) || d.Precision != o.Precision || d.Source != o.Source ||
		d.Earliest != o.Earliest || d.Latest != o.Latest || d.Note != o.Note || len(d.Evidence) != len(o.Evidence) {
		return false
	}
	for i := range d.Evidence {
		if d.Evidence[i] != o.Evidence[i] {
			return false
		}
	}
	return true
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Value == "" && d.Time.IsZero() }

// DayDate returns a day-precision date for t from the given source.
func DayDate(t time.Time, source string) Date {
	return Date{Value: t.Format("2006-01-02"), Time: t, Precision: PrecisionDay, Source: source}
}

// Format names the kind of bytes a document was read from.
type Format string

// Input formats.
const (
	FormatText   Format = "text"
	FormatHTML   Format = "html"
	FormatRecord Format = "record" // a JSON / JSONL record with fields
)

// Document is one report. Stages fill its fields in flow order: ingest sets
// the source fields and Raw; extract sets Extracted and metadata; clean sets
// Text, Removed and the alignment; annotators add layers.
type Document struct {
	// ID is unique within a story and stable for the same input (see NewID).
	ID string `json:"id"`
	// Source is the path or URL exactly as the user gave it (with "#N" for
	// the N-th record of a JSONL file).
	Source string `json:"source"`
	// URL is the article's canonical URL when known.
	URL string `json:"url,omitempty"`
	// Format is what the input bytes were.
	Format Format `json:"format"`
	// Encoding is the character encoding the input was decoded from.
	Encoding string `json:"encoding,omitempty"`

	Outlet       string   `json:"outlet,omitempty"`
	OutletSource string   `json:"outlet_source,omitempty"`
	Title        string   `json:"title,omitempty"`
	Authors      []string `json:"authors,omitempty"`
	Published    Date     `json:"published"`
	Updated      Date     `json:"updated"`
	Language     string   `json:"language,omitempty"`

	// Raw is the decoded (UTF-8) source: the HTML or text as read.
	Raw string `json:"-"`
	// Extracted is the article text before cleaning: main text from HTML, or
	// the body of a text file or record. Paragraphs are separated by "\n\n".
	Extracted string `json:"-"`
	// ExtractedToRaw maps offsets of Extracted back to Raw (may be empty when
	// no alignment is known, e.g. text pulled out of HTML markup).
	ExtractedToRaw Alignment `json:"-"`
	// Text is the cleaned text: the coordinate system of every layer.
	Text string `json:"text"`
	// TextToExtracted maps offsets of Text back to Extracted.
	TextToExtracted Alignment `json:"-"`
	// Removed lists what cleaning took out, in Extracted coordinates.
	Removed []Removal `json:"removed"`

	// Flags marks documents that are not usable reporting (paywall, stub).
	Flags []string `json:"flags,omitempty"`

	// Layers written by per-document stages, all in Text coordinates.
	Paragraphs []Span    `json:"-"`
	Sentences  []Span    `json:"-"`
	Tokens     []Token   `json:"-"`
	Mentions   []Mention `json:"-"`
	Timexes    []Timex   `json:"-"`
	// Coref are the coreference chains inside this document: names,
	// descriptions, appositives and pronouns of one referent.
	Coref      []CorefChain `json:"-"`
	Quotes     []Quote      `json:"-"`
	Quantities []Quantity   `json:"-"`
	Claims     []Claim      `json:"-"`
	// Events are the event mentions (triggers, classes, arguments).
	Events []EventMention `json:"-"`

	// Problems are the errors met while processing this document. A
	// document with problems stays in the story; stages that cannot run on
	// it leave their layer empty.
	Problems []Problem `json:"problems,omitempty"`
}

// Slice returns the text under span s, or "" if s is out of range.
func (d *Document) Slice(s Span) string {
	if !s.Valid(len(d.Text)) {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// RawSpan maps a span of Text back to the bytes of Raw it came from,
// through the cleaning and extraction alignments. It reports false when
// either end has no origin (text assembled from HTML markup, say).
func (d *Document) RawSpan(s Span) (Span, bool) {
	ext, ok := d.TextToExtracted.MapSpan(s)
	if !ok {
		return Span{}, false
	}
	return d.ExtractedToRaw.MapSpan(ext)
}

// AddProblem records an error met by stage on this document. When err
// carries a span (see ErrorAt), the problem is placed there.
func (d *Document) AddProblem(stage string, err error) {
	p := Problem{Doc: d.ID, Source: d.Source, Stage: stage, Err: err}
	var at *SpanError
	if errors.As(err, &at) {
		sp := at.Span
		p.Span = &sp
	}
	d.Problems = append(d.Problems, p)
}

// HasFlag reports whether the document carries flag f.
func (d *Document) HasFlag(f string) bool {
	for _, x := range d.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// Document flags.
const (
	FlagPaywall = "paywall"
	FlagStub    = "stub"
)

// Removal is a piece of boilerplate that cleaning took out of Extracted.
type Removal struct {
	Span
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Problem is an error attached to one input or document and one stage.
type Problem struct {
	Doc    string `json:"doc,omitempty"`
	Source string `json:"source"`
	Stage  string `json:"stage"`
	// Span is where in the Text of document Doc the problem lies, when
	// known (nil: the whole input or document).
	Span *Span `json:"span,omitempty"`
	Err  error `json:"-"`
}

// Error formats the problem as "source: stage: error", or
// "source [start,end): stage: error" when it has a span.
func (p Problem) Error() string {
	if p.Span != nil {
		return fmt.Sprintf("%s [%d,%d): %s: %v", p.Source, p.Span.Start, p.Span.End, p.Stage, p.Err)
	}
	return fmt.Sprintf("%s: %s: %v", p.Source, p.Stage, p.Err)
}

// SpanError is an error that applies to a span of a document's Text. A
// stage returns one (through ErrorAt) to place the problem it reports.
type SpanError struct {
	Span Span
	Err  error
}

// ErrorAt returns err placed at span sp of the document's Text.
func ErrorAt(sp Span, err error) error { return &SpanError{Span: sp, Err: err} }

// Error returns the message of the wrapped error (the span is shown by the
// Problem that holds it).
func (e *SpanError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("error at [%d,%d)", e.Span.Start, e.Span.End)
	}
	return e.Err.Error()
}

// Unwrap returns the wrapped error.
func (e *SpanError) Unwrap() error { return e.Err }

// Unwrap returns the underlying error.
func (p Problem) Unwrap() error { return p.Err }

// MarshalText renders the problem as its message (for JSON output).
func (p Problem) MarshalText() ([]byte, error) { return []byte(p.Error()), nil }
