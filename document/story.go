package document

import (
	"fmt"
	"sort"
)

// Citation points at bytes [Start, End) of the Text of document Doc.
type Citation struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Story is the set of documents analysed together, with the results that
// span documents. A place in the story is a Citation: a document id and a
// byte span of its Text.
type Story struct {
	Docs []*Document
	// Excluded holds documents read but kept out of the analysis (paywalled
	// or stub pages, unless the user asks to keep them).
	Excluded []*Document
	byID     map[string]int

	Entities []Entity        `json:"entities"`
	Timeline []TimelineEntry `json:"timeline"`
	// Events are the events told in the story, each with its mentions in
	// every document.
	Events []Event `json:"events"`
	// FiveW1H answers who, what, when, where, why and how about the
	// story's main event; nil until the 5W1H stage runs.
	FiveW1H *FiveW1H `json:"fivew1h,omitempty"`
	// Account is the story told for people: a neutral headline, what
	// happened and what is disputed; nil until the account stage runs.
	Account       *Account          `json:"account,omitempty"`
	Disagreements []Disagreement    `json:"disagreements"`
	Agreements    []Agreement       `json:"agreements"`
	Derivations   []Derivation      `json:"derivations"`
	Summary       []SummarySentence `json:"summary"`
	// Problems collects errors met while reading inputs that never became
	// documents, and story-level stage failures.
	Problems []Problem `json:"problems"`
}

// NewStory returns an empty story.
func NewStory() *Story { return &Story{byID: map[string]int{}} }

// Add appends a document and returns its index. Adding a document whose ID
// is already present gives it a unique ID by suffixing "-2", "-3", ….
func (s *Story) Add(d *Document) int {
	if s.byID == nil {
		s.byID = map[string]int{}
	}
	if _, dup := s.byID[d.ID]; dup || d.ID == "" {
		base := d.ID
		if base == "" {
			base = "doc"
		}
		for n := 2; ; n++ {
			id := fmt.Sprintf("%s-%d", base, n)
			if _, ok := s.byID[id]; !ok {
				d.ID = id
				break
			}
		}
	}
	i := len(s.Docs)
	s.Docs = append(s.Docs, d)
	s.byID[d.ID] = i
	return i
}

// Doc returns the document with the given id, or nil.
func (s *Story) Doc(id string) *Document {
	if i, ok := s.byID[id]; ok {
		return s.Docs[i]
	}
	return nil
}

// Index returns the position of the document with the given id in Docs,
// or -1.
func (s *Story) Index(id string) int {
	if i, ok := s.byID[id]; ok {
		return i
	}
	return -1
}

// Cite returns the citation of span sp in document i.
func (s *Story) Cite(i int, sp Span) Citation {
	return Citation{Doc: s.Docs[i].ID, Start: sp.Start, End: sp.End}
}

// Resolve returns the document and text a citation points at, with an error
// when the document is unknown or the span lies outside its text.
func (s *Story) Resolve(c Citation) (*Document, string, error) {
	d := s.Doc(c.Doc)
	if d == nil {
		return nil, "", fmt.Errorf("citation names unknown document %q", c.Doc)
	}
	sp := Span{Start: c.Start, End: c.End}
	if !sp.Valid(len(d.Text)) {
		return d, "", fmt.Errorf("citation [%d,%d) lies outside document %q (%d bytes)", c.Start, c.End, c.Doc, len(d.Text))
	}
	return d, d.Text[c.Start:c.End], nil
}

// AddProblem records a problem that belongs to no single document.
func (s *Story) AddProblem(p Problem) { s.Problems = append(s.Problems, p) }

// AllProblems returns every problem of the story in document order: first
// those that belong to no analysed document (inputs that never became
// documents, story-level stage failures) as recorded, then each document's
// in the order of Docs, and within a document by position (problems of the
// whole document first, then by span), ties kept in recorded order.
func (s *Story) AllProblems() []Problem {
	out := append([]Problem(nil), s.Problems...)
	for _, d := range s.Docs {
		out = append(out, d.Problems...)
	}
	SortProblems(out, s.Index)
	return out
}

// SortProblems sorts ps stably in document order: by the index docIndex
// gives their Doc (problems it places at -1, or without a Doc, first),
// then by position (problems without a Span first, then by start and end).
func SortProblems(ps []Problem, docIndex func(id string) int) {
	key := func(p Problem) (int, int, int) {
		di := -1
		if p.Doc != "" {
			di = docIndex(p.Doc)
		}
		if p.Span == nil {
			return di, -1, -1
		}
		return di, p.Span.Start, p.Span.End
	}
	sort.SliceStable(ps, func(i, j int) bool {
		ai, as, ae := key(ps[i])
		bi, bs, be := key(ps[j])
		if ai != bi {
			return ai < bi
		}
		if as != bs {
			return as < bs
		}
		return ae < be
	})
}
