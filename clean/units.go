package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// unit is one non-blank line of Extracted, trimmed of surrounding spaces.
type unit struct {
	document.Span        // in Extracted coordinates
	text          string // Extracted[Start:End]
	norm          string // lower-cased, spaces collapsed
	words         int
	// para counts blank-line-separated blocks: units with the same para
	// were separated by a single newline.
	para int
}

// splitUnits cuts text into trimmed non-blank lines.
func splitUnits(text string) []unit {
	var out []unit
	para := 0
	blank := false
	for pos := 0; pos <= len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		s, e := trimSpan(text, pos, end)
		if s == e {
			blank = true
		} else {
			if blank && len(out) > 0 {
				para++
			}
			blank = false
			line := text[s:e]
			out = append(out, unit{
				Span:  document.Span{Start: s, End: e},
				text:  line,
				norm:  normalize(line),
				words: countWords(line),
				para:  para,
			})
		}
		pos = end + 1
	}
	return joinWrapped(text, out)
}

// joinWrapped merges the lines of a hard-wrapped paragraph into one unit:
// a block of lines (no blank line between them) where more than half of the
// line breaks fall inside a sentence, the next line starting in lower
// case. Rules then see the whole paragraph, so that a wrapped last line
// such as "the ministry said. (AP)" is not mistaken for a caption.
func joinWrapped(text string, us []unit) []unit {
	out := us[:0]
	for i := 0; i < len(us); {
		j := i + 1
		for j < len(us) && us[j].para == us[i].para {
			j++
		}
		if j-i < 2 || !isWrapped(us[i:j]) {
			out = append(out, us[i:j]...)
			i = j
			continue
		}
		s, e := us[i].Start, us[j-1].End
		line := text[s:e]
		out = append(out, unit{Span: document.Span{Start: s, End: e}, text: line, norm: normalize(line), words: countWords(line), para: us[i].para})
		i = j
	}
	return out
}

// isWrapped reports whether the lines of a block continue each other.
func isWrapped(block []unit) bool {
	cont := 0
	for k := 1; k < len(block); k++ {
		r, _ := utf8.DecodeRuneInString(block[k].text)
		if unicode.IsLower(r) {
			cont++
		}
	}
	return cont*2 > len(block)-1
}

// trimSpan narrows [s, e) of text past leading and trailing white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			break
		}
		e -= n
	}
	return s, e
}

// normalize lower-cases s and collapses runs of white space to one space,
// so that lines compare equal across small layout differences.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// head returns about the first n bytes of s, cut at a character boundary;
// anchored prefix patterns need no more.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// countWords counts runs of letters or digits.
func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// sentenceEnds counts sentence-final punctuation marks followed by a space,
// a closing quote or the end of the line.
func sentenceEnds(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		rest := s[i+1:]
		rest = strings.TrimLeft(rest, "\"')]”’»")
		if rest == "" || rest[0] == ' ' {
			n++
		}
	}
	return n
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"')]”’» ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// isReporting reports whether a line reads like prose: long enough and
// built of sentences. Rules that could match prose refuse such lines.
func (u *unit) isReporting() bool {
	if u.words >= 30 {
		return true
	}
	return u.words >= 12 && sentenceEnds(u.text) >= 1 && endsSentence(u.text)
}
