package timex

import "github.com/corroborate/corroborate/document"

// sentenceTokens assigns each token its sentence and returns, per sentence,
// the token range [lo, hi). The sentences are the text stage's spans; with
// none, the whole text is one sentence.
func sentenceTokens(toks []token, sentences []document.Span) [][2]int {
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
