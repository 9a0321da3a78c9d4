package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parsedName is a name prepared for matching.
type parsedName struct {
	// Clean is the name as written, with titles, possessives and glued
	// debris removed: the spelling reported as an alias.
	Clean string
	// words are the words of Clean.
	words []string
	// folded are the folded tokens used for matching (articles dropped,
	// hyphenated parts split).
	folded []string
	// alt is an alternative folded form from a gloss ("Kataib X" = "X
	// Brigade"), or nil.
	alt []string
	// Roles are the titles stripped from the name.
	Roles []string
	// Acronym is set for an all-capitals single word (PMF, IRGC).
	Acronym bool
	// initials are the first letters of the content words, upper case.
	initials string
	// debris is set when a glued lowercase tail was cut off.
	debris bool
}

// articles are the forms of the Arabic article written as a separate word
// or a hyphenated prefix.
var articles = map[string]bool{"al": true, "el": true, "il": true, "ul": true}

// sunArticles are assimilated article forms, dropped only when hyphenated
// (ad-Dawa, ash-Sham).
var sunArticles = map[string]bool{
	"ad": true, "adh": true, "ar": true, "as": true, "ash": true, "at": true,
	"az": true, "an": true, "ath": true, "ad-": true,
}

// gluedTails are lowercase words that tokenization sometimes glues to the
// end of a name ("Kataib Hezbollahthe").
var gluedTails = []string{"the", "and", "was", "has", "had", "said", "who", "which", "that", "for", "with", "from"}

// pluralOrgWords are English organization head words whose plural and
// singular are the same name ("Hezbollah Brigades", "Hezbollah Brigade").
var pluralOrgWords = map[string]string{
	"brigades": "brigade", "forces": "force", "guards": "guard", "units": "unit",
	"militias": "militia", "battalions": "battalion", "companies": "company",
	"committees": "committee", "factions": "faction", "groups": "group",
}

// glossPrefixes are Arabic organization words with their English gloss:
// "Kataib Hezbollah" is also written "Hezbollah Brigades".
var glossPrefixes = map[string]string{
	"kataib": "brigade", "kataeb": "brigade", "katib": "brigade", "katiba": "brigade",
	"saraya": "company", "jaish": "army", "jaysh": "army", "liwa": "brigade",
	"harakat": "movement", "haraka": "movement", "asaib": "league", "asaeb": "league",
}

// stopInitials are words skipped when forming an acronym from a name.
var stopInitials = map[string]bool{"of": true, "the": true, "and": true, "in": true, "for": true, "al": true, "el": true, "on": true, "&": true}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAcronymWord reports whether w is an all-capitals word of 2 to 7
// letters, dots allowed (PMF, IRGC, U.S.).
func isAcronymWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 7
}

// trimPossessive removes a trailing possessive ('s, ’s, s').
func trimPossessive(w string) string {
	for _, suf := range []string{"'s", "’s", "‘s", "`s", "ʼs"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+1 {
			return w[:len(w)-len(suf)]
		}
	}
	for _, suf := range []string{"s'", "s’"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return w[:len(w)-len(suf)+1]
		}
	}
	return w
}

// splitAbd splits glued "Abdul…" names into the "abd" part and the rest,
// and folds every "Abdul", "Abdel", "Abdal", "Abd" to "abd".
func splitAbd(folded string) []string {
	for _, p := range []string{"abdul", "abdel", "abdal", "abdol", "abdil", "abd"} {
		if strings.HasPrefix(folded, p) {
			rest := folded[len(p):]
			if rest == "" {
				return []string{"abd"}
			}
			if len(rest) >= 3 {
				return []string{"abd", rest}
			}
		}
	}
	return []string{folded}
}

// parseName prepares name for matching. vocab, when not nil, holds folded
// tokens seen elsewhere in the story and lets a glued lowercase tail be
// cut ("Hezbollahthe" → "Hezbollah" when "Hezbollah" is known).
func parseName(name string, vocab map[string]bool) parsedName {
	var p parsedName
	words := strings.Fields(strings.Trim(name, " \t\n\"“”'‘’«»()[]{},;:!?"))
	// Leading titles, possibly several ("Ph.D. Hisham", "Prime Minister
	// Mustafa Kadhimi"), and a leading "the".
	for len(words) > 1 {
		// A leading possessive modifier: "Iran's Ayatollah Ali Khamenei",
		// "Baghdad’s Green Zone".
		if w := words[0]; trimPossessive(w) != w {
			words = words[1:]
			continue
		}
		if strings.EqualFold(words[0], "the") {
			words = words[1:]
			continue
		}
		n, role := matchTitle(words)
		if n == 0 || n >= len(words) {
			break
		}
		p.Roles = append(p.Roles, role)
		words = words[n:]
	}
	// Trailing degrees ("Hisham al-Hashimi, Ph.D.").
	for len(words) > 1 {
		last := titleWord(words[len(words)-1])
		if last == "ph.d" || last == "phd" || last == "jr" || last == "sr" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) > 0 {
		words[len(words)-1] = trimPossessive(strings.TrimRight(words[len(words)-1], ".,;:"))
	}
	// A glued tail on the last word.
	if n := len(words); n > 0 && vocab != nil {
		w := words[n-1]
		for _, tail := range gluedTails {
			if len(w) > len(tail)+3 && strings.HasSuffix(w, tail) {
				head := w[:len(w)-len(tail)]
				if isCapitalized(head) && vocab[foldToken(head)] {
					words[n-1] = head
					p.debris = true
					break
				}
			}
		}
	}
	p.words = words
	p.Clean = strings.Join(words, " ")
	if len(words) == 1 && isAcronymWord(words[0]) {
		p.Acronym = true
		p.folded = []string{strings.ReplaceAll(strings.ToLower(words[0]), ".", "")}
		return p
	}
	var plain []string
	var ini strings.Builder
	for _, w := range words {
		parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '‐' || r == '–' })
		for i, part := range parts {
			lp := strings.ToLower(strings.Trim(part, ".,;:'’‘`"))
			if lp == "" {
				continue
			}
			if articles[lp] && (len(parts) > 1 || len(words) > 1) {
				continue
			}
			if sunArticles[lp] && i == 0 && len(parts) > 1 {
				continue
			}
			if !stopInitials[lp] && isCapitalized(part) {
				r, _ := utf8.DecodeRuneInString(part)
				ini.WriteRune(unicode.ToUpper(r))
			}
			f := foldToken(part)
			if f == "" {
				continue
			}
			switch f {
			case "ibn", "ben", "bn":
				f = "bin"
			}
			plain = append(plain, lp)
			for _, x := range splitAbd(f) {
				p.folded = append(p.folded, x)
			}
		}
	}
	p.initials = ini.String()
	// Org plurals fold to the singular.
	for i, pl := range plain {
		if sg, ok := pluralOrgWords[pl]; ok && i == len(plain)-1 {
			p.folded[len(p.folded)-1] = foldToken(sg)
		}
	}
	// Gloss: "Kataib X" is also "X Brigade".
	if len(p.folded) >= 2 && len(plain) >= 2 {
		if g, ok := glossPrefixes[plainLetters(plain[0])]; ok {
			p.alt = append(append([]string{}, p.folded[1:]...), foldToken(g))
		}
	}
	return p
}
