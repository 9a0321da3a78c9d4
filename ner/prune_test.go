package ner

import "testing"

func TestPruned(t *testing.T) {
	m := &Model{index: map[uint64]uint32{10: 0, 20: 1, 30: 2}, off: []uint32{0, 2, 3, 5}}
	m.lab = []uint8{0, 1, 2, 3, 4}
	m.w = []float32{0.5, -0.01, 0.02, -0.3, 0.04}
	m.finishWeights()
	p := m.Pruned(0.05)
	if got := p.NumFeatures(); got != 2 {
		t.Fatalf("features after pruning: %d, want 2", got)
	}
	if _, ok := p.index[20]; ok {
		t.Error("feature 20 kept though all its weights are below the threshold")
	}
	var s [numLabels]float32
	p.addScores([]uint64{10, 20, 30}, &s)
	// Scores come from int16 steps of the largest weight / 32767.
	near := func(a, b float32) bool { return a-b < 1e-4 && b-a < 1e-4 }
	if !near(s[0], 0.5) || s[1] != 0 || !near(s[3], -0.3) || s[4] != 0 {
		t.Errorf("scores after pruning %v", s[:5])
	}
	if m.NumFeatures() != 3 {
		t.Error("pruning changed the original model")
	}
}
