package summarize

import "sort"

// choose picks up to opts.Sentences sentences: the best main-event
// sentence first, then by maximal marginal relevance. Background sentences
// follow the main-event ones.
func choose(all []*sentence, opts Options) []*sentence {
	var cands []*sentence
	maxScore := 0.0
	for _, st := range all {
		if st.eligible && !st.vec.empty() {
			cands = append(cands, st)
			if st.score > maxScore {
				maxScore = st.score
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })

	var first *sentence
	for _, st := range cands {
		if st.background {
			continue
		}
		if first == nil || st.main > first.main {
			first = st
		}
	}
	if first == nil {
		first = cands[0]
	}
	chosen := []*sentence{first}
	used := map[*sentence]bool{first: true}
	words := first.words
	for len(chosen) < opts.Sentences && (opts.MaxWords <= 0 || words < opts.MaxWords) {
		var best *sentence
		bestVal := -1e9
		for _, st := range cands {
			if used[st] {
				continue
			}
			red := 0.0
			for _, c := range chosen {
				if s := redundancy(st, c); s > red {
					red = s
				}
			}
			if red >= redundantSim || sharesSource(st, chosen) {
				// Says what a chosen sentence says (and is cited by it).
				continue
			}
			val := opts.Lambda*st.score/maxScore - (1-opts.Lambda)*red
			if val > bestVal {
				best, bestVal = st, val
			}
		}
		if best == nil {
			break
		}
		chosen = append(chosen, best)
		used[best] = true
		words += best.words
	}
	rest := chosen[1:]
	sort.SliceStable(rest, func(i, j int) bool { return !rest[i].background && rest[j].background })
	return chosen
}

// redundantSim is the redundancy from which a candidate is skipped as
// repeating a chosen sentence; it is a little below the citation
// threshold, so near-paraphrases that are not cited are not chosen either.
const redundantSim = 0.28

// redundancy is how much of a's content b already says: the mean of their
// cosine and weighted overlap.
func redundancy(a, b *sentence) float64 { return (cosine(a.vec, b.vec) + overlap(a, b)) / 2 }

// sharesSource reports whether st and a chosen sentence are the same
// statement by way of their equivalents: one is the other's equivalent, or
// both have the same equivalent in a third report.
func sharesSource(st *sentence, chosen []*sentence) bool {
	for _, c := range chosen {
		for _, m := range c.equiv {
			if m.st == st {
				return true
			}
			for _, n := range st.equiv {
				if n.st == m.st {
					return true
				}
			}
		}
		for _, n := range st.equiv {
			if n.st == c {
				return true
			}
		}
	}
	return false
}
