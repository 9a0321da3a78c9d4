package text

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// benchText is a synthetic news-like text of about 1 MB built from our own
// sentences.
func benchText() string {
	para := "Dr. Mira Osei said the U.S. team arrived at 9 a.m. on Jan. 4, and 1,250 people (about 3.5% of the town) waited. " +
		"\"We are ready,\" she said. Officials in al-Rashid didn't comment... The vote is on Tuesday!\n\n"
	return strings.Repeat(para, 1<<20/len(para))
}

func BenchmarkTokens(b *testing.B) {
	s := benchText()
	n := len(Tokens(s, 0))
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tokens(s, 0)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSentences(b *testing.B) {
	s := benchText()
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		Sentences(s)
	}
}

// BenchmarkAnnotate measures the whole stage without language detection.
func BenchmarkAnnotate(b *testing.B) {
	s := benchText()
	n := len(Tokens(s, 0))
	a := New()
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := &document.Document{Text: s, Language: "en"}
		if err := a.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
