package clean

import (
	"regexp"
	"strings"
)

// aboutHeading matches "About <Name>" headings.
var aboutHeading = regexp.MustCompile(`^about\s+(the\s+)?(.{2,60}?)\s*:?$`)

// runAboutFooter removes "About <Outlet>" headings with the paragraphs
// after them that describe the outlet (they name it, or describe "us" /
// "our" work). The heading alone goes when it names the document's outlet.
// Each describing paragraph may be long: it is the outlet's self
// description, not reporting, which is why the name must appear in it.
func runAboutFooter(st *state) {
	us := st.units
	for i := range us {
		if !st.free(i) || us[i].words > 6 || endsSentence(us[i].text) {
			continue
		}
		m := aboutHeading.FindStringSubmatch(us[i].norm)
		if m == nil || !startsUpper(strings.TrimSpace(us[i].text[len("about"):])) {
			continue
		}
		name := m[2]
		j := i + 1
		for j < len(us) && st.free(j) && describesOutlet(&us[j], name, st.d.Outlet) {
			j++
		}
		if j == i+1 && !sameName(name, st.d.Outlet) {
			continue
		}
		if reportingFollows(st, j) {
			continue // a subheading inside the article, not a footer
		}
		for k := i; k < j; k++ {
			st.mark(k, CodeAboutOutlet, "description of the outlet under "+quote(us[i].text))
		}
	}
}

// describesOutlet reports whether u describes the outlet called name (or
// outlet): it names it, or speaks for it in the first person plural.
func describesOutlet(u *unit, name, outlet string) bool {
	n := u.norm
	selfWords := strings.Contains(n, " is a ") || strings.Contains(n, " is an ") || strings.Contains(n, " is the ") ||
		hasWord(n, "we") || hasWord(n, "our") || strings.Contains(n, "founded") || strings.Contains(n, "platform") ||
		strings.Contains(n, "mission") || strings.Contains(n, "dedicated")
	if !selfWords {
		return false
	}
	k := nameKey(u.text)
	if nk := nameKey(name); len(nk) >= 3 && strings.Contains(k, nk) {
		return true
	}
	if ok := nameKey(outlet); len(ok) >= 3 && strings.Contains(k, ok) {
		return true
	}
	return (hasWord(n, "we") || hasWord(n, "our")) && (strings.Contains(n, "platform") || strings.Contains(n, "independent") ||
		strings.Contains(n, "news site") || strings.Contains(n, "website") || strings.Contains(n, "founded") || strings.Contains(n, "mission"))
}

// reportingFollows reports whether a kept line that reads like reporting
// comes at or after unit i.
func reportingFollows(st *state, i int) bool {
	for ; i < len(st.units); i++ {
		if st.free(i) && st.units[i].isReporting() {
			return true
		}
	}
	return false
}
