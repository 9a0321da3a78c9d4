package ner

import "math"

// scratch holds per-call buffers so that tagging allocates little.
type scratch struct {
	si     sentenceInfo
	keys   []uint64
	buf    []byte
	labels []int
	probs  []float32
	cache  map[string]*wordEntry
	// lattice holds beam hypotheses per token; counts how many per token.
	lattice []hyp
	counts  []int
}

// maxCache bounds the per-scratch word cache.
const maxCache = 200000

// hyp is one partial labeling in the beam.
type hyp struct {
	score  float32
	p1, p2 int
	back   int // index of the parent hypothesis at the previous token
	prob   float32
}

// tag labels one sentence left to right with a beam of width beam (1 is
// greedy): each hypothesis extends with the labels allowed after its last
// one under BILOU, scored with static features (computed once per token)
// and history features (per hypothesis). probs receives, for each chosen
// label, its softmax probability among the allowed ones given the chosen
// history. The document history is read as it stood before the sentence and
// updated after it.
func (m *Model) tag(words []string, sc *scratch, hist docHistory, dc *docContext, beam int) ([]int, []float32) {
	if beam < 1 {
		beam = 1
	}
	if sc.cache == nil || len(sc.cache) > maxCache {
		sc.cache = make(map[string]*wordEntry, 1024)
	}
	sc.buf = m.lex.prepare(&sc.si, words, sc.buf, sc.cache)
	sc.si.doc = dc
	n := len(words)
	if cap(sc.labels) < n {
		sc.labels = make([]int, n)
		sc.probs = make([]float32, n)
	}
	labels, probs := sc.labels[:n], sc.probs[:n]
	if cap(sc.lattice) < n*beam {
		sc.lattice = make([]hyp, n*beam)
	}
	lattice := sc.lattice[:n*beam]
	counts := sc.counts[:0]
	prev := []hyp{{p1: -1, p2: -1, back: -1}}
	for i := 0; i < n; i++ {
		e := sc.si.entries[i]
		if !e.scored {
			sc.keys = e.info.local(sc.keys[:0])
			m.addScores(sc.keys, &e.scores)
			m.lex.addProj(e.info.proj, embPos/2, &e.scores)
			e.scored = true
		}
		static := e.scores
		for p := 0; p < embPos; p++ {
			if j := i - embPos/2 + p; j != i && j >= 0 && j < n {
				m.lex.addProj(sc.si.toks[j].proj, p, &static)
			}
		}
		sc.keys = sc.si.context(i, sc.keys[:0])
		sc.keys = hist.features(&sc.si.toks[i], sc.keys)
		m.addScores(sc.keys, &static)
		next := lattice[i*beam : i*beam : (i+1)*beam]
		for hi, h := range prev {
			scores := static
			sc.keys = sc.si.history(i, h.p1, h.p2, sc.keys[:0])
			m.addScores(sc.keys, &scores)
			var best float32
			first := true
			for l := 0; l < numLabels; l++ {
				if allowed(h.p1, l) && (first || scores[l] > best) {
					best, first = scores[l], false
				}
			}
			var z, zb float64
			for l := 0; l < numLabels; l++ {
				if allowed(h.p1, l) {
					z += math.Exp(float64(scores[l]-best) / softmaxTemp)
					zb += math.Exp(float64(scores[l]-best) / beamTemp)
				}
			}
			for l := 0; l < numLabels; l++ {
				if !allowed(h.p1, l) {
					continue
				}
				// Locally normalized: the path score is the sum of log
				// probabilities, comparable across histories.
				lp := float64(scores[l]-best)/beamTemp - math.Log(zb)
				c := hyp{score: h.score + float32(lp), p1: l, p2: h.p1, back: hi,
					prob: float32(math.Exp(float64(scores[l]-best)/softmaxTemp) / z)}
				next = insertHyp(next, c, beam)
			}
		}
		counts = append(counts, len(next))
		prev = next
	}
	// Follow the back pointers of the best final hypothesis.
	bi := 0
	for j := range prev {
		if prev[j].score > prev[bi].score {
			bi = j
		}
	}
	for i := n - 1; i >= 0; i-- {
		h := lattice[i*beam+bi]
		labels[i], probs[i] = h.p1, h.prob
		bi = h.back
	}
	sc.counts = counts
	for i := 0; i < n; i++ {
		hist.add(&sc.si.toks[i], labels[i])
	}
	return labels, probs
}

// insertHyp keeps the beam hypotheses with the highest scores, sorted.
func insertHyp(b []hyp, c hyp, width int) []hyp {
	if len(b) == width && c.score <= b[len(b)-1].score {
		return b
	}
	if len(b) < width {
		b = append(b, c)
	} else {
		b[len(b)-1] = c
	}
	for j := len(b) - 1; j > 0 && b[j].score > b[j-1].score; j-- {
		b[j], b[j-1] = b[j-1], b[j]
	}
	return b
}

// softmaxTemp scales perceptron scores into probabilities; chosen so that
// confidences spread over (0, 1) on held-out data.
const softmaxTemp = 4.0

// beamTemp scales scores into the local log probabilities that beam
// search adds up.
const beamTemp = 16.0
