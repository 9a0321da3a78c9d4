package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags start a new paragraph: text before and after them belongs to
// different paragraphs.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Figure: true, atom.Figcaption: true, atom.Main: true,
	atom.Hr: true, atom.Form: true, atom.Nav: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true,
	atom.Caption: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
}

// skipTags hold no readable text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Head: true, atom.Iframe: true,
	atom.Object: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
}

// Paragraph is one block of extracted text with what the walk learned about
// it: whether it is a heading or list item and how much of it is link text.
type Paragraph struct {
	Text    string
	Heading bool
	Item    bool
	// LinkChars counts the characters of Text that sat inside <a>.
	LinkChars int
}

// paragraphs walks n and returns its blocks: paragraphs, headings, list
// items and table rows each become one paragraph with whitespace collapsed.
// A <br> becomes a newline inside the paragraph. The walk uses an explicit
// stack, so deep trees cannot exhaust the goroutine stack.
func paragraphs(n *html.Node) []Paragraph {
	if n == nil {
		return nil
	}
	w := &paraWalker{}
	type frame struct {
		n     *html.Node
		exit  bool
		link  bool
		block bool
	}
	stack := []frame{{n: n}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.exit {
			w.soft()
			if f.link {
				w.linkDepth--
			}
			if f.block {
				w.flush()
			}
			if a := tagAtom(f.n); a == atom.Td || a == atom.Th {
				w.space()
			}
			continue
		}
		c := f.n
		switch c.Type {
		case html.TextNode:
			w.text(c.Data)
			continue
		case html.ElementNode:
			a := tagAtom(c)
			if skipTags[a] {
				continue
			}
			if a == atom.Br {
				w.newline()
				continue
			}
			block := blockTags[a]
			if block {
				w.flush()
				w.heading = w.heading || isHeading(a)
				w.item = w.item || a == atom.Li
			}
			w.soft()
			link := a == atom.A
			if link {
				w.linkDepth++
			}
			stack = append(stack, frame{n: c, exit: true, link: link, block: block})
		case html.DocumentNode:
		default:
			continue
		}
		// Push children in reverse so the first child is visited first.
		var kids []*html.Node
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			kids = append(kids, k)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{n: kids[i]})
		}
	}
	w.flush()
	return w.out
}

// tagAtom returns n's tag as an atom, also for nodes built by libraries
// that set only Data.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// paraWalker accumulates the text of the current paragraph.
type paraWalker struct {
	out       []Paragraph
	sb        strings.Builder
	pendSpace bool
	pendNL    bool
	pendSoft  bool
	last      rune
	linkDepth int
	linkChars int
	heading   bool
	item      bool
}

func (w *paraWalker) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' {
			w.pendSpace = true
			continue
		}
		if w.sb.Len() > 0 {
			if w.pendNL {
				w.sb.WriteByte('\n')
			} else if w.pendSpace || w.pendSoft && isWordRune(w.last) && isWordRune(r) {
				w.sb.WriteByte(' ')
			}
		}
		w.pendSpace, w.pendNL, w.pendSoft = false, false, false
		w.sb.WriteRune(r)
		w.last = r
		if w.linkDepth > 0 {
			w.linkChars++
		}
	}
}

func (w *paraWalker) space() { w.pendSpace = true }

// soft marks an inline element boundary: libraries that rebuild trees
// (trafilatura) trim the whitespace around inline elements, so two words
// meeting across a boundary are kept apart with a space.
func (w *paraWalker) soft() { w.pendSoft = true }

func isWordRune(r rune) bool   { return unicode.IsLetter(r) || unicode.IsNumber(r) }
func (w *paraWalker) newline() { w.pendNL = true }

func (w *paraWalker) flush() {
	if w.sb.Len() > 0 {
		w.out = append(w.out, Paragraph{Text: w.sb.String(), Heading: w.heading, Item: w.item, LinkChars: w.linkChars})
	}
	w.sb.Reset()
	w.pendSpace, w.pendNL, w.pendSoft = false, false, false
	w.linkChars = 0
	w.heading, w.item = false, false
}

// joinParagraphs renders paragraphs separated by blank lines.
func joinParagraphs(ps []Paragraph) string {
	var sb strings.Builder
	for i, p := range ps {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(p.Text)
	}
	return sb.String()
}
