package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/corroborate/corroborate/report"
	"github.com/corroborate/corroborate/warc"
)

var towns = []string{"Aberton", "Brightwell", "Carrow", "Dunmere", "Eastfold", "Fenwick", "Glenmoor", "Harlow", "Ivybridge", "Jarrow"}

// pagesServer serves distinct invented articles at /<set>/<n> from ten
// loopback servers (the fetcher allows one request a second per host), and
// returns a function writing a file that lists n URLs of a set, spread
// over the servers.
func pagesServer(t *testing.T) func(set string, n int) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var set string
		var i int
		fmt.Sscanf(strings.ReplaceAll(r.URL.Path, "/", " "), "%s %d", &set, &i)
		town := towns[i%len(towns)]
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>%s council report %s-%d</title></head><body><article><h1>%s council votes on plan %d</h1>`+
			`<p>The council of %s voted %d to %d on Tuesday to approve plan %s-%d for the harbour, the mayor said.</p>`+
			`<p>Residents of %s had asked for %d new homes near the river; work starts in %d weeks.</p></article></body></html>`,
			town, set, i, town, i, town, 5+i%4, 2+i%3, set, i, town, 40+i*7, 3+i)
	})
	var servers []*httptest.Server
	for k := 0; k < 10; k++ {
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		servers = append(servers, srv)
	}
	return func(set string, n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%s/%s/%d\n", servers[i%len(servers)].URL, set, i)
		}
		path := filepath.Join(t.TempDir(), set+".txt")
		os.WriteFile(path, []byte(b.String()), 0o644)
		return path
	}
}

// archiveTypes counts an archive's records by type, and its damage.
func archiveTypes(t *testing.T, path string) (map[string]int, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := warc.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	types, damage := map[string]int{}, 0
	for damage < 1000 {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			damage++
			continue
		}
		types[rec.Type()]++
	}
	return types, damage
}

// warcDocuments analyses an archive and returns the number of documents
// read from it (analysed or set aside) and stderr.
func warcDocuments(t *testing.T, archive string) (int, string) {
	t.Helper()
	out, stderr, err := runToFile(t, "analyze", "--warc", archive, "--format", "json", "--keep-flagged")
	if err != nil && out == "" {
		t.Fatalf("analysing the archive: %v\n%s", err, stderr)
	}
	var o report.Output
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	return len(o.Documents) + len(o.Excluded), stderr
}

// TestArchiveTwoRunsArchivesPagesOnce: the same five pages fetched in two
// runs are archived once (five responses, five revisits), and analysing
// the archive gives five documents, not ten.
func TestArchiveTwoRunsArchivesPagesOnce(t *testing.T) {
	list := pagesServer(t)
	urls := list("same", 5)
	archive := filepath.Join(t.TempDir(), "pages.warc.gz")
	for run := 1; run <= 2; run++ {
		if _, stderr, err := runToFile(t, "analyze", "--urls", urls, "--allow-private", "--archive", archive, "--format", "json"); err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, stderr)
		}
	}
	types, damage := archiveTypes(t, archive)
	if types[warc.TypeResponse] != 5 || types[warc.TypeRevisit] != 5 || damage != 0 {
		t.Errorf("archive holds %v, %d damaged; want 5 responses and 5 revisits", types, damage)
	}
	if n, stderr := warcDocuments(t, archive); n != 5 {
		t.Errorf("--warc gave %d documents, want 5\n%s", n, stderr)
	}
}

// TestArchiveRepairsTornTail cuts the archive's last record short, as a
// run killed while writing leaves it: the next run says so on stderr,
// removes the broken record, and every record after it can be read.
func TestArchiveRepairsTornTail(t *testing.T) {
	list := pagesServer(t)
	archive := filepath.Join(t.TempDir(), "pages.warc.gz")
	if _, stderr, err := runToFile(t, "analyze", "--urls", list("first", 3), "--allow-private", "--archive", archive, "--format", "json"); err != nil {
		t.Fatalf("first run: %v\n%s", err, stderr)
	}
	st, _ := os.Stat(archive)
	if err := os.Truncate(archive, st.Size()-30); err != nil {
		t.Fatal(err)
	}
	_, stderr, _ := runToFile(t, "analyze", "--urls", list("second", 3), "--allow-private", "--archive", archive, "--format", "json")
	if !strings.Contains(stderr, archive) || !strings.Contains(stderr, "incomplete gzip member") {
		t.Errorf("stderr does not report the repair:\n%s", stderr)
	}
	types, damage := archiveTypes(t, archive)
	if types[warc.TypeResponse] != 5 || damage != 0 {
		t.Errorf("archive holds %v, %d damaged; want 5 responses", types, damage)
	}
	if n, stderr := warcDocuments(t, archive); n != 5 {
		t.Errorf("--warc gave %d documents, want 5\n%s", n, stderr)
	}
}

// TestArchiveConcurrentRuns runs two analyses at once, each fetching 20
// pages into the same archive: all 40 can be read back.
func TestArchiveConcurrentRuns(t *testing.T) {
	list := pagesServer(t)
	archive := filepath.Join(t.TempDir(), "same.warc.gz")
	lists := []string{list("a", 20), list("b", 20)}
	outs := []string{filepath.Join(t.TempDir(), "a.json"), filepath.Join(t.TempDir(), "b.json")}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	stderrs := make([]string, 2)
	for i := range lists {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, stderrs[i], errs[i] = execute(t, "analyze", "--urls", lists[i], "--allow-private", "--archive", archive, "--format", "json", "-o", outs[i])
		}()
	}
	wg.Wait()
	for i := range errs {
		if errs[i] != nil {
			t.Fatalf("run %d: %v\n%s", i, errs[i], stderrs[i])
		}
	}
	types, damage := archiveTypes(t, archive)
	if types[warc.TypeResponse] != 40 || damage != 0 {
		t.Errorf("archive holds %v, %d damaged; want 40 responses", types, damage)
	}
}
