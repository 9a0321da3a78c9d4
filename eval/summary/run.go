package summary

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/summarize"
	"github.com/corroborate/corroborate/text"
)

// wordLimit caps every multi-document summary, as the WCEP benchmark does.
const wordLimit = 40

// maxInputs bounds how many reports one multi-document summary reads.
const maxInputs = 8

// systems are the summarizers compared, in print order.
var systems = []string{"corroborate", "lead", "textrank", "centroid"}

// Run evaluates on the Giveme5W1H data under dataDir (the shared data
// folder or its giveme5w1h folder) and ends with "ROUGE-2 <value>": our
// leave-one-out multi-document score.
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	return run(ctx, dataDir, w, limits{})
}

// limits bound a run for quick tests (zero: no bound).
type limits struct {
	articles, events, runs int
}

func run(ctx context.Context, dataDir string, w io.Writer, lim limits) error {
	root, err := findGiveme(dataDir)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "No multi-document news summarization set with reference summaries is present in the shared data")
	fmt.Fprintln(w, "(WCEP, Multi-News and DUC could not be obtained). Proxies below use each outlet's own description")
	fmt.Fprintln(w, "of an article as the reference. ROUGE F1, lowercase words, no stemming, no stopword removal.")
	fmt.Fprintln(w)

	single, err := loadArticles(filepath.Join(root, "data"), filepath.Join(root, "data_damaged"))
	if err != nil {
		return err
	}
	if lim.articles > 0 && len(single) > lim.articles {
		single = single[:lim.articles]
	}
	a, n, copied, err := singleDoc(ctx, single)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "A. One-sentence summary of each article vs its description (Giveme5W1H gold set, %d articles;\n", n)
	fmt.Fprintf(w, "   %d descriptions are a verbatim copy of the article's opening, which favours Lead-1).\n", copied)
	printTable(w, a)

	cluster, err := loadArticles(filepath.Join(root, "news_cluster", "data_raw"))
	if err != nil {
		return err
	}
	b, runs, events, err := leaveOneOut(ctx, cluster, lim)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nB. Leave-one-out multi-document: for each article of an event (news_cluster, %d events with 3+ articles),\n", events)
	fmt.Fprintf(w, "   summarize up to %d other reports of the event in %d words and score against the held-out\n", maxInputs, wordLimit)
	fmt.Fprintf(w, "   article's description (%d runs). Lead = opening of the first input report.\n", runs)
	printTable(w, b)
	fmt.Fprintln(w, "\nFor scale only (different data): WCEP test, 40 words, R1/R2/RL: TextRank .341/.131/.250,")
	fmt.Fprintln(w, "Centroid .341/.133/.251, Random lead .276/.091/.206 (Gholipour Ghalandari et al. 2020, Table 5).")
	fmt.Fprintf(w, "ROUGE-2 %.4f\n", b["corroborate"].R2)
	return nil
}

func printTable(w io.Writer, sc map[string]Scores) {
	fmt.Fprintf(w, "   %-12s %7s %7s %7s\n", "system", "R1", "R2", "RL")
	for _, s := range systems {
		fmt.Fprintf(w, "   %-12s %7.4f %7.4f %7.4f\n", s, sc[s].R1, sc[s].R2, sc[s].RL)
	}
}

// singleDoc scores one-sentence summaries of each article against its
// description.
func singleDoc(ctx context.Context, arts []article) (map[string]Scores, int, int, error) {
	sums := map[string]Scores{}
	n, copied := 0, 0
	z := summarize.New(summarize.Options{Sentences: 1})
	for _, a := range arts {
		if a.Description == "" || strings.TrimSpace(a.Text) == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, 0, 0, err
		}
		if strings.HasPrefix(strings.Join(strings.Fields(bodyOf(a)), " "), strings.Join(strings.Fields(a.Description), " ")) {
			copied++
		}
		outs, err := summarizeAll(ctx, z, []article{a}, 0)
		if err != nil {
			return nil, 0, 0, err
		}
		ref := Words(a.Description)
		for s, out := range outs {
			sums[s] = sums[s].Add(Rouge(Words(out), ref))
		}
		n++
	}
	for s := range sums {
		sums[s] = sums[s].Div(n)
	}
	return sums, n, copied, nil
}

// leaveOneOut scores multi-document summaries of each event's other
// reports against each held-out report's description.
func leaveOneOut(ctx context.Context, arts []article, lim limits) (map[string]Scores, int, int, error) {
	byEvent := map[string][]article{}
	var order []string
	for _, a := range arts {
		if a.Event == "" || strings.TrimSpace(a.Text) == "" {
			continue
		}
		if _, ok := byEvent[a.Event]; !ok {
			order = append(order, a.Event)
		}
		byEvent[a.Event] = append(byEvent[a.Event], a)
	}
	sums := map[string]Scores{}
	runs, events := 0, 0
	z := summarize.New(summarize.Options{Sentences: 5, MaxWords: wordLimit})
	for _, ev := range order {
		group := byEvent[ev]
		if len(group) < 3 || lim.events > 0 && events >= lim.events {
			continue
		}
		events++
		for h, held := range group {
			if held.Description == "" || lim.runs > 0 && runs >= lim.runs {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, 0, 0, err
			}
			var inputs []article
			for i, a := range group {
				if i != h && len(inputs) < maxInputs {
					inputs = append(inputs, a)
				}
			}
			outs, err := summarizeAll(ctx, z, inputs, wordLimit)
			if err != nil {
				return nil, 0, 0, err
			}
			ref := Words(held.Description)
			for s, out := range outs {
				sums[s] = sums[s].Add(Rouge(Words(out), ref))
			}
			runs++
		}
	}
	for s := range sums {
		sums[s] = sums[s].Div(runs)
	}
	return sums, runs, events, nil
}

// summarizeAll runs every system over the articles and returns each one's
// summary, cut to limit words (limit 0: one sentence).
func summarizeAll(ctx context.Context, z *summarize.Summarizer, arts []article, limit int) (map[string]string, error) {
	st := document.NewStory()
	var units []unit
	for i, a := range arts {
		d := &document.Document{ID: fmt.Sprintf("d%d", i), Title: a.Title, Text: bodyOf(a), Language: "en"}
		if !a.Published.IsZero() {
			d.Published = document.DayDate(a.Published, "record")
		}
		if err := text.New().Annotate(ctx, d); err != nil {
			return nil, fmt.Errorf("splitting article %s: %w", a.ID, err)
		}
		st.Add(d)
		pos := 0
		for _, sp := range d.Sentences {
			s := strings.Join(strings.Fields(d.Text[sp.Start:sp.End]), " ")
			ws := Words(s)
			if len(ws) < 5 {
				continue
			}
			units = append(units, unit{doc: i, pos: pos, text: s, words: ws})
			pos++
		}
	}
	sum, err := z.Summarize(ctx, st)
	if err != nil {
		return nil, err
	}
	var ours []string
	for _, s := range sum {
		ours = append(ours, s.Text)
	}
	out := map[string]string{"corroborate": truncate(ours, limit)}
	if len(units) == 0 {
		return out, nil
	}
	out["lead"] = truncate(lead(units), limit)
	out["textrank"] = truncate(textRank(units), limit)
	out["centroid"] = truncate(centroid(units), limit)
	return out, nil
}

// bodyOf returns the article text without a leading copy of its title.
func bodyOf(a article) string {
	t := strings.TrimSpace(a.Text)
	if a.Title != "" && strings.HasPrefix(t, a.Title) {
		rest := t[len(a.Title):]
		if r, _ := utf8.DecodeRuneInString(rest); r == '\n' || r == utf8.RuneError && rest == "" {
			t = strings.TrimSpace(rest)
		}
	}
	return t
}
