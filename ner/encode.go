package ner

// The training interface. Package ner/train learns the weights of exactly
// the features this package computes at tagging time; so that the two can
// never drift apart, the feature code lives only here and the trainer
// reaches it through the names in this file: the label set (NumLabels,
// Allowed, Labels), sentence encoding (Encoder, Encoded, DocContext,
// DocHistory) and model building (Weights, NewModel, Model.EachWeight).

// NumLabels is the number of labels the model scores: O (label 0), then
// B, I, L and U of each class PER, ORG, LOC and MISC.
const NumLabels = numLabels

// VectorWindow is the number of window positions, centred on the token,
// that carry dense word-vector scores: a row of Lexicon.Proj holds
// VectorWindow×NumLabels values, position by position.
const VectorWindow = embPos

// Allowed reports whether label l may follow label prev under BILOU (prev
// -1 is the sentence start).
func Allowed(prev, l int) bool { return allowed(prev, l) }

// Labels returns the BILOU labels of n tokens holding chunks; chunks of an
// unknown type or outside [0, n) are left as O.
func Labels(n int, chunks []Chunk) []int {
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

// Case is the casing class of a word; Lexicon.Casing stores Case values.
type Case = uint8

// The casing classes.
const (
	CaseNone  Case = caseNone // no cased letter
	CaseLower Case = caseLower
	CaseTitle Case = caseTitle // first cased letter upper, some lower
	CaseUpper Case = caseUpper
	CaseMixed Case = caseMixed // lower first, some upper (iPhone)
)

// WordCase classifies the casing of w.
func WordCase(w string) Case { return wordCase(w) }

// DocContext holds what the features read from a whole document (how each
// word is written elsewhere in it, its neighbours there, its topic).
type DocContext struct{ dc *docContext }

// NewDocContext scans the sentences of one document.
func NewDocContext(sents [][]string) *DocContext { return &DocContext{newDocContext(sents)} }

// Encoder computes the feature keys of sentences with a lexicon.
type Encoder struct{ lex Lexicon }

// NewEncoder returns an encoder using lex (its lookup tables are built
// here from lex's maps). It panics if a row of lex.Proj does not hold
// VectorWindow×NumLabels values.
func NewEncoder(lex Lexicon) *Encoder {
	e := &Encoder{lex: lex}
	if err := e.lex.build(); err != nil {
		panic("ner: NewEncoder: " + err.Error())
	}
	return e
}

// Encoded is one sentence prepared for feature extraction.
type Encoded struct{ si sentenceInfo }

// Encode prepares the words of one sentence.
func (e *Encoder) Encode(words []string) *Encoded {
	s := &Encoded{}
	e.lex.prepare(&s.si, words, nil, nil)
	return s
}

// Len returns the number of tokens.
func (s *Encoded) Len() int { return len(s.si.toks) }

// Static appends the keys of token i that do not depend on labels (the
// word, its neighbours, the sentence and doc, the document it is in; doc
// may be nil).
func (s *Encoded) Static(i int, doc *DocContext, out []uint64) []uint64 {
	if doc != nil {
		s.si.doc = doc.dc
	}
	out = s.si.static(i, out)
	s.si.doc = nil
	return out
}

// History appends the keys of token i that depend on the labels p1 and p2
// of the two tokens before it (-1 before the sentence start).
func (s *Encoded) History(i, p1, p2 int, out []uint64) []uint64 {
	return s.si.history(i, p1, p2, out)
}

// Word returns the lowercase form under which token i is looked up in the
// lexicon and, for a name with an Arabic article (al-Hashimi), the stem
// after it (else "").
func (s *Encoded) Word(i int) (lower, stem string) {
	t := &s.si.toks[i]
	return t.lower, t.stem
}

// Case returns the casing class of token i.
func (s *Encoded) Case(i int) Case { return s.si.toks[i].casing }

// Headline reports whether the sentence is an all-caps headline (at least
// two tokens with cased letters, all upper case).
func (s *Encoded) Headline() bool { return s.si.capsLine }

// DocHistory records the classes given to capitalized words earlier in a
// document, which the features of later tokens read.
type DocHistory struct{ h docHistory }

// NewDocHistory returns an empty history (the start of a document).
func NewDocHistory() *DocHistory { return &DocHistory{docHistory{}} }

// Keys appends the history keys of token i of s.
func (h *DocHistory) Keys(s *Encoded, i int, out []uint64) []uint64 {
	return h.h.features(&s.si.toks[i], out)
}

// Add records that token i of s got label l.
func (h *DocHistory) Add(s *Encoded, i, l int) { h.h.add(&s.si.toks[i], l) }

// Weights is a sparse table of feature weights under construction: for
// each feature key, a weight per label. NewModel turns it into a Model.
type Weights struct {
	index map[uint64]uint32
	off   []uint32
	lab   []uint8
	w     []float32
}

// Add sets the weights of key; zero weights are left out, and a key whose
// weights are all zero is not stored. Each key may be added once.
func (ws *Weights) Add(key uint64, row [NumLabels]float32) {
	if ws.index == nil {
		ws.index = map[uint64]uint32{}
		ws.off = []uint32{0}
	}
	if _, dup := ws.index[key]; dup {
		panic("ner: Weights.Add: key added twice")
	}
	n := 0
	for l, w := range row {
		if w == 0 {
			continue
		}
		ws.lab = append(ws.lab, uint8(l))
		ws.w = append(ws.w, w)
		n++
	}
	if n > 0 {
		ws.index[key] = uint32(len(ws.off) - 1)
		ws.off = append(ws.off, uint32(len(ws.w)))
	}
}

// Len returns the number of keys with a weight.
func (ws *Weights) Len() int { return len(ws.index) }

// NewModel returns the model scoring with ws and the lexicon lex (whose
// maps it keeps for Model.Lexicon), with softmax temperature temp (0:
// DefaultTemp). The weights are stored as int16 steps of the largest one
// over 32767; features whose steps are all zero are left out. ws must not
// be used afterwards. NewModel panics if a row of lex.Proj does not hold
// VectorWindow×NumLabels values.
func NewModel(version string, lex Lexicon, temp float32, ws *Weights) *Model {
	keys, exact := sortedRows(ws.index, ws.off, ws.lab, ws.w)
	m, err := build(version, lex, temp, keys, exact)
	if err != nil {
		panic("ner: NewModel: " + err.Error())
	}
	return m
}

// EachWeight calls fn with the weights of every feature key of m, in
// ascending key order: the weights given to NewModel for a model it built,
// the stored int16 steps times the model's unit for a model read back.
func (m *Model) EachWeight(fn func(key uint64, row [NumLabels]float32)) {
	for f, k := range m.keys {
		var row [NumLabels]float32
		if m.exact != nil {
			copy(row[:], m.exact[f*numLabels:(f+1)*numLabels])
		} else {
			for l, q := range m.dense[f*numLabels : (f+1)*numLabels] {
				row[l] = float32(q) * m.unit
			}
		}
		fn(k, row)
	}
}
