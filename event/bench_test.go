package event

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// BenchmarkLoad measures checking the embedded model and word tables,
// what a process pays once at start-up.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ParseModel(unsafe.Slice(unsafe.StringData(embeddedModel), len(embeddedModel)), "embedded"); err != nil {
			b.Fatal(err)
		}
		if _, err := parseWordTable(embeddedWordNet); err != nil {
			b.Fatal(err)
		}
		if _, err := parseWordTable(embeddedClusters); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetect detects the events of the five hashimi reports (tokens,
// mentions and timexes prepared beforehand).
func BenchmarkDetect(b *testing.B) {
	dir, ok := shareddata.Path("corpus", "hashimi")
	if !ok {
		b.Skip("../shared/corpus/hashimi not found")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var words int
	var docs []*docT
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		d := prepare(b, filepath.Base(p), string(t), "2020-07-08")
		words += len(d.Tokens)
		docs = append(docs, &docT{d})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := x.Annotate(context.Background(), d.Document); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/token")
}

type docT struct{ *document.Document }
