package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestRepairRescue(t *testing.T) {
	page := `<html><head><title>Kelvale floods</title></head><body><nav><a href="/">Home</a></nav><article><h1>Floods in Kelvale</h1><p>Flood waters rose on Tuesday.</p><p>Officials said the river would <b>peak</b> soon.</p></article><footer>© Courier</footer></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	p := func(s string) Paragraph { return Paragraph{Text: s} }
	tests := []struct {
		name string
		in   []Paragraph
		want []string
	}{
		{"one block each: unchanged",
			[]Paragraph{p("Flood waters rose on Tuesday."), p("Officials said the river would peak soon.")},
			[]string{"Flood waters rose on Tuesday.", "Officials said the river would peak soon."}},
		{"glued article split by block",
			[]Paragraph{p("Floods in KelvaleFlood waters rose on Tuesday.Officials said the river would peak soon.")},
			[]string{"Floods in Kelvale", "Flood waters rose on Tuesday.", "Officials said the river would peak soon."}},
		{"page text after the paragraphs: repeats dropped, title skipped",
			[]Paragraph{p("Flood waters rose on Tuesday."), p("Officials said the river would peak soon."),
				p("Kelvale floodsHomeFloods in KelvaleFlood waters rose on Tuesday.Officials said the river would peak soon.© Courier")},
			[]string{"Flood waters rose on Tuesday.", "Officials said the river would peak soon.", "Home", "Floods in Kelvale", "© Courier"}},
		{"pieces keep the paragraph's own spacing",
			[]Paragraph{p("Flood  waters rose on Tuesday .Officials said the river would peak soon .")},
			[]string{"Flood  waters rose on Tuesday .", "Officials said the river would peak soon ."}},
		{"text not on the page (JSON-LD): unchanged",
			[]Paragraph{p("An article body that only the JSON-LD holds.")},
			[]string{"An article body that only the JSON-LD holds."}},
		{"glued text with a word the page lacks: unchanged",
			[]Paragraph{p("Flood waters rose on Tuesday.Officials said the river would peak tonight.")},
			[]string{"Flood waters rose on Tuesday.Officials said the river would peak tonight."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := repairRescue(tt.in, doc)
			var got []string
			for _, q := range out {
				got = append(got, q.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRepairRescueBytes: pieces are cut from the paragraph's bytes, also
// around invalid UTF-8 and U+FFFD.
func TestRepairRescueBytes(t *testing.T) {
	page := "<html><body><p>caf\xe9 one</p><p>\ufffd two</p><p>three \xff</p></body></html>"
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	out := repairRescue([]Paragraph{{Text: "caf\xe9 one\ufffd two three \xff"}}, doc)
	var got []string
	for _, q := range out {
		got = append(got, q.Text)
	}
	want := []string{"caf\xe9 one", "\ufffd two", "three \xff"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRescueShaped(t *testing.T) {
	tests := []struct {
		body string
		want bool
	}{
		{"<p>one</p><p>two</p>", true},
		{"<p>one</p>\n<p>two</p>", true},
		{"<p>one <b>two</b></p>", false},
		{`<p class="x">one</p>`, false},
		{"<h2>one</h2><p>two</p>", false},
		{"loose text<p>two</p>", false},
		{"", false},
	}
	for _, tt := range tests {
		nodes, err := html.ParseFragment(strings.NewReader(tt.body), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil {
			t.Fatal(err)
		}
		root := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		for _, n := range nodes {
			root.AppendChild(n)
		}
		if got := rescueShaped(root); got != tt.want {
			t.Errorf("rescueShaped(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}

func TestInsertBreaks(t *testing.T) {
	tests := []struct{ p, b, want string }{
		{"Frankfurt.Sportdirektor Hübner", "Frankfurt.\nSportdirektor Hübner", "Frankfurt.\nSportdirektor Hübner"},
		{"one two", "one\ntwo", "one two"},      // already apart
		{"a.b.c", "a.\n b.c", "a.\nb.c"},        // spaces around the break
		{"x\xffy", "x\xff\ny", "x\xff\ny"},      // invalid bytes kept as they are
		{"same text", "same text", "same text"}, // nothing to do
		{"end.", "end.\n", "end."},              // no break after the last character
		{"caf\u00e9Bar", "caf\u00e9\nBar", "caf\u00e9\nBar"},
	}
	for _, tt := range tests {
		if got := insertBreaks(tt.p, tt.b); got != tt.want {
			t.Errorf("insertBreaks(%q, %q) = %q, want %q", tt.p, tt.b, got, tt.want)
		}
	}
}

// TestHTMLLineBreaks: go-trafilatura's main pass drops <br> inside a
// paragraph; the line break comes back instead of gluing two sentences.
func TestHTMLLineBreaks(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	page := "<html><body><article><h1>Floods in Kelvale</h1><p>" + storyParagraphs[0] + "<br /><br /><strong>Mayor Ilsa Brennt</strong>: " + storyParagraphs[1] + "</p>"
	for _, p := range storyParagraphs[2:] {
		page += "<p>" + p + "</p>"
	}
	page += "</article></body></html>"
	d := &document.Document{Source: "br.html", Format: document.FormatHTML, Raw: page}
	if err := ex.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Extracted, "before dawn.\nMayor Ilsa Brennt") {
		t.Errorf("line break lost:\n%s", d.Extracted)
	}
	checkExtraction(t, d)
}
