package clean

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/corroborate/corroborate/clean"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/eval/articlebench"
)

// Systems are the stored extractor outputs the evaluation cleans, the
// first being the one whose cleaned F1 is the headline metric: readeck's
// go-readability keeps line breaks between paragraphs, which the cleaner
// needs (the stored go_trafilatura outputs are flattened to one line per
// article, so cleaning cannot act on them).
var Systems = []string{"go_readability_fork", "go_trafilatura", "go_domdistiller", "trafilatura", "readability_js", "html-text"}

// Run first scores cleaning on the labelled set (the Giveme5W1H records
// next to the ScrapingHub folder; skipped with a note when absent): the
// recall of boilerplate per kind and the reporting lost, on the tuning
// half and on the held-out half. Then it scores each ScrapingHub system's
// stored output before and after cleaning and prints the removals that
// cost recall. Its last line is "F1 <value>": the F1 of the first of
// Systems after cleaning.
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	if g := findGiveme(dataDir); g != "" {
		if _, err := runLabelled(ctx, g, w, []string{SplitTune, SplitTest}); err != nil {
			return fmt.Errorf("clean evaluation: %w", err)
		}
	} else {
		fmt.Fprintf(w, "labelled set: no giveme5w1h folder next to %s, skipped\n", dataDir)
	}
	fmt.Fprintln(w)
	_, _, err := run(ctx, dataDir, w, Systems)
	return err
}

// run evaluates the given systems and returns the first one's scores
// before and after cleaning.
func run(ctx context.Context, dataDir string, w io.Writer, systems []string) (peer, ours articlebench.Metrics, err error) {
	dir, err := articlebench.Find(dataDir)
	if err != nil {
		return peer, ours, fmt.Errorf("clean evaluation: %w", err)
	}
	truth, err := articlebench.LoadTruth(dir)
	if err != nil {
		return peer, ours, fmt.Errorf("clean evaluation: %w", err)
	}
	cl := clean.New(clean.Options{})
	fmt.Fprintf(w, "scrapinghub-aeb, %d pages; P/R/F1 of each extractor's stored output (peer) and after cleaning (ours)\n", len(truth))
	fmt.Fprintln(w, "removals: pieces cleaning took out; lossy: pages where it lost truth shingles;")
	fmt.Fprintln(w, "removal precision: share of removals of 4+ tokens that are mostly absent from the truth (boilerplate)")
	fmt.Fprintf(w, "%-20s %-22s %-22s %8s %8s   %s\n", "system", "peer P/R/F1", "ours P/R/F1", "removals", "lossy", "removal precision")
	for si, sys := range systems {
		if err := ctx.Err(); err != nil {
			return peer, ours, fmt.Errorf("clean evaluation: %w", err)
		}
		out, err := articlebench.ReadItems(articlebench.OutputPath(dir, sys))
		if err != nil {
			return peer, ours, fmt.Errorf("clean evaluation: %w", err)
		}
		story := document.NewStory()
		for _, it := range truth {
			d := &document.Document{ID: it.ID, Source: sys + "/" + it.ID, Format: document.FormatText,
				Extracted: out[it.ID].Body, Outlet: host(it.URL)}
			story.Add(d)
		}
		if err := cl.CleanStory(ctx, story); err != nil {
			return peer, ours, fmt.Errorf("clean evaluation: cleaning %s: %w", sys, err)
		}
		var before, after []articlebench.ItemScore
		removals, lossy := 0, 0
		// Removals of four tokens or more whose shingles are mostly in the
		// truth were content; the rest were boilerplate.
		judged, wrong := 0, 0
		var losses []string
		for i, it := range truth {
			d := story.Docs[i]
			b, a := articlebench.ScoreItem(it.Body, d.Extracted), articlebench.ScoreItem(it.Body, d.Text)
			before, after = append(before, b), append(after, a)
			removals += len(d.Removed)
			for _, r := range d.Removed {
				if len(articlebench.Tokens(r.Text)) < 4 {
					continue
				}
				judged++
				if c := articlebench.Match(it.Body, r.Text); c.TP*2 > c.TP+c.FP {
					wrong++
				}
			}
			if a.Raw.TP < b.Raw.TP {
				lossy++
				for _, r := range d.Removed {
					if lost := articlebench.Match(it.Body, r.Text); lost.TP > 0 {
						losses = append(losses, fmt.Sprintf("  %s %s %s: %.80q", sys, it.ID[:8], clean.ReasonCode(r.Reason), r.Text))
					}
				}
			}
		}
		pb, pa := articlebench.Summarize(before), articlebench.Summarize(after)
		if si == 0 {
			peer, ours = pb, pa
		}
		rp := 1.0
		if judged > 0 {
			rp = float64(judged-wrong) / float64(judged)
		}
		fmt.Fprintf(w, "%-20s %.3f/%.3f/%.3f    %.3f/%.3f/%.3f    %8d %8d   %.3f (%d/%d)\n", sys, pb.Precision, pb.Recall, pb.F1, pa.Precision, pa.Recall, pa.F1, removals, lossy, rp, judged-wrong, judged)
		for _, l := range losses {
			fmt.Fprintln(w, l)
		}
	}
	fmt.Fprintf(w, "F1 %.4f\n", ours.F1)
	return peer, ours, nil
}

// host returns the host of u without "www.", standing in for the outlet
// name so that lines an outlet repeats across its pages can be found.
func host(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}
