//go:build cleanextract

package clean

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/clean"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/extract"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestWithExtract scores the project's own extract stage before and after
// cleaning on the ScrapingHub pages. It depends on package extract, so it
// builds only with -tags cleanextract:
//
//	go test -tags cleanextract ./eval/clean -run TestWithExtract -v
func TestWithExtract(t *testing.T) {
	dir := shareddata.Require(t, "data", articlebench.Name)
	truth, err := articlebench.LoadTruth(dir)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s := document.NewStory()
	for _, it := range truth {
		raw, err := articlebench.ReadHTML(dir, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		d := &document.Document{ID: it.ID, Source: it.ID, Format: document.FormatHTML, Raw: raw, URL: it.URL}
		if err := ex.Annotate(ctx, d); err != nil {
			t.Logf("%s: %v", it.ID, err)
		}
		s.Add(d)
	}
	if err := clean.New(clean.Options{}).CleanStory(ctx, s); err != nil {
		t.Fatal(err)
	}
	var before, after []articlebench.ItemScore
	judged, wrong := 0, 0
	for i, it := range truth {
		d := s.Docs[i]
		b, a := articlebench.ScoreItem(it.Body, d.Extracted), articlebench.ScoreItem(it.Body, d.Text)
		before, after = append(before, b), append(after, a)
		for _, r := range d.Removed {
			lost := articlebench.Match(it.Body, r.Text)
			long := len(articlebench.Tokens(r.Text)) >= 4
			inTruth := long && lost.TP*2 > lost.TP+lost.FP
			if long {
				judged++
				if inTruth {
					wrong++
				}
			}
			if os.Getenv("CLEAN_SHOW") != "" || inTruth {
				fmt.Printf("  %s %s %v: %.90q\n", it.ID[:8], r.Reason, inTruth, r.Text)
			}
		}
	}
	if os.Getenv("CLEAN_LEFTOVERS") != "" {
		for i, it := range truth {
			for _, l := range strings.Split(s.Docs[i].Text, "\n") {
				if l = strings.TrimSpace(l); l != "" && len(strings.Fields(l)) <= 15 && !strings.Contains(it.Body, l) {
					fmt.Printf("  leftover %s: %.100q\n", it.ID[:8], l)
				}
			}
		}
	}
	pb, pa := articlebench.Summarize(before), articlebench.Summarize(after)
	fmt.Printf("extract       P/R/F1 %.3f/%.3f/%.3f\nextract+clean P/R/F1 %.3f/%.3f/%.3f\nremoval precision %d/%d\n",
		pb.Precision, pb.Recall, pb.F1, pa.Precision, pa.Recall, pa.F1, judged-wrong, judged)
}

// TestHashimiWithExtract runs extract and then clean over the hashimi
// corpus and prints the metadata extract found and what cleaning removed.
func TestHashimiWithExtract(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := document.NewStory()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := &document.Document{ID: filepath.Base(f)[:3], Source: f, Format: document.FormatText, Raw: string(b)}
		if err := ex.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		s.Add(d)
	}
	if err := clean.New(clean.Options{}).CleanStory(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	for _, d := range s.Docs {
		fmt.Printf("%s title=%q outlet=%q authors=%q published=%q extracted=%d text=%d\n", d.ID, d.Title, d.Outlet, d.Authors, d.Published.Value, len(d.Extracted), len(d.Text))
		for _, r := range d.Removed {
			fmt.Printf("   %s: %.70q\n", r.Reason, r.Text)
		}
	}
}
