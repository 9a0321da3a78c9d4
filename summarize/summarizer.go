package summarize

import (
	"context"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// Summarizer is the cross-document summary stage.
type Summarizer struct {
	opts Options
}

// New returns a summarizer with opts (zero fields take their defaults).
func New(opts Options) *Summarizer { return &Summarizer{opts: opts.withDefaults()} }

// Link writes s.Summary. Reports flagged as paywalled or stubs are left
// out unless nothing else is left.
func (z *Summarizer) Link(ctx context.Context, s *document.Story) error {
	if s == nil {
		return fmt.Errorf("summarize: summarizing a nil story")
	}
	sum, err := z.Summarize(ctx, s)
	if err != nil {
		return err
	}
	s.Summary = sum
	return nil
}

// Summarize returns the summary of s without storing it.
func (z *Summarizer) Summarize(ctx context.Context, s *document.Story) ([]document.SummarySentence, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	docs := usable(s.Docs)
	if len(docs) == 0 {
		return nil, nil
	}
	for _, d := range docs {
		if len(d.Sentences) == 0 && strings.TrimSpace(d.Text) != "" {
			return nil, fmt.Errorf("summarize: document %s has no sentences (the text stage must run first)", d.ID)
		}
	}
	all := collect(docs, z.opts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	score(all, copyGroups(s, docs), z.opts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []document.SummarySentence
	for _, st := range choose(all, z.opts) {
		out = append(out, document.SummarySentence{Text: st.text, Sources: z.cite(st, docs)})
	}
	return out, nil
}

// cite returns the chosen sentence's own citation followed by the
// sentences of other reports that say the same thing, most similar first.
func (z *Summarizer) cite(st *sentence, docs []*document.Document) []document.Citation {
	out := []document.Citation{{Doc: docs[st.doc].ID, Start: st.span.Start, End: st.span.End}}
	eq := append([]match(nil), st.equiv...)
	sort.SliceStable(eq, func(i, j int) bool { return eq[i].sim > eq[j].sim })
	for _, m := range eq {
		out = append(out, document.Citation{Doc: docs[m.st.doc].ID, Start: m.st.span.Start, End: m.st.span.End})
	}
	return out
}

// usable returns the documents with text that are not paywalled or stubs,
// or every document with text when all are flagged.
func usable(all []*document.Document) []*document.Document {
	var good, withText []*document.Document
	for _, d := range all {
		if d == nil || d.Text == "" {
			continue
		}
		withText = append(withText, d)
		if !d.HasFlag(document.FlagPaywall) && !d.HasFlag(document.FlagStub) {
			good = append(good, d)
		}
	}
	if len(good) == 0 {
		return withText
	}
	return good
}

// copyGroups gives every usable document the index of the first document
// it shares copied text with (through "shared-text" derivations found by
// the claim stage), so that a wire story and its copies count as one
// source of support.
func copyGroups(s *document.Story, docs []*document.Document) []int {
	idx := make(map[string]int, len(docs))
	parent := make([]int, len(docs))
	for i, d := range docs {
		idx[d.ID] = i
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, dv := range s.Derivations {
		if dv.Kind != "shared-text" {
			continue
		}
		a, ok1 := idx[dv.From]
		b, ok2 := idx[dv.To]
		if ok1 && ok2 {
			ra, rb := find(a), find(b)
			if ra < rb {
				parent[rb] = ra
			} else if rb < ra {
				parent[ra] = rb
			}
		}
	}
	group := make([]int, len(docs))
	for i := range docs {
		group[i] = find(i)
	}
	return group
}

// Contract declares the layers the stage reads and writes.
func (x *Summarizer) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted, document.LayerFlags, document.LayerText, document.LayerSentences, document.LayerMentions, document.LayerTimexes, document.LayerEntities, document.LayerComparison).Gives(document.LayerSummary)
}
