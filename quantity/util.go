package quantity

import (
	"strings"

	textseg "github.com/corroborate/corroborate/text"
)

func lower(s string) string { return strings.ToLower(s) }

func hasSuffix(s, suf string) bool { return strings.HasSuffix(s, suf) }

// sentenceStarts returns the byte offsets where the sentences of text
// begin, by the text stage's splitter.
func sentenceStarts(text string) []int {
	starts := []int{0}
	for _, sp := range textseg.Sentences(text) {
		if sp.Start > starts[len(starts)-1] {
			starts = append(starts, sp.Start)
		}
	}
	return starts
}
