package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// word is a word of a phrase with its byte span in the document.
type word struct {
	document.Span
	text string
}

// words splits text[sp] into words (letters, digits and inner hyphens,
// apostrophes and dots) and returns them with document offsets. Commas are
// kept as their own "," words so that phrase rules can see them.
func words(text string, sp document.Span) []word {
	out := make([]word, 0, (sp.End-sp.Start)/5+1)
	i := sp.Start
	for i < sp.End {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + w
			for j < sp.End {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += w2
					continue
				}
				if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' {
					if r3, _ := utf8.DecodeRuneInString(text[j+w2:]); j+w2 < sp.End && (unicode.IsLetter(r3) || unicode.IsDigit(r3)) {
						j += w2
						continue
					}
				}
				break
			}
			out = append(out, word{document.Span{Start: i, End: j}, text[i:j]})
			i = j
		case r == ',' || r == ':' || r == ';':
			out = append(out, word{document.Span{Start: i, End: i + w}, text[i : i+w]})
			i += w
		case r == '\n':
			// A line break ends a phrase like a comma does.
			out = append(out, word{document.Span{Start: i, End: i + w}, ","})
			i += w
		default:
			i += w
		}
	}
	return out
}

// trim shrinks sp past spaces and the given extra characters at both ends.
func trim(text string, sp document.Span, extra string) document.Span {
	cut := " \t\n\r" + extra
	for sp.Start < sp.End {
		r, w := utf8.DecodeRuneInString(text[sp.Start:])
		if !strings.ContainsRune(cut, r) {
			break
		}
		sp.Start += w
	}
	for sp.End > sp.Start {
		r, w := utf8.DecodeLastRuneInString(text[:sp.End])
		if !strings.ContainsRune(cut, r) {
			break
		}
		sp.End -= w
	}
	return sp
}

// lastWord returns the run of letters and periods that ends s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		i -= w
	}
	return s[i:]
}
