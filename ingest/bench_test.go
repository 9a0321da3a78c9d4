package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/warc"
	"golang.org/x/text/encoding/charmap"
)

// BenchmarkRead reads a folder of generated reports (UTF-8 text, HTML,
// windows-1252 text and JSONL) and reports throughput in MB/s.
func BenchmarkRead(b *testing.B) {
	dir := b.TempDir()
	var total int64
	para := strings.Repeat("The council met on Tuesday to discuss the \u201cnew harbour plan\u201d, officials said. ", 20)
	for i := 0; i < 200; i++ {
		var name string
		var data []byte
		switch i % 4 {
		case 0:
			name, data = fmt.Sprintf("r%03d.txt", i), []byte(strings.Repeat(para+"\n\n", 10))
		case 1:
			name, data = fmt.Sprintf("r%03d.html", i), []byte("<html><head><meta charset=utf-8></head><body><p>"+strings.Repeat(para+"</p><p>", 10)+"</p></body></html>")
		case 2:
			enc, _ := charmap.Windows1252.NewEncoder().String(strings.Repeat(para+"\n\n", 10))
			name, data = fmt.Sprintf("r%03d.txt", i), []byte(enc)
		case 3:
			var sb strings.Builder
			for j := 0; j < 10; j++ {
				fmt.Fprintf(&sb, "{\"title\":\"Item %d\",\"maintext\":%q,\"date_publish\":\"2021-05-0%d 10:00:00\"}\n", j, para, j%9+1)
			}
			name, data = fmt.Sprintf("r%03d.jsonl", i), []byte(sb.String())
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		docs, probs := Read(context.Background(), []string{dir}, Options{})
		if len(probs) > 0 || len(docs) != 50*3+50*10 {
			b.Fatalf("%d docs, problems %v", len(docs), probs)
		}
	}
}

// BenchmarkScanWARC turns a generated gzip WARC of 10,000 HTML responses
// into documents and reports pages/s and the live heap (after a GC) sampled
// every 1,000 pages: peak-heap-MB stays small and growth-MB (last sample
// minus first) near zero because ScanWARC streams. The documents are
// dropped by the callback, as a streaming consumer would.
func BenchmarkScanWARC(b *testing.B) {
	const pages = 10000
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := warc.NewWriter(f, true)
	para := strings.Repeat("Engineers inspected the bridge after the storm and found minor damage to two pylons. ", 12)
	for i := 0; i < pages; i++ {
		body := htmlPage(fmt.Sprintf("Bridge report %d", i), para)
		if err := w.WriteResponse(fmt.Sprintf("https://news.example/%d", i), archivedAt, map[string]string{"Content-Type": "text/html; charset=utf-8"}, body); err != nil {
			b.Fatal(err)
		}
	}
	f.Close()
	b.ResetTimer()
	var peak, first, last uint64
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		var ms runtime.MemStats
		probs, err := ScanWARC(context.Background(), f, path, Options{}, func(d *document.Document) error {
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
}
