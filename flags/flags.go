// Package flags marks documents that are not reports: pages behind a
// paywall or registration wall (the prompt instead of the article, or
// structured data declaring gated content over a short text) and stubs
// too short to report anything. It applies to every document, fetched,
// archived or local, once extraction has run: Flagger is the per-document
// step (extracted → flags), and SetAside gathers the unflagged documents
// into a story and the flagged ones into Story.Excluded.
package flags

import (
	"context"
	"regexp"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// Stub thresholds: a text of fewer than StubWords words is a stub, and so
// is one of fewer than StubFragmentWords words without a single complete
// sentence (a headline, a caption, "Watch the video"). Short wire briefs
// with whole sentences are reporting and stay unflagged.
const (
	StubWords         = 8
	StubFragmentWords = 30
)

// paywallPhrases are lower-case prompts that replace an article's text
// behind a paywall or registration wall.
var paywallPhrases = []string{
	"subscribe to continue reading",
	"subscribe to keep reading",
	"subscribe to read",
	"to continue reading, subscribe",
	"to continue reading, please subscribe",
	"continue reading with a subscription",
	"to read the full story",
	"to read the full article",
	"to read this article in full",
	"already a subscriber",
	"already have an account? log in",
	"this article is for subscribers",
	"this content is for subscribers",
	"available to subscribers only",
	"exclusive to subscribers",
	"subscribers only",
	"for subscribers only",
	"become a subscriber",
	"sign in to continue reading",
	"log in to continue reading",
	"create a free account to continue",
	"register to continue reading",
	"you have reached your limit of free articles",
	"you've reached your limit of free articles",
	"you have reached the limit of free articles",
	"you've used all your free articles",
	"start your subscription",
	"unlock this article",
}

// Of returns the document flags the text of d earns: document.FlagPaywall
// when it carries a subscription prompt, document.FlagStub when it is too
// short to be a report (see StubWords). It judges the cleaned Text, else
// Extracted, else the Raw of a plain-text document; an HTML document not yet
// extracted earns no flags. A paywall prompt in a text of over 150 words
// counts only in its last 600 bytes, where walls sit, so that an article
// about subscriptions is not flagged. An HTML page that declares gated
// content in its structured data (isAccessibleForFree false,
// article:content_tier locked or metered) is paywalled when its text has at
// most 150 words.
func Of(d *document.Document) []string {
	text := d.Text
	if text == "" {
		text = d.Extracted
	}
	if text == "" && d.Format != document.FormatHTML {
		text = d.Raw
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var flags []string
	words := len(strings.Fields(text))
	if d.Format == document.FormatHTML && words <= 150 && markedPaywalled(d.Raw) {
		flags = append(flags, document.FlagPaywall)
	}
	lower := strings.ToLower(strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u00a0", " ").Replace(text))
	zone := lower
	if words > 150 {
		// Only the last 600 bytes of a long text.
		if i := len(lower) - 600; i > 0 {
			zone = lower[i:]
		}
	}
	for _, p := range paywallPhrases {
		if len(flags) == 0 && strings.Contains(zone, p) {
			flags = append(flags, document.FlagPaywall)
			break
		}
	}
	if words < StubWords || (words < StubFragmentWords && !hasSentence(text)) {
		flags = append(flags, document.FlagStub)
	}
	return flags
}

// paywallMarkers are machine-readable declarations of gated content:
// schema.org isAccessibleForFree=false (the structured data search engines
// ask paywalled publishers for) and the article:content_tier meta tag.
var paywallMarkers = []*regexp.Regexp{
	regexp.MustCompile(`(?i)"isAccessibleForFree"\s*:\s*"?false`),
	regexp.MustCompile(`(?i)itemprop=["']?isAccessibleForFree["']?\s+content=["']?false`),
	regexp.MustCompile(`(?i)<meta[^>]+(?:property|name)=["']article:content_tier["'][^>]+content=["'](?:locked|metered)`),
}

// markedPaywalled reports whether a page declares its content gated. Such
// pages often still carry the full text (for search engines), so Of
// trusts the marker only when the extracted text is short.
func markedPaywalled(raw string) bool {
	if len(raw) > 2<<20 {
		raw = raw[:2<<20]
	}
	for _, re := range paywallMarkers {
		if re.MatchString(raw) {
			return true
		}
	}
	return false
}

// hasSentence reports whether text holds a complete sentence: at least
// three words followed by a full stop, question or exclamation mark
// (closing quotes allowed).
func hasSentence(text string) bool {
	n := 0
	for _, w := range strings.Fields(text) {
		n++
		w = strings.TrimRight(w, "\"'\u201d\u2019)")
		if n >= 3 && (strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?")) {
			return true
		}
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") {
			n = 0
		}
	}
	return false
}

// Flagger is the per-document step that flags paywalled and stub pages.
type Flagger struct{}

// New returns the flagging step.
func New() *Flagger { return &Flagger{} }

// Annotate adds Of(d) to d.Flags (without duplicates).
func (*Flagger) Annotate(_ context.Context, d *document.Document) error {
	for _, f := range Of(d) {
		if !d.HasFlag(f) {
			d.Flags = append(d.Flags, f)
		}
	}
	return nil
}

// Contract declares the layers the step reads and writes: it judges the
// extracted text (or the cleaned text when it runs later) and writes Flags.
func (*Flagger) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted).Gives(document.LayerFlags)
}

// SetAside adds docs to s in order, except flagged documents, which go to
// s.Excluded instead, unless keep is set (the user asked to analyse them
// too). It is the step from flagged documents to a story (layers flags →
// story).
func SetAside(s *document.Story, docs []*document.Document, keep bool) {
	for _, d := range docs {
		if len(d.Flags) > 0 && !keep {
			s.Excluded = append(s.Excluded, d)
			continue
		}
		s.Add(d)
	}
}
