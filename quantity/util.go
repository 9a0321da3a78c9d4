package quantity

import (
	textseg "github.com/corroborate/corroborate/text"
	"strings"
	"unicode"
	"unicode/utf8"
)

func lower(s string) string { return strings.ToLower(s) }

func hasSuffix(s, suf string) bool { return strings.HasSuffix(s, suf) }

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	// Arabic names with a lower-case article: "al-Hashimi", "el-Sisi".
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ar-", "bin-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// sentenceStarts returns the byte offsets where the sentences of text
// begin, by the text stage's splitter.
func sentenceStarts(text string) []int {
	starts := []int{0}
	for _, sp := range textseg.Sentences(text) {
		if sp.Start > starts[len(starts)-1] {
			starts = append(starts, sp.Start)
		}
	}
	return starts
}
