package resolve

// Coreference metrics over clusterings of the same mentions. A clustering
// maps each mention index to a cluster label.

// prf is precision, recall and F1.
type prf struct{ P, R, F1 float64 }

func makePRF(p, r float64) prf {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return prf{p, r, f}
}

// clusters groups mention indices by label.
func clusters(labels []string) map[string][]int {
	out := map[string][]int{}
	for i, l := range labels {
		out[l] = append(out[l], i)
	}
	return out
}

// bcubed scores pred against gold with B³ over all mentions.
func bcubed(gold, pred []string) prf {
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
		return prf{}
	}
	return makePRF(p/n, r/n)
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

// muc scores pred against gold with MUC.
func muc(gold, pred []string) prf {
	return makePRF(mucRecall(pred, gold), mucRecall(gold, pred))
}

// ceafe scores pred against gold with entity-based CEAF (φ4), aligning
// clusters one to one with the Hungarian method within each connected
// component of the overlap graph.
func ceafe(gold, pred []string) prf {
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
		total += maxAssignment(w)
	}
	if len(gc) == 0 || len(pc) == 0 {
		return prf{}
	}
	return makePRF(total/float64(len(pc)), total/float64(len(gc)))
}

// maxAssignment returns the largest total weight of a one-to-one
// assignment of rows to columns (Hungarian method on the padded square
// matrix, O(n³)).
func maxAssignment(w [][]float64) float64 {
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
