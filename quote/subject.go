package quote

import (
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// nounPhraseWords may continue a subject noun phrase in lower case ("a
// spokesman for the mayor of Cleveland").
var nounPhraseWords = map[string]bool{
	"of": true, "for": true, "the": true, "a": true, "an": true, "and": true,
	"at": true, "top": true, "new": true, "local": true, "federal": true,
	"state": true, "senior": true, "former": true, "other": true, "some": true,
	"many": true, "most": true, "several": true, "two": true, "three": true,
	"percent": true, "in": true, "about": true, "only": true, "nearly": true,
	"almost": true, "roughly": true, "more": true, "than": true,
	"presidential": true, "political": true, "national": true, "white": true,
	"republican": true, "democratic": true, "campaign": true, "press": true,
	"public": true, "chief": true, "top-ranking": true, "high-ranking": true,
}

// introWords open an adverbial phrase before the subject, closed by a
// comma ("In a statement, the mayor …").
func isIntro(w string) bool {
	l := strings.ToLower(w)
	return prepositions[l] || l == "still" || l == "yet" || l == "instead" ||
		l == "indeed" || l == "now" || l == "then" || l == "separately" ||
		l == "similarly" || l == "likewise" || l == "asked" || l == "speaking" ||
		l == "according" || l == "despite" || l == "though" || l == "although" ||
		l == "because" || l == "if" || l == "once" || l == "until" || l == "unlike" ||
		l == "like" || l == "among" || l == "under" || l == "over" || l == "to" ||
		l == "of" || l == "without" || l == "within" || l == "through" || l == "by"
}

// clauseSubject reads the subject noun phrase that opens the clause
// ws[:limit]: after an introductory phrase closed by a comma, a pronoun
// or a run of capitalized words, numbers, titles and source nouns joined
// by "of", "for" and determiners ("A spokesman for Mayor Ann Cole",
// "Former prosecutors", "47 percent", "She"). It returns an empty speaker
// when the clause opens otherwise.
func (x *extraction) clauseSubject(ws []word, limit int) speaker {
	i := 0
	for i < limit && (ws[i].text == "," || strings.EqualFold(ws[i].text, "but") || strings.EqualFold(ws[i].text, "and") || strings.EqualFold(ws[i].text, "so")) {
		i++
	}
	if i < limit && isIntro(ws[i].text) {
		c := i
		for c < limit && c-i < 14 && ws[c].text != "," {
			c++
		}
		if c >= limit || ws[c].text != "," {
			return speaker{}
		}
		i = c + 1
	}
	for i < limit && ws[i].text == "," {
		i++
	}
	if i >= limit {
		return speaker{}
	}
	if pronouns[strings.ToLower(ws[i].text)] {
		return analyze(x.text, ws[i].Span, x.ms)
	}
	j := i
	nouns := 0
	for j < limit && j-i < 10 {
		w := ws[j].text
		l := strings.ToLower(w)
		switch {
		case w == "," || w == ";" || w == ":":
		case textseg.Capitalized(w) || isNumber(w) || sourceNouns[l] || titleWords[l] || possessiveWord(w):
			nouns++
			j++
			continue
		case (nounPhraseWords[l] || determiners[l] || possessives[l]) && j+1 < limit && ws[j+1].text != ",":
			j++
			continue
		}
		break
	}
	// The phrase must end in a noun, not in a joining word.
	for j > i && (nounPhraseWords[strings.ToLower(ws[j-1].text)] && !sourceNouns[strings.ToLower(ws[j-1].text)] || determiners[strings.ToLower(ws[j-1].text)]) {
		j--
	}
	if j == i || nouns == 0 {
		return speaker{}
	}
	sp := analyze(x.text, spanOf(ws[i:j]), x.ms)
	if !plausible(x.text, sp) {
		return speaker{}
	}
	if sp.Name == "" && j+2 < limit && ws[j].text == "," {
		// "The new Iraqi Prime Minister, Mustafa al-Kazimi, blamed …":
		// the name in the appositive is the speaker's.
		e := j + 1
		for e < limit && e-j <= 5 && ws[e].text != "," {
			e++
		}
		if e < limit && ws[e].text == "," && e > j+1 {
			ap := spanOf(ws[j+1 : e])
			if x.ms.personAt(ap) || len(x.mentions) == 0 && textseg.Capitalized(ws[j+1].text) {
				if n := analyze(x.text, ap, x.ms); n.Name != "" && !n.Pronoun && n.Role == "" {
					n.Role = sp.Role
					n.Span = document.Span{Start: sp.Span.Start, End: ap.End}
					return n
				}
			}
		}
	}
	return sp
}

func isNumber(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return true
	}
	switch strings.ToLower(w) {
	case "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "half", "most", "majority":
		return true
	}
	return false
}

func possessiveWord(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// spanOf returns the span from the first to the last word of ws.
func spanOf(ws []word) document.Span {
	return document.Span{Start: ws[0].Start, End: ws[len(ws)-1].End}
}

// looseSubject reports whether ws, the words before a strong cue back to
// the clause start, can stand as a speaker phrase even without a name or
// a known source noun ("Even the organizer of the rally said"): at most
// eight words, not opening with a preposition, holding no pronoun after
// the first word.
func looseSubject(ws []word) bool {
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	if l := strings.ToLower(ws[0].text); isIntro(l) || relativizers[l] || clauseStart[l] {
		return false
	}
	for _, w := range ws {
		if w.text == "," || auxiliaries[strings.ToLower(w.text)] {
			return false
		}
	}
	return true
}

// auxiliaries show a verb phrase, not a noun phrase.
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "being": true, "has": true, "have": true, "had": true,
	"did": true, "does": true, "do": true, "will": true, "would": true,
	"could": true, "can": true, "should": true, "may": true, "might": true,
	"must": true, "not": true, "to": true, "get": true, "got": true,
}

// passive reports whether the cue ws[k] is a passive participle or an
// infinitive ("is expected", "was criticized by", "to call"): skipping
// adverbs, a form of "be", "get" or "to" stands before it.
func passive(ws []word, k int) bool {
	j := k - 1
	for j >= 0 && strings.HasSuffix(strings.ToLower(ws[j].text), "ly") {
		j--
	}
	if j < 0 {
		return false
	}
	switch strings.ToLower(ws[j].text) {
	case "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "to":
		return true
	}
	return false
}

// nounForms are cue words that are more often plural nouns ("in five
// states", "news reports").
var nounForms = map[string]bool{
	"states": true, "reports": true, "notes": true, "points": true,
	"charges": true, "remarks": true, "questions": true, "attacks": true,
	"tweets": true, "posts": true, "requests": true, "demands": true,
	"counters": true, "disputes": true,
}

// nounUse reports whether the cue ws[k] is used as a plural noun: a
// noun form after a lower-case word that cannot be its subject ("two
// states", "the reports"), or after a number.
func nounUse(ws []word, k int) bool {
	l := strings.ToLower(ws[k].text)
	if !nounForms[l] || k == 0 {
		return false
	}
	p := ws[k-1].text
	pl := strings.ToLower(p)
	if pronouns[pl] || sourceNouns[pl] && !strings.HasSuffix(pl, "s") {
		return false
	}
	if textseg.Capitalized(p) && !isNumber(p) && !determiners[pl] {
		return strings.EqualFold(ws[k].text, "states") && (pl == "united" || pl == "u.s") || l == "states" && k >= 2 && isNumber(ws[k-2].text)
	}
	return true
}
