// Package summary evaluates the summarizer. No multi-document news
// summarization set with reference summaries is available here (see the
// shared data README), so it reports proxies on the Giveme5W1H data: each
// outlet's own description of an article is the reference. ROUGE-1/2/L
// (F1, lowercase word tokens, no stemming, no stopword removal) are
// computed by our own implementation, with Lead, TextRank and Centroid
// baselines run in the same pass.
package summary

import (
	"strings"
	"unicode"
)

// Scores are ROUGE F1 values.
type Scores struct {
	R1, R2, RL float64
}

// Add returns the element-wise sum.
func (s Scores) Add(o Scores) Scores { return Scores{s.R1 + o.R1, s.R2 + o.R2, s.RL + o.RL} }

// Div returns the scores divided by n (zero scores for n = 0).
func (s Scores) Div(n int) Scores {
	if n == 0 {
		return Scores{}
	}
	f := float64(n)
	return Scores{s.R1 / f, s.R2 / f, s.RL / f}
}

// Words splits s into lowercase alphanumeric word tokens, the unit ROUGE
// counts.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Rouge scores a candidate token list against a reference token list.
func Rouge(cand, ref []string) Scores {
	return Scores{R1: rougeN(cand, ref, 1), R2: rougeN(cand, ref, 2), RL: rougeL(cand, ref)}
}

// rougeN is the F1 of clipped n-gram matches.
func rougeN(cand, ref []string, n int) float64 {
	cg, rg := ngrams(cand, n), ngrams(ref, n)
	total := func(m map[string]int) int {
		t := 0
		for _, c := range m {
			t += c
		}
		return t
	}
	tc, tr := total(cg), total(rg)
	if tc == 0 || tr == 0 {
		return 0
	}
	match := 0
	for g, c := range cg {
		match += min(c, rg[g])
	}
	return f1(float64(match)/float64(tc), float64(match)/float64(tr))
}

func ngrams(ws []string, n int) map[string]int {
	m := map[string]int{}
	for i := 0; i+n <= len(ws); i++ {
		m[strings.Join(ws[i:i+n], " ")]++
	}
	return m
}

// rougeL is the F1 of the longest common subsequence.
func rougeL(cand, ref []string) float64 {
	if len(cand) == 0 || len(ref) == 0 {
		return 0
	}
	prev := make([]int, len(ref)+1)
	cur := make([]int, len(ref)+1)
	for i := 1; i <= len(cand); i++ {
		for j := 1; j <= len(ref); j++ {
			if cand[i-1] == ref[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	l := float64(prev[len(ref)])
	return f1(l/float64(len(cand)), l/float64(len(ref)))
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
