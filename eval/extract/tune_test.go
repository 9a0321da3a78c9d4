package extract

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/eval/articlebench"
	"github.com/corroborate/corroborate/extract"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestTuneDump writes per-page candidate scores and features to the file
// named by $CORROBORATE_TUNE (for tuning the selection rule by hand).
func TestTuneDump(t *testing.T) {
	out := os.Getenv("CORROBORATE_TUNE")
	if out == "" {
		t.Skip("set CORROBORATE_TUNE=file to dump candidate features")
	}
	dir := shareddata.Require(t, "data", articlebench.Name)
	items, err := articlebench.LoadTruth(dir)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, "id\tpairs\tchosen\tcand\tf1\tp\tr\twords\tparas\tlink\tteaser\tcomments\tagree\ttitle")
	for _, it := range items {
		raw, err := articlebench.ReadHTML(dir, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		d := &document.Document{Source: it.ID, URL: it.URL, Format: document.FormatHTML, Raw: raw}
		cands, chosen, err := ex.HTMLCandidates(context.Background(), d)
		if err != nil {
			t.Log(err)
			continue
		}
		pairs := ""
		for i := range cands {
			for j := i + 1; j < len(cands); j++ {
				pairs += fmt.Sprintf("%.3f,", articlebench.Summarize([]articlebench.ItemScore{articlebench.ScoreItem(cands[i].Text, cands[j].Text)}).F1)
			}
		}
		for _, c := range cands {
			m := articlebench.Summarize([]articlebench.ItemScore{articlebench.ScoreItem(it.Body, c.Text)})
			ft := c.Features
			fmt.Fprintf(f, "%s\t%s\t%d\t%s\t%.4f\t%.4f\t%.4f\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", it.ID[:12], pairs, chosen, c.Name, m.F1, m.Precision, m.Recall,
				ft.Words, ft.Paras, ft.LinkShare, ft.Teaser, ft.Comments, ft.Agreement, ft.Title)
		}
	}
}
