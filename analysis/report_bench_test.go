package analysis

import (
	"context"
	"io"
	"path/filepath"
	"sort"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/report/html"
)

// BenchmarkHTMLReport measures the whole path from files to a written
// self-contained HTML report: for the five hashimi reports (the seed story)
// and for a 200-article story (the first 200 news_cluster records). Run:
//
//	go test ./analysis -run XXX -bench HTMLReport -benchtime 3x
func BenchmarkHTMLReport(b *testing.B) {
	seed, ok := shareddata.Path("corpus", "hashimi")
	if !ok {
		b.Skip("shared corpus hashimi not found")
	}
	cases := []struct {
		name  string
		paths []string
	}{{"seed-5", []string{seed}}}
	if dir, ok := shareddata.Path("data", "giveme5w1h", "news_cluster", "data_raw"); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		sort.Strings(files)
		if len(files) >= 200 {
			cases = append(cases, struct {
				name  string
				paths []string
			}{"story-200", files[:200]})
		}
	}
	ctx := context.Background()
	if _, err := Pipeline(Options{}); err != nil { // models load once, outside the timer
		b.Fatal(err)
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				s, err := Analyze(ctx, c.paths, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if err := html.Write(io.Discard, s, html.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
