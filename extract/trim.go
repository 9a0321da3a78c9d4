package extract

import (
	"regexp"
	"strings"
)

// Edge trimming: paragraphs at the start or end of the chosen text that no
// other candidate contains are dropped, when the others broadly agree with
// it (pair F1 at least supportAgreement) and at most maxTrimShare of its
// words would go. Bylines, sign-up and "read more" lines sit there. A
// leading heading is kept even without support (the other extractors drop
// the headline): like plain text, Extracted starts with the headline, and
// the clean stage decides about repeated ones.
const (
	supportAgreement = 0.5
	maxTrimShare     = 0.3
)

// trimUnsupported drops unsupported edge paragraphs of candidate best.
func trimUnsupported(sc []scored, pair [][]float64, shs []map[string]int, best int) {
	var support []map[string]int
	for i := range sc {
		if i != best && pair[best][i] >= supportAgreement {
			support = append(support, shs[i])
		}
	}
	if len(support) == 0 {
		return
	}
	c := sc[best].candidate
	supported := func(p Paragraph) bool {
		for sh := range shingleSet(wordTokens(p.Text)) {
			for _, s := range support {
				if s[sh] > 0 {
					return true
				}
			}
		}
		return false
	}
	total := sc[best].f.Words
	lo, hi := 0, len(c.paras)
	dropped := 0
	for lo < hi && !c.paras[lo].Heading && !supported(c.paras[lo]) {
		dropped += len(wordTokens(c.paras[lo].Text))
		lo++
	}
	for hi > lo && !supported(c.paras[hi-1]) {
		dropped += len(wordTokens(c.paras[hi-1].Text))
		hi--
	}
	if lo == hi || float64(dropped) > maxTrimShare*float64(total) {
		return
	}
	c.paras = c.paras[lo:hi]
}

// commentsHeading matches the short line that opens a comment section.
var commentsHeading = regexp.MustCompile(`(?i)^(?:\d+\s+|show\s+|view\s+|reader\s+|readers'?\s+)?comments?(?:\s*\(\d+\))?:?$|^(?i:leave a (?:reply|comment)|(?:join|start) the (?:discussion|conversation)|add (?:a|your) comment|post a comment|what do you think\?)`)

// minWordsBeforeComments is how much text must precede a comment-section
// heading for cutAtComments to trust it.
const minWordsBeforeComments = 80

// cutAtComments ends the text before a comment-section heading that follows
// at least three paragraphs and minWordsBeforeComments words: what follows
// it is reader comments.
func cutAtComments(c *candidate) {
	seen := 0
	for i, p := range c.paras {
		if seen >= minWordsBeforeComments && i >= 3 && commentsHeading.MatchString(strings.TrimSpace(p.Text)) {
			c.paras = c.paras[:i]
			return
		}
		seen += len(wordTokens(p.Text))
	}
}
