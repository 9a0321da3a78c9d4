package summary

import (
	"math"
	"sort"
	"strings"
)

// unit is a candidate sentence for the baselines.
type unit struct {
	doc, pos int
	text     string
	words    []string
}

// lead returns the sentences of the first document in order.
func lead(units []unit) []string {
	var out []string
	for _, u := range units {
		if u.doc == units[0].doc {
			out = append(out, u.text)
		}
	}
	return out
}

// textRank ranks sentences by PageRank over the sentence graph weighted
// by the original TextRank similarity: shared words over the sum of the
// log lengths (Mihalcea & Tarau 2004).
func textRank(units []unit) []string {
	n := len(units)
	if n == 0 {
		return nil
	}
	sets := make([]map[string]bool, n)
	for i, u := range units {
		sets[i] = map[string]bool{}
		for _, w := range u.words {
			sets[i][w] = true
		}
	}
	w := make([][]float64, n)
	out := make([]float64, n)
	for i := range w {
		w[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			li, lj := len(units[i].words), len(units[j].words)
			if li < 2 || lj < 2 {
				continue
			}
			common := 0
			for x := range sets[i] {
				if sets[j][x] {
					common++
				}
			}
			s := float64(common) / (math.Log(float64(li)) + math.Log(float64(lj)))
			w[i][j], w[j][i] = s, s
			out[i] += s
			out[j] += s
		}
	}
	score := make([]float64, n)
	for i := range score {
		score[i] = 1
	}
	for it := 0; it < 30; it++ {
		next := make([]float64, n)
		for i := 0; i < n; i++ {
			var s float64
			for j := 0; j < n; j++ {
				if w[j][i] > 0 && out[j] > 0 {
					s += w[j][i] / out[j] * score[j]
				}
			}
			next[i] = 0.15 + 0.85*s
		}
		score = next
	}
	return ranked(units, score)
}

// centroid ranks sentences by TF-IDF cosine with the centroid of all
// sentences (Radev et al. 2004, without position or overlap features).
func centroid(units []unit) []string {
	df := map[string]int{}
	for _, u := range units {
		seen := map[string]bool{}
		for _, w := range u.words {
			if !seen[w] {
				df[w]++
				seen[w] = true
			}
		}
	}
	n := float64(len(units))
	vecs := make([]map[string]float64, len(units))
	cen := map[string]float64{}
	for i, u := range units {
		v := map[string]float64{}
		for _, w := range u.words {
			v[w] += math.Log(n / float64(df[w]))
		}
		normalize(v)
		vecs[i] = v
		for w, x := range v {
			cen[w] += x
		}
	}
	normalize(cen)
	score := make([]float64, len(units))
	for i, v := range vecs {
		for w, x := range v {
			score[i] += x * cen[w]
		}
	}
	return ranked(units, score)
}

func normalize(v map[string]float64) {
	var s float64
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	s = math.Sqrt(s)
	for w := range v {
		v[w] /= s
	}
}

// ranked returns the sentence texts by descending score (ties keep order).
func ranked(units []unit, score []float64) []string {
	idx := make([]int, len(units))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return score[idx[a]] > score[idx[b]] })
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = units[i].text
	}
	return out
}

// truncate joins sentences and keeps at most limit words (limit <= 0:
// one sentence).
func truncate(sents []string, limit int) string {
	if len(sents) == 0 {
		return ""
	}
	if limit <= 0 {
		return sents[0]
	}
	var words []string
	for _, s := range sents {
		words = append(words, strings.Fields(s)...)
		if len(words) >= limit {
			break
		}
	}
	if len(words) > limit {
		words = words[:limit]
	}
	return strings.Join(words, " ")
}
