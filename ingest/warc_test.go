package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/warc"
	"golang.org/x/text/encoding/charmap"
)

var archivedAt = time.Date(2024, 3, 13, 9, 30, 0, 0, time.UTC)

func htmlPage(title, body string) []byte {
	return []byte("<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><p>" + body + "</p></article></body></html>")
}

// writeArchive writes a gzip WARC of three good HTML pages among records
// that are not pages (warcinfo, request, an image, a 404) and two pages
// that cannot be read (brotli-encoded, empty), and returns its path.
func writeArchive(t testing.TB, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := warc.NewWriter(f, true)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.WriteRecord(warc.TypeWarcinfo, nil, []byte("software: corroborate-test\r\n")))
	must(w.WriteRecord(warc.TypeRequest, []warc.Field{{Name: "WARC-Target-URI", Value: "https://news.example/a"}}, []byte("GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n")))
	must(w.WriteResponse("https://news.example/a", archivedAt, map[string]string{"Content-Type": "text/html; charset=utf-8"}, htmlPage("Dam opens", "The new dam opened on Monday.")))
	must(w.WriteResponse("https://news.example/logo.png", archivedAt, map[string]string{"Content-Type": "image/png"}, []byte("\x89PNG\r\n\x1a\n")))
	arabic, _ := charmap.Windows1256.NewEncoder().Bytes(htmlPage("سد", "افتتح السد الجديد يوم الاثنين."))
	must(w.WriteResponse("https://ar.news.example/b.html", archivedAt, map[string]string{"Content-Type": "text/html; charset=windows-1256"}, arabic))
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(htmlPage("Compressed", "Served with gzip encoding."))
	zw.Close()
	must(w.WriteResponse("https://news.example/c", archivedAt, map[string]string{"Content-Type": "text/html", "Content-Encoding": "gzip"}, z.Bytes()))
	must(w.WriteResponse("https://news.example/d", archivedAt, map[string]string{"Content-Type": "text/html", "Content-Encoding": "br"}, []byte("???")))
	must(w.WriteRecord(warc.TypeResponse, []warc.Field{{Name: "WARC-Target-URI", Value: "https://news.example/missing"}}, []byte("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")))
	must(w.WriteResponse("https://news.example/empty", archivedAt, map[string]string{"Content-Type": "text/html"}, nil))
	return path
}

func TestReadWARC(t *testing.T) {
	path := writeArchive(t, t.TempDir(), "crawl.warc.gz")
	docs, probs := ReadWARC(context.Background(), path, Options{})
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
	if len(probs) > 0 && (!strings.HasPrefix(probs[0].Source, path+"#7 https://news.example/d") || probs[0].Stage != WARCStage) {
		t.Errorf("problem source %q stage %q should name the record", probs[0].Source, probs[0].Stage)
	}
	_, probs = ReadWARC(context.Background(), filepath.Join(t.TempDir(), "none.warc"), Options{})
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "no such file") {
		t.Errorf("missing file: %v", probs)
	}
}

// TestReadFindsArchives checks that Read streams archives it meets in a
// folder, by name or (for a gzip archive without the .warc name) by content,
// dates their pages with Options.Published, and bounds each page by
// MaxBytes rather than the archive.
func TestReadFindsArchives(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, "crawl.warc.gz")
	writeArchive(t, dir, "second.gz") // named like any gzip file
	os.WriteFile(filepath.Join(dir, "note.txt"), []byte("A local note about the dam."), 0o644)
	st, _ := os.Stat(filepath.Join(dir, "crawl.warc.gz"))
	docs, probs := Read(context.Background(), []string{dir}, Options{Published: "2024-03-13", MaxBytes: st.Size() / 2})
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		if d.Published.Value != "2024-03-13" {
			t.Errorf("%s: user publication date not applied", d.ID)
		}
	}
	pages := "news.example_a ar.news.example_b news.example_c"
	if got := strings.Join(ids, " "); got != pages+" note "+pages {
		t.Errorf("ids %q", got)
	}
	if len(probs) != 4 { // the two bad pages inside each archive
		t.Errorf("problems %v", probs)
	}
}

func TestScanWARCStopsOnCancel(t *testing.T) {
	path := writeArchive(t, t.TempDir(), "crawl.warc.gz")
	f, _ := os.Open(path)
	defer f.Close()
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := ScanWARC(ctx, f, path, Options{}, func(*document.Document) error { n++; cancel(); return nil })
	if n != 1 || err != context.Canceled {
		t.Errorf("scan after cancel: %d docs, err %v", n, err)
	}
}

func TestChunkedArchivedResponse(t *testing.T) {
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, false)
	block := "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n" +
		"10\r\n<p>The bridge re\r\na\r\nopened.</p\r\n1\r\n>\r\n0\r\n\r\n"
	w.WriteRecord(warc.TypeResponse, []warc.Field{{Name: "WARC-Target-URI", Value: "<https://news.example/chunked>"}}, []byte(block))
	var docs []*document.Document
	probs, err := ScanWARC(context.Background(), &buf, "chunked.warc", Options{}, func(d *document.Document) error {
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

func TestPage(t *testing.T) {
	cases := []struct {
		name, url, ctype, body string
		want                   string // ID Format, or the error
	}{
		{"html", "https://www.news.example/2024/dam.html", "text/html; charset=utf-8", "<p>The dam opened.</p>", "news.example_2024_dam html"},
		{"text by type", "https://news.example/wire", "text/plain", "The dam opened on Monday.", "news.example_wire text"},
		{"empty", "https://news.example/e", "text/html", "", "empty input"},
		{"binary", "https://news.example/img", "text/html", "\x89PNG\r\n\x1a\n\x00\x00", "binary input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Page(c.url, []byte(c.body), c.ctype, Options{})
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				got = d.ID + " " + string(d.Format)
				if d.URL != c.url || d.Source != c.url {
					t.Errorf("url %q source %q, want %q", d.URL, d.Source, c.url)
				}
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
