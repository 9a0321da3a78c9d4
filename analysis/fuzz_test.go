package analysis

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"log/slog"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ingest"
	"github.com/corroborate/corroborate/report"
	rhtml "github.com/corroborate/corroborate/report/html"
	"github.com/corroborate/corroborate/report/jsonout"
	"github.com/corroborate/corroborate/report/markdown"
	"github.com/corroborate/corroborate/report/reporttest"
	"github.com/corroborate/corroborate/report/timelinejs"
)

// fuzzText and fuzzPage are a plain-text and an HTML report of one invented
// event with room for a payload (%[1]s raw, %[2]s HTML-escaped) in the
// headline, byline, outlet, quotes and body.
const (
	fuzzText = "Depot fire %[1]s\n\nBy Ana Ruiz %[1]s\n\nPORT ELM, March 4 (Harbor Wire %[1]s) - Fire crews put out a blaze at the Port Elm grain depot on Tuesday, the harbour office said. " +
		"Two workers were hurt. \"We were lucky %[1]s,\" said depot manager Ana Ruiz. The depot was inspected in June 2030. %[1]s\n"
	fuzzPage = `<!DOCTYPE html><html><head><title>Grain depot blaze %[2]s</title><meta property="og:site_name" content="Coast News %[2]s">` +
		`<meta property="article:published_time" content="2031-03-05T10:00:00Z"><meta name="author" content="%[2]s"></head><body>` +
		`<nav><a href="/">Home</a> | <a href="/world">World</a> %[1]s</nav><article><h1>Grain depot blaze %[2]s</h1>` +
		`<p>A fire at a grain depot in Port Elm was put out on Tuesday. Three workers were injured, a union said %[2]s.</p>` +
		`<p>Manager Anna Ruiz said the alarm "worked as it should %[2]s". The union had warned of the risk last winter. %[1]s</p>` +
		`<p>Dockers marched on the weekend. %[2]s</p></article><footer>%[1]s</footer></body></html>`
)

// FuzzAccount takes the bytes of two reports, a plain text and an HTML
// page, runs the whole flow over them (ingest, extraction, the Full
// preset) and writes every format. It fails on a stage that panicked, on
// a format that cannot be written, on invalid JSON, and on live markup or
// stray bidi controls in the Markdown, the HTML page or the TimelineJS
// slides (as report/reporttest checks them). The seeds put each of
// reporttest.Payloads into both reports.
//
//	go test ./analysis -run XXX -fuzz FuzzAccount -fuzztime 60s
func FuzzAccount(f *testing.F) {
	for _, p := range reporttest.Payloads {
		f.Add([]byte(fmt.Sprintf(fuzzText, p, html.EscapeString(p))), []byte(fmt.Sprintf(fuzzPage, p, html.EscapeString(p))))
	}
	f.Add([]byte(""), []byte("<html></html>"))
	opts := Options{Workers: 1, Logger: slog.New(slog.DiscardHandler)}
	// One run before fuzzing loads the models and compiles what the stages
	// build once per process, which under coverage instrumentation on a
	// busy machine can take longer than the 10 s the fuzzing engine allows
	// one input before it kills the worker as deadlocked.
	p := reporttest.Payloads[0]
	analyzeAndWrite(f, opts, []byte(fmt.Sprintf(fuzzText, p, html.EscapeString(p))), []byte(fmt.Sprintf(fuzzPage, p, html.EscapeString(p))))
	f.Fuzz(func(t *testing.T, text, page []byte) {
		analyzeAndWrite(t, opts, text, page)
	})
}

// analyzeAndWrite runs the flow over a text and an HTML report and checks
// every writer's output.
func analyzeAndWrite(t testing.TB, opts Options, text, page []byte) {
	t.Helper()
	in := ingest.Options{MaxBytes: 1 << 20, Published: "2031-03-05"}
	docs, probs := ingest.Bytes("a.txt", "a.txt", text, "", in)
	more, moreProbs := ingest.Bytes("b.html", "b.html", page, "text/html", in)
	docs, probs = append(docs, more...), append(probs, moreProbs...)
	s, err := AnalyzeDocuments(context.Background(), docs, probs, opts)
	if err != nil {
		t.Fatalf("analysis failed: %v", err)
	}
	for _, p := range s.AllProblems() {
		if p.Err != nil && strings.Contains(p.Err.Error(), "panic: ") {
			t.Errorf("%s: stage %s panicked: %v", p.Source, p.Stage, p.Err)
		}
	}
	checkWriters(t, s)
}

// checkWriters writes s in every format and checks each output.
func checkWriters(t testing.TB, s *document.Story) {
	t.Helper()
	o := report.Build(s, "fuzz")
	var md, js, page, tl bytes.Buffer
	if err := markdown.Render(&md, o); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	for _, p := range reporttest.MarkdownProblems(md.Bytes()) {
		t.Errorf("Markdown: %s", p)
	}
	if err := jsonout.Render(&js, o); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	if !json.Valid(js.Bytes()) {
		t.Errorf("JSON output is not valid JSON")
	}
	if err := rhtml.Render(&page, o, rhtml.Options{}); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	for _, p := range reporttest.HTMLProblems(page.Bytes()) {
		t.Errorf("HTML: %s", p)
	}
	if err := timelinejs.Render(&tl, o); err != nil {
		// The one refusal the writer documents: an entry whose date names
		// no period. Timeline dates come from timex, which gives readable
		// values only.
		t.Fatalf("TimelineJS: %v", err)
	}
	var slides struct {
		Title struct {
			Text struct{ Headline, Text string }
		}
		Events []struct {
			StartDate struct {
				DisplayDate string `json:"display_date"`
			} `json:"start_date"`
			Text  struct{ Headline, Text string }
			Group string
		}
	}
	if err := json.Unmarshal(tl.Bytes(), &slides); err != nil {
		t.Fatalf("TimelineJS output is not valid JSON: %v", err)
	}
	fields := []string{slides.Title.Text.Headline, slides.Title.Text.Text}
	for _, ev := range slides.Events {
		fields = append(fields, ev.Text.Headline, ev.Text.Text, ev.StartDate.DisplayDate, ev.Group)
	}
	for _, f := range fields {
		for _, p := range reporttest.FragmentProblems(f) {
			t.Errorf("TimelineJS: %s", p)
		}
	}
}
