package quantity

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

func lower(s string) string { return strings.ToLower(s) }

func hasSuffix(s, suf string) bool { return strings.HasSuffix(s, suf) }

// sentenceStarts returns the byte offsets where the given sentences
// begin, with 0 first.
func sentenceStarts(sentences []document.Span) []int {
	starts := []int{0}
	for _, sp := range sentences {
		if sp.Start > starts[len(starts)-1] {
			starts = append(starts, sp.Start)
		}
	}
	return starts
}
