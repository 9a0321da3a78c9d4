// Package eventmention evaluates event mention detection (package event)
// on TempEval-3 Task B: EVENT extraction and class on the platinum test
// documents, scored as the task scored it (UzZaman et al. 2013): strict
// (same extent) and relaxed (overlapping extent) precision, recall and F1
// of the event triggers, and the class as an attribute F1, relaxed F1 ×
// class accuracy on the matched events. Polarity and modality accuracy on
// the matched events are reported as well (the task scored tense and
// aspect instead, which the detector does not give).
package eventmention

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/event"
	"github.com/corroborate/corroborate/internal/timeml"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// Anchor is the best TempEval-3 Task B system (ATT-1, Jung and Stent
// 2013), as published in the task paper (UzZaman et al. 2013), percent.
var Anchor = struct {
	Name            string
	P, R, F1, Class float64
}{"ATT-1 (TE3 best)", 81.44, 80.67, 81.05, 71.88}

// Counts are summed over documents.
type Counts struct {
	Gold, System int
	Strict       int // exact-extent matches
	Relaxed      int // overlapping matches (one to one)
	// Over the relaxed matches: same class, polarity, modality.
	Class, Polarity, Modality int
}

// Scores are the figures of Counts, as fractions.
type Scores struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	ClassAccuracy, ClassF1        float64
	PolarityAccuracy              float64
	ModalityAccuracy              float64
}

func prf(match, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(match) / float64(sys)
	}
	if gold > 0 {
		r = float64(match) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Scores computes the figures.
func (c Counts) Scores() Scores {
	var s Scores
	s.StrictP, s.StrictR, s.StrictF1 = prf(c.Strict, c.System, c.Gold)
	s.RelaxedP, s.RelaxedR, s.RelaxedF1 = prf(c.Relaxed, c.System, c.Gold)
	if c.Relaxed > 0 {
		s.ClassAccuracy = float64(c.Class) / float64(c.Relaxed)
		s.PolarityAccuracy = float64(c.Polarity) / float64(c.Relaxed)
		s.ModalityAccuracy = float64(c.Modality) / float64(c.Relaxed)
	}
	s.ClassF1 = s.RelaxedF1 * s.ClassAccuracy
	return s
}

// Add scores the system mentions of one document against its gold events.
// Both are in text order.
func (c *Counts) Add(gold []timeml.Event, sys []document.EventMention) {
	c.Gold += len(gold)
	c.System += len(sys)
	used := make([]bool, len(sys))
	for _, g := range gold {
		best := -1
		for k, m := range sys {
			if used[k] || m.End <= g.Start || m.Start >= g.End {
				continue
			}
			if best < 0 || m.Start == g.Start && m.End == g.End {
				best = k
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		m := sys[best]
		c.Relaxed++
		if m.Start == g.Start && m.End == g.End {
			c.Strict++
		}
		if m.Class == g.Class {
			c.Class++
		}
		if (m.Polarity == document.PolarityNegative) == (g.Polarity == "NEG") {
			c.Polarity++
		}
		if m.Modality == g.Modality {
			c.Modality++
		}
	}
}

// Run evaluates the embedded model on the platinum documents under
// dataDir (the tempeval3 folder or the shared data folder) and ends with
// the line "F1 <strict F1>".
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	x, err := event.New(event.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	return RunWith(ctx, dataDir, w, x)
}

// RunWith evaluates detector x.
func RunWith(ctx context.Context, dataDir string, w io.Writer, x *event.Detector) error {
	dir, err := platinumDir(dataDir)
	if err != nil {
		return err
	}
	docs, err := timeml.ReadDir(dir)
	if err != nil {
		return err
	}
	c, err := Evaluate(ctx, docs, x)
	if err != nil {
		return err
	}
	Report(w, fmt.Sprintf("TempEval-3 platinum (%d documents), Task B event extraction", len(docs)), c)
	fmt.Fprintf(w, "F1 %.4f\n", c.Scores().StrictF1)
	return nil
}

// platinumDir locates test/te3-platinum under dataDir or
// dataDir/tempeval3.
func platinumDir(dataDir string) (string, error) {
	sub := filepath.Join("test", "te3-platinum")
	for _, d := range []string{filepath.Join(dataDir, sub), filepath.Join(dataDir, "tempeval3", sub)} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, nil
		}
	}
	return "", fmt.Errorf("TempEval-3 data: %s not found under %s or %s", sub, dataDir, filepath.Join(dataDir, "tempeval3"))
}

// Evaluate runs the text, NER, timex and event stages over each document
// (its TEXT content, published on its creation time) and scores the
// event mentions.
func Evaluate(ctx context.Context, docs []*timeml.Doc, x *event.Detector) (Counts, error) {
	var c Counts
	tagger, err := ner.Load()
	if err != nil {
		return c, err
	}
	tm := timex.New()
	tm.Logger = slog.New(slog.DiscardHandler)
	for _, td := range docs {
		d, err := td.Document(ctx, text.New(), tagger, tm, x)
		if err != nil {
			return c, err
		}
		c.Add(td.Events, d.Events)
	}
	return c, nil
}

// Report prints the scores next to the anchor's.
func Report(w io.Writer, title string, c Counts) {
	s := c.Scores()
	fmt.Fprintf(w, "%s: %d gold events, %d system events\n", title, c.Gold, c.System)
	fmt.Fprintf(w, "extraction strict   P %.2f  R %.2f  F1 %.2f\n", 100*s.StrictP, 100*s.StrictR, 100*s.StrictF1)
	fmt.Fprintf(w, "extraction relaxed  P %.2f  R %.2f  F1 %.2f\n", 100*s.RelaxedP, 100*s.RelaxedR, 100*s.RelaxedF1)
	fmt.Fprintf(w, "class accuracy %.2f  class F1 %.2f (relaxed F1 x class accuracy)\n", 100*s.ClassAccuracy, 100*s.ClassF1)
	fmt.Fprintf(w, "polarity accuracy %.2f  modality accuracy %.2f (on matched events)\n", 100*s.PolarityAccuracy, 100*s.ModalityAccuracy)
	fmt.Fprintf(w, "%-18s %7s %7s %7s %8s\n", "system", "P", "R", "F1", "class F1")
	fmt.Fprintf(w, "%-18s %7.2f %7.2f %7.2f %8.2f  (strict extents)\n", "corroborate", 100*s.StrictP, 100*s.StrictR, 100*s.StrictF1, 100*s.ClassF1)
	fmt.Fprintf(w, "%-18s %7.2f %7.2f %7.2f %8.2f  (published)\n", Anchor.Name, Anchor.P, Anchor.R, Anchor.F1, Anchor.Class)
}
