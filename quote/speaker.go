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
	// An opening adverb closed by a comma is no part of the speaker:
	// "Still, 52 percent of registered voters".
	if len(ws) > 2 && ws[1].text == "," && sentenceAdverbs[strings.ToLower(ws[0].text)] {
		ws = ws[2:]
	}
	// Cut at a relativizer or a comma: "a journalist who knew Hashimi".
	for i, w := range ws {
		if i > 0 && (relativizers[strings.ToLower(w.text)] || w.text == "," || w.text == ";" || w.text == ":") {
			ws = ws[:i]
			break
		}
	}
	// A dateline or a headline before a dash is no part of the speaker:
	// "WASHINGTON (AP) — A news report".
	for i := len(ws) - 1; i > 0; i-- {
		if gap := text[ws[i-1].End:ws[i].Start]; strings.ContainsAny(gap, "—–") || strings.Contains(gap, " - ") {
			ws = ws[i:]
			break
		}
	}
	// Drop auxiliaries and adverbs at the end ("sources have" told, "Mr.
	// Rubio defiantly" said, "She first" said).
	for len(ws) > 1 {
		l := strings.ToLower(ws[len(ws)-1].text)
		lowerIng := strings.HasSuffix(l, "ing") && !textseg.Capitalized(ws[len(ws)-1].text) && len(ws) > 2
		if l != "have" && l != "has" && l != "had" && l != "is" && l != "are" && l != "was" && l != "were" && l != "to" && !lowerIng && !trailingAdverbs[l] && l != "would" && l != "will" && !(strings.HasSuffix(l, "ly") && len(l) > 4 && !textseg.Capitalized(ws[len(ws)-1].text) && l != "family" && l != "ally") {
			break
		}
		ws = ws[:len(ws)-1]
	}
	// A time after the speaker belongs to the cue: "US Secretary of State
	// Mike Pompeo on Wednesday".
	ws = cutTime(ws)
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
	// A name after a preposition completes a description ("the president
	// of Iraq", "the regime in Iran", "a spokesman for Ann Cole"): the
	// speaker is the one described, not the one named. "Secretary of
	// State" is a title.
	for i := 1; i < nameStart && nameStart < len(ws); i++ {
		l := ws[i].text
		if !(l == "of" || l == "in" || l == "for" || l == "from" || l == "at" || l == "to" || l == "with") || (l == "of" && i+1 < nameStart && titleWords[strings.ToLower(ws[i+1].text)]) {
			continue
		}
		prev := ws[i-1].text
		if !textseg.Capitalized(prev) || titleWords[strings.ToLower(prev)] || sourceNouns[strings.ToLower(prev)] {
			nameStart = len(ws) // "the president of Iraq": a description
			break
		}
		// A capitalized word before the preposition: "Fight for $15
		// organizing director Kendall Fells" (a title after it: the
		// trailing name stands) or "Sen. Maria Cantwell of Washington",
		// "Trump in his speech" (the name before it).
		titled := false
		for _, w := range ws[i+1 : nameStart] {
			if lw := strings.ToLower(w.text); titleWords[lw] || sourceNouns[lw] {
				titled = true
			}
		}
		if titled {
			break
		}
		b := i - 1
		for b > 0 && textseg.Capitalized(ws[b-1].text) && !titleWords[strings.ToLower(ws[b-1].text)] && !determiners[strings.ToLower(ws[b-1].text)] {
			b--
		}
		s.Name = text[ws[b].Start:ws[i-1].End]
		if b > 0 {
			r := 0
			for r < b && determiners[strings.ToLower(ws[r].text)] {
				r++
			}
			for b > r && honorifics[strings.ToLower(ws[b-1].text)] {
				b--
			}
			if r < b {
				e := ws[b-1].End
				if e < len(text) && text[e] == '.' && abbreviatedTitles[strings.ToLower(ws[b-1].text)] {
					e++
				}
				s.Role = text[ws[r].Start:e]
			}
		}
		return s
	}
	// A lone plural of a people or a party ("Iraqis", "Democrats") names
	// a group, not a speaker.
	if nameStart == len(ws)-1 && groupWord(ws[nameStart].text) && !mentions.personAt(ws[nameStart].Span) {
		nameStart = len(ws)
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
		// An honorific before the name is no role ("colleague Dr. Hana
		// Jabbar" has the role "colleague").
		for roleEnd > i && honorifics[strings.ToLower(ws[roleEnd-1].text)] && nameStart < len(ws) {
			roleEnd--
			end = ws[max(roleEnd-1, 0)].End
		}
		if roleEnd > i {
			// An abbreviated title keeps its full stop ("Gen."), which
			// words leaves out.
			if end < len(text) && text[end] == '.' && abbreviatedTitles[strings.ToLower(ws[roleEnd-1].text)] {
				end++
			}
			s.Role = text[ws[i].Start:end]
		}
	}
	if s.Name == "" && s.Role == "" {
		s.Role = text[ws[0].Start:ws[len(ws)-1].End] // "Many", "Those"
	}
	head := strings.ToLower(ws[len(ws)-1].text)
	if s.Name == "" {
		s.Plural = strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss")
		if head == "police" || head == "people" || head == "authorities" {
			s.Plural = true
		}
		// Only unnamed sources are anonymous: "a senior official",
		// "officials", "sources"; a definite description of one office
		// ("the president of Iraq", "the US embassy") is not.
		first := strings.ToLower(ws[0].text)
		// A capitalized first word makes the phrase definite only when it
		// is a name ("US embassy"), not an adjective opening a headline
		// ("Iran-backed militia says").
		properFirst := textseg.Capitalized(ws[0].text) && (strings.ToUpper(ws[0].text) == ws[0].text || mentions.covers(ws[0].Span))
		definite := first == "the" || possessiveWord(ws[0].text) || properFirst && !indefinites[first] && !determiners[first] && !quantityWords[first] && !isNumber(first)
		s.Anonymous = s.Plural || !definite
		for _, w := range ws {
			if isNumber(w.text) {
				s.Anonymous = true // a share of a poll: "Only 24 percent"
			}
		}
	}
	return s
}

// sentenceAdverbs open a sentence before its subject.
var sentenceAdverbs = map[string]bool{
	"still": true, "however": true, "meanwhile": true, "and": true, "but": true,
	"yet": true, "so": true, "now": true, "instead": true, "indeed": true,
	"overall": true, "separately": true, "similarly": true, "also": true,
	"nevertheless": true, "nonetheless": true, "moreover": true, "further": true,
	"furthermore": true, "today": true, "later": true, "then": true,
}

// trailingAdverbs may stand between a speaker and the cue.
var trailingAdverbs = map[string]bool{
	"also": true, "later": true, "then": true, "first": true, "soon": true,
	"again": true, "just": true, "even": true, "still": true, "never": true,
	"already": true, "often": true, "once": true, "recently": true,
	"previously": true, "now": true, "quickly": true, "long": true,
	"twice": true, "too": true, "being": true, "continuing": true,
}

// quantityWords open a phrase for an unnamed share of people.
var quantityWords = map[string]bool{
	"only": true, "about": true, "nearly": true, "almost": true, "roughly": true,
	"more": true, "less": true, "fewer": true, "over": true, "under": true,
	"just": true, "at": true, "any": true, "every": true, "each": true,
	"no": true, "other": true, "half": true, "thousands": true, "hundreds": true,
	"dozens": true, "millions": true,
}

// honorifics stand before a name without describing the speaker.
var honorifics = map[string]bool{
	"dr": true, "dr.": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true,
	"ms": true, "ms.": true, "prof": true, "prof.": true, "professor": true,
}

// cutTime drops a time phrase and what follows it from a speaker phrase:
// "Mike Pompeo on Wednesday", "the ministry late on Monday", "officials
// yesterday".
func cutTime(ws []word) []word {
	for i := 1; i < len(ws); i++ {
		l := strings.ToLower(ws[i].text)
		next := ""
		if i+1 < len(ws) {
			next = strings.ToLower(ws[i+1].text)
		}
		if l == "yesterday" || l == "today" || l == "tonight" || l == "earlier" ||
			(l == "on" || l == "last" || l == "this" || l == "late" || l == "early" || l == "in") && (weekdaysMonths[next] && next != "may" || timeNouns[next]) {
			return ws[:i]
		}
	}
	return ws
}

// timeNouns follow "last", "this" or "on" in a time phrase.
var timeNouns = map[string]bool{
	"week": true, "month": true, "year": true, "morning": true, "evening": true,
	"night": true, "afternoon": true, "weekend": true, "day": true,
}

// groupWord reports whether a capitalized plural word names a people or a
// party ("Iraqis", "Americans", "Democrats", "Shiites"), not a speaker.
func groupWord(w string) bool {
	if !textseg.Capitalized(w) || strings.ToUpper(w) == w {
		return false
	}
	l := strings.ToLower(w)
	for _, suf := range []string{"is", "ans", "ese", "ites", "ists", "ats", "ans"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
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

// covers reports whether a mention covers the whole of sp.
func (ms *mentionSet) covers(sp document.Span) bool {
	if ms == nil {
		return false
	}
	var buf [4]int
	for _, mi := range ms.idx.Overlapping(buf[:0], sp) {
		if m := ms.list[mi]; m.Start <= sp.Start && m.End >= sp.End {
			return true
		}
	}
	return false
}

// personAt reports whether a person or organisation mention covers sp.
func (ms *mentionSet) personAt(sp document.Span) bool {
	if ms == nil {
		return false
	}
	var buf [4]int
	for _, mi := range ms.idx.Overlapping(buf[:0], sp) {
		if t := ms.list[mi].Type; t == document.EntityPerson || t == document.EntityOrg {
			return true
		}
	}
	return false
}

// display returns the speaker's name, or the role for unnamed speakers.
func (s speaker) display() string {
	if s.Name != "" {
		return s.Name
	}
	return s.Role
}
