// Command coref-train derives the first-name gender lexicon and trains
// the pronoun ranker of package coref on GAP development + validation
// (never the test split).
//
//	go run ./cmd/coref-train -data ../shared/data/gap -names   # writes coref/names.tsv
//	go run ./cmd/coref-train -data ../shared/data/gap          # writes coref/model.json
//	go run ./cmd/coref-train -data ../shared/data/gap -page    # writes coref/model-page.json
//
// Run -names first: the ranker's features read the lexicon embedded at
// build time.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/coref"
	evalcoref "github.com/corroborate/corroborate/eval/coref"
)

var (
	epochs = flag.Int("epochs", 600, "gradient descent epochs")
	l2     = flag.Float64("l2", 1e-3, "L2 penalty")
)

func main() {
	data := flag.String("data", "../shared/data/gap", "GAP folder")
	namesOnly := flag.Bool("names", false, "derive coref/names.tsv only")
	out := flag.String("out", "coref", "folder of names.tsv and model.json")
	target := flag.Float64("precision", 0.80, "precision the default threshold must reach on the training splits")
	page := flag.Bool("page", false, "train with the page-subject features (GAP's URL cue) into coref/model-page.json")
	score := flag.String("score", "", "only score this model file on the training splits at its thresholds (to compare models on dev, not test)")
	flag.Parse()
	if *score != "" {
		if err := scoreModel(*data, *score); err != nil {
			slog.Error("coref-train", "err", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*data, *out, *namesOnly, *page, *target); err != nil {
		slog.Error("coref-train", "err", err)
		os.Exit(1)
	}
}

func run(data, out string, namesOnly, page bool, target float64) error {
	var exs []evalcoref.Example
	for _, f := range []string{"gap-development.tsv", "gap-validation.tsv"} {
		e, err := evalcoref.ReadGAP(filepath.Join(data, f))
		if err != nil {
			return err
		}
		exs = append(exs, e...)
	}
	if namesOnly {
		return writeNames(exs, filepath.Join(out, "names.tsv"))
	}
	ctx := context.Background()
	ps, err := evalcoref.Prepare(ctx, exs)
	if err != nil {
		return err
	}
	r := coref.New(coref.Options{PageSubject: page})
	var groups []group
	missed := 0 // the gold name is no candidate of the pronoun
	for _, p := range ps {
		ps, as, bs := p.Spans()
		g := group{gold: -1}
		known := true
		for _, ex := range r.Examples(p.Doc) {
			if ex.Pronoun != ps {
				continue
			}
			hasA, hasB := false, false
			for _, sp := range ex.Candidate {
				hasA = hasA || sp.Overlaps(as)
				hasB = hasB || sp.Overlaps(bs)
			}
			if hasA && p.ACoref || hasB && p.BCoref {
				if g.gold >= 0 {
					known = false // two gold candidates: A and B in one chain
				}
				g.gold = len(g.x)
			} else if !hasA && !hasB && !p.ACoref && !p.BCoref {
				known = false // a third candidate when the answer is neither: unknown
			}
			g.x = append(g.x, ex.Features)
		}
		if known && len(g.x) > 0 {
			groups = append(groups, g)
		}
		if g.gold < 0 && (p.ACoref || p.BCoref) {
			missed++
		}
	}
	n := 0
	for _, g := range groups {
		n += len(g.x)
	}
	fmt.Printf("%d pronouns, %d candidate pairs, from %d examples; in %d the gold name is no candidate\n", len(groups), n, len(ps), missed)
	w := train(groups, *epochs, 0.5, *l2)
	for k, n := range coref.FeatureNames {
		fmt.Printf("  %-36s %+.3f\n", n, w[k])
	}
	m := &coref.Model{Weights: w, Features: coref.FeatureNames, Trained: "softmax ranker on GAP development + validation (cmd/coref-train)"}
	// thresholds on the same splits
	bestF, bestT, precT := -1.0, 0.5, 0.0
	for t := 0.05; t <= 0.951; t += 0.05 {
		r.UseModel(m, t)
		all, masc, fem, err := evalcoref.Score(ctx, r, ps)
		if err != nil {
			return err
		}
		fmt.Printf("  threshold %.2f: P %.3f R %.3f F1 %.3f (M %.3f F %.3f)\n", t, all.P(), all.R(), all.F1(), masc.F1(), fem.F1())
		if all.F1() >= bestF-1e-9 { // ties go to the higher threshold
			bestF, bestT = all.F1(), t
		}
		if precT == 0 && all.P() >= target {
			precT = t
		}
	}
	if precT == 0 {
		precT = 0.95
	}
	m.Threshold, m.PrecisionThreshold = round2(bestT), round2(precT)
	fmt.Printf("F1 threshold %.2f (F1 %.3f); precision threshold %.2f (P >= %.2f)\n", m.Threshold, bestF, m.PrecisionThreshold, target)
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	file := "model.json"
	if page {
		file = "model-page.json"
		m.Trained += ", with the page-subject features (-page)"
	}
	return os.WriteFile(filepath.Join(out, file), append(b, '\n'), 0o644)
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// group is the candidates of one pronoun; gold is the index of the
// right one, or -1 for "no antecedent".
type group struct {
	x    [][]float64
	gold int
}

// train fits the softmax ranker (candidates and "no antecedent" at score
// 0) by batch gradient descent with an L2 penalty.
func train(groups []group, epochs int, lr, l2 float64) []float64 {
	n := len(coref.FeatureNames)
	w := make([]float64, n)
	g := make([]float64, n)
	m := &coref.Model{Weights: w}
	for e := 0; e < epochs; e++ {
		for k := range g {
			g[k] = 0
		}
		for _, gr := range groups {
			pr := m.Probs(gr.x)
			for i, x := range gr.x {
				y := 0.0
				if i == gr.gold {
					y = 1
				}
				for k := range x {
					g[k] += (pr[i] - y) * x[k]
				}
			}
		}
		for k := range w {
			w[k] -= lr * (g[k]/float64(len(groups)) + l2*w[k])
		}
	}
	for k := range w {
		w[k] = math.Round(w[k]*1000) / 1000
	}
	return w
}

// writeNames counts, for the first word of every name GAP says a pronoun
// refers to, the pronoun's gender.
func writeNames(exs []evalcoref.Example, path string) error {
	counts := map[string]*[2]int{}
	add := func(name string, fem bool) {
		f := strings.Fields(name)
		if len(f) < 2 {
			return // a lone word may be a surname
		}
		w := strings.ToLower(strings.Trim(f[0], ".,"))
		if len(w) < 2 {
			return
		}
		c := counts[w]
		if c == nil {
			c = &[2]int{}
			counts[w] = c
		}
		if fem {
			c[1]++
		} else {
			c[0]++
		}
	}
	for _, e := range exs {
		// GAP picks both names to agree in gender with the pronoun.
		add(e.A, e.Feminine())
		add(e.B, e.Feminine())
	}
	keys := make([]string, 0, len(counts))
	for k, c := range counts {
		if c[0]+c[1] >= 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# name\tmasculine\tfeminine (first words of the full names in GAP development + validation, by the gender of the example's pronoun; cmd/coref-train -names)\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%d\t%d\n", k, counts[k][0], counts[k][1])
	}
	fmt.Printf("%d names\n", len(keys))
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// scoreModel prints the F1 of a model file on GAP development +
// validation at its F1 threshold and its precision threshold.
func scoreModel(data, file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var m coref.Model
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("reading %s: %w", file, err)
	}
	var exs []evalcoref.Example
	for _, f := range []string{"gap-development.tsv", "gap-validation.tsv"} {
		e, err := evalcoref.ReadGAP(filepath.Join(data, f))
		if err != nil {
			return err
		}
		exs = append(exs, e...)
	}
	ctx := context.Background()
	ps, err := evalcoref.Prepare(ctx, exs)
	if err != nil {
		return err
	}
	r := coref.New(coref.Options{})
	for _, t := range []float64{m.Threshold, m.PrecisionThreshold} {
		r.UseModel(&m, t)
		all, masc, fem, err := evalcoref.Score(ctx, r, ps)
		if err != nil {
			return err
		}
		fmt.Printf("%s threshold %.2f: P %.3f R %.3f F1 %.3f (M %.3f F %.3f)\n", file, t, all.P(), all.R(), all.F1(), masc.F1(), fem.F1())
	}
	return nil
}
