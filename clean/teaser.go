package clean

import "regexp"

// teaserLabels are the labels that introduce links to other articles.
const teaserLabels = `(read more|read also|also read|read next|see more|more reading|further reading|related|related articles?|related stories|related news|related coverage|related content|related links?|related posts?|see also|more on this( story)?|more from us|watch|watch now|listen|recommended|recommended for you|you may also like|you might also like|don't miss|must read|editor's picks?|explore more)`

// teaserPrefix matches "Read more: …", "RELATED: …", "See also – …",
// "[Related: …]" at the start of a normalized line.
var teaserPrefix = regexp.MustCompile(`^[\[(]?` + teaserLabels + `(\s*(:|–|—|\||»|>|›)|\s+-(\s|$)|\.\.\.|…)\s*\S`)

// teaserLabel matches a teaser label alone on its line ("Related",
// "You may also like...").
var teaserLabel = regexp.MustCompile(`^[\[(]?` + teaserLabels + `\s*(:|\.\.\.|…|»|›)?[\])]?$`)

// matchTeaser removes "Read more: …" style links to other articles. A label
// alone on its line is left to the sidebar rules, which take the list
// under it, and to runTeaserLabels after them.
func matchTeaser(st *state, u *unit) string {
	if u.words > 35 {
		return ""
	}
	if teaserPrefix.MatchString(head(u.norm, 48)) {
		return "link to another article"
	}
	return ""
}

// runTeaserLabels removes teaser labels alone on their line that no
// sidebar rule took with a list.
func runTeaserLabels(st *state) {
	for i := range st.units {
		if u := &st.units[i]; st.free(i) && u.words <= 6 && teaserLabel.MatchString(u.norm) {
			st.mark(i, CodeReadMoreTeaser, "label of a link to another article")
		}
	}
}

// readTime matches "4 min read", "5-minute read", "Reading time: 3 minutes".
var readTime = regexp.MustCompile(`^((\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*(min|mins|minutes?)\.?(\s+(read|reading|to read|listen))?|(estimated\s+)?(reading|read)\s+time\s*:?\s*(\d+|less than (a|one))\s*(min|mins|minutes?)\.?)$`)

// matchReadTime removes reading-time notes.
func matchReadTime(st *state, u *unit) string {
	if u.words <= 8 && readTime.MatchString(u.norm) {
		return "reading-time note"
	}
	return ""
}

// advert matches advertisement markers that stand alone on a line.
var advert = regexp.MustCompile(`^(advertisement|advertisements|advert|ad|ads|sponsored|sponsored content|paid content|promoted|story continues below( this)? advertisement|article continues below( this)?( advertisement| ad)?|continue reading (the main story|below)|scroll to continue( with content)?)\.?$`)

// matchAdvertisement removes advertisement markers.
func matchAdvertisement(st *state, u *unit) string {
	if u.words <= 8 && advert.MatchString(u.norm) {
		return "advertisement marker"
	}
	return ""
}

// widgetNotices are placeholders left by embedded players and widgets.
var widgetNotices = map[string]bool{
	"media playback is unsupported on your device": true, "media playback is not supported on this device": true,
	"your browser does not support the video tag.": true, "your browser does not support the audio element.": true,
	"this video is not available": true, "loading…": true, "loading...": true, "loading": true,
	"please enable javascript to view the comments": true, "javascript is disabled": true, "embed": true,
	"this content is not available": true, "click to expand": true, "click to enlarge": true, "enlarge this image": true,
	"toggle caption": true, "hide caption": true, "show caption": true, "view gallery": true, "open gallery": true,
}

// matchWidget removes placeholders of embedded players and galleries.
func matchWidget(st *state, u *unit) string {
	if u.words <= 10 && widgetNotices[u.norm] {
		return "placeholder of an embedded player or widget"
	}
	return ""
}
