package warc

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// BenchmarkScan reads a generated gzip WARC of 10,000 HTML responses and
// reports pages/s and the live heap (after a GC) sampled every 1,000 pages:
// peak-heap-MB stays small and growth-MB (last sample minus first) near
// zero because Scan streams. The documents are dropped by the callback, as
// a streaming consumer would.
func BenchmarkScan(b *testing.B) {
	const pages = 10000
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := NewWriter(f, true)
	para := strings.Repeat("Engineers inspected the bridge after the storm and found minor damage to two pylons. ", 12)
	for i := 0; i < pages; i++ {
		body := page(fmt.Sprintf("Bridge report %d", i), para)
		if err := w.WriteResponse(fmt.Sprintf("https://news.example/%d", i), when, map[string]string{"Content-Type": "text/html; charset=utf-8"}, body); err != nil {
			b.Fatal(err)
		}
	}
	f.Close()
	var base runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&base)
	b.ResetTimer()
	var peak, first, last uint64
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		var ms runtime.MemStats
		probs, err := Scan(context.Background(), f, path, ScanOptions{}, func(d *document.Document) error {
			n++
			if n%1000 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				if n == 1000 {
					first = ms.HeapInuse
				}
				last = ms.HeapInuse
				peak = max(peak, ms.HeapInuse)
			}
			return nil
		})
		f.Close()
		if err != nil || len(probs) > 0 || n != pages {
			b.Fatalf("%d pages, err %v, problems %v", n, err, probs)
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
	b.ReportMetric((float64(last)-float64(first))/1e6, "growth-MB")
	b.ReportMetric(float64(base.HeapInuse)/1e6, "start-heap-MB")
}
