package cluster

import (
	"math"
	"time"
)

// mergeNear merges into one the story si, which just grew, and every other
// candidate story whose centroid now lies within MergeThreshold of it: an
// online correction for a story that the stream split early, when document
// frequencies were still poor. The older story (lower index) survives and
// is returned.
func (c *Clusterer) mergeNear(si int32, cands []int32) *story {
	for _, oi := range cands {
		if oi == si {
			continue
		}
		a, b := c.stories[si], c.stories[oi]
		if b.mergedInto >= 0 || b.expired || a.mergedInto >= 0 {
			continue
		}
		if c.storySimilarity(a, b) < c.o.MergeThreshold {
			continue
		}
		keep, gone := si, oi
		if oi < si {
			keep, gone = oi, si
		}
		c.absorb(keep, gone)
		si = keep
	}
	return c.stories[si]
}

// storySimilarity is the similarity of two stories' centroids, blended and
// decayed in time as for a document.
func (c *Clusterer) storySimilarity(a, b *story) float64 {
	decay := 1.0
	if !a.first.IsZero() && !b.first.IsZero() {
		var gap time.Duration
		switch {
		case a.last.Before(b.first):
			gap = b.first.Sub(a.last)
		case b.last.Before(a.first):
			gap = a.first.Sub(b.last)
		}
		if gap > c.o.Window {
			return 0
		}
		decay = math.Exp2(-float64(gap) / float64(c.o.DecayHalfLife))
	}
	sim := centroidCos(&a.words, &b.words)
	if a.ents.norm2 > 0 && b.ents.norm2 > 0 && c.o.EntityWeight > 0 {
		sim = (1-c.o.EntityWeight)*sim + c.o.EntityWeight*centroidCos(&a.ents, &b.ents)
	}
	return sim * decay
}

// centroidCos is the cosine between two centroids.
func centroidCos(a, b *centroid) float64 {
	if a.norm2 <= 0 || b.norm2 <= 0 {
		return 0
	}
	if len(a.w) > len(b.w) {
		a, b = b, a
	}
	var dot float64
	for t, w := range a.w {
		dot += w * b.w[t]
	}
	return dot / math.Sqrt(a.norm2*b.norm2)
}

// absorb moves story gone into story keep and retires gone.
func (c *Clusterer) absorb(keep, gone int32) {
	k, g := c.stories[keep], c.stories[gone]
	k.docs = append(k.docs, g.docs...)
	addCentroid(&k.words, &g.words, c.o.CentroidTerms)
	addCentroid(&k.ents, &g.ents, c.o.CentroidTerms)
	for t, name := range g.display {
		if _, ok := k.display[t]; !ok {
			k.display[t] = name
		}
	}
	if !g.first.IsZero() {
		if k.first.IsZero() || g.first.Before(k.first) {
			k.first = g.first
		}
		if g.last.After(k.last) {
			k.last = g.last
		}
	}
	terms := make(vector, 0, len(g.indexed))
	for t := range g.indexed {
		terms = append(terms, entry{term: t})
	}
	terms.sortByWeight() // by term id: all weights are 0
	c.index(keep, k, terms)
	g.mergedInto, g.expired = keep, true
	g.docs, g.indexed, g.display = nil, nil, nil
	g.words, g.ents = centroid{}, centroid{}
}

// addCentroid adds centroid b's sums into a.
func addCentroid(a, b *centroid, keep int) {
	v := b.top(len(b.w))
	for _, e := range v {
		old := a.w[e.term]
		nw := old + e.w
		a.norm2 += nw*nw - old*old
		a.w[e.term] = nw
	}
	if len(a.w) > 2*keep {
		a.prune(keep)
	}
}
