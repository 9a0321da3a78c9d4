package text

import "github.com/corroborate/corroborate/document"

// Paragraphs returns the spans of the paragraphs of s: runs of text
// separated by one or more blank lines (lines holding only whitespace).
// Each span is trimmed of surrounding whitespace; empty paragraphs are
// dropped.
func Paragraphs(s string) []document.Span {
	var out []document.Span
	start := 0
	i := 0
	for i < len(s) {
		if s[i] != '\n' {
			i++
			continue
		}
		// Look for a second newline after only horizontal whitespace.
		j := i + 1
		for j < len(s) && isHSpace(s[j]) {
			j++
		}
		if j < len(s) && s[j] != '\n' {
			i = j
			continue
		}
		// Blank line (or end of text): close the paragraph before i.
		if sp, ok := trimSpan(s, start, i); ok {
			out = append(out, sp)
		}
		for j < len(s) && isSpaceByte(s[j]) {
			j++
		}
		start = j
		i = j
	}
	if sp, ok := trimSpan(s, start, len(s)); ok {
		out = append(out, sp)
	}
	return out
}

// trimSpan trims ASCII and Unicode whitespace from both ends of s[start:end]
// and reports whether anything is left.
func trimSpan(s string, start, end int) (document.Span, bool) {
	for start < end {
		r, size := decodeRune(s, start)
		if !isSpaceRune(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := decodeLastRune(s[:end])
		if !isSpaceRune(r) {
			break
		}
		end -= size
	}
	return document.Span{Start: start, End: end}, end > start
}
