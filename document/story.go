package document

import (
	"fmt"
	"sort"
)

// Pos is a compact position anywhere in a story: a document's base plus a
// byte offset into its Text. The zero value, NoPos, is no position.
type Pos int

// NoPos is the zero Pos: no position.
const NoPos Pos = 0

// Citation points at bytes [Start, End) of the Text of document Doc.
type Citation struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Story is the set of documents analysed together, with the results that
// span documents. Each document gets a base so that a single Pos names a
// place anywhere in the story.
type Story struct {
	Docs []*Document
	// Excluded holds documents read but kept out of the analysis (paywalled
	// or stub pages, unless the user asks to keep them).
	Excluded []*Document
	bases    []int
	next     int
	byID     map[string]int

	Entities      []Entity          `json:"entities"`
	Timeline      []TimelineEntry   `json:"timeline"`
	Disagreements []Disagreement    `json:"disagreements"`
	Agreements    []Agreement       `json:"agreements"`
	Derivations   []Derivation      `json:"derivations"`
	Summary       []SummarySentence `json:"summary"`
	// Problems collects errors met while reading inputs that never became
	// documents, and story-level stage failures.
	Problems []Problem `json:"problems"`
}

// NewStory returns an empty story.
func NewStory() *Story { return &Story{next: 1, byID: map[string]int{}} }

// Add appends a document, gives it a base, and returns its index. Adding a
// document whose ID is already present gives it a unique ID by suffixing
// "-2", "-3", ….
func (s *Story) Add(d *Document) int {
	if s.byID == nil {
		s.byID = map[string]int{}
		if s.next == 0 {
			s.next = 1
		}
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
	s.bases = append(s.bases, s.next)
	s.byID[d.ID] = i
	s.next += len(d.Text) + 1 // +1 so a document's end and the next start differ
	return i
}

// Rebase recomputes the bases after documents' Text changed (cleaning
// happens after Add). Positions made before Rebase are invalid after it.
func (s *Story) Rebase() {
	s.next = 1
	for i, d := range s.Docs {
		s.bases[i] = s.next
		s.next += len(d.Text) + 1
	}
}

// Doc returns the document with the given id, or nil.
func (s *Story) Doc(id string) *Document {
	if i, ok := s.byID[id]; ok {
		return s.Docs[i]
	}
	return nil
}

// Pos returns the story position of byte off in document i.
func (s *Story) Pos(i, off int) Pos { return Pos(s.bases[i] + off) }

// Position returns the document index and offset of p, or -1 for NoPos or a
// position outside every document.
func (s *Story) Position(p Pos) (doc, off int) {
	if p == NoPos {
		return -1, 0
	}
	i := sort.Search(len(s.bases), func(i int) bool { return s.bases[i] > int(p) }) - 1
	if i < 0 || int(p)-s.bases[i] > len(s.Docs[i].Text) {
		return -1, 0
	}
	return i, int(p) - s.bases[i]
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

// AllProblems returns the story's problems followed by every document's, in
// order.
func (s *Story) AllProblems() []Problem {
	out := append([]Problem(nil), s.Problems...)
	for _, d := range s.Docs {
		out = append(out, d.Problems...)
	}
	return out
}
