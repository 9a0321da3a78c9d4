package analysis

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/warc"
)

const reportText = "Dam opens on the Karun\n\nThe new dam on the Karun river opened on Monday after ten years of work, the water ministry said. " +
	"Engineers said the reservoir would take two winters to fill, and farmers downstream asked for a share of the water."

// TestFlaggedPagesSetAside checks that local inputs are flagged after
// extraction, that flagged ones go to Story.Excluded, and that KeepFlagged
// keeps them in the story with their flags.
func TestFlaggedPagesSetAside(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"report.txt": reportText,
		"wall.html": "<html><head><title>Dam opens</title></head><body><article><p>The dam opened on Monday.</p>" +
			"<p>Subscribe to continue reading.</p></article></body></html>",
		"stub.txt": "Watch: the dam opens",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, keep := range []bool{false, true} {
		opts := Options{KeepFlagged: keep, Workers: 2}
		docs, probs, err := Read(context.Background(), []string{dir}, opts)
		if err != nil || len(probs) != 0 || len(docs) != 3 {
			t.Fatalf("read: %d docs, problems %v, err %v", len(docs), probs, err)
		}
		s, err := AnalyzeDocumentsWith(context.Background(), docs, probs, opts, nil)
		if err != nil {
			t.Fatal(err)
		}
		flagged := map[string]string{}
		for _, d := range append(append([]*document.Document{}, s.Docs...), s.Excluded...) {
			flagged[d.ID] = strings.Join(d.Flags, ",")
		}
		if flagged["report"] != "" || flagged["wall"] != "paywall" || flagged["stub"] != "stub" {
			t.Errorf("keep=%v: flags %v", keep, flagged)
		}
		wantDocs, wantExcluded := 1, 2
		if keep {
			wantDocs, wantExcluded = 3, 0
		}
		if len(s.Docs) != wantDocs || len(s.Excluded) != wantExcluded {
			t.Errorf("keep=%v: %d analysed, %d excluded; want %d, %d", keep, len(s.Docs), len(s.Excluded), wantDocs, wantExcluded)
		}
	}
}

// TestWARCReadOneWay checks that an archive named with Options.WARC and
// one met among the inputs give the same documents, dated alike with
// Options.Published.
func TestWARCReadOneWay(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := warc.NewWriter(f, true)
	at := time.Date(2024, 3, 13, 9, 30, 0, 0, time.UTC)
	for _, u := range []string{"https://news.example/a", "https://news.example/b"} {
		page := "<html><head><title>Dam</title></head><body><article><p>" + reportText + " (" + u + ")</p></article></body></html>"
		if err := w.WriteResponse(u, at, map[string]string{"Content-Type": "text/html"}, []byte(page)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	describe := func(docs []*document.Document) string {
		var out []string
		for _, d := range docs {
			out = append(out, d.ID+" "+d.URL+" "+d.Published.Value+" "+d.Raw)
		}
		return strings.Join(out, "\n")
	}
	opts := Options{Published: "2024-03-12"}
	asInput, p1, err := Read(context.Background(), []string{path}, opts)
	if err != nil || len(p1) != 0 {
		t.Fatalf("as input: %v %v", p1, err)
	}
	opts.WARC = path
	asOption, p2, err := Read(context.Background(), nil, opts)
	if err != nil || len(p2) != 0 {
		t.Fatalf("as --warc: %v %v", p2, err)
	}
	if len(asInput) != 2 || describe(asInput) != describe(asOption) {
		t.Errorf("as input:\n%s\nas --warc:\n%s", describe(asInput), describe(asOption))
	}
	for _, d := range asOption {
		if d.Published.Value != "2024-03-12" {
			t.Errorf("%s: published %q, want the given date", d.ID, d.Published.Value)
		}
	}
}
