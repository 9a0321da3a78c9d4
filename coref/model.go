package coref

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// FeatureNames name the features of a pronoun–candidate pair, in order.
var FeatureNames = []string{
	"bias",
	"same-sentence",
	"previous-sentence",
	"two-or-more-sentences-back",
	"token-distance/20",
	"candidate-subject",
	"candidate-subject-in-window",
	"candidate-oblique",
	"candidate-possessive",
	"parallel-subjects",
	"pronoun-possessive-same-sentence",
	"nearest-compatible",
	"recency-rank",
	"compatible-candidates",
	"gender-known",
	"last-mention-pronoun",
	"last-mention-name",
	"chain-size",
	"most-mentioned",
	"speech-verb-between",
	"pronoun-subject",
	"candidate-in-quotes",
	"cataphora",
	"object-pronoun-same-clause",
	"reflexive-same-clause",
	"cataphora-subject",
	"candidate-first-in-sentence",
	"pronoun-first-in-sentence",
	"both-first-in-sentence",
	"candidate-before-verb",
	"chain-holds-first-person",
	"same-sentence-first",
	"previous-sentence-first",
	"chain-first-in-window",
	"possessive-same-sentence-subject",
	"persons-between",
	"candidate-in-parentheses",
	"pronoun-possessive",
	"pronoun-nominative",
	"speech-parallel",
}

// crossed are the base features whose pairwise products are features
// too (after the base ones, in FeatureNames order).
var crossed = []int{1, 2, 5, 7, 8, 11, 15, 16, 26, 27, 29, 37, 38}

// baseFeatures is the number of features before the products.
var baseFeatures = len(FeatureNames)

func init() {
	for x := 0; x < len(crossed); x++ {
		for y := x + 1; y < len(crossed); y++ {
			FeatureNames = append(FeatureNames, FeatureNames[crossed[x]]+" × "+FeatureNames[crossed[y]])
		}
	}
	pageFeature = len(FeatureNames)
	FeatureNames = append(FeatureNames, "page-subject", "page-subject × candidate-subject",
		"page-subject × cataphora", "page-subject × pronoun-possessive", "page-subject × other-is-page-subject")
	clauseFeature = len(FeatureNames)
	FeatureNames = append(FeatureNames, "candidate-object", "candidate-object × pronoun-nominative",
		"subordinate-pronoun-main-subject", "pronoun-after-and", "pronoun-after-and × candidate-subject")
}

// clauseFeature is the index of the first clause feature (after the page
// features; a model trained before them reads weight 0).
var clauseFeature int

// subordinators open a subordinate clause.
var subordinators = map[string]bool{
	"when": true, "after": true, "while": true, "because": true, "although": true, "though": true,
	"before": true, "since": true, "until": true, "once": true, "as": true, "if": true, "whereas": true,
}

// pageFeature is the index of the first page-subject feature; they come
// last, so that a model trained without them (the product's) reads as
// weights 0 for them.
var pageFeature int

// features computes the feature vector of pronoun p (mention i) and chain
// c whose last mention before p is mention last; rank is the chain's
// recency rank among n compatible chains, count its mentions before p.
func (st *state) features(p *ment, i, c, last, rank, n, count, maxCount int, subjIn bool) []float64 {
	v := st.v
	o := st.ms[last]
	if len(st.buf) != len(FeatureNames) {
		st.buf = make([]float64, len(FeatureNames))
	}
	f := st.buf
	clear(f)
	b := func(x bool) float64 {
		if x {
			return 1
		}
		return 0
	}
	dist := p.sent - o.sent
	f[0] = 1
	f[1] = b(dist == 0)
	f[2] = b(dist == 1)
	f[3] = b(dist >= 2)
	f[4] = math.Min(float64(p.tok0-o.tok1), 100) / 20
	f[5] = b(o.subj)
	f[6] = b(subjIn)
	f[7] = b(o.prep)
	f[8] = b(o.poss)
	f[9] = b(o.subj && p.subj && p.pron.nominative)
	f[10] = b(p.pron.possessive && dist == 0)
	f[11] = b(rank == 0)
	f[12] = math.Min(float64(rank), 4) / 4
	f[13] = math.Min(float64(n), 5) / 5
	f[14] = b(st.gender[c] != "")
	f[15] = b(o.kind == document.CorefPronoun)
	f[16] = b(o.kind == document.CorefName)
	f[17] = math.Log1p(float64(count)) / 2
	f[18] = b(count == maxCount && count > 1)
	if dist == 0 {
		for k := o.tok1; k < p.tok0; k++ {
			if speechVerbs[v.words[k]] {
				f[19] = 1
				break
			}
		}
	}
	f[20] = b(p.subj && p.pron.nominative)
	f[21] = b(inQuotes(v, o.tok0))
	f[26] = b(st.firstInSentence(last))
	f[27] = b(st.firstInSentence(i))
	f[28] = f[26] * f[27]
	f[29] = b(beforeVerb(v, o.tok1))
	f[34] = b(p.pron.possessive && dist == 0 && o.subj)
	between := 0
	for j := last + 1; j < i; j++ {
		if q := st.ms[j]; !q.nested && q.kind != document.CorefPronoun && q.chain >= 0 && q.chain != c && st.typ[q.chain] == document.EntityPerson {
			between++
		}
	}
	f[35] = math.Min(float64(between), 5) / 5
	f[36] = b(o.tok0 > 0 && v.words[o.tok0-1] == "(")
	f[37] = b(p.pron.possessive)
	f[38] = b(p.pron.nominative)
	f[39] = b(speaks(v, p.tok1) && speaks(v, o.tok1))
	f[31] = f[1] * f[26]
	f[32] = f[2] * f[26]
	for _, j := range st.chains[c] {
		if j < i && p.sent-st.ms[j].sent <= st.x.opts.Window && st.firstInSentence(j) {
			f[33] = 1
		}
		if j == st.firstPerson() {
			f[30] = 1
		}
	}
	if dist == 0 && sameClause(v, o.tok1, p.tok0) {
		refl := strings.HasSuffix(v.words[p.tok0], "self") || strings.HasSuffix(v.words[p.tok0], "selves")
		f[23] = b(!p.pron.nominative && !p.pron.possessive && !refl && o.subj)
		f[24] = b(refl)
	}
	if o.tok0 > p.tok0 {
		// a name later in the pronoun's sentence ("In his review,
		// Christgau …")
		clear(f)
		f[0], f[22] = 1, 1
		f[4] = math.Min(float64(o.tok0-p.tok1), 100) / 20
		f[5] = b(o.subj)
		f[10] = b(p.pron.possessive)
		f[14] = b(st.gender[c] != "")
		f[17] = math.Log1p(float64(count)) / 2
		f[18] = b(count == maxCount && count > 1)
		f[25] = b(o.subj)
	}
	if o.tok0 < p.tok0 {
		f[clauseFeature] = b(o.obj)
		f[clauseFeature+1] = b(o.obj && p.pron.nominative)
		if dist == 0 && o.subj {
			for k := o.tok1; k < p.tok0; k++ {
				if subordinators[v.words[k]] {
					f[clauseFeature+2] = 1
					break
				}
			}
		}
		f[clauseFeature+3] = b(v.word(p.tok0-1) == "and")
		f[clauseFeature+4] = f[clauseFeature+3] * f[5]
	}
	if st.x.opts.PageSubject {
		ps := b(st.pageSubject(c))
		f[pageFeature] = ps
		f[pageFeature+1] = ps * f[5]
		f[pageFeature+2] = ps * f[22]
		f[pageFeature+3] = ps * f[37]
		f[pageFeature+4] = b(!st.pageSubject(c) && st.otherPageSubject(i, c))
	}
	k := baseFeatures
	for x := 0; x < len(crossed); x++ {
		for y := x + 1; y < len(crossed); y++ {
			f[k] = f[crossed[x]] * f[crossed[y]]
			k++
		}
	}
	return f
}

// firstPerson returns the index of the document's first person name
// (-1 if none).
func (st *state) firstPerson() int {
	if st.first == nil {
		f := -1
		for j, m := range st.ms {
			if m.kind == document.CorefName && !m.nested && m.typ == document.EntityPerson {
				f = j
				break
			}
		}
		st.first = &f
	}
	return *st.first
}

// firstInSentence reports whether mention i is the first mention of its
// sentence (names nested in a description not counted).
func (st *state) firstInSentence(i int) bool {
	m := st.ms[i]
	for j := i - 1; j >= 0; j-- {
		o := st.ms[j]
		if o.sent != m.sent {
			return true
		}
		if !o.nested && o.span.End <= m.span.Start {
			return false
		}
	}
	return true
}

// beforeVerb reports whether token k looks like a finite verb after a
// subject: a lowercase word that is no preposition, conjunction or
// possessive.
func beforeVerb(v *docView, k int) bool {
	if k >= len(v.words) || v.sent[k] != v.sent[max(k-1, 0)] {
		return false
	}
	w := v.words[k]
	if w == "'s" || w == "’s" || prepositions[w] || clauseStarters[w] || w == "who" || w == "," || d0Punct(w) {
		return false
	}
	return !capitalized(v.raw[k])
}

// speaks reports whether a verb of saying follows token k closely ("X
// said", "X, an analyst, told", "he wrote").
func speaks(v *docView, k int) bool {
	for j := k; j < len(v.words) && j < k+2; j++ {
		if speechVerbs[v.words[j]] {
			return true
		}
	}
	return false
}

// sameClause reports whether tokens [a, b) hold no clause boundary: no
// punctuation and no clause-starting word.
func sameClause(v *docView, a, b int) bool {
	for k := a; k < b; k++ {
		w := v.words[k]
		if clauseStarters[w] || w == "who" || w == "which" || w == "," || w == ";" || w == ":" || w == "(" {
			return false
		}
	}
	return true
}

// inQuotes reports whether token i lies between an odd number of double
// quotation marks in its sentence.
func inQuotes(v *docView, i int) bool {
	n := 0
	for k := v.sentStart[v.sent[i]]; k < i; k++ {
		switch v.words[k] {
		case "\"", "“", "”":
			n++
		}
	}
	return n%2 == 1
}

// Model is the pronoun ranker: a linear score over FeatureNames, turned
// into probabilities by a softmax over the candidates of one pronoun and
// "no antecedent".
type Model struct {
	// Weights has one weight per feature.
	Weights []float64 `json:"weights"`
	// Threshold is the link probability that maximised F1 on GAP
	// development + validation.
	Threshold float64 `json:"threshold"`
	// PrecisionThreshold is the least probability at which links reached
	// the target precision on GAP development + validation; the stage
	// uses it by default.
	PrecisionThreshold float64 `json:"precision_threshold"`
	// Features are the feature names the weights were trained for.
	Features []string `json:"features"`
	// Trained says on what and how the model was trained.
	Trained string `json:"trained,omitempty"`
}

// Score returns the model's score of one candidate's features; the
// probability of a candidate is the softmax of the scores of all
// candidates and of "no antecedent" (score 0).
func (m *Model) Score(f []float64) float64 {
	z := 0.0
	for k, w := range m.Weights {
		if k < len(f) {
			z += w * f[k]
		}
	}
	return z
}

// softmax turns candidate scores into probabilities against "no
// antecedent" at score 0, in place.
func softmax(z []float64) []float64 {
	mx := 0.0
	for _, v := range z {
		mx = math.Max(mx, v)
	}
	sum := math.Exp(-mx)
	for i := range z {
		z[i] = math.Exp(z[i] - mx)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
	return z
}

// Probs returns the probability of each candidate given their feature
// vectors, against "no antecedent" at score 0.
func (m *Model) Probs(fs [][]float64) []float64 {
	out := make([]float64, len(fs))
	mx := 0.0
	for i, f := range fs {
		out[i] = m.Score(f)
		mx = math.Max(mx, out[i])
	}
	sum := math.Exp(-mx)
	for i := range out {
		out[i] = math.Exp(out[i] - mx)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

//go:embed model.json
var modelJSON []byte

//go:embed model-page.json
var pageModelJSON []byte

//go:embed names.tsv
var namesTSV string

var (
	modelOnce sync.Once
	model     *Model
	pageOnce  sync.Once
	pageModel *Model
	namesOnce sync.Once
	names     map[string]string
)

// embedded returns the embedded model, or hand-set weights when none was
// trained (or it does not fit FeatureNames). A model trained without the
// page-subject features gets weight 0 for them.
func embedded() *Model {
	modelOnce.Do(func() { model = parseModel(modelJSON) })
	return model
}

// embeddedPage returns the model trained with the page-subject features
// (Options.PageSubject), or the product's model when none was trained.
func embeddedPage() *Model {
	pageOnce.Do(func() {
		pageModel = parseModel(pageModelJSON)
		if len(pageModelJSON) == 0 {
			pageModel = embedded()
		}
	})
	return pageModel
}

// parseModel reads a model, padding the page-subject weights with 0.
func parseModel(b []byte) *Model {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return DefaultModel()
	}
	if len(m.Weights) == pageFeature || len(m.Weights) == clauseFeature {
		m.Weights = append(m.Weights, make([]float64, len(FeatureNames)-len(m.Weights))...)
	}
	if len(m.Weights) != len(FeatureNames) {
		return DefaultModel()
	}
	return &m
}

// DefaultModel returns hand-set weights: recency and subjects first.
func DefaultModel() *Model {
	w := make([]float64, len(FeatureNames))
	w[0] = -1
	w[1], w[2] = 0.8, 0.3
	w[3] = -0.8
	w[5], w[9], w[11], w[15] = 0.8, 0.8, 1.0, 0.6
	w[7] = -0.6
	return &Model{Weights: w, Threshold: 0.5, PrecisionThreshold: 0.6, Features: FeatureNames}
}

// UseModel replaces the model of r (for training and tuning).
func (x *Resolver) UseModel(m *Model, minConfidence float64) {
	x.model = m
	x.opts.MinConfidence = minConfidence
}

// nameGender returns "m" or "f" for a person name whose first word the
// embedded lexicon knows with a clear majority, else "".
func nameGender(name string) string {
	namesOnce.Do(func() { names = parseNames(namesTSV) })
	for _, w := range strings.Fields(name) {
		w = strings.ToLower(strings.Trim(w, ".,"))
		if _, r, n := roleOf(w); n > 0 {
			if r.gender != "" {
				return r.gender
			}
			continue
		}
		return names[w]
	}
	return ""
}

// roleOf looks one word up in the role lexicon.
func roleOf(w string) (string, role, int) {
	if r, ok := roleNouns[w]; ok {
		return w, r, 1
	}
	switch w {
	case "mr", "dr", "prof", "sir":
		return w, role{document.EntityPerson, map[bool]string{true: "m"}[w == "mr" || w == "sir"]}, 1
	case "mrs", "ms", "miss":
		return w, role{document.EntityPerson, "f"}, 1
	}
	return "", role{}, 0
}

// parseNames reads "name<TAB>masculine<TAB>feminine" counts and keeps the
// names with a clear majority (at least 3 to 1).
func parseNames(s string) map[string]string {
	out := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 || strings.HasPrefix(cols[0], "#") {
			continue
		}
		m, err1 := strconv.Atoi(cols[1])
		f, err2 := strconv.Atoi(cols[2])
		if err1 != nil || err2 != nil {
			continue
		}
		switch {
		case m >= 3*f && m > 0:
			out[cols[0]] = "m"
		case f >= 3*m && f > 0:
			out[cols[0]] = "f"
		}
	}
	return out
}

// Example is one pronoun–candidate pair, for training the ranker.
type Example struct {
	// Pronoun is the pronoun's span.
	Pronoun document.Span
	// Candidate are the spans of the candidate chain's mentions.
	Candidate []document.Span
	// Features is the feature vector (see FeatureNames).
	Features []float64
}

// Examples runs r on d (which must carry tokens, sentences and mentions)
// and returns every pronoun–candidate pair it scored, and writes d.Coref.
func (x *Resolver) Examples(d *document.Document) []Example {
	var ex []Example
	if len(d.Tokens) == 0 {
		return nil
	}
	st := x.run(d, &ex)
	d.Coref = st.output()
	return ex
}

// chains returns the document's chains: those with two mentions or more,
// and lone descriptions.
func (st *state) output() []document.CorefChain {
	var out []document.CorefChain
	d := st.v.d
	for c, idx := range st.chains {
		if len(idx) == 0 {
			continue
		}
		if len(idx) == 1 && st.ms[idx[0]].kind != document.CorefDescription {
			continue
		}
		ch := document.CorefChain{Type: st.typ[c], Head: st.chainHead(c), Gender: st.gender[c]}
		if ch.Head >= 0 {
			ch.Name = d.Mentions[ch.Head].Text
		} else {
			ch.Name = d.Slice(st.ms[idx[0]].span)
		}
		for r := range st.roles[c] {
			ch.Roles = append(ch.Roles, r)
		}
		sortStrings(ch.Roles)
		pos := map[int]int{}
		for k, i := range idx {
			pos[i] = k
		}
		for _, i := range idx {
			m := st.ms[i]
			cm := document.CorefMention{Span: m.span, Text: d.Slice(m.span), Kind: m.kind, Mention: m.ner, Antecedent: -1, Confidence: round3(m.conf), Rule: m.rule}
			if m.kind != document.CorefName {
				cm.Mention = -1
			}
			if a, ok := pos[m.ante]; ok && m.ante >= 0 {
				cm.Antecedent = a
			} else {
				cm.Confidence = 1
				cm.Rule = ""
			}
			ch.Mentions = append(ch.Mentions, cm)
		}
		out = append(out, ch)
	}
	return out
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// MinConfidence returns the least probability at which r links a pronoun.
func (x *Resolver) MinConfidence() float64 { return x.opts.MinConfidence }

// F1Threshold returns the model's F1-tuned link threshold (lower than the
// default precision threshold).
func (x *Resolver) F1Threshold() float64 { return x.model.Threshold }

// Model returns the resolver's pronoun ranker.
func (x *Resolver) Model() *Model { return x.model }

// pageSubject reports whether a person name of chain c shares a word of
// three letters or more with the document's title (Options.PageSubject).
func (st *state) pageSubject(c int) bool {
	if !st.x.opts.PageSubject || st.v.d.Title == "" || st.typ[c] != document.EntityPerson {
		return false
	}
	if st.titleWords == nil {
		st.titleWords = map[string]bool{}
		st.subjectOf = map[int]bool{}
		for _, w := range titleFields(st.v.d.Title) {
			st.titleWords[w] = true
		}
	}
	if v, ok := st.subjectOf[c]; ok {
		return v
	}
	found := false
	for _, j := range st.chains[c] {
		m := st.ms[j]
		if m.kind != document.CorefName || m.nested {
			continue
		}
		for _, w := range titleFields(st.v.d.Slice(m.span)) {
			if st.titleWords[w] {
				found = true
			}
		}
	}
	st.subjectOf[c] = found
	return found
}

// titleFields splits s into lowercased words of three letters or more,
// dropping punctuation and a parenthesised disambiguation.
func titleFields(s string) []string {
	if k := strings.Index(s, " ("); k > 0 {
		s = s[:k]
	}
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'')
	}) {
		if utf8.RuneCountInString(w) >= 3 {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// otherPageSubject reports whether a person chain other than c, named
// before pronoun i or in its sentence, is the page's subject.
func (st *state) otherPageSubject(i, c int) bool {
	p := st.ms[i]
	for o := range st.chains {
		if o == c || len(st.chains[o]) == 0 || !st.pageSubject(o) {
			continue
		}
		for _, j := range st.chains[o] {
			if m := st.ms[j]; m.kind == document.CorefName && (j < i || m.sent == p.sent) {
				return true
			}
		}
	}
	return false
}
