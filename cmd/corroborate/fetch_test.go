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

// articleServer serves one invented article, its feed and a robots.txt on
// loopback.
func articleServer(t *testing.T) *httptest.Server {
	t.Helper()
	body := strings.Repeat("<p>The ferry service across the lake resumed on Tuesday after a week of storms, the port authority said. Fishermen returned to the harbour at dawn.</p>", 4)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/news/ferry", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprintf(w, `<html><head><title>Ferry resumes | Lake Courier</title><meta property="article:published_time" content="2025-04-08T09:00:00Z"></head><body><article><h1>Ferry resumes</h1>%s</article></body></html>`, body)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestAnalyzeURLWithStateAndArchive(t *testing.T) {
	srv := articleServer(t)
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	archive := filepath.Join(dir, "pages.warc.gz")
	url := srv.URL + "/news/ferry"
	for run := 1; run <= 2; run++ {
		out, stderr, err := runToFile(t, "analyze", url, "--allow-private", "--state", state, "--archive", archive, "--format", "json")
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, stderr)
		}
		var o report.Output
		if err := json.Unmarshal([]byte(out), &o); err != nil {
			t.Fatal(err)
		}
		if len(o.Documents) != 1 || !strings.Contains(o.Documents[0].Text, "ferry service") {
			t.Fatalf("run %d: want the fetched article, got %+v", run, o.Documents)
		}
	}
	if st, err := os.Stat(filepath.Join(state, "fetch-state.json")); err != nil || st.Size() == 0 {
		t.Errorf("no fetch state kept: %v", err)
	}
	if st, err := os.Stat(archive); err != nil || st.Size() == 0 {
		t.Errorf("no web archive written: %v", err)
	}
	// The archive is itself an input.
	out, stderr, err := runToFile(t, "analyze", "--warc", archive, "--format", "json")
	if err != nil {
		t.Fatalf("analysing the archive: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "ferry service") {
		t.Errorf("archived page not analysed")
	}
}

func TestFetchRefusesLoopbackUnlessAllowed(t *testing.T) {
	srv := articleServer(t)
	_, stderr, err := runToFile(t, "analyze", srv.URL+"/news/ferry", "--format", "json")
	if err == nil {
		t.Fatalf("a loopback URL was fetched without --allow-private")
	}
	if !strings.Contains(stderr, srv.URL) || !strings.Contains(strings.ToLower(stderr), "non-public") {
		t.Errorf("stderr does not name the URL and the reason:\n%s", stderr)
	}
	if !strings.Contains(stderr, "--allow-private") || strings.Contains(stderr, "AllowPrivate") {
		t.Errorf("stderr does not name the flag that permits it:\n%s", stderr)
	}
}

func TestRobotsDisallowNamesTheURL(t *testing.T) {
	srv := articleServer(t)
	url := srv.URL + "/private/page"
	_, stderr, err := runToFile(t, "analyze", url, "--allow-private", "--format", "json")
	if err == nil || !strings.Contains(stderr, url) || !strings.Contains(stderr, "robots.txt") {
		t.Fatalf("want a robots.txt refusal naming %s; err %v\n%s", url, err, stderr)
	}
}
