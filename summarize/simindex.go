package summarize

import "sort"

// simIndex finds, for one sentence, its most similar sentence in every
// other report without comparing it to every sentence: an inverted index
// from term id to the sentences carrying it yields the TF-IDF dot product
// with exactly the sentences that share a term, and only those whose
// cosine can reach minCosine are scored with sameSim. The result equals a
// full scan, since sameSim is 0 below minCosine.
type simIndex struct {
	all      []*sentence
	postings map[int][]posting
	// acc and touched are scratch space for one query.
	acc     []float64
	touched []int
}

// posting is one sentence carrying a term, with the term's weight in it.
type posting struct {
	at  int // index into all
	doc int // all[at].doc
	val float64
}

func newSimIndex(all []*sentence) *simIndex {
	x := &simIndex{all: all, postings: map[int][]posting{}, acc: make([]float64, len(all))}
	for i, st := range all {
		for k, id := range st.vec.ids {
			x.postings[id] = append(x.postings[id], posting{i, st.doc, st.vec.vals[k]})
		}
	}
	return x
}

// bestPerDoc returns, for every other report in report order, the first
// of its sentences with the highest non-zero sameSim to st (all[i]).
func (x *simIndex) bestPerDoc(i int, st *sentence) []match {
	x.touched = x.touched[:0]
	// Terms in ascending id order, as cosine adds them, so the sums are
	// the same numbers cosine computes.
	for k, id := range st.vec.ids {
		v := st.vec.vals[k]
		for _, p := range x.postings[id] {
			if p.doc == st.doc {
				continue
			}
			if x.acc[p.at] == 0 {
				x.touched = append(x.touched, p.at)
			}
			x.acc[p.at] += v * p.val
		}
	}
	var cands []int
	for _, j := range x.touched {
		if x.acc[j] >= minCosine*(1-1e-9) {
			cands = append(cands, j)
		}
		x.acc[j] = 0
	}
	sort.Ints(cands)
	var out []match
	for _, j := range cands {
		o := x.all[j]
		sim := sameSim(st, o)
		if sim <= 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].st.doc == o.doc {
			if sim > out[n-1].sim {
				out[n-1] = match{o, sim}
			}
			continue
		}
		out = append(out, match{o, sim})
	}
	return out
}
