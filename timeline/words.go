package timeline

import (
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
)

// stopwords are left out of the event words two entries are compared on.
var stopwords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "from": true,
	"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "has": true,
	"had": true, "have": true, "that": true, "this": true, "it": true, "its": true, "his": true,
	"her": true, "their": true, "he": true, "she": true, "they": true, "as": true, "but": true,
	"said": true, "says": true, "after": true, "before": true, "which": true, "who": true,
	"when": true, "also": true, "into": true, "than": true, "not": true, "no": true,
}

// eventWords returns the normalized content words of sentence sp, leaving
// out the time expression x. Capitalized words (names) are reduced to
// their consonants (doubled ones once) after dropping an "al-" prefix, so that transliteration
// variants (Hashemi, Hashimi) compare equal.
func eventWords(text string, sp, x document.Span) map[string]bool {
	out := map[string]bool{}
	var word strings.Builder
	start := sp.Start
	flush := func(end int) {
		w := word.String()
		word.Reset()
		if w == "" || (start >= x.Start && end <= x.End) {
			return
		}
		if k := normalizeWord(w); k != "" {
			out[k] = true
		}
	}
	for i, r := range text[sp.Start:sp.End] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' {
			if word.Len() == 0 {
				start = sp.Start + i
			}
			word.WriteRune(r)
			continue
		}
		flush(sp.Start + i)
	}
	flush(sp.End)
	return out
}

// normalizeWord maps a word to its comparison key, or "" for stopwords.
func normalizeWord(w string) string {
	w = strings.Trim(w, "-'’")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	if w == "" {
		return ""
	}
	low := strings.ToLower(w)
	if stopwords[low] || len(low) < 3 {
		return ""
	}
	r := []rune(w)
	if !unicode.IsUpper(r[0]) {
		return low
	}
	for _, p := range []string{"al-", "el-", "al ", "ul-"} {
		low = strings.TrimPrefix(low, p)
	}
	var b strings.Builder
	var last rune
	for _, c := range low {
		if strings.ContainsRune("aeiouy-'’", c) || c == last {
			continue
		}
		b.WriteRune(c)
		last = c
	}
	if b.Len() == 0 {
		return low
	}
	return "~" + b.String()
}
