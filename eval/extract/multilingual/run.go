// Package multilingual evaluates main-text extraction on trafilatura's
// multilingual benchmark (shared/data/trafilatura-eval): 990 web pages, each
// with snippets that must appear in the extracted text ("with") and
// boilerplate snippets that must not ("without"). It uses the upstream
// metric: whitespace-normalized substring tests, counts summed over the
// corpus, P = TP/(TP+FP), R = TP/(TP+FN), accuracy = (TP+TN)/all, F1; a
// failed extraction counts as empty text.
//
// The extractor's selection rule was tuned on scrapinghub-aeb only, so this
// set is a held-out check.
package multilingual

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/eval/snippetbench"
	"github.com/corroborate/corroborate/extract"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html/charset"
)

// Counts are the summed snippet outcomes.
type Counts struct{ TP, FP, FN, TN int }

// Add scores one extracted text against a page's snippets.
func (c *Counts) Add(text string, with, without []string) {
	text = normalize(text)
	for _, s := range with {
		if strings.Contains(text, normalize(s)) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, s := range without {
		if strings.Contains(text, normalize(s)) {
			c.FP++
		} else {
			c.TN++
		}
	}
}

// Scores returns precision, recall, accuracy and F1.
func (c Counts) Scores() (p, r, acc, f1 float64) {
	if c.TP+c.FP > 0 {
		p = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		r = float64(c.TP) / float64(c.TP+c.FN)
	}
	if all := c.TP + c.FP + c.FN + c.TN; all > 0 {
		acc = float64(c.TP+c.TN) / float64(all)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, acc, f1
}

// normalize collapses whitespace runs to one space and trims.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// readPage reads a page and decodes it to UTF-8 (as ingest would): valid
// UTF-8 stays, otherwise the encoding the page declares.
func readPage(dir string, p snippetbench.Page) (string, error) {
	b, err := snippetbench.ReadPage(dir, p)
	if err != nil {
		return "", err
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	enc, _, _ := charset.DetermineEncoding(b, "text/html")
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(b)))
	if err != nil {
		return "", fmt.Errorf("decoding %s: %w", filepath.Join(dir, "html", p.File+".gz"), err)
	}
	return string(out), nil
}

// Run evaluates go-trafilatura alone and our extractor on the benchmark in
// dataDir (the trafilatura-eval folder or a folder holding it); the last
// line is "F1 <value>" for our extractor.
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	return run(ctx, dataDir, w, 0)
}

// run is Run on the first limit pages (all when limit is 0).
func run(ctx context.Context, dataDir string, w io.Writer, limit int) error {
	dir, err := snippetbench.Find(dataDir)
	if err != nil {
		return err
	}
	entries, err := snippetbench.LoadPages(dir)
	if err != nil {
		return err
	}
	if limit > 0 && limit < len(entries) {
		entries = entries[:limit]
	}
	ours, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	type system struct {
		name string
		run  func(e snippetbench.Page, raw string) (string, error)
	}
	systems := []system{
		{"go-trafilatura default", func(_ snippetbench.Page, raw string) (string, error) {
			r, err := trafilatura.Extract(strings.NewReader(raw), trafilatura.Options{})
			if err != nil {
				return "", err
			}
			return r.ContentText, nil
		}},
		{"extract (ours)", func(e snippetbench.Page, raw string) (string, error) {
			d := &document.Document{Source: e.File, URL: e.URL, Format: document.FormatHTML, Raw: raw}
			err := ours.Annotate(ctx, d)
			return d.Extracted, err
		}},
	}
	raws := make([]string, len(entries))
	for i, e := range entries {
		if raws[i], err = readPage(dir, e); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "trafilatura-eval: %d pages from %s\n\n", len(entries), dir)
	fmt.Fprintf(w, "%-24s %-6s %-6s %-6s %-6s %8s %6s\n", "system", "P", "R", "acc", "F1", "ms/page", "failed")
	var lastF1 float64
	for _, sys := range systems {
		var c Counts
		failed := 0
		var spent time.Duration
		for i, e := range entries {
			if err := ctx.Err(); err != nil {
				return err
			}
			start := time.Now()
			text, err := sys.run(e, raws[i])
			spent += time.Since(start)
			if err != nil {
				failed++
			}
			c.Add(text, e.With, e.Without)
		}
		p, r, acc, f1 := c.Scores()
		lastF1 = f1
		fmt.Fprintf(w, "%-24s %.3f  %.3f  %.3f  %.3f  %8.1f %6d\n", sys.name, p, r, acc, f1, float64(spent.Microseconds())/1000/float64(len(entries)), failed)
	}
	fmt.Fprintln(w, "(published) trafilatura 2.2.0    0.906  0.943  0.923  0.924   (990 pages, upstream docs 2026-08-04)")
	fmt.Fprintln(w, "(published) go-trafilatura        0.912  0.897  -      0.904   (older 960-page version, go-trafilatura README)")
	fmt.Fprintf(w, "\nF1 %.4f\n", lastF1)
	return nil
}
