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
	// byDoc is set when all lists the reports' sentences report by
	// report, as collect does: every posting list is then in report order
	// and a sentence's own report is skipped by binary search, not posting
	// by posting (one long report would otherwise cost its square).
	byDoc bool
}

// posting is one sentence carrying a term, with the term's weight in it.
type posting struct {
	at  int // index into all
	doc int // all[at].doc
	val float64
}

// newSimIndex indexes the sentences of all whose report keep allows (every
// report when keep is nil): bestPerDoc then finds matches in those reports
// only.
func newSimIndex(all []*sentence, keep []bool) *simIndex {
	x := &simIndex{all: all, postings: map[int][]posting{}, acc: make([]float64, len(all)), byDoc: true}
	for i, st := range all {
		if i > 0 && st.doc < all[i-1].doc {
			x.byDoc = false
		}
		if keep != nil && !keep[st.doc] {
			continue
		}
		for k, id := range st.vec.ids {
			x.postings[id] = append(x.postings[id], posting{i, st.doc, st.vec.vals[k]})
		}
	}
	return x
}

// add adds posting p's share of the dot product with a query term of
// weight v.
func (x *simIndex) add(p posting, v float64) {
	if x.acc[p.at] == 0 {
		x.touched = append(x.touched, p.at)
	}
	x.acc[p.at] += v * p.val
}

// bestPerDoc returns, for every other indexed report in report order, the first
// of its sentences with the highest non-zero sameSim to st (all[i]).
func (x *simIndex) bestPerDoc(i int, st *sentence) []match {
	x.touched = x.touched[:0]
	// Terms in ascending id order, as cosine adds them, so the sums are
	// the same numbers cosine computes.
	for k, id := range st.vec.ids {
		v := st.vec.vals[k]
		ps := x.postings[id]
		if !x.byDoc {
			for _, p := range ps {
				if p.doc != st.doc {
					x.add(p, v)
				}
			}
			continue
		}
		lo := sort.Search(len(ps), func(j int) bool { return ps[j].doc >= st.doc })
		hi := lo + sort.Search(len(ps)-lo, func(j int) bool { return ps[lo+j].doc > st.doc })
		for _, p := range ps[:lo] {
			x.add(p, v)
		}
		for _, p := range ps[hi:] {
			x.add(p, v)
		}
	}
	// acc holds exactly cosine(st.vec, o.vec): the same products added in
	// the same order, so sameSim's cosine need not be taken again.
	var cands []candidate
	for _, j := range x.touched {
		if x.acc[j] >= minCosine*(1-1e-9) {
			cands = append(cands, candidate{j, x.acc[j]})
		}
		x.acc[j] = 0
	}
	sort.Slice(cands, func(a, b int) bool { return cands[a].at < cands[b].at })
	var out []match
	for _, cd := range cands {
		o := x.all[cd.at]
		sim := sameSimCos(st, o, cd.cos)
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

// candidate is a sentence whose cosine with the query can reach minCosine.
type candidate struct {
	at  int
	cos float64
}
