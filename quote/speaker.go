package quote

import (
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
)

// speaker is an analysed speaker phrase.
type speaker struct {
	Span      document.Span // the phrase as written (role and name)
	Name      string
	Role      string
	Pronoun   bool
	Anonymous bool
	Plural    bool
}

func (s speaker) empty() bool { return s.Span.Len() == 0 }

// analyze splits the speaker phrase text[sp] into name and role, using
// person and organisation mentions inside it when there are any, and a
// trailing run of capitalized words otherwise.
func analyze(text string, sp document.Span, mentions *mentionSet) speaker {
	ws := words(text, sp)
	// Cut at a relativizer or a comma: "a journalist who knew Hashimi".
	for i, w := range ws {
		if i > 0 && (relativizers[strings.ToLower(w.text)] || w.text == "," || w.text == ";" || w.text == ":") {
			ws = ws[:i]
			break
		}
	}
	// Drop auxiliaries at the end ("sources have" told).
	for len(ws) > 1 {
		l := strings.ToLower(ws[len(ws)-1].text)
		if l != "have" && l != "has" && l != "had" && l != "also" && l != "later" && l != "then" && l != "would" && l != "will" {
			break
		}
		ws = ws[:len(ws)-1]
	}
	// "quoting a security official", "citing sources": the source follows.
	for len(ws) > 1 && (strings.EqualFold(ws[0].text, "quoting") || strings.EqualFold(ws[0].text, "citing")) {
		ws = ws[1:]
	}
	if len(ws) == 0 || strings.EqualFold(ws[0].text, "no") || strings.EqualFold(ws[0].text, "nobody") {
		return speaker{}
	}
	// A pronoun inside a longer phrase means the phrase is not a speaker
	// ("a study he wrote").
	for _, w := range ws[1:] {
		if l := strings.ToLower(w.text); pronouns[l] && l != "it" {
			return speaker{}
		}
	}
	s := speaker{Span: document.Span{Start: ws[0].Start, End: ws[len(ws)-1].End}}
	if len(ws) == 1 && pronouns[strings.ToLower(ws[0].text)] {
		s.Pronoun = true
		s.Name = ws[0].text
		l := strings.ToLower(ws[0].text)
		s.Plural = l == "they" || l == "we"
		return s
	}
	nameStart := -1
	// A person or organisation mention inside the phrase is the name.
	var buf [16]int
	for _, mi := range mentions.inside(buf[:0], s.Span) {
		m := mentions.list[mi]
		// Only a mention that ends the phrase names the speaker: in "Joe
		// Biden’s nominee" or "a friend of Omar Saleh" it names someone
		// else.
		if (m.Type == document.EntityPerson || m.Type == document.EntityOrg) && s.Span.Contains(m.Span) && m.End >= ws[len(ws)-1].Start {
			for i, w := range ws {
				if w.Start >= m.Start {
					nameStart = i
					break
				}
			}
		}
	}
	if nameStart < 0 {
		nameStart = len(ws)
		for i := len(ws) - 1; i >= 0; i-- {
			w := ws[i].text
			l := strings.ToLower(w)
			particle := l == "al" || l == "bin" || l == "ibn" || l == "abu" || l == "abdul" || l == "de" || l == "van" || l == "von" || l == "bint"
			if titleWords[l] || determiners[l] || indefinites[l] || weekdaysMonths[l] || (!textseg.Capitalized(w) && !particle) {
				break
			}
			nameStart = i
		}
		// Particles cannot start a name.
		for nameStart < len(ws) && !textseg.Capitalized(ws[nameStart].text) {
			nameStart++
		}
		// A lone capitalized common noun at the front is not a name
		// ("Experts say", "Officials said").
		if nameStart == 0 && len(ws) == 1 && sourceNouns[strings.ToLower(ws[0].text)] {
			nameStart = len(ws)
		}
	}
	if nameStart < len(ws) {
		s.Name = text[ws[nameStart].Start:ws[len(ws)-1].End]
	}
	// The role is what is left before the name, without determiners.
	roleEnd := nameStart
	i := 0
	for i < roleEnd && determiners[strings.ToLower(ws[i].text)] {
		i++
	}
	if i < roleEnd {
		end := ws[roleEnd-1].End
		// An abbreviated title keeps its full stop ("colleague Dr."),
		// which words leaves out.
		if end < len(text) && text[end] == '.' && abbreviatedTitles[strings.ToLower(ws[roleEnd-1].text)] {
			end++
		}
		s.Role = text[ws[i].Start:end]
	}
	if s.Name == "" && s.Role == "" {
		s.Role = text[ws[0].Start:ws[len(ws)-1].End] // "Many", "Those"
	}
	head := strings.ToLower(ws[len(ws)-1].text)
	if s.Name == "" {
		s.Anonymous = true
		s.Plural = strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss")
		if head == "police" || head == "people" || head == "authorities" {
			s.Plural = true
		}
	}
	return s
}

// mentionSet is a document's mentions with an index of their spans, so
// that the ones inside a phrase are found without scanning them all.
type mentionSet struct {
	list []document.Mention
	idx  *spans.Index
}

func newMentionSet(ms []document.Mention) *mentionSet {
	return &mentionSet{list: ms, idx: spans.Mentions(ms)}
}

// inside appends the positions of the mentions inside sp, in order; a nil
// set has none.
func (ms *mentionSet) inside(dst []int, sp document.Span) []int {
	if ms == nil {
		return dst
	}
	return ms.idx.Inside(dst, sp)
}

// overlapping appends the positions of the mentions overlapping sp, in
// order.
func (ms *mentionSet) overlapping(dst []int, sp document.Span) []int {
	if ms == nil {
		return dst
	}
	return ms.idx.Overlapping(dst, sp)
}

// display returns the speaker's name, or the role for unnamed speakers.
func (s speaker) display() string {
	if s.Name != "" {
		return s.Name
	}
	return s.Role
}
