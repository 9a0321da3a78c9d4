package train

import (
	"fmt"
	"math"
	"slices"

	"github.com/corroborate/corroborate/ner"
)

// Average returns the model whose weights are the mean of the weights of
// models (a missing feature counts as zero), for models trained on the same
// data and lexicon with different seeds: a linear model scoring like the
// average of their scores. The dense word-vector scores are averaged the
// same way. The lexicon other than those scores is taken from the first
// model, so all must share it (as models from one ner-train run do).
// Models read from a file average like freshly trained ones.
func Average(version string, models ...*ner.Model) (*ner.Model, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("averaging NER models: none given")
	}
	k := float32(len(models))
	sum := map[uint64]*[numLabels]float32{}
	for _, m := range models {
		m.EachWeight(func(key uint64, w [numLabels]float32) {
			row := sum[key]
			if row == nil {
				row = new([numLabels]float32)
				sum[key] = row
			}
			for l, x := range w {
				if x != 0 {
					row[l] += x / k
				}
			}
		})
	}
	keys := make([]uint64, 0, len(sum))
	for key := range sum {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	var ws ner.Weights
	for _, key := range keys {
		ws.Add(key, *sum[key])
	}
	lex := models[0].Lexicon()
	// Dense word-vector scores: dequantize, average, quantize again.
	if lex.Proj != nil {
		avg := map[string][]float32{}
		var maxAbs float32
		for _, m := range models {
			ml := m.Lexicon()
			for w, q := range ml.Proj {
				row := avg[w]
				if row == nil {
					row = make([]float32, len(q))
					avg[w] = row
				}
				for j, x := range q {
					row[j] += float32(x) * ml.ProjScale / k
				}
			}
		}
		for _, row := range avg {
			for _, x := range row {
				maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
			}
		}
		scale := maxAbs / 127
		if scale == 0 {
			scale = 1
		}
		proj := make(map[string][]int8, len(avg))
		for w, row := range avg {
			q := make([]int8, len(row))
			for j, x := range row {
				q[j] = int8(math.Round(float64(x / scale)))
			}
			proj[w] = q
		}
		lex.Proj, lex.ProjScale = proj, scale
	}
	return ner.NewModel(version, lex, models[0].Temp(), &ws), nil
}
