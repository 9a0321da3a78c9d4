package quantity

import (
	"unicode"
	"unicode/utf8"
)

// tok is a word, number or punctuation mark of the text with its byte span.
type tok struct {
	start, end int
	text       string
	kind       tokKind
}

type tokKind uint8

const (
	kWord tokKind = iota
	kNum
	kPunct
)

// scan splits text into tokens: runs of letters/digits joined by inner
// hyphens and apostrophes, numbers with inner "," and "." before digits,
// and single punctuation marks. Spaces are dropped.
func scan(text string) []tok {
	var out []tok
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsDigit(r):
			j := i + w
			for j < len(text) {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			// A number glued to letters or a hyphenated word ("30-vehicle",
			// "26th", "47-year-old") becomes one word token.
			if glued(text, j) {
				k := wordEnd(text, i)
				out = append(out, tok{i, k, text[i:k], kWord})
				i = k
				continue
			}
			out = append(out, tok{i, j, text[i:j], kNum})
			i = j
		case unicode.IsLetter(r):
			j := wordEnd(text, i)
			out = append(out, tok{i, j, text[i:j], kWord})
			i = j
		default:
			out = append(out, tok{i, i + w, text[i : i+w], kPunct})
			i += w
		}
	}
	return out
}

// wordEnd returns the end of the word-like run starting at i: letters and
// digits, joined by single hyphens or apostrophes followed by a letter or
// digit. It returns i when no such run starts there.
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j += w
			continue
		}
		if (r == '-' || r == '\'' || r == '’') && j > i {
			if r2, _ := utf8.DecodeRuneInString(text[j+w:]); j+w < len(text) && (unicode.IsLetter(r2) || unicode.IsDigit(r2)) {
				j += w
				continue
			}
		}
		break
	}
	return j
}

// glued reports whether the number ending at j continues as a word: a
// letter right after it ("26th") or a hyphen and a letter or digit
// ("30-vehicle").
func glued(text string, j int) bool {
	if j >= len(text) {
		return false
	}
	r, w := utf8.DecodeRuneInString(text[j:])
	if unicode.IsLetter(r) {
		return true
	}
	if r == '-' && j+w < len(text) {
		r2, _ := utf8.DecodeRuneInString(text[j+w:])
		return unicode.IsLetter(r2) || unicode.IsDigit(r2)
	}
	return false
}
