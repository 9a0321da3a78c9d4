// Package train trains the event trigger model of package event: an
// averaged perceptron over hashed token features (event.Features) that
// labels each word with an event class or "O", and a second head that
// gives each trigger its part of speech (VERB, NOUN, ADJECTIVE, OTHER).
// It learns from TimeML EVENT annotations (TempEval-3's TimeBank and
// AQUAINT, package internal/timeml). cmd/event-train runs it.
package train

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/event"
	"github.com/corroborate/corroborate/internal/timeml"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// Classes are the class labels, "O" (no event) first.
var Classes = []string{"O", document.EventOccurrence, document.EventReporting, document.EventState, document.EventIState,
	document.EventIAction, document.EventAspectual, document.EventPerception}

// POS are the part-of-speech labels of triggers (TimeML MAKEINSTANCE pos).
var POS = []string{"VERB", "NOUN", "ADJECTIVE", "OTHER"}

// heads are the extra labels of the model: the part-of-speech head, then
// the class head (trained on triggers only).
func heads(classHead bool) []string {
	var h []string
	for _, p := range POS {
		h = append(h, "pos:"+p)
	}
	if classHead {
		for _, c := range Classes[1:] {
			h = append(h, "class:"+c)
		}
	}
	return h
}

// Example is one candidate token with its gold labels.
type Example struct {
	Feats []uint32
	// Class is an index into Classes (0: no event); POS an index into POS
	// (-1 when no event).
	Class, POS int
}

// Doc is a TimeML document prepared for training and scoring.
type Doc struct {
	TML      *timeml.Doc
	Doc      *document.Document
	Examples []Example
	// Spans are the candidate tokens' spans, parallel to Examples.
	Spans []document.Span
	// Unaligned counts gold events that no candidate token overlaps.
	Unaligned int
}

// Prepare runs the stages the detector reads (text, NER, timex) over
// every TimeML document and labels the candidate tokens.
func Prepare(ctx context.Context, docs []*timeml.Doc) ([]*Doc, error) {
	tagger, err := ner.Load()
	if err != nil {
		return nil, err
	}
	tm := timex.New()
	tm.Logger = slog.New(slog.DiscardHandler)
	out := make([]*Doc, 0, len(docs))
	for _, td := range docs {
		d, err := td.Document(ctx, text.New(), tagger, tm)
		if err != nil {
			return nil, err
		}
		out = append(out, Label(td, d))
	}
	return out, nil
}

// Label computes the features of d's candidate tokens and labels each
// with the gold event it overlaps.
func Label(td *timeml.Doc, d *document.Document) *Doc {
	classIndex := map[string]int{}
	for i, c := range Classes {
		classIndex[c] = i
	}
	posIndex := map[string]int{}
	for i, p := range POS {
		posIndex[p] = i
	}
	out := &Doc{TML: td, Doc: d}
	feats := event.Features(d)
	used := make([]bool, len(td.Events))
	g := 0
	for _, f := range feats {
		ex := Example{Feats: f.Feats, POS: -1}
		for g < len(td.Events) && td.Events[g].End <= f.Start {
			g++
		}
		if g < len(td.Events) && td.Events[g].Start < f.End && !used[g] {
			e := td.Events[g]
			used[g] = true
			ex.Class = classIndex[e.Class]
			if ex.Class == 0 {
				ex.Class = 1
			}
			p, ok := posIndex[e.POS]
			if !ok {
				p = posIndex["OTHER"]
			}
			ex.POS = p
		}
		out.Examples = append(out.Examples, ex)
		out.Spans = append(out.Spans, f.Span)
	}
	for _, u := range used {
		if !u {
			out.Unaligned++
		}
	}
	return out
}

// Options configure training.
type Options struct {
	// Buckets is the number of feature hash buckets (a power of two).
	Buckets int
	// Epochs is the number of passes over the examples.
	Epochs int
	// Seed seeds the shuffling.
	Seed int64
	// Bias is added to the "O" score at prediction; Slope turns margins
	// into confidences.
	Bias, Slope float32
	// Margin makes a token a mistake, and updates the weights, until its
	// gold label leads every other label by the margin (0: plain
	// perceptron updates).
	Margin float32
	// ClassHead trains a separate class head on the triggers, which then
	// gives the class (the detection head only finds triggers).
	ClassHead bool
	// Seeds is the number of models averaged (0 or 1: one).
	Seeds int
	// Progress, when set, is called after every epoch.
	Progress func(epoch int, m *event.Model)
}

// Train learns a model from the examples of docs. With Seeds above one it
// trains that many models on differently shuffled examples (seeds Seed,
// Seed+1, …) and averages their weights.
func Train(docs []*Doc, opts Options) (*event.Model, error) {
	n := opts.Seeds
	if n <= 1 {
		w, err := trainWeights(docs, opts)
		if err != nil {
			return nil, err
		}
		return event.NewModel(bucketsOf(opts), Classes, heads(opts.ClassHead), w, opts.Bias, opts.Slope)
	}
	var sum []float32
	for k := 0; k < n; k++ {
		o := opts
		o.Seed, o.Progress = opts.Seed+int64(k), nil
		w, err := trainWeights(docs, o)
		if err != nil {
			return nil, err
		}
		if sum == nil {
			sum = w
			continue
		}
		for i := range w {
			sum[i] += w[i]
		}
	}
	for i := range sum {
		sum[i] /= float32(n)
	}
	return event.NewModel(bucketsOf(opts), Classes, heads(opts.ClassHead), sum, opts.Bias, opts.Slope)
}

func bucketsOf(opts Options) int {
	if opts.Buckets <= 0 {
		return 1 << 17
	}
	return opts.Buckets
}

// trainWeights runs the perceptron and returns its averaged weights.
func trainWeights(docs []*Doc, opts Options) ([]float32, error) {
	opts.Buckets = bucketsOf(opts)
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	var exs []*Example
	for _, d := range docs {
		for i := range d.Examples {
			exs = append(exs, &d.Examples[i])
		}
	}
	if len(exs) == 0 {
		return nil, fmt.Errorf("train: no examples")
	}
	hs := heads(opts.ClassHead)
	nc, np := len(Classes), len(POS)
	width := nc + len(hs)
	mask := uint32(opts.Buckets - 1)
	w := make([]float32, opts.Buckets*width)
	u := make([]float32, opts.Buckets*width) // sums of c × update, for averaging
	c := float32(1)
	rng := rand.New(rand.NewSource(opts.Seed))
	sc := make([]float32, width)
	update := func(feats []uint32, k int, delta float32) {
		for _, f := range feats {
			i := int(f&mask)*width + k
			w[i] += delta
			u[i] += c * delta
		}
	}
	// rival returns the best label in [lo, hi) other than gold when it
	// comes within the margin of gold, else gold.
	rival := func(lo, hi, gold int) int {
		best := -1
		for k := lo; k < hi; k++ {
			if k != gold && (best < 0 || sc[k] > sc[best]) {
				best = k
			}
		}
		if best >= 0 && sc[best]+opts.Margin >= sc[gold] && (opts.Margin > 0 || sc[best] > sc[gold] || best < gold && sc[best] == sc[gold]) {
			return best
		}
		return gold
	}
	average := func() []float32 {
		avg := make([]float32, len(w))
		for i := range w {
			avg[i] = w[i] - u[i]/c
		}
		return avg
	}
	for ep := 1; ep <= opts.Epochs; ep++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		for _, ex := range exs {
			for k := range sc {
				sc[k] = 0
			}
			for _, f := range ex.Feats {
				row := w[int(f&mask)*width:]
				for k := 0; k < width; k++ {
					sc[k] += row[k]
				}
			}
			if p := rival(0, nc, ex.Class); p != ex.Class {
				update(ex.Feats, ex.Class, 1)
				update(ex.Feats, p, -1)
			}
			if ex.POS >= 0 {
				if p := rival(nc, nc+np, nc+ex.POS); p != nc+ex.POS {
					update(ex.Feats, nc+ex.POS, 1)
					update(ex.Feats, p, -1)
				}
			}
			if ex.Class != 0 && opts.ClassHead {
				lo := nc + np
				if p := rival(lo, width, lo+ex.Class-1); p != lo+ex.Class-1 {
					update(ex.Feats, lo+ex.Class-1, 1)
					update(ex.Feats, p, -1)
				}
			}
			c++
		}
		if opts.Progress != nil {
			m, err := event.NewModel(opts.Buckets, Classes, hs, average(), opts.Bias, opts.Slope)
			if err != nil {
				return nil, err
			}
			opts.Progress(ep, m)
		}
	}
	return average(), nil
}

// Counts are token-level scores of a model on prepared documents.
type Counts struct {
	Gold, System, Match, ClassMatch int
}

// F1 is the trigger F1.
func (c Counts) F1() float64 {
	if c.Gold == 0 || c.System == 0 || c.Match == 0 {
		return 0
	}
	p, r := float64(c.Match)/float64(c.System), float64(c.Match)/float64(c.Gold)
	return 2 * p * r / (p + r)
}

// ClassF1 is F1 × class accuracy on the matched triggers.
func (c Counts) ClassF1() float64 {
	if c.Match == 0 {
		return 0
	}
	return c.F1() * float64(c.ClassMatch) / float64(c.Match)
}

// Score scores m on the candidate tokens of docs (gold events no token
// overlaps count as missed).
func Score(m *event.Model, docs []*Doc) Counts {
	var c Counts
	var sc []float32
	for _, d := range docs {
		c.Gold += d.Unaligned
		for _, ex := range d.Examples {
			var p int
			p, sc = m.Classify(ex.Feats, sc)
			if ex.Class != 0 {
				c.Gold++
			}
			if p != 0 {
				c.System++
			}
			if p != 0 && ex.Class != 0 {
				c.Match++
				if p == ex.Class {
					c.ClassMatch++
				}
			}
		}
	}
	return c
}

// Brier is the mean squared error of m's trigger probabilities on the
// candidate tokens of docs.
func Brier(m *event.Model, docs []*Doc) float64 {
	var sum float64
	n := 0
	var sc []float32
	for _, d := range docs {
		for _, ex := range d.Examples {
			var p float64
			p, sc = m.Probability(ex.Feats, sc)
			y := 0.0
			if ex.Class != 0 {
				y = 1
			}
			sum += (p - y) * (p - y)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
