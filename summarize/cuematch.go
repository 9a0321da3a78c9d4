package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cueMatcher answers timeCue.MatchString and backgroundCue.MatchString
// without the regexp engine: those patterns are a case-insensitive list of
// phrases between ASCII word boundaries, which a scan of word starts checks
// far faster. In a phrase '#' stands for an ASCII digit. Text with the two
// non-ASCII letters that fold to ASCII ones (K, ſ) goes to the regexp.
type cueMatcher struct {
	re      *regexp.Regexp
	byFirst [256][]string // phrases by their first byte
}

func newCueMatcher(re *regexp.Regexp, phrases ...string) *cueMatcher {
	m := &cueMatcher{re: re}
	for _, p := range phrases {
		m.byFirst[p[0]] = append(m.byFirst[p[0]], p)
		if c := p[0]; c >= 'a' && c <= 'z' {
			m.byFirst[c-'a'+'A'] = append(m.byFirst[c-'a'+'A'], p)
		}
	}
	return m
}

// MatchString reports whether s contains one of the phrases.
func (m *cueMatcher) MatchString(s string) bool {
	if strings.ContainsRune(s, '\u212a') || strings.ContainsRune(s, '\u017f') {
		return m.re.MatchString(s)
	}
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) || (i > 0 && isWordByte(s[i-1])) {
			continue
		}
		for _, p := range m.byFirst[s[i]] {
			if phraseAt(s, i, p) {
				return true
			}
		}
	}
	return false
}

// phraseAt reports whether phrase p occurs at s[i:] (ASCII letters in any
// case) and is followed by a word boundary.
func phraseAt(s string, i int, p string) bool {
	if len(s)-i < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c, want := s[i+k], p[k]
		switch {
		case want == '#':
			if c < '0' || c > '9' {
				return false
			}
		case want >= 'a' && want <= 'z':
			if c|0x20 != want {
				return false
			}
		default:
			if c != want {
				return false
			}
		}
	}
	j := i + len(p)
	after := j < len(s) && isWordByte(s[j])
	return isWordByte(s[j-1]) != after
}

// isWordByte reports whether c is an ASCII word character, as \b sees it.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

var (
	timeCueMatcher = newCueMatcher(timeCue,
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "today", "tonight", "last night", "this morning", "this evening",
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december",
		"jan.", "feb.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
		"19##", "20##")
	backgroundCueMatcher = newCueMatcher(backgroundCue,
		"last year", "last month", "years ago", "months ago", "a year ago",
		"earlier this year", "in the past", "previously", "since 19##", "since 20##", "back in")
)

// placeCueAt answers placeCue.MatchString without the regexp engine: a
// preposition at a word start, spaces, an optional "the" and spaces, then
// a capital followed by at least one letter, apostrophe or hyphen.
func placeCueAt(s string) bool {
	for i := 0; i < len(s); i++ {
		if (i > 0 && isWordByte(s[i-1])) || !isPrepStart(s[i]) {
			continue
		}
		for _, p := range placePreps {
			if strings.HasPrefix(s[i:], p) {
				if j := skipSpaces(s, i+len(p)); j > i+len(p) {
					if capitalWord(s, j) {
						return true
					}
					if strings.HasPrefix(s[j:], "the") {
						if k := skipSpaces(s, j+3); k > j+3 && capitalWord(s, k) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

var placePreps = []string{"in", "outside", "near", "at", "from"}

// skipSpaces returns the index after the \s characters at s[i:].
func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// capitalWord reports whether s[i:] starts with [A-Z][\p{L}'’-].
func capitalWord(s string, i int) bool {
	if i+1 >= len(s) || s[i] < 'A' || s[i] > 'Z' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-'
}

func isPrepStart(c byte) bool { return c == 'i' || c == 'o' || c == 'n' || c == 'a' || c == 'f' }
