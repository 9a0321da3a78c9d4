package train

import "github.com/corroborate/corroborate/ner"

// Prune returns a copy of m without the weights whose absolute value is
// below min (features left with no weight are dropped). The averaged model
// of several seeds holds the union of their features, many with tiny
// weights; dropping them shrinks the tables tagging reads. The copy has
// m's lexicon, version and temperature; m is unchanged.
func Prune(m *ner.Model, min float32) *ner.Model {
	var ws ner.Weights
	m.EachWeight(func(key uint64, row [numLabels]float32) {
		for l, w := range row {
			if w < min && w > -min {
				row[l] = 0
			}
		}
		ws.Add(key, row)
	})
	return ner.NewModel(m.Version(), m.Lexicon(), m.Temp(), &ws)
}
