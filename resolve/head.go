package resolve

import (
	"strings"
	"unicode"
)

// headStop are words that end a noun phrase's head search from the left:
// the head of "the president of Iraq" is the word before "of".
var headStop = map[string]bool{
	"of": true, "in": true, "at": true, "on": true, "for": true, "from": true, "with": true, "who": true,
	"which": true, "that": true, "near": true, "by": true, ",": true, "(": true,
}

// headPronouns are pronouns and determiners alone, which have no head.
var headPronouns = map[string]bool{
	"he": true, "him": true, "his": true, "she": true, "her": true, "hers": true, "they": true, "them": true,
	"their": true, "it": true, "its": true, "we": true, "us": true, "our": true, "i": true, "me": true,
	"my": true, "you": true, "your": true, "himself": true, "herself": true, "themselves": true, "itself": true,
	"who": true, "whom": true, "which": true, "that": true, "this": true, "these": true, "those": true,
	"one": true, "someone": true, "anyone": true, "everyone": true,
}

// HeadKey returns the lowercased head word of a common-noun phrase, with
// a plural -s, -es or -ies reduced ("the 47-year-old researchers" →
// "researcher", "the president of Iraq" → "president"), or "" for a
// pronoun or a phrase without letters. Descriptions of one referent in
// reports of one event often share it.
func HeadKey(phrase string) string {
	words := strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool {
		return unicode.IsSpace(r)
	})
	head := ""
	for _, w := range words {
		if headStop[w] && head != "" {
			break
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.Trim(w, ".,;:!?\"'’“”()")
		if w == "'s" || w == "’s" || w == "" {
			continue
		}
		head = w
	}
	if headPronouns[head] || !strings.ContainsFunc(head, unicode.IsLetter) {
		return ""
	}
	return lemma(head)
}

// lemma reduces a plural noun to its singular, naively.
func lemma(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}
