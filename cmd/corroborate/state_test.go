package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/report"
)

// stateFile is the part of the fetch state file (fetch.StateFile) that the
// revision test reads.
type stateFile struct {
	Pages map[string][]struct {
		N         int    `json:"n"`
		ID        string `json:"id"`
		Title     string `json:"title"`
		Extracted string `json:"extracted"`
		Published *struct {
			Value string `json:"value"`
		} `json:"published"`
	} `json:"pages"`
}

// TestAnalyzeStateRecordsExtraction runs `analyze --state` over two pages
// served on loopback and checks that the revisions in the state file carry
// what extraction found (title, publication date, article text), the same
// values the account reports, and that a second run over unchanged pages
// keeps them.
func TestAnalyzeStateRecordsExtraction(t *testing.T) {
	para := func(s string) string { return strings.Repeat("<p>"+s+"</p>", 3) }
	pages := map[string]struct{ title, date, body string }{
		"/news/ferry":  {"Ferry resumes after storms", "2025-04-08T09:00:00Z", para("The ferry service across the lake resumed on Tuesday after a week of storms, the port authority said.")},
		"/news/bridge": {"Bridge inspected after flood", "2025-04-09T07:30:00Z", para("Engineers inspected the old stone bridge on Wednesday and found two cracked pylons, the council said.")},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nAllow: /\n") })
	for path, p := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><title>%s | Lake Courier</title><meta property="article:published_time" content="%s"></head>`+
				`<body><nav><a href="/">Home</a></nav><article><h1>%s</h1>%s</article><footer>© Lake Courier</footer></body></html>`,
				p.title, p.date, p.title, p.body)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	state := filepath.Join(t.TempDir(), "state")

	for run := 1; run <= 2; run++ {
		out, stderr, err := runToFile(t, "analyze", srv.URL+"/news/ferry", srv.URL+"/news/bridge",
			"--allow-private", "--state", state, "--format", "json")
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, stderr)
		}
		var o report.Output
		if err := json.Unmarshal([]byte(out), &o); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(state, "fetch-state.json"))
		if err != nil {
			t.Fatalf("run %d: no state file: %v", run, err)
		}
		var st stateFile
		if err := json.Unmarshal(data, &st); err != nil {
			t.Fatalf("run %d: state file: %v", run, err)
		}
		if len(o.Documents) != 2 || len(st.Pages) != 2 {
			t.Fatalf("run %d: %d documents, %d pages in the state file", run, len(o.Documents), len(st.Pages))
		}
		for _, d := range o.Documents {
			revs := st.Pages[d.URL]
			if len(revs) != 1 {
				t.Errorf("run %d: %s has %d revisions in the state file, want 1", run, d.URL, len(revs))
				continue
			}
			rev := revs[0]
			want := pages[strings.TrimPrefix(d.URL, srv.URL)]
			if d.Title == "" || rev.Title != d.Title || !strings.Contains(rev.Title, want.title) {
				t.Errorf("run %d: %s: state title %q, account title %q, page title %q", run, d.URL, rev.Title, d.Title, want.title)
			}
			if d.Published == nil || rev.Published == nil || rev.Published.Value != d.Published.Value || rev.Published.Value != want.date[:10] {
				t.Errorf("run %d: %s: state published %+v, account published %+v, page %s", run, d.URL, rev.Published, d.Published, want.date)
			}
			body := strings.TrimSuffix(strings.TrimPrefix(want.body, "<p>"), "</p>")
			body = body[:strings.Index(body, "</p>")]
			if !strings.Contains(rev.Extracted, body) || strings.Contains(rev.Extracted, "Lake Courier") {
				t.Errorf("run %d: %s: state extracted text %q, want the article paragraphs without the page chrome", run, d.URL, rev.Extracted)
			}
			if rev.ID != d.ID {
				t.Errorf("run %d: state id %q, account id %q", run, rev.ID, d.ID)
			}
		}
	}
}
