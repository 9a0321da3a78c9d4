package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Input-derived text (file names, URLs, messages quoting an input) is
// written to stderr through displayName or displayText, so that a name
// cannot print a line of its own, send terminal escape sequences or turn
// a line around with bidi controls.

// displayName returns a name as it should appear on stderr: unchanged when
// every character is printable, else quoted with Go escapes
// (strconv.Quote: "evil\n\x1b[31m…", "report-\u202etxt").
func displayName(s string) string {
	if safeForTerminal(s) {
		return s
	}
	return strconv.Quote(s)
}

// displayText escapes, in place, the characters of a message that are not
// safe on a terminal (controls, bidi and other format characters, invalid
// UTF-8), leaving the rest of the message as it is.
func displayText(s string) string {
	if safeForTerminal(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// safeForTerminal reports whether s is valid UTF-8 with only printable
// characters and spaces.
func safeForTerminal(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// unsafeRune reports characters a terminal may act on or that reorder
// the text: controls, format characters (bidi overrides and isolates,
// zero-width joiners) and line or paragraph separators. unicode.IsPrint
// excludes all of them, and the space is the one non-graphic character
// kept.
func unsafeRune(r rune) bool {
	return r != ' ' && !unicode.IsPrint(r)
}
