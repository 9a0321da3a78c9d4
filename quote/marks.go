package quote

import (
	"strings"
	"unicode"
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
			straight := r == '"'
			shape := 0 // for straight marks: -1 closing-shaped, +1 opening-shaped
			if straight {
				shape = markShape(text, p, i, w)
			}
			switch {
			case cur == nil && (isOpen(r) || straight && shape >= 0):
				cur = &segment{Open: document.Span{Start: i, End: i + w}}
			case cur == nil && straight:
				// A closing-shaped mark with nothing open ('no."' ending a
				// paragraph) closes a quote we did not see open: ignore it.
			case cur != nil && (isClose(r) || straight && shape <= 0):
				cur.Close = document.Span{Start: i, End: i + w}
				cur.Content = trim(text, document.Span{Start: cur.Open.End, End: i}, ",")
				out = append(out, *cur)
				cur = nil
			case cur != nil && (isOpen(r) || straight):
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

// markShape tells whether a straight quote mark at i looks like an opening
// mark (+1: after a space or the paragraph start and before a word), a
// closing one (-1: after a word or punctuation and before a space, a
// punctuation mark or the paragraph end), or either (0).
func markShape(text string, p document.Span, i, w int) int {
	prevSpace := i == p.Start
	if !prevSpace {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		prevSpace = unicode.IsSpace(r) || strings.ContainsRune("([{—–-", r)
	}
	nextSpace := i+w >= p.End
	if !nextSpace {
		r, _ := utf8.DecodeRuneInString(text[i+w:])
		nextSpace = unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}—–-", r)
	}
	switch {
	case prevSpace && !nextSpace:
		return 1
	case nextSpace && !prevSpace:
		return -1
	}
	return 0
}
