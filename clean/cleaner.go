package clean

import (
	"context"
	"errors"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"log/slog"
	"strings"

	"github.com/corroborate/corroborate/document"
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

// Cleaner removes boilerplate from documents. It is safe for concurrent use.
type Cleaner struct {
	opts     Options
	disabled map[string]bool
	log      *slog.Logger
}

// New returns a cleaner with the given options.
func New(opts Options) *Cleaner {
	c := &Cleaner{opts: opts, disabled: map[string]bool{}, log: opts.Logger}
	for _, code := range opts.Disable {
		c.disabled[code] = true
	}
	if c.log == nil {
		c.log = slog.Default()
	}
	return c
}

// Link cleans every document of the story, using the other documents of the
// same outlet as evidence for lines an outlet repeats on every page, and
// then rebases the story (document texts changed length).
func (c *Cleaner) Link(ctx context.Context, s *document.Story) error {
	if s == nil {
		return errors.New("cleaning story: story is nil")
	}
	idx := newRepeatIndex(s.Docs)
	// Documents are cleaned independently once the repeat index is built,
	// so they are spread over the processors. A nil document stops the
	// run there, as if cleaned in order.
	n := len(s.Docs)
	var nilErr error
	for i, d := range s.Docs {
		if d == nil {
			n, nilErr = i, fmt.Errorf("cleaning story: document %d is nil", i+1)
			break
		}
	}
	if err := forEachDoc(ctx, n, func(i int) { c.clean(s.Docs[i], idx.lookup(i)) }); err != nil {
		return fmt.Errorf("cleaning story of %d documents: %w", len(s.Docs), err)
	}
	if nilErr != nil {
		return nilErr
	}
	return nil
}

// Annotate cleans one document without cross-document evidence, so that
// the cleaner can also run as a per-document pipeline stage.
func (c *Cleaner) Annotate(ctx context.Context, d *document.Document) error {
	if d == nil {
		return errors.New("cleaning document: document is nil")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("cleaning %s: %w", d.Source, err)
	}
	c.Clean(d, nil)
	return nil
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
	for _, r := range rules {
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
}

// build writes the cleaned text, its alignment and the removals.
func build(d *document.Document, st *state) {
	var b strings.Builder
	b.Grow(len(d.Extracted))
	var align document.Alignment
	var removed []document.Removal
	prev := -1 // index of the previous kept unit
	for i, u := range st.units {
		if r := st.reasons[i]; r != "" {
			if n := len(removed); n > 0 && removed[n-1].Reason == r && lastRemovedBefore(st, i) {
				removed[n-1].End = u.End
				removed[n-1].Text = d.Extracted[removed[n-1].Start:u.End]
				continue
			}
			removed = append(removed, document.Removal{Span: u.Span, Text: u.text, Reason: r})
			continue
		}
		if prev >= 0 {
			if d.Format == document.FormatHTML && st.units[prev].para == u.para && i == prev+1 {
				// A line break inside one HTML paragraph: keep it.
				b.WriteByte('\n')
			} else {
				b.WriteString("\n\n")
			}
		}
		start := b.Len()
		b.WriteString(u.text)
		align.Add(start, b.Len(), u.Start)
		prev = i
	}
	if removed == nil {
		removed = []document.Removal{} // "removed": [] rather than null in JSON
	}
	d.Text = b.String()
	d.TextToExtracted = align
	d.Removed = removed
}

// lastRemovedBefore reports whether unit i-1 exists and was removed, so
// that a removal at i can extend the previous one.
func lastRemovedBefore(st *state, i int) bool { return i > 0 && st.reasons[i-1] != "" }

// Contract declares the layers the stage reads and writes.
func (x *Cleaner) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted).Gives(document.LayerRepeats, document.LayerText)
}
