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

func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ar-", "bin-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
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

// sentences splits text by a simple rule, used when the document has no
// sentence layer: ".", "!" or "?" (optionally closed by a quote or bracket)
// then space and a capital, digit or opening quote; blank lines always.
func sentences(text string) []document.Span {
	var out []document.Span
	start := 0
	emit := func(end int) {
		sp := trim(text, document.Span{Start: start, End: end}, "")
		if sp.Len() > 0 {
			out = append(out, sp)
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			emit(i)
			start = i + 2
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) {
			switch {
			case text[j] == '"' || text[j] == ')':
				j++
				continue
			case strings.HasPrefix(text[j:], "”") || strings.HasPrefix(text[j:], "’"):
				j += len("”")
				continue
			}
			break
		}
		if j >= len(text) || (text[j] != ' ' && text[j] != '\n') {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || text[k] == '\n') {
			continue
		}
		if lw := lastWord(text[:i]); len(lw) <= 1 || abbrev[strings.ToLower(lw)] {
			continue
		}
		emit(j)
		start = k
	}
	emit(len(text))
	return out
}

var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "st": true, "jr": true, "sr": true, "prof": true,
	"rep": true, "sen": true, "gov": true, "u.s": true, "u.n": true, "no": true,
	"sept": true, "jan": true, "feb": true, "aug": true, "oct": true, "nov": true,
	"dec": true, "vs": true, "etc": true, "inc": true, "co": true, "corp": true,
	"ph.d": true, "capt": true, "maj": true, "rev": true,
}

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

// paragraphs splits text at blank lines.
func paragraphs(text string) []document.Span {
	var out []document.Span
	start := 0
	for {
		k := strings.Index(text[start:], "\n\n")
		end := len(text)
		if k >= 0 {
			end = start + k
		}
		if sp := trim(text, document.Span{Start: start, End: end}, ""); sp.Len() > 0 {
			out = append(out, sp)
		}
		if k < 0 {
			return out
		}
		start = end + 2
	}
}
