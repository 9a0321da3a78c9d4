package clean

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// Options tune the cleaner. The zero value is the recommended setting.
type Options struct {
	// Disable lists reason codes (see Codes) whose rules do not run.
	Disable []string
	// KeepMetadataLines keeps byline and dateline lines in the text even
	// when the document's metadata already holds the author or date.
	KeepMetadataLines bool
	// DropTitleLine removes a line equal to the document title even where
	// it is the first occurrence (useful when the title is shown apart from
	// the text). By default the first occurrence stays and only repeats go.
	DropTitleLine bool
	// Logger receives a debug line per cleaned document (default:
	// slog.Default()).
	Logger *slog.Logger
}

// Cleaner removes boilerplate from documents, one document at a time: it
// is the per-document step of cleaning. It is safe for concurrent use.
//
// Lines an outlet repeats on every page are found across documents, by the
// cross-document step that Index returns; the two share one index, so that
// a flow runs
//
//	cl := clean.New(clean.Options{})
//	pipeline.Cross("clean-index", cl.Index()),
//	pipeline.PerDoc("clean", cl),
//
// and the pipeline owns the workers and turns a failing or panicking
// document into a Problem. CleanStory does the same for a story outside a
// pipeline, and Clean cleans one document against explicit siblings.
type Cleaner struct {
	opts     Options
	disabled map[string]bool
	log      *slog.Logger
	rules    []rule // the rules that run, in order (tests swap them)
	index    *Index
}

// New returns a cleaner with the given options.
func New(opts Options) *Cleaner {
	c := &Cleaner{opts: opts, disabled: map[string]bool{}, log: opts.Logger, rules: rules, index: &Index{}}
	for _, code := range opts.Disable {
		c.disabled[code] = true
	}
	if c.log == nil {
		c.log = slog.Default()
	}
	return c
}

// Index returns the cross-document step that this cleaner's Annotate reads
// (see Index). Every call returns the same index.
func (c *Cleaner) Index() *Index { return c.index }

// Annotate cleans one document, the per-document step of cleaning. It uses
// the lines the cleaner's Index found repeated in other documents of d's
// outlet when the index has seen d (and then forgets d); a document the
// index has not seen is cleaned on its own evidence, as by Clean(d, nil).
func (c *Cleaner) Annotate(ctx context.Context, d *document.Document) error {
	if d == nil {
		return errors.New("cleaning document: document is nil")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("cleaning %s: %w", d.Source, err)
	}
	c.clean(d, c.index.take(d))
	return nil
}

// Contract declares the layers the per-document step reads and writes.
func (c *Cleaner) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted, document.LayerRepeats).Gives(document.LayerText)
}

// Clean cleans d: it sets d.Text, d.TextToExtracted and d.Removed from
// d.Extracted, d.Title, d.Outlet and the metadata (a document with an empty
// Extracted but a Text is cleaned from its Text, which becomes Extracted). siblings are the other
// documents of the story; lines that documents of the same outlet share
// are removed when they are not sentences of reporting. A nil d is ignored.
func (c *Cleaner) Clean(d *document.Document, siblings []*document.Document) {
	if d == nil {
		return
	}
	var others []*document.Document
	for _, o := range siblings {
		if o != nil && o != d {
			others = append(others, o)
		}
	}
	c.clean(d, repeatsAmong(d, others))
}

// clean runs the rules over d with repeated, the set of normalized lines
// that other documents of d's outlet share with it.
func (c *Cleaner) clean(d *document.Document, repeated map[string]bool) {
	if d.Extracted == "" && d.Text != "" {
		// An upstream stage put the body in Text without extracting it;
		// clean that body rather than wiping it.
		d.Extracted = d.Text
	}
	st := &state{
		d:        d,
		opts:     &c.opts,
		units:    splitUnits(d.Extracted),
		repeated: repeated,
	}
	st.reasons = make([]string, len(st.units))
	for _, r := range c.rules {
		if c.disabled[r.code] {
			continue
		}
		r.run(st)
	}
	build(d, st)
	c.log.Debug("cleaned document", "doc", d.ID, "source", d.Source,
		"extracted_bytes", len(d.Extracted), "text_bytes", len(d.Text), "removed", len(d.Removed))
}

// state is the working state of one document's cleaning.
type state struct {
	d        *document.Document
	opts     *Options
	units    []unit
	reasons  []string // per unit; "" keeps it
	repeated map[string]bool
	// inline holds, per unit index, the pieces of boilerplate found inside
	// a long kept line (see runInline).
	inline map[int][]mark
}

// mark removes unit i for the given reason unless a rule already did.
func (st *state) mark(i int, code, why string) {
	if st.reasons[i] == "" {
		st.reasons[i] = reason(code, why)
	}
}

// free reports whether unit i is still kept.
func (st *state) free(i int) bool { return st.reasons[i] == "" }

// rule is one boilerplate rule.
type rule struct {
	code string
	run  func(st *state)
}

// lineRule lifts a per-line predicate into a rule. match returns the
// explanation when the line is boilerplate.
func lineRule(code string, match func(st *state, u *unit) string) rule {
	return rule{code: code, run: func(st *state) {
		for i := range st.units {
			if !st.free(i) {
				continue
			}
			if why := match(st, &st.units[i]); why != "" {
				st.mark(i, code, why)
			}
		}
	}}
}

// rules run in this order; the first rule to mark a line names its reason.
var rules = []rule{
	lineRule(CodeAdvertisement, matchAdvertisement),
	lineRule(CodeWidget, matchWidget),
	lineRule(CodeReadTime, matchReadTime),
	lineRule(CodeShareFollow, matchShareFollow),
	lineRule(CodeReadMoreTeaser, matchTeaser),
	lineRule(CodePhotoCredit, matchPhotoCredit),
	lineRule(CodePhotoCaption, matchPhotoCaption),
	lineRule(CodePhotoCaption, matchLabelledCaption),
	lineRule(CodeNavigation, matchNavigation),
	lineRule(CodeCopyright, matchCopyright),
	lineRule(CodeTags, matchTags),
	lineRule(CodeByline, matchByline),
	lineRule(CodeDateline, matchDateline),
	{code: CodeSidebar, run: runSidebars},
	{code: CodeOtherNews, run: runTrailers},
	{code: CodeAboutOutlet, run: runAboutFooter},
	{code: CodeReadMoreTeaser, run: runTeaserLabels},
	{code: CodeRepeatedHeadline, run: runRepeatedHeadlines},
	{code: CodeRepeatedLine, run: runRepeatedLines},
	{code: CodeCrossDocRepeat, run: runCrossDocRepeats},
	{code: "", run: runInline},
}

// build writes the cleaned text, its alignment and the removals. A kept
// unit with pieces of boilerplate inside it (st.inline) is written as its
// kept pieces joined by single spaces.
func build(d *document.Document, st *state) {
	var b strings.Builder
	b.Grow(len(d.Extracted))
	var align document.Alignment
	var removed []document.Removal
	lastRemovedEnd := -1 // end of the previous removal, to merge neighbours
	remove := func(sp document.Span, r string) {
		if n := len(removed); n > 0 && removed[n-1].Reason == r && lastRemovedEnd >= 0 && onlySpace(d.Extracted[lastRemovedEnd:sp.Start]) {
			removed[n-1].End = sp.End
			removed[n-1].Text = d.Extracted[removed[n-1].Start:sp.End]
		} else {
			removed = append(removed, document.Removal{Span: sp, Text: d.Extracted[sp.Start:sp.End], Reason: r})
		}
		lastRemovedEnd = sp.End
	}
	prev := -1 // index of the previous kept unit
	for i, u := range st.units {
		if r := st.reasons[i]; r != "" {
			remove(u.Span, r)
			continue
		}
		pieces := []document.Span{u.Span}
		if ms := st.inline[i]; len(ms) > 0 {
			pieces = pieces[:0]
			at := u.Start
			for _, m := range ms {
				s, e := u.Start+m.start, u.Start+m.end
				if s > at {
					if ps, pe := trimSpan(d.Extracted, at, s); ps < pe {
						pieces = append(pieces, document.Span{Start: ps, End: pe})
					}
				}
				remove(document.Span{Start: s, End: e}, reason(m.code, m.why))
				at = e
			}
			if ps, pe := trimSpan(d.Extracted, at, u.End); ps < pe {
				pieces = append(pieces, document.Span{Start: ps, End: pe})
			}
			if len(pieces) == 0 {
				continue
			}
		}
		if prev >= 0 {
			if d.Format == document.FormatHTML && st.units[prev].para == u.para && i == prev+1 {
				// A line break inside one HTML paragraph: keep it.
				b.WriteByte('\n')
			} else {
				b.WriteString("\n\n")
			}
		}
		for k, p := range pieces {
			if k > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(d.Extracted[p.Start:p.End])
			align.Add(start, b.Len(), p.Start)
		}
		lastRemovedEnd = -1
		prev = i
	}
	if removed == nil {
		removed = []document.Removal{} // "removed": [] rather than null in JSON
	}
	d.Text = b.String()
	d.TextToExtracted = align
	d.Removed = removed
}

// onlySpace reports whether s is empty or white space.
func onlySpace(s string) bool { return strings.TrimSpace(s) == "" }
