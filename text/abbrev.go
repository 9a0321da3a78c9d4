package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are abbreviations that precede a name: a period after them never
// ends a sentence when a capitalized word follows.
var titles = setOf(
	"mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "gen", "lt", "col", "sgt", "prof", "st", "mt", "ft",
	"rev", "gov", "sen", "sens", "rep", "reps", "capt", "cpt", "maj", "adm", "hon", "brig", "cpl", "pvt",
	"fr", "pres", "supt", "insp", "cmdr", "cdr", "lieut", "gens", "amb", "sheik", "atty", "det",
)

// ambiguous are abbreviations that often end sentences too (Inc., U.S.,
// etc.): a period after them ends the sentence only when the next word is a
// usual sentence opener.
var ambiguous = setOf(
	"jr", "sr", "inc", "ltd", "co", "corp", "plc", "llc", "bros", "etc", "vs", "v", "no", "nos", "vol", "vols", "pp", "p",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"approx", "dept", "est", "fig", "figs", "govt", "univ", "ave", "blvd", "rd", "hwy", "ch", "art", "sec",
	"ca", "al", "cf", "ed", "eds", "op", "intl", "natl", "assn", "assoc",
)

// numberAbbrevs precede a number ("No. 5", "Jan. 6", "p. 55").
var numberAbbrevs = setOf(
	"no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "art", "sec", "ch", "op",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "ca",
)

// starters are words that usually open a sentence; after an ambiguous
// abbreviation they signal a boundary ("… in the U.S. They …").
var starters = setOf(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
	"There", "Here", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "From", "By", "With", "To",
	"As", "If", "When", "While", "After", "Before", "Since", "Although", "Though", "However", "Meanwhile",
	"His", "Her", "Its", "Their", "Our", "My", "Your", "What", "Who", "Why", "How", "Where", "Which",
	"Some", "Many", "Most", "Several", "All", "No", "Not", "One", "Last", "Earlier", "Later", "Today",
	"Yesterday", "Now", "Then", "Also", "According", "Officials", "Police", "Both", "Each", "Such",
	"Other", "Another", "Did", "Does", "Do", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could",
	"Should", "Let", "Please", "Thus", "Still", "Instead", "Even", "Only", "Neither", "Nor", "Once",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lowerASCII lowercases ASCII letters only (abbreviation keys are ASCII).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isDottedAbbrev reports whether w (without its final period) is an
// abbreviation with internal periods whose parts are one or two letters:
// U.S, U.S.A, Ph.D, e.g, a.m.
func isDottedAbbrev(w string) bool {
	parts := 0
	n := 0
	for _, r := range w {
		switch {
		case r == '.':
			if n == 0 {
				return false
			}
			parts++
			n = 0
		case isLetterRune(r):
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return parts >= 1 && n > 0
}

// abbrevKind classifies the word before a period.
type abbrevKind int

const (
	notAbbrev    abbrevKind = iota
	titleAbbrev             // Mr., Dr., Gen.: never ends a sentence before a name
	ambigAbbrev             // Inc., etc., Jan.: ends one only before a usual opener
	dottedAbbrev            // U.S., Ph.D., a.m.: like ambigAbbrev
)

// classify says what kind of abbreviation w (without its final period) is.
// Short forms that are also words ("no", "sat", "dr") count only when
// written the usual way, capitalized, except a few always-lowercase ones.
func classify(w string) abbrevKind {
	if w == "" {
		return notAbbrev
	}
	if isDottedAbbrev(w) {
		return dottedAbbrev
	}
	l := lowerASCII(w)
	upper := w[0] >= 'A' && w[0] <= 'Z'
	if titles[l] && (upper || l == "st") {
		return titleAbbrev
	}
	if ambiguous[l] && (upper || alwaysLower[l]) {
		return ambigAbbrev
	}
	return notAbbrev
}

// alwaysLower are abbreviations normally written in lowercase.
var alwaysLower = setOf("etc", "vs", "v", "co", "approx", "cf", "pp", "p", "al", "est", "ca")

// isKnownAbbrev reports whether w (without its final period) is an
// abbreviation that keeps its period as part of the token.
func isKnownAbbrev(w string) bool { return classify(w) != notAbbrev }

// IsAbbreviation reports whether w, written as in the text and without its
// final period, is an abbreviation whose period does not end a sentence by
// itself: a title (Mr, Dr, Gen), a short form (Inc, Jan, etc) or a dotted
// form (U.S, Ph.D).
func IsAbbreviation(w string) bool { return isKnownAbbrev(w) }

// Capitalized reports whether w is written as a name: it starts with an
// upper-case letter, or with a lower-case Arabic article or particle
// followed by one ("al-Hashimi", "el-Sisi", "bin-Salman").
func Capitalized(w string) bool {
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
