package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/warc"
)

// FuzzBytes checks that no input makes ingest panic, and that every
// document it returns holds valid UTF-8 without stray control characters.
func FuzzBytes(f *testing.F) {
	seeds := []struct{ name, data string }{
		{"a.txt", plainStory},
		{"a.html", "<html><head><meta charset=windows-1256></head><body>\xc7\xe1</body></html>"},
		{"a.jsonl", `{"maintext":"x","date_publish":"July 6, 2020"}` + "\n{bad"},
		{"a.json", `[{"text":"y","authors":"A"}, 3]`},
		{"a.txt", "\xff\xfeA\x00B\x00"},
		{"a.txt.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00"},
		{"-", "{\"maintext\":\"z\"}"},
	}
	for _, s := range seeds {
		f.Add(s.name, []byte(s.data))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		docs, probs := Bytes("fuzz", name, data, "", Options{MaxBytes: 1 << 20})
		if len(docs) == 0 && len(probs) == 0 {
			t.Fatalf("neither documents nor problems for %q", data)
		}
		for _, d := range docs {
			for _, s := range []string{d.Raw, d.Extracted, d.Title} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 in %q", s)
				}
			}
			if d.Format != "record" && strings.ContainsAny(d.Raw, "\x00\x01\x1b\x7f") {
				t.Fatalf("control characters kept in %q", d.Raw)
			}
		}
	})
}

// FuzzScanWARC checks that a malformed archive gives problems or an error,
// never a panic or an endless loop.
func FuzzScanWARC(f *testing.F) {
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, false)
	w.WriteResponse("https://news.example/a", archivedAt, map[string]string{"Content-Type": "text/html"}, htmlPage("T", "Body."))
	f.Add(buf.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	var z bytes.Buffer
	zw := warc.NewWriter(&z, true)
	for i := 0; i < 2; i++ {
		zw.WritePage("https://news.example/a", archivedAt, map[string]string{"Content-Type": "text/html"}, htmlPage("T", "Body."))
	}
	f.Add(z.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		ScanWARC(context.Background(), bytes.NewReader(data), "fuzz", Options{MaxBytes: 1 << 20}, func(*document.Document) error { return nil })
	})
}
