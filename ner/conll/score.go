package conll

import (
	"fmt"
	"io"

	"github.com/corroborate/corroborate/ner"
)

// Counts are span-level true positives, false positives and false
// negatives.
type Counts struct{ TP, FP, FN int }

// Precision returns TP/(TP+FP) (0 when undefined).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN) (0 when undefined).
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores holds conlleval-style exact-match counts per entity type and
// overall.
type Scores struct {
	ByType  map[string]*Counts
	Overall Counts
}

// NewScores returns empty scores.
func NewScores() *Scores { return &Scores{ByType: map[string]*Counts{}} }

// Add compares predicted chunks with gold chunks of one sentence: a chunk
// counts only with the same boundaries and type.
func (s *Scores) Add(gold, pred []ner.Chunk) {
	g := map[ner.Chunk]bool{}
	for _, c := range gold {
		g[c] = true
	}
	for _, c := range pred {
		ct := s.count(c.Type)
		if g[c] {
			ct.TP++
			s.Overall.TP++
			delete(g, c)
		} else {
			ct.FP++
			s.Overall.FP++
		}
	}
	for c := range g {
		s.count(c.Type).FN++
		s.Overall.FN++
	}
}

func (s *Scores) count(t string) *Counts {
	c := s.ByType[t]
	if c == nil {
		c = &Counts{}
		s.ByType[t] = c
	}
	return c
}

// Write prints a table of precision, recall and F1 per type and overall.
func (s *Scores) Write(w io.Writer) {
	fmt.Fprintf(w, "%-8s %9s %9s %9s %6s %6s %6s\n", "type", "precision", "recall", "F1", "tp", "fp", "fn")
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		if c, ok := s.ByType[t]; ok {
			fmt.Fprintf(w, "%-8s %9.4f %9.4f %9.4f %6d %6d %6d\n", t, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
		}
	}
	c := s.Overall
	fmt.Fprintf(w, "%-8s %9.4f %9.4f %9.4f %6d %6d %6d\n", "overall", c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
}

// Evaluate tags every sentence with t, document by document (DocStart
// marks), and scores it against the gold tags.
func Evaluate(t *ner.Tagger, sents []Sentence) *Scores {
	s, _ := EvaluateErrors(t, sents, 0)
	return s
}

// Documents splits sentences into documents at DocStart marks: each
// document is the range [r[0], r[1]) of sents.
func Documents(sents []Sentence) [][2]int {
	var docs [][2]int
	for n := range sents {
		if n == 0 || sents[n].DocStart {
			docs = append(docs, [2]int{n, n})
		}
		docs[len(docs)-1][1] = n + 1
	}
	return docs
}
