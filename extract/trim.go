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
	var support []int
	for i := range sc {
		if i != best && pair[best][i] >= supportAgreement {
			support = append(support, i)
		}
	}
	if len(support) == 0 {
		return
	}
	c := sc[best].candidate
	total := sc[best].f.Words
	var runs map[string]bool
	if total < minWords {
		// A paragraph under four words has no shingle, so the rule below
		// never supports it. In a long text that drops the section
		// labels, tags and "Most popular" lines at its edges, which the
		// other extractors keep too; a short text has none to speak of,
		// but its last sentence may be that short ("Roads stay closed."),
		// so there it counts when another candidate has its words as a
		// run.
		runs = map[string]bool{}
		for _, i := range support {
			addRuns(runs, sc[i].tokens)
		}
	}
	supported := func(p Paragraph) bool {
		toks := wordTokens(p.Text)
		if len(toks) < 4 && runs != nil {
			return runs[strings.Join(toks, " ")]
		}
		for sh := range shingleSet(toks) {
			for _, i := range support {
				if shs[i][sh] > 0 {
					return true
				}
			}
		}
		return false
	}
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

// addRuns adds every run of one to three consecutive tokens to m, joined
// by spaces.
func addRuns(m map[string]bool, toks []string) {
	for i := range toks {
		for n := 1; n <= 3 && i+n <= len(toks); n++ {
			m[strings.Join(toks[i:i+n], " ")] = true
		}
	}
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
