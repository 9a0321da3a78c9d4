package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

func newTestExtractor(t testing.TB, opts Options) *Extractor {
	t.Helper()
	ex, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func TestHTMLArticle(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	tests := []struct {
		name            string
		cards, comments int
	}{
		{"plain", 0, 0},
		{"with teaser cards", 40, 0},
		{"with comments", 0, 25},
		{"with both", 60, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &document.Document{Source: "fixture.html", Format: document.FormatHTML, Raw: articlePage(tt.cards, tt.comments)}
			if err := ex.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for _, p := range storyParagraphs {
				if !strings.Contains(d.Extracted, p) {
					t.Errorf("paragraph missing from Extracted: %q", p[:40])
				}
			}
			for _, junk := range []string{"harbour district", "stay safe everyone", "All rights reserved", "Opinion"} {
				if strings.Contains(d.Extracted, junk) {
					t.Errorf("Extracted keeps boilerplate %q", junk)
				}
			}
			// Paragraphs stay apart.
			if !strings.Contains(d.Extracted, storyParagraphs[0]+"\n\n"+storyParagraphs[1]) {
				t.Errorf("paragraphs not separated by a blank line:\n%s", d.Extracted)
			}
			if d.Title != "Floods force thousands from homes in Kelvale" {
				t.Errorf("title %q", d.Title)
			}
			if d.Outlet != "Riverside Courier" || d.OutletSource != sourceHTMLMeta {
				t.Errorf("outlet %q (%s)", d.Outlet, d.OutletSource)
			}
			if len(d.Authors) != 1 || d.Authors[0] != "Nadia Volk" {
				t.Errorf("authors %q", d.Authors)
			}
			if d.Published.Value != "2021-10-12" || d.Published.Source != sourceHTMLMeta {
				t.Errorf("published %+v", d.Published)
			}
			if d.Updated.Value != "2021-10-14" {
				t.Errorf("updated %+v", d.Updated)
			}
			if d.Language != "en" {
				t.Errorf("language %q", d.Language)
			}
			if d.URL != "https://www.riversidecourier.example/news/kelvale-floods" {
				t.Errorf("url %q", d.URL)
			}
			checkRawAlignment(t, d)
		})
	}
}

func TestHTMLOutletFromURL(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	page := "<html><body><article>" + strings.Repeat("<p>"+storyParagraphs[0]+"</p>", 1) +
		"<p>" + strings.Join(storyParagraphs[1:], "</p><p>") + "</p></article></body></html>"
	d := &document.Document{Source: "https://www.kelvale-gazette.example/a/1", Format: document.FormatHTML, Raw: page}
	if err := ex.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Outlet != "kelvale-gazette.example" || d.OutletSource != sourceURL {
		t.Errorf("outlet %q (%s), want the domain from the URL", d.Outlet, d.OutletSource)
	}
}

// TestHTMLHostile feeds pages that break naive parsers: they must give an
// error or text, never a panic, and finish quickly.
func TestHTMLHostile(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	full := articlePage(5, 5)
	tests := []struct {
		name    string
		raw     string
		wantErr bool
		want    string
	}{
		{"empty", "", true, ""},
		{"blank", "  \n\t", true, ""},
		{"truncated", full[:len(full)/2], false, storyParagraphs[0]},
		{"deep divs", "<html><body>" + strings.Repeat("<div>", 100000) + "deep text here", true, "deep text here"},
		{"deep inline", "<html><body>" + strings.Repeat("<b><i>", 50000) + "bold text", true, "bold text"},
		{"unclosed tags", "<html><body><p>one<p>two<table><tr><td>three", false, "three"},
		{"not html", "just a sentence without markup that goes on for a while.", false, "just a sentence"},
		{"binary junk", "\x00\x01\x02<\xff\xfe>", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &document.Document{Source: tt.name + ".html", Format: document.FormatHTML, Raw: tt.raw}
			start := time.Now()
			err := ex.Annotate(context.Background(), d)
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("took %v", took)
			}
			if tt.wantErr && err == nil {
				t.Errorf("no error")
			}
			if err != nil && !strings.Contains(err.Error(), d.Source) {
				t.Errorf("error %q does not name the input", err)
			}
			if tt.want != "" && !strings.Contains(d.Extracted, tt.want) {
				t.Errorf("Extracted %q lacks %q", trimFor(d.Extracted), tt.want)
			}
		})
	}
}

func trimFor(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

func TestAnnotateBadInput(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	if err := ex.Annotate(context.Background(), nil); err == nil {
		t.Error("nil document: no error")
	}
	d := &document.Document{Source: "x.bin", Format: "pdf", Raw: "%PDF"}
	if err := ex.Annotate(context.Background(), d); err == nil || !strings.Contains(err.Error(), "x.bin") {
		t.Errorf("unknown format: error %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d = &document.Document{Source: "y.txt", Format: document.FormatText, Raw: "text"}
	if err := ex.Annotate(ctx, d); err == nil {
		t.Error("cancelled context: no error")
	}
}

// TestHTMLDivSoup: on a page without <p> trafilatura falls back to one flat
// paragraph; the rule must pick a structured candidate and end the text at
// the comment section.
func TestHTMLDivSoup(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	for _, n := range []int{3, 30} {
		d := &document.Document{Source: "soup.html", Format: document.FormatHTML, Raw: soupPage(n)}
		if err := ex.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, p := range storyParagraphs {
			if !strings.Contains(d.Extracted, "\n\n"+p) && !strings.HasPrefix(d.Extracted, p) {
				t.Errorf("comments=%d: paragraph %q not kept as its own paragraph", n, p[:30])
			}
		}
		if strings.Contains(d.Extracted, "lived in this valley") {
			t.Errorf("comments=%d: reader comments kept", n)
		}
	}
}

// checkRawAlignment checks that d.ExtractedToRaw copies equal bytes and
// covers most of the words.
func checkRawAlignment(t *testing.T, d *document.Document) {
	t.Helper()
	covered := 0
	for _, sg := range d.ExtractedToRaw {
		n := sg.End - sg.Start
		if sg.Start < 0 || sg.End > len(d.Extracted) || sg.Src < 0 || sg.Src+n > len(d.Raw) ||
			d.Extracted[sg.Start:sg.End] != d.Raw[sg.Src:sg.Src+n] {
			t.Fatalf("segment %+v does not copy equal bytes", sg)
		}
		covered += n
	}
	words := len(strings.ReplaceAll(strings.ReplaceAll(d.Extracted, " ", ""), "\n", ""))
	if covered*10 < words*9 {
		t.Errorf("alignment covers %d of %d word bytes", covered, words)
	}
}
