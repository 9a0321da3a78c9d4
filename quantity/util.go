package quantity

import (
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

// sentenceStarts returns the byte offsets where sentences begin, by a
// simple rule (".", "!" or "?" then space then a capital, a quote or a
// digit; a blank line) used when the document has no sentence layer.
func sentenceStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			starts = append(starts, i+2)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == ')' || strings.HasPrefix(text[j:], "”") || strings.HasPrefix(text[j:], "’")) {
			if text[j] == '"' || text[j] == ')' {
				j++
			} else {
				j += 3
			}
		}
		if j >= len(text) || (text[j] != ' ' && text[j] != '\n') {
			continue
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\n') {
			k++
		}
		if k >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' {
			// Skip initials and common abbreviations ("Mr.", "U.S.").
			w := lastWord(text[:i])
			if len(w) <= 1 || abbrev[strings.ToLower(w)] {
				continue
			}
			starts = append(starts, k)
		}
	}
	return starts
}

var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "st": true, "jr": true, "sr": true, "prof": true,
	"rep": true, "sen": true, "gov": true, "u.s": true, "u.n": true, "no": true,
	"sept": true, "jan": true, "feb": true, "aug": true, "oct": true, "nov": true,
	"dec": true, "vs": true, "etc": true, "inc": true, "co": true, "corp": true,
	"ph.d": true, "capt": true, "maj": true, "rev": true,
}

func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		i -= w
	}
	return s[i:]
}
