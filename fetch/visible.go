package fetch

import (
	"strings"

	"github.com/corroborate/corroborate/document"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hiddenElements hold no reader-visible text (or text that changes on
// every load: scripts with tokens, inline styles).
var hiddenElements = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Select: true,
}

// blockElements end a paragraph of visible text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Article: true, atom.Section: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Nav: true, atom.Main: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Figure: true, atom.Figcaption: true,
	atom.Hr: true, atom.Dd: true, atom.Dt: true, atom.Form: true, atom.Body: true,
}

// VisibleText is the text a page shows a reader, one paragraph per block
// element, paragraphs separated by blank lines, spaces collapsed; script,
// style and head content are left out. For a text document it is the text
// itself. History compares versions of a page by this text, so that a new
// session token in a script does not make a new revision.
func VisibleText(d *document.Document) string {
	if d.Format != document.FormatHTML {
		return strings.Join(Paragraphs(d.Raw), "\n\n")
	}
	z := html.NewTokenizer(strings.NewReader(d.Raw))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	hidden := 0 // depth inside hidden elements
	for {
		switch z.Next() {
		case html.ErrorToken: // io.EOF or malformed input: what was read counts
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if hidden == 0 {
				cur.WriteString(string(z.Text()))
				cur.WriteByte(' ')
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Body {
				hidden = 0 // a head left unclosed ends here
			}
			if hiddenElements[a] {
				hidden++
			} else if blockElements[a] && hidden == 0 {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if hiddenElements[a] {
				hidden = max(hidden-1, 0)
			} else if blockElements[a] && hidden == 0 {
				flush()
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if blockElements[atom.Lookup(name)] && hidden == 0 {
				flush()
			}
		}
	}
}
