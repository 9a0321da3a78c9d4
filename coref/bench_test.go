package coref_test

import (
	"context"
	"testing"

	"github.com/corroborate/corroborate/coref"
)

// BenchmarkHashimi measures the stage alone on the tagged Hashimi
// reports.
func BenchmarkHashimi(b *testing.B) {
	docs := hashimiDocs(b)
	r := coref.New(coref.Options{})
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := r.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
}
