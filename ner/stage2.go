package ner

// Two-stage prediction aggregation (Ratinov & Roth 2009): a second pass
// over a document adds weights for how a first pass labelled the other
// occurrences of the same word anywhere in the document (earlier and
// later). The weights are learnt by TrainStage2 on first-pass labels from
// cross-validation, so that its inputs are as noisy as at tagging time.

// aggSlots is the number of counters per word: class (or O) times
// single-token / inside a multi-token entity.
const aggSlots = 2 * (numClasses + 1)

// docAgg holds the first-stage label counts of every word of a document,
// by lowercase form.
type docAgg struct {
	counts map[string]*[aggSlots]uint16
}

// aggSlot returns the counter index of label l.
func aggSlot(l int) int {
	if l <= 0 {
		return numClasses
	}
	s := labelClass(l)
	if p := labelPos(l); p != posU {
		s += numClasses + 1
	}
	return s
}

// newDocAgg counts the first-stage labels of a document's sentences.
func newDocAgg(sents [][]string, labels [][]int) *docAgg {
	a := &docAgg{counts: map[string]*[aggSlots]uint16{}}
	for si, words := range sents {
		for i, w := range words {
			if i >= len(labels[si]) {
				break
			}
			lw := aggKey(w)
			c := a.counts[lw]
			if c == nil {
				c = new([aggSlots]uint16)
				a.counts[lw] = c
			}
			if s := aggSlot(labels[si][i]); c[s] < 65535 {
				c[s]++
			}
		}
	}
	return a
}

// aggKey is the form under which occurrences of a word are pooled (the
// same as tokInfo.lower).
func aggKey(w string) string { return lowerWord(digitsToZero(normWord(w))) }

// features appends the stage-two keys of token i of si, whose first-stage
// labels are s1: for a capitalized token, each class (or O, single-token
// or inside a longer name) that other occurrences of its word got, with
// whether it was all, most or some of them.
func (a *docAgg) features(si *sentenceInfo, i int, s1 []int, out []uint64) []uint64 {
	t := &si.toks[i]
	own := s1[i]
	capital := boolByte(t.casing == caseTitle || t.casing == caseUpper || t.casing == caseMixed)
	if capital == 0 {
		return out
	}
	c := a.counts[t.lower]
	if c == nil {
		return out
	}
	others := *c
	if s := aggSlot(own); others[s] > 0 {
		others[s]--
	}
	total := 0
	for _, n := range others {
		total += int(n)
	}
	if total == 0 {
		return out
	}
	ownClass := byte(numClasses)
	if own > 0 {
		ownClass = byte(labelClass(own))
	}
	for s, n := range others {
		if n == 0 {
			continue
		}
		bucket := byte(2)
		if int(n) == total {
			bucket = 0
		} else if 2*int(n) >= total {
			bucket = 1
		}
		out = append(out, keyN(fS1Agg, byte(s), bucket, capital),
			keyN(fS1AggOwn, byte(s), bucket, ownClass),
			keyN(fS1AggCtx, byte(s), bucket, t.casing, boolByte(i == 0), boolByte(si.capsLine)))
	}
	return out
}

// labelsFromChunks writes chunks over n tokens as BILOU labels.
func labelsFromChunks(n int, chunks []Chunk) []int {
	out := make([]int, n)
	for _, c := range chunks {
		k := classIndex(c.Type)
		if k < 0 || c.Start < 0 || c.End > n || c.Start >= c.End {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = makeLabel(k, posU)
			continue
		}
		out[c.Start] = makeLabel(k, posB)
		for j := c.Start + 1; j < c.End-1; j++ {
			out[j] = makeLabel(k, posI)
		}
		out[c.End-1] = makeLabel(k, posL)
	}
	return out
}

// settled reports whether every capitalized word of a sentence got the
// same first-stage class as all its other occurrences in the document.
func (a *docAgg) settled(words []string, labels []int) bool {
	for i, w := range words {
		w = normWord(w)
		c := wordCase(w)
		if c != caseTitle && c != caseUpper && c != caseMixed {
			continue
		}
		counts := a.counts[lowerWord(digitsToZero(w))]
		if counts == nil {
			continue
		}
		own := numClasses
		if labels[i] > 0 {
			own = labelClass(labels[i])
		}
		for s, n := range counts {
			if n > 0 && s%(numClasses+1) != own {
				return false
			}
		}
	}
	return true
}

// addWords records a sentence's labels in the history, as tag does.
func (h docHistory) addWords(words []string, labels []int) {
	for i, w := range words {
		w = normWord(w)
		t := tokInfo{casing: wordCase(w)}
		if t.casing != caseTitle && t.casing != caseUpper && t.casing != caseMixed {
			continue
		}
		t.lower = lowerWord(digitsToZero(w))
		h.add(&t, labels[i])
	}
}
