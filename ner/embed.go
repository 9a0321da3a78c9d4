package ner

// Dense word-vector features: each word in a window around token i
// contributes E[p][l]·v(word) to label l. After training, the products are
// precomputed per vocabulary word (Lexicon.Proj), so tagging adds three
// small rows instead of computing dot products.

// embPos is the number of window positions with vector features, centred
// on the token (embPos/2 on each side).
const embPos = 3

// addProj adds position p of a word's projection row to scores.
func (lx *Lexicon) addProj(proj []int8, p int, scores *[numLabels]float32) {
	if proj == nil {
		return
	}
	row := proj[p*numLabels : (p+1)*numLabels]
	for l, q := range row {
		scores[l] += float32(q) * lx.ProjScale
	}
}
