package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// TestHTMLShortPageParagraphs: on short pages go-trafilatura's rescue
// path returns the text once more with the paragraphs glued together
// ("…on Tuesday.Officials said…"); Extracted must hold each paragraph once,
// separated by "\n\n".
func TestHTMLShortPageParagraphs(t *testing.T) {
	ex := newTestExtractor(t, Options{})
	short := []string{
		"Flood waters rose on Tuesday.",
		"Officials said the river would peak.",
		"Roads stay closed.",
	}
	// Long enough for trafilatura's <article> rescue (over 100
	// characters) but under its 250-character extraction minimum.
	medium := []string{
		"Flood waters rose across Kelvale on Tuesday.",
		"Officials said the river would peak late on Thursday.",
		"Roads to the northern villages stay closed.",
		"Two school halls are open as shelters.",
	}
	ps := func(paras []string, sep string) string {
		return "<p>" + strings.Join(paras, "</p>"+sep+"<p>") + "</p>"
	}
	tests := []struct {
		name  string
		raw   string
		paras []string
	}{
		{"bare paragraphs", "<html><body>" + ps(short, "") + "</body></html>", short},
		{"no html element", ps(short[:2], ""), short[:2]},
		{"with a head title", "<html><head><title>Floods</title></head><body>" + ps(short, "") + "</body></html>", short},
		{"newlines between", "<html><body>\n" + ps(short, "\n") + "\n</body></html>", short},
		{"in an article", "<html><body><article>" + ps(medium, "") + "</article></body></html>", medium},
		{"in an article with a title", "<html><head><title>Kelvale floods</title></head><body><main><article>" + ps(medium, "\n") + "</article></main><footer><p>© Courier</p></footer></body></html>", medium},
		{"in divs", "<html><body><div class=\"story\">" + ps(medium, "") + "</div></body></html>", medium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &document.Document{Source: "short.html", Format: document.FormatHTML, Raw: tt.raw}
			if err := ex.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if want := strings.Join(tt.paras, "\n\n"); d.Extracted != want {
				t.Errorf("Extracted\n%q\nwant\n%q", d.Extracted, want)
			}
			checkRawAlignment(t, d)
		})
	}
}
