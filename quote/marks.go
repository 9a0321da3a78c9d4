package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// segment is one stretch of quoted words: Open and Close are the spans of
// the marks (Close is empty when the quote runs to the paragraph end
// without a closing mark), Content the words between them.
type segment struct {
	Open, Close document.Span
	Content     document.Span
}

// Outer returns the span from the opening mark to the closing one.
func (s segment) Outer() document.Span {
	end := s.Close.End
	if s.Close.Len() == 0 {
		end = s.Content.End
	}
	return document.Span{Start: s.Open.Start, End: end}
}

func isOpen(r rune) bool  { return r == '“' || r == '«' || r == '„' }
func isClose(r rune) bool { return r == '”' || r == '»' }

// findQuoted returns the quoted stretches of text in order. Curly marks pair
// as open/close; straight double quotes toggle. A quote left open at a
// paragraph end continues when the next paragraph opens with a quote mark
// (the newspaper convention for a quote over several paragraphs), and
// otherwise ends with the paragraph.
func findQuoted(text string, paras []document.Span) []segment {
	var out []segment
	var cur *segment
	for pi, p := range paras {
		i := p.Start
		if cur != nil {
			// Continuing quote: skip the reopening mark of this paragraph.
			r, w := utf8.DecodeRuneInString(text[i:])
			if strings.HasPrefix(text[i:], "''") {
				i += 2
			} else if isOpen(r) || r == '"' {
				i += w
			}
		}
		for i < p.End {
			r, w := utf8.DecodeRuneInString(text[i:])
			if strings.HasPrefix(text[i:], "''") {
				r, w = '"', 2 // two apostrophes stand for a double quote
			}
			switch {
			case cur == nil && (isOpen(r) || r == '"'):
				cur = &segment{Open: document.Span{Start: i, End: i + w}}
			case cur != nil && (isClose(r) || r == '"'):
				cur.Close = document.Span{Start: i, End: i + w}
				cur.Content = trim(text, document.Span{Start: cur.Open.End, End: i}, ",")
				out = append(out, *cur)
				cur = nil
			case cur != nil && isOpen(r):
				// A stray second opening mark: restart here.
				cur = &segment{Open: document.Span{Start: i, End: i + w}}
			}
			i += w
		}
		if cur != nil {
			next := pi+1 < len(paras)
			if next {
				r, _ := utf8.DecodeRuneInString(text[paras[pi+1].Start:])
				next = isOpen(r) || r == '"' || strings.HasPrefix(text[paras[pi+1].Start:], "''")
			}
			if !next {
				cur.Content = trim(text, document.Span{Start: cur.Open.End, End: p.End}, ",")
				out = append(out, *cur)
				cur = nil
			}
		}
	}
	var kept []segment
	for _, s := range out {
		if s.Content.Len() > 0 {
			kept = append(kept, s)
		}
	}
	return kept
}

// wordCount counts space-separated words in s.
func wordCount(s string) int { return len(strings.Fields(s)) }
