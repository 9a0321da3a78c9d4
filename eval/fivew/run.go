package fivew

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
)

// Published figures: Hamborg, Breitinger & Gipp 2019, "Giveme5W1H: A
// Universal System for Extracting Main Events from News Articles" (INRA
// workshop, RecSys 2019, CEUR Vol-2554), expert ratings of 120 articles.
const (
	publishedAll  = 0.73
	publishedFour = 0.82
)

// Run evaluates on the Giveme5W1H data under dataDir (the shared data
// folder or its giveme5w1h folder) and ends with "Precision <value>": our
// mean rating over the six questions on the reporting half.
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	return run(ctx, dataDir, w, 0)
}

func run(ctx context.Context, dataDir string, w io.Writer, limit int) error {
	root, err := findRoot(dataDir)
	if err != nil {
		return err
	}
	arts, errs := loadArticles(root)
	for _, e := range errs {
		fmt.Fprintf(w, "skipped: %v\n", e)
	}
	if len(arts) == 0 {
		return fmt.Errorf("no readable articles under %s", root)
	}
	tune, report := halves(arts)
	if limit > 0 {
		if len(tune) > limit {
			tune = tune[:limit]
		}
		if len(report) > limit {
			report = report[:limit]
		}
	}
	fmt.Fprintln(w, "Main-event 5W1H on the Giveme5W1H gold standard. Automatic approximation of the authors'")
	fmt.Fprintln(w, "human precision: each answer rated 1 / 0.5 / 0 against the phrases >= 2 of 3 coders chose")
	fmt.Fprintln(w, "(content-word overlap; a when answer also scores 1 on the gold's parsed date). Precision is the")
	fmt.Fprintln(w, "mean rating of the answers given; coverage the share of questions with gold that got one.")
	fmt.Fprintln(w, "Questions whose gold has no phrase >= 2 coders chose are left out for both systems.")
	var ours, peer [2]*Tally
	for h, half := range [][]*Article{tune, report} {
		ours[h], peer[h] = NewTally(), NewTally()
		for _, a := range half {
			if err := ctx.Err(); err != nil {
				return err
			}
			f, err := answer(ctx, a)
			if err != nil {
				fmt.Fprintf(w, "article %s: %v\n", a.File, err)
				f = &document.FiveW1H{}
			}
			for _, q := range Questions {
				ans := pick(f, q)
				date := ""
				if ans.Date != nil {
					date = ans.Date.Value
				}
				ours[h].Add(q, ans.Text, date, a.Gold[q])
				peer[h].Add(q, a.Peer[q], "", a.Gold[q])
			}
		}
	}
	four := []string{"who", "what", "when", "where"}
	for h, name := range []string{fmt.Sprintf("tuning half (%d articles)", len(tune)), fmt.Sprintf("reporting half (%d articles)", len(report))} {
		fmt.Fprintf(w, "\n%s\n", name)
		fmt.Fprintf(w, "  %-12s", "system")
		for _, q := range Questions {
			fmt.Fprintf(w, " %6s", q)
		}
		fmt.Fprintf(w, " %6s %6s %8s\n", "4W", "all", "coverage")
		for _, row := range []struct {
			name string
			t    *Tally
		}{{"corroborate", ours[h]}, {"giveme5w1h", peer[h]}} {
			fmt.Fprintf(w, "  %-12s", row.name)
			for _, q := range Questions {
				fmt.Fprintf(w, " %6.3f", row.t.Precision(q))
			}
			fmt.Fprintf(w, " %6.3f %6.3f %8.3f\n", row.t.Precision(four...), row.t.Precision(Questions...), row.t.Coverage(Questions...))
		}
	}
	fmt.Fprintf(w, "\nAnchor (different measure: human ratings of 120 articles): Giveme5W1H precision %.2f over the six\n", publishedAll)
	fmt.Fprintf(w, "questions, %.2f over who/what/when/where (Hamborg et al. 2019, INRA@RecSys, CEUR Vol-2554).\n", publishedFour)
	fmt.Fprintln(w, "The giveme5w1h row is the authors' own output scored by the same automatic rater: the like-for-like peer.")
	fmt.Fprintf(w, "Precision %.3f\n", ours[1].Precision(Questions...))
	return nil
}

// pick returns the answer to question q.
func pick(f *document.FiveW1H, q string) document.FiveWAnswer {
	switch q {
	case "who":
		return f.Who
	case "what":
		return f.What
	case "when":
		return f.When
	case "where":
		return f.Where
	case "why":
		return f.Why
	}
	return f.How
}

// answer runs the standard flow over one article (title, then body) and
// returns the story's 5W1H.
func answer(ctx context.Context, a *Article) (*document.FiveW1H, error) {
	body := a.Text
	if a.Title != "" {
		body = a.Title + "\n\n" + strings.TrimSpace(body)
	}
	d := &document.Document{ID: a.ID, Source: a.File, Format: document.FormatText, Raw: body, Title: a.Title}
	if !a.Published.IsZero() {
		d.Published = document.DayDate(a.Published, "record")
	}
	s, err := analysis.AnalyzeDocuments(ctx, []*document.Document{d}, nil, analysis.Options{Workers: 1})
	if err != nil {
		return nil, err
	}
	if s.FiveW1H == nil {
		return nil, fmt.Errorf("no 5W1H stage in the flow")
	}
	return s.FiveW1H, nil
}
