package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// CandidateMentions finds name-like phrases in text with a simple rule:
// runs of capitalized words (with the Arabic article and "bin"/"ibn"
// allowed inside), cut at punctuation, with leading function words
// dropped. Types are guessed from organization words, a few place names
// and titles. It is a fallback for use until a trained tagger fills
// Document.Mentions; spans are byte offsets into text.
func CandidateMentions(text string) []document.Mention {
	type word struct {
		start, end int // core word, punctuation trimmed
		lead, tail bool
		// titleDot is set when the only trailing mark is the dot of a
		// title abbreviation.
		titleDot bool
		// newline is set when a line break precedes the word.
		newline bool
	}
	var words []word
	newline := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' {
				newline = true
			}
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			// "word.Next" glued by a lost line break: cut after the dot.
			if r2 == '.' && j > i && j+s2 < len(text) && unicode.IsUpper(rune(text[j+s2])) && j-i >= 3 && unicode.IsLower(rune(text[j-1])) && unicode.IsLower(rune(text[j-2])) {
				j += s2
				break
			}
			j += s2
		}
		w := word{start: i, end: j, newline: newline}
		newline = false
		for w.start < w.end {
			r2, s2 := utf8.DecodeRuneInString(text[w.start:w.end])
			if strings.ContainsRune("(\"“‘'[«", r2) {
				w.start += s2
				w.lead = true
				continue
			}
			break
		}
		for w.end > w.start {
			r2, s2 := utf8.DecodeLastRuneInString(text[w.start:w.end])
			if strings.ContainsRune(")\"”’'],.;:!?»", r2) {
				// keep the dot of a title abbreviation (Dr., Gen., Ph.D.)
				if r2 == '.' && !w.tail && titles[titleWord(text[w.start:w.end])] != "" {
					w.titleDot = true
					break
				}
				w.end -= s2
				w.tail = true
				continue
			}
			break
		}
		words = append(words, w)
		i = j
	}
	isName := func(s string) bool {
		if s == "" {
			return false
		}
		if isCapitalized(s) {
			return true
		}
		ls := strings.ToLower(s)
		for _, p := range []string{"al-", "el-", "al--"} {
			if strings.HasPrefix(ls, p) && len(s) > len(p) && isCapitalized(s[len(p):]) {
				return true
			}
		}
		return false
	}
	isConnector := func(s string) bool {
		switch s {
		case "al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von":
			return true
		}
		return false
	}
	var out []document.Mention
	flush := func(ws []word) {
		for len(ws) > 0 && (leadingStop[text[ws[0].start:ws[0].end]] || isConnector(text[ws[0].start:ws[0].end])) {
			ws = ws[1:]
		}
		for len(ws) > 0 && isConnector(text[ws[len(ws)-1].start:ws[len(ws)-1].end]) {
			ws = ws[:len(ws)-1]
		}
		if len(ws) == 0 {
			return
		}
		sp := document.Span{Start: ws[0].start, End: ws[len(ws)-1].end}
		phrase := text[sp.Start:sp.End]
		p := parseName(phrase, nil)
		if len(p.folded) == 0 || (len(ws) == 1 && calendarWords[phrase]) {
			return
		}
		if n, _ := matchTitle(strings.Fields(phrase)); n == len(strings.Fields(phrase)) {
			return // a title alone
		}
		out = append(out, document.Mention{Span: sp, Text: phrase, Type: guessType(phrase, p), Confidence: 0.3})
	}
	var cur []word
	for k, w := range words {
		s := text[w.start:w.end]
		if (w.lead || w.newline || midStop[s]) && len(cur) > 0 {
			flush(cur)
			cur = nil
		}
		nextIsName := k+1 < len(words) && isName(text[words[k+1].start:words[k+1].end]) && !words[k+1].newline
		ofTitle := s == "of" && len(cur) > 0 && text[cur[len(cur)-1].start:cur[len(cur)-1].end] == "Secretary"
		if (isName(s) && !adjective(s)) || (len(cur) > 0 && (isConnector(s) || ofTitle) && nextIsName && !w.tail) {
			cur = append(cur, w)
			if w.tail {
				flush(cur)
				cur = nil
			}
			continue
		}
		if len(cur) > 0 {
			flush(cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		flush(cur)
	}
	return out
}

// leadingStop are capitalized function words that start sentences and are
// dropped from the front of a phrase.
var leadingStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`The A An And But Or If When While As At In On Of For From To By With
		After Before Since Although Though Despite During Until Unlike Like Given Once
		He She It They We I You His Her Its Their Our My Your This That These Those There Here
		Who What Which Where Why How Some Many Most Much More Other Others Such Several All Both
		Each Every No Not Even Only Also So Then Thus Yet Still However Moreover Additionally
		Initially Ultimately Instead Immediately Meanwhile Late Early Last Next New Former Read
		Follow About According Security Hours Days Three Two One Four Five Troops Thousands
		Hostilities Tensions Reports Experts Officials Sources Shiite Sunni Shia Iraqi Iranian
		US UK Prominent Assassination Mr Mrs`) {
		m[w] = true
	}
	return m
}()

// midStop are capitalized function words that end a phrase even inside
// a run of capitalized words ("Tara Fares In September").
var midStop = map[string]bool{"In": true, "On": true, "At": true, "The": true, "And": true, "For": true, "To": true, "By": true, "With": true, "From": true}

// adjective reports whether a capitalized word is a hyphenated adjective
// such as "Iran-backed" (its last part is lower case).
func adjective(w string) bool {
	i := strings.LastIndexAny(w, "-‐")
	if i < 0 || i+1 >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsLower(r)
}

// calendarWords are capitalized words that are dates, not names.
var calendarWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
		March April May June July August September October November December`) {
		m[w] = true
	}
	return m
}()

// orgWords mark a phrase as an organization.
var orgWords = map[string]bool{
	"forces": true, "force": true, "brigades": true, "brigade": true, "corps": true, "hezbollah": true,
	"ministry": true, "group": true, "post": true, "times": true, "embassy": true, "militia": true,
	"council": true, "party": true, "army": true, "guards": true, "kataib": true, "kataeb": true,
	"squad": true, "directorate": true, "company": true, "agency": true, "news": true, "press": true,
	"factions": true, "movement": true, "front": true, "committee": true, "state": true, "association": true,
	"university": true, "institute": true, "bank": true, "court": true, "police": true, "administration": true,
}

// places is a small list of place names for type guessing.
var places = map[string]bool{
	"iraq": true, "iran": true, "baghdad": true, "lebanon": true, "syria": true, "tehran": true,
	"washington": true, "basra": true, "karbala": true, "bahrain": true, "israel": true, "beirut": true,
	"damascus": true, "amara": true, "uk": true, "us": true, "united states": true, "green zone": true,
}

// guessType guesses the entity type of a phrase found by CandidateMentions.
func guessType(phrase string, p parsedName) string {
	if p.Acronym {
		return document.EntityOrg
	}
	lower := strings.ToLower(p.Clean)
	if places[lower] {
		return document.EntityLoc
	}
	for _, w := range strings.Fields(lower) {
		w = strings.Trim(w, "’'")
		if orgWords[w] || strings.HasPrefix(w, "kata") {
			return document.EntityOrg
		}
	}
	if len(p.Roles) > 0 || len(p.folded) >= 2 {
		return document.EntityPerson
	}
	return document.EntityMisc
}
