package clean

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestBuildText(t *testing.T) {
	cases := []struct {
		name      string
		format    document.Format
		extracted string
		want      string
	}{
		{name: "empty", format: document.FormatText, extracted: "", want: ""},
		{name: "blank only", format: document.FormatText, extracted: "\n \n\t\n", want: ""},
		{name: "text lines become paragraphs", format: document.FormatText, extracted: "  First line.  \nSecond line.\n\n\nThird.", want: "First line.\n\nSecond line.\n\nThird."},
		{name: "html keeps single breaks inside a paragraph", format: document.FormatHTML, extracted: "Line one\nline two\n\nNext paragraph.", want: "Line one\nline two\n\nNext paragraph."},
		{name: "html break around a removed line", format: document.FormatHTML, extracted: "Line one\nAdvertisement\nline two", want: "Line one\n\nline two"},
		{name: "hard-wrapped paragraph stays one piece", format: document.FormatText,
			extracted: "The river authority said on Tuesday that water\nlevels at the northern gauge had risen, the\nministry said. (AP)\n\nNext.",
			want:      "The river authority said on Tuesday that water\nlevels at the northern gauge had risen, the\nministry said. (AP)\n\nNext."},
		{name: "separate single-line paragraphs", format: document.FormatText, extracted: "First one.\nSecond one.\nThird one.", want: "First one.\n\nSecond one.\n\nThird one."},
		{name: "crlf", format: document.FormatText, extracted: "One.\r\n\r\nTwo.\r\n", want: "One.\n\nTwo."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := &document.Document{ID: "t", Format: tc.format, Extracted: tc.extracted}
			New(Options{}).Clean(d, nil)
			if d.Text != tc.want {
				t.Errorf("Text = %q, want %q", d.Text, tc.want)
			}
			checkInvariants(t, d)
		})
	}
}

func TestAlignmentMapsBack(t *testing.T) {
	d := docWith("", "", "Advertisement", "4 min read")
	New(Options{}).Clean(d, nil)
	i := strings.Index(d.Text, paraAfter)
	src, ok := d.TextToExtracted.Map(i)
	if !ok || !strings.HasPrefix(d.Extracted[src:], paraAfter) {
		t.Fatalf("offset %d of Text maps to %d (%v), not to the paragraph in Extracted", i, src, ok)
	}
	if len(d.Removed) != 2 {
		t.Errorf("removed %d pieces, want 2: %+v", len(d.Removed), d.Removed)
	}
}

func TestDisable(t *testing.T) {
	d := docWith("", "", "4 min read")
	New(Options{Disable: []string{CodeReadTime}}).Clean(d, nil)
	if len(d.Removed) != 0 {
		t.Errorf("disabled rule still removed %+v", d.Removed)
	}
}

func TestCleanStoryErrors(t *testing.T) {
	c := New(Options{})
	if err := c.CleanStory(context.Background(), nil); err == nil || !strings.Contains(err.Error(), "nil") {
		t.Errorf("nil story: err = %v", err)
	}
	if err := c.Index().Link(context.Background(), nil); err == nil || !strings.Contains(err.Error(), "nil") {
		t.Errorf("index over a nil story: err = %v", err)
	}
	withNil := &document.Story{Docs: []*document.Document{docWith("", ""), nil}}
	if err := c.CleanStory(context.Background(), withNil); err == nil || !strings.Contains(err.Error(), "document 2 is nil") {
		t.Errorf("nil document: err = %v", err)
	}
	if withNil.Docs[0].Text != "" {
		t.Error("a story with a nil document was partly cleaned")
	}
	s := document.NewStory()
	s.Add(docWith("", ""))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.CleanStory(ctx, s); err == nil || !strings.Contains(err.Error(), "cleaning story") {
		t.Errorf("cancelled: err = %v", err)
	}
	if err := c.Annotate(context.Background(), nil); err == nil {
		t.Error("Annotate(nil) gave no error")
	}
	c.Clean(nil, nil) // must not panic
}

func TestTextWithoutExtracted(t *testing.T) {
	d := &document.Document{ID: "t", Text: paraBefore + "\n\nAdvertisement"}
	New(Options{}).Clean(d, nil)
	if d.Text != paraBefore || d.Extracted == "" {
		t.Errorf("Text = %q, Extracted = %q; want the body cleaned, not wiped", d.Text, d.Extracted)
	}
	checkInvariants(t, d)
}
