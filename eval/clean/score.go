package clean

import (
	"unicode"
)

// tokens splits s into runs of letters, digits and underscores (the
// benchmark's \w+ tokens).
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingles counts the 4-token shingles of s; a text of fewer than four
// tokens gives one shorter shingle (none when empty).
func shingles(s string) map[string]int {
	ts := tokens(s)
	m := map[string]int{}
	const n = 4
	if len(ts) == 0 {
		return m
	}
	if len(ts) < n {
		m[join(ts)]++
		return m
	}
	for i := 0; i+n <= len(ts); i++ {
		m[join(ts[i:i+n])]++
	}
	return m
}

func join(ts []string) string {
	size := len(ts)
	for _, t := range ts {
		size += len(t)
	}
	b := make([]byte, 0, size)
	for i, t := range ts {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, t...)
	}
	return string(b)
}

// counts holds one item's shingle match counts.
type counts struct{ tp, fp, fn int }

// match compares a predicted text with the truth.
func match(truth, pred string) counts {
	t, p := shingles(truth), shingles(pred)
	var c counts
	for k, np := range p {
		nt := t[k]
		c.tp += min(np, nt)
		c.fp += max(np-nt, 0)
	}
	for k, nt := range t {
		c.fn += max(nt-p[k], 0)
	}
	return c
}

// Scores are the benchmark's macro precision, recall and F1.
type Scores struct {
	P, R, F1 float64
	Items    int
}

// aggregate averages per-item precision and recall: an item with no false
// positive and no false negative scores 1; items whose denominator is zero
// are skipped for that mean.
func aggregate(cs []counts) Scores {
	var sp, sr float64
	var np, nr int
	for _, c := range cs {
		if c.fp == 0 && c.fn == 0 {
			sp++
			sr++
			np++
			nr++
			continue
		}
		if c.tp+c.fp > 0 {
			sp += float64(c.tp) / float64(c.tp+c.fp)
			np++
		}
		if c.tp+c.fn > 0 {
			sr += float64(c.tp) / float64(c.tp+c.fn)
			nr++
		}
	}
	var s Scores
	s.Items = len(cs)
	if np > 0 {
		s.P = sp / float64(np)
	}
	if nr > 0 {
		s.R = sr / float64(nr)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}
