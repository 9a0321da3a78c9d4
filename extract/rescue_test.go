package extract

import (
	"strings"
	"testing"

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
