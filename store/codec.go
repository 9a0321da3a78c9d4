package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/corroborate/corroborate/document"
)

// docRecord is a Document with every layer, including those that
// document.Document keeps out of its own JSON form, and problems as
// messages.
type docRecord struct {
	ID              string                  `json:"id"`
	Source          string                  `json:"source"`
	URL             string                  `json:"url,omitempty"`
	Format          document.Format         `json:"format"`
	Encoding        string                  `json:"encoding,omitempty"`
	Outlet          string                  `json:"outlet,omitempty"`
	OutletSource    string                  `json:"outlet_source,omitempty"`
	Title           string                  `json:"title,omitempty"`
	Authors         []string                `json:"authors,omitempty"`
	Published       document.Date           `json:"published"`
	Updated         document.Date           `json:"updated"`
	Language        string                  `json:"language,omitempty"`
	Raw             string                  `json:"raw"`
	Extracted       string                  `json:"extracted"`
	ExtractedToRaw  document.Alignment      `json:"extracted_to_raw,omitempty"`
	Text            string                  `json:"text"`
	TextToExtracted document.Alignment      `json:"text_to_extracted,omitempty"`
	Removed         []document.Removal      `json:"removed,omitempty"`
	Flags           []string                `json:"flags,omitempty"`
	Paragraphs      []document.Span         `json:"paragraphs,omitempty"`
	Sentences       []document.Span         `json:"sentences,omitempty"`
	Tokens          []document.Token        `json:"tokens,omitempty"`
	Mentions        []document.Mention      `json:"mentions,omitempty"`
	Timexes         []document.Timex        `json:"timexes,omitempty"`
	Quotes          []document.Quote        `json:"quotes,omitempty"`
	Quantities      []document.Quantity     `json:"quantities,omitempty"`
	Claims          []document.Claim        `json:"claims,omitempty"`
	Events          []document.EventMention `json:"events,omitempty"`
	Coref           []document.CorefChain   `json:"coref,omitempty"`
	Problems        []problemRecord         `json:"problems,omitempty"`
}

type problemRecord struct {
	Doc     string         `json:"doc,omitempty"`
	Source  string         `json:"source"`
	Stage   string         `json:"stage"`
	Span    *document.Span `json:"span,omitempty"`
	Message string         `json:"message"`
}

// EncodeDocument serializes d with all its layers (JSON), so that
// DecodeDocument gives back a document that later stages treat as the
// original. Problems keep their message; their error type is lost.
func EncodeDocument(d *document.Document) ([]byte, error) {
	r := docRecord{
		ID: d.ID, Source: d.Source, URL: d.URL, Format: d.Format, Encoding: d.Encoding,
		Outlet: d.Outlet, OutletSource: d.OutletSource, Title: d.Title, Authors: d.Authors,
		Published: d.Published, Updated: d.Updated, Language: d.Language,
		Raw: d.Raw, Extracted: d.Extracted, ExtractedToRaw: d.ExtractedToRaw,
		Text: d.Text, TextToExtracted: d.TextToExtracted, Removed: d.Removed, Flags: d.Flags,
		Paragraphs: d.Paragraphs, Sentences: d.Sentences, Tokens: d.Tokens, Mentions: d.Mentions,
		Timexes: d.Timexes, Quotes: d.Quotes, Quantities: d.Quantities, Claims: d.Claims, Events: d.Events, Coref: d.Coref,
	}
	for _, p := range d.Problems {
		msg := ""
		if p.Err != nil {
			msg = p.Err.Error()
		}
		r.Problems = append(r.Problems, problemRecord{Doc: p.Doc, Source: p.Source, Stage: p.Stage, Span: p.Span, Message: msg})
	}
	b, err := json.Marshal(&r)
	if err != nil {
		return nil, fmt.Errorf("encoding document %s: %w", d.ID, err)
	}
	return b, nil
}

// DecodeDocument reads a document written by EncodeDocument.
func DecodeDocument(b []byte) (*document.Document, error) {
	var r docRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("decoding document record: %w", err)
	}
	d := &document.Document{
		ID: r.ID, Source: r.Source, URL: r.URL, Format: r.Format, Encoding: r.Encoding,
		Outlet: r.Outlet, OutletSource: r.OutletSource, Title: r.Title, Authors: r.Authors,
		Published: r.Published, Updated: r.Updated, Language: r.Language,
		Raw: r.Raw, Extracted: r.Extracted, ExtractedToRaw: r.ExtractedToRaw,
		Text: r.Text, TextToExtracted: r.TextToExtracted, Removed: r.Removed, Flags: r.Flags,
		Paragraphs: r.Paragraphs, Sentences: r.Sentences, Tokens: r.Tokens, Mentions: r.Mentions,
		Timexes: r.Timexes, Quotes: r.Quotes, Quantities: r.Quantities, Claims: r.Claims, Events: r.Events, Coref: r.Coref,
	}
	for _, p := range r.Problems {
		d.Problems = append(d.Problems, document.Problem{Doc: p.Doc, Source: p.Source, Stage: p.Stage, Span: p.Span, Err: errors.New(p.Message)})
	}
	return d, nil
}
