package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tokenParagraphs reads the visible text of raw HTML with the streaming
// tokenizer, which builds no tree and so has no depth limit: it is the
// fallback when the tree parser rejects a page (nesting deeper than 512
// elements). Block tags separate paragraphs; script, style and the like are
// skipped.
func tokenParagraphs(raw string) []Paragraph {
	z := html.NewTokenizer(strings.NewReader(raw))
	w := &paraWalker{}
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			w.flush()
			return w.out
		case html.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tt := z.Token()
			a := tt.DataAtom
			if skipTags[a] && tt.Type != html.SelfClosingTagToken {
				if tt.Type == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			switch {
			case a == atom.Br:
				w.newline()
			case blockTags[a]:
				w.flush()
			case a == atom.Td || a == atom.Th:
				w.space()
			}
		}
	}
}
