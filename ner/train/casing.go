package train

import (
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/ner/conll"
)

// BuildCasing returns the usual casing of each lowercase word seen at least
// minCount times in running text of sents (not sentence-initial, not in an
// all-caps headline), when one casing holds at least 60% of its uses.
// The table lets the model guess whether an all-caps headline word is
// normally a name.
func BuildCasing(sents []conll.Sentence, minCount int) map[string]uint8 {
	counts := map[string]*[5]int{}
	enc := ner.NewEncoder(ner.Lexicon{})
	for _, s := range sents {
		e := enc.Encode(s.Words)
		if e.Headline() {
			continue
		}
		for i := 1; i < e.Len(); i++ {
			cs := e.Case(i)
			if cs == ner.CaseNone {
				continue
			}
			lower, _ := e.Word(i)
			c := counts[lower]
			if c == nil {
				c = new([5]int)
				counts[lower] = c
			}
			c[cs]++
		}
	}
	out := map[string]uint8{}
	for w, c := range counts {
		total, best := 0, 0
		for k := 1; k < 5; k++ {
			total += c[k]
			if c[k] > c[best] {
				best = k
			}
		}
		if total >= minCount && c[best]*10 >= total*6 {
			out[w] = uint8(best)
		}
	}
	return out
}
