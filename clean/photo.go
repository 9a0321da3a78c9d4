package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// creditAcronyms are agency acronyms that name a photo source in a
// trailing bracket ("(AP)", "(AFP via Getty Images)"); they must be upper
// case, so that "(ePA)" or "(aa)" in prose do not count.
var creditAcronyms = regexp.MustCompile(`\b(AP|AFP|EPA|EFE|UPI|DPA|ANSA|TASS|SANA|IRNA|ISNA|WANA|INA|AA|ANI|PTI|IANS)\b`)

// creditWords are words that name a photo source in any case: "[Getty]",
// "(Photo: Hadi Mizban)", "(Reuters)".
var creditWords = regexp.MustCompile(`(?i)\b(reuters|getty|anadolu|xinhua|sputnik|tasnim|mehr|` +
	`photo|photos|photograph|image|images|file|credit|courtesy|handout|supplied|shutterstock|alamy)\b`)

// trailingBracket finds a bracketed group at the very end of a line.
var trailingBracket = regexp.MustCompile(`[\(\[]([^\(\)\[\]]{1,60})[\)\]]\s*$`)

// creditLabel matches "Photo: …", "Image credit …", "Photograph by …" and
// the like, at the start of a segment.
var creditLabel = regexp.MustCompile(`(^|[.;|–—-]\s+)(photo|photograph|picture|image|pic|photo credit|image credit|picture credit|credit|photographer)s?\s*(:|by\b|credit\b)`)

// agencyOnly matches a line that is nothing but a photo source.
var agencyOnly = regexp.MustCompile(`^(\(|\[)?((ap|afp|reuters|getty images|getty|epa|efe|anadolu( agency)?|xinhua|dpa|upi|associated press|agence france-presse|file photo|file|handout|supplied|image|photo|caption|image caption|media caption|image copyright|image source|photo credit|image credit|courtesy[^.]*)(\s*(/|via|-|–)\s*[a-z][a-z .'’-]*)*)(\)|\])?$`)

// photoCue returns the explanation when the line carries a photo credit
// marker, and whether the marker is all there is.
func photoCue(u *unit) (why string, alone bool) {
	n := u.norm
	if u.words <= 6 && agencyOnly.MatchString(n) {
		return "photo source line", true
	}
	if strings.HasSuffix(n, ")") || strings.HasSuffix(n, "]") {
		t := tail(u.text, 64)
		if m := trailingBracket.FindStringSubmatchIndex(t); m != nil {
			inner := t[m[2]:m[3]]
			if countWords(inner) <= 7 && (creditAcronyms.MatchString(inner) || creditWords.MatchString(inner)) {
				return "line ends with the photo credit " + strings.TrimSpace(t[m[0]:]), strings.TrimSpace(u.text[:len(u.text)-len(t)+m[0]]) == ""
			}
		}
	}
	if strings.Contains(n, ":") || strings.Contains(n, " by ") || strings.Contains(n, "credit") {
		// A credit label sits near the end of a caption: search the tail
		// only, ignoring a "match at the start" that is really mid-line.
		t := tail(n, 160)
		if loc := creditLabel.FindStringIndex(t); loc != nil && (loc[0] > 0 || len(t) == len(n)) {
			rest := t[loc[1]:]
			if countWords(rest) <= 8 && !strings.ContainsAny(rest, "!?") && sentenceEnds(rest) <= 1 && !hasReportingVerb(rest) {
				return "line carries a photo credit label", loc[0] == 0
			}
		}
	}
	if strings.HasSuffix(n, "image credit") || strings.HasSuffix(n, "photo credit") {
		return "line carries a photo credit label", u.words <= 3
	}
	return "", false
}

// matchPhotoCredit removes lines that are only a photo credit.
func matchPhotoCredit(st *state, u *unit) string {
	if u.words > 12 {
		return ""
	}
	if why, alone := photoCue(u); why != "" && alone {
		return why
	}
	return ""
}

// captionCue marks the present-tense wording of photo captions.
var captionCue = regexp.MustCompile(`\b(pictured|is seen|are seen|seen here|looks on|look on|stands|stand guard|stand|gathers|gather|attends|attend|walks|walk|gestures|poses|holds|hold|sits|this photo|file photo|in this picture|in this image|(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d)`)

// matchPhotoCaption removes captions: lines that end in a photo credit
// ("… [Getty]", "… (AP)") or carry a credit label, and are short. A
// paragraph of reporting that happens to end in an agency tag stays: the
// line must have at most 25 words, or at most 45 words in at most two
// sentences with caption wording, and must not attribute speech.
func matchPhotoCaption(st *state, u *unit) string {
	if u.words > 45 {
		return ""
	}
	why, _ := photoCue(u)
	if why == "" {
		return ""
	}
	if hasReportingVerb(u.norm) && u.words > 12 {
		return ""
	}
	if u.words <= 25 || sentenceEnds(u.text) <= 2 && captionCue.MatchString(u.norm) {
		return "short line " + strings.TrimPrefix(why, "line ")
	}
	return ""
}

// captionLabel matches the "Image caption" / "Media caption" labels some
// sites put before a caption, sometimes glued to it.
var captionLabel = regexp.MustCompile(`^(image|media|photo|video) ?caption`)

// matchLabelledCaption removes captions introduced by a caption label.
func matchLabelledCaption(st *state, u *unit) string {
	if u.words <= 45 && captionLabel.MatchString(head(u.norm, 24)) {
		return "line starts with a caption label"
	}
	return ""
}

// tail returns about the last n bytes of s, cut at a character boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}
