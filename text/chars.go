package text

import (
	"unicode"
	"unicode/utf8"
)

func isHSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' }

func isSpaceByte(b byte) bool { return isHSpace(b) || b == '\n' }

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isSpaceByte(byte(r))
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func decodeLastRune(s string) (rune, int) {
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

// isOpener reports whether r opens a quotation or bracket.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '„', '‚', '(', '[', '{', '¿', '¡':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}':
		return true
	}
	return false
}

// isTerminal reports whether r can end a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '?', '!', '…', '؟', '。', '！', '？':
		return true
	}
	return false
}

// isBullet reports whether r marks a list item.
func isBullet(r rune) bool {
	switch r {
	case '•', '⁃', '▪', '◦', '‣', '●', '■':
		return true
	}
	return false
}

// isApostrophe reports whether r can join the parts of a word (don't,
// Kata’ib).
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' }

// isHyphen reports whether r can join the parts of a hyphenated word.
func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc) || r == '\u0640'
}

func isDigitRune(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}
