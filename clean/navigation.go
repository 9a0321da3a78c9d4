package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// navSeparators split section paths ("World - Middle East - Outlet",
// "Home > News > Iraq").
var navSeparators = []string{" - ", " – ", " — ", " > ", " » ", " › ", " / ", " | ", " :: ", " · "}

// matchNavigation removes section paths: three or more short title-cased
// segments, or two when one of them is "Home" or the outlet's name.
func matchNavigation(st *state, u *unit) string {
	if u.words > 16 || endsSentence(u.text) {
		return ""
	}
	if u.words <= 5 && siteLinks[strings.TrimRight(u.norm, " :»›>")] {
		return "site menu or utility link"
	}
	for _, sep := range navSeparators {
		if !strings.Contains(u.text, sep) {
			continue
		}
		segs := strings.Split(u.text, sep)
		ok := true
		for _, s := range segs {
			s = strings.TrimSpace(s)
			if s == "" || countWords(s) > 4 || !startsUpper(s) || strings.ContainsAny(s, ".!?,;:\"“”") {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if len(segs) >= 3 {
			return "section path"
		}
		first, last := normalize(segs[0]), normalize(segs[len(segs)-1])
		if first == "home" || sameName(last, st.d.Outlet) || sameName(first, st.d.Outlet) {
			return "section path"
		}
	}
	return ""
}

// startsUpper reports whether s starts with an upper-case letter or a digit.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// sameName reports whether two names are equal ignoring case, spaces and
// punctuation ("Baghdad Post" and "Baghdadpost").
func sameName(a, b string) bool {
	ka, kb := nameKey(a), nameKey(b)
	return ka != "" && ka == kb
}

// nameKey lower-cases s and keeps only letters and digits.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// siteLinks are site utility links and menu labels that stand alone on a
// line; none of them is ever a sentence of reporting.
var siteLinks = map[string]bool{}

func init() {
	for _, l := range []string{
		"skip to content", "skip to main content", "skip to navigation", "jump to content", "back to top", "back to main menu",
		"main menu", "menu", "open menu", "close menu", "close", "search", "search for", "toggle navigation", "navigation",
		"sign in", "log in", "login", "log out", "logout", "register", "my account", "create account", "sign out",
		"privacy policy", "privacy", "cookie policy", "cookie settings", "manage cookies", "terms of use", "terms of service",
		"terms and conditions", "terms & conditions", "contact us", "contact", "about us", "advertise", "advertise with us",
		"advertising", "careers", "site map", "sitemap", "help", "faq", "feedback", "rss", "rss feeds", "adchoices", "ad choices",
		"newsletters", "email newsletters", "mobile apps", "customer service", "accessibility", "do not sell my personal information",
		"print", "print article", "comments", "show comments", "hide comments", "view comments", "leave a comment", "add a comment",
		"tweet", "pin it", "copy link", "copied", "next post", "previous post", "next article", "previous article", "load more",
		"show more", "see more", "view more", "all news", "breaking news", "watch live", "listen live", "live tv",
	} {
		siteLinks[l] = true
	}
}
