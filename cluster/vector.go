package cluster

import (
	"math"
	"sort"
)

// entry is one weighted term of a sparse vector.
type entry struct {
	term int32
	w    float64
}

// vector is a sparse vector sorted by decreasing weight (ties by term id).
type vector []entry

// sortByWeight orders v by decreasing weight, then increasing term id.
func (v vector) sortByWeight() {
	sort.Slice(v, func(i, j int) bool {
		if v[i].w != v[j].w {
			return v[i].w > v[j].w
		}
		return v[i].term < v[j].term
	})
}

// normalize scales v to unit length (a zero vector stays zero).
func (v vector) normalize() {
	var s float64
	for _, e := range v {
		s += e.w * e.w
	}
	if s == 0 {
		return
	}
	n := math.Sqrt(s)
	for i := range v {
		v[i].w /= n
	}
}

// centroid is the running sum of the unit vectors of a cluster's members.
type centroid struct {
	w     map[int32]float64
	norm2 float64
}

func newCentroid() centroid { return centroid{w: map[int32]float64{}} }

// cos returns the cosine between the unit vector v and the centroid.
func (c *centroid) cos(v vector) float64 {
	if c.norm2 <= 0 || len(v) == 0 {
		return 0
	}
	var dot float64
	for _, e := range v {
		dot += e.w * c.w[e.term]
	}
	return dot / math.Sqrt(c.norm2)
}

// add adds the unit vector v to the centroid, keeping the squared norm up
// to date, and prunes the centroid to its keep heaviest terms when it has
// grown past twice that.
func (c *centroid) add(v vector, keep int) {
	for _, e := range v {
		old := c.w[e.term]
		nw := old + e.w
		c.norm2 += nw*nw - old*old
		c.w[e.term] = nw
	}
	if len(c.w) > 2*keep {
		c.prune(keep)
	}
}

// prune keeps the keep heaviest terms and recomputes the norm.
func (c *centroid) prune(keep int) {
	all := c.top(len(c.w))
	c.w = make(map[int32]float64, keep)
	c.norm2 = 0
	for _, e := range all[:min(keep, len(all))] {
		c.w[e.term] = e.w
		c.norm2 += e.w * e.w
	}
}

// top returns the n heaviest terms of the centroid, heaviest first.
func (c *centroid) top(n int) vector {
	v := make(vector, 0, len(c.w))
	for t, w := range c.w {
		v = append(v, entry{t, w})
	}
	v.sortByWeight()
	if len(v) > n {
		v = v[:n]
	}
	return v
}
