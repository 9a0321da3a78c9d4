package report

import (
	"fmt"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/timex"
)

// Build assembles the output model of s. Slices are never nil so that
// readers always see arrays.
func Build(s *document.Story, generator string) *Output {
	o := &Output{
		Schema:        SchemaVersion,
		Generator:     generator,
		Documents:     []Document{},
		Entities:      nonNil(s.Entities),
		Events:        nonNil(s.Events),
		Timeline:      []TimelineEntry{},
		Quotes:        []Quote{},
		Claims:        []Claim{},
		Agreements:    nonNil(s.Agreements),
		Disagreements: nonNil(s.Disagreements),
		Derivations:   nonNil(s.Derivations),
		Summary:       nonNil(s.Summary),
		FiveW1H:       s.FiveW1H,
		Account:       s.Account,
		Excluded:      []Excluded{},
		Problems:      []Problem{},
		index:         map[string]int{},
	}
	for _, d := range s.Excluded {
		o.Excluded = append(o.Excluded, Excluded{ID: d.ID, Source: d.Source, Title: d.Title, Flags: nonNil(d.Flags)})
	}
	for i, d := range s.Docs {
		o.index[d.ID] = i
		o.Documents = append(o.Documents, buildDocument(s, i, d))
		if o.Title == "" {
			o.Title = oneLine(d.Title)
		}
		for _, q := range d.Quotes {
			if q.Text == "" {
				// the quoted words, else the whole quote
				if q.Text = d.Slice(q.Content); q.Text == "" {
					q.Text = d.Slice(q.Span)
				}
			}
			o.Quotes = append(o.Quotes, Quote{Doc: d.ID, Quote: q})
		}
		for _, c := range d.Claims {
			o.Claims = append(o.Claims, Claim{Doc: d.ID, Claim: c})
		}
	}
	if s.Account != nil && s.Account.Headline.Text != "" {
		o.Title = oneLine(s.Account.Headline.Text)
	}
	for _, e := range s.Timeline {
		te := TimelineEntry{TimelineEntry: e}
		if p, err := timex.ParseValue(e.Date); err == nil {
			te.Period = &p
		}
		o.Timeline = append(o.Timeline, te)
	}
	for _, p := range s.AllProblems() {
		op := Problem{Source: p.Source, Doc: p.Doc, Stage: p.Stage, Error: errText(p.Err)}
		if p.Span != nil {
			start, end := p.Span.Start, p.Span.End
			op.Start, op.End = &start, &end
		}
		o.Problems = append(o.Problems, op)
	}
	linkQuotes(o.Quotes)
	o.Speakers = groupSpeakers(o.Quotes, o.Entities)
	return o
}

func buildDocument(s *document.Story, i int, d *document.Document) Document {
	od := Document{
		ID: d.ID, Source: d.Source, URL: d.URL, Format: d.Format, Encoding: d.Encoding,
		Outlet: d.Outlet, OutletSource: d.OutletSource, Title: d.Title, Authors: d.Authors,
		Language: d.Language, Flags: d.Flags, Text: d.Text,
		Removed:    nonNil(d.Removed),
		Sentences:  len(d.Sentences),
		Tokens:     len(d.Tokens),
		Mentions:   nonNil(d.Mentions),
		Timexes:    nonNil(d.Timexes),
		Coref:      nonNil(d.Coref),
		Quantities: nonNil(d.Quantities),
		Events:     nonNil(d.Events),
		ReliesOn:   []document.Derivation{},
		Index:      i, Extracted: d.Extracted, TextToExtracted: d.TextToExtracted,
	}
	for _, dv := range s.Derivations {
		if dv.From == d.ID {
			od.ReliesOn = append(od.ReliesOn, dv)
		}
	}
	if !d.Published.IsZero() {
		p := d.Published
		od.Published = &p
	}
	if !d.Updated.IsZero() {
		u := d.Updated
		od.Updated = &u
	}
	ps := append([]document.Problem(nil), d.Problems...)
	document.SortProblems(ps, s.Index)
	for _, p := range ps {
		if p.Span != nil {
			od.Problems = append(od.Problems, fmt.Sprintf("%s [%d,%d): %s", p.Stage, p.Span.Start, p.Span.End, errText(p.Err)))
		} else {
			od.Problems = append(od.Problems, p.Stage+": "+errText(p.Err))
		}
	}
	return od
}

// Doc returns the document with the given id, or nil.
func (o *Output) Doc(id string) *Document {
	if i := o.DocIndex(id); i >= 0 {
		return &o.Documents[i]
	}
	return nil
}

// DocIndex returns the position in Documents of the document with the
// given id, or -1.
func (o *Output) DocIndex(id string) int {
	if o.index == nil {
		o.index = map[string]int{}
		for i, d := range o.Documents {
			o.index[d.ID] = i
		}
	}
	if i, ok := o.index[id]; ok {
		return i
	}
	return -1
}

// Resolve returns the text citation c points at, with an error when the
// document is unknown or the span lies outside its text.
func (o *Output) Resolve(c document.Citation) (string, error) {
	d := o.Doc(c.Doc)
	if d == nil {
		return "", fmt.Errorf("citation names unknown document %q", c.Doc)
	}
	sp := document.Span{Start: c.Start, End: c.End}
	if !sp.Valid(len(d.Text)) {
		return "", fmt.Errorf("citation [%d,%d) lies outside document %q (%d bytes)", c.Start, c.End, c.Doc, len(d.Text))
	}
	return d.Text[c.Start:c.End], nil
}

func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
