package timex

import (
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// sentenceTokens assigns each token its sentence and returns, per sentence,
// the token range [lo, hi). It uses the given sentence spans when there are
// any, and otherwise splits at sentence-final punctuation followed by a
// capital letter, and at line breaks.
func sentenceTokens(text string, toks []token, sentences []document.Span) [][2]int {
	if len(sentences) == 0 {
		sentences = splitSentences(text)
	}
	var bounds [][2]int
	s := 0
	lo := 0
	for k := range toks {
		for s < len(sentences)-1 && toks[k].start >= sentences[s].End {
			bounds = append(bounds, [2]int{lo, k})
			lo = k
			s++
		}
		toks[k].sent = len(bounds)
	}
	bounds = append(bounds, [2]int{lo, len(toks)})
	return bounds
}

// splitSentences is a plain sentence splitter used when the text stage did
// not run.
func splitSentences(text string) []document.Span {
	var out []document.Span
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := -1
		switch {
		case c == '\n':
			end = i
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
				j++
			}
			if j < len(text) && text[j] == ' ' {
				r, _ := utf8.DecodeRuneInString(text[j+1:])
				if unicode.IsUpper(r) || r == '"' || r == '“' {
					end = j
				}
			}
		}
		if end >= 0 && end > start {
			out = append(out, document.Span{Start: start, End: end})
			start = end
		}
	}
	if start < len(text) {
		out = append(out, document.Span{Start: start, End: len(text)})
	}
	return out
}

// SplitSentences splits text into sentence spans at sentence-final
// punctuation followed by a capital letter and at line breaks. It is the
// fallback used when a document has no Sentences layer.
func SplitSentences(text string) []document.Span {
	return trimSpans(text, splitSentences(text))
}

// trimSpans drops leading and trailing whitespace from each span and
// removes empty spans.
func trimSpans(text string, spans []document.Span) []document.Span {
	out := spans[:0:0]
	for _, s := range spans {
		for s.Start < s.End && unicode.IsSpace(rune(text[s.Start])) {
			s.Start++
		}
		for s.End > s.Start && unicode.IsSpace(rune(text[s.End-1])) {
			s.End--
		}
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	return out
}
