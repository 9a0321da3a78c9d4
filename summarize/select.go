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
	// at maps a candidate to its index in cands; citedBy lists, for every
	// sentence cited as an equivalent, the candidates that cite it. With
	// them the candidates that share a source with a chosen sentence are
	// marked once, when it is chosen, instead of being compared with every
	// chosen sentence's equivalents in every round.
	at := make(map[*sentence]int, len(cands))
	for i, st := range cands {
		at[st] = i
	}
	citedBy := map[*sentence][]int32{}
	for i, st := range cands {
		for _, m := range st.equiv {
			citedBy[m.st] = append(citedBy[m.st], int32(i))
		}
	}
	skip := make([]bool, len(cands))   // chosen, or sharing a source with a chosen sentence
	red := make([]float64, len(cands)) // the highest redundancy with a chosen sentence
	var chosen []*sentence
	words := 0
	pick := func(c *sentence) {
		chosen = append(chosen, c)
		words += c.words
		skip[at[c]] = true
		for _, j := range citedBy[c] { // c is one of their equivalents
			skip[j] = true
		}
		for _, m := range c.equiv {
			if j, ok := at[m.st]; ok {
				skip[j] = true // one of c's equivalents
			}
			for _, k := range citedBy[m.st] { // they share an equivalent with c
				skip[k] = true
			}
		}
		for i, st := range cands {
			if !skip[i] {
				if s := redundancy(st, c); s > red[i] {
					red[i] = s
				}
			}
		}
	}
	pick(first)
	for len(chosen) < opts.Sentences && (opts.MaxWords <= 0 || words < opts.MaxWords) {
		var best *sentence
		bestVal := -1e9
		for i, st := range cands {
			if skip[i] || red[i] >= redundantSim {
				// Chosen, or says what a chosen sentence says (and is
				// cited by it).
				continue
			}
			val := opts.Lambda*st.score/maxScore - (1-opts.Lambda)*red[i]
			if val > bestVal {
				best, bestVal = st, val
			}
		}
		if best == nil {
			break
		}
		pick(best)
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
