package text

import "github.com/abadojack/whatlanggo"

// minLanguageBytes is the least text worth guessing a language from.
const minLanguageBytes = 20

// Language guesses the ISO 639-1 code of the language of s ("en", "ar",
// …), or "" when s is too short or the guess is not reliable enough.
func Language(s string) string {
	if len(s) < minLanguageBytes {
		return ""
	}
	if len(s) > 20000 {
		s = s[:20000]
	}
	info := whatlanggo.Detect(s)
	if info.Lang < 0 {
		return ""
	}
	if !info.IsReliable() && info.Confidence < 0.1 {
		return ""
	}
	return info.Lang.Iso6391()
}
