package html

import (
	"fmt"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

// citeView is one clickable citation.
type citeView struct {
	Doc   int // document index, -1 when the citation is broken
	Start int
	End   int
	Href  string
	Label string // shown text, e.g. "2"
	Title string // hover text: document and the cited passage
}

// citer turns citations into links and remembers every cited boundary per
// document so the articles are cut there.
type citer struct {
	o      *report.Output
	bounds []map[int]bool
}

func newCiter(o *report.Output) *citer {
	c := &citer{o: o, bounds: make([]map[int]bool, len(o.Documents))}
	for i := range o.Documents {
		c.bounds[i] = map[int]bool{}
	}
	return c
}

func anchorID(doc, start int) string { return fmt.Sprintf("c-%d-%d", doc, start) }

// cite returns the view of citation ct; a citation naming an unknown
// document or lying outside its text is shown as broken.
func (c *citer) cite(ct document.Citation) citeView {
	i := c.o.DocIndex(ct.Doc)
	if i < 0 {
		return citeView{Doc: -1, Label: "?", Title: fmt.Sprintf("broken citation: unknown document %q", ct.Doc)}
	}
	label := docLabel(i)
	d := &c.o.Documents[i]
	sp := document.Span{Start: ct.Start, End: ct.End}
	if !sp.Valid(len(d.Text)) {
		return citeView{Doc: -1, Label: "?", Title: fmt.Sprintf("broken citation: [%d,%d) outside %q", ct.Start, ct.End, ct.Doc)}
	}
	c.bounds[i][ct.Start] = true
	c.bounds[i][ct.End] = true
	return citeView{
		Doc: i, Start: ct.Start, End: ct.End,
		Href:  "#" + anchorID(i, ct.Start),
		Label: label,
		Title: fmt.Sprintf("%s [%d,%d): %s", d.ID, ct.Start, ct.End, clip(d.Text[ct.Start:ct.End], 160)),
	}
}

func (c *citer) cites(cts []document.Citation) []citeView {
	out := make([]citeView, 0, len(cts))
	for _, ct := range cts {
		out = append(out, c.cite(ct))
	}
	return out
}

// docLabel is the short name of document i in tables and citations: S1, S2…
func docLabel(i int) string { return fmt.Sprintf("S%d", i+1) }

// clip shortens s to at most n runes on one line.
func clip(s string, n int) string {
	r := []rune(oneLine(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
