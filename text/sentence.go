package text

import "github.com/corroborate/corroborate/document"

// Sentences returns the spans of the sentences of s in order. A sentence
// never crosses a paragraph (see Paragraphs); each span is trimmed of
// surrounding whitespace and every non-space byte of s lies in exactly one
// sentence.
func Sentences(s string) []document.Span {
	var out []document.Span
	for _, p := range Paragraphs(s) {
		out = appendSentences(out, s, p.Start, p.End)
	}
	return out
}

// appendSentences splits s[start:end] (one paragraph, trimmed) into
// sentences and appends their spans.
func appendSentences(out []document.Span, s string, start, end int) []document.Span {
	p := s[:end] // never look past the paragraph
	emit := func(a, b int) {
		if sp, ok := trimSpan(s, a, b); ok {
			out = append(out, sp)
		}
	}
	sentStart := start
	i := start
	depth := 0 // open brackets in the current sentence
	for i < end {
		r, size := decodeRune(p, i)
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case r == '\n':
			if lineBreakEnds(p, sentStart, i) {
				emit(sentStart, i)
				sentStart = skipSpace(p, i)
				i = sentStart
				depth = 0
				continue
			}
		case isBullet(r):
			if i > sentStart && hasText(p, sentStart, i) && precededBySpace(p, i) {
				emit(sentStart, i)
				sentStart = i
				depth = 0
			}
		case isTerminal(r):
			j, ok := boundaryAfter(p, sentStart, i)
			for k := i; k < j; k++ {
				if (p[k] == ')' || p[k] == ']') && depth > 0 {
					depth--
				}
			}
			if ok && depth > 0 && closesLater(p, j, end) {
				// Inside brackets that close later: "(… Monday. It was late.)".
				ok = false
			}
			if ok {
				depth = 0
				emit(sentStart, j)
				sentStart = skipSpace(p, j)
				i = sentStart
				continue
			}
			i = j
			continue
		}
		i += size
	}
	emit(sentStart, end)
	return out
}

// closesLater reports whether a closing bracket follows in s[j:end].
func closesLater(s string, j, end int) bool {
	for k := j; k < end; k++ {
		if s[k] == ')' || s[k] == ']' {
			return true
		}
	}
	return false
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := decodeRune(s, i)
		if !isSpaceRune(r) {
			break
		}
		i += size
	}
	return i
}

func hasText(s string, a, b int) bool {
	_, ok := trimSpan(s, a, b)
	return ok
}

func precededBySpace(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := decodeLastRune(s[:i])
	return isSpaceRune(r)
}

// lineBreakEnds decides whether the newline at i ends the sentence begun
// at sentStart: a line without final punctuation (a headline, a list line)
// is a sentence of its own unless the next line continues it in lowercase
// or the line ends in a joining mark (comma, colon, hyphen, …).
func lineBreakEnds(s string, sentStart, i int) bool {
	sp, ok := trimSpan(s, sentStart, i)
	if !ok {
		return false
	}
	e := sp.End
	last, size := decodeLastRune(s[:e])
	for isCloser(last) && e-size > sp.Start {
		e -= size
		last, size = decodeLastRune(s[:e])
	}
	switch {
	case isTerminal(last):
		// The punctuation rule already decided.
		return false
	case last == ',' || last == ':' || last == ';' || last == '-' || last == '–' || last == '—' || last == '(' || last == '&' || last == '/':
		return false
	}
	j := skipSpace(s, i)
	if j >= len(s) {
		return false
	}
	r, _ := decodeRune(s, j)
	return !isLowerStart(s, j) && r != ')' && r != ','
}

// isLowerStart reports whether the text at j begins (after opening quotes
// or brackets) with a lowercase letter.
func isLowerStart(s string, j int) bool {
	for j < len(s) {
		r, size := decodeRune(s, j)
		if isOpener(r) {
			j += size
			continue
		}
		return isLower(r)
	}
	return false
}
