package eventcoref

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
)

// Mention is one event mention of a story prepared for pairwise scoring.
type Mention struct {
	// Doc and Index locate the mention: story.Docs[Doc].Events[Index].
	Doc, Index int
	// Sentence is the sentence index in its document.
	Sentence int
	// Key is the trigger's matching key (see HeadKey); Text the trigger.
	Key, Text string
	// Class, Asserted: as in document.EventMention.
	Class    string
	Asserted bool
	// Participants, Places and Times are the argument keys: entity ids
	// ("e:" prefix) where resolved, otherwise word keys of the argument
	// text; times are timex values.
	Participants, Places, Times map[string]bool
	// Patients are the keys of the mention's own patient arguments (who
	// or what the event happened to), and Dated its resolved time
	// argument values ("2020-07-06"); both used by the linker's gates.
	Patients, Dated map[string]bool
	// Generic is set for a trigger that names a kind or a series rather
	// than one event: a plural event noun ("assassinations") or a noun
	// modifying another ("death threats").
	Generic bool
	// Context is the unit-length tf-idf vector of the sentence's content
	// words without the trigger.
	Context Vector
	// Names are the name keys (see nameKeys) of the people,
	// organizations and places named in the mention's sentence that few
	// sentences of the story name (see RareName): what a mention in
	// another report must share to tell the same event. The story's
	// central names (the victim, the prime minister, the country) are
	// in too many sentences to tell one event from another.
	Names map[string]bool
	// WideNames adds the names up to twice as frequent, the evidence
	// asked of two mentions whose triggers name a specific kind of event
	// ("raid", "strike"; see specificEvent).
	WideNames map[string]bool
}

// stopwords are skipped in context and argument vectors.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of to in on at by for with from as is are was were be been being has have had
	do does did it its this that these those he she they we i you his her their our your him them us me my not no than then there
	here who whom which what when where why how all any some such into over after before about also would could should will can
	may might must said says say just more most other out up down off so if while s t`) {
		stopwords[w] = true
	}
}

// words returns the content-word keys of s.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		lw := strings.ToLower(w)
		if stopwords[lw] || len(lw) < 2 {
			continue
		}
		if k := Key(lw); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// Prepared holds a story's mentions and document vectors for scoring.
type Prepared struct {
	Mentions []Mention
	// DocVec is the unit-length tf-idf vector of each document.
	DocVec []Vector
}

// Prepare reads the event mentions of every document of s with their
// arguments: the mention's own Args, and the named entities and time
// expressions of its sentence.
func Prepare(s *document.Story) *Prepared {
	p := &Prepared{DocVec: make([]Vector, len(s.Docs))}
	df := map[string]int{}
	docTF := make([]map[string]float64, len(s.Docs))
	sentTF := make([][]map[string]float64, len(s.Docs))
	for di, d := range s.Docs {
		tf := map[string]float64{}
		sentTF[di] = make([]map[string]float64, len(d.Sentences))
		for si, sp := range d.Sentences {
			st := map[string]float64{}
			for _, w := range words(d.Slice(sp)) {
				st[w]++
				tf[w]++
			}
			sentTF[di][si] = st
		}
		if len(d.Sentences) == 0 {
			for _, w := range words(d.Text) {
				tf[w]++
			}
		}
		docTF[di] = tf
		for w := range tf {
			df[w]++
		}
	}
	n := float64(len(s.Docs))
	idf := func(w string) float64 { return math.Log((n + 1) / (float64(df[w]) + 0.5)) }
	for di, tf := range docTF {
		v := map[string]float64{}
		for w, c := range tf {
			v[w] = (1 + math.Log(c)) * idf(w)
		}
		p.DocVec[di] = unit(v)
	}
	nameSents, nSents := map[string]int{}, 0
	var inside []int
	for _, d := range s.Docs {
		idx := spans.Mentions(d.Mentions)
		for _, sp := range d.Sentences {
			nSents++
			seen := map[string]bool{}
			inside = idx.Inside(inside[:0], sp)
			for _, mi := range inside {
				mn := d.Mentions[mi]
				for _, k := range nameKeys(mn.Entity, mn.Text, mn.Type) {
					if !seen[k] {
						seen[k] = true
						nameSents[k]++
					}
				}
			}
		}
	}
	for di, d := range s.Docs {
		mIdx, tIdx := spans.Mentions(d.Mentions), spans.Timexes(d.Timexes)
		var inSent, txInSent, inArg []int
		for ei, em := range d.Events {
			m := Mention{Doc: di, Index: ei, Sentence: em.Sentence, Text: em.Text, Class: em.Class, Asserted: em.Asserted(),
				Participants: map[string]bool{}, Places: map[string]bool{}, Times: map[string]bool{},
				Patients: map[string]bool{}, Dated: map[string]bool{}, Generic: generic(d.Text, em), Names: map[string]bool{}, WideNames: map[string]bool{}}
			m.Key = Key(em.Lemma)
			if m.Key == "" {
				m.Key = HeadKey(em.Text)
			}
			for _, a := range em.Args {
				switch a.Role {
				case document.ArgPlace:
					addArg(m.Places, a.Entity, a.Text)
				case document.ArgTime:
					if a.Timex >= 0 && a.Timex < len(d.Timexes) && d.Timexes[a.Timex].Value != "" {
						v := d.Timexes[a.Timex].Value
						m.Times[v] = true
						if resolvedDate(v) {
							m.Dated[v] = true
						}
					} else {
						addArg(m.Times, "", a.Text)
					}
				case document.ArgPatient:
					addArg(m.Participants, a.Entity, a.Text)
					addArg(m.Patients, a.Entity, a.Text)
					inArg = mIdx.Inside(inArg[:0], a.Span)
					for _, mi := range inArg {
						if mn := d.Mentions[mi]; mn.Entity != "" {
							m.Patients["e:"+mn.Entity] = true
						}
					}
				default:
					addArg(m.Participants, a.Entity, a.Text)
				}
			}
			var sent document.Span
			if em.Sentence >= 0 && em.Sentence < len(d.Sentences) {
				sent = d.Sentences[em.Sentence]
				inSent = mIdx.Inside(inSent[:0], sent)
				for _, mi := range inSent {
					mn := d.Mentions[mi]
					if mn.Overlaps(em.Span) {
						continue
					}
					if mn.Type == document.EntityPerson || mn.Type == document.EntityOrg || mn.Type == document.EntityLoc {
						for _, k := range nameKeys(mn.Entity, mn.Text, mn.Type) {
							switch f := float64(nameSents[k]); {
							case f <= RareName*float64(nSents)+1:
								m.Names[k] = true
								m.WideNames[k] = true
							case f <= 2*RareName*float64(nSents)+1:
								m.WideNames[k] = true
							}
						}
					}
					if mn.Type == document.EntityLoc {
						addArg(m.Places, mn.Entity, mn.Text)
					} else {
						addArg(m.Participants, mn.Entity, mn.Text)
					}
				}
				txInSent = tIdx.Inside(txInSent[:0], sent)
				for _, ti := range txInSent {
					if tx := d.Timexes[ti]; tx.Value != "" {
						m.Times[tx.Value] = true
					} else {
						addArg(m.Times, "", tx.Text)
					}
				}
				ctx := map[string]float64{}
				trig := map[string]bool{}
				for _, w := range words(em.Text) {
					trig[w] = true
				}
				for w, c := range sentTF[di][em.Sentence] {
					if !trig[w] {
						ctx[w] = (1 + math.Log(c)) * idf(w)
					}
				}
				m.Context = unit(ctx)
			}
			p.Mentions = append(p.Mentions, m)
		}
	}
	return p
}

// resolvedDate reports whether a timex value is a calendar date or
// month or year ("2020-07-06", "2020-07", "2020"), not a relative or
// unresolved one ("XXXX-07-01", "PRESENT_REF").
func resolvedDate(v string) bool {
	if len(v) < 4 {
		return false
	}
	for i, r := range v {
		if i < 4 && (r < '0' || r > '9') {
			return false
		}
		if r == 'X' || r == 'W' {
			return false
		}
	}
	return true
}

// modifierHeads are nouns that an event noun before them modifies, so
// that the event noun names no event of its own ("death threats").
var modifierHeads = map[string]bool{"threat": true, "threats": true, "warrant": true, "squad": true, "squads": true, "toll": true,
	"penalty": true, "sentence": true, "row": true, "list": true, "campaign": true, "wave": true, "spree": true, "suspect": true, "suspects": true}

// generic reports whether the mention names a kind or a series of events
// rather than one: a plural event noun, or a noun modifying the next
// word.
func generic(text string, em document.EventMention) bool {
	t := strings.ToLower(em.Text)
	if strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") && !strings.Contains(t, " ") && em.Lemma != "" &&
		strings.ToLower(em.Lemma) != t && !strings.HasSuffix(strings.ToLower(em.Lemma), "s") && isNominal(strings.TrimSuffix(t, "s")) {
		return true
	}
	if em.End <= len(text) {
		rest := strings.Fields(text[em.End:min(len(text), em.End+40)])
		if len(rest) > 0 && modifierHeads[strings.ToLower(strings.Trim(rest[0], ".,;:!?\"'’”"))] {
			return true
		}
	}
	return false
}

// addArg adds an argument to set: its entity id when resolved, otherwise
// the keys of its content words.
func addArg(set map[string]bool, entity, text string) {
	if entity != "" {
		set["e:"+entity] = true
		return
	}
	for _, w := range words(text) {
		set[w] = true
	}
}

// Vector is a sparse vector sorted by key, so that sums run in one
// order and results do not depend on map iteration.
type Vector []Weighted

// Weighted is one entry of a Vector.
type Weighted struct {
	Key string
	W   float64
}

// unit returns v as a unit-length Vector.
func unit(v map[string]float64) Vector {
	out := make(Vector, 0, len(v))
	for _, k := range sortedKeys(v) {
		out = append(out, Weighted{k, v[k]})
	}
	var ss float64
	for _, x := range out {
		ss += x.W * x.W
	}
	if ss == 0 {
		return out
	}
	n := math.Sqrt(ss)
	for i := range out {
		out[i].W /= n
	}
	return out
}

// NewVector returns v as a unit-length Vector.
func NewVector(v map[string]float64) Vector { return unit(v) }

// Cosine returns the dot product of two unit vectors.
func Cosine(a, b Vector) float64 {
	var s float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].Key == b[j].Key:
			s += a[i].W * b[j].W
			i++
			j++
		case a[i].Key < b[j].Key:
			i++
		default:
			j++
		}
	}
	return s
}

// overlap returns the Jaccard overlap of two sets and whether both are
// non-empty.
func overlap(a, b map[string]bool) (float64, bool) {
	if len(a) == 0 || len(b) == 0 {
		return 0, false
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter), true
}

// timeOverlap reports whether two time sets share a value, one value
// being a prefix of the other ("2020-07" and "2020-07-06"), and whether
// both are non-empty.
func timeOverlap(a, b map[string]bool) (bool, bool) {
	if len(a) == 0 || len(b) == 0 {
		return false, false
	}
	for x := range a {
		for y := range b {
			if strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
				return true, true
			}
		}
	}
	return false, true
}

// PairKey returns the lexicon key of two trigger keys, in sorted order.
func PairKey(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "|" + b
}

// Feature names, in the order of Features' vector (after the bias).
var FeatureNames = []string{
	"same-key", "lexicon", "in-lexicon", "participants", "participants-conflict", "place-overlap", "place-conflict",
	"time-overlap", "time-conflict", "context", "doc-similarity", "same-doc", "same-sentence", "both-reporting",
	"class-mismatch", "not-asserted", "same-key×doc", "lexicon×doc", "same-text", "same-key×participants", "same-key×context",
}

// Features returns the feature vector of mentions i and j of p, the bias
// first, given the trigger lexicon.
func (p *Prepared) Features(i, j int, lex map[string]float64) []float64 {
	a, b := &p.Mentions[i], &p.Mentions[j]
	f := make([]float64, 1+len(FeatureNames))
	f[0] = 1
	same := 0.0
	if a.Key != "" && a.Key == b.Key {
		same = 1
	}
	lexScore, inLex := 0.0, 0.0
	if same == 0 {
		if v, ok := lex[PairKey(a.Key, b.Key)]; ok {
			lexScore, inLex = v, 1
		}
	}
	part, both := overlap(a.Participants, b.Participants)
	partConflict := b2f(both && part == 0)
	pl, bothPl := overlap(a.Places, b.Places)
	to, bothT := timeOverlap(a.Times, b.Times)
	ctx := Cosine(a.Context, b.Context)
	docSim := 1.0
	if a.Doc != b.Doc {
		docSim = Cosine(p.DocVec[a.Doc], p.DocVec[b.Doc])
	}
	f[1] = same
	f[2] = lexScore
	f[3] = inLex
	f[4] = part
	f[5] = partConflict
	f[6] = b2f(bothPl && pl > 0)
	f[7] = b2f(bothPl && pl == 0)
	f[8] = b2f(bothT && to)
	f[9] = b2f(bothT && !to)
	f[10] = ctx
	f[11] = docSim
	f[12] = b2f(a.Doc == b.Doc)
	f[13] = b2f(a.Doc == b.Doc && a.Sentence == b.Sentence)
	f[14] = b2f(a.Class == document.EventReporting && b.Class == document.EventReporting)
	f[15] = b2f(a.Class != b.Class)
	f[16] = b2f(!a.Asserted || !b.Asserted)
	f[17] = same * docSim
	f[18] = lexScore * docSim
	f[19] = b2f(strings.EqualFold(strings.TrimSpace(a.Text), strings.TrimSpace(b.Text)))
	f[20] = same * part
	f[21] = same * ctx
	return f
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// RareName is the largest share of a story's sentences a name may
// appear in and still count as evidence that two mentions in different
// reports tell one event.
const RareName = 0.05

// nameKeys returns the keys under which a named entity mention matches
// one in another report: its entity id, its name without vowels,
// apostrophes or case ("Kata’ib Hezbollah" and "Kataeb Hezbollah" meet)
// and, for an organization of several words, its last word's key
// ("Hezbollah").
func nameKeys(entity, text, typ string) []string {
	var out []string
	if entity != "" {
		out = append(out, "e:"+entity)
	}
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !strings.ContainsRune("-'’ʼ", r) }) {
		var b strings.Builder
		for _, r := range w {
			if unicode.IsLetter(r) && !strings.ContainsRune("aeiouy", r) {
				b.WriteRune(r)
			}
		}
		if w == "the" || b.Len() == 0 {
			continue
		}
		words = append(words, b.String())
	}
	if len(words) == 0 {
		return out
	}
	out = append(out, "n:"+strings.Join(words, " "))
	if typ == document.EntityOrg && len(words) > 1 && len(words[len(words)-1]) > 3 {
		out = append(out, "n:"+words[len(words)-1])
	}
	return out
}
