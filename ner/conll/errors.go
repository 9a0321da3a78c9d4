package conll

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/ner"
)

// ErrorKinds sorts the mistakes of a tagger into the usual kinds:
// a predicted span with the right boundaries and the wrong type (Type),
// one that overlaps a gold span with other boundaries (Boundary), one that
// touches no gold span (Spurious), and a gold span no prediction touches
// (Missed). Examples keeps up to Keep lines of each kind for reading.
type ErrorKinds struct {
	Type, Boundary, Spurious, Missed int
	// Confusions counts Type errors as "gold→predicted".
	Confusions map[string]int
	// Keep is how many examples of each kind to keep (0: none).
	Keep     int
	Examples map[string][]string
	// brier sums (confidence − correct)² over predicted mentions.
	brier     float64
	predicted int
}

// Brier returns the mean squared difference between the confidence of
// each predicted mention and whether it was right (lower is better).
func (e *ErrorKinds) Brier() float64 {
	if e.predicted == 0 {
		return 0
	}
	return e.brier / float64(e.predicted)
}

// addConfidences scores the confidences of one sentence's predictions.
func (e *ErrorKinds) addConfidences(gold, pred []ner.Chunk, conf []float64) {
	g := map[ner.Chunk]bool{}
	for _, c := range gold {
		g[c] = true
	}
	for i, p := range pred {
		d := conf[i]
		if g[p] {
			d = 1 - d
		}
		e.brier += d * d
		e.predicted++
	}
}

// Add compares one sentence's gold and predicted chunks.
func (e *ErrorKinds) Add(words []string, gold, pred []ner.Chunk) {
	if e.Confusions == nil {
		e.Confusions = map[string]int{}
		e.Examples = map[string][]string{}
	}
	exact := map[ner.Chunk]bool{}
	for _, c := range gold {
		exact[c] = true
	}
	overlap := func(a, b ner.Chunk) bool { return a.Start < b.End && b.Start < a.End }
	span := func(c ner.Chunk) string { return strings.Join(words[c.Start:c.End], " ") + "/" + c.Type }
	keep := func(kind, format string, args ...any) {
		if len(e.Examples[kind]) < e.Keep {
			e.Examples[kind] = append(e.Examples[kind], fmt.Sprintf(format, args...))
		}
	}
	ctx := func(c ner.Chunk) string {
		a, b := max(0, c.Start-4), min(len(words), c.End+4)
		return strings.Join(words[a:b], " ")
	}
	for _, p := range pred {
		if exact[p] {
			continue
		}
		kind := "spurious"
		var with ner.Chunk
		for _, g := range gold {
			if overlap(p, g) {
				with = g
				if g.Start == p.Start && g.End == p.End {
					kind = "type"
					break
				}
				kind = "boundary"
			}
		}
		switch kind {
		case "type":
			e.Type++
			e.Confusions[with.Type+"→"+p.Type]++
			keep(kind, "%s as %s | %s", span(with), p.Type, ctx(p))
		case "boundary":
			e.Boundary++
			keep(kind, "%s gold %s | %s", span(p), span(with), ctx(p))
		default:
			e.Spurious++
			keep(kind, "%s | %s", span(p), ctx(p))
		}
	}
	for _, g := range gold {
		touched := false
		for _, p := range pred {
			if overlap(p, g) {
				touched = true
				break
			}
		}
		if !touched {
			e.Missed++
			e.Confusions[g.Type+"→O"]++
			keep("missed", "%s | %s", span(g), ctx(g))
		}
	}
}

// Write prints the counts, the most frequent confusions and the examples.
func (e *ErrorKinds) Write(w io.Writer) {
	fmt.Fprintf(w, "errors: type %d, boundary %d, spurious %d, missed %d; Brier score of confidences %.4f\n", e.Type, e.Boundary, e.Spurious, e.Missed, e.Brier())
	keys := make([]string, 0, len(e.Confusions))
	for k := range e.Confusions {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if ca, cb := e.Confusions[keys[a]], e.Confusions[keys[b]]; ca != cb {
			return ca > cb
		}
		return keys[a] < keys[b]
	})
	for _, k := range keys {
		fmt.Fprintf(w, "  %-10s %d\n", k, e.Confusions[k])
	}
	for _, kind := range []string{"type", "boundary", "spurious", "missed"} {
		for _, l := range e.Examples[kind] {
			fmt.Fprintf(w, "%-8s %s\n", kind, l)
		}
	}
}

// EvaluateErrors tags sents like Evaluate and also sorts the mistakes,
// keeping up to keep examples of each kind.
func EvaluateErrors(t *ner.Tagger, sents []Sentence, keep int) (*Scores, *ErrorKinds) {
	s := NewScores()
	e := &ErrorKinds{Keep: keep}
	for _, r := range Documents(sents) {
		words := make([][]string, 0, r[1]-r[0])
		for _, st := range sents[r[0]:r[1]] {
			words = append(words, st.Words)
		}
		pred, conf := t.TagDocument(words)
		for i, st := range sents[r[0]:r[1]] {
			g := ChunksFromBIO(st.Tags)
			s.Add(g, pred[i])
			e.Add(st.Words, g, pred[i])
			e.addConfidences(g, pred[i], conf[i])
		}
	}
	return s, e
}
