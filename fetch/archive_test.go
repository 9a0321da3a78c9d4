package fetch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ingest"
)

func TestArchiveWritesFetchedPages(t *testing.T) {
	srv := newRevisedServer(t)
	var arc bytes.Buffer
	o := testOptions()
	o.Archive = &arc
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
	o.Archive = failingWriter{}
	o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	c := New(o)
	if _, err := c.Fetch(context.Background(), srv.URL+"/story"); err != nil {
		t.Fatalf("fetch: %v", err)
	}
	if err := c.Close(); err == nil || !strings.Contains(err.Error(), "archiving fetched pages") || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close: %v", err)
	}
}
