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
