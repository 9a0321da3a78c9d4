package extract

import (
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rawWindow bounds how far past the last match alignRaw looks for the next
// word, so that a word that also occurs much later (in a footer, a script)
// does not pull the cursor away from the article.
const rawWindow = 4096

// anchorWords is the number of words of a phrase that may move the cursor
// past the search window.
const anchorWords = 4

// textRanges returns the byte ranges of raw that are text content (not
// markup, script or style), in order.
func textRanges(raw string) []document.Span {
	var out []document.Span
	z := html.NewTokenizer(strings.NewReader(raw))
	off, skip := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		n := len(z.Raw())
		switch tt {
		case html.TextToken:
			if skip == 0 {
				out = append(out, document.Span{Start: off, End: off + n})
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); a == atom.Script || a == atom.Style || a == atom.Template {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
		}
		off += n
	}
}

// inText reports whether [start, end) lies inside one text range.
func inText(ranges []document.Span, start, end int) bool {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i].End > start })
	return i < len(ranges) && ranges[i].Start <= start && end <= ranges[i].End
}

// findText returns the first occurrence of s in raw[from:limit] that lies
// in text content, or -1.
func findText(raw, s string, from, limit int, ranges []document.Span) int {
	for from < limit {
		k := strings.Index(raw[from:limit], s)
		if k < 0 {
			return -1
		}
		if src := from + k; inText(ranges, src, src+len(s)) {
			return src
		}
		from += k + 1
	}
	return -1
}

// alignRaw maps the words of text (extracted from HTML) to where the same
// bytes occur in the text content of raw, scanning forward. Words that do
// not occur verbatim near the cursor (decoded entities, reordered blocks)
// stay unmapped, and so do the separators between words. Every segment it
// returns copies equal bytes from a text node of raw.
func alignRaw(text, raw string) document.Alignment {
	ranges := textRanges(raw)
	var al document.Alignment
	cursor := 0
	i := 0
	for i < len(text) {
		for i < len(text) && isSpaceByte(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !isSpaceByte(text[j]) {
			j++
		}
		if j == i {
			break
		}
		word := text[i:j]
		limit := min(len(raw), cursor+rawWindow+len(word))
		if src := findText(raw, word, cursor, limit, ranges); src >= 0 {
			al.Add(i, j, src)
			cursor = src + len(word)
		} else if a := anchorEnd(text, i); a > j {
			// Not near the cursor: jump ahead only to where a phrase of
			// several words occurs verbatim, which a stray word cannot do.
			if src := findText(raw, text[i:a], cursor, len(raw), ranges); src >= 0 {
				al.Add(i, a, src)
				cursor = src + a - i
				j = a
			}
		}
		i = j
	}
	return al
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// anchorEnd returns the end of the phrase of anchorWords words starting at
// i when they are separated by single spaces, or i when there is none.
func anchorEnd(text string, i int) int {
	j := i
	for w := 0; w < anchorWords; w++ {
		if w > 0 {
			if j >= len(text) || text[j] != ' ' {
				return i
			}
			j++
		}
		k := j
		for k < len(text) && !isSpaceByte(text[k]) {
			k++
		}
		if k == j {
			return i
		}
		j = k
	}
	return j
}
