package fetch

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestStateDirOnRealReports serves the shared Hashimi reports from a
// loopback server with ETags, fetches them in three runs over one state
// folder, and edits one paragraph of one report before the third run.
func TestStateDirOnRealReports(t *testing.T) {
	var mu sync.Mutex
	pages := map[string]string{}
	for _, f := range shareddata.Corpus(t, "hashimi") {
		pages["/r/"+filepath.Base(f.Path)] = f.Text
	}
	var notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		body, ok := pages[r.URL.Path]
		mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body)))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	var urls []string
	for p := range pages {
		urls = append(urls, srv.URL+p)
	}
	o := testOptions()
	o.StateDir = t.TempDir()
	run := func() *Client {
		c := New(o)
		docs, probs := c.Documents(context.Background(), urls)
		if len(docs) != len(urls) || len(probs) != 0 {
			t.Fatalf("docs %d, problems %v", len(docs), probs)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		return c
	}
	run()
	c := run()
	if int(notModified.Load()) != len(urls) {
		t.Errorf("second run: %d of %d pages revalidated with 304", notModified.Load(), len(urls))
	}
	for _, u := range urls {
		if n := len(c.History().Revisions(u)); n != 1 {
			t.Errorf("%s: %d revisions after an unchanged run", u, n)
		}
	}
	// Correct one paragraph of the longest report.
	edited := urls[0]
	for _, u := range urls {
		if len(pages[strings.TrimPrefix(u, srv.URL)]) > len(pages[strings.TrimPrefix(edited, srv.URL)]) {
			edited = u
		}
	}
	path := strings.TrimPrefix(edited, srv.URL)
	paras := Paragraphs(pages[path])
	k := len(paras) / 2
	old := paras[k]
	paras[k] = old + " (This paragraph was corrected.)"
	mu.Lock()
	pages[path] = strings.Join(paras, "\n\n")
	mu.Unlock()
	c = run()
	for _, u := range urls {
		want := 1
		if u == edited {
			want = 2
		}
		if n := len(c.History().Revisions(u)); n != want {
			t.Errorf("%s: %d revisions, want %d", u, n, want)
		}
	}
	changes, err := c.History().DiffParagraphs(edited)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for _, ch := range changes {
		switch {
		case ch.Op == Same:
			same++
		case ch.Op == Removed && ch.Text == old, ch.Op == Added && ch.Text == paras[k]:
		default:
			t.Errorf("unexpected change %s %.60q", ch.Op, ch.Text)
		}
	}
	if same != len(paras)-1 {
		t.Errorf("%d paragraphs kept, want %d", same, len(paras)-1)
	}
}
