package ner

// Feature templates: the first byte hashed into every feature key.
const (
	fBias byte = iota + 1
	fWord
	fLower
	fPre
	fSuf
	fShape
	fShort
	fLowerM1
	fLowerP1
	fLowerM2
	fLowerP2
	fBigramM
	fBigramP
	fShortM1
	fShortP1
	fShortTri
	fFirst
	fCapsLine
	fCapsLower
	fCluster
	fClusterWin
	fClusterCase
	fGazCase
	fPrev1Cluster
	fGaz
	fGazM1
	fGazP1
	fCasing
	fArticle
	fArticleStem
	fParticle
	fParticleM1
	fApos
	fTitleM1
	fHyphen
	fLen
	fCaseCtx
	fPrev1
	fPrev2
	fPrev1Word
	fPrev1Short
	fDocTag
	fDocTagLower
	fDocCase
	fCluster2
	fPrev1Next
	fLowerM3
	fLowerP3
	fClusterWin2
	fDocAround
	// The three templates after fDocAround held the second-stage features
	// of an experiment that did not ship (see the package doc); a new
	// template should take a number of its own, as the capitalized-run
	// ones (0xA0…) do, so that keys of old models keep their meaning.
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashByte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= fnvPrime
	return h
}

func key1(t byte, s string) uint64 { return hashStr(hashByte(fnvOffset, t), s) }

func key2(t byte, a, b string) uint64 {
	return hashStr(hashByte(hashStr(hashByte(fnvOffset, t), a), 0), b)
}

func keyN(t byte, v ...byte) uint64 {
	h := hashByte(fnvOffset, t)
	for _, b := range v {
		h = hashByte(h, b)
	}
	return h
}

// tokInfo is what the feature extractor computes once per token.
type tokInfo struct {
	word     string // normalized, digits as 0
	lower    string
	shape    string
	short    string
	clusters [3]uint16
	clus2    [3]uint16
	proj     []int8 // precomputed dense scores (tagging)
	gaz      uint16 // 4 bits (B, I, L, U) per class
	casing   uint8  // case of the token itself
	usual    uint8  // usual case of the lowercase form (from the lexicon)
	article  string // Arabic article before a hyphen, e.g. "al"
	stem     string // the part after the article
	particle bool
	title    bool
	apos     bool
	gaz1     uint8 // gazetteer value of the word alone (classes and prefix bit)
	gaz1ok   bool
}

// sentenceInfo holds per-token info of one sentence plus sentence flags.
type sentenceInfo struct {
	toks     []tokInfo
	capsLine bool // a headline: every letter-bearing token is upper case
	runFeats bool // add the capitalized-run features (Lexicon.RunFeatures)
	extra    FeatureSet
	entries  []*wordEntry
	doc      *docContext // may be nil
}

// prepare fills si from the raw words of a sentence.
// With a cache, the word-level part of each token's info is looked up
// there (and added when missing), and si.entries points at the entries.
func (lx *Lexicon) prepare(si *sentenceInfo, words []string, buf []byte, cache map[string]*wordEntry) []byte {
	if cap(si.toks) < len(words) {
		si.toks = make([]tokInfo, len(words))
		si.entries = make([]*wordEntry, len(words))
	}
	si.toks = si.toks[:len(words)]
	si.entries = si.entries[:len(words)]
	letters, upper := 0, 0
	for i, w := range words {
		t := &si.toks[i]
		if cache != nil {
			e := cache[w]
			if e == nil {
				e = &wordEntry{}
				lx.wordInfo(&e.info, w)
				cache[w] = e
			}
			si.entries[i] = e
			*t = e.info
		} else {
			lx.wordInfo(t, w)
		}
		if t.casing != caseNone {
			letters++
			if t.casing == caseUpper {
				upper++
			}
		}
	}
	si.capsLine = letters >= 2 && upper == letters
	si.runFeats = lx.RunFeatures
	si.extra = lx.Extra
	buf = lx.matchGazetteer(si, words, buf)
	return buf
}

// wordEntry caches what depends on a word form alone: its token info and
// the scores of its local features.
type wordEntry struct {
	info   tokInfo
	scores [numLabels]float32
	scored bool
}

// wordInfo fills t from the word w alone.
func (lx *Lexicon) wordInfo(t *tokInfo, w string) {
	{
		w = normWord(w)
		*t = tokInfo{}
		t.word = digitsToZero(w)
		t.lower = lowerWord(t.word)
		t.shape, t.short = wordShape(w)
		t.casing = wordCase(w)
		wi, ok := lx.tab.word(t.lower)
		if ok {
			t.clusters, t.clus2, t.usual, t.proj = wi.clusters, wi.clusters2, wi.casing, wi.proj
		}
		t.article, t.stem = arabicPrefix(t.lower)
		if !ok && t.stem != "" {
			// al-Hashimi unknown: borrow the clusters and vector scores of
			// Hashimi.
			if wi, ok := lx.tab.word(t.stem); ok {
				t.clusters, t.clus2, t.proj = wi.clusters, wi.clusters2, wi.proj
			}
		}
		t.particle = nameParticles[t.lower]
		t.title = nameTitles[t.lower]
		t.apos = hasInnerApostrophe(w)
		t.gaz1, t.gaz1ok = lx.tab.gazetteer(lowerWord(w))
	}
}

// matchGazetteer marks every gazetteer phrase of up to GazMaxLen tokens
// with BILOU bits per class.
func (lx *Lexicon) matchGazetteer(si *sentenceInfo, words []string, buf []byte) []byte {
	for i := range si.toks {
		buf = buf[:0]
		if !si.toks[i].gaz1ok {
			continue
		}
		for n := 1; n <= lx.GazMaxLen && i+n <= len(si.toks); n++ {
			var mask uint8
			if n == 1 {
				mask = si.toks[i].gaz1
				buf = append(buf, lowerWord(normWord(words[i]))...)
			} else {
				buf = append(buf, ' ')
				buf = append(buf, lowerWord(normWord(words[i+n-1]))...)
				var ok bool
				if mask, ok = lx.tab.gazetteerBytes(buf); !ok {
					break
				}
			}
			for c := 0; c < numClasses; c++ {
				if mask&(1<<uint(c)) == 0 {
					continue
				}
				if n == 1 {
					si.toks[i].gaz |= 1 << uint(c*4+posU)
					continue
				}
				si.toks[i].gaz |= 1 << uint(c*4+posB)
				for j := i + 1; j < i+n-1; j++ {
					si.toks[j].gaz |= 1 << uint(c*4+posI)
				}
				si.toks[i+n-1].gaz |= 1 << uint(c*4+posL)
			}
			if mask&gazPrefix == 0 {
				break
			}
		}
	}
	return buf
}

var clusterLevels = [3]byte{'a', 'b', 'c'}

// static appends the history-independent feature keys of token i.
func (si *sentenceInfo) static(i int, out []uint64) []uint64 {
	out = si.toks[i].local(out)
	return si.context(i, out)
}

// local appends the keys that depend on the word alone (cacheable per
// word form).
func (t *tokInfo) local(out []uint64) []uint64 {
	out = append(out, keyN(fBias))
	out = append(out, key1(fWord, t.word), key1(fLower, t.lower))
	lw := t.lower
	for n := 1; n <= 4 && n < len(lw); n++ {
		out = append(out, hashStr(keyN(fPre, byte(n)), lw[:n]), hashStr(keyN(fSuf, byte(n)), lw[len(lw)-n:]))
	}
	out = append(out, key1(fShape, t.shape), key1(fShort, t.short))
	for l, c := range t.clusters {
		if c != 0 {
			out = append(out, keyN(fCluster, clusterLevels[l], byte(c), byte(c>>8)))
		}
	}
	for l, c := range t.clus2 {
		if c != 0 {
			out = append(out, keyN(fCluster2, clusterLevels[l], byte(c), byte(c>>8)))
		}
	}
	if t.article != "" {
		out = append(out, key1(fArticle, t.short))
		out = append(out, key1(fArticleStem, t.stem))
	}
	if t.particle {
		out = append(out, key1(fParticle, t.short))
	}
	if t.apos {
		out = append(out, key1(fApos, t.short))
	}
	if t.article == "" && len(t.short) > 2 && containsByte(t.short, '-') {
		out = append(out, key1(fHyphen, t.short))
	}
	if len(t.word) <= 3 {
		out = append(out, keyN(fLen, byte(len(t.word)), t.casing))
	}
	return out
}

// context appends the keys that depend on the token's neighbours and
// sentence.
func (si *sentenceInfo) context(i int, out []uint64) []uint64 {
	toks := si.toks
	t := &toks[i]
	get := func(j int) *tokInfo {
		if j < 0 || j >= len(toks) {
			return nil
		}
		return &toks[j]
	}
	lw := t.lower
	lm1, lp1, lm2, lp2 := "<s>", "</s>", "<s>", "</s>"
	sm1, sp1 := "<s>", "</s>"
	if p := get(i - 1); p != nil {
		lm1, sm1 = p.lower, p.short
	}
	if p := get(i + 1); p != nil {
		lp1, sp1 = p.lower, p.short
	}
	if p := get(i - 2); p != nil {
		lm2 = p.lower
	}
	if p := get(i + 2); p != nil {
		lp2 = p.lower
	}
	out = append(out, key1(fLowerM1, lm1), key1(fLowerP1, lp1), key1(fLowerM2, lm2), key1(fLowerP2, lp2))
	if p := get(i - 3); p != nil {
		out = append(out, key1(fLowerM3, p.lower))
	}
	if p := get(i + 3); p != nil {
		out = append(out, key1(fLowerP3, p.lower))
	}
	out = append(out, key2(fBigramM, lm1, lw), key2(fBigramP, lw, lp1))
	out = append(out, key1(fShortM1, sm1), key1(fShortP1, sp1), hashStr(hashByte(key2(fShortTri, sm1, t.short), 0), sp1))
	if i == 0 {
		out = append(out, key1(fFirst, t.short))
	}
	if si.capsLine {
		out = append(out, key1(fCapsLine, t.short), key1(fCapsLower, lw))
	}
	// Casing in context: own case, usual case of the word, case of
	// neighbours, sentence-initial and headline conditions.
	out = append(out, keyN(fCaseCtx, t.casing, t.usual, boolByte(i == 0), boolByte(si.capsLine)))
	if t.usual != 0 {
		out = append(out, keyN(fCasing, t.usual, boolByte(si.capsLine), t.casing))
	}
	if t.clusters[2] != 0 {
		out = append(out, keyN(fClusterCase, byte(t.clusters[2]), byte(t.clusters[2]>>8), t.casing, boolByte(i == 0)))
	}
	for _, d := range [...]int{-2, -1, 1, 2} {
		p := get(i + d)
		if p == nil {
			continue
		}
		for l, c := range p.clusters {
			if c != 0 && (l == 1 || d == -1 || d == 1) {
				out = append(out, keyN(fClusterWin, byte(d+2), clusterLevels[l], byte(c), byte(c>>8)))
			}
		}
		if c := p.clus2[1]; c != 0 && (d == -1 || d == 1) {
			out = append(out, keyN(fClusterWin2, byte(d+2), byte(c), byte(c>>8)))
		}
	}
	capital := t.casing == caseTitle || t.casing == caseUpper || t.casing == caseMixed
	for b := 0; b < 16; b++ {
		if t.gaz&(1<<uint(b)) != 0 {
			out = append(out, keyN(fGaz, byte(b)), keyN(fGazCase, byte(b), boolByte(capital), boolByte(si.capsLine)))
		}
	}
	if p := get(i - 1); p != nil && p.gaz != 0 {
		out = append(out, keyN(fGazM1, byte(p.gaz), byte(p.gaz>>8)))
	}
	if p := get(i + 1); p != nil && p.gaz != 0 {
		out = append(out, keyN(fGazP1, byte(p.gaz), byte(p.gaz>>8)))
	}
	if p := get(i - 1); p != nil {
		if p.particle {
			out = append(out, key1(fParticleM1, t.short))
		}
		if p.title {
			out = append(out, key1(fTitleM1, t.short))
		}
	}
	if si.runFeats {
		out = si.runFeatures(i, out)
	}
	return si.doc.features(si, i, out)
}

// history appends the keys that depend on the labels already chosen.
func (si *sentenceInfo) history(i, p1, p2 int, out []uint64) []uint64 {
	t := &si.toks[i]
	b1, b2 := byte(p1+1), byte(p2+1)
	out = append(out, keyN(fPrev1, b1), keyN(fPrev2, b2, b1))
	out = append(out, hashStr(keyN(fPrev1Word, b1), t.lower), hashStr(keyN(fPrev1Short, b1), t.short))
	if c := t.clusters[1]; c != 0 {
		out = append(out, keyN(fPrev1Cluster, b1, byte(c), byte(c>>8)))
	}
	if i+1 < len(si.toks) {
		out = append(out, hashStr(keyN(fPrev1Next, b1), si.toks[i+1].short))
	}
	return out
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}
