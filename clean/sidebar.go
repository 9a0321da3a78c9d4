package clean

import (
	"regexp"
	"strings"
)

// isMoreItem reports whether u is a teaser item ending in a "More" link:
// "More" glued to the item's last word or punctuation ("…countries.More"),
// or a spaced "Read more" / "More »" link. The check is on the original
// text, where the link is capitalized, so that prose ending in "more"
// never matches.
func isMoreItem(u *unit) bool {
	if u.words > 60 {
		return false // a whole flattened page, not a teaser
	}
	t := u.text
	for _, suf := range []string{"Read more »", "Read More »", "More »", "More ›", "More >>", "Read more", "Read More", "READ MORE"} {
		if strings.HasSuffix(t, " "+suf) || strings.HasSuffix(t, "\u00a0"+suf) {
			return true
		}
	}
	if !strings.HasSuffix(t, "More") || len(t) <= 4 {
		return false
	}
	head := t[:len(t)-4]
	c := head[len(head)-1]
	return strings.ContainsRune(".!?\"')…", rune(c)) || c >= 'a' && c <= 'z' ||
		strings.HasSuffix(head, "”") || strings.HasSuffix(head, "’") || strings.HasSuffix(head, "…")
}

// sidebarHeading matches headings of lists of other articles.
var sidebarHeading = regexp.MustCompile(`^(more|see more|most read( in [\p{L}' .-]{2,30})?|most popular( in [\p{L}' .-]{2,30})?|most viewed|most shared|most commented|popular|popular now|popular stories|popular on [\p{L}' .-]{2,30}|editor's picks|editors' picks|editor’s picks|top stories|top news|recommended|recommended stories|you may also like|you might also like|related|related stories|related articles|related news|related posts|latest|latest news|latest stories|latest articles|don't miss|highlights|in brief|news in brief|[\p{L}' -]{2,30} in brief|what to read next|read next|more to read)\s*(:|\.\.\.|…)?$`)

// trailerHeading matches headings of "other news" lists that close a page.
var trailerHeading = regexp.MustCompile(`^(other news|more news|more stories|more articles|other stories|more from [\p{L}' .-]{2,40}|more in [\p{L}' .-]{2,40}|also on [\p{L}' .-]{2,40}|trending|trending now|trending stories|trending news|more on this story|more on this topic|next article|previous article|next story|previous story)\s*:?$`)

// isListItem reports whether u looks like an item of a list of other
// articles: a teaser with a More link, or a short headline-like line.
func isListItem(u *unit) bool {
	if isMoreItem(u) {
		return true
	}
	return u.words <= 25 && !endsSentence(u.text) && !u.isReporting()
}

// isHeadingLike reports whether u could head a sidebar: short, no
// sentence punctuation.
func isHeadingLike(u *unit) bool {
	return u.words >= 1 && u.words <= 6 && !endsSentence(u.text) && !strings.ContainsAny(u.text, ",;")
}

// moreListWhy explains the removal of a list of "…More" teasers.
const moreListWhy = "list of teasers ending in More links, with its heading"

// runSidebars removes blocks of teaser items that end in "More" (with the
// short heading above them) and lists under sidebar headings such as
// "Most read" or "Iran in Brief".
func runSidebars(st *state) {
	us := st.units
	for i := 0; i < len(us); i++ {
		if !st.free(i) {
			continue
		}
		// A run of "…More" items: two or more, or one short item under a
		// heading (a lone paragraph with a glued "More" may be reporting
		// cut off by the page; it stays).
		if isMoreItem(&us[i]) {
			j := i
			for j < len(us) && st.free(j) && isMoreItem(&us[j]) {
				j++
			}
			h := i - 1
			headed := h >= 0 && st.free(h) && isHeadingLike(&us[h])
			if j-i < 2 && !(headed && us[i].words <= 40) {
				continue
			}
			if headed {
				st.mark(h, CodeSidebar, moreListWhy)
			}
			for k := i; k < j; k++ {
				st.mark(k, CodeSidebar, moreListWhy)
			}
			i = j - 1
			continue
		}
		// A named sidebar heading followed by list items.
		if isHeadingLike(&us[i]) && sidebarHeading.MatchString(strings.TrimRight(us[i].norm, ":")) {
			j := i + 1
			for j < len(us) && st.free(j) && isListItem(&us[j]) {
				j++
			}
			// Two items at least, unless the list closes the page: a lone
			// short line under "Highlights" may be the article's own.
			if j >= i+3 || restRemoved(st, j) {
				for k := i; k < j; k++ {
					st.mark(k, CodeSidebar, "list of other articles under the heading "+quote(us[i].text))
				}
				i = j - 1
			}
		}
	}
}

// runTrailers removes "Other news", "More stories" and "Trending" headings
// with the list items under them.
func runTrailers(st *state) {
	us := st.units
	for i := 0; i < len(us); i++ {
		if !st.free(i) || !isHeadingLike(&us[i]) || !trailerHeading.MatchString(strings.TrimRight(us[i].norm, ":")) {
			continue
		}
		j := i + 1
		for j < len(us) && st.free(j) && isListItem(&us[j]) {
			j++
		}
		// A trailer closes the page: no reporting may follow it. The
		// heading alone counts when nothing kept follows it.
		if reportingFollows(st, j) || j == i+1 && !restRemoved(st, j) {
			continue
		}
		for k := i; k < j; k++ {
			st.mark(k, CodeOtherNews, "list of other articles under the heading "+quote(us[i].text))
		}
		i = j - 1
	}
}

// restRemoved reports whether every unit from i on is already removed.
func restRemoved(st *state, i int) bool {
	for ; i < len(st.units); i++ {
		if st.free(i) {
			return false
		}
	}
	return true
}

// quote wraps s in double quotes for an explanation.
func quote(s string) string { return "\"" + s + "\"" }
