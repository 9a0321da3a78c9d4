package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/extract"
)

// Paragraphs of an invented report; version 2 corrects the second one.
const (
	paraLead  = "Flood waters closed the river road north of Tamsford on Tuesday, after two days of heavy rain upstream."
	paraOld   = "Officials said two people were taken to hospital after their car was swept off the road near the old mill."
	paraNew   = "Officials said four people were taken to hospital, two of them children, after their car was swept off the road near the old mill."
	paraAfter = "Engineers expect to reopen the road by the weekend if the water level keeps falling as forecast."
)

// revisedServer serves /story with an ETag per version (answering 304 to a
// matching If-None-Match) and /live without validators but with a script
// that changes on every request. It counts full answers and 304s for
// /story, and the conditional requests it received.
type revisedServer struct {
	*httptest.Server
	version                        atomic.Int32
	full, notModified, conditional atomic.Int32
}

func newRevisedServer(t *testing.T) *revisedServer {
	t.Helper()
	s := &revisedServer{}
	s.version.Store(1)
	var served atomic.Int32
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/story":
			v := s.version.Load()
			etag := fmt.Sprintf(`"v%d"`, v)
			w.Header().Set("ETag", etag)
			if inm := r.Header.Get("If-None-Match"); inm != "" {
				s.conditional.Add(1)
				if inm == etag {
					s.notModified.Add(1)
					w.WriteHeader(http.StatusNotModified)
					return
				}
			}
			s.full.Add(1)
			second := paraOld
			if v == 2 {
				second = paraNew
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><title>River road closed</title><meta property="article:published_time" content="2026-03-03T08:00:00Z"></head>`+
				`<body><nav><a href="/">Home</a> <a href="/weather">Weather</a></nav><article>`+
				"<p>%s</p><p>%s</p><p>%s</p></article><footer>Tamsford Gazette</footer></body></html>", paraLead, second, paraAfter)
		case "/live":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><body><script>var session = "%d";</script><p>%s</p></body></html>`, served.Add(1), paraLead)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// runOnce is one run of a program over the server's pages with a fresh
// client on dir, in the order package analysis follows: fetch, extract
// (the real extraction stage), Record, Close.
func runOnce(t *testing.T, srv *revisedServer, dir string) (*Client, []*document.Document) {
	t.Helper()
	o := testOptions()
	o.StateDir = dir
	c := New(o)
	if err := c.StateError(); err != nil {
		t.Fatalf("state: %v", err)
	}
	docs, probs := c.Documents(context.Background(), []string{srv.URL + "/story", srv.URL + "/live"})
	if len(docs) != 2 || len(probs) != 0 {
		t.Fatalf("docs %d, problems %v", len(docs), probs)
	}
	extractAll(t, docs)
	if err := c.Record(docs); err != nil {
		t.Fatalf("Record: %v", err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return c, docs
}

// extractAll runs the extraction stage over docs.
func extractAll(t *testing.T, docs []*document.Document) {
	t.Helper()
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := ex.Annotate(context.Background(), d); err != nil {
			t.Logf("extracting %s: %v", d.Source, err)
		}
	}
}

func TestStateDirAcrossRuns(t *testing.T) {
	srv := newRevisedServer(t)
	dir := filepath.Join(t.TempDir(), "state", "fetch") // created on first save
	story := srv.URL + "/story"

	// Run 1: everything is new.
	_, docs1 := runOnce(t, srv, dir)
	if srv.full.Load() != 1 || srv.conditional.Load() != 0 {
		t.Fatalf("run 1: %d full answers, %d conditional requests", srv.full.Load(), srv.conditional.Load())
	}

	// Run 2, nothing changed: the story is revalidated (304) and no page
	// gets a new revision, not even the one whose script changed.
	c2, docs2 := runOnce(t, srv, dir)
	if srv.conditional.Load() != 1 || srv.notModified.Load() != 1 || srv.full.Load() != 1 {
		t.Errorf("run 2: %d conditional requests, %d 304s, %d full answers; want 1, 1, 1",
			srv.conditional.Load(), srv.notModified.Load(), srv.full.Load())
	}
	for i, d := range docs2 {
		if revs := c2.History().Revisions(d.URL); len(revs) != 1 {
			t.Errorf("run 2: %s has %d revisions, want 1", d.URL, len(revs))
		} else if !revs[0].CheckedAt.After(revs[0].FetchedAt) {
			t.Errorf("run 2: %s checked %s, fetched %s", d.URL, revs[0].CheckedAt, revs[0].FetchedAt)
		}
		if d.ID != docs1[i].ID {
			t.Errorf("run 2: ID %q, run 1 %q", d.ID, docs1[i].ID)
		}
	}
	if _, err := c2.History().DiffParagraphs(story); err == nil {
		t.Error("diff of a page with one revision should fail")
	}

	// Run 3, the story was corrected: a conditional request, a full
	// answer, a second revision whose diff is the corrected paragraph.
	srv.version.Store(2)
	c3, docs3 := runOnce(t, srv, dir)
	if srv.conditional.Load() != 2 || srv.full.Load() != 2 {
		t.Errorf("run 3: %d conditional requests, %d full answers; want 2, 2", srv.conditional.Load(), srv.full.Load())
	}
	if want := docs1[0].ID + "-r2"; docs3[0].ID != want {
		t.Errorf("run 3: ID %q, want %q", docs3[0].ID, want)
	}
	if got := len(c3.History().Revisions(docs3[1].URL)); got != 1 {
		t.Errorf("run 3: unchanged /live has %d revisions", got)
	}
	wantDiff := "= " + paraLead + " | - " + paraOld + " | + " + paraNew + " | = " + paraAfter
	checkDiff := func(when string, h *History) {
		t.Helper()
		changes, err := h.DiffParagraphs(story)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		var parts []string
		for _, ch := range changes {
			parts = append(parts, string(ch.Op)+" "+ch.Text)
		}
		if got := strings.Join(parts, " | "); got != wantDiff {
			t.Errorf("%s: diff\n%s\nwant\n%s", when, got, wantDiff)
		}
	}
	checkDiff("run 3", c3.History())

	// A fresh client sees both revisions from the state file alone.
	o := testOptions()
	o.StateDir = dir
	c4 := New(o)
	revs := c4.History().Revisions(story)
	if len(revs) != 2 {
		t.Fatalf("reloaded: %d revisions", len(revs))
	}
	r1, r2 := revs[0], revs[1]
	if r1.ETag != `"v1"` || r2.ETag != `"v2"` || r1.Hash == r2.Hash || r2.N != 2 {
		t.Errorf("reloaded revisions: %+v / %+v", r1, r2)
	}
	for i, r := range revs {
		second := []string{paraOld, paraNew}[i]
		if r.Published.Value != "2026-03-03" || r.Title != "River road closed" ||
			!strings.Contains(r.Extracted, paraLead) || !strings.Contains(r.Extracted, second) || strings.Contains(r.Extracted, "Gazette") {
			t.Errorf("reloaded revision %d lacks what extraction found: published %+v, title %q, extracted %q", r.N, r.Published, r.Title, r.Extracted)
		}
	}
	checkDiff("reloaded", c4.History())
	if err := c4.Close(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != StateFile || entries[1].Name() != LockFile {
		t.Errorf("state folder holds %v, want only %s and %s", entries, StateFile, LockFile)
	}
}

// TestRevisionsRecordOnlyWhenAsked checks that the client keeps no
// documents: what extraction finds reaches the state only through Record
// (here RecordState, with the fetching client gone, as package analysis
// does), matched to the revision by page content even when the document's
// ID was changed, and that documents the state never saw are skipped.
func TestRevisionsRecordOnlyWhenAsked(t *testing.T) {
	srv := newRevisedServer(t)
	dir := t.TempDir()
	o := testOptions()
	o.StateDir = dir
	c := New(o)
	docs, probs := c.Documents(context.Background(), []string{srv.URL + "/story"})
	if len(docs) != 1 || len(probs) != 0 {
		t.Fatalf("docs %d, problems %v", len(docs), probs)
	}
	if err := c.Close(); err != nil { // before extraction
		t.Fatal(err)
	}
	extractAll(t, docs)
	reload := func() Revision {
		t.Helper()
		_, pages, err := readState(filepath.Join(dir, StateFile))
		if err != nil || len(pages[docs[0].URL]) != 1 {
			t.Fatalf("state: %v, %d pages", err, len(pages))
		}
		return pages[docs[0].URL][0]
	}
	if r := reload(); r.Title != "" || r.Extracted != "" || !r.Published.IsZero() {
		t.Fatalf("revision recorded before extraction has title %q, extracted %q, published %+v", r.Title, r.Extracted, r.Published)
	}
	if err := c.Close(); err != nil { // Close after extraction still records nothing
		t.Fatal(err)
	}
	if r := reload(); r.Title != "" || r.Extracted != "" {
		t.Errorf("Close read the documents: title %q", r.Title)
	}
	docs[0].ID += "-2" // as document.Story renames a duplicate
	local := &document.Document{ID: "note", Source: "note.txt", Format: document.FormatText, Raw: "A note.", Extracted: "A note.", Title: "Note"}
	if err := RecordState(dir, append(docs, local)); err != nil {
		t.Fatal(err)
	}
	r := reload()
	if r.Title != docs[0].Title || r.Title == "" || r.Extracted != docs[0].Extracted || !r.Published.Equal(docs[0].Published) {
		t.Errorf("recorded title %q extracted %q published %+v; document has %q %q %+v",
			r.Title, r.Extracted, r.Published, docs[0].Title, docs[0].Extracted, docs[0].Published)
	}
	if _, pages, _ := readState(filepath.Join(dir, StateFile)); len(pages) != 1 {
		t.Errorf("a local document was added to the state: %d pages", len(pages))
	}
	empty := t.TempDir()
	if err := RecordState(empty, docs); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("RecordState wrote into a folder without state: %v", entries)
	}
}

func TestStateFileFormat(t *testing.T) {
	srv := newRevisedServer(t)
	dir := t.TempDir()
	runOnce(t, srv, dir)
	data, err := os.ReadFile(filepath.Join(dir, StateFile))
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Version int                         `json:"version"`
		Cache   map[string]map[string]any   `json:"cache"`
		Pages   map[string][]map[string]any `json:"pages"`
	}
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatal(err)
	}
	if st.Version != StateVersion {
		t.Errorf("version %d", st.Version)
	}
	if e := st.Cache[srv.URL+"/story"]; e["etag"] != `"v1"` || !strings.Contains(fmt.Sprint(e["body"]), paraOld) {
		t.Errorf("cache entry %v", e)
	}
	if _, ok := st.Cache[srv.URL+"/live"]; ok {
		t.Error("a page without validators was cached")
	}
	revs := st.Pages[srv.URL+"/story"]
	if len(revs) != 1 || revs[0]["n"] != 1.0 || !strings.Contains(fmt.Sprint(revs[0]["text"]), paraOld) || revs[0]["published"] == nil {
		t.Errorf("page record %v", revs)
	}
}

func TestBadStateFile(t *testing.T) {
	srv := newRevisedServer(t)
	goodDir := t.TempDir()
	runOnce(t, srv, goodDir)
	good, err := os.ReadFile(filepath.Join(goodDir, StateFile))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, content, reason string
	}{
		{"empty", "", "empty"},
		{"truncated", string(good[:len(good)/2]), "truncated"},
		{"not JSON", "pages: none\n", "invalid JSON at byte"},
		{"no version", `{"pages": {}}`, "no version field"},
		{"future version", `{"version": 9, "pages": []}`, "format version 9"},
		{"wrong type", `{"version": 1, "pages": {"https://example.org/a": "x"}}`, `field "pages`},
		{"text edited", strings.ReplaceAll(string(good), "two people", "six people"), "hash does not match"},
		{"revision numbers", strings.Replace(string(good), `"n":1`, `"n":3`, 1), "numbered 3"},
		{"cache without validators", `{"version": 1, "cache": {"https://example.org/a": {"body": "x"}}}`, "neither etag nor last_modified"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, StateFile)
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			var logs bytes.Buffer
			o := testOptions()
			o.StateDir = dir
			o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
			c := New(o)
			err := c.StateError()
			if !errors.Is(err, ErrBadState) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("StateError %v, want ErrBadState naming %s and %q", err, path, tc.reason)
			}
			if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), StateFile) {
				t.Errorf("no warning logged: %q", logs.String())
			}
			if kept, err := os.ReadFile(path + ".bad"); err != nil || string(kept) != tc.content {
				t.Errorf("damaged file not moved aside intact: %v", err)
			}
			// Fetching goes on from an empty state, and the new state saves.
			docs, probs := c.Documents(context.Background(), []string{srv.URL + "/story"})
			if len(docs) != 1 || len(probs) != 0 || len(c.History().Revisions(docs[0].URL)) != 1 {
				t.Fatalf("fetch after bad state: docs %d, problems %v", len(docs), probs)
			}
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			if _, _, err := readState(path); err != nil {
				t.Errorf("state saved after recovery is unreadable: %v", err)
			}
		})
	}
}

func TestUnreadableStateFolder(t *testing.T) {
	srv := newRevisedServer(t)
	dir := t.TempDir()
	// A folder where the file should be: unreadable, not damaged.
	if err := os.Mkdir(filepath.Join(dir, StateFile), 0o755); err != nil {
		t.Fatal(err)
	}
	o := testOptions()
	o.StateDir = dir
	o.Logger = slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))
	c := New(o)
	if err := c.StateError(); err == nil || errors.Is(err, ErrBadState) || !strings.Contains(err.Error(), StateFile) {
		t.Errorf("StateError %v", err)
	}
	if _, err := c.Fetch(context.Background(), srv.URL+"/story"); err != nil {
		t.Fatalf("fetch: %v", err)
	}
	if err := c.Close(); err == nil || !strings.Contains(err.Error(), StateFile) {
		t.Errorf("Close over a folder: %v", err)
	}
}

func TestNoStateDirWritesNothing(t *testing.T) {
	srv := newRevisedServer(t)
	wd := t.TempDir()
	t.Chdir(wd)
	c := New(testOptions())
	if _, probs := c.Documents(context.Background(), []string{srv.URL + "/story"}); len(probs) != 0 {
		t.Fatal(probs)
	}
	if err := c.Close(); err != nil || c.StateError() != nil {
		t.Fatalf("Close %v, StateError %v", err, c.StateError())
	}
	if entries, _ := os.ReadDir(wd); len(entries) != 0 {
		t.Errorf("files written without a StateDir: %v", entries)
	}
}

func TestVisibleText(t *testing.T) {
	cases := []struct {
		name string
		doc  document.Document
		want string
	}{
		{"blocks and scripts", document.Document{Format: document.FormatHTML,
			Raw: `<html><head><title>T</title><style>p{}</style></head><body><h1>Storm  hits</h1><script>x=1</script><p>Roofs <b>lost</b>.</p><div>More<br>lines</div></body></html>`},
			"Storm hits\n\nRoofs lost .\n\nMore\n\nlines"},
		{"head never closed", document.Document{Format: document.FormatHTML,
			Raw: `<html><head><title>T</title><body><p>Body text.</p>`}, "Body text."},
		{"plain text", document.Document{Format: document.FormatText, Raw: "One.\r\n\r\n\r\nTwo.  "}, "One.\n\nTwo."},
		{"broken markup", document.Document{Format: document.FormatHTML, Raw: `<p>Kept<p`}, "Kept"},
	}
	for _, tc := range cases {
		if got := VisibleText(&tc.doc); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestStateSavesUnderConcurrentBatches(t *testing.T) {
	srv := newRevisedServer(t)
	o := testOptions()
	o.StateDir = t.TempDir()
	c := New(o)
	done := make(chan []document.Problem)
	for i := 0; i < 3; i++ {
		go func() {
			_, probs := c.Documents(context.Background(), []string{srv.URL + "/story", srv.URL + "/live"})
			done <- probs
		}()
	}
	for i := 0; i < 3; i++ {
		if probs := <-done; len(probs) != 0 {
			t.Error(probs)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	_, pages, err := readState(filepath.Join(o.StateDir, StateFile))
	if err != nil || len(pages) != 2 {
		t.Fatalf("saved state: %d pages, %v", len(pages), err)
	}
}

// BenchmarkStateSaveLoad saves and reloads the state of 500 pages of about
// 5 kB each, two revisions apiece.
func BenchmarkStateSaveLoad(b *testing.B) {
	o := testOptions()
	o.StateDir = b.TempDir()
	c := New(o)
	now := time.Now()
	para := strings.Repeat("Rescue teams reached the valley villages after the storm. ", 10)
	for i := 0; i < 500; i++ {
		for v := 0; v < 2; v++ {
			d := &document.Document{ID: fmt.Sprintf("p%d", i), URL: fmt.Sprintf("https://news.example/%d", i), Format: document.FormatText,
				Raw: fmt.Sprintf("%s\n\n%s\n\nVersion %d.", para, strings.Repeat(para, 8), v)}
			c.history.add(d, now, `"e"`, "")
		}
	}
	path := filepath.Join(o.StateDir, StateFile)
	b.ResetTimer()
	for b.Loop() {
		c.savedAt = -1 // force a write
		if err := c.saveState(); err != nil {
			b.Fatal(err)
		}
		if _, pages, err := readState(path); err != nil || len(pages) != 500 {
			b.Fatalf("%d pages, %v", len(pages), err)
		}
	}
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/1e6, "MB")
	}
}

func TestHistoryAddDecidesByVisibleText(t *testing.T) {
	html := func(raw string) *document.Document {
		return &document.Document{ID: "p", URL: "https://news.example/p", Format: document.FormatHTML, Raw: raw}
	}
	cases := []struct {
		name        string
		first, then string
		changed     bool
	}{
		{"new script token", `<p>Same.</p><script>t=1</script>`, `<p>Same.</p><script>t=2</script>`, false},
		{"markup only", `<p>Same <b>text</b>.</p>`, `<div><p>Same <i>text</i>.</p></div>`, false},
		{"edited text", `<p>Two hurt.</p>`, `<p>Three hurt.</p>`, true},
		{"nothing visible: the source decides", `<script>render(1)</script>`, `<script>render(2)</script>`, true},
	}
	for _, tc := range cases {
		h := NewHistory()
		h.Add(html(tc.first), time.Now())
		d := html(tc.then)
		rev, changed := h.Add(d, time.Now())
		if changed != tc.changed || (rev.N == 2) != tc.changed {
			t.Errorf("%s: changed %v (revision %d), want %v", tc.name, changed, rev.N, tc.changed)
		}
		if tc.changed && d.ID != "p-r2" {
			t.Errorf("%s: ID %q", tc.name, d.ID)
		}
	}
}

// FuzzReadState checks that any state file gives state or an error naming
// the file, never a panic.
func FuzzReadState(f *testing.F) {
	f.Add([]byte(`{"version":1,"cache":{},"pages":{}}`))
	f.Add([]byte(`{"version":1,"pages":{"https://a.example/":[{"n":1,"id":"a","hash":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","text":""}]}}`))
	f.Add([]byte(`{"version":1,"cache":{"u":{"etag":"x","body":"!!","body_encoding":"base64"}}}`))
	f.Add([]byte(`{"version":"1"}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, StateFile)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := readState(path); err != nil && !strings.Contains(err.Error(), path) {
			t.Errorf("error does not name the file: %v", err)
		}
	})
}
