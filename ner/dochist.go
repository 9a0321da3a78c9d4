package ner

// docHistory counts the classes already given to each capitalized word
// (by lowercase form) earlier in the same document, so that a later
// mention of "Hashimi" leans towards the class its first mentions got (the
// "extended prediction history" of Ratinov & Roth 2009).
type docHistory map[string]*[numClasses + 1]uint16

// features appends the history keys of token t.
func (h docHistory) features(t *tokInfo, out []uint64) []uint64 {
	if h == nil || (t.casing != caseTitle && t.casing != caseUpper && t.casing != caseMixed) {
		return out
	}
	c := h[t.lower]
	if c == nil {
		return out
	}
	total := 0
	for _, n := range c {
		total += int(n)
	}
	for k, n := range c {
		if n == 0 {
			continue
		}
		bucket := byte(2)
		if int(n) == total {
			bucket = 0
		} else if 2*int(n) >= total {
			bucket = 1
		}
		out = append(out, keyN(fDocTag, byte(k), bucket), keyN(fDocTagLower, byte(k), bucket, t.casing))
	}
	return out
}

// add records that token t got label l.
func (h docHistory) add(t *tokInfo, l int) {
	if h == nil || (t.casing != caseTitle && t.casing != caseUpper && t.casing != caseMixed) {
		return
	}
	c := h[t.lower]
	if c == nil {
		c = new([numClasses + 1]uint16)
		h[t.lower] = c
	}
	k := numClasses
	if l > 0 {
		k = labelClass(l)
	}
	if c[k] < 65535 {
		c[k]++
	}
}

// MarkDocuments guesses document starts in CoNLL sentences that carry no
// -DOCSTART- marks: a Reuters story opens with an all-caps headline, maybe a
// byline, then a dateline such as "BRUSSELS 1996-08-22". If any sentence is
// already marked, sents is left as it is.
func MarkDocuments(sents []Sentence) {
	for _, s := range sents {
		if s.DocStart {
			return
		}
	}
	if len(sents) > 0 {
		sents[0].DocStart = true
	}
	var si sentenceInfo
	var lx Lexicon
	caps := func(i int) bool {
		lx.prepare(&si, sents[i].Words, nil, nil)
		return si.capsLine
	}
	for i, s := range sents {
		if !isDateline(s.Words) || i == 0 {
			continue
		}
		start := i - 1
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if caps(j) {
				start = j
				break
			}
		}
		sents[start].DocStart = true
	}
}

// isDateline reports a sentence like "BRUSSELS 1996-08-22".
func isDateline(words []string) bool {
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	last := words[len(words)-1]
	if len(last) != 10 || last[4] != '-' || last[7] != '-' {
		return false
	}
	for _, c := range last[:4] + last[5:7] + last[8:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return wordCase(words[0]) == caseUpper
}
