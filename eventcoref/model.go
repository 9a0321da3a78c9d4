package eventcoref

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// Model is the pairwise event-coreference model: a logistic regression
// over Features, the trigger lexicon it reads, and the clustering
// threshold.
type Model struct {
	// Weights are the logistic-regression weights, the bias first, one
	// per entry of FeatureNames after it.
	Weights []float64 `json:"weights"`
	// Lexicon maps PairKey of two different trigger keys to how often
	// mentions with these triggers corefer in the training topics
	// (smoothed rate), for pairs seen coreferring at least twice.
	Lexicon map[string]float64 `json:"lexicon"`
	// Threshold is the least average pairwise probability at which two
	// clusters merge.
	Threshold float64 `json:"threshold"`
	// LinkThreshold is the threshold of the Linker (blocking, gates and
	// constraints), tuned like Threshold on the dev topics.
	LinkThreshold float64 `json:"link_threshold"`
	// DocThreshold is the least cosine similarity at which the evaluation
	// puts two documents in one predicted topic (average linkage).
	DocThreshold float64 `json:"doc_threshold"`
	// Note says how the model was trained.
	Note string `json:"note,omitempty"`
}

//go:embed model.json
var modelJSON []byte

// DefaultModel returns the model trained on ECB+ that ships with the
// package.
func DefaultModel() (*Model, error) {
	var m Model
	if err := json.Unmarshal(modelJSON, &m); err != nil {
		return nil, fmt.Errorf("eventcoref: reading the embedded model: %w", err)
	}
	if len(m.Weights) != 1+len(FeatureNames) {
		return nil, fmt.Errorf("eventcoref: embedded model has %d weights, want %d", len(m.Weights), 1+len(FeatureNames))
	}
	return &m, nil
}

// Prob returns the probability that mentions i and j of p corefer.
func (m *Model) Prob(p *Prepared, i, j int) float64 {
	return Logistic(Dot(m.Weights, p.Features(i, j, m.Lexicon)))
}

// Dot returns the dot product of w and f.
func Dot(w, f []float64) float64 {
	var z float64
	for k := range f {
		z += w[k] * f[k]
	}
	return z
}

// Logistic is 1 / (1 + e^-z).
func Logistic(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
