package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopwords are English function words that carry no topic.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves said says say told
according also would could may might must shall one two three us mr mrs ms dr its it's he's she's they're don't
didn't won't can't new last since still even however many much well like just year years week weeks day days
time times people reported report reports news read more`) {
		m[w] = true
	}
	return m
}()

// termsOf returns the content terms of s: lowercased words without
// stopwords, lightly stemmed, with names reduced to a transliteration key
// so that Hashemi and Hashimi meet.
func termsOf(s string) []string {
	var out []string
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isTermRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if !isTermRune(r2) && !(r2 == '\'' || r2 == '’' || r2 == '-') {
				break
			}
			j += sz
		}
		w := strings.TrimRight(s[i:j], "'’-")
		i = j
		if !strings.Contains(w, "-") {
			if t := term(w); t != "" {
				out = append(out, t)
			}
			continue
		}
		for _, part := range strings.Split(w, "-") {
			if t := term(part); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

func isTermRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// term normalizes one word, or returns "" for a stopword or noise.
func term(w string) string {
	if w == "" {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(w)
	capital := unicode.IsUpper(first)
	l := strings.ToLower(w)
	l = strings.TrimSuffix(strings.TrimSuffix(l, "'s"), "’s")
	if stopwords[l] || l == "al" || l == "el" {
		return ""
	}
	if utf8.RuneCountInString(l) < 2 && !unicode.IsDigit(first) {
		return ""
	}
	if capital {
		return nameKey(l)
	}
	if s, ok := synonyms[l]; ok {
		return s
	}
	return fold(stem(l))
}

// nameKey reduces a capitalized word to a consonant skeleton so that
// romanization variants of one name share a key (hashemi, hashimi → hshm;
// kazimi, kazemi → kzm).
func nameKey(l string) string {
	var b strings.Builder
	var prev rune
	for i, r := range l {
		if i > 0 && strings.ContainsRune("aeiouy'’", r) {
			continue
		}
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return "#" + b.String()
}

// stem strips a few common English suffixes.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && strings.ContainsRune("sxz", rune(w[n-3])):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}
