package quotes

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// PRF counts span matches for one span type.
type PRF struct {
	Pred, Gold         int
	PredHit, GoldHit   int // overlap matches
	PredExact, GoldExt int // exact matches (after normalization)
}

// Add scores predicted against gold spans of one text.
func (p *PRF) Add(text string, pred, gold []document.Span) {
	p.Pred += len(pred)
	p.Gold += len(gold)
	for _, s := range pred {
		if anyOverlap(s, gold) {
			p.PredHit++
		}
		if anyExact(text, s, gold) {
			p.PredExact++
		}
	}
	for _, g := range gold {
		if anyOverlap(g, pred) {
			p.GoldHit++
		}
		if anyExact(text, g, pred) {
			p.GoldExt++
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Overlap returns precision, recall and F1 where any shared byte counts.
func (p PRF) Overlap() (float64, float64, float64) {
	pr, rc := ratio(p.PredHit, p.Pred), ratio(p.GoldHit, p.Gold)
	return pr, rc, f1(pr, rc)
}

// Exact returns precision, recall and F1 for identical spans after both
// are trimmed of spaces, quote marks and edge punctuation.
func (p PRF) Exact() (float64, float64, float64) {
	pr, rc := ratio(p.PredExact, p.Pred), ratio(p.GoldExt, p.Gold)
	return pr, rc, f1(pr, rc)
}

func anyOverlap(s document.Span, xs []document.Span) bool {
	for _, x := range xs {
		if s.Overlaps(x) {
			return true
		}
	}
	return false
}

func anyExact(text string, s document.Span, xs []document.Span) bool {
	n := normalize(text, s)
	for _, x := range xs {
		if normalize(text, x) == n {
			return true
		}
	}
	return false
}

// normalize trims a span of spaces, quote marks and edge punctuation so
// that "“We will win,”" and "We will win" match.
func normalize(text string, s document.Span) document.Span {
	const cut = " \t\n\"“”‘’'.,;:"
	for s.Start < s.End {
		r, w := decode(text[s.Start:])
		if !strings.ContainsRune(cut, r) {
			break
		}
		s.Start += w
	}
	for s.End > s.Start {
		r, w := decodeLast(text[:s.End])
		if !strings.ContainsRune(cut, r) {
			break
		}
		s.End -= w
	}
	return s
}

// bestOverlap returns the index of the span in xs sharing the most bytes
// with s, or -1.
func bestOverlap(s document.Span, xs []document.Span) int {
	best, bi := 0, -1
	for i, x := range xs {
		o := min(s.End, x.End) - max(s.Start, x.Start)
		if o > best {
			best, bi = o, i
		}
	}
	return bi
}
