// Package corefscore scores coreference clusterings with MUC, B³, CEAF-e,
// LEA and their CoNLL mean. A clustering labels each mention: gold[i] and
// pred[i] are the cluster labels of mention i in the key and the response,
// so both clusterings cover the same mentions.
package corefscore

// PRF is precision, recall and F1.
type PRF struct{ P, R, F1 float64 }

// MakePRF returns p, r and their harmonic mean.
func MakePRF(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// Scores holds every metric of one response.
type Scores struct {
	MUC, B3, CEAFe, LEA PRF
	// CoNLL is the mean F1 of MUC, B³ and CEAF-e.
	CoNLL float64
}

// Score computes all metrics of pred against gold.
func Score(gold, pred []string) Scores {
	s := Scores{MUC: MUC(gold, pred), B3: BCubed(gold, pred), CEAFe: CEAFe(gold, pred), LEA: LEA(gold, pred)}
	s.CoNLL = (s.MUC.F1 + s.B3.F1 + s.CEAFe.F1) / 3
	return s
}

// clusters groups mention indices by label.
func clusters(labels []string) map[string][]int {
	out := map[string][]int{}
	for i, l := range labels {
		out[l] = append(out[l], i)
	}
	return out
}

// BCubed scores pred against gold with B³ over all mentions.
func BCubed(gold, pred []string) PRF {
	gc, pc := clusters(gold), clusters(pred)
	var p, r float64
	for i := range gold {
		g, q := gc[gold[i]], pc[pred[i]]
		inter := 0
		for _, j := range q {
			if gold[j] == gold[i] {
				inter++
			}
		}
		p += float64(inter) / float64(len(q))
		r += float64(inter) / float64(len(g))
	}
	n := float64(len(gold))
	if n == 0 {
		return PRF{}
	}
	return MakePRF(p/n, r/n)
}

// mucRecall is the MUC recall of key against response.
func mucRecall(key, resp []string) float64 {
	num, den := 0, 0
	for _, ms := range clusters(key) {
		parts := map[string]bool{}
		for _, m := range ms {
			parts[resp[m]] = true
		}
		num += len(ms) - len(parts)
		den += len(ms) - 1
	}
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

// MUC scores pred against gold with MUC.
func MUC(gold, pred []string) PRF {
	return MakePRF(mucRecall(pred, gold), mucRecall(gold, pred))
}

// CEAFe scores pred against gold with entity-based CEAF (φ4), aligning
// clusters one to one with the Hungarian method within each connected
// component of the overlap graph.
func CEAFe(gold, pred []string) PRF {
	gc, pc := clusters(gold), clusters(pred)
	// Overlap graph components by union-find over labels.
	type node struct {
		gold bool
		l    string
	}
	parent := map[node]node{}
	var find func(n node) node
	find = func(n node) node {
		p, ok := parent[n]
		if !ok || p == n {
			parent[n] = n
			return n
		}
		r := find(p)
		parent[n] = r
		return r
	}
	for i := range gold {
		a, b := find(node{true, gold[i]}), find(node{false, pred[i]})
		if a != b {
			parent[a] = b
		}
	}
	comps := map[node][2][]string{}
	for l := range gc {
		r := find(node{true, l})
		c := comps[r]
		c[0] = append(c[0], l)
		comps[r] = c
	}
	for l := range pc {
		r := find(node{false, l})
		c := comps[r]
		c[1] = append(c[1], l)
		comps[r] = c
	}
	total := 0.0
	for _, c := range comps {
		gl, pl := c[0], c[1]
		w := make([][]float64, len(gl))
		for i, g := range gl {
			w[i] = make([]float64, len(pl))
			inG := map[int]bool{}
			for _, m := range gc[g] {
				inG[m] = true
			}
			for j, p := range pl {
				inter := 0
				for _, m := range pc[p] {
					if inG[m] {
						inter++
					}
				}
				w[i][j] = 2 * float64(inter) / float64(len(gc[g])+len(pc[p]))
			}
		}
		total += MaxAssignment(w)
	}
	if len(gc) == 0 || len(pc) == 0 {
		return PRF{}
	}
	return MakePRF(total/float64(len(pc)), total/float64(len(gc)))
}

// MaxAssignment returns the largest total weight of a one-to-one
// assignment of rows to columns (Hungarian method on the padded square
// matrix, O(n³)).
func MaxAssignment(w [][]float64) float64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	m := len(w[0])
	if m == 0 {
		return 0
	}
	size := n
	if m > size {
		size = m
	}
	cost := func(i, j int) float64 {
		if i < n && j < m {
			return -w[i][j]
		}
		return 0
	}
	const inf = 1e18
	u := make([]float64, size+1)
	v := make([]float64, size+1)
	p := make([]int, size+1)
	way := make([]int, size+1)
	for i := 1; i <= size; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, size+1)
		used := make([]bool, size+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= size; j++ {
				if used[j] {
					continue
				}
				cur := cost(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= size; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
			if j0 == 0 {
				break
			}
		}
	}
	total := 0.0
	for j := 1; j <= size; j++ {
		if i := p[j]; i > 0 && i <= n && j <= m {
			total += w[i-1][j-1]
		}
	}
	return total
}

// LEA scores pred against gold with the link-based entity-aware metric
// (Moosavi & Strube 2016): each cluster weighs its size, and its score is
// the share of its links (pairs of mentions) found in the other
// clustering. A singleton counts its self-link, resolved only by a
// singleton of the same mention.
func LEA(gold, pred []string) PRF {
	return MakePRF(leaRecall(pred, gold), leaRecall(gold, pred))
}

// leaRecall is the LEA recall of key against resp.
func leaRecall(key, resp []string) float64 {
	rc := clusters(resp)
	links := func(n int) float64 {
		if n == 1 {
			return 1
		}
		return float64(n*(n-1)) / 2
	}
	var num, den float64
	for _, ms := range clusters(key) {
		parts := map[string]int{}
		for _, m := range ms {
			parts[resp[m]]++
		}
		var found float64
		if len(ms) == 1 {
			if len(rc[resp[ms[0]]]) == 1 {
				found = 1
			}
		} else {
			for _, c := range parts {
				found += float64(c*(c-1)) / 2
			}
		}
		num += float64(len(ms)) * found / links(len(ms))
		den += float64(len(ms))
	}
	if den == 0 {
		return 0
	}
	return num / den
}
