package ner

// BuildCasing returns the usual casing of each lowercase word seen at least
// minCount times in running text of sents (not sentence-initial, not in an
// all-caps headline), when one casing holds at least 60% of its uses.
// The table lets the model guess whether an all-caps headline word is
// normally a name.
func BuildCasing(sents []Sentence, minCount int) map[string]uint8 {
	counts := map[string]*[5]int{}
	var si sentenceInfo
	var lx Lexicon
	for _, s := range sents {
		lx.prepare(&si, s.Words, nil, nil)
		if si.capsLine {
			continue
		}
		for i := 1; i < len(si.toks); i++ {
			t := &si.toks[i]
			if t.casing == caseNone {
				continue
			}
			c := counts[t.lower]
			if c == nil {
				c = new([5]int)
				counts[t.lower] = c
			}
			c[t.casing]++
		}
	}
	out := map[string]uint8{}
	for w, c := range counts {
		total, best := 0, 0
		for k := 1; k < 5; k++ {
			total += c[k]
			if c[k] > c[best] {
				best = k
			}
		}
		if total >= minCount && c[best]*10 >= total*6 {
			out[w] = uint8(best)
		}
	}
	return out
}
