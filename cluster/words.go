package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normWord lowercases a word, drops a possessive ending and a plural "s",
// and returns "" for words that carry no topic: short words, numbers and
// stop words.
func normWord(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if w == "" {
		return ""
	}
	w = strings.ToLower(w)
	for _, suf := range []string{"'s", "’s"} {
		w = strings.TrimSuffix(w, suf)
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 3 || utf8.RuneCountInString(w) > 40 {
		return ""
	}
	if stopWords[w] {
		return ""
	}
	return stem(w)
}

// stem strips the commonest English inflections so that "protest",
// "protests" and "protesters" meet more often. It is deliberately light.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// splitWords calls f for each word of s (a run of letters, digits,
// apostrophes and inner hyphens) with its index among the words.
func splitWords(s string, f func(i int, w string)) {
	i, start := 0, -1
	for j, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || (r == '-' && start >= 0)
		switch {
		case inWord && start < 0:
			start = j
		case !inWord && start >= 0:
			f(i, s[start:j])
			i++
			start = -1
		}
	}
	if start >= 0 {
		f(i, s[start:])
	}
}

// normEntity normalizes a mention's text for matching across documents:
// lower case, single spaces, no leading article or possessive.
func normEntity(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimPrefix(s, "the ")
	for _, suf := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, suf)
	}
	s = strings.Trim(s, ".,;:!?\"'()[]“”‘’")
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// stopWords are function words and the vocabulary every news report shares
// (said, told, reported, …), which say nothing about which story it is.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above after again against all almost also although always am among an and another any anyone
anything are around as at away back be became because become been before being below between both
but by came can cannot could did do does doing done down during each either else enough even ever
every few for from further get gets getting give given go goes going gone got had has have having he
her here hers herself him himself his how however i if in including into is it its itself just
least less like made make many may me might more most much must my myself near nearly neither never
new next no nor not now of off often on once one only onto or other others our ours ourselves out
over own per perhaps put rather really same see seen several shall she should since so some
something still such than that the their theirs them themselves then there these they thing things
this those though through thus to today too toward towards under until up upon us use used very via
was way we well were what whatever when where whether which while who whom whose why will with
within without would yet you your yours yourself yourselves
said says say saying told tell tells according reported report reports reporting added asked
statement news people year years time times day days week weeks month months
monday tuesday wednesday thursday friday saturday sunday yesterday tomorrow tonight
january february march april june july august september october november december
mr mrs ms dr first last two three four five six seven eight nine ten
percent number part want wanted know known think going come comes take took taken
including include includes show shows showed based called call calls look looking
update updated copyright reserved rights image images photo photos video getty reuters
associated press afp file caption click read share email subscribe advertisement
`) {
		m[w] = true
	}
	return m
}()
