package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
