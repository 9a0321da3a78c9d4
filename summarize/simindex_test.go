package summarize

import (
	"fmt"
	"math/rand"
	"testing"
)

// TestSimIndexMatchesFullScan checks the inverted index against comparing a
// sentence with every sentence of every other report, on random sentences
// over a small vocabulary (so that many pairs pass minCosine).
func TestSimIndexMatchesFullScan(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	found := 0
	for round := 0; round < 20; round++ {
		ndocs := 2 + r.Intn(6)
		var all []*sentence
		for d := 0; d < ndocs; d++ {
			for k := r.Intn(12); k >= 0; k-- {
				st := &sentence{doc: d}
				for w := 1 + r.Intn(8); w > 0; w-- {
					st.terms = append(st.terms, fmt.Sprintf("t%d", r.Intn(25)))
				}
				all = append(all, st)
			}
		}
		weigh(all)
		idx := newSimIndex(all, nil)
		for i, st := range all {
			var want []match
			for d := 0; d < ndocs; d++ {
				if d == st.doc {
					continue
				}
				best, bestAt := 0.0, (*sentence)(nil)
				for _, o := range all {
					if o.doc != d {
						continue
					}
					if sim := sameSim(st, o); sim > best {
						best, bestAt = sim, o
					}
				}
				if bestAt != nil {
					want = append(want, match{bestAt, best})
				}
			}
			got := idx.bestPerDoc(i, st)
			found += len(got)
			if len(got) != len(want) {
				t.Fatalf("round %d sentence %d: %d matches, full scan %d", round, i, len(got), len(want))
			}
			for k := range got {
				if got[k] != want[k] {
					t.Fatalf("round %d sentence %d match %d: %+v, full scan %+v", round, i, k, got[k], want[k])
				}
			}
		}
		// The dense centroid gives the very same numbers as the merge.
		sum := map[int]float64{}
		for _, st := range all {
			for k, id := range st.vec.ids {
				sum[id] += st.vec.vals[k]
			}
		}
		cv := newVector(sum)
		dcv := newDense(cv)
		for _, st := range all {
			if a, b := dcv.cosine(st.vec), cosine(st.vec, cv); a != b {
				t.Fatalf("dense cosine %v, merged cosine %v", a, b)
			}
		}
	}
	if found == 0 {
		t.Fatal("no similar sentences found at all; the test checks nothing")
	}
}
