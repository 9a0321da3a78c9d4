package quotes

import "unicode/utf8"

func decode(s string) (rune, int)     { return utf8.DecodeRuneInString(s) }
func decodeLast(s string) (rune, int) { return utf8.DecodeLastRuneInString(s) }
