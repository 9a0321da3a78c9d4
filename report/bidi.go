package report

import "strings"

// IsBidi reports whether r is a bidi formatting control: an embedding or
// override (U+202A–U+202E), an isolate (U+2066–U+2069) or a mark (U+200E,
// U+200F, U+061C). Coming from a report, such a control would reorder the
// text around it wherever the writers show it; the JSON output keeps it,
// the other writers isolate or drop it.
func IsBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// HasBidi reports whether s holds a bidi formatting control.
func HasBidi(s string) bool { return strings.IndexFunc(s, IsBidi) >= 0 }

// StripBidi returns s without its bidi formatting controls.
func StripBidi(s string) string {
	if !HasBidi(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsBidi(r) {
			return -1
		}
		return r
	}, s)
}

// BalanceBidi drops the bidi terminators of s that close nothing (U+202C
// with no open embedding or override, U+2069 with no open isolate) and
// closes, in order, what is left open at its end, so that s shown inside
// an isolating element (HTML's <bdi>) cannot reach past it.
func BalanceBidi(s string) string {
	var open []byte // 'e' embedding or override, 'i' isolate
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x202A && r <= 0x202E && r != 0x202C:
			open = append(open, 'e')
		case r >= 0x2066 && r <= 0x2068:
			open = append(open, 'i')
		case r == 0x202C:
			if len(open) == 0 || open[len(open)-1] != 'e' {
				continue
			}
			open = open[:len(open)-1]
		case r == 0x2069:
			i := strings.LastIndexByte(string(open), 'i')
			if i < 0 {
				continue
			}
			open = open[:i] // closes the embeddings opened inside too
		}
		b.WriteRune(r)
	}
	for i := len(open) - 1; i >= 0; i-- {
		if open[i] == 'e' {
			b.WriteRune(0x202C)
		} else {
			b.WriteRune(0x2069)
		}
	}
	return b.String()
}
