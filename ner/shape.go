package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normWord maps typographic apostrophes and quotes to ASCII so that
// "Kata’ib" and "Kata'ib" look the same to the model.
func normWord(w string) string {
	if isASCII(w) {
		return w
	}
	r := strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "`", "'", "–", "-", "—", "-", "‐", "-")
	return r.Replace(w)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerWord lowercases w, ASCII fast path.
func lowerWord(w string) string {
	if isASCII(w) {
		for i := 0; i < len(w); i++ {
			if c := w[i]; c >= 'A' && c <= 'Z' {
				return strings.ToLower(w)
			}
		}
		return w
	}
	return strings.ToLower(w)
}

// digitsToZero replaces every ASCII digit by 0 so numbers share features.
func digitsToZero(w string) string {
	has := false
	for i := 0; i < len(w); i++ {
		if w[i] >= '1' && w[i] <= '9' {
			has = true
			break
		}
	}
	if !has {
		return w
	}
	b := []byte(w)
	for i, c := range b {
		if c >= '1' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// wordShape returns the long shape (X for upper, x for lower, d for digit,
// other characters kept; at most 12 runes) and the short shape (runs of the
// same class collapsed).
func wordShape(w string) (long, short string) {
	var lb, sb [48]byte
	l, s := lb[:0], sb[:0]
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r) || unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if n < 12 {
			l = append(l, c)
		}
		n++
		if len(s) == 0 || s[len(s)-1] != c {
			if len(s) < cap(sb) {
				s = append(s, c)
			}
		}
	}
	return string(l), string(s)
}

// Casing classes of a word.
const (
	caseNone = iota
	caseLower
	caseTitle
	caseUpper
	caseMixed
)

// wordCase classifies the casing of w (words without letters are caseNone).
func wordCase(w string) uint8 {
	up, low, first := 0, 0, -1
	for _, r := range w {
		if unicode.IsUpper(r) {
			up++
			if first < 0 {
				first = 1
			}
		} else if unicode.IsLower(r) {
			low++
			if first < 0 {
				first = 0
			}
		}
	}
	switch {
	case up == 0 && low == 0:
		return caseNone
	case up == 0:
		return caseLower
	case low == 0:
		return caseUpper
	case up == 1 && first == 1:
		return caseTitle
	default:
		if first == 1 {
			return caseTitle
		}
		return caseMixed
	}
}

// arabicArticles are the forms of the Arabic article that prefix names
// with a hyphen (al-Hashimi, el-Sisi, ash-Shami, ad-Din).
var arabicArticles = map[string]bool{
	"al": true, "el": true, "ad": true, "an": true, "ar": true, "as": true, "ash": true,
	"at": true, "az": true, "ath": true, "adh": true, "ul": true, "il": true, "ed": true, "es": true, "en": true,
}

// nameParticles are words that join the parts of Arabic and related names.
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "ben": true, "abu": true, "abou": true,
	"umm": true, "um": true, "abd": true, "abdul": true, "abdel": true, "abdal": true, "abdol": true,
	"ould": true, "bani": true, "banu": true, "beni": true, "bou": true, "bu": true, "abo": true, "aal": true,
	"ul": true, "ad": true, "ud": true, "din": true, "deen": true, "allah": true, "ullah": true,
}

// nameTitles are honorifics and titles that precede personal names.
var nameTitles = map[string]bool{
	"sheikh": true, "shaikh": true, "sheik": true, "sayyid": true, "sayed": true, "mullah": true, "ayatollah": true,
	"imam": true, "emir": true, "amir": true, "prince": true, "princess": true, "king": true, "queen": true,
	"president": true, "minister": true, "gen.": true, "general": true, "col.": true, "colonel": true, "mr.": true,
	"mrs.": true, "ms.": true, "dr.": true, "sen.": true, "senator": true, "rep.": true, "gov.": true, "governor": true,
	"lt.": true, "maj.": true, "capt.": true, "sgt.": true, "prof.": true, "professor": true, "pope": true,
	"cardinal": true, "rev.": true, "judge": true, "mr": true, "mrs": true, "dr": true, "hajji": true, "haji": true,
	"commander": true, "spokesman": true, "spokeswoman": true, "chairman": true, "leader": true, "cleric": true,
}

// arabicPrefix splits an Arabic article
// joined by a hyphen or apostrophe (al-Hashimi) from the stem after it.
func arabicPrefix(lower string) (article, stem string) {
	for _, sep := range []byte{'-', '\''} {
		if i := strings.IndexByte(lower, sep); i > 0 && i < len(lower)-1 {
			if arabicArticles[lower[:i]] {
				return lower[:i], lower[i+1:]
			}
		}
	}
	return "", ""
}

// hasInnerApostrophe reports an apostrophe between letters, as in Kata'ib
// or Ba'ath (not the clitic 's).
func hasInnerApostrophe(w string) bool {
	i := strings.IndexByte(w, '\'')
	if i <= 0 || i >= len(w)-1 {
		return false
	}
	rest := w[i+1:]
	return rest != "s" && rest != "S" && rest != "t" && unicode.IsLetter(rune(w[i-1])) && unicode.IsLetter(rune(rest[0]))
}
