package coref

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// ment is one candidate mention while the resolver runs.
type ment struct {
	span       document.Span
	tok0, tok1 int // tokens [tok0, tok1)
	sent       int
	kind       string
	ner        int // index into Document.Mentions, or -1
	typ        string
	gender     string
	head       string   // role head of a description ("prime minister")
	quals      []string // qualifier stems of a description ("iraq")
	mods       []string // lowercased modifiers of a description
	pron       pronounInfo
	nested     bool // a name inside a description ("Iraq" in "the president of Iraq")
	subj       bool // subject-like position
	prep       bool // object of a preposition
	obj        bool // after a lowercase word that is no preposition or clause starter: an object, most often
	poss       bool // followed by 's
	chain      int
	ante       int // index into the mention list of the antecedent, or -1
	conf       float64
	rule       string
}

// docView is the token view of one document the resolver reads.
type docView struct {
	d     *document.Document
	words []string // lowercased token texts
	raw   []string
	sent  []int
	// sentStart is the first token of each sentence.
	sentStart map[int]int
}

func newView(d *document.Document) *docView {
	v := &docView{d: d, words: make([]string, len(d.Tokens)), raw: make([]string, len(d.Tokens)), sent: make([]int, len(d.Tokens)), sentStart: map[int]int{}}
	for i, t := range d.Tokens {
		v.raw[i] = d.Slice(t.Span)
		v.words[i] = strings.ToLower(v.raw[i])
		v.sent[i] = t.Sentence
		if _, ok := v.sentStart[t.Sentence]; !ok {
			v.sentStart[t.Sentence] = i
		}
	}
	return v
}

// tokRange returns the tokens [a, b) inside span sp.
func (v *docView) tokRange(sp document.Span) (int, int) {
	toks := v.d.Tokens
	a := sort.Search(len(toks), func(i int) bool { return toks[i].End > sp.Start })
	b := a
	for b < len(toks) && toks[b].Start < sp.End {
		b++
	}
	return a, b
}

func (v *docView) word(i int) string {
	if i < 0 || i >= len(v.words) {
		return ""
	}
	return v.words[i]
}

func capitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// clauseStarters are words after which a noun phrase starts a clause.
var clauseStarters = map[string]bool{
	"and": true, "but": true, "that": true, "when": true, "while": true, "because": true, "although": true,
	"though": true, "since": true, "then": true, "so": true, "where": true, "if": true, "whereas": true,
	"later": true, "also": true, "eventually": true, "however": true,
}

// position sets m.subj, m.prep and m.poss from the tokens around m.
func (v *docView) position(m *ment) {
	i := m.tok0 - 1
	for i >= 0 && v.sent[i] == m.sent {
		w := v.words[i]
		if capitalized(v.raw[i]) && !prepositions[w] && !clauseStarters[w] && w != "the" || w == "the" || w == "a" || w == "an" || w == "new" || w == "former" || w == "late" {
			i--
			continue
		}
		break
	}
	switch {
	case i < 0 || v.sent[i] != m.sent:
		m.subj = true
	case prepositions[v.words[i]]:
		m.prep = true
	case clauseStarters[v.words[i]]:
		m.subj = true
	default:
		switch v.words[i] {
		case ",", ";", ":", "(", "\"", "“", "”", "—", "–":
			m.subj = true
		default:
			m.obj = !capitalized(v.raw[i]) && !d0Punct(v.words[i]) && v.words[i] != "who"
		}
	}
	if w := v.word(m.tok1); w == "'s" || w == "’s" || w == "'" {
		m.poss = true
		m.subj = false
		m.obj = false
	}
}

// roleAt returns the longest role phrase of up to three words starting at
// token i, and its length in tokens.
func (v *docView) roleAt(i int) (string, role, int) {
	if i >= len(v.words) {
		return "", role{}, 0
	}
	w := v.words[i]
	if multiStart[w] {
		for n := 3; n >= 2; n-- {
			if i+n > len(v.words) {
				continue
			}
			k := strings.Join(v.words[i:i+n], " ")
			if r, ok := roleNouns[k]; ok {
				return k, r, n
			}
		}
	}
	if r, ok := roleNouns[w]; ok {
		return w, r, 1
	}
	return "", role{}, 0
}

// multiStart holds the first words of the role phrases of two words or
// more.
var multiStart = map[string]bool{}

func init() {
	for k := range roleNouns {
		if i := strings.IndexByte(k, ' '); i > 0 {
			multiStart[k[:i]] = true
		}
	}
}

// qualStem reduces a qualifier word to a stem that matches its
// nationality adjective ("Iraq", "Iraqi" → "iraq").
func qualStem(w string) string {
	w = strings.ToLower(strings.Trim(w, ".,"))
	if len(w) > 4 {
		return w[:4]
	}
	return w
}

// description finds a description whose determiner is token i: up to five
// modifiers, then a role noun (a following role noun takes over as head:
// "the militia leader"), then optionally "of" and a name. It returns the
// mention and true, or false.
func (v *docView) description(i int, names []document.Mention, nerTok [][2]int) (ment, bool) {
	var m ment
	k := i + 1
	var quals []string
	for ; k < len(v.words) && k <= i+6 && v.sent[k] == v.sent[i]; k++ {
		head, r, n := v.roleAt(k)
		if n > 0 {
			// a following role noun takes over as the head
			end := k + n
			for {
				h2, r2, n2 := v.roleAt(end)
				if n2 == 0 {
					break
				}
				head, r, end = h2, r2, end+n2
			}
			if w := v.word(end); len(w) > 0 && unicode.IsLetter([]rune(w)[0]) && !notModifier[w] && !speechVerbs[w] && capitalized(v.raw[end]) == capitalized(v.raw[end-1]) && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") {
				// "the group leader", "the police station": another noun
				// follows that the lexicon does not know; not a head.
				if _, ok := roleNouns[w]; !ok && isNounLike(w) {
					return m, false
				}
			}
			m = ment{tok0: i, tok1: end, sent: v.sent[i], kind: document.CorefDescription, ner: -1, typ: r.typ, gender: r.gender, head: head}
			if v.word(end) == "of" {
				j := end + 1
				if v.word(j) == "the" {
					j++
				}
				for ni, nt := range nerTok {
					if nt[0] == j && nt[1] > nt[0] && names[ni].Type != document.EntityPerson && v.d.Tokens[nt[1]-1].End == names[ni].End {
						m.tok1 = nt[1]
						quals = append(quals, qualStem(v.raw[nt[0]]))
						break
					}
				}
			}
			m.quals = quals
			for q := i + 1; q < k; q++ {
				m.mods = append(m.mods, v.words[q])
			}
			d := v.d
			m.span = document.Span{Start: d.Tokens[m.tok0].Start, End: d.Tokens[m.tok1-1].End}
			return m, true
		}
		w := v.words[k]
		if notModifier[w] || d0Punct(w) {
			return m, false
		}
		if capitalized(v.raw[k]) {
			quals = append(quals, qualStem(w))
		}
	}
	return m, false
}

// isNounLike reports whether w looks like a common noun that could head a
// compound after a role word (a rough test without a tagger).
func isNounLike(w string) bool {
	switch w {
	case "station", "office", "headquarters", "building", "member", "members", "base", "chief", "source", "sources", "spokesman", "commander":
		return true
	}
	return false
}

func d0Punct(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
