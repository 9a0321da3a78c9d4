package timex

import (
	"context"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"log/slog"
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
)

// Tagger finds and normalizes time expressions. The zero value is not
// ready; use New.
type Tagger struct {
	// InferAnchor, when the document has no publication date, takes the
	// year of the latest full date the text mentions as a coarse anchor
	// (Published.Source "inferred-latest-mention", precision year) and
	// resolves only year-level relative expressions against it.
	InferAnchor bool
	// Logger receives notes such as a missing publication date.
	Logger *slog.Logger
}

// New returns a tagger with anchor inference on.
func New() *Tagger { return &Tagger{InferAnchor: true} }

// Annotate writes d.Timexes, resolving relative expressions against
// d.Published. It reads the sentences the text stage wrote into
// d.Sentences (they decide the tense around an expression); a document with
// text but no sentences is an error.
func (t *Tagger) Annotate(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d == nil {
		return fmt.Errorf("timex: nil document")
	}
	if len(d.Sentences) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("timex: document %s has no sentences (the text stage must run first)", docName(d))
	}
	name := AnchorPublished
	if d.Published.Source == AnchorInferred {
		name = AnchorInferred // a second run over a document we inferred
	}
	a := newAnchor(d.Published.Time, name)
	if !a.known && d.Published.Value != "" {
		if pt, ok := parseValueDate(d.Published.Value); ok {
			a = newAnchor(pt, name)
		}
	}
	if a.known {
		a.grain = grainOf(d.Published.Precision)
	}
	var ps *parsed
	if !a.known {
		t.logger().Info("no publication date; relative time expressions left unresolved", "doc", d.ID, "source", d.Source)
		if t.InferAnchor {
			ps = parse(d.Text, d.Sentences)
			if latest, ok := latestMention(ps); ok {
				d.Published = document.Date{
					Value:     latest.Format("2006"),
					Time:      time.Date(latest.Year(), 1, 1, 0, 0, 0, 0, time.UTC),
					Precision: document.PrecisionYear,
					Source:    AnchorInferred,
				}
				a = newAnchor(latest, AnchorInferred)
				a.grain = uYear
			}
		}
	}
	if ps == nil {
		ps = parse(d.Text, d.Sentences)
	}
	d.Timexes = ps.resolve(a)
	return nil
}

func (t *Tagger) logger() *slog.Logger {
	if t.Logger != nil {
		return t.Logger
	}
	return slog.Default()
}

// grainOf is the finest unit a publication date of precision p can
// resolve.
func grainOf(p document.Precision) unit {
	switch p {
	case document.PrecisionWeek:
		return uWeek
	case document.PrecisionMonth:
		return uMonth
	case document.PrecisionSeason, document.PrecisionQuarter:
		return uQuarter
	case document.PrecisionYear:
		return uYear
	case document.PrecisionDecade:
		return uDecade
	}
	return uDay
}

// Tag finds the time expressions of text and resolves them against the
// given day (zero: unknown). sentences are the spans of its sentences as
// the text stage splits them (text.Sentences); nil makes the whole text one
// sentence.
func (t *Tagger) Tag(text string, sentences []document.Span, anchorDay time.Time) []document.Timex {
	return tag(text, sentences, newAnchor(anchorDay, AnchorPublished))
}

func tag(text string, sentences []document.Span, a anchor) []document.Timex {
	return parse(text, sentences).resolve(a)
}

// parsed is a text's tokens and time expressions before resolution, which
// reads them without changing them: a document whose anchor is inferred
// from its own dates is tokenized and parsed once and resolved twice.
type parsed struct {
	text   string
	toks   []token
	bounds [][2]int
	exprs  []expr
}

func parse(text string, sentences []document.Span) *parsed {
	ps := &parsed{text: text, toks: tokenize(text)}
	if len(ps.toks) == 0 {
		return ps
	}
	ps.bounds = sentenceTokens(ps.toks, sentences)
	p := &parser{toks: ps.toks}
	ps.exprs = p.all()
	return ps
}

// resolve resolves the expressions against anchor a.
func (ps *parsed) resolve(a anchor) []document.Timex {
	if len(ps.toks) == 0 {
		return nil
	}
	out := make([]document.Timex, 0, len(ps.exprs))
	for k := range ps.exprs {
		out = append(out, ps.resolveOne(k, a))
	}
	return out
}

// resolveOne resolves expression k against anchor a.
func (ps *parsed) resolveOne(k int, a anchor) document.Timex {
	toks, text, e := ps.toks, ps.text, ps.exprs[k]
	sb := ps.bounds[toks[e.i].sent]
	tn := sentenceTense(toks, sb[0], sb[1], e.i, e.j)
	if e.i > 0 && (toks[e.i-1].low == "until" || toks[e.i-1].low == "till") {
		tn = tenseFuture // a deadline: "extended until Tuesday"
	}
	r := resolve(e, a, tn)
	sp := document.Span{Start: toks[e.i].start, End: toks[e.j-1].end}
	return document.Timex{
		Span:      sp,
		Text:      text[sp.Start:sp.End],
		Type:      r.typ,
		Value:     r.value,
		Mod:       r.mod,
		Precision: r.prec,
		Anchor:    r.anchor,
	}
}

// latestMention returns the latest day-precision absolute date among the
// parsed expressions.
func latestMention(ps *parsed) (time.Time, bool) {
	var best time.Time
	for _, x := range ps.resolve(anchor{name: AnchorUnknown}) {
		if x.Anchor != AnchorAbsolute || x.Precision != document.PrecisionDay {
			continue
		}
		if d, ok := parseValueDate(x.Value); ok && d.After(best) {
			best = d
		}
	}
	return best, !best.IsZero()
}

// parseValueDate reads the day (or first day of the month or year) of a
// TIMEX3 calendar value.
func parseValueDate(v string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) >= len(layout) {
			if d, err := time.Parse(layout, v[:len(layout)]); err == nil {
				return d, true
			}
		}
	}
	return time.Time{}, false
}

// Contract declares the layers the stage reads and writes. Besides the
// timexes it may set d.Published, part of the extracted layer, to a year
// inferred from the text when the document has no date (see InferAnchor).
func (x *Tagger) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted, document.LayerText, document.LayerSentences).Gives(document.LayerTimexes)
}

// docName names d in errors: its source, else its id.
func docName(d *document.Document) string {
	if d.Source != "" {
		return d.Source
	}
	return d.ID
}

// AnchorInferredPublished marks an expression resolved against a
// publication date that the story-level anchoring inferred from events
// other reports date (see package anchor), not one the report gives.
const AnchorInferredPublished = "inferred-published"

// Resolver holds a text's parsed time expressions so that they can be
// resolved against many candidate publication days without parsing again
// (package anchor tries every day of an interval). Its expressions are
// those Annotate finds for the same text and sentences, in the same order.
type Resolver struct{ ps *parsed }

// NewResolver parses text (with its sentences, as Annotate reads them).
func NewResolver(text string, sentences []document.Span) *Resolver {
	return &Resolver{ps: parse(text, sentences)}
}

// Len returns the number of expressions.
func (r *Resolver) Len() int { return len(r.ps.exprs) }

// ResolveAt resolves expression i (in Annotate's order) against the given
// day, writing anchor name into its Anchor when it is resolved against it.
func (r *Resolver) ResolveAt(i int, day time.Time, name string) document.Timex {
	return r.ps.resolveOne(i, newAnchor(day, name))
}
