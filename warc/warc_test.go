package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"golang.org/x/text/encoding/charmap"
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
		{"not a warc", "hello world\r\n", "expected a WARC version line"},
		{"no content-length", "WARC/1.1\r\nWARC-Type: resource\r\n\r\nabc", "missing or bad Content-Length"},
		{"truncated body", whole[:len(whole)-9], "unexpected EOF"},
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

func writeArchive(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := NewWriter(f, true)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.WriteRecord(TypeWarcinfo, nil, []byte("software: corroborate-test\r\n")))
	must(w.WriteRecord(TypeRequest, []Field{{"WARC-Target-URI", "https://news.example/a"}}, []byte("GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n")))
	must(w.WriteResponse("https://news.example/a", when, map[string]string{"Content-Type": "text/html; charset=utf-8"}, page("Dam opens", "The new dam opened on Monday.")))
	must(w.WriteResponse("https://news.example/logo.png", when, map[string]string{"Content-Type": "image/png"}, []byte("\x89PNG\r\n\x1a\n")))
	arabic, _ := charmap.Windows1256.NewEncoder().Bytes(page("سد", "افتتح السد الجديد يوم الاثنين."))
	must(w.WriteResponse("https://ar.news.example/b.html", when, map[string]string{"Content-Type": "text/html; charset=windows-1256"}, arabic))
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(page("Compressed", "Served with gzip encoding."))
	zw.Close()
	must(w.WriteResponse("https://news.example/c", when, map[string]string{"Content-Type": "text/html", "Content-Encoding": "gzip"}, z.Bytes()))
	must(w.WriteResponse("https://news.example/d", when, map[string]string{"Content-Type": "text/html", "Content-Encoding": "br"}, []byte("???")))
	must(w.WriteRecord(TypeResponse, []Field{{"WARC-Target-URI", "https://news.example/missing"}}, []byte("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")))
	must(w.WriteResponse("https://news.example/empty", when, map[string]string{"Content-Type": "text/html"}, nil))
	return path
}

func TestDocuments(t *testing.T) {
	path := writeArchive(t)
	docs, probs := Documents(context.Background(), path)
	var got []string
	for _, d := range docs {
		got = append(got, d.ID+" "+d.URL+" "+d.Encoding)
		if d.Format != document.FormatHTML || d.Source != d.URL || d.Raw == "" {
			t.Errorf("%s: format %s source %s", d.ID, d.Format, d.Source)
		}
	}
	want := []string{
		"news.example_a https://news.example/a utf-8",
		"ar.news.example_b https://ar.news.example/b.html windows-1256",
		"news.example_c https://news.example/c utf-8",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(docs) == 3 && !strings.Contains(docs[1].Raw, "افتتح السد الجديد") {
		t.Errorf("Arabic page not decoded: %q", docs[1].Raw)
	}
	if len(docs) == 3 && !strings.Contains(docs[2].Raw, "Served with gzip encoding.") {
		t.Errorf("gzip-encoded page not decompressed")
	}
	if len(probs) != 2 || !strings.Contains(probs[0].Error(), "unsupported Content-Encoding") || !strings.Contains(probs[1].Error(), "empty input") {
		t.Errorf("problems = %v, want brotli and empty-page problems", probs)
	}
	if len(probs) > 0 && !strings.HasPrefix(probs[0].Source, path+"#7 https://news.example/d") {
		t.Errorf("problem source %q should name the record", probs[0].Source)
	}

	_, probs = Documents(context.Background(), filepath.Join(t.TempDir(), "none.warc"))
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "no such file") {
		t.Errorf("missing file: %v", probs)
	}
}

func TestScanStopsOnCancel(t *testing.T) {
	path := writeArchive(t)
	f, _ := os.Open(path)
	defer f.Close()
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := Scan(ctx, f, path, ScanOptions{}, func(*document.Document) error { n++; cancel(); return nil })
	if n != 1 || err != context.Canceled {
		t.Errorf("scan after cancel: %d docs, err %v", n, err)
	}
}

func TestChunkedArchivedResponse(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, false)
	block := "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n" +
		"10\r\n<p>The bridge re\r\na\r\nopened.</p\r\n1\r\n>\r\n0\r\n\r\n"
	w.WriteRecord(TypeResponse, []Field{{"WARC-Target-URI", "<https://news.example/chunked>"}}, []byte(block))
	var docs []*document.Document
	probs, err := Scan(context.Background(), &buf, "chunked.warc", ScanOptions{}, func(d *document.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil || len(probs) > 0 || len(docs) != 1 {
		t.Fatalf("err %v problems %v docs %d", err, probs, len(docs))
	}
	if docs[0].Raw != "<p>The bridge reopened.</p>" || docs[0].URL != "https://news.example/chunked" {
		t.Errorf("raw %q url %q", docs[0].Raw, docs[0].URL)
	}
}
