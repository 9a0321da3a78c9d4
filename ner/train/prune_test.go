package train

import (
	"testing"

	"github.com/corroborate/corroborate/ner"
)

func TestPrune(t *testing.T) {
	var ws ner.Weights
	ws.Add(10, [numLabels]float32{0: 0.5, 1: -0.01})
	ws.Add(20, [numLabels]float32{2: 0.02})
	ws.Add(30, [numLabels]float32{3: -0.3, 4: 0.04})
	m := ner.NewModel("v", ner.Lexicon{}, 7, &ws)
	p := Prune(m, 0.05)
	if got := p.NumFeatures(); got != 2 {
		t.Fatalf("features after pruning: %d, want 2", got)
	}
	got := map[uint64][numLabels]float32{}
	p.EachWeight(func(k uint64, row [numLabels]float32) { got[k] = row })
	if _, ok := got[20]; ok {
		t.Error("feature 20 kept though all its weights are below the threshold")
	}
	if r := got[10]; r[0] != 0.5 || r[1] != 0 {
		t.Errorf("feature 10 after pruning %v, want 0.5 and 0", r[:2])
	}
	if r := got[30]; r[3] != -0.3 || r[4] != 0 {
		t.Errorf("feature 30 after pruning %v, want -0.3 and 0", r[3:5])
	}
	if p.Version() != "v" || p.Temp() != 7 {
		t.Errorf("pruned model: version %q temp %g, want v and 7", p.Version(), p.Temp())
	}
	if m.NumFeatures() != 3 {
		t.Error("pruning changed the original model")
	}
}
