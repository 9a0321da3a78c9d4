package resolve

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Folded name tokens are strings of one-byte sound units:
//
//	vowels      a e i o u
//	consonants  b d f g h j k l m n p q r s t v w y z
//	digraphs    x = kh, S = sh/ch, Z = dh, T = th, G = gh
//
// Doubled units are collapsed, so "Qassem" and "Qasem" fold alike.

// isVowelUnit reports whether u is a vowel unit.
func isVowelUnit(u byte) bool {
	switch u {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// plainLetters lowercases s, strips diacritics and drops every character
// that is not a Latin letter (apostrophes of every kind, hyphens, dots).
func plainLetters(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ø':
			r = 'o'
		case 'æ':
			b.WriteString("ae")
			continue
		case 'ı':
			r = 'i'
		}
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldToken turns one name token into its sound units (see above).
func foldToken(tok string) string {
	s := plainLetters(tok)
	if s == "" {
		return ""
	}
	out := make([]byte, 0, len(s))
	emit := func(u byte) {
		if n := len(out); n > 0 && out[n-1] == u {
			return // doubled letters
		}
		out = append(out, u)
	}
	vowelAt := func(i int) bool {
		if i < 0 || i >= len(s) {
			return false
		}
		switch s[i] {
		case 'a', 'e', 'i', 'o', 'u':
			return true
		}
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		var next byte
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case c == 'k' && next == 'h':
			emit('x')
			i++
		case (c == 's' || c == 'c') && next == 'h':
			emit('S')
			i++
		case c == 'd' && next == 'h':
			emit('Z')
			i++
		case c == 't' && next == 'h':
			emit('T')
			i++
		case c == 'g' && next == 'h':
			emit('G')
			i++
		case c == 'p' && next == 'h':
			emit('f')
			i++
		case c == 'z' && next == 'h':
			emit('j')
			i++
		case c == 'd' && next == 'j':
			emit('j')
			i++
		case c == 'c' && next == 'k':
			emit('k')
			i++
		case c == 'o' && next == 'u', c == 'o' && next == 'o':
			emit('u')
			i++
		case c == 'e' && next == 'e':
			emit('i')
			i++
		case c == 'c':
			emit('k')
		case c == 'x':
			emit('k')
			emit('s')
		case c == 'y':
			// y is a consonant at the start or before a vowel, else the
			// vowel i (Mahdy → mahdi).
			if i == 0 || vowelAt(i+1) {
				emit('y')
			} else {
				emit('i')
			}
		case c == 'w':
			if i == 0 || vowelAt(i+1) {
				emit('w')
			} else {
				emit('u')
			}
		default:
			emit(c)
		}
	}
	// Final -ey, -ie, -ee all sound as -i (Pauley / Pauly, Leekie / Leki).
	if n := len(out); n > 3 && !isVowelUnit(out[n-3]) &&
		((out[n-2] == 'e' && out[n-1] == 'i') || (out[n-2] == 'i' && out[n-1] == 'e')) {
		out = append(out[:n-2], 'i')
	}
	return string(out)
}

// consonantClass maps a unit to a coarse class used for blocking keys:
// units that transliterations confuse share a class.
func consonantClass(u byte) byte {
	switch u {
	case 'Z', 'z', 'd', 'T', 't':
		return 'd'
	case 'q', 'k', 'g', 'G', 'x':
		return 'k'
	case 'S', 's':
		return 's'
	case 'f', 'v', 'p', 'b':
		return 'b'
	case 'j':
		return 'j'
	case 'w', 'y':
		return 0 // semivowels are left out of keys
	}
	if isVowelUnit(u) {
		return 0
	}
	return u
}

// firstClass returns the first byte of tokenKey(folded) without building
// the key.
func firstClass(folded string) byte {
	for i := 0; i < len(folded); i++ {
		if c := consonantClass(folded[i]); c != 0 {
			return c
		}
	}
	if folded == "" {
		return 0
	}
	return folded[0]
}

// tokenKey returns the coarse consonant skeleton of a folded token.
func tokenKey(folded string) string {
	out := make([]byte, 0, len(folded))
	for i := 0; i < len(folded); i++ {
		c := consonantClass(folded[i])
		if c == 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1] == c {
			continue
		}
		out = append(out, c)
	}
	if len(out) == 0 && len(folded) > 0 {
		return folded[:1]
	}
	return string(out)
}

// Key returns the romanization skeleton of a name: titles and articles
// dropped, each token folded to sound units and reduced to coarse
// consonant classes, tokens joined by "-". Spellings that transliterate the
// same Arabic or Persian name share a key ("Mustafa al-Kadhimi" and
// "Mustafa Al Kazemi" both give "mdf-kdm"), so the key serves for blocking;
// names with the same key are not necessarily the same (Khamenei and
// Khomeini share one), which Same decides.
func Key(name string) string {
	p := parseName(name, nil)
	keys := make([]string, len(p.folded))
	for i, f := range p.folded {
		keys[i] = tokenKey(f)
	}
	return strings.Join(keys, "-")
}
