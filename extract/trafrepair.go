package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Repairs of go-trafilatura's output that put back the paragraph and line
// breaks it loses (restoreBreaks, repairRescue).
//
// go-trafilatura rescues a main text shorter than 250 characters with a
// baseline pass over the page. That pass reads elements with TextContent,
// which glues the text of block elements together ("…on
// Tuesday.Officials said…"), and on short pages it appends the whole
// page's text after the paragraphs it already found, so every paragraph
// comes twice. The rescue helps on pages the main pass misses (without it
// trafilatura alone loses 0.02 F1 on scrapinghub-aeb), so it is kept and
// its output repaired. Its output has a shape of its own, a body of bare
// <p> elements holding one text node each (rescueShaped); when the
// selection rule chooses such a text, repairRescue splits the glued
// paragraphs. The rule itself sees the text as the rescue returned it: it
// was tuned on that, and the split pieces expose link and teaser blocks
// that the glued text hid, which moves its choice on pages where the
// rescue was the better text.

// maxGlueScans bounds how many paragraphs of one text repairRescue
// matches against the page's blocks (each match reads every block once),
// so that the repair stays linear in the page's size. The rescue glues at
// most a few paragraphs: JSON-LD bodies, the <article>, <blockquote>s, the
// body or the whole page.
const maxGlueScans = 64

// rescueShaped reports whether n, a text's root, has the shape of
// go-trafilatura's rescue output: only <p> children without attributes,
// each holding a single text node.
func rescueShaped(n *html.Node) bool {
	if n == nil || n.FirstChild == nil {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if tagAtom(c) != atom.P || len(c.Attr) > 0 || c.FirstChild == nil ||
				c.FirstChild != c.LastChild || c.FirstChild.Type != html.TextNode {
				return false
			}
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		}
	}
	return true
}

// repairRescue splits each paragraph that is the glued text of several
// blocks of the page at the blocks' boundaries, and drops the pieces that
// repeat a paragraph already kept. The pieces keep the paragraph's own
// bytes; only the breaks between them are new. Paragraphs that are one
// block of the page, or that do not line up with the page's blocks (text
// from JSON-LD, say), are kept as they are.
func repairRescue(paras []Paragraph, doc *html.Node) []Paragraph {
	blocks := paragraphs(doc)
	keys := make([]string, len(blocks))
	whole := make(map[string]bool, len(blocks))
	for i, b := range blocks {
		keys[i] = glueKey(b.Text)
		whole[keys[i]] = true
	}
	title := glueKey(titleText(doc))
	seen := map[string]bool{}
	scans := 0
	var out []Paragraph
	for _, p := range paras {
		k := glueKey(p.Text)
		var cuts []int
		if k != "" && !whole[k] && scans < maxGlueScans {
			scans++
			cuts = gluedCuts(k, title, keys)
		}
		if cuts == nil {
			seen[k] = true
			out = append(out, p)
			continue
		}
		offs := keyOffsets(p.Text)
		for j := 0; j+1 < len(cuts); j++ {
			from, to := cuts[j], cuts[j+1]
			if seen[k[from:to]] {
				continue
			}
			seen[k[from:to]] = true
			out = append(out, Paragraph{Text: p.Text[offs[from] : offs[to-1]+1]})
		}
	}
	return out
}

// gluedCuts matches key against the blocks' keys concatenated in page
// order (blocks may be skipped), optionally after the page title, and
// returns the offsets in key where the matched blocks start, followed by
// len(key); nil when they do not make up key or when key is one block.
// The match is greedy: it takes every block that continues the key.
func gluedCuts(key, title string, keys []string) []int {
	k := 0
	if title != "" && strings.HasPrefix(key, title) && len(key) > len(title) {
		// The page-wide fallback reads <title> too; it is no paragraph.
		k = len(title)
	}
	var cuts []int
	for _, bk := range keys {
		if bk == "" || !strings.HasPrefix(key[k:], bk) {
			continue
		}
		cuts = append(cuts, k)
		k += len(bk)
		if k == len(key) {
			break
		}
	}
	if k != len(key) || len(cuts) < 2 {
		return nil
	}
	return append(cuts, k)
}

// keyOffsets returns, for each byte of glueKey(s), the offset in s of the
// byte it came from (an invalid byte becomes three bytes of U+FFFD in the
// key, all from that byte).
func keyOffsets(s string) []int {
	var offs []int
	for i, r := range s {
		if isGlueSpace(r) {
			continue
		}
		w := 1
		if r != utf8.RuneError {
			w = utf8.RuneLen(r)
		} else if _, n := utf8.DecodeRuneInString(s[i:]); n == 3 {
			w = 3 // a literal U+FFFD
		}
		for j := 0; j < utf8.RuneLen(r); j++ {
			offs = append(offs, i+min(j, w-1))
		}
	}
	return offs
}

// glueKey is s without whitespace: the text of several blocks read with
// TextContent and the same blocks read by paragraphs differ only there.
func glueKey(s string) string {
	return strings.Map(func(r rune) rune {
		if isGlueSpace(r) {
			return -1
		}
		return r
	}, s)
}

// isGlueSpace reports whether r is left out of a glue key: whitespace, and
// the zero-width space that paragraphs treats as one.
func isGlueSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' }

// titleText returns the text of the page's first <title> outside <body>,
// or "".
func titleText(n *html.Node) string {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.ElementNode && tagAtom(c) == atom.Title {
			var sb strings.Builder
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				if k.Type == html.TextNode {
					sb.WriteString(k.Data)
				}
			}
			return sb.String()
		}
		if c.Type == html.ElementNode && tagAtom(c) == atom.Body {
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return ""
}

// restoreBreaks puts back the line breaks go-trafilatura's main pass drops:
// it removes <br> inside a paragraph, so "…Frankfurt.<br><br>Sportdirektor…"
// comes out as "…Frankfurt.Sportdirektor…". For each paragraph that is the
// text of one block of the page, a newline is inserted wherever the block
// has a line break between two characters that the paragraph writes with
// nothing between them. Nothing else changes.
func restoreBreaks(paras []Paragraph, doc *html.Node) []Paragraph {
	var blocks map[string]string
	for i, p := range paras {
		if blocks == nil {
			blocks = map[string]string{}
			for _, b := range paragraphs(doc) {
				if strings.Contains(b.Text, "\n") {
					blocks[glueKey(b.Text)] = b.Text
				}
			}
		}
		b, ok := blocks[glueKey(p.Text)]
		if !ok || b == p.Text {
			continue
		}
		paras[i].Text = insertBreaks(p.Text, b)
	}
	return paras
}

// insertBreaks returns p with a newline added where b (the same text up to
// whitespace) has one between two non-space characters that meet in p.
func insertBreaks(p, b string) string {
	var sb strings.Builder
	j := 0 // offset in b
	prevSpace := true
	for i := 0; i < len(p); {
		r, w := utf8.DecodeRuneInString(p[i:])
		c := p[i : i+w]
		i += w
		if isGlueSpace(r) {
			sb.WriteString(c)
			prevSpace = true
			continue
		}
		// Skip b's whitespace up to the same character, noting a newline.
		nl := false
		for j < len(b) {
			br, n := utf8.DecodeRuneInString(b[j:])
			if !isGlueSpace(br) {
				break
			}
			nl = nl || br == '\n'
			j += n
		}
		if nl && !prevSpace {
			sb.WriteByte('\n')
		}
		if j < len(b) {
			_, n := utf8.DecodeRuneInString(b[j:])
			j += n
		}
		sb.WriteString(c)
		prevSpace = false
	}
	return sb.String()
}
