// Package extract evaluates main-text extraction on the ScrapingHub/Zyte
// article extraction benchmark (shared/data/scrapinghub-aeb): 181 news
// pages with hand-checked article bodies, scored with the benchmark's own
// metric (4-token shingles, per-page normalized counts, mean precision and
// recall, F1 from the means, exact-token accuracy) as eval/articlebench
// implements it.
//
// Run first rescores the benchmark's stored system outputs to show that the
// scorer reproduces the published table, then runs go-trafilatura alone and
// our extractor (with and without the clean stage) on the same pages.
package extract

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/corroborate/corroborate/clean"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/extract"
	"github.com/markusmobius/go-trafilatura"
)

// bootstrapSamples is the number of resamples for the ± column.
const bootstrapSamples = 1000

// system is one extractor under test: it maps a page to its article text.
type system struct {
	name string
	// published names the row of the upstream table to print beside it.
	published string
	run       func(ctx context.Context, it articlebench.Item, raw string) (string, error)
}

// result is a system's scores and speed.
type result struct {
	name, published string
	m               articlebench.Metrics
	msPerPage       float64
	cpuMsPerPage    float64
	failed          int
}

// Run evaluates extraction on the benchmark in dataDir (the scrapinghub-aeb
// folder, or a folder holding it) and writes a report to w whose last line
// is "F1 <value>" for our extractor followed by the clean stage.
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	return run(ctx, dataDir, w, 0)
}

// run is Run on the first limit pages (all when limit is 0); the scorer
// check always uses every page.
func run(ctx context.Context, dataDir string, w io.Writer, limit int) error {
	dir, err := articlebench.Find(dataDir)
	if err != nil {
		return err
	}
	items, err := articlebench.LoadTruth(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "scrapinghub-aeb: %d pages from %s\n\n", len(items), dir)
	worst, err := checkStored(w, dir, items)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "largest F1 difference from the published table: %.4f\n\n", worst)
	if limit > 0 && limit < len(items) {
		items = items[:limit]
		fmt.Fprintf(w, "systems run on the first %d pages only\n", limit)
	}

	ours, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	trafOnly, err := extract.New(extract.Options{TrafilaturaOnly: true})
	if err != nil {
		return err
	}
	cleaner := clean.New(clean.Options{})
	var cov coverage
	extractWith := func(ex *extract.Extractor, withClean bool, sink *coverage) func(context.Context, articlebench.Item, string) (string, error) {
		return func(ctx context.Context, it articlebench.Item, raw string) (string, error) {
			d := &document.Document{ID: it.ID, Source: it.ID, URL: it.URL, Format: document.FormatHTML, Raw: raw}
			err := ex.Annotate(ctx, d)
			if sink != nil {
				sink.add(d)
			}
			if err != nil {
				return d.Extracted, err
			}
			if !withClean {
				return d.Extracted, nil
			}
			if err := cleaner.Annotate(ctx, d); err != nil {
				return d.Extracted, err
			}
			return d.Text, nil
		}
	}
	systems := []system{
		{name: "go-trafilatura default", published: "go_trafilatura", run: func(_ context.Context, _ articlebench.Item, raw string) (string, error) {
			r, err := trafilatura.Extract(strings.NewReader(raw), trafilatura.Options{})
			if err != nil {
				return "", err
			}
			return r.ContentText, nil
		}},
		{name: "extract trafilatura-only", run: extractWith(trafOnly, false, nil)},
		{name: "extract (ours)", run: extractWith(ours, false, &cov)},
		{name: "extract + clean (ours)", run: extractWith(ours, true, nil)},
	}
	raws := make([]string, len(items))
	for i, it := range items {
		if raws[i], err = articlebench.ReadHTML(dir, it.ID); err != nil {
			return err
		}
	}
	var results []result
	for _, sys := range systems {
		r, err := runSystem(ctx, sys, items, raws)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	fmt.Fprintln(w)
	cov.print(w)
	fmt.Fprintln(w)
	printTable(w, results)
	fmt.Fprintln(w, "ms/page is wall time (noisy on a shared machine); cpu ms is process CPU time (user+system, all threads incl. GC) per page.")
	fmt.Fprintf(w, "\nF1 %.4f\n", results[len(results)-1].m.F1)
	return nil
}

// runSystem extracts every page with sys and scores the texts. A failed
// page counts as an empty extraction.
func runSystem(ctx context.Context, sys system, items []articlebench.Item, raws []string) (result, error) {
	scores := make([]articlebench.ItemScore, len(items))
	failed := 0
	var spent time.Duration
	cpu0 := cpuSeconds()
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return result{}, err
		}
		start := time.Now()
		text, err := sys.run(ctx, it, raws[i])
		spent += time.Since(start)
		if err != nil {
			failed++
		}
		scores[i] = articlebench.ScoreItem(it.Body, text)
	}
	return result{
		name:         sys.name,
		published:    sys.published,
		m:            articlebench.Bootstrap(scores, bootstrapSamples),
		msPerPage:    float64(spent.Microseconds()) / 1000 / float64(len(items)),
		cpuMsPerPage: (cpuSeconds() - cpu0) * 1000 / float64(len(items)),
		failed:       failed,
	}, nil
}

// printTable writes the results with the published numbers beside them.
func printTable(w io.Writer, results []result) {
	fmt.Fprintf(w, "%-26s %-15s %-6s %-6s %-6s %8s %8s %6s   %s\n", "system", "F1", "P", "R", "acc", "ms/page", "cpu ms", "failed", "published F1/P/R/acc")
	for _, r := range results {
		pub := "-"
		if p, ok := published[r.published]; ok {
			pub = fmt.Sprintf("%.3f %.3f %.3f %.3f (%s)", p[0], p[1], p[2], p[3], r.published)
		}
		fmt.Fprintf(w, "%-26s %.3f ± %.3f %.3f  %.3f  %.3f  %8.1f %8.1f %6d   %s\n",
			r.name, r.m.F1, r.m.F1Std, r.m.Precision, r.m.Recall, r.m.Accuracy, r.msPerPage, r.cpuMsPerPage, r.failed, pub)
	}
	for _, name := range []string{"rs_trafilatura", "trafilatura", "go_readability_fork", "go_domdistiller"} {
		p := published[name]
		fmt.Fprintf(w, "%-42s %.3f  %.3f  %.3f  %.3f   (published, not run here)\n", "(published) "+name, p[0], p[1], p[2], p[3])
	}
}
