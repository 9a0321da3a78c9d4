package eventcoref

import "container/heap"

// Edge is a scored pair of items.
type Edge struct {
	I, J int
	P    float64
}

// Agglomerate clusters n items by average linkage over the scored edges:
// two clusters merge while the mean score over all their cross pairs is
// at least threshold, a pair without an edge scoring 0. It returns a
// cluster number for each item. With E edges it runs in O(E log E) time
// per merge wave, so a sparse (blocked) edge set keeps it near-linear.
func Agglomerate(n int, edges []Edge, threshold float64) []int {
	return AgglomerateConstrained(n, edges, nil, threshold)
}

// AgglomerateConstrained is Agglomerate with cannot-link constraints: two
// clusters never merge while any pair of their items is in cannot.
func AgglomerateConstrained(n int, edges []Edge, cannot [][2]int, threshold float64) []int {
	conflict := make([]map[int]bool, n)
	for _, c := range cannot {
		if c[0] == c[1] {
			continue
		}
		if conflict[c[0]] == nil {
			conflict[c[0]] = map[int]bool{}
		}
		if conflict[c[1]] == nil {
			conflict[c[1]] = map[int]bool{}
		}
		conflict[c[0]][c[1]] = true
		conflict[c[1]][c[0]] = true
	}
	size := make([]int, n)
	alive := make([]bool, n)
	nb := make([]map[int]float64, n) // cluster → summed scores to neighbours
	for i := range size {
		size[i], alive[i] = 1, true
	}
	for _, e := range edges {
		if e.I == e.J || e.P <= 0 {
			continue
		}
		if nb[e.I] == nil {
			nb[e.I] = map[int]float64{}
		}
		if nb[e.J] == nil {
			nb[e.J] = map[int]float64{}
		}
		nb[e.I][e.J] += e.P
		nb[e.J][e.I] += e.P
	}
	// The heap holds candidate merges with the average they had when
	// pushed. A merge only lowers the averages of the merged cluster's
	// other neighbours (same sums, larger size), so their old entries
	// stay and are checked when they come up: an entry whose average has
	// dropped goes back with its current value. Only the pairs whose sum
	// grew (the smaller cluster's neighbours) are pushed anew, which keeps
	// the work near-linear in the edges where re-pushing every neighbour
	// of a growing cluster after each merge would be quadratic.
	h := &linkHeap{}
	for i := range nb {
		for j, s := range nb[i] {
			if i < j && s >= threshold {
				*h = append(*h, link{s, i, j})
			}
		}
	}
	heap.Init(h)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	for h.Len() > 0 {
		l := heap.Pop(h).(link)
		a, b := l.a, l.b
		if !alive[a] || !alive[b] {
			continue
		}
		sum, ok := nb[a][b]
		if !ok {
			continue
		}
		if cur := sum / float64(size[a]*size[b]); cur < l.avg {
			if cur >= threshold {
				heap.Push(h, link{cur, a, b})
			}
			continue
		}
		if conflict[a][b] {
			continue
		}
		if len(nb[a]) < len(nb[b]) {
			a, b = b, a
		}
		// The merged cluster conflicts with what either did.
		for c := range conflict[b] {
			if conflict[a] == nil {
				conflict[a] = map[int]bool{}
			}
			conflict[a][c] = true
			conflict[c][a] = true
			delete(conflict[c], b)
		}
		conflict[b] = nil
		// Merge b into a; the pairs of a with b's neighbours got a larger
		// sum and go on the heap with their new average.
		delete(nb[a], b)
		alive[b] = false
		parent[b] = a
		size[a] += size[b]
		for c, s := range nb[b] {
			if c == a {
				continue
			}
			nb[a][c] += s
			nb[c][a] += s
			delete(nb[c], b)
			if avg := nb[a][c] / float64(size[a]*size[c]); avg >= threshold {
				x, y := a, c
				if y < x {
					x, y = y, x
				}
				heap.Push(h, link{avg, x, y})
			}
		}
		nb[b] = nil
	}
	out := make([]int, n)
	for i := range out {
		r := i
		for parent[r] != r {
			r = parent[r]
		}
		out[i] = r
	}
	return out
}

type link struct {
	avg  float64
	a, b int
}

type linkHeap []link

func (h linkHeap) Len() int { return len(h) }
func (h linkHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h linkHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *linkHeap) Push(x any)   { *h = append(*h, x.(link)) }
func (h *linkHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// roots is a union-find forest over cluster numbers: parent links, a
// number absent from the map being its own root. Joining sets one root's
// entry to the other root.
type roots map[int]int

// find returns the root of c, pointing every number on the way straight at
// it.
func (r roots) find(c int) int {
	if q, ok := r[c]; ok && q != c {
		root := r.find(q)
		r[c] = root
		return root
	}
	return c
}
