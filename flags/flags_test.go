package flags

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

func TestOf(t *testing.T) {
	long := strings.Repeat("The committee heard evidence from engineers about the dam. ", 20)
	cases := []struct {
		name string
		doc  document.Document
		want string
	}{
		{"long article", document.Document{Text: long}, ""},
		{"paywall prompt", document.Document{Text: "Ministers met on Monday. Subscribe to continue reading."}, "paywall"},
		{"paywall prompt alone", document.Document{Text: "Subscribe to continue reading"}, "paywall,stub"},
		{"long text ending in a wall", document.Document{Text: long + " Already a subscriber? Log in."}, "paywall"},
		{"curly apostrophe", document.Document{Text: long + " You\u2019ve reached your limit of free articles."}, "paywall"},
		{"short brief with a sentence", document.Document{Text: "Police said a man was arrested. More to follow."}, ""},
		{"too few words", document.Document{Text: "Page not found."}, "stub"},
		{"headline and caption only", document.Document{Text: "Flood waters reach the old market\n\nWatch: drone footage of the flooded streets"}, "stub"},
		{"extracted used before cleaning", document.Document{Extracted: "To read the full story, sign up"}, "paywall,stub"},
		{"html not yet extracted", document.Document{Format: document.FormatHTML, Raw: "<p>subscribe to read</p>"}, ""},
		{"plain text raw", document.Document{Format: document.FormatText, Raw: "Short note."}, "stub"},
		{"quoted sentence", document.Document{Text: "\u201cWe will rebuild the market,\u201d the mayor said on Sunday.\u201d"}, ""},
		{"structured data says gated, text short", document.Document{Format: document.FormatHTML, Extracted: "The minister resigned on Friday, aides said, after weeks of pressure.",
			Raw: `<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree": "False"}</script>`}, "paywall"},
		{"gated marker but full text present", document.Document{Format: document.FormatHTML, Extracted: long,
			Raw: `<script type="application/ld+json">{"isAccessibleForFree":false}</script>`}, ""},
		{"content tier meta", document.Document{Format: document.FormatHTML, Extracted: "The minister resigned on Friday evening, aides said.",
			Raw: `<meta property="article:content_tier" content="locked">`}, "paywall"},
		{"content tier free", document.Document{Format: document.FormatHTML, Extracted: "The minister resigned on Friday evening, aides said.",
			Raw: `<meta property="article:content_tier" content="free">`}, ""},
		{"story about subscriptions", document.Document{Text: "Subscribers only get the new service, the company said. " + long}, ""},
	}
	for _, c := range cases {
		if got := strings.Join(Of(&c.doc), ","); got != c.want {
			t.Errorf("%s: Of = %q, want %q", c.name, got, c.want)
		}
	}
	d := &document.Document{Text: "Tiny.", Flags: []string{document.FlagStub}}
	New().Annotate(context.Background(), d)
	if strings.Join(d.Flags, ",") != "stub" {
		t.Errorf("Annotate duplicated: %v", d.Flags)
	}
}

// TestFlaggerAfterExtraction runs the step in a flow: it must come after a
// step that provides the extracted layer, and it flags what extraction
// left.
func TestFlaggerAfterExtraction(t *testing.T) {
	fake := pipeline.PerDoc("extract", pipeline.AnnotatorFunc(func(_ context.Context, d *document.Document) error {
		d.Extracted = d.Raw
		return nil
	})).Declare(pipeline.Needs(document.LayerRaw).Gives(document.LayerExtracted))
	flag := pipeline.PerDoc("flags", New())
	var ce *pipeline.ContractError
	if _, err := pipeline.New([]document.Layer{document.LayerRaw}, flag); !errors.As(err, &ce) {
		t.Fatalf("flags before extraction accepted: %v", err)
	}
	p, err := pipeline.New([]document.Layer{document.LayerRaw}, fake, flag)
	if err != nil {
		t.Fatal(err)
	}
	s := document.NewStory()
	s.Add(&document.Document{ID: "wall", Format: document.FormatHTML, Raw: "<p>Subscribe to continue reading</p>"})
	s.Add(&document.Document{ID: "report", Format: document.FormatText, Raw: strings.Repeat("The dam opened on Monday after ten years of work, officials said. ", 3)})
	if err := p.Run(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Docs[0].Flags, ","); got != "paywall,stub" {
		t.Errorf("wall flags %q", got)
	}
	if len(s.Docs[1].Flags) != 0 {
		t.Errorf("report flagged %v", s.Docs[1].Flags)
	}
}

func TestSetAside(t *testing.T) {
	docs := func() []*document.Document {
		return []*document.Document{
			{ID: "a", Text: "one"},
			{ID: "b", Text: "two", Flags: []string{document.FlagStub}},
			{ID: "a", Text: "three"},
		}
	}
	s := document.NewStory()
	SetAside(s, docs(), false)
	var kept []string
	for _, d := range s.Docs {
		kept = append(kept, d.ID)
	}
	if strings.Join(kept, " ") != "a a-2" || len(s.Excluded) != 1 || s.Excluded[0].ID != "b" {
		t.Errorf("kept %v, excluded %d", kept, len(s.Excluded))
	}
	s = document.NewStory()
	SetAside(s, docs(), true)
	if len(s.Docs) != 3 || len(s.Excluded) != 0 {
		t.Errorf("keep: %d kept, %d excluded", len(s.Docs), len(s.Excluded))
	}
}
