package quote_test

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/coref"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/quote"
	"github.com/corroborate/corroborate/text"
)

// BenchmarkHashimi times the quote stage alone on the five hashimi
// reports, after the text, ner and coref stages (skipped when the corpus
// is absent).
func BenchmarkHashimi(b *testing.B) {
	files := shareddata.Corpus(b, "hashimi")
	tagger, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var docs []*document.Document
	n := 0
	for _, f := range files {
		_, body, _ := strings.Cut(f.Text, "\n")
		d := &document.Document{ID: f.Name, Text: body}
		for _, st := range []interface {
			Annotate(context.Context, *document.Document) error
		}{text.New(), tagger, coref.New(coref.Options{})} {
			if err := st.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		docs = append(docs, d)
		n += len(body)
	}
	ex := quote.New()
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			ex.Extract(d)
		}
	}
}
