package ner

import (
	"fmt"
	"math"
	"slices"
)

// Average returns the model whose weights are the mean of the weights of
// models (a missing feature counts as zero), for models trained on the same
// data and lexicon with different seeds: a linear model scoring like the
// average of their scores. The dense word-vector scores are averaged the
// same way. The lexicon other than those scores is taken from the first
// model, so all must share it (as models from one ner-train run do).
func Average(version string, models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("averaging NER models: none given")
	}
	k := float32(len(models))
	sum := map[uint64]*[numLabels]float32{}
	for _, m := range models {
		if m.lex.split {
			return nil, fmt.Errorf("averaging NER models: model %q was read from a file; average freshly trained models", m.Version)
		}
		for key, f := range m.index {
			row := sum[key]
			if row == nil {
				row = new([numLabels]float32)
				sum[key] = row
			}
			for j := m.off[f]; j < m.off[f+1]; j++ {
				row[m.lab[j]] += m.w[j] / k
			}
		}
	}
	out := &Model{Version: version, lex: models[0].lex, Temp: models[0].Temp, index: make(map[uint64]uint32, len(sum)), off: []uint32{0}}
	keys := make([]uint64, 0, len(sum))
	for key := range sum {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		n := 0
		for l, w := range sum[key] {
			if w == 0 {
				continue
			}
			out.lab = append(out.lab, uint8(l))
			out.w = append(out.w, w)
			n++
		}
		if n > 0 {
			out.index[key] = uint32(len(out.off) - 1)
			out.off = append(out.off, uint32(len(out.w)))
		}
	}
	// Dense word-vector scores: dequantize, average, quantize again.
	if models[0].lex.Proj != nil {
		avg := map[string][]float32{}
		var maxAbs float32
		for _, m := range models {
			for w, q := range m.lex.Proj {
				row := avg[w]
				if row == nil {
					row = make([]float32, len(q))
					avg[w] = row
				}
				for j, x := range q {
					row[j] += float32(x) * m.lex.ProjScale / k
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
		out.lex.Proj, out.lex.ProjScale = proj, scale
	}
	out.finish()
	return out, nil
}
