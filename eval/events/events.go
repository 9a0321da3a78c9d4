// Package events evaluates cross-document event coreference on ECB+:
// `corroborate eval events --data DIR`, DIR laid out like
// ../shared/data/ecbplus (ECB+/<topic>/*.xml and
// ECBplus_coreference_sentences.csv). Topics 1–25 are the training and
// tuning split of the shipped model (fit on 1–22, thresholds on 23–25);
// every other topic in DIR is scored once: 36–45 in the full corpus,
// 26–35 in the shared copy, which lacks the official test topics.
package events

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/corroborate/corroborate/eval/internal/corefscore"
	"github.com/corroborate/corroborate/eventcoref"
	"github.com/corroborate/corroborate/eventcoref/train"
)

// CoNLL returns the CoNLL F1 of pred against gold.
func CoNLL(gold, pred []string) float64 { return corefscore.Score(gold, pred).CoNLL }

// Run evaluates on dir and ends with "CoNLL F1 <value>": the shipped
// model with gold mentions and predicted topics on the held-out topics.
func Run(ctx context.Context, dir string, w io.Writer) error {
	m, err := eventcoref.DefaultModel()
	if err != nil {
		return err
	}
	topics, err := train.ReadECB(dir, train.Test)
	if err != nil {
		return fmt.Errorf("evaluating events: %w (held-out topics are those outside 1-25)", err)
	}
	var nums []int
	for _, t := range topics {
		nums = append(nums, t.Number)
	}
	sort.Ints(nums)
	set := train.NewSet(topics)
	fmt.Fprintf(w, "ECB+ cross-document event coreference, held-out topics %v (%d documents, %d gold event mentions in checked sentences, singletons kept)\n",
		nums, len(set.Docs), len(set.Gold))
	fmt.Fprintf(w, "model: %s\n", m.Note)
	docs := set.ClusterDocs(m.DocThreshold)
	p, r, f := set.DocPairF1(docs)
	nc := map[int]bool{}
	for _, c := range docs {
		nc[c] = true
	}
	fmt.Fprintf(w, "predicted topics: %d document clusters (threshold %.2f), against gold sub-topics pairwise P %.3f R %.3f F1 %.3f\n", len(nc), m.DocThreshold, p, r, f)
	ours, err := set.Predict(ctx, m, docs, m.Threshold)
	if err != nil {
		return err
	}
	gold := set.GoldSubtopics()
	oursGoldSub, err := set.Predict(ctx, m, gold, m.Threshold)
	if err != nil {
		return err
	}
	singles := make([]string, len(set.Gold))
	for i := range singles {
		singles[i] = fmt.Sprint(i)
	}
	fmt.Fprintf(w, "%-44s %6s %6s %6s %6s %6s\n", "gold mentions", "MUC", "B3", "CEAF-e", "LEA", "CoNLL")
	row := func(name string, pred []string) float64 {
		s := corefscore.Score(set.Gold, pred)
		fmt.Fprintf(w, "%-44s %6.2f %6.2f %6.2f %6.2f %6.2f\n", name, 100*s.MUC.F1, 100*s.B3.F1, 100*s.CEAFe.F1, 100*s.LEA.F1, 100*s.CoNLL)
		return s.CoNLL
	}
	linker, err := eventcoref.New(eventcoref.Options{Model: m})
	if err != nil {
		return err
	}
	product, err := set.ClusterWith(ctx, linker, docs)
	if err != nil {
		return err
	}
	row("all singletons", singles)
	row("same lemma in predicted topic (ours)", set.LemmaBaseline(docs))
	row("pairwise model + average linkage", ours)
	conll := row("corroborate eventcoref (linker), pred. topics", product)
	row("same lemma in gold sub-topic", set.LemmaBaseline(gold))
	productGold, err := set.ClusterWith(ctx, linker, gold)
	if err != nil {
		return err
	}
	row("pairwise model, gold sub-topics", oursGoldSub)
	row("corroborate eventcoref (linker), gold sub-t.", productGold)
	// Predicted mentions: package event on the same documents.
	pm, err := predictMentions(ctx, topics)
	if err != nil {
		return err
	}
	pset := train.NewSet(pm.topics)
	pdocs := pset.ClusterDocs(m.DocThreshold)
	pours, err := pset.ClusterWith(ctx, linker, pdocs)
	if err != nil {
		return err
	}
	plemma := pset.LemmaBaseline(pdocs)
	key := append(append([]string(nil), pset.Gold...), pm.missed...)
	mp, mr := float64(pm.found)/float64(max(pm.predN, 1)), float64(pm.found)/float64(max(pm.goldN, 1))
	fmt.Fprintf(w, "predicted mentions (package event, checked sentences): %d predicted, %d gold, %d matched by overlap: P %.2f R %.2f F1 %.2f\n",
		pm.predN, pm.goldN, pm.found, 100*mp, 100*mr, 100*2*mp*mr/max(mp+mr, 1e-9))
	fmt.Fprintf(w, "%-44s %6s %6s %6s %6s %6s\n", "predicted mentions (missed gold as singletons)", "MUC", "B3", "CEAF-e", "LEA", "CoNLL")
	prow := func(name string, pred []string) {
		resp := append([]string(nil), pred...)
		for i := range pm.missed {
			resp = append(resp, fmt.Sprintf("missed/%d", i))
		}
		s := corefscore.Score(key, resp)
		fmt.Fprintf(w, "%-44s %6.2f %6.2f %6.2f %6.2f %6.2f\n", name, 100*s.MUC.F1, 100*s.B3.F1, 100*s.CEAFe.F1, 100*s.LEA.F1, 100*s.CoNLL)
	}
	prow("same lemma in predicted topic (ours)", plemma)
	prow("corroborate eventcoref (linker), pred. topics", pours)
	// The dev topics, which tuned the thresholds, when the folder has them.
	if dev, err := train.ReadECB(dir, train.Dev); err == nil {
		ds := train.NewSet(dev)
		dd := ds.ClusterDocs(m.DocThreshold)
		dl, err := ds.ClusterWith(ctx, linker, dd)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "dev topics 23-25 (tuning, %d mentions), gold mentions: same lemma %.2f, linker %.2f CoNLL F1\n",
			len(ds.Gold), 100*CoNLL(ds.Gold, ds.LemmaBaseline(dd)), 100*CoNLL(ds.Gold, dl))
	}
	fmt.Fprintln(w, "anchors (test topics 36-45, gold mentions, predicted topics; Bugert et al. 2021 re-scoring):")
	fmt.Fprintf(w, "%-44s %6s %6s %6s %6s %6.2f\n", "  lemma-delta baseline", "-", "-", "-", "-", 74.4)
	fmt.Fprintf(w, "%-44s %6.2f %6.2f %6.2f %6s %6.2f\n", "  Barhom et al. 2019", 82.1, 79.8, 75.8, "-", 79.2)
	fmt.Fprintf(w, "CoNLL F1 %.4f\n", conll)
	return nil
}
