package claim

import (
	"regexp"
	"sort"
	"strings"
)

// The relay patterns start with a capitalized run that Go's regexp engine
// must try at every position of a long text. The functions here return
// exactly what FindAllStringSubmatchIndex(text, -1) of relayRe and
// reportedRe return, running the patterns only where a match can be.

// relayCues are the literal words every relayRe match starts with.
var relayCues = []string{"told", "speaking to", "spoke to", "according to", "quoting", "quoted by",
	"reported by", "in an interview with", "interviewed by", "cited by", "citing"}

// relayAt is relayRe anchored at the start of its input.
var relayAt = regexp.MustCompile(`^` + relayBody)

// findRelayCues returns relayRe.FindAllStringSubmatchIndex(text, -1): a
// match starts at a cue word after a word boundary, so the anchored
// pattern is tried there only, left to right, skipping overlaps.
func findRelayCues(text string) [][]int {
	var starts []int
	for _, cue := range relayCues {
		for from := 0; ; {
			k := strings.Index(text[from:], cue)
			if k < 0 {
				break
			}
			p := from + k
			if p == 0 || !asciiWord(text[p-1]) {
				starts = append(starts, p)
			}
			from = p + 1
		}
	}
	if len(starts) == 0 {
		return nil
	}
	sort.Ints(starts)
	var out [][]int
	pos := 0
	for _, p := range starts {
		if p < pos {
			continue
		}
		m := relayAt.FindStringSubmatchIndex(text[p:])
		if m == nil {
			continue
		}
		shift(m, p)
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// findReportedCues returns reportedRe.FindAllStringSubmatchIndex(text, -1).
// Every match ends in a word containing "report" and, before it, holds
// only capitalized words, "of" and "the" separated by spaces. So the
// pattern runs only over windows reaching from the first word that cannot
// belong to an outlet's name to just past each "report".
func findReportedCues(text string) [][]int {
	type window struct{ start, end int }
	var wins []window
	for from := 0; ; {
		k := strings.Index(text[from:], "report")
		if k < 0 {
			break
		}
		c := from + k
		from = c + 1
		start := nameRunStart(text, c)
		for _, lead := range []string{"said in a ", "said in its "} {
			if strings.HasSuffix(text[:c], lead) {
				start = min(start, nameRunStart(text, c-len(lead)))
			}
		}
		end := c + len("report")
		for end < len(text) && asciiWord(text[end]) {
			end++
		}
		end = min(len(text), end+1)
		if n := len(wins); n > 0 && start <= wins[n-1].end {
			wins[n-1].start = min(wins[n-1].start, start)
			wins[n-1].end = max(wins[n-1].end, end)
			continue
		}
		wins = append(wins, window{start, end})
	}
	var out [][]int
	for _, w := range wins {
		for _, m := range reportedRe.FindAllStringSubmatchIndex(text[w.start:w.end], -1) {
			shift(m, w.start)
			out = append(out, m)
		}
	}
	return out
}

// nameRunStart walks back from at over space-separated words that may be
// part of an outlet's name (capitalized words, "of", "the") and returns the
// start of the first word that may not, or of the position after a
// character that can be in no name. No reportedRe match ending at at
// starts before it, and the character before it is not a word character.
func nameRunStart(text string, at int) int {
	i := at
	for {
		j := i
		for j > 0 && reSpace(text[j-1]) {
			j--
		}
		k := j
		for k > 0 {
			if k >= 3 && text[k-3:k] == "’" {
				k -= 3
				continue
			}
			if c := text[k-1]; asciiWord(c) || c == '\'' || c == '.' || c == '-' {
				k--
				continue
			}
			break
		}
		tok := text[k:j]
		switch {
		case tok == "":
			return j
		case tok[0] >= 'A' && tok[0] <= 'Z', tok == "of", tok == "the":
			i = k
		default:
			return k
		}
	}
}

// shift adds off to the found indices of a submatch index slice.
func shift(m []int, off int) {
	for i := range m {
		if m[i] >= 0 {
			m[i] += off
		}
	}
}

// asciiWord reports whether c is a word character for \b.
func asciiWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// reSpace reports whether c is matched by \s.
func reSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
