package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Features are what the selection rule knows about one candidate text.
type Features struct {
	// Words is the number of word tokens.
	Words int
	// Paras is the number of paragraphs.
	Paras int
	// LinkShare is the share of characters that are link text (inside <a>
	// in the candidate, or a paragraph equal to a link text of the page).
	LinkShare float64
	// Teaser is the share of paragraphs that are short link headlines, the
	// mark of a block of "related story" cards.
	Teaser float64
	// Comments is the share of paragraphs that look like reader comments.
	Comments float64
	// Agreement is the best shingle F1 with another candidate.
	Agreement float64
	// Title is the share of the page title's words found in the text.
	Title float64
}

// pageLinks collects the whitespace-normalized texts of the page's links.
func pageLinks(doc *html.Node) map[string]bool {
	links := map[string]bool{}
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && tagAtom(n) == atom.A {
			if t := normSpace(subtreeText(n)); len([]rune(t)) >= 3 {
				links[t] = true
			}
			continue
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return links
}

// subtreeText concatenates the text nodes under n (without script or style).
func subtreeText(n *html.Node) string {
	var sb strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c.Type {
		case html.TextNode:
			sb.WriteString(c.Data)
			sb.WriteByte(' ')
			continue
		case html.ElementNode:
			if skipTags[tagAtom(c)] {
				continue
			}
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return sb.String()
}

// normSpace collapses whitespace runs to one space and trims.
func normSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// wordTokens splits s into lower-cased runs of letters and digits.
func wordTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r))
	})
}

// commentMarkers are phrases that mark a reader comment paragraph.
var commentMarkers = []string{
	"reply", "says:", "said:", "wrote:", "commented", "report abuse", "report comment",
	"log in to reply", "like reply", "upvote", "flag as inappropriate",
}

// features measures candidate c (links: the page's link texts).
func features(c *candidate, links map[string]bool) Features {
	f := Features{Paras: len(c.paras)}
	var chars, linkChars, teasers, comments int
	for _, p := range c.paras {
		n := len([]rune(p.Text))
		chars += n
		words := len(wordTokens(p.Text))
		f.Words += words
		lc := p.LinkChars
		isLink := links[normSpace(p.Text)]
		if isLink {
			lc = n
		}
		linkChars += min(lc, n)
		if (isLink || lc*2 > n) && words <= 25 && !p.Heading {
			teasers++
		}
		if words <= 40 && hasCommentMarker(p.Text) {
			comments++
		}
	}
	if chars > 0 {
		f.LinkShare = float64(linkChars) / float64(chars)
	}
	if f.Paras > 0 {
		f.Teaser = float64(teasers) / float64(f.Paras)
		f.Comments = float64(comments) / float64(f.Paras)
	}
	return f
}

func hasCommentMarker(s string) bool {
	l := strings.ToLower(s)
	for _, m := range commentMarkers {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// titleShare is the share of the title's words (3+ letters) found in text.
func titleShare(title string, tokens map[string]int) float64 {
	var n, hit int
	for _, w := range wordTokens(title) {
		if len([]rune(w)) < 3 {
			continue
		}
		n++
		if tokens[w] > 0 {
			hit++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hit) / float64(n)
}

// shingleSet counts the 4-token shingles of a token list.
func shingleSet(tokens []string) map[string]int {
	m := map[string]int{}
	for i := 0; i+4 <= len(tokens); i++ {
		m[strings.Join(tokens[i:i+4], " ")]++
	}
	if len(tokens) > 0 && len(tokens) < 4 {
		m[strings.Join(tokens, " ")]++
	}
	return m
}

// shingleF1 is the F1 of shingle multiset overlap between a and b.
func shingleF1(a, b map[string]int) float64 {
	var na, nb, both int
	for k, c := range a {
		na += c
		both += min(c, b[k])
	}
	for _, c := range b {
		nb += c
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(both) / float64(na+nb)
}
