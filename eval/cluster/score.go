package cluster

import "fmt"

// Scores are clustering quality figures against a gold grouping.
type Scores struct {
	// B3P, B3R and B3F are B³ precision, recall and F1: per item, the share
	// of its predicted cluster that shares its gold label, and the share of
	// its gold cluster placed with it, averaged over items.
	B3P, B3R, B3F float64
	// PairP, PairR and PairF are pairwise precision, recall and F1 over all
	// pairs of items put together (predicted) or belonging together (gold).
	PairP, PairR, PairF float64
	// Predicted and Gold are the numbers of clusters.
	Predicted, Gold int
}

// score compares predicted and gold labels of the same items.
func score(pred, gold []string) (Scores, error) {
	if len(pred) != len(gold) {
		return Scores{}, fmt.Errorf("scoring clusters: %d predicted labels for %d gold labels", len(pred), len(gold))
	}
	var s Scores
	n := len(pred)
	if n == 0 {
		return s, nil
	}
	predSize := map[string]int{}
	goldSize := map[string]int{}
	both := map[[2]string]int{}
	for i := range pred {
		predSize[pred[i]]++
		goldSize[gold[i]]++
		both[[2]string{pred[i], gold[i]}]++
	}
	s.Predicted, s.Gold = len(predSize), len(goldSize)
	for i := range pred {
		k := float64(both[[2]string{pred[i], gold[i]}])
		s.B3P += k / float64(predSize[pred[i]])
		s.B3R += k / float64(goldSize[gold[i]])
	}
	s.B3P /= float64(n)
	s.B3R /= float64(n)
	s.B3F = f1(s.B3P, s.B3R)
	pairs := func(m int) float64 { return float64(m) * float64(m-1) / 2 }
	var tp, pp, gp float64
	for _, c := range both {
		tp += pairs(c)
	}
	for _, c := range predSize {
		pp += pairs(c)
	}
	for _, c := range goldSize {
		gp += pairs(c)
	}
	s.PairP, s.PairR = ratio(tp, pp), ratio(tp, gp)
	s.PairF = f1(s.PairP, s.PairR)
	return s, nil
}

// ratio is a/b, or 1 when there is nothing to get wrong (b == 0).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
