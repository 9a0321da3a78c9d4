package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/warc"
)

func scan(t *testing.T, data []byte, opts Options) ([]*document.Document, []document.Problem) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.warc.gz")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return ReadWARC(context.Background(), path, opts)
}

// TestScanWARCHonoursMaxBytes archives a record of 2 MiB (a page under the
// limit behind 2 MiB of HTTP headers) between two good pages: with a 1 MiB
// limit the record is skipped with a problem naming the file, the offset
// and the limit, and the pages around it are read.
func TestScanWARCHonoursMaxBytes(t *testing.T) {
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	w.WriteResponse("https://news.example/a", archivedAt, map[string]string{"Content-Type": "text/html"}, htmlPage("A", "The dam opened."))
	first := buf.Len()
	big := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + strings.Repeat("X-Padding: "+strings.Repeat("p", 1000)+"\r\n", 2100) + "\r\n" + string(htmlPage("Big", "Small page, big headers."))
	w.WriteRecord(warc.TypeResponse, []warc.Field{{Name: "WARC-Target-URI", Value: "https://news.example/big"}}, []byte(big))
	w.WriteResponse("https://news.example/c", archivedAt, map[string]string{"Content-Type": "text/html"}, htmlPage("C", "The bridge closed."))
	docs, probs := scan(t, buf.Bytes(), Options{MaxBytes: 1 << 20})
	var urls []string
	for _, d := range docs {
		urls = append(urls, d.URL)
	}
	if strings.Join(urls, " ") != "https://news.example/a https://news.example/c" {
		t.Errorf("documents %q", urls)
	}
	if len(probs) != 1 {
		t.Fatalf("problems %v, want one for the big record", probs)
	}
	msg := probs[0].Source + ": " + probs[0].Error()
	for _, want := range []string{"in.warc.gz#2 https://news.example/big", fmt.Sprintf("offset %d", first), "1048576-byte limit"} {
		if !strings.Contains(msg, want) {
			t.Errorf("problem %q should name %q", msg, want)
		}
	}
}

// TestReadWARCRecoversAfterDamage breaks a gzip archive of six pages three
// ways at once (garbage between records, a wrong Content-Length, a damaged
// gzip member): the three intact pages are read, and each damage is a
// problem naming its offset.
func TestReadWARCRecoversAfterDamage(t *testing.T) {
	var members [][]byte
	for i := 0; i < 6; i++ {
		var b bytes.Buffer
		warc.NewWriter(&b, true).WriteResponse(fmt.Sprintf("https://news.example/%d", i), archivedAt, map[string]string{"Content-Type": "text/html"},
			htmlPage(fmt.Sprint("Story ", i), strings.Repeat(fmt.Sprintf("Paragraph of story %d. ", i), 40)))
		members = append(members, b.Bytes())
	}
	members[1] = append([]byte("garbage that is no gzip member\n"), members[1]...)
	var plain bytes.Buffer
	warc.NewWriter(&plain, false).WriteResponse("https://news.example/2", archivedAt, map[string]string{"Content-Type": "text/html"}, htmlPage("Story 2", "Too short."))
	members[2] = gzipBytes(bytes.Replace(plain.Bytes(), []byte("Content-Length: "), []byte("Content-Length: 1"), 1))
	for k := len(members[4]) / 2; k < len(members[4])/2+30; k++ {
		members[4][k] ^= 0x33
	}
	docs, probs := scan(t, bytes.Join(members, nil), Options{})
	var urls []string
	for _, d := range docs {
		urls = append(urls, d.URL)
	}
	if got := strings.Join(urls, " "); got != "https://news.example/0 https://news.example/1 https://news.example/3 https://news.example/5" {
		t.Errorf("documents %q", got)
	}
	for _, p := range probs {
		t.Logf("%s: %v", p.Source, p.Err)
	}
	if len(probs) != 3 {
		t.Errorf("%d problems, want 3: %v", len(probs), probs)
	}
	for _, p := range probs {
		if !strings.Contains(p.Error(), "offset ") || !strings.Contains(p.Error(), "skipped") && !strings.Contains(p.Error(), "cut short") {
			t.Errorf("problem %q should name the offset and what was skipped", p.Error())
		}
	}
}

func gzipBytes(b []byte) []byte {
	var out bytes.Buffer
	w := gzip.NewWriter(&out)
	w.Write(b)
	w.Close()
	return out.Bytes()
}

// TestScanWARCSkipsPagesArchivedAgain reads an archive holding five pages,
// their five revisits (a second run), and one page archived twice as a
// response (as older versions did): five documents.
func TestScanWARCSkipsPagesArchivedAgain(t *testing.T) {
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	for run := 0; run < 2; run++ {
		for i := 0; i < 5; i++ {
			revisit, err := w.WritePage(fmt.Sprintf("https://news.example/%d", i), archivedAt, map[string]string{"Content-Type": "text/html"}, htmlPage(fmt.Sprint("Story ", i), "Text."))
			if err != nil || revisit != (run == 1) {
				t.Fatalf("run %d: revisit %v err %v", run, revisit, err)
			}
		}
	}
	w.WriteResponse("https://news.example/0", archivedAt, map[string]string{"Content-Type": "text/html"}, htmlPage("Story 0", "Text."))
	docs, probs := scan(t, buf.Bytes(), Options{})
	if len(docs) != 5 || len(probs) != 0 {
		t.Errorf("%d documents, problems %v; want 5", len(docs), probs)
	}
}
