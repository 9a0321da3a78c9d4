package extract

import (
	"context"
	"fmt"
	"strings"

	"github.com/corroborate/corroborate/document"
	"golang.org/x/net/html"
)

// Candidate is one extractor's main text with the features the selection
// rule scored, for inspection and evaluation.
type Candidate struct {
	Name     string
	Text     string
	Features Features
	// Err is why the extractor produced nothing (nil when it did).
	Err error
}

// HTMLCandidates runs every extractor on d (an HTML document) and returns
// their texts (before edge trimming) and features, and the index of the one
// the rule chooses. It does not change d.
func (e *Extractor) HTMLCandidates(ctx context.Context, d *document.Document) ([]Candidate, int, error) {
	if d.Format != document.FormatHTML {
		return nil, -1, fmt.Errorf("extracting candidates of %s: format is %q, not html", d.Source, d.Format)
	}
	doc, err := html.Parse(strings.NewReader(d.Raw))
	if err != nil {
		return nil, -1, fmt.Errorf("extracting candidates of %s: parsing HTML: %w", d.Source, err)
	}
	cands, libs := e.candidates(ctx, doc, documentURL(d))
	meta := readMetadata(doc, libs, documentURL(d))
	out := make([]Candidate, len(cands))
	for i := range cands {
		out[i] = Candidate{Name: cands[i].name, Text: joinParagraphs(cands[i].paras), Err: cands[i].err}
	}
	best, feats := e.choose(cands, meta.Title, doc)
	chosen := -1
	for i := range cands {
		out[i].Features = feats[i]
		if best == &cands[i] {
			chosen = i
		}
	}
	return out, chosen, nil
}
