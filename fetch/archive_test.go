package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ingest"
	"github.com/corroborate/corroborate/warc"
)

func TestArchiveWritesFetchedPages(t *testing.T) {
	srv := newRevisedServer(t)
	var arc bytes.Buffer
	o := testOptions()
	o.Archive = warc.NewWriter(&arc, true)
	c := New(o)
	ctx := context.Background()
	// /story twice: the second answer is a 304 and is not archived again.
	// (A second batch, so that the first answer is in the cache: in one
	// batch the two requests may run at once.)
	docs, probs := c.Documents(ctx, []string{srv.URL + "/story", srv.URL + "/live"})
	again, more := c.Documents(ctx, []string{srv.URL + "/story"})
	docs, probs = append(docs, again...), append(probs, more...)
	if len(docs) != 3 || len(probs) != 0 || srv.notModified.Load() != 1 {
		t.Fatalf("docs %d, problems %v, 304s %d", len(docs), probs, srv.notModified.Load())
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	var got []*document.Document
	probs, err := ingest.ScanWARC(ctx, &arc, "archive", ingest.Options{}, func(d *document.Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil || len(probs) != 0 {
		t.Fatalf("reading the archive: %v %v", err, probs)
	}
	if len(got) != 2 {
		t.Fatalf("archive holds %d pages, want 2", len(got))
	}
	byURL := map[string]string{}
	for _, d := range got {
		byURL[d.URL] = d.Raw
	}
	for _, d := range docs[:2] {
		if byURL[d.Source] != d.Raw {
			t.Errorf("archived %s differs from the fetched page", d.Source)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestArchiveFailureDoesNotStopFetching(t *testing.T) {
	srv := newRevisedServer(t)
	o := testOptions()
	o.Archive = warc.NewWriter(failingWriter{}, true)
	o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	c := New(o)
	if _, err := c.Fetch(context.Background(), srv.URL+"/story"); err != nil {
		t.Fatalf("fetch: %v", err)
	}
	if err := c.Close(); err == nil || !strings.Contains(err.Error(), "archiving fetched pages") || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close: %v", err)
	}
}

// TestArchiveTwoRunsStoresPagesOnce fetches the same five pages in two
// runs, each appending to one archive file: the second run's identical
// pages become revisit records, and reading the archive gives five
// documents.
func TestArchiveTwoRunsStoresPagesOnce(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Page %s</title></head><body><article><p>The council met about item %s.</p></article></body></html>", r.URL.Path, r.URL.Path)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var urls []string
	for i := 0; i < 5; i++ {
		urls = append(urls, fmt.Sprintf("%s/p/%d", srv.URL, i))
	}
	path := filepath.Join(t.TempDir(), "pages.warc.gz")
	for run := 0; run < 2; run++ {
		a, err := warc.OpenAppender(path)
		if err != nil {
			t.Fatal(err)
		}
		o := testOptions()
		o.Archive = a
		c := New(o)
		if docs, probs := c.Documents(context.Background(), urls); len(docs) != 5 || len(probs) != 0 {
			t.Fatalf("run %d: %d docs, problems %v", run, len(docs), probs)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		a.Close()
	}
	f, _ := os.Open(path)
	defer f.Close()
	r, _ := warc.NewReader(f)
	types := map[string]int{}
	for {
		rec, err := r.Next()
		if err != nil {
			break
		}
		types[rec.Type()]++
	}
	if types[warc.TypeResponse] != 5 || types[warc.TypeRevisit] != 5 {
		t.Errorf("records by type %v, want 5 responses and 5 revisits", types)
	}
	docs, probs := ingest.ReadWARC(context.Background(), path, ingest.Options{})
	if len(docs) != 5 || len(probs) != 0 {
		t.Errorf("reading the archive: %d documents, problems %v; want 5", len(docs), probs)
	}
}
