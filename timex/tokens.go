package timex

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word, a number or a punctuation mark of the text.
type token struct {
	start, end int
	text       string // as written
	low        string // lower-cased
	num        int    // value when the token is all digits, else -1
	digits     int    // number of digits when num >= 0
	space      bool   // whitespace (or start of text) precedes the token
	sent       int    // index of the sentence holding the token
}

// isNum reports whether the token is made of digits only.
func (t token) isNum() bool { return t.num >= 0 }

// capital reports whether the token starts with an upper-case letter.
func (t token) capital() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// tokenize splits text into runs of letters and digits and single
// punctuation marks, skipping whitespace.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/3+1) // English runs about one token in 4–5 bytes: room enough never to copy a long text's tokens
	space := true
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = true
			i += w
			continue
		}
		j := i + w
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				j += w2
			}
		}
		s := text[i:j]
		t := token{start: i, end: j, text: s, low: strings.ToLower(s), num: -1, space: space}
		if isDigits(s) && len(s) <= 9 {
			t.num, _ = strconv.Atoi(s)
			t.digits = len(s)
		}
		toks = append(toks, t)
		space = false
		i = j
	}
	return toks
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isApostrophe reports whether s is a straight or curly apostrophe.
func isApostrophe(s string) bool { return s == "'" || s == "’" || s == "‘" }

// isHyphen reports whether s is a hyphen or dash joining words.
func isHyphen(s string) bool { return s == "-" || s == "‐" || s == "‑" }
