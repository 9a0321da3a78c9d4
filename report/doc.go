// Package report turns an analysed story into its published output model:
// the versioned JSON schema described in docs/format.md. The writers for each
// format live in subpackages (jsonout, markdown, html, timelinejs) and all
// read the Output built here, so every format says the same thing.
package report

import (
	"sort"

	"github.com/corroborate/corroborate/document"
)

// SchemaVersion names the JSON schema the output follows. Bump the minor
// part for additions and the major part for changes that break readers.
const SchemaVersion = "corroborate/1.0"

// Output is the whole account of a story as written to JSON.
type Output struct {
	Schema        string                     `json:"schema"`
	Generator     string                     `json:"generator"`
	Documents     []Document                 `json:"documents"`
	Entities      []document.Entity          `json:"entities"`
	Timeline      []document.TimelineEntry   `json:"timeline"`
	Quotes        []Quote                    `json:"quotes"`
	Claims        []Claim                    `json:"claims"`
	Agreements    []document.Agreement       `json:"agreements"`
	Disagreements []document.Disagreement    `json:"disagreements"`
	Derivations   []document.Derivation      `json:"derivations"`
	Summary       []document.SummarySentence `json:"summary"`
	Excluded      []Excluded                 `json:"excluded"`
	Problems      []Problem                  `json:"problems"`
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
	ID           string              `json:"id"`
	Source       string              `json:"source"`
	URL          string              `json:"url,omitempty"`
	Format       document.Format     `json:"format"`
	Encoding     string              `json:"encoding,omitempty"`
	Outlet       string              `json:"outlet,omitempty"`
	OutletSource string              `json:"outlet_source,omitempty"`
	Title        string              `json:"title,omitempty"`
	Authors      []string            `json:"authors,omitempty"`
	Published    *document.Date      `json:"published"`
	Updated      *document.Date      `json:"updated,omitempty"`
	Language     string              `json:"language,omitempty"`
	Flags        []string            `json:"flags,omitempty"`
	Text         string              `json:"text"`
	Removed      []document.Removal  `json:"removed"`
	Sentences    int                 `json:"sentences"`
	Tokens       int                 `json:"tokens"`
	Mentions     []document.Mention  `json:"mentions"`
	Timexes      []document.Timex    `json:"timexes"`
	Quantities   []document.Quantity `json:"quantities"`
	// ReliesOn lists the derivation links that start at this document
	// (the reports or outlets it relays or copies).
	ReliesOn []document.Derivation `json:"relies_on"`
	Problems []string              `json:"problems,omitempty"`
}

// Quote is a quote with the document it comes from.
type Quote struct {
	Doc string `json:"doc"`
	document.Quote
}

// Claim is a claim with the document it comes from.
type Claim struct {
	Doc string `json:"doc"`
	document.Claim
}

// Problem is an error met on one input or stage, rendered as text.
type Problem struct {
	Source string `json:"source"`
	Doc    string `json:"doc,omitempty"`
	Stage  string `json:"stage"`
	Error  string `json:"error"`
}

// Build assembles the output model of s. Slices are never nil so that
// readers always see arrays.
func Build(s *document.Story, generator string) *Output {
	o := &Output{
		Schema:        SchemaVersion,
		Generator:     generator,
		Documents:     []Document{},
		Entities:      nonNil(s.Entities),
		Timeline:      nonNil(s.Timeline),
		Quotes:        []Quote{},
		Claims:        []Claim{},
		Agreements:    nonNil(s.Agreements),
		Disagreements: nonNil(s.Disagreements),
		Derivations:   nonNil(s.Derivations),
		Summary:       nonNil(s.Summary),
		Excluded:      []Excluded{},
		Problems:      []Problem{},
	}
	for _, d := range s.Excluded {
		o.Excluded = append(o.Excluded, Excluded{ID: d.ID, Source: d.Source, Title: d.Title, Flags: nonNil(d.Flags)})
	}
	for _, d := range s.Docs {
		od := Document{
			ID: d.ID, Source: d.Source, URL: d.URL, Format: d.Format, Encoding: d.Encoding,
			Outlet: d.Outlet, OutletSource: d.OutletSource, Title: d.Title, Authors: d.Authors,
			Language: d.Language, Flags: d.Flags, Text: d.Text,
			Removed:    nonNil(d.Removed),
			Sentences:  len(d.Sentences),
			Tokens:     len(d.Tokens),
			Mentions:   nonNil(d.Mentions),
			Timexes:    nonNil(d.Timexes),
			Quantities: nonNil(d.Quantities),
			ReliesOn:   []document.Derivation{},
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
		for _, p := range d.Problems {
			od.Problems = append(od.Problems, p.Stage+": "+errText(p.Err))
		}
		o.Documents = append(o.Documents, od)
		for _, q := range d.Quotes {
			o.Quotes = append(o.Quotes, Quote{Doc: d.ID, Quote: q})
		}
		for _, c := range d.Claims {
			o.Claims = append(o.Claims, Claim{Doc: d.ID, Claim: c})
		}
	}
	for _, p := range s.AllProblems() {
		o.Problems = append(o.Problems, Problem{Source: p.Source, Doc: p.Doc, Stage: p.Stage, Error: errText(p.Err)})
	}
	sort.SliceStable(o.Problems, func(i, j int) bool { return o.Problems[i].Source < o.Problems[j].Source })
	return o
}

func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
