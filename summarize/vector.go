package summarize

import (
	"math"
	"sort"
)

// vector is a sparse term-weight vector sorted by term id.
type vector struct {
	ids  []int
	vals []float64
}

// newVector builds a unit-length vector from raw weights.
func newVector(w map[int]float64) vector {
	v := vector{ids: make([]int, 0, len(w)), vals: make([]float64, 0, len(w))}
	for id := range w {
		v.ids = append(v.ids, id)
	}
	sort.Ints(v.ids)
	var norm float64
	for _, id := range v.ids {
		norm += w[id] * w[id]
	}
	norm = math.Sqrt(norm)
	for _, id := range v.ids {
		x := 0.0
		if norm > 0 {
			x = w[id] / norm
		}
		v.vals = append(v.vals, x)
	}
	return v
}

// cosine returns the dot product of two unit vectors.
func cosine(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] == b.ids[j]:
			s += a.vals[i] * b.vals[j]
			i++
			j++
		case a.ids[i] < b.ids[j]:
			i++
		default:
			j++
		}
	}
	return s
}

func (v vector) empty() bool { return len(v.ids) == 0 }

// dense is a vector stored by term id, for taking many cosines with one
// long vector (the centroid) without walking all its terms each time.
type dense []float64

func newDense(v vector) dense {
	n := 0
	if len(v.ids) > 0 {
		n = v.ids[len(v.ids)-1] + 1
	}
	d := make(dense, n)
	for k, id := range v.ids {
		d[id] = v.vals[k]
	}
	return d
}

// cosine returns the dot product of d with the unit vector a; it adds the
// same products in the same (term id) order as cosine(a, v).
func (d dense) cosine(a vector) float64 {
	var s float64
	for k, id := range a.ids {
		if id < len(d) {
			if w := d[id]; w != 0 {
				s += a.vals[k] * w
			}
		}
	}
	return s
}
