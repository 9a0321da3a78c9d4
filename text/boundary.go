package text

import (
	"strings"
	"unicode"
)

// cluster describes a run of sentence-final punctuation and closing quotes.
type cluster struct {
	end      int  // byte offset just past the run (closers included)
	dots     int  // periods, counting "…" as three
	question bool // holds '?' or '!' (or their CJK/Arabic forms)
	closed   bool // ends in a closing quote or bracket
}

// scanCluster reads the punctuation run that starts at i: terminal marks,
// spaced ellipsis dots (". . ."), then closing quotes and brackets.
func scanCluster(s string, i int) cluster {
	var c cluster
	j := i
	for j < len(s) {
		r, size := decodeRune(s, j)
		switch {
		case r == '.':
			c.dots++
		case r == '…':
			c.dots += 3
		case isTerminal(r):
			c.question = true
		case r == ' ' && j+1 < len(s) && s[j+1] == '.' && c.dots > 0 && !c.question && dottedSoFar(s, i, j):
			// spaced ellipsis ". . ." continues the run
		default:
			goto closers
		}
		j += size
	}
closers:
	for j < len(s) {
		r, size := decodeRune(s, j)
		if !isCloser(r) {
			break
		}
		c.closed = true
		j += size
	}
	c.end = j
	return c
}

// dottedSoFar reports whether s[i:j] holds only periods and spaces, so that
// a following " ." belongs to a spaced ellipsis.
func dottedSoFar(s string, i, j int) bool {
	for k := i; k < j; k++ {
		if s[k] != '.' && s[k] != ' ' {
			return false
		}
	}
	return true
}

// boundaryAfter decides whether the terminal mark at i (inside the sentence
// begun at sentStart) ends that sentence. It returns the end of the
// punctuation run and the decision.
func boundaryAfter(s string, sentStart, i int) (int, bool) {
	c := scanCluster(s, i)
	j := c.end
	if j >= len(s) {
		return j, true
	}
	if r, _ := decodeRune(s, j); !isSpaceRune(r) {
		// 3.5, U.S.A, Jr.'s, mean...see: not a boundary here.
		return j, false
	}
	// "[...]" is an omission mark, never a boundary.
	if i > 0 && s[i-1] == '[' {
		return j, false
	}
	next := skipSpace(s, j)
	if next >= len(s) {
		return j, true
	}
	nr, _ := decodeRune(s, next)
	if isBullet(nr) {
		return j, true
	}
	if isLowerStart(s, next) {
		return j, false
	}
	if !startsSentenceLike(s, next) {
		// "...", ")", ",", ";": a continuation of this sentence.
		return j, false
	}
	nextWord := wordAt(s, next)
	if c.question {
		return j, true
	}
	if c.dots >= 4 {
		return j, true
	}
	if c.dots == 3 {
		// A bare ellipsis ends the sentence before a capitalized word,
		// but not before "I" ("the thing is . . . I didn't").
		return j, nextWord != "I" && nextWord != "I'm" && nextWord != "I’m"
	}
	if c.dots == 0 {
		return j, true
	}
	return j, periodEnds(s, sentStart, i, c, next, nextWord)
}

// startsSentenceLike reports whether the text at j can open a sentence: a
// letter, digit or symbol, possibly after opening quotes or brackets.
func startsSentenceLike(s string, j int) bool {
	for j < len(s) {
		r, size := decodeRune(s, j)
		if isOpener(r) {
			j += size
			continue
		}
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSymbol(r) || r == '#' || r == '@' || r == '¿' || r == '¡'
	}
	return false
}

// periodEnds decides a single period at i followed by whitespace and the
// non-lowercase text at next.
func periodEnds(s string, sentStart, i int, c cluster, next int, nextWord string) bool {
	prev, prevStart := wordBefore(s, sentStart, i)
	if prev == "" {
		return true
	}
	// A list marker opening the sentence: "1. The first item", "• 9. …".
	if prevStart == firstWordStart(s, sentStart) && isListMarker(prev) && !c.closed {
		return false
	}
	if c.closed {
		// `… he said." Next` ends; `"Mr." Smith` is too rare to handle.
		return true
	}
	kind := classify(prev)
	nextDigit := isDigitStart(s, next)
	if nextDigit {
		if kind != notAbbrev || numberAbbrevs[lowerASCII(prev)] || isSingleLetter(prev) {
			return false
		}
		// "N°. 5", "Art. 3": short or symbol-bearing forms before a number.
		if len([]rune(prev)) <= 2 && !allDigits(prev) || strings.ContainsAny(prev, "°º#") {
			return false
		}
		return true
	}
	if isSingleLetter(prev) {
		// Initials (J. R. R. Tolkien, George W. Bush) do not end a
		// sentence; "you and I. Did" does.
		if prev == "I" {
			before, _ := wordBefore(s, sentStart, prevStart)
			return before != "" && isLowerStart(before, 0)
		}
		return false
	}
	switch kind {
	case titleAbbrev:
		return false
	case ambigAbbrev, dottedAbbrev:
		return starters[nextWord]
	}
	return true
}

// wordBefore returns the whitespace-delimited word that ends just before
// byte i (not earlier than lo), stripped of opening quotes, brackets and
// bullets, and the offset where it starts.
func wordBefore(s string, lo, i int) (string, int) {
	end := i
	for end > lo {
		r, size := decodeLastRune(s[:end])
		if !isSpaceRune(r) {
			break
		}
		end -= size
	}
	start := end
	for start > lo {
		r, size := decodeLastRune(s[:start])
		if isSpaceRune(r) {
			break
		}
		start -= size
	}
	for start < end {
		r, size := decodeRune(s, start)
		if !isOpener(r) && !isBullet(r) {
			break
		}
		start += size
	}
	return s[start:end], start
}

// firstWordStart returns where the first word of the sentence at sentStart
// begins, after opening quotes, brackets and bullets.
func firstWordStart(s string, sentStart int) int {
	j := sentStart
	for j < len(s) {
		r, size := decodeRune(s, j)
		if !isOpener(r) && !isBullet(r) && !isSpaceRune(r) {
			break
		}
		j += size
	}
	return j
}

// wordAt returns the word (letters, digits, apostrophes) starting at j,
// after opening quotes and brackets.
func wordAt(s string, j int) string {
	for j < len(s) {
		r, size := decodeRune(s, j)
		if !isOpener(r) {
			break
		}
		j += size
	}
	k := j
	for k < len(s) {
		r, size := decodeRune(s, k)
		if !isWordRune(r) && !isApostrophe(r) {
			break
		}
		k += size
	}
	return s[j:k]
}

func isListMarker(w string) bool {
	if allDigits(w) && len(w) <= 3 {
		return true
	}
	return false
}

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func isSingleLetter(w string) bool {
	rs := []rune(w)
	return len(rs) == 1 && unicode.IsLetter(rs[0])
}

func isDigitStart(s string, j int) bool {
	for j < len(s) {
		r, size := decodeRune(s, j)
		if r == '$' || r == '£' || r == '€' || isOpener(r) {
			j += size
			continue
		}
		return isDigitRune(r)
	}
	return false
}

func isLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}
