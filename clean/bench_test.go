package clean

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// BenchmarkClean measures cleaning throughput over the fixture pages
// concatenated into one long document (go test ./clean -bench Clean).
func BenchmarkClean(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var sb strings.Builder
	for _, f := range files {
		d, err := readFixture(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.WriteString(d.Extracted)
		sb.WriteString("\n\n")
	}
	text := strings.Repeat(sb.String(), 20)
	c := New(Options{})
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d := &document.Document{ID: "bench", Format: document.FormatText, Title: "Ferry strike enters second week", Outlet: "Varnholt Courier", Extracted: text}
		c.Clean(d, nil)
	}
}

// BenchmarkCleanStoryHashimi cleans the five-report hashimi story (skips when the
// shared corpus is absent).
func BenchmarkCleanStoryHashimi(b *testing.B) {
	s, _ := loadHashimi(b)
	n := 0
	for _, d := range s.Docs {
		n += len(d.Extracted)
	}
	c := New(Options{})
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		if err := c.CleanStory(b.Context(), s); err != nil {
			b.Fatal(err)
		}
	}
}
