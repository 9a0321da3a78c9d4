package ner

// docContext aggregates, over a whole document, how each capitalized word
// is written and which words surround it, so that a headline or
// sentence-initial token can borrow evidence from its other occurrences
// (the "context aggregation" of Ratinov & Roth 2009).
type docContext struct {
	// cases maps a lowercase word to a bit set of the casings it has in
	// running text (not sentence-initial, not in an all-caps line).
	cases map[string]uint8
	// around maps a lowercase capitalized word to the words seen just
	// before ("<" prefix) and after (">" prefix) its occurrences, with
	// counts.
	around map[string]map[string]uint16
}

// maxAround caps the neighbour words kept per word.
const maxAround = 12

// newDocContext scans the sentences of one document.
func newDocContext(sents [][]string) *docContext {
	dc := &docContext{cases: map[string]uint8{}, around: map[string]map[string]uint16{}}
	var lowers []string
	var casings []uint8
	for _, words := range sents {
		lowers, casings = lowers[:0], casings[:0]
		letters, upper := 0, 0
		for _, w := range words {
			w = normWord(w)
			c := wordCase(w)
			lowers = append(lowers, lowerWord(digitsToZero(w)))
			casings = append(casings, c)
			if c != caseNone {
				letters++
				if c == caseUpper {
					upper++
				}
			}
		}
		capsLine := letters >= 2 && upper == letters
		for i, lw := range lowers {
			c := casings[i]
			if i > 0 && !capsLine && c != caseNone {
				dc.cases[lw] |= 1 << c
			}
			if c != caseTitle && c != caseUpper && c != caseMixed {
				continue
			}
			m := dc.around[lw]
			if m == nil {
				m = map[string]uint16{}
				dc.around[lw] = m
			}
			if i > 0 {
				addAround(m, "<"+lowers[i-1])
			}
			if i+1 < len(lowers) {
				addAround(m, ">"+lowers[i+1])
			}
		}
	}
	return dc
}

func addAround(m map[string]uint16, k string) {
	if _, ok := m[k]; ok || len(m) < maxAround {
		m[k]++
	}
}

// features appends the document-context keys of token i of si.
func (dc *docContext) features(si *sentenceInfo, i int, out []uint64) []uint64 {
	if dc == nil {
		return out
	}
	t := &si.toks[i]
	if t.casing == caseNone {
		return out
	}
	if cs, ok := dc.cases[t.lower]; ok {
		out = append(out, keyN(fDocCase, cs, t.casing, boolByte(i == 0), boolByte(si.capsLine)))
	}
	if t.casing != caseTitle && t.casing != caseUpper && t.casing != caseMixed {
		return out
	}
	var own1, own2 string
	if i > 0 {
		own1 = "<" + si.toks[i-1].lower
	}
	if i+1 < len(si.toks) {
		own2 = ">" + si.toks[i+1].lower
	}
	for k, n := range dc.around[t.lower] {
		if n == 1 && (k == own1 || k == own2) {
			continue // only this occurrence
		}
		out = append(out, key1(fDocAround, k))
	}
	return out
}
