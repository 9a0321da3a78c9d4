package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

var when = time.Date(2024, 3, 13, 9, 30, 0, 0, time.UTC)

func page(title, body string) []byte {
	return []byte("<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><p>" + body + "</p></article></body></html>")
}

func TestReaderRoundTrip(t *testing.T) {
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", compress), func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf, compress)
			blocks := []string{"software: test\r\n", "", strings.Repeat("x", 70000)}
			types := []string{TypeWarcinfo, TypeMetadata, TypeResource}
			for i := range blocks {
				if err := w.WriteRecord(types[i], []Field{{"WARC-Target-URI", fmt.Sprintf("https://example.org/%d", i)}}, []byte(blocks[i])); err != nil {
					t.Fatal(err)
				}
			}
			raw := buf.String()
			r, err := NewReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			for i := range blocks {
				rec, err := r.Next()
				if err != nil {
					t.Fatalf("record %d: %v", i, err)
				}
				if rec.Type() != types[i] || rec.TargetURI() != fmt.Sprintf("https://example.org/%d", i) || rec.Version != "WARC/1.1" {
					t.Errorf("record %d: type %q uri %q version %q", i, rec.Type(), rec.TargetURI(), rec.Version)
				}
				if !compress && i == 0 && rec.Offset != 0 {
					t.Errorf("first record at offset %d", rec.Offset)
				}
				if !compress && i > 0 && !strings.HasPrefix(raw[rec.Offset:], "WARC/1.1\r\n") {
					t.Errorf("record %d offset %d does not point at a version line", i, rec.Offset)
				}
				if i == 1 {
					continue // leave the body unread: Next must skip it
				}
				got, _ := io.ReadAll(rec.Body)
				if string(got) != blocks[i] {
					t.Errorf("record %d body: %d bytes, want %d", i, len(got), len(blocks[i]))
				}
			}
			if _, err := r.Next(); err != io.EOF {
				t.Errorf("after the last record: %v, want io.EOF", err)
			}
		})
	}
}

func TestReaderErrors(t *testing.T) {
	var buf bytes.Buffer
	NewWriter(&buf, false).WriteRecord(TypeResource, nil, []byte("0123456789"))
	whole := buf.String()
	cases := []struct{ name, in, want string }{
		{"not a warc", "hello world\r\n", "at offset 0: bytes that are not a WARC record; skipped 13 bytes"},
		{"no content-length", "WARC/1.1\r\nWARC-Type: resource\r\n\r\nabc", "missing or bad Content-Length"},
		{"truncated body", whole[:len(whole)-9], "record 1 at offset 0: record cut short: the file ends 5 bytes before its Content-Length of 10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(c.in))
			if err != nil {
				t.Fatal(err)
			}
			var last error
			for i := 0; i < 3; i++ {
				if _, last = r.Next(); last != nil {
					break
				}
			}
			if last == nil || !strings.Contains(last.Error(), c.want) {
				t.Errorf("error %v, want one saying %q", last, c.want)
			}
		})
	}
}

// TestReaderOneGzipMember reads an archive compressed as a single gzip
// member (gzip over a whole plain WARC file), which some tools write.
func TestReaderOneGzipMember(t *testing.T) {
	var plain bytes.Buffer
	w := NewWriter(&plain, false)
	for i := 0; i < 3; i++ {
		if err := w.WriteResponse(fmt.Sprintf("https://news.example/%d", i), when, map[string]string{"Content-Type": "text/html"}, page("T", "Body.")); err != nil {
			t.Fatal(err)
		}
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(plain.Bytes())
	zw.Close()
	r, err := NewReader(&z)
	if err != nil {
		t.Fatal(err)
	}
	var uris []string
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		uris = append(uris, rec.TargetURI())
	}
	if got := strings.Join(uris, " "); got != "https://news.example/0 https://news.example/1 https://news.example/2" {
		t.Errorf("records %q", got)
	}
}
