package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// benchDocs are invented pages and texts: a short article, one with teaser
// cards and comments, and a plain-text report.
func benchDocs() []*document.Document {
	text := "Floods force thousands from homes | Riverside Courier\n\nBy Nadia Volk\n\nOctober 12, 2021\n\n" + strings.Join(storyParagraphs, "\n\n")
	return []*document.Document{
		{Source: "small.html", Format: document.FormatHTML, Raw: articlePage(0, 0)},
		{Source: "big.html", Format: document.FormatHTML, Raw: articlePage(120, 40)},
		{Source: "report.txt", Format: document.FormatText, Raw: text},
	}
}

func benchmarkExtract(b *testing.B, opts Options) {
	ex := newTestExtractor(b, opts)
	docs := benchDocs()
	var size int64
	for _, d := range docs {
		size += int64(len(d.Raw))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range docs {
			d := &document.Document{Source: src.Source, Format: src.Format, Raw: src.Raw}
			if err := ex.Annotate(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkExtract measures the full extractor (three HTML candidates).
func BenchmarkExtract(b *testing.B) { benchmarkExtract(b, Options{}) }

// BenchmarkExtractTrafilaturaOnly measures the extractor without the
// readability and distiller candidates.
func BenchmarkExtractTrafilaturaOnly(b *testing.B) {
	benchmarkExtract(b, Options{TrafilaturaOnly: true})
}
