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
	// before and after its occurrences, with counts.
	around map[string][]neighbour
}

// neighbour is a word seen before (dir '<') or after (dir '>') a word.
type neighbour struct {
	dir  byte
	word string
	n    uint16
}

// maxAround caps the neighbour words kept per word.
const maxAround = 12

// newDocContext scans the sentences of one document.
func newDocContext(sents [][]string) *docContext {
	dc := &docContext{cases: map[string]uint8{}, around: map[string][]neighbour{}}
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
				if old, ok := dc.cases[lw]; !ok || old&(1<<c) == 0 {
					dc.cases[lw] = old | 1<<c
				}
			}
			if c != caseTitle && c != caseUpper && c != caseMixed {
				continue
			}
			m := dc.around[lw]
			if i > 0 {
				m = addAround(m, '<', lowers[i-1])
			}
			if i+1 < len(lowers) {
				m = addAround(m, '>', lowers[i+1])
			}
			dc.around[lw] = m
		}
	}
	return dc
}

func addAround(m []neighbour, dir byte, w string) []neighbour {
	for i := range m {
		if m[i].dir == dir && m[i].word == w {
			m[i].n++
			return m
		}
	}
	if len(m) < maxAround {
		m = append(m, neighbour{dir: dir, word: w, n: 1})
	}
	return m
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
	for _, nb := range dc.around[t.lower] {
		if nb.n == 1 && ((nb.dir == '<' && i > 0 && si.toks[i-1].lower == nb.word) ||
			(nb.dir == '>' && i+1 < len(si.toks) && si.toks[i+1].lower == nb.word)) {
			continue // only this occurrence
		}
		out = append(out, hashStr(keyN(fDocAround, nb.dir), nb.word))
	}
	return out
}
