package fivew

import (
	"strings"
	"unicode"
)

// stopwords are left out of the overlap.
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"and": true, "or": true, "for": true, "by": true, "with": true, "from": true, "as": true,
	"is": true, "was": true, "were": true, "are": true, "be": true, "been": true, "has": true,
	"have": true, "had": true, "it": true, "its": true, "that": true, "this": true, "their": true,
	"his": true, "her": true, "s": true,
}

// content returns the lower-case content words of s.
func content(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// minCoders is how many coders must have chosen a phrase for it to count
// as a correct answer.
const minCoders = 2

// usable returns the gold phrases at least minCoders chose.
func usable(gs []Gold) []Gold {
	var out []Gold
	for _, g := range gs {
		if g.Coders >= minCoders {
			out = append(out, g)
		}
	}
	return out
}

// Rate scores an answer against the gold phrases of its question like the
// authors' three levels: 1 (relevant), 0.5 (partially) or 0. date is the
// answer's date value for "when" ("" otherwise).
func Rate(answer, date string, gold []Gold) float64 {
	a := content(answer)
	best := 0.0
	for _, g := range gold {
		if date != "" && g.Parsed != "" && len(date) >= 10 && strings.HasPrefix(g.Parsed, date[:10]) {
			return 1
		}
		gw := content(g.Text)
		if len(gw) == 0 || len(a) == 0 {
			continue
		}
		set := map[string]bool{}
		for _, w := range gw {
			set[w] = true
		}
		common := 0
		for _, w := range a {
			if set[w] {
				common++
				delete(set, w)
			}
		}
		switch {
		case common == 0:
		case 2*common >= len(gw) && 3*common >= len(a):
			return 1
		default:
			best = 0.5
		}
	}
	return best
}

// Tally sums ratings per question.
type Tally struct {
	Sum      map[string]float64
	Answered map[string]int
	Asked    map[string]int
}

// NewTally returns an empty tally.
func NewTally() *Tally {
	return &Tally{Sum: map[string]float64{}, Answered: map[string]int{}, Asked: map[string]int{}}
}

// Add rates one answer of question q ("" answer: unknown, not rated but
// counted as asked) when the gold has a usable phrase for q.
func (t *Tally) Add(q, answer, date string, gold []Gold) {
	u := usable(gold)
	if len(u) == 0 {
		return
	}
	t.Asked[q]++
	if strings.TrimSpace(answer) == "" {
		return
	}
	t.Answered[q]++
	t.Sum[q] += Rate(answer, date, u)
}

// Precision is the mean rating of the answers given to the questions qs.
func (t *Tally) Precision(qs ...string) float64 {
	var s float64
	n := 0
	for _, q := range qs {
		s += t.Sum[q]
		n += t.Answered[q]
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}

// Coverage is the share of questions with a usable gold phrase that got
// an answer.
func (t *Tally) Coverage(qs ...string) float64 {
	a, n := 0, 0
	for _, q := range qs {
		a += t.Answered[q]
		n += t.Asked[q]
	}
	if n == 0 {
		return 0
	}
	return float64(a) / float64(n)
}
