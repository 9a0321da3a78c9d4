package quotes

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/corroborate/corroborate/document"
)

// ScorePeer scores a peer's quotation spans (the JSON written by
// peer/quotations.js: article name → [start, end) character offsets)
// against the gold Content spans of arts.
func ScorePeer(arts []Article, path string) (PRF, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return PRF{}, fmt.Errorf("reading peer output: %w", err)
	}
	var peer map[string][][2]int
	if err := json.Unmarshal(b, &peer); err != nil {
		return PRF{}, fmt.Errorf("parsing peer output %s: %w", path, err)
	}
	var p PRF
	for _, a := range arts {
		spans, ok := peer[a.Name]
		if !ok {
			return PRF{}, fmt.Errorf("peer output %s has no entry for %s", path, a.Name)
		}
		byteAt := runeOffsets(a.Text)
		var pred []document.Span
		for _, s := range spans {
			// compromise's offsets can run one character past the text
			// end; clamp them.
			s[1] = min(s[1], len(byteAt)-1)
			if s[0] < 0 || s[1] < s[0] || s[0] >= len(byteAt) {
				return PRF{}, fmt.Errorf("peer span %v outside %s", s, a.Name)
			}
			pred = append(pred, document.Span{Start: byteAt[s[0]], End: byteAt[s[1]]})
		}
		p.Add(a.Text, pred, a.Contents)
	}
	return p, nil
}
