package train

import (
	"math"

	"github.com/corroborate/corroborate/ner"
)

// Dense word-vector features: each word in a window around token i
// contributes E[p][l]·v(word) to label l. After training, the products are
// precomputed per vocabulary word (ner.Lexicon.Proj), so tagging adds
// three small rows instead of computing dot products.

// embPos is the number of window positions with vector features, centred
// on the token (embPos/2 on each side).
const embPos = ner.VectorWindow

// embTrainer holds the dense weights while training.
type embTrainer struct {
	dim int
	w   []float32 // [embPos][numLabels][dim]
	u   []float64
}

func newEmbTrainer(dim int) *embTrainer {
	n := embPos * numLabels * dim
	return &embTrainer{dim: dim, w: make([]float32, n), u: make([]float64, n)}
}

// window returns the vectors of the tokens around i (nil when missing).
func window(vecs [][]float32, i int) (out [embPos][]float32) {
	for p := 0; p < embPos; p++ {
		if j := i - embPos/2 + p; j >= 0 && j < len(vecs) {
			out[p] = vecs[j]
		}
	}
	return out
}

func (et *embTrainer) score(win [embPos][]float32, scores *[numLabels]float32) {
	for p, v := range win {
		if v == nil {
			continue
		}
		for l := 0; l < numLabels; l++ {
			row := et.w[(p*numLabels+l)*et.dim : (p*numLabels+l+1)*et.dim]
			var s float32
			for d, x := range v {
				s += row[d] * x
			}
			scores[l] += s
		}
	}
}

func (et *embTrainer) update(win [embPos][]float32, gold, pred int, c float64) {
	for p, v := range win {
		if v == nil {
			continue
		}
		g := et.w[(p*numLabels+gold)*et.dim : (p*numLabels+gold+1)*et.dim]
		b := et.w[(p*numLabels+pred)*et.dim : (p*numLabels+pred+1)*et.dim]
		gu := et.u[(p*numLabels+gold)*et.dim : (p*numLabels+gold+1)*et.dim]
		bu := et.u[(p*numLabels+pred)*et.dim : (p*numLabels+pred+1)*et.dim]
		for d, x := range v {
			g[d] += x
			b[d] -= x
			gu[d] += c * float64(x)
			bu[d] -= c * float64(x)
		}
	}
}

// project returns, for every word of vecs, the averaged dense scores per
// window position and label, quantized to int8 with one scale.
func (et *embTrainer) project(c float64, vecs map[string][]float32) (map[string][]int8, float32) {
	avg := make([]float32, len(et.w))
	for j := range avg {
		avg[j] = float32(float64(et.w[j]) - et.u[j]/c)
	}
	raw := make(map[string][]float32, len(vecs))
	var maxAbs float32
	for w, v := range vecs {
		row := make([]float32, embPos*numLabels)
		for p := 0; p < embPos; p++ {
			for l := 0; l < numLabels; l++ {
				a := avg[(p*numLabels+l)*et.dim : (p*numLabels+l+1)*et.dim]
				var s float32
				for d, x := range v {
					s += a[d] * x
				}
				row[p*numLabels+l] = s
				if abs := float32(math.Abs(float64(s))); abs > maxAbs {
					maxAbs = abs
				}
			}
		}
		raw[w] = row
	}
	scale := maxAbs / 127
	if scale == 0 {
		scale = 1
	}
	out := make(map[string][]int8, len(raw))
	for w, row := range raw {
		q := make([]int8, len(row))
		for j, s := range row {
			q[j] = int8(math.Round(float64(s / scale)))
		}
		out[w] = q
	}
	return out, scale
}
