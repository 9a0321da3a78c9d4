package lexicon

import (
	"context"
	"math"
	"math/rand"
)

// Cluster assigns every word of v to clusters at three nested
// granularities: k0 clusters, each split into k1, each of those into k2
// (spherical k-means on unit vectors). Ids start at 1.
func Cluster(ctx context.Context, v *Vectors, k0, k1, k2, iters int, seed int64) (map[string][3]uint16, error) {
	rng := rand.New(rand.NewSource(seed))
	all := make([]int, len(v.Vecs))
	for i := range all {
		all[i] = i
	}
	out := make(map[string][3]uint16, len(v.Words))
	a0, err := kmeans(ctx, v.Vecs, all, k0, iters, rng)
	if err != nil {
		return nil, err
	}
	for c0, m0 := range groups(all, a0, k0) {
		a1, err := kmeans(ctx, v.Vecs, m0, k1, iters, rng)
		if err != nil {
			return nil, err
		}
		for c1, m1 := range groups(m0, a1, k1) {
			a2, err := kmeans(ctx, v.Vecs, m1, k2, iters, rng)
			if err != nil {
				return nil, err
			}
			for j, w := range m1 {
				id1 := c0*k1 + c1
				id2 := id1*k2 + a2[j]
				out[v.Words[w]] = [3]uint16{uint16(c0 + 1), uint16(id1 + 1), uint16(id2 + 1)}
			}
		}
	}
	return out, nil
}

func groups(members, assign []int, k int) [][]int {
	g := make([][]int, k)
	for j, m := range members {
		g[assign[j]] = append(g[assign[j]], m)
	}
	return g
}

// kmeans clusters the vectors named by members into k groups by cosine
// similarity and returns each member's cluster.
func kmeans(ctx context.Context, vecs [][]float32, members []int, k, iters int, rng *rand.Rand) ([]int, error) {
	assign := make([]int, len(members))
	if len(members) <= k {
		for i := range assign {
			assign[i] = i
		}
		return assign, nil
	}
	dim := len(vecs[members[0]])
	cent := make([][]float32, k)
	for i, p := range rng.Perm(len(members))[:k] {
		cent[i] = append([]float32(nil), vecs[members[p]]...)
	}
	sums := make([][]float64, k)
	for i := range sums {
		sums[i] = make([]float64, dim)
	}
	for it := 0; it < iters; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for j, m := range members {
			x := vecs[m]
			best, bestSim := 0, float32(-2)
			for c, ce := range cent {
				var s float32
				for d := range x {
					s += x[d] * ce[d]
				}
				if s > bestSim {
					best, bestSim = c, s
				}
			}
			assign[j] = best
		}
		for c := range sums {
			clear(sums[c])
		}
		for j, m := range members {
			s := sums[assign[j]]
			for d, x := range vecs[m] {
				s[d] += float64(x)
			}
		}
		for c := range cent {
			var norm float64
			for _, x := range sums[c] {
				norm += x * x
			}
			if norm == 0 {
				cent[c] = append(cent[c][:0], vecs[members[rng.Intn(len(members))]]...)
				continue
			}
			inv := 1 / math.Sqrt(norm)
			for d := range cent[c] {
				cent[c][d] = float32(sums[c][d] * inv)
			}
		}
	}
	return assign, nil
}
