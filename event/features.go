package event

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// TokenFeatures are the hashed features of one word token: what the
// trigger model scores and what its trainer (package event/train) learns
// from.
type TokenFeatures struct {
	document.Span
	// Sentence is the token's sentence index.
	Sentence int
	// Feats are feature hashes (FNV-1a of the feature's name and value).
	Feats []uint32
}

// Features returns the features of every word token of d that may be a
// trigger, in text order. d must carry sentences, tokens, mentions and
// timexes (as for Annotate).
func Features(d *document.Document) []TokenFeatures {
	var out []TokenFeatures
	forSentences(d, func(s *sentence) {
		for i := range s.toks {
			if !candidate(s, i) {
				continue
			}
			out = append(out, TokenFeatures{Span: s.toks[i].Span, Sentence: s.index, Feats: tokenFeatures(s, i, nil)})
		}
	})
	return out
}

// forSentences calls f with each sentence of d prepared for detection.
func forSentences(d *document.Document, f func(*sentence)) {
	toks := d.Tokens
	mi, ti := 0, 0
	// One sentence value and its buffers serve every sentence in turn.
	s := &sentence{}
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].Sentence == toks[i].Sentence {
			j++
		}
		start := toks[i].Start
		for mi < len(d.Mentions) && d.Mentions[mi].End <= start {
			mi++
		}
		for ti < len(d.Timexes) && d.Timexes[ti].End <= start {
			ti++
		}
		s.reset(d, toks[i:j], toks[i].Sentence, mi, ti)
		f(s)
		i = j
	}
}

// candidate reports whether the token at i may be a trigger: a word of
// an open class (in TimeBank and AQUAINT, 23 of 11,145 events are
// prepositions, particles or modals).
func candidate(s *sentence, i int) bool {
	t := s.toks[i]
	return t.word && t.lower != "'s" && t.lower != "'" && !closedClass[t.lower] && !(t.mention >= 0 && t.cap && i > 0)
}

// closedClass are function words that are never taken as triggers.
var closedClass = setOf(`the a an this that these those his her its their our my your some any every each
	of in on at by for with from to into onto over under against about after before during since until near
	outside inside across through throughout around between among without within via per toward towards upon
	amid despite like as than off up down out and or but nor which who whom whose when where while because
	although though if so he she they we i you it him them us me himself herself themselves itself not n't
	never will would shall should can could may might must 'll 'd wo ca there here very also`)

// hasher builds FNV-1a hashes of feature names and values.
type hasher uint32

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h ^= hasher(s[i])
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

// feat hashes a feature name with its values.
func feat(name string, vals ...string) uint32 {
	h := hasher(fnvOffset).str(name)
	for _, v := range vals {
		h = h.str(v)
	}
	return uint32(h)
}

// shape maps a word to its character classes with runs collapsed
// ("Hashimi" → "Xx", "al-Hashimi" → "x-Xx", "2020" → "d").
func shape(w string) string {
	var b strings.Builder
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r > 127:
			c = 'u'
		default:
			c = byte(r)
			if r > 127 {
				c = '?'
			}
		}
		if c != last {
			b.WriteByte(c)
			last = c
		}
	}
	return b.String()
}

// wordType is a coarse class of function words for context features.
func wordType(t tok) string {
	w := t.lower
	if !t.word {
		if w == "" {
			return "none"
		}
		if ty, ok := punctTypes[w]; ok {
			return ty
		}
		return "p" + w
	}
	if ty, ok := functionTypes[w]; ok {
		return ty
	}
	switch {
	case t.mention >= 0:
		return "name"
	case t.cap:
		return "cap"
	}
	return "w"
}

// functionTypes maps function words to their word type, the first of
// modal, be, have, do, to, det, neg, pron, prep, conj that applies.
var functionTypes = func() map[string]string {
	m := map[string]string{}
	add := func(ty string, set map[string]bool) {
		for w := range set {
			if _, ok := m[w]; !ok {
				m[w] = ty
			}
		}
	}
	add("modal", modals)
	add("be", beForms)
	add("have", setOf("have has had having"))
	add("do", setOf("do does did"))
	add("to", setOf("to"))
	add("det", determiners)
	add("neg", negators)
	add("pron", subjectPronouns)
	add("pron", objectPronouns)
	add("prep", prepositions)
	add("conj", conjunctions)
	return m
}()

// punctTypes are the word types of common marks, made once.
var punctTypes = func() map[string]string {
	m := map[string]string{}
	for _, p := range strings.Fields(`. , ; : ! ? " ' ( ) [ ] - -- “ ” ‘ ’ … /`) {
		m[p] = "p" + p
	}
	return m
}()

// tokenFeatures appends the features of the token at i to buf.
func tokenFeatures(s *sentence, i int, buf []uint32) []uint32 {
	t := s.toks[i]
	w := t.lower
	at := func(k int) tok {
		if k < 0 || k >= len(s.toks) {
			return tok{lower: "", mention: -1, wtype: "none"}
		}
		return s.toks[k]
	}
	buf = append(buf, feat("bias"), feat("w", w), feat("l", t.lemma), feat("shape", shape(t.text)))
	for _, n := range []int{2, 3, 4} {
		if len(w) > n {
			buf = append(buf, feat("suf", w[len(w)-n:]))
		}
	}
	if len(w) > 4 {
		buf = append(buf, feat("pre", w[:3]))
	}
	if i == 0 {
		buf = append(buf, feat("first"))
	} else if t.cap {
		buf = append(buf, feat("capmid"))
	}
	if t.mention >= 0 {
		buf = append(buf, feat("ne", s.mentions[t.mention].Type))
	}
	if t.timex {
		buf = append(buf, feat("timex"))
	}
	p1, p2, n1, n2 := at(i-1), at(i-2), at(i+1), at(i+2)
	buf = append(buf,
		feat("p1", p1.lower), feat("p2", p2.lower), feat("n1", n1.lower), feat("n2", n2.lower),
		feat("p1l", p1.lemma), feat("n1l", n1.lemma),
		feat("p1w", p1.lower, w), feat("wn1", w, n1.lower),
		feat("p1t", p1.wtype), feat("p2t", p2.wtype), feat("n1t", n1.wtype), feat("n2t", n2.wtype),
		feat("p2p1t", p2.wtype, p1.wtype), feat("p1tw", p1.wtype, w), feat("wn1t", w, n1.wtype),
		feat("p1tl", p1.wtype, t.lemma),
	)
	// Complements and quotes, for the class: "said that", "tried to",
	// "wanted …", a quotation mark before or after.
	for k := i + 1; k < len(s.toks) && k <= i+3; k++ {
		x := s.toks[k].lower
		if x == "that" || x == "to" || x == "whether" || x == "if" || x == "\"" || x == "“" || x == "”" || x == "," {
			buf = append(buf, feat("comp", x), feat("compl", x, t.lemma))
			break
		}
	}
	buf = append(buf, feat("l_n1t", t.lemma, n1.wtype), feat("l_p1t", t.lemma, p1.wtype))
	// The verb group before the word: the nearest auxiliary, modal or
	// "to" within three words.
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		ty := s.toks[k].wtype
		if ty == "be" || ty == "have" || ty == "modal" || ty == "to" || ty == "do" || ty == "det" {
			buf = append(buf, feat("aux", ty), feat("auxw", ty, w))
			break
		}
		if !s.toks[k].word {
			break
		}
	}
	if e, ok := eventNouns[w]; ok {
		buf = append(buf, feat("lexn", e.class))
	} else if e, ok := eventNouns[t.lemma]; ok {
		buf = append(buf, feat("lexn", e.class))
	}
	if eventVerbs[t.lemma] {
		buf = append(buf, feat("lexv", verbClass(t.lemma)))
	}
	if auxiliaries[w] {
		buf = append(buf, feat("auxword"))
	}
	// Word clusters at three granularities, the word's and its
	// neighbours'.
	if c := t.cluster; c != 0 {
		c--
		buf = append(buf, feat("c3", itoa(int(c))), feat("c2", itoa(int(c/clusterSplit))), feat("c1", itoa(int(c/clusterSplit/clusterSplit))),
			feat("c2_p1t", itoa(int(c/clusterSplit)), p1.wtype))
	}
	if c := p1.cluster; c != 0 {
		buf = append(buf, feat("p1c2", itoa(int((c-1)/clusterSplit))))
	}
	if c := n1.cluster; c != 0 {
		buf = append(buf, feat("n1c2", itoa(int((c-1)/clusterSplit))))
	}
	// WordNet: parts of speech, event nouns, the verb's lexicographer file.
	bits := t.wn
	pos := wnPOS(bits)
	buf = append(buf, feat("wnpos", pos), feat("wnpos_p1t", pos, p1.wtype), feat("wnpos_n1t", pos, n1.wtype),
		feat("wnpos_sfx", pos, suffix(w, 3)))
	if bits&wnNounEvent1 != 0 {
		buf = append(buf, feat("wnev1"), feat("wnev1_p1t", p1.wtype))
	}
	if bits&wnNounEventAny != 0 {
		buf = append(buf, feat("wnevany"))
	}
	if bits&wnNounState1 != 0 {
		buf = append(buf, feat("wnstate1"))
	}
	if bits&wnVerbFirst != 0 {
		buf = append(buf, feat("wnvfirst"), feat("wnvfirst_p1t", p1.wtype))
	}
	if lf := bits >> 8 & 15; lf != 0 {
		buf = append(buf, feat("wnvlex", string(rune('a'+lf))), feat("wnvlex_n1", string(rune('a'+lf)), n1.wtype))
	}
	buf = append(buf, feat("wnpos_p1", wnPOS(p1.wnw)), feat("wnpos_n1", wnPOS(n1.wnw)))
	return buf
}

// itoa formats a small non-negative number.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [8]byte
	i := len(b)
	for n > 0 && i > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// suffix returns the last n bytes of w, or w.
func suffix(w string, n int) string {
	if len(w) > n {
		return w[len(w)-n:]
	}
	return w
}

// wnPOS spells the part-of-speech bits of a word table entry ("vn-a").
func wnPOS(bits uint16) string {
	b := []byte("----")
	for k, c := range "vnar" {
		if bits&(1<<k) != 0 {
			b[k] = byte(c)
		}
	}
	return string(b)
}
