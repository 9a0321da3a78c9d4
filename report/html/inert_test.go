package html

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/corroborate/corroborate/document"
	fx "github.com/corroborate/corroborate/report/internal/fixture"
	"github.com/corroborate/corroborate/report/reporttest"
)

// TestPayloadsInert writes a story with each hostile payload in every field
// and checks the page as reporttest.HTMLProblems does: only the page's own
// hashed script and style, no loading element, event handler or link off
// the page, and no bidi control outside a balanced <bdi>.
func TestPayloadsInert(t *testing.T) {
	all := strings.Join(reporttest.Payloads, "\n")
	for _, p := range append(reporttest.Payloads, all) {
		page := render(t, fx.Hostile(p))
		for _, prob := range reporttest.HTMLProblems([]byte(page)) {
			t.Errorf("payload %.40q: %s", p, prob)
		}
	}
}

// TestBidiTitle checks that a right-to-left override in a title is
// isolated where the title is shown as text and dropped where it cannot
// be isolated (the window title, attributes), and that the text is kept.
func TestBidiTitle(t *testing.T) {
	title := "Fire \u202Eeralb at depot"
	s := document.NewStory()
	s.Add(&document.Document{ID: "x", Title: title, Text: "Some text."})
	page := render(t, s)
	for _, prob := range reporttest.HTMLProblems([]byte(page)) {
		t.Error(prob)
	}
	root := parse(t, page)
	var h1, win string
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "h1" {
			h1 = textOf(n)
			if n.FirstChild == nil || n.FirstChild.Data != "bdi" {
				t.Errorf("h1 text not in <bdi>")
			}
		}
		if n.Type == xhtml.ElementNode && n.Data == "title" && n.Parent.Data == "head" {
			win = textOf(n)
		}
	})
	if h1 != title+"\u202C" {
		t.Errorf("h1 %q, want the title with its override closed", h1)
	}
	if win != "Fire eralb at depot" {
		t.Errorf("window title %q, want the override dropped", win)
	}
}
