package articlebench

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// Tokens splits s into runs of word characters, as the regular expression
// `\w+` does with Unicode on: letters, digits/numbers and underscore.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		word := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingleSize is the number of tokens per shingle in the article-body metric.
const shingleSize = 4

// shingles counts the shingles of shingleSize tokens; a token list shorter
// than that gives one shorter shingle (none when it is empty).
func shingles(tokens []string) map[string]int {
	m := map[string]int{}
	n := max(1, len(tokens)-shingleSize+1)
	for i := 0; i < n; i++ {
		j := min(len(tokens), i+shingleSize)
		if j <= i {
			break
		}
		m[strings.Join(tokens[i:j], "\x00")]++
	}
	return m
}

// Counts are the raw shingle counts of one item: shingles of the prediction
// found in the truth (TP), not found there (FP), and shingles of the truth
// the prediction lacks (FN), each shingle counted as often as it occurs.
type Counts struct{ TP, FP, FN int }

// Match counts the shingles a predicted text shares with the truth.
func Match(truth, pred string) Counts {
	return match(shingles(Tokens(truth)), shingles(Tokens(pred)))
}

// match compares two shingle multisets.
func match(truth, pred map[string]int) Counts {
	var c Counts
	for k, n := range truth {
		p := pred[k]
		c.TP += min(n, p)
		if n > p {
			c.FN += n - p
		}
	}
	for k, p := range pred {
		if n := truth[k]; p > n {
			c.FP += p - n
		}
	}
	return c
}

// ItemScore holds the normalized shingle counts of one item (each divided
// by their sum), whether its extracted tokens equal the truth's, and the
// raw counts.
type ItemScore struct {
	TP, FP, FN float64
	Exact      bool
	// Raw holds the counts before normalization, to compare one page's
	// texts with each other.
	Raw Counts
}

// ScoreItem compares a predicted article body with the true one.
func ScoreItem(truth, pred string) ItemScore {
	tt, pt := Tokens(truth), Tokens(pred)
	c := match(shingles(tt), shingles(pt))
	s := ItemScore{TP: float64(c.TP), FP: float64(c.FP), FN: float64(c.FN), Exact: slices.Equal(tt, pt), Raw: c}
	if sum := c.TP + c.FP + c.FN; sum > 0 {
		s.TP /= float64(sum)
		s.FP /= float64(sum)
		s.FN /= float64(sum)
	}
	return s
}

// ScoreAll scores predicted bodies by page id against the truth; a page
// missing from pred counts as an empty prediction.
func ScoreAll(truth []Item, pred map[string]string) []ItemScore {
	out := make([]ItemScore, len(truth))
	for i, it := range truth {
		out[i] = ScoreItem(it.Body, pred[it.ID])
	}
	return out
}

// precision is TP/(TP+FP); false when undefined (nothing predicted).
func (s ItemScore) precision() (float64, bool) { return s.share(s.FP) }

// recall is TP/(TP+FN); false when undefined (empty truth).
func (s ItemScore) recall() (float64, bool) { return s.share(s.FN) }

// share is TP/(TP+wrong), 1 for a perfect item, and false when TP+wrong
// is zero.
func (s ItemScore) share(wrong float64) (float64, bool) {
	if s.FP == 0 && s.FN == 0 {
		return 1, true
	}
	if s.TP+wrong == 0 {
		return 0, false
	}
	return s.TP / (s.TP + wrong), true
}

// Metrics are the benchmark's summary numbers.
type Metrics struct {
	Precision, Recall, F1, Accuracy float64
	// F1Std is the bootstrap standard deviation of F1 (0 when not computed).
	F1Std float64
	N     int
}

// Summarize computes mean precision and recall over the items (skipping
// items where either is undefined), F1 from the two means, and accuracy.
func Summarize(items []ItemScore) Metrics {
	var ps, rs float64
	var np, nr, exact int
	for _, it := range items {
		if p, ok := it.precision(); ok {
			ps += p
			np++
		}
		if r, ok := it.recall(); ok {
			rs += r
			nr++
		}
		if it.Exact {
			exact++
		}
	}
	m := Metrics{N: len(items)}
	if np > 0 {
		m.Precision = ps / float64(np)
	}
	if nr > 0 {
		m.Recall = rs / float64(nr)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	if len(items) > 0 {
		m.Accuracy = float64(exact) / float64(len(items))
	}
	return m
}

// Bootstrap adds the standard deviation of F1 over n resamples (with a fixed
// seed, so runs repeat) to Summarize's result.
func Bootstrap(items []ItemScore, n int) Metrics {
	m := Summarize(items)
	if n <= 1 || len(items) == 0 {
		return m
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sample := make([]ItemScore, len(items))
	var sum, sumsq float64
	for i := 0; i < n; i++ {
		for j := range sample {
			sample[j] = items[rng.IntN(len(items))]
		}
		f := Summarize(sample).F1
		sum += f
		sumsq += f * f
	}
	mean := sum / float64(n)
	m.F1Std = math.Sqrt(max(0, sumsq/float64(n)-mean*mean))
	return m
}
