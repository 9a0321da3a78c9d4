package warc

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkReader reads a generated gzip WARC of 10,000 HTML responses,
// every record's block to the end, and reports records/s, MB/s of blocks
// and the live heap (after a GC) sampled every 1,000 records: peak-heap-MB
// stays small and growth-MB (last sample minus first) near zero because
// the reader streams.
func BenchmarkReader(b *testing.B) {
	const records = 10000
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := NewWriter(f, true)
	para := strings.Repeat("Engineers inspected the bridge after the storm and found minor damage to two pylons. ", 12)
	for i := 0; i < records; i++ {
		body := page(fmt.Sprintf("Bridge report %d", i), para)
		if err := w.WriteResponse(fmt.Sprintf("https://news.example/%d", i), when, map[string]string{"Content-Type": "text/html; charset=utf-8"}, body); err != nil {
			b.Fatal(err)
		}
	}
	f.Close()
	b.ResetTimer()
	var peak, first, last uint64
	var bytes int64
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r, err := NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		bytes = 0
		var ms runtime.MemStats
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			k, err := io.Copy(io.Discard, rec.Body)
			if err != nil {
				b.Fatal(err)
			}
			bytes += k
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
		}
		r.Close()
		f.Close()
		if n != records {
			b.Fatalf("%d records, want %d", n, records)
		}
	}
	b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(bytes)*float64(b.N)/b.Elapsed().Seconds()/1e6, "block-MB/s")
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
	b.ReportMetric((float64(last)-float64(first))/1e6, "growth-MB")
}

// BenchmarkOpenAppender opens an archive of 10,000 pages for appending:
// the scan that checks its end and reads the payload digests it holds.
func BenchmarkOpenAppender(b *testing.B) {
	const records = 10000
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	a, err := OpenAppender(path)
	if err != nil {
		b.Fatal(err)
	}
	para := strings.Repeat("Engineers inspected the bridge after the storm and found minor damage to two pylons. ", 12)
	for i := 0; i < records; i++ {
		if _, err := a.WritePage(fmt.Sprintf("https://news.example/%d", i), when, map[string]string{"Content-Type": "text/html"}, page(fmt.Sprintf("Bridge report %d", i), para)); err != nil {
			b.Fatal(err)
		}
	}
	a.Close()
	var ms runtime.MemStats
	for b.Loop() {
		a, err := OpenAppender(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(a.w.seen) != records {
			b.Fatalf("%d digests remembered, want %d", len(a.w.seen), records)
		}
		runtime.ReadMemStats(&ms)
		a.Close()
	}
	b.ReportMetric(float64(ms.HeapInuse)/1e6, "heap-MB")
}
