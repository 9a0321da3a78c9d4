package text

import (
	"context"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// Annotator is the per-document text stage: it writes a document's
// paragraphs, sentences and tokens, and its language when unknown.
type Annotator struct{}

// New returns a text annotator.
func New() *Annotator { return &Annotator{} }

// Annotate fills d.Paragraphs, d.Sentences and d.Tokens from d.Text (each
// token's Sentence is the index of its sentence), and d.Language when it is
// empty. Existing layers are replaced. Text that is not valid UTF-8 is an
// error.
func (a *Annotator) Annotate(ctx context.Context, d *document.Document) error {
	if d == nil {
		return fmt.Errorf("text: annotating a nil document")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if !utf8.ValidString(d.Text) {
		return fmt.Errorf("splitting text of %s: text is not valid UTF-8", name(d))
	}
	paras := Paragraphs(d.Text)
	sents := make([]document.Span, 0, len(d.Text)/100+1)
	for _, p := range paras {
		sents = appendSentences(sents, d.Text, p.Start, p.End)
	}
	toks := make([]document.Token, 0, len(d.Text)/3+1) // room enough never to copy a long text's tokens
	for si, sp := range sents {
		if si%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		toks = appendTokens(toks, d.Text[sp.Start:sp.End], sp.Start, si)
	}
	d.Paragraphs, d.Sentences, d.Tokens = paras, sents, toks
	if d.Language == "" {
		d.Language = Language(d.Text)
	}
	return nil
}

func name(d *document.Document) string {
	switch {
	case d.Source != "":
		return d.Source
	case d.ID != "":
		return d.ID
	}
	return "document"
}

// Contract declares the layers the stage reads and writes.
func (x *Annotator) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerText).Gives(document.LayerParagraphs, document.LayerSentences, document.LayerTokens, document.LayerLanguage)
}
