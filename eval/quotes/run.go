package quotes

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/corroborate/corroborate/coref"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/quote"
	"github.com/corroborate/corroborate/text"
)

// Result holds the scores of one run.
type Result struct {
	Articles        int
	Source, Content PRF
	// ContentDirect scores our direct quotes alone (comparable with a
	// peer that finds only quotations).
	ContentDirect  PRF
	Attributions   int // gold attributions with a Source
	ContentFound   int // … whose Content our quotes overlap
	SpeakerOverlap int // … where our speaker overlaps the gold Source
	SpeakerExact   int // … where it matches it exactly
	// SpeakerNamed counts the found attributions whose quote names a
	// speaker (Speaker not empty); SpeakerNamedRight those of them whose
	// speaker span overlaps the gold Source. A null speaker counts in
	// neither.
	SpeakerNamed, SpeakerNamedRight int
	// SpeakerSameName counts the named speakers that miss the gold
	// Source span but carry its name (the speaker's last word is a word
	// of the gold Source: the same person named elsewhere).
	SpeakerSameName   int
	DirectQuotes      int
	Quotes            int
	Elapsed           time.Duration
	Bytes             int
	AnonymousSpeakers int
}

// SpeakerAccuracy is the share of gold attributions whose content we found
// where our quote names a speaker (not null) whose span overlaps the gold
// Source span.
func (r Result) SpeakerAccuracy() float64 { return ratio(r.SpeakerOverlap, r.ContentFound) }

// SpeakerPrecision is the share of found attributions with a named
// (non-null) speaker whose speaker span overlaps the gold Source: a wrong
// speaker counts against it, a null one does not.
func (r Result) SpeakerPrecision() float64 { return ratio(r.SpeakerNamedRight, r.SpeakerNamed) }

// Score runs the stages whose layers the quote stage reads (text, named
// entities, coreference), then the quote stage, over the articles, and scores the
// quotes. Only the quote stage is timed.
func Score(ctx context.Context, arts []Article) (Result, error) {
	tagger, err := ner.Load()
	if err != nil {
		return Result{}, fmt.Errorf("loading the named-entity model: %w", err)
	}
	before := []pipeline.Step{pipeline.PerDoc("text", text.New()), pipeline.PerDoc("ner", tagger), pipeline.PerDoc("coref", coref.New(coref.Options{}))}
	ex := quote.New()
	if err := pipeline.Validate([]document.Layer{document.LayerText}, append(before, pipeline.PerDoc("quote", ex))); err != nil {
		return Result{}, err
	}
	var r Result
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		d := &document.Document{ID: a.Name, Text: a.Text}
		for _, st := range before {
			if err := st.Annotator.Annotate(ctx, d); err != nil {
				return r, fmt.Errorf("%s stage on %s: %w", st.Name, a.Name, err)
			}
		}
		start := time.Now()
		if err := ex.Annotate(ctx, d); err != nil {
			return r, fmt.Errorf("quotes of %s: %w", a.Name, err)
		}
		r.Elapsed += time.Since(start)
		r.Articles++
		r.Bytes += len(a.Text)
		var srcs, conts, direct []document.Span
		for _, q := range d.Quotes {
			r.Quotes++
			if q.Direct {
				r.DirectQuotes++
				direct = append(direct, q.Content)
			}
			if q.Anonymous {
				r.AnonymousSpeakers++
			}
			conts = append(conts, q.Content)
			if q.SpeakerSpan.Len() > 0 && !containsSpan(srcs, q.SpeakerSpan) {
				srcs = append(srcs, q.SpeakerSpan)
			}
		}
		r.Source.Add(a.Text, srcs, a.Sources)
		r.Content.Add(a.Text, conts, a.Contents)
		r.ContentDirect.Add(a.Text, direct, a.Contents)
		for _, g := range a.Attributions {
			if g.Source.Len() == 0 {
				continue
			}
			r.Attributions++
			i := bestOverlap(g.Content, conts)
			if i < 0 {
				continue
			}
			r.ContentFound++
			// A null speaker is never right, whatever span it keeps.
			sp := d.Quotes[i].SpeakerSpan
			if sp.Overlaps(g.Source) && d.Quotes[i].Speaker != "" {
				r.SpeakerOverlap++
			}
			if d.Quotes[i].Speaker != "" {
				r.SpeakerNamed++
				if sp.Overlaps(g.Source) {
					r.SpeakerNamedRight++
				} else if sameName(d.Quotes[i].Speaker, a.Text[g.Source.Start:g.Source.End]) {
					r.SpeakerSameName++
				}
			}
			if sp.Len() > 0 && normalize(a.Text, sp) == normalize(a.Text, g.Source) {
				r.SpeakerExact++
			}
		}
	}
	return r, nil
}

func containsSpan(xs []document.Span, s document.Span) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Run evaluates the quote stage on the PolNeAR dev split found under
// dataDir, prints the details and ends with the line
// "SpeakerAccuracy <value>".
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	dir, err := findDev(dataDir)
	if err != nil {
		return err
	}
	arts, err := ReadDev(dir)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	r, err := Score(ctx, arts)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	Print(w, dir, r)
	return nil
}

// Print writes the report of r; its last line is "SpeakerAccuracy <value>".
func Print(w io.Writer, dir string, r Result) {
	fmt.Fprintf(w, "PolNeAR (%s): %d articles, %d gold attributions with a source\n", dir, r.Articles, r.Attributions)
	fmt.Fprintf(w, "ours (after the text, ner and coref stages): %d quotes (%d direct, %d anonymous speakers); %.0f KB/s\n", r.Quotes, r.DirectQuotes, r.AnonymousSpeakers, float64(r.Bytes)/1024/r.Elapsed.Seconds())
	fmt.Fprintln(w, "no published system number exists for PolNeAR (the LREC 2018 paper reports corpus quality only)")
	fmt.Fprintf(w, "%-8s %-8s %6s %6s %6s\n", "span", "match", "P", "R", "F1")
	for _, x := range []struct {
		name string
		p    PRF
	}{{"Source", r.Source}, {"Content", r.Content}, {"Direct", r.ContentDirect}} {
		p, rc, f := x.p.Overlap()
		fmt.Fprintf(w, "%-8s %-8s %6.3f %6.3f %6.3f   (pred %d, gold %d)\n", x.name, "overlap", p, rc, f, x.p.Pred, x.p.Gold)
		p, rc, f = x.p.Exact()
		fmt.Fprintf(w, "%-8s %-8s %6.3f %6.3f %6.3f\n", x.name, "exact", p, rc, f)
	}
	fmt.Fprintf(w, "attributions whose content we found: %d of %d (%.3f)\n", r.ContentFound, r.Attributions, ratio(r.ContentFound, r.Attributions))
	fmt.Fprintf(w, "speaker exact match on those: %.4f\n", ratio(r.SpeakerExact, r.ContentFound))
	fmt.Fprintf(w, "named (non-null) speakers on those: %d (%.3f); SpeakerPrecision %.4f (overlap with the gold source, null speakers left out); counting the same name met elsewhere as right: %.4f\n", r.SpeakerNamed, ratio(r.SpeakerNamed, r.ContentFound), r.SpeakerPrecision(), ratio(r.SpeakerNamedRight+r.SpeakerSameName, r.SpeakerNamed))
	fmt.Fprintf(w, "SpeakerAccuracy %.4f\n", r.SpeakerAccuracy())
}

// sameName reports whether the last word of speaker is a word of the gold
// source text (case aside): "Ted Cruz" and "Cruz".
func sameName(speaker, gold string) bool {
	f := strings.Fields(speaker)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(f[len(f)-1])
	for _, w := range strings.FieldsFunc(strings.ToLower(gold), func(r rune) bool { return r == ' ' || r == ',' || r == '\n' || r == '.' }) {
		if w == last {
			return true
		}
	}
	return false
}
