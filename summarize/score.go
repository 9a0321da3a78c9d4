package summarize

import "math"

// leadDepth is how many eligible sentences at the top of each report form
// the "lead" that tells the main event.
const leadDepth = 3

// score fills centrality, lead similarity, cross-report support and the
// final and main-event scores of every sentence.
//
// group maps each report to its copy group (see copyGroups): support counts
// each group once, with its best match, and never a copy of the sentence's
// own report.
func score(all []*sentence, group []int, opts Options) {
	ndocs := len(group)
	byDoc := make([][]*sentence, ndocs)
	for _, st := range all {
		byDoc[st.doc] = append(byDoc[st.doc], st)
	}
	centroid := make(map[int]float64)
	lead := make(map[int]float64)
	for _, ss := range byDoc {
		addNormalized(centroid, ss, func(*sentence) bool { return true })
		addNormalized(lead, ss, func(st *sentence) bool { return st.eligible && st.pos < leadDepth })
	}
	cv, lv := newVector(centroid), newVector(lead)
	keys := keyTerms(all, ndocs)
	maxCov := 0.0
	for _, st := range all {
		if !st.eligible {
			continue
		}
		for _, id := range st.vec.ids {
			st.coverage += keys[id]
		}
		maxCov = math.Max(maxCov, st.coverage)
	}
	dcv, dlv := newDense(cv), newDense(lv)
	var groups []int // the copy groups that have sentences, ascending
	seen := make([]bool, ndocs)
	for d, ss := range byDoc {
		if len(ss) > 0 && !seen[group[d]] {
			seen[group[d]] = true
		}
	}
	for g, ok := range seen {
		if ok {
			groups = append(groups, g)
		}
	}
	// In a large story support is measured against an evenly spread sample
	// of copy groups, and of the reports in each, so that scoring grows
	// linearly with the story (every sentence would otherwise be compared
	// with most sentences of every other report); below maxSupportGroups
	// groups and maxIndexedDocs reports every report counts.
	var keep []bool
	inSample := make([]bool, ndocs) // by copy group
	for _, g := range groups {
		inSample[g] = true
	}
	total := len(groups)
	if total > maxSupportGroups {
		sample := make([]int, 0, maxSupportGroups)
		clear(inSample)
		for k := range maxSupportGroups {
			g := groups[k*len(groups)/maxSupportGroups]
			sample = append(sample, g)
			inSample[g] = true
		}
		groups = sample
	}
	members := make([][]int, ndocs) // the reports with sentences of each sampled group
	indexed := 0
	for d, ss := range byDoc {
		if len(ss) > 0 && inSample[group[d]] {
			members[group[d]] = append(members[group[d]], d)
			indexed++
		}
	}
	if len(groups) < total || indexed > maxIndexedDocs {
		keep = make([]bool, ndocs)
		per := max(1, maxIndexedDocs/len(groups))
		for _, g := range groups {
			ms := members[g]
			n := min(per, len(ms))
			for k := range n {
				keep[ms[k*len(ms)/n]] = true
			}
		}
	}
	idx := newSimIndex(all, keep)
	best := make([]float64, ndocs)
	for i, st := range all {
		if !st.eligible {
			continue
		}
		st.centroid = dcv.cosine(st.vec)
		st.lead = dlv.cosine(st.vec)
		for _, g := range groups {
			best[g] = 0
		}
		for _, m := range idx.bestPerDoc(i, st) {
			if g := group[m.st.doc]; g != group[st.doc] && m.sim > best[g] {
				best[g] = m.sim
			}
			if m.sim >= opts.CiteThreshold {
				st.supportDocs++
				st.equiv = append(st.equiv, m)
			}
		}
		sum := 0.0
		for _, g := range groups { // a fixed order keeps the sum reproducible
			sum += best[g]
		}
		others := len(groups) - 1
		if !inSample[group[st.doc]] {
			others++ // its own group is not in the sample
		}
		if others > 0 {
			st.support = sum / float64(others)
		}
		position := 1 / (1 + float64(st.pos)/2)
		st.score = 0.35*st.centroid + 0.25*st.lead + 0.25*st.support + 0.15*position
		if st.words < 10 {
			st.score *= 0.8
		}
		if st.quote {
			st.score *= 0.85
		}
		if st.background {
			st.score *= 0.5
		}
		fiveW := 0.0
		if st.timeCue {
			fiveW += 0.5
		}
		if st.placeCue {
			fiveW += 0.5
		}
		cov := 0.0
		if maxCov > 0 {
			cov = st.coverage / maxCov
		}
		st.main = 0.25*st.lead + 0.15*st.support + 0.15*position + 0.15*fiveW + 0.3*cov
		if st.quote {
			st.main *= 0.7
		}
	}
}

// maxSupportGroups is the most copy groups a sentence's support is measured
// against (see score).
var maxSupportGroups = 64

// maxIndexedDocs is the most reports whose sentences a sentence is
// compared with; the sampled copy groups share them.
var maxIndexedDocs = 128

// addNormalized adds the unit-normalized sum of the chosen sentences'
// vectors to acc, so that every report weighs the same.
func addNormalized(acc map[int]float64, ss []*sentence, keep func(*sentence) bool) {
	sum := map[int]float64{}
	for _, st := range ss {
		if !keep(st) {
			continue
		}
		for k, id := range st.vec.ids {
			sum[id] += st.vec.vals[k]
		}
	}
	v := newVector(sum)
	for k, id := range v.ids {
		acc[id] += v.vals[k]
	}
}

// keyTerms weighs the terms that most reports use (at least half of them,
// and at least two): the shared vocabulary of the main event. The weight
// is the share of reports using the term.
func keyTerms(all []*sentence, ndocs int) map[int]float64 {
	keys := map[int]float64{}
	if ndocs < 2 {
		return keys
	}
	docsOf := map[int]map[int]bool{}
	for _, st := range all {
		for _, id := range st.vec.ids {
			if docsOf[id] == nil {
				docsOf[id] = map[int]bool{}
			}
			docsOf[id][st.doc] = true
		}
	}
	need := max(2, (ndocs+1)/2)
	for id, ds := range docsOf {
		if len(ds) >= need {
			keys[id] = float64(len(ds)) / float64(ndocs)
		}
	}
	return keys
}

// sameSim says how far two sentences state the same thing: the mean of
// their TF-IDF cosine and weighted term overlap, or 0 when the cosine is
// below minCosine (sharing a few names is not saying the same thing).
func sameSim(a, b *sentence) float64 { return sameSimCos(a, b, cosine(a.vec, b.vec)) }

// sameSimCos is sameSim given c, the cosine of a and b.
func sameSimCos(a, b *sentence, c float64) float64 {
	if c < minCosine {
		return 0
	}
	return (c + overlap(a, b)) / 2
}

// minCosine is the least TF-IDF cosine for two sentences to count as the
// same statement.
const minCosine = 0.25
