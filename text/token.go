package text

import (
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
)

// Token kinds.
const (
	KindWord   = "word"
	KindNumber = "number"
	KindPunct  = "punct"
	KindSymbol = "symbol"
)

// Tokens splits s into tokens whose spans are offset by base (the position
// of s in the document's text). Sentence is left 0; Annotate sets it.
//
// Words keep internal apostrophes (Kata’ib, O'Brien) and single hyphens
// (al-Hashimi); a double hyphen is punctuation, so "al--Hashemi" gives
// "al", "--", "Hashemi". A final possessive 's and the negation n't are
// tokens of their own, as in the Penn Treebank and CoNLL (al-Hashimi 's,
// do n't), so that the named-entity tagger reads the layer as it was
// trained. Numbers keep thousands separators, decimals and a
// trailing percent sign (1,200 3.5 40%). Abbreviations keep their period
// (U.S., Dr., Ph.D.). Runs of periods ("...") and of hyphens ("--") are one
// punctuation token; every other mark is a token of its own.
func Tokens(s string, base int) []document.Token {
	return appendTokens(make([]document.Token, 0, len(s)/5+1), s, base, 0)
}

// appendTokens appends the tokens of s, offset by base and marked with
// sentence index sent, to out.
func appendTokens(out []document.Token, s string, base, sent int) []document.Token {
	i := 0
	for i < len(s) {
		r, size := decodeRune(s, i)
		if isSpaceRune(r) {
			i += size
			continue
		}
		start := i
		var kind string
		switch {
		case isWordRune(r):
			i, kind = scanWord(s, i)
			if kind == KindWord {
				if k := cliticStart(s[start:i]); k > 0 {
					out = append(out, document.Token{Span: document.Span{Start: base + start, End: base + start + k}, Sentence: sent, Kind: KindWord})
					start += k
				}
			}
		case r == '.' || (isHyphen(r) && r == '-'):
			j := i + size
			for j < len(s) && s[j] == s[i] {
				j++
			}
			i, kind = j, KindPunct
		case unicode.IsPunct(r):
			i, kind = i+size, KindPunct
		default:
			i, kind = i+size, KindSymbol
		}
		out = append(out, document.Token{Span: document.Span{Start: base + start, End: base + i}, Sentence: sent, Kind: kind})
	}
	return out
}

// cliticStart returns where a final possessive 's or negation n't starts
// in word (straight or curly apostrophe), or 0 when it has none or is
// nothing else.
func cliticStart(word string) int {
	for _, c := range []string{"'s", "’s", "'S", "’S", "n't", "n’t", "N'T", "N’T"} {
		if len(word) > len(c) && strings.HasSuffix(word, c) {
			return len(word) - len(c)
		}
	}
	return 0
}

// scanWord reads the word or number that starts at i and returns its end
// and kind.
func scanWord(s string, i int) (int, string) {
	if j, ok := scanDotted(s, i); ok {
		return j, KindWord
	}
	start := i
	r, _ := decodeRune(s, i)
	if isDigitRune(r) {
		j := scanNumber(s, i)
		if j >= len(s) {
			return j, KindNumber
		}
		nr, size := decodeRune(s, j)
		switch {
		case nr == '%':
			return j + size, KindNumber
		case isLetterRune(nr) || isHyphen(nr) && letterAfter(s, j+size):
			// 5th, 1990s, 10-year-old: a word starting with digits.
			i = j
		default:
			return j, KindNumber
		}
	}
	for i < len(s) {
		r, size := decodeRune(s, i)
		switch {
		case isWordRune(r):
			i += size
			continue
		case (isApostrophe(r) || isHyphen(r)) && i > start && wordAfter(s, i+size):
			i += size
			continue
		}
		break
	}
	// An abbreviation or an initial keeps its period.
	if i < len(s) && s[i] == '.' && (i+1 >= len(s) || s[i+1] != '.') {
		w := s[start:i]
		if isKnownAbbrev(w) || isInitial(w) && i+1 < len(s) {
			return i + 1, KindWord
		}
	}
	return i, KindWord
}

// scanNumber reads digits with internal separators (1,200 3.5 1.000.000)
// from i and returns the end.
func scanNumber(s string, i int) int {
	for i < len(s) {
		r, size := decodeRune(s, i)
		if isDigitRune(r) {
			i += size
			continue
		}
		if (r == ',' || r == '.' || r == '٫' || r == '٬') && i+size < len(s) {
			if nr, _ := decodeRune(s, i+size); isDigitRune(nr) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// scanDotted matches an abbreviation with internal periods whose parts are
// one or two letters (U.S., U.S.A., Ph.D., e.g., a.m.) at i and returns its
// end, final period included.
func scanDotted(s string, i int) (int, bool) {
	parts := 0
	j := i
	for {
		k := j
		n := 0
		for k < len(s) && n <= 2 && isLetterRune(runeAt(s, k)) {
			_, size := decodeRune(s, k)
			k += size
			n++
		}
		if n == 0 || n > 2 || k >= len(s) || s[k] != '.' {
			break
		}
		j = k + 1
		parts++
	}
	if parts >= 2 && (j >= len(s) || !isWordRune(runeAt(s, j))) {
		return j, true
	}
	return i, false
}

func runeAt(s string, i int) rune {
	r, _ := decodeRune(s, i)
	return r
}

func wordAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	return isWordRune(runeAt(s, i))
}

func letterAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	return isLetterRune(runeAt(s, i))
}

// isInitial reports whether w is a single uppercase letter other than "I"
// (J. R. R. Tolkien).
func isInitial(w string) bool {
	rs := []rune(w)
	return len(rs) == 1 && unicode.IsUpper(rs[0]) && rs[0] != 'I'
}
