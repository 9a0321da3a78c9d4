package clean

import (
	"regexp"
	"strings"
	"unicode"
)

// sharePrefix matches imperative share/follow/subscribe prompts at the start
// of a line.
var sharePrefix = regexp.MustCompile(`^(follow us|follow @|like us on|join us on|find us on|connect with us|` +
	`share this|share on|share via|share the story|share the article|share article|share story|share:|share$|` +
	`sign up (for|to) (our|the [\pL ]*newsletter|free|email|updates|alerts)|sign up (here|now|today)|sign up$|subscribe (to our|now|here|today|for free)|subscribe to [^.!?]*(newsletters?|updates|alerts|channel|podcast)|subscribe$|get our newsletter|get the latest|download our app|download the app|` +
	`click here to|tap here to|like this (story|article|post)|enjoyed this (story|article)|reach the reporters?|contact the reporters?|email the reporters?|write to the reporters?|email this|print this|send this|copy link|` +
	`stay connected|stay informed|stay up to date|` +
	`don't miss out|never miss|receive our|enter your email)`)

// socialNames are networks whose names fill share and follow bars.
var socialNames = []string{"facebook", "twitter", "instagram", "youtube", "telegram", "whatsapp",
	"linkedin", "tiktok", "pinterest", "reddit", "flipboard", "threads", "bluesky", "messenger", "email"}

// matchShareFollow removes share, follow and subscribe prompts: short lines
// that start with an imperative prompt, "Follow <Outlet> on …" lines, and
// bars of social network names. Sentences of reporting that mention a
// network or contain "follow" stay: the line must be short and either start
// with the prompt or speak to the reader ("us", "our").
func matchShareFollow(st *state, u *unit) string {
	if u.words > 25 || u.isReporting() && u.words > 15 {
		return ""
	}
	n := u.norm
	if sharePrefix.MatchString(head(n, 96)) {
		return "prompt to share, follow or subscribe"
	}
	if (strings.Contains(n, "by clicking here") || u.words <= 12 && strings.Contains(n, "click here")) && !hasReportingVerb(n) {
		return "call to click a link"
	}
	if strings.HasPrefix(n, "subscribe to ") && u.words <= 20 && !hasReportingVerb(n) {
		if k := nameKey(st.d.Outlet); len(k) >= 3 && strings.Contains(nameKey(n), k) {
			return "prompt to subscribe to the outlet"
		}
	}
	networks := 0
	for _, s := range socialNames {
		if strings.Contains(n, s) {
			networks++
		}
	}
	if networks == 0 {
		return ""
	}
	if onlyNetworkNames(n) {
		return "social network link"
	}
	if strings.HasPrefix(n, "follow ") && u.words <= 20 && sentenceEnds(u.text) <= 1 && !hasReportingVerb(n) {
		return "prompt to follow the outlet on social networks"
	}
	if u.words <= 12 && (networks >= 2 && !endsSentence(n) || hasWord(n, "us") || hasWord(n, "our")) && !hasReportingVerb(n) {
		return "bar of social network links"
	}
	return ""
}

// hasWord reports whether lower-case s holds w as a whole word.
func hasWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(s[j-1])
		after := j+len(w) == len(s) || !isWordByte(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// reportingVerbs are the verbs of attribution that mark a line as a
// sentence of reporting.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "announced": true, "reported": true, "stated": true,
	"added": true, "wrote": true, "posted": true, "claimed": true, "confirmed": true, "denied": true, "urged": true, "vowed": true,
}

// hasReportingVerb reports whether lower-case s contains a verb of
// attribution or "according to".
func hasReportingVerb(s string) bool {
	if strings.Contains(s, "according to") {
		return true
	}
	start := -1
	for i := 0; i <= len(s); i++ {
		letter := i < len(s) && s[i] >= 'a' && s[i] <= 'z'
		if letter && start < 0 {
			start = i
		} else if !letter && start >= 0 {
			if i-start >= 4 && i-start <= 9 && reportingVerbs[s[start:i]] {
				return true
			}
			start = -1
		}
	}
	return false
}

// onlyNetworkNames reports whether lower-case s consists of nothing but
// social network names and separators ("facebook", "twitter | email").
func onlyNetworkNames(s string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		known := f == "x" || f == "share" || f == "on"
		for _, n := range socialNames {
			known = known || f == n
		}
		if !known {
			return false
		}
	}
	return true
}
