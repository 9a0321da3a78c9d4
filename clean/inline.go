package clean

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cleaning inside long lines. Archives and crawlers often deliver a story's
// text with its line breaks lost (news-please records, flattened extractor
// output): captions, credits, embedded posts, sign-up boxes and lists of
// other stories then sit inside the one long line, glued to the sentences
// of reporting. The finders below locate such pieces by their own markers
// (a credit in brackets, "Image caption", "Click to share on", the
// "-- Name (@handle) Month D, YYYY" signature of an embedded post) and
// remove only them; the rest of the line stays, joined by a space.

// A line is searched for pieces of boilerplate inside it when it looks
// flattened: it is the document's only line and at least minInlineBytes
// long, or it is at least minFlatBytes long. Shorter lines of a document
// with line breaks are paragraphs or whole lines of furniture, which the
// line rules judge.
const (
	minInlineBytes = 400
	minFlatBytes   = 2000
)

// mark is one piece of boilerplate inside a unit, in unit-relative byte
// offsets.
type mark struct {
	start, end int
	code, why  string
}

// inlineFinder finds pieces of boilerplate in the text of one long line.
type inlineFinder func(st *state, text string) []mark

// inlineFinders run in this order; where two pieces overlap, the earlier
// finder's piece wins.
var inlineFinders = []inlineFinder{
	findFixedFurniture,
	findSocialEmbeds,
	findGalleries,
	findLabelledCaptions,
	findCountedCaptions,
	findCapsCreditCaptions,
	findBracketCredits,
	findRelatedLists,
	findFurnitureSentences,
	findStandfirst,
	findLeadHeadline,
	findPicturedCaptions,
	findSlideshows,
	findTrailingTitle,
	findGluedCaptions,
	findRepeatedCaptions,
	findTrailingCaptions,
}

// runInline finds the pieces of boilerplate inside each long kept line.
func runInline(st *state) {
	for i := range st.units {
		u := &st.units[i]
		if !st.free(i) || len(u.text) < minInlineBytes || len(st.units) > 1 && len(u.text) < minFlatBytes {
			continue
		}
		var all []mark
		for _, f := range inlineFinders {
			all = append(all, f(st, u.text)...)
		}
		var on []mark
		for _, m := range all {
			if !st.off(m.code) {
				on = append(on, m)
			}
		}
		if ms := settle(u.text, on); len(ms) > 0 {
			if st.inline == nil {
				st.inline = map[int][]mark{}
			}
			st.inline[i] = ms
		}
	}
}

// off reports whether the options disable the rules of code.
func (st *state) off(code string) bool {
	for _, c := range st.opts.Disable {
		if c == code {
			return true
		}
	}
	return false
}

// settle trims each mark to its non-space bytes and to what earlier marks
// leave of it (a mark that overlaps an earlier one keeps its longest free
// part), and sorts them by position.
func settle(text string, ms []mark) []mark {
	var out []mark
	for _, m := range ms {
		for _, o := range out {
			if m.start >= o.end || o.start >= m.end {
				continue
			}
			// Keep the longer free side of m.
			if o.start-m.start >= m.end-o.end {
				m.end = o.start
			} else {
				m.start = o.end
			}
		}
		s, e := trimSpan(text, m.start, m.end)
		if s >= e || countWords(text[s:e]) == 0 {
			continue
		}
		m.start, m.end = s, e
		out = append(out, m)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	return fillGaps(text, out)
}

// fillGaps widens a credit (or a caption right after a video player) to
// the short stretch of text between it and the piece of furniture before
// it, when that stretch reads like a caption (two sentences at most, no
// quotation): "Skip Ad … <video caption>. USA TODAY <photo caption>.
// (Photo: …)".
func fillGaps(text string, ms []mark) []mark {
	for k := 1; k < len(ms); k++ {
		m := &ms[k]
		afterPlayer := ms[k-1].code == CodeAdvertisement || ms[k-1].code == CodeWidget
		if m.code != CodePhotoCredit && !(m.code == CodePhotoCaption && afterPlayer) {
			continue
		}
		gap := text[ms[k-1].end:m.start]
		if strings.TrimSpace(gap) == "" || len(gap) > 320 || strings.ContainsAny(gap, "\"“”") {
			continue
		}
		if len(sentenceStarts(gap, 0, len(gap))) > 2 {
			continue
		}
		s, _ := trimSpan(text, ms[k-1].end, m.start)
		m.start, m.code, m.why = s, CodePhotoCaption, "caption between pieces of page furniture"
	}
	return ms
}

// --- fixed furniture -------------------------------------------------

// fixedPatterns are phrases that are page furniture wherever they occur:
// share bars, sign-up boxes, ad and video-player labels, robot checks.
var fixedPatterns = []struct {
	re        *regexp.Regexp
	code, why string
}{
	{regexp.MustCompile(`(?:Click to share on \w+ \(Opens in new window\)\s*)+`), CodeShareFollow, "share buttons"},
	{regexp.MustCompile(`Get (?:\w+ )?updates directly to your inbox \+ Subscribe Thank you for subscribing!(?:\s*Could not subscribe, try again later)?(?:\s*Invalid Email)?`), CodeShareFollow, "newsletter sign-up box"},
	{regexp.MustCompile(`Skip Ad Ad Loading\.\.\.(?: x Embed)?(?: x Share)?`), CodeAdvertisement, "video advertisement label"},
	{regexp.MustCompile(`Advertisement Continue reading the main story`), CodeAdvertisement, "advertisement label"},
	{regexp.MustCompile(`(?:Watch: [^.!?]{5,120}? )?Video Loading Video Unavailable Click to play Tap to play The video will start in \d+ Cancel Play now Watch this video again Video will play in Share this video Watch Next`), CodeWidget, "video player"},
	{regexp.MustCompile(`\d{1,3} of \d{1,3} Full Screen Autoplay Close Skip Ad x .{0,900}? Buy Photo Wait 1 second to continue\.`), CodePhotoCaption, "photo gallery"},
	{regexp.MustCompile(`Please verify you(?:'|’)re not a robot by clicking the box\.`), CodeWidget, "robot check"},
	{regexp.MustCompile(`Invalid email address\. Please re-enter\.(?: You must select a newsletter to subscribe to\.)?(?: Sign Up)?(?: Receive occasional updates and special offers for [^.]{3,60}\.)?(?: Thank you for subscribing\.)?(?: An error has occurred\. Please try again later\.)?(?: View all [^.]{3,60} newsletters\.)?`), CodeShareFollow, "newsletter sign-up box"},
	{regexp.MustCompile(`Read or Share this story: \S+`), CodeShareFollow, "share prompt"},
	{regexp.MustCompile(`Follow [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} on Twitter: @\w+`), CodeByline, "author's social account"},
	{regexp.MustCompile(`(?i:scroll down for video)`), CodeNavigation, "navigation prompt"},
	{regexp.MustCompile(`Media playback is not supported on this device`), CodeWidget, "video player"},
	{regexp.MustCompile(`Copyright (?:©\s*)?\d{4} [^.]{2,60}\.(?: All rights reserved\.)?(?: This material may not be published, broadcast, rewritten,? or redistributed\.)?`), CodeCopyright, "copyright notice"},
	{regexp.MustCompile(`(?:Read more|MORE GREAT STORIES FROM)\s*:?\s*$|READ MORE:|MORE GREAT STORIES FROM`), CodeReadMoreTeaser, "link label"},
	{regexp.MustCompile(`^Photo\b`), CodePhotoCredit, "photo label"},
	{regexp.MustCompile(`(?:Additional reporting (?:by|from) [^.]{2,60}|Contributing: [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s*(?:\.|$|(?:Read or Share))`), CodeByline, "contributors' line"},
	{regexp.MustCompile(`Your browser does not support this interactive content\.(?: You must be using a modern browser with Javascript enabled to view our results maps\.)?`), CodeWidget, "interactive content notice"},
	{regexp.MustCompile(`This is a breaking news story, more follows\.*`), CodeWidget, "breaking-news notice"},
}

// findFixedFurniture finds the fixed phrases of page furniture.
func findFixedFurniture(st *state, text string) []mark {
	var out []mark
	for _, p := range fixedPatterns {
		for _, loc := range p.re.FindAllStringIndex(text, -1) {
			end := loc[1]
			if strings.HasSuffix(text[loc[0]:end], "Read or Share") {
				end -= len("Read or Share")
			}
			out = append(out, mark{loc[0], end, p.code, p.why})
		}
	}
	return out
}

// --- embedded social posts --------------------------------------------

// months matches an English month name or its abbreviation.
const months = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?`

// postSignature matches the signature that closes an embedded post:
// "-- Name (@handle) November 8, 2016", "A photo posted by Name
// (@handle) on Nov 9, 2016 at 1:57am PST", "Posted by Page on Tuesday,
// November 8, 2016".
var postSignature = regexp.MustCompile(`(?:--?\s*[^()\n]{1,60}?\s*\(@\w{1,20}\)\s+` + months + `\s+\d{1,2},\s+\d{3,4}` +
	`|A (?:photo|video) posted by [^()\n]{1,60}?\s*\(@\w{1,30}\)\s+on\s+` + months + `\s+\d{1,2},\s+\d{4}(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]m\s+[A-Z]{2,4})?` +
	`|Posted by [^.\n]{1,60}? on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ` + months + `\s+\d{1,2},\s+\d{4})`)

// inlinePost matches a post embedded name first: "John Prescott
// (@johnprescott) Brexit just got real. … pic.twitter.com/VyFT7KGDvv".
var inlinePost = regexp.MustCompile(`[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} \(@\w{1,20}\) [^()]{1,240}?pic\.twitter\.com/\w+`)

// monthStart matches a month name after a space.
var monthStart = regexp.MustCompile(`^\s+(?:on\s+)?` + months + `\s`)

// maxPostBytes bounds how far back from its signature an embedded post's
// text may start.
const maxPostBytes = 320

// findSocialEmbeds finds embedded posts: the signature and the post's
// text before it, back to the start of its sentences (at most a few, each
// short, none of them introduced as speech by the story).
func findSocialEmbeds(st *state, text string) []mark {
	var out []mark
	prevEnd := 0
	for _, loc := range postSignature.FindAllStringIndex(text, -1) {
		start := postStart(text, prevEnd, loc[0])
		out = append(out, mark{start, loc[1], CodeSocialEmbed, "embedded social media post"})
		prevEnd = loc[1]
	}
	for _, loc := range inlinePost.FindAllStringIndex(text, -1) {
		h := strings.Index(text[loc[0]:loc[1]], "(@")
		after := text[loc[0]+h:]
		after = after[strings.IndexByte(after, ')')+1:]
		if monthStart.MatchString(after) || strings.Contains(text[loc[0]:loc[1]], " -- ") {
			continue // a signature, handled above
		}
		out = append(out, mark{loc[0], loc[1], CodeSocialEmbed, "embedded social media post"})
	}
	return out
}

// postStart returns where the text of an embedded post that ends at sig
// begins: the start of the sentence before the signature, extended over
// earlier sentences while the post stays short and the sentence before
// carries post markers (a link, a hashtag, a mention) or the post is
// still too short to stand alone. It never goes before floor.
func postStart(text string, floor, sig int) int {
	starts := sentenceStarts(text, floor, sig)
	if len(starts) == 0 {
		return sig
	}
	k := len(starts) - 1
	start := starts[k]
	plain := 0 // sentences taken in without marks of a post
	for k > 0 {
		prev := starts[k-1]
		body := text[start:sig]
		if sig-prev > maxPostBytes {
			break
		}
		p := text[prev:start]
		if !postMarkers(p) {
			// A sentence without a link, tag or mention joins the post only
			// when the post is still too short to stand alone, once, and
			// when it is short or speaks in the first or second person.
			if len(stripLinks(body)) >= 40 || plain > 0 || len(p) >= 60 && !speaksPersonally(p) {
				break
			}
			plain++
		}
		if hasReportingVerb(strings.ToLower(p)) {
			break
		}
		if strings.HasSuffix(strings.TrimSpace(p), ":") || postIntro.MatchString(p) {
			break
		}
		start = prev
		k--
	}
	// A double space, as news-please leaves after an embed, starts a post.
	if i := strings.LastIndex(text[start:sig], "  "); i >= 0 && start+i+2 < sig {
		if r, _ := utf8.DecodeRuneInString(text[start+i+2:]); !unicode.IsLower(r) {
			start += i + 2
		}
	}
	return start
}

// postIntro matches a sentence of the story that introduces a post.
var postIntro = regexp.MustCompile(`(?i)\b(twitter|tweet|tweeted|instagram|facebook|posted|wrote|shared|handle)\b`)

// speaksPersonally reports whether s has a word of the first or second
// person, as posts do and reports rarely do outside quotation.
func speaksPersonally(s string) bool {
	for _, f := range strings.Fields(s) {
		if personal[strings.ToLower(strings.Trim(f, ",.!?:;'’\"“”"))] {
			return true
		}
	}
	return false
}

// postMarkers reports whether s carries the marks of a social post.
func postMarkers(s string) bool {
	return strings.Contains(s, "pic.twitter.com") || strings.Contains(s, "t.co/") || strings.Contains(s, "#") || strings.Contains(s, "@")
}

// stripLinks removes pic.twitter.com and t.co links from s.
func stripLinks(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		if strings.Contains(f, "pic.twitter.com") || strings.Contains(f, "t.co/") {
			continue
		}
		b.WriteString(f)
		b.WriteByte(' ')
	}
	return b.String()
}

// sentenceStarts returns the starts of the sentences of text[from:to]:
// from itself and every position after sentence-final punctuation and a
// space where an upper-case letter, a digit, a quote, "#" or "@" follows.
func sentenceStarts(text string, from, to int) []int {
	var out []int
	if s, _ := trimSpan(text, from, to); s < to {
		out = append(out, s)
	}
	for i := from; i < to-1; i++ {
		c := text[i]
		if c == ' ' && text[i+1] == ' ' && i > from && text[i-1] != ' ' {
			// Two spaces or more: a paragraph break that lost its newline.
			j := i
			for j < to && text[j] == ' ' {
				j++
			}
			if j < to && startsSentence(text[j:]) {
				out = append(out, j)
			}
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < to && strings.IndexByte("\"')]”’", text[j]) >= 0 {
			j++
		}
		if j >= to || text[j] != ' ' {
			continue
		}
		if c == '.' {
			w := text[strings.LastIndexByte(text[:i], ' ')+1 : i+1]
			if abbreviation(w) {
				continue
			}
		}
		for j < to && text[j] == ' ' {
			j++
		}
		if j < to && startsSentence(text[j:]) {
			out = append(out, j)
		}
	}
	return out
}

// startsSentence reports whether s starts like a sentence.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘#@[(", r)
}

// --- galleries --------------------------------------------------------

// galleryHead matches the head of a photo gallery: "<title> 19 show all
// <title> 1/19".
var galleryHead = regexp.MustCompile(`(\d{1,3}) show all `)

// galleryItem matches an item number "7/19".
var galleryItem = regexp.MustCompile(`\b(\d{1,3})/(\d{1,3}) `)

// findGalleries finds photo galleries: the title, "N show all", the title
// again and the numbered captions 1/N … N/N; the last caption ends after
// about the average length of the others, at a photo credit when one is
// near.
func findGalleries(st *state, text string) []mark {
	var out []mark
	for _, loc := range galleryHead.FindAllStringSubmatchIndex(text, -1) {
		n := text[loc[2]:loc[3]]
		rest := text[loc[1]:]
		first := strings.Index(rest, " 1/"+n+" ")
		if first <= 0 || first > 120 {
			continue
		}
		title := rest[:first]
		start := loc[0]
		if strings.HasSuffix(strings.TrimRight(text[:loc[0]], " "), title) {
			start = len(strings.TrimRight(text[:loc[0]], " ")) - len(title)
		}
		lastNum := strings.Index(rest, " "+n+"/"+n+" ")
		if lastNum < 0 {
			// A truncated gallery runs to the end of the line.
			out = append(out, mark{start, len(text), CodePhotoCaption, "photo gallery"})
			continue
		}
		itemsFrom := loc[1] + first
		lastFrom := loc[1] + lastNum + len(" "+n+"/"+n+" ")
		items := len(galleryItem.FindAllStringIndex(text[itemsFrom:lastFrom], -1))
		avg := 80
		if items > 1 {
			avg = (lastFrom - itemsFrom) / (items - 1)
		}
		end := galleryEnd(text, lastFrom, avg)
		out = append(out, mark{start, end, CodePhotoCaption, "photo gallery"})
	}
	return out
}

// creditTail matches a photo credit that ends a gallery caption.
var creditTail = regexp.MustCompile(`\b(?:Getty Images|Getty|AP|AFP|PA|PA wire|Reuters|EPA|Rex|REX|Shutterstock|Alamy|Images)\b`)

// galleryEnd returns where the last caption of a gallery, starting at
// from, ends: after a credit word within about avg bytes, else at the
// first run-on boundary past half of avg, else avg bytes on.
func galleryEnd(text string, from, avg int) int {
	limit := from + avg*3/2
	if limit > len(text) {
		limit = len(text)
	}
	if locs := creditTail.FindAllStringIndex(text[from:limit], -1); len(locs) > 0 {
		return from + locs[0][1]
	}
	if b := runOnBoundary(text, from+avg/2, limit); b > 0 {
		return b
	}
	return wordEnd(text, limit)
}

// wordEnd moves i forward to the end of the word it is in.
func wordEnd(text string, i int) int {
	for i < len(text) && text[i] != ' ' {
		i++
	}
	return i
}

// --- captions with labels --------------------------------------------

// captionMarker matches the labels some outlets put before captions and
// credits inside the text.
var captionMarker = regexp.MustCompile(`(?:Image copyright|Image caption|Media caption)\s`)

// findLabelledCaptions finds "Image copyright <credit>", "Image caption
// <caption>" and "Media caption <caption>": a credit runs to the next
// label, a caption to the first sentence end or run-on boundary.
func findLabelledCaptions(st *state, text string) []mark {
	var out []mark
	locs := captionMarker.FindAllStringIndex(text, -1)
	for k, loc := range locs {
		label := strings.TrimSpace(text[loc[0]:loc[1]])
		limit := len(text)
		if k+1 < len(locs) {
			limit = locs[k+1][0]
		}
		if label == "Image copyright" {
			end := limit
			if end-loc[1] > 60 {
				end = captionEnd(text, loc[1], loc[1]+60)
			}
			out = append(out, mark{loc[0], end, CodePhotoCredit, "image credit label"})
			continue
		}
		if lim := loc[1] + 160; lim < limit {
			limit = lim
		}
		out = append(out, mark{loc[0], captionEnd(text, loc[1], limit), CodePhotoCaption, "caption label"})
	}
	return out
}

// captionEnd returns where a caption that starts at from ends: at the
// first sentence end or run-on boundary after its first word, and no later
// than limit.
func captionEnd(text string, from, limit int) int {
	first := wordEnd(text, from)
	if b := runOnBoundaryIn(text, first, limit, false, false); b > 0 {
		return b
	}
	return limit
}

// --- captions that follow a credit and a gallery count ------------------

// countedCredit matches the "<credit> <N> " that opens each caption of a
// counted gallery ("Getty Images 22 ", "AP:Associated Press 6 "), the
// credit being optional.
var countedCredit = regexp.MustCompile(`(?:\b(?:[A-Z][\w:.'’&-]*\s){0,4})?\b(\d{1,2}) ([A-Z"'‘“])`)

// findCountedCaptions finds the captions of counted galleries: a number
// that several captions share (the gallery's size), after an optional
// credit and before a capitalized caption, which runs to the next such
// number or to the first run-on boundary.
func findCountedCaptions(st *state, text string) []mark {
	locs := countedCredit.FindAllStringSubmatchIndex(text, -1)
	count, credited := map[string]int{}, map[string]int{}
	var cand [][]int
	for _, l := range locs {
		if !plainCount(text, l[2]) {
			continue
		}
		n := text[l[2]:l[3]]
		if len(n) == 1 && n < "3" {
			continue // galleries have three pictures or more
		}
		cand = append(cand, l)
		count[n]++
		if galleryCredit.MatchString(text[l[0]:l[2]]) {
			credited[n]++
		}
	}
	var kept [][]int
	for _, l := range cand {
		n := text[l[2]:l[3]]
		if count[n] >= 3 && credited[n] >= 2 && !partOfQuantity(text, l[2], l[3]) {
			kept = append(kept, l)
		}
	}
	var out []mark
	for k, l := range kept {
		start := creditStart(text, l[0], l[2])
		limit := len(text)
		if k+1 < len(kept) {
			limit = kept[k+1][0]
		}
		if lim := l[4] + 320; lim < limit {
			limit = lim
		}
		end := captionEnd(text, l[4], limit)
		if k+1 < len(kept) && kept[k+1][0] <= end+1 {
			end = kept[k+1][0]
		}
		out = append(out, mark{start, end, CodePhotoCaption, "caption of a counted gallery"})
	}
	return out
}

// galleryCredit matches the words of a photo credit before a gallery
// count ("Getty Images", "PA:Press Association", "Splash News").
var galleryCredit = regexp.MustCompile(`(?i)(getty|images|pictures|press|reuters|\bepa\b|\bafp\b|\bap\b|\bpa\b|facebook|twitter|instagram|alamy|splash|news|police|sports|\brex\b|swns|shutterstock|[A-Z]:[A-Z])`)

// plainCount reports whether the number at text[i:] stands alone: after a
// space that follows a word or a sentence end, not after a currency sign,
// a slash, a comma or a colon.
func plainCount(text string, i int) bool {
	if i < 2 || text[i-1] != ' ' {
		return i == 0
	}
	switch text[i-2] {
	case ',', ':', ';', '$', '/', '(', '-':
		return false
	}
	return !(text[i-2] >= '0' && text[i-2] <= '9')
}

// creditStart returns where the credit before a gallery count begins:
// the capitalized words right before it, when the word before them ends
// a sentence or the previous caption; else the count itself.
func creditStart(text string, from, count int) int {
	s := from
	for s < count && text[s] == ' ' {
		s++
	}
	if s == count {
		return count
	}
	credit := text[s:count]
	if strings.Contains(credit, ":") || creditTail.MatchString(credit) || countWords(credit) <= 3 {
		return s
	}
	return count
}

// partOfQuantity reports whether the number at text[s:e] belongs to a
// quantity or a date ("Nov 10", "$5", "10 per cent") rather than a
// gallery count.
func partOfQuantity(text string, s, e int) bool {
	before := strings.TrimRight(text[:s], " ")
	w := before[strings.LastIndexByte(before, ' ')+1:]
	switch strings.TrimRight(w, ".,") {
	case "Nov", "November", "Oct", "October", "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May",
		"Jun", "June", "Jul", "July", "Aug", "August", "Sep", "Sept", "September", "Dec", "December", "No", "Lap", "Game", "Page":
		return true
	}
	return strings.HasSuffix(before, "$") || strings.HasSuffix(before, "£")
}

// --- captions after an all-capitals credit --------------------------------

// capsCredit matches an all-capitals photo credit at the start of a
// caption ("GETTY ", "REUTERS ", "SWNS * PA ", "SEATTLE TIMES ").
var capsCredit = regexp.MustCompile(`(?:^|[.!?"'”’]\s+|\s)((?:GETTY|REUTERS|AFP|EPA|AP|PA|BBC|SWNS|TWITTER|FACEBOOK|INSTAGRAM|YOUTUBE|ALAMY|REX|SEATTLE TIMES|SEATTLEPI|SKY NEWS)(?:\s*[*/]\s*(?:GETTY|REUTERS|AFP|EPA|AP|PA|BBC|REX))*) ([A-Z][a-z'’]+)`)

// weakCaps are all-capitals credits that are also common words or names
// in prose: they open a caption only after a sentence end.
var weakCaps = map[string]bool{"AP": true, "PA": true, "BBC": true, "AFP": true, "EPA": true}

// findCapsCreditCaptions finds captions that start with an all-capitals
// credit and run to the first run-on boundary or sentence end.
func findCapsCreditCaptions(st *state, text string) []mark {
	var out []mark
	for _, l := range capsCredit.FindAllStringSubmatchIndex(text, -1) {
		credit, next := text[l[2]:l[3]], text[l[4]:l[5]]
		if weakCaps[credit] && (!sentenceEndBefore(text, l[2]) || next == "News" || next == "Sport") {
			continue
		}
		end := captionEnd(text, l[4], minInt(len(text), l[4]+240))
		out = append(out, mark{l[2], end, CodePhotoCaption, "caption after a photo credit"})
	}
	return out
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// --- credits in brackets ----------------------------------------------

// bracketCredit matches a bracketed credit: "(Photo: Getty Images)",
// "(Reuters)", "(Steve Parsons/PA )", "(Jenny Starrs/The Washington
// Post)".
var bracketCredit = regexp.MustCompile(`\((?:Photo|Image|Picture)s?: [^()]{1,60}\)|\([^()]{1,70}\)`)

// creditInner reports whether the inside of a bracket names a photo
// source.
func creditInner(in string) bool {
	in = strings.TrimSpace(in)
	if in == "" || countWords(in) > 9 {
		return false
	}
	if strings.HasPrefix(in, "Photo: ") || strings.HasPrefix(in, "Image: ") || strings.HasPrefix(in, "Picture: ") {
		return true
	}
	if creditAcronyms.MatchString(in) || creditWords.MatchString(in) || moreCreditWords.MatchString(in) {
		return allCapitalized(in)
	}
	if strings.Contains(in, "/") {
		return allCapitalized(in)
	}
	return false
}

// moreCreditWords are further names of photo sources in credits.
var moreCreditWords = regexp.MustCompile(`(?i)\b(bbc|itn|pa|facebook|twitter|instagram|the washington post|european pressphoto agency|the independent|pool)\b`)

// allCapitalized reports whether every word of s that has letters starts
// with a capital, apart from a few joining words ("via", "of", "the").
func allCapitalized(s string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '/' || r == ',' }) {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) || unicode.IsUpper(r) {
			continue
		}
		switch f {
		case "via", "of", "the", "and", "for":
			continue
		}
		return false
	}
	return true
}

// findBracketCredits finds bracketed photo credits and the captions they
// close: the credit alone when a sentence of reporting ends right before
// it, or with the caption back to the previous sentence end (to the start
// of the line for a caption that opens it) when the words before it do
// not end a sentence or are short.
func findBracketCredits(st *state, text string) []mark {
	var out []mark
	locs := bracketCredit.FindAllStringIndex(text, -1)
	for k := 0; k < len(locs); k++ {
		loc := locs[k]
		inner := text[loc[0]+1 : loc[1]-1]
		if !creditInner(inner) && !nameCredit(text, loc[0], loc[1]) {
			continue
		}
		if after := strings.TrimLeft(text[loc[1]:], " "); strings.HasPrefix(after, "—") || strings.HasPrefix(after, "-") || strings.HasPrefix(after, "–") {
			continue // a dateline: "HAYWARD, Calif. (AP) — …"
		}
		// Runs of credits: "(Photo: PA) (Photo: PA)".
		end := loc[1]
		for k+1 < len(locs) && strings.TrimSpace(text[end:locs[k+1][0]]) == "" && creditInner(text[locs[k+1][0]+1:locs[k+1][1]-1]) {
			k++
			end = locs[k][1]
		}
		own := ownCredit(st, inner)
		before := strings.TrimRight(text[:loc[0]], " ")
		if before == "" || endsSentence(before) && !captionBefore(before, own) {
			out = append(out, mark{loc[0], end, CodePhotoCredit, "photo credit"})
			continue
		}
		start := captionStart(text, loc[0], own)
		if start < 0 {
			continue
		}
		out = append(out, mark{start, end, CodePhotoCaption, "caption closed by a photo credit"})
	}
	return out
}

// captionBefore reports whether the sentence that ends s reads like a
// caption: the outlet's own video caption opening the line (own: the
// credit names the outlet), or a sentence with no quotation closed by the
// date the picture was taken ("…, Sunday, Nov. 13, 2016.").
func captionBefore(s string, own bool) bool {
	st := sentenceStarts(s, 0, len(s))
	if own && len(st) <= 2 && len(s) < 320 {
		return true // the line opens with the outlet's own video caption
	}
	last := s[st[len(st)-1]:]
	if strings.ContainsAny(last, "\"“”") {
		return false
	}
	return countWords(last) <= 45 && (captionDate.MatchString(last) || fullDate.MatchString(last) && strings.HasSuffix(last, "."))
}

// fullDate matches a full date inside a caption ("on Nov. 10, 2016,").
var fullDate = regexp.MustCompile(`\b(?:on )` + months + `\s+\d{1,2},\s+\d{4}\b`)

// captionDate matches the date that closes a news-agency caption.
var captionDate = regexp.MustCompile(`\b` + months + `\s+\d{1,2},\s+\d{4}\.$`)

// ownCredit reports whether a credit names the document's outlet
// ("Jenny Starrs/The Washington Post" on a Washington Post page).
func ownCredit(st *state, credit string) bool {
	if st == nil || st.d == nil {
		return false
	}
	k := nameKey(st.d.Outlet)
	return len(k) >= 4 && strings.Contains(nameKey(credit), k)
}

// nameCredit reports whether the bracket at text[s:e] holds only a name
// ("(James Long)", "(Facebook)") and sits where a credit does: after
// words that do not end a sentence and before a new sentence.
func nameCredit(text string, s, e int) bool {
	in := strings.Fields(text[s+1 : e-1])
	if len(in) < 2 || len(in) > 3 {
		return false // a person's name: "(James Long)"
	}
	for _, w := range in {
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w[n:] {
			if !unicode.IsLower(c) && c != '\'' && c != '’' {
				return false
			}
		}
	}
	if sentenceEndBefore(text, s) {
		return false
	}
	rest := strings.TrimLeft(text[e:], " ")
	return rest == "" || startsSentence(rest)
}

// captionStart returns where the caption that ends at the credit at end
// starts: at the previous sentence start, or at the start of the line for
// the outlet's own video caption opening it (own; three short sentences at
// most); -1 when the words before the credit are too long to be a
// caption.
func captionStart(text string, end int, own bool) int {
	starts := sentenceStarts(text, 0, end)
	if len(starts) == 0 {
		return -1
	}
	if own && len(starts) <= 3 && end < 420 {
		return starts[0]
	}
	s := starts[len(starts)-1]
	if end-s > maxCaptionBytes {
		return -1
	}
	if c := text[s:end]; hasReportingVerb(strings.ToLower(c)) || strings.Count(c, "\"")+strings.Count(c, "“")+strings.Count(c, "”") > 2 {
		return -1 // speech: a sentence of reporting, not a caption
	}
	return s
}

// maxCaptionBytes bounds a caption closed by a credit inside a line.
const maxCaptionBytes = 250

// --- lists of other stories -------------------------------------------

// relatedHead matches the heading of a list of other stories inside a line.
var relatedHead = regexp.MustCompile(`\b(?:Related [Ss]tories|related stories|related articles|RELATED STORIES|Related Stories|You might also like:)\s`)

// findRelatedLists finds lists of links to other stories: from the heading
// to where reporting resumes (a quotation, a question or the first run-on
// boundary after the last all-capitals kicker).
func findRelatedLists(st *state, text string) []mark {
	var out []mark
	for _, loc := range relatedHead.FindAllStringIndex(text, -1) {
		limit := minInt(len(text), loc[1]+1600)
		end := relatedEnd(text, loc[1], limit)
		out = append(out, mark{loc[0], end, CodeSidebar, "list of other stories"})
	}
	// Guardian-style links: "<headline> | <author> Read more" or
	// "<headline> Read more", each on its own after a sentence end.
	for _, loc := range readMoreLink.FindAllStringIndex(text, -1) {
		starts := sentenceStarts(text, 0, loc[0])
		if len(starts) == 0 {
			continue
		}
		s := starts[len(starts)-1]
		if loc[0]-s > 200 {
			continue
		}
		out = append(out, mark{s, loc[1], CodeReadMoreTeaser, "link to another story"})
	}
	// Bracketed links at a sentence start: "[Trump maps out a new …]".
	for _, loc := range bracketLink.FindAllStringIndex(text, -1) {
		if loc[0] > 0 && !sentenceEndBefore(text, loc[0]) {
			continue
		}
		inner := strings.TrimSpace(text[loc[0]+1 : loc[1]-1])
		if countWords(inner) < 4 || glued.MatchString(inner) || unicode.IsDigit(lastRune(inner)) {
			continue
		}
		out = append(out, mark{loc[0], loc[1], CodeReadMoreTeaser, "link to another story"})
	}
	return out
}

// readMoreLink matches the "Read more" that closes a link to another
// story inside a line.
var readMoreLink = regexp.MustCompile(`[^.!?]\sRead more\b`)

// bracketLink matches a bracketed headline.
var bracketLink = regexp.MustCompile(`\[\s?[A-Z'‘"“][^\[\]]{12,200}\]`)

// glued matches a full stop glued to the next word ("no.1997").
var glued = regexp.MustCompile(`\.\S`)

// lastRune returns the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// sentenceEndBefore reports whether the text before i ends a sentence.
func sentenceEndBefore(text string, i int) bool {
	b := strings.TrimRight(text[:i], " ")
	return b == "" || endsSentence(b)
}

// relatedEnd returns where a list of other stories that starts at from
// ends.
func relatedEnd(text string, from, limit int) int {
	lastCaps := from
	prevCaps := false
	for i := from; i < limit; {
		j := wordEnd(text, i)
		w := strings.Trim(text[i:j], "'‘’\"“”?!.,")
		caps := len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
		if caps && prevCaps {
			if i-lastCaps > 600 {
				break
			}
			lastCaps = j
		}
		prevCaps = caps
		i = j + 1
	}
	end := limit
	if b := runOnBoundary(text, minInt(lastCaps+20, limit), limit); b > 0 {
		end = b
	}
	for i := lastCaps + 20; i < end; i++ {
		c := text[i]
		if (c == '?' || c == '!') && i+2 < limit && text[i+1] == ' ' && startsSentence(text[i+2:]) {
			return i + 1
		}
		if c == ' ' && i+1 < limit && (text[i+1] == '"' || strings.HasPrefix(text[i+1:], "“")) {
			return i
		}
	}
	return end
}

// --- sentences of furniture --------------------------------------------

// furnitureSentence matches whole sentences that are page furniture.
var furnitureSentence = regexp.MustCompile(`^(?:[^.!?]{0,80} delivered to your inbox[^.!?]{0,80}\.` +
	`|See full poll tracker|Play our game to make your call|Read more:?` +
	`|By [A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?: and [A-Z][a-z]+(?: [A-Z][a-z]+){1,2})?(?:, [A-Z][^.]{3,50})?)\s`)

// findFurnitureSentences finds sentences that are page furniture as a
// whole: newsletter offers, poll-tracker links, bylines left in the text.
func findFurnitureSentences(st *state, text string) []mark {
	var out []mark
	starts := sentenceStarts(text, 0, len(text))
	for _, s := range starts {
		rest := text[s:] + " "
		loc := furnitureSentence.FindStringIndex(rest)
		if loc == nil {
			continue
		}
		code, why := CodeShareFollow, "newsletter offer"
		if strings.HasPrefix(rest, "By ") {
			code, why = CodeByline, "byline"
		} else if !strings.Contains(rest[:loc[1]], "inbox") {
			code, why = CodeReadMoreTeaser, "link to another page"
		}
		out = append(out, mark{s, minInt(len(text), s+loc[1]), code, why})
	}
	// "Analysis - Anthony Zurcher, BBC News, Washington": a box's byline.
	for _, loc := range boxByline.FindAllStringIndex(text, -1) {
		out = append(out, mark{loc[0], loc[1], CodeByline, "byline of a box"})
	}
	return out
}

// boxByline matches the byline of an analysis box: "- Name, BBC News,
// Place" or "By Name, BBC North America reporter".
var boxByline = regexp.MustCompile(`(?:[A-Z][\w'’ -]{2,40} - |By )[A-Z][a-z]+ [A-Z][a-z]+, BBC [A-Z][\w ]{2,30}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][a-z]+)?)?`)

// --- the opening of the line ---------------------------------------------

// findStandfirst finds a standfirst glued before the story: text at the
// start of the line up to a share bar that follows within its first few
// hundred bytes.
func findStandfirst(st *state, text string) []mark {
	for _, bar := range []string{"Click to share on ", "Get daily updates directly", "Get politics updates directly", "Get celebs updates directly"} {
		i := strings.Index(text, bar)
		if i <= 0 || i > 300 || len(sentenceStarts(text, 0, i)) > 1 {
			continue // a standfirst is one sentence
		}
		return []mark{{0, i, CodeStandfirst, "standfirst before the share buttons"}}
	}
	return nil
}

// findTrailingTitle finds the title of a video or link that closes the
// text: a last stretch of a few words with no end punctuation and no
// quotation.
func findTrailingTitle(st *state, text string) []mark {
	if len(st.units) > 1 {
		return nil
	}
	t := strings.TrimRight(text, " ")
	if t == "" || endsSentence(t) || strings.ContainsAny(t[len(t)-1:], ",:;-") {
		return nil
	}
	starts := sentenceStarts(t, 0, len(t))
	if len(starts) < 2 {
		return nil
	}
	s := starts[len(starts)-1]
	last := t[s:]
	if n := countWords(last); n == 0 || n > 15 || strings.ContainsAny(last, "\"“”") || !startsUpper(last) || strings.Contains(last, " -- ") || strings.Contains(last, ":") || glued.MatchString(last) || unicode.IsDigit(firstRuneAny(last)) {
		return nil
	}
	return []mark{{s, len(t), CodeOtherNews, "title of a video or link at the end of the text"}}
}

// findLeadHeadline finds the headline repeated at the start of the line,
// before the first sentence of the story.
func findLeadHeadline(st *state, text string) []mark {
	t := strings.TrimSpace(st.d.Title)
	if len(t) < 20 || !strings.HasPrefix(text, t) || len(text) <= len(t)+1 || text[len(t)] != ' ' {
		return nil
	}
	return []mark{{0, len(t), CodeRepeatedHeadline, "headline repeated before the story"}}
}

// --- captions that name the picture ---------------------------------------

// picturedCue matches the wording of captions that point at the picture.
var picturedCue = regexp.MustCompile(`\((?:pictured|left|right|centre|center|circled)[^()]{0,30}\)|, pictured\b| pictured (?:with|at|in|after|before|left|right|above|below)\b`)

// findPicturedCaptions finds a caption that closes the line: words after
// the last sentence end, with no end punctuation and picture wording.
func findPicturedCaptions(st *state, text string) []mark {
	t := strings.TrimRight(text, " ")
	if endsSentence(t) {
		return nil
	}
	starts := sentenceStarts(text, 0, len(t))
	if len(starts) < 2 {
		return nil
	}
	s := starts[len(starts)-1]
	last := t[s:]
	if !picturedCue.MatchString(last) || strings.ContainsAny(last, "\"“”") || len(last) > 400 {
		return nil
	}
	return []mark{{s, len(t), CodePhotoCaption, "caption at the end of the text"}}
}

// --- slideshow promotions --------------------------------------------------

// slideshowDate matches the dated head of a promoted slideshow: "Wed,
// November 30, 2016 <description> Play slideshow … 1 of 31".
var slideshowDate = regexp.MustCompile(`\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ` + months + ` \d{1,2}, \d{4} [^.]{0,300}?Play slideshow (?:[A-Za-z:.'’ ]{0,40} )?1 of \d{1,3} `)

// findSlideshows finds promotions of other slideshows: the title before the
// date, the date, the description, "Play slideshow", the credit and count,
// and the first caption.
func findSlideshows(st *state, text string) []mark {
	var out []mark
	for _, loc := range slideshowDate.FindAllStringIndex(text, -1) {
		start := titleStart(text, loc[0])
		end := captionEnd(text, loc[1], minInt(len(text), loc[1]+200))
		out = append(out, mark{start, end, CodeSidebar, "promotion of another slideshow"})
	}
	return out
}

// titleStart returns where the short title before position i starts: back
// over at most eight words, stopping after a sentence end or at a run-on
// boundary.
func titleStart(text string, i int) int {
	start := i
	for n := 0; n < 8 && start > 0; n++ {
		before := strings.TrimRight(text[:start], " ")
		if before == "" || endsSentence(before) {
			break
		}
		ws := strings.LastIndexByte(before, ' ') + 1
		if ws > 0 {
			prev := strings.TrimRight(before[:ws], " ")
			prev = prev[strings.LastIndexByte(prev, ' ')+1:]
			if boundaryBetween(prev, before[ws:]) {
				start = ws
				break
			}
		}
		start = ws
	}
	return start
}

// --- run-on boundaries ------------------------------------------------

// starters are words that start a sentence glued to a caption with no
// punctuation between ("… in Croydon The other victims …").
var starters = map[string]bool{}

// titles open a name that starts a sentence after a caption ending in a
// name ("… glimpse of Trump Vice President Joe Biden …").
var titles = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Sir": true, "Vice": true, "Prime": true}

// determiners are starters that may follow a joining word inside a name
// or phrase ("in The Times", "with A Team").
var determiners = map[string]bool{"The": true, "A": true, "An": true, "This": true, "That": true, "These": true,
	"Those": true, "His": true, "Her": true, "Its": true, "Their": true, "In": true, "On": true, "At": true, "More": true,
	"Over": true, "Under": true, "Other": true, "Another": true, "Many": true, "Most": true, "Some": true, "Both": true,
	"Each": true, "Every": true, "Several": true, "Nearly": true, "About": true, "It": true, "We": true}

// joiners are words after which a capitalized word continues the phrase
// ("in London", "and Philip").
var joiners = map[string]bool{}

func init() {
	for _, w := range strings.Fields("The A An He She It They We His Her Its Their This That These Those But And So Yet In On At " +
		"After Before While When With Without Immediately However Meanwhile Earlier Later Now Then There Some Many Most " +
		"According Speaking Asked Following Despite During " +
		"Although Since Until If As Also Both Each Every Several Other Another Nearly About More Over Under") {
		starters[w] = true
	}
	for _, w := range strings.Fields("a an the and or of in on at to for from by with into onto near after before during " +
		"including as than that like via between against about over under among across toward towards behind beside outside " +
		"inside upon within without said says told tweeted wrote named called dubbed reading read titled chanting shouting " +
		"saying is was are were be been star fan fans team-mate teammate president leader minister secretary chief director " +
		"governor senator mayor manager coach spokesman spokeswoman singer actor actress rapper host presenter victim victims " +
		"fiancee fiance husband wife son daughter brother sister mother father friend friends partner boyfriend girlfriend " +
		"colleague cousin uncle aunt rival champion driver player striker midfielder boss candidate nominee nominees " +
		"grandfather grandmother grandson granddaughter neighbour neighbor pal added adds explained continued insisted " +
		"stated declared claimed admitted warned replied asked recalled joked sobbed shouted screamed laughed urged reads " +
		"chanted quipped noted revealed posted captioned tweets writes meets greets shakes hugs kisses joins visits watches " +
		"thanks congratulates embraces hands tells welcomes faces beats defeats met greeted joined visited thanked hugged " +
		"watched told kissed embraced congratulated welcomed faced beat defeated") {
		joiners[w] = true
	}
}

// runOnBoundary returns the first position in [from, limit) where a new
// sentence starts with no punctuation before it: a sentence end, a
// quotation opening after a plain word, a starter word after a word that
// does not join it, or a capitalized word after a lower-case word that
// does not join it. It returns 0 when there is none.
func runOnBoundary(text string, from, limit int) int {
	if b := runOnBoundaryIn(text, from, limit, true, false); b > 0 {
		return b
	}
	return runOnBoundaryIn(text, from, limit, false, false)
}

// runOnBoundaryIn is runOnBoundary; strict refuses a capitalized word
// that a second one follows (a name: "meets President Barack Obama"), and
// strong accepts only a starter word or a quotation after a plain word.
func runOnBoundaryIn(text string, from, limit int, strict, strong bool) int {
	if limit > len(text) {
		limit = len(text)
	}
	// Move to the start of a word.
	i := from
	for i < limit && i > 0 && text[i-1] != ' ' {
		i++
	}
	for i < limit {
		for i < limit && text[i] == ' ' {
			i++
		}
		j := wordEnd(text, i)
		if j >= limit {
			return 0
		}
		prev := text[i:j]
		k := j
		for k < limit && text[k] == ' ' {
			k++
		}
		if k >= limit {
			return 0
		}
		ne := wordEnd(text, k)
		next := text[k:ne]
		if boundaryBetween(prev, next) && (!strong || strongStart(prev, next)) {
			if !strict || !nameAhead(text, prev, next, ne, limit) {
				return k
			}
		}
		i = k
	}
	return 0
}

// strongStart reports whether next starts a sentence for sure: a starter
// word after a word that does not end one. (A quotation does not: stories
// run into quotations without punctuation, "called the move "obscene"".)
func strongStart(prev, next string) bool {
	if endsSentence(prev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) && starters[strings.Trim(next, "'’\",.:;")]
}

// nameAhead reports whether the capitalized word next, which ends at ne,
// is followed by another capitalized word (so that the two make a name)
// and does not follow a sentence end or start a quotation.
func nameAhead(text, prev, next string, ne, limit int) bool {
	if starters[strings.Trim(next, "'’\",.:;")] || endsSentence(prev) || strings.HasPrefix(next, "\"") || strings.HasPrefix(next, "“") {
		return false
	}
	if strings.ContainsAny(next, ",.:;") {
		return false
	}
	k := ne
	for k < limit && text[k] == ' ' {
		k++
	}
	if k >= limit {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsUpper(r)
}

// boundaryBetween reports whether a new sentence starts at next after
// prev.
func boundaryBetween(prev, next string) bool {
	if prev == "" || next == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if last == '.' || last == '!' || last == '?' {
		return startsSentence(next) && !abbreviation(prev)
	}
	if strings.ContainsRune(",:;-–—(/&*", last) {
		return false
	}
	first, n := utf8.DecodeRuneInString(next)
	pl := strings.ToLower(strings.Trim(prev, "'’\"”)"))
	if first == '"' || first == '“' || first == '\'' || first == '‘' {
		r, _ := utf8.DecodeRuneInString(next[n:])
		return unicode.IsUpper(r) && !joiners[pl] && firstRune(prev) != 0
	}
	if !unicode.IsUpper(first) {
		return false
	}
	w := strings.Trim(next, "'’\",.:;")
	if joiners[pl] {
		// "in The Times" continues a phrase; "set in With the race" does
		// not: a conjunction or adverb cannot follow a joining word.
		return starters[w] && !determiners[w]
	}
	if starters[w] || len(w) >= 7 && strings.HasSuffix(w, "ly") && strings.HasSuffix(next, ",") {
		return true // "… Mike Pence Previously, Trump …"
	}
	if titles[w] && unicode.IsUpper(firstRuneAny(prev)) && !titles[strings.Trim(prev, ",.")] {
		return true // "… in New York Mr Trump seems …"
	}
	p, _ := utf8.DecodeRuneInString(prev)
	return unicode.IsLower(p) && len(pl) >= 2 && w != "I"
}

// firstRuneAny returns the first rune of s.
func firstRuneAny(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// firstRune returns the first letter of s, or 0.
func firstRune(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r
		}
	}
	return 0
}

// abbreviation reports whether a word ending in a full stop is a title or
// initial rather than a sentence end ("Mr.", "B.", "Nov.").
func abbreviation(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Jr", "Sr", "Nov", "Oct", "Dec", "Jan", "Feb",
		"Aug", "Sept", "Sep", "No", "vs", "U.S", "U.K", "D.C":
		return true
	}
	return false
}

// captionLike reports whether a block of words glued before a sentence
// can be a caption: no quotation or question, no prices, figures or
// labels (lists and Q&As glue those), not a heading in capitals or in
// title case, brackets only for picture wording ("(pictured)", "(left)").
func captionLike(block string) bool {
	if strings.ContainsAny(block, "\"“”?$%;[]@#&…") || strings.Contains(block, "...") || quoteMarks(block)%2 == 1 || capsHeading(block) || titleCase(block) {
		return false
	}
	// A colon only after a caption's label: "Waving goodbye: Airport …".
	for i := strings.IndexByte(block, ':'); i >= 0; {
		label := block[:i]
		if j := strings.LastIndexAny(label, ".!?"); j >= 0 {
			label = label[j+1:]
		}
		if n := countWords(label); n > 4 || n < 2 || i+2 >= len(block) || block[i+1] != ' ' || !startsSentence(block[i+2:]) {
			return false
		}
		k := strings.IndexByte(block[i+1:], ':')
		if k < 0 {
			break
		}
		i += k + 1
	}
	fields := strings.Fields(block)
	first := fields[0]
	if unicode.IsDigit(firstRuneAny(first)) || questionWords[first] || !unicode.IsUpper(firstRuneAny(first)) {
		return false // a numbered or question heading, or a fragment
	}
	numbers, named := 0, false
	for k, f := range fields {
		w := strings.ToLower(strings.Trim(f, ",.'’"))
		if personal[w] {
			return false // captions describe the picture in the third person
		}
		if unicode.IsDigit(firstRuneAny(f)) {
			numbers++
		}
		if k > 0 && unicode.IsUpper(firstRuneAny(f)) {
			named = true
		}
	}
	if numbers*8 > len(fields) || !named && len(fields) < 12 {
		return false // figures and lists; a caption names someone or somewhere
	}
	for i := strings.IndexByte(block, '('); i >= 0; {
		if !picturedCue.MatchString(block[i:]) {
			return false
		}
		j := strings.IndexByte(block[i+1:], '(')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return true
}

// personal are the words of a text that speaks to the reader or for the
// writer, which captions do not.
var personal = map[string]bool{"i": true, "i'm": true, "i’m": true, "me": true, "my": true, "we": true, "our": true, "us": true,
	"you": true, "your": true, "you're": true, "you’re": true, "don't": true, "don’t": true}

// questionWords open headings ("How to …", "Why it matters").
var questionWords = map[string]bool{"How": true, "Why": true, "What": true, "When": true, "Where": true, "Who": true, "Which": true}

// titleCase reports whether most words of s longer than three letters
// start with a capital, as in headings ("Stadia Is Essentially A Beta").
func titleCase(s string) bool {
	up, n := 0, 0
	for _, w := range strings.Fields(s) {
		if len(w) <= 3 {
			continue
		}
		n++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			up++
		}
	}
	return n > 0 && up*10 >= n*6
}

// capsHeading reports whether most letters of s are capitals (a heading
// such as "CELEBRITIES WHO PLEDGED TO LEAVE").
func capsHeading(s string) bool {
	up, low := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up > low
}

// quoteMarks counts the single quotation marks of s: a quote opening a
// word or closing one (not an apostrophe inside a word).
func quoteMarks(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '\'' {
			continue
		}
		before := i == 0 || s[i-1] == ' '
		after := i+1 == len(s) || s[i+1] == ' ' || s[i+1] == ',' || s[i+1] == '.'
		if before || after {
			n++
		}
	}
	return n
}

// --- captions glued before a sentence -------------------------------------

// minGluedWords is the fewest words a glued caption block has.
const minGluedWords = 6

// minGluedBlocks is the fewest glued blocks a line must show before any
// is removed.
const minGluedBlocks = 2

// findGluedCaptions finds captions glued before a sentence with no
// punctuation between them ("… in Brazil That caused Verstappen to lose
// control …"), as outlets that set captions between paragraphs leave them
// when the line breaks are lost: the words of a sentence before its last
// run-on boundary. It acts only on lines where at least two sentences
// carry such a block, the sign of captions set between paragraphs.
func findGluedCaptions(st *state, text string) []mark {
	starts := sentenceStarts(text, 0, len(text))
	var cands []mark
	for k, s := range starts {
		e := len(text)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		last := 0
		for at := s; ; {
			b := runOnBoundaryIn(text, at, e, true, true)
			if b <= 0 || b >= e {
				break
			}
			if !endsSentence(strings.TrimRight(text[:b], " ")) {
				last = b
			}
			at = b
		}
		if last == 0 {
			continue
		}
		block, rest := text[s:last], text[last:e]
		if countWords(block) < minGluedWords || countWords(rest) < 4 || !captionLike(block) {
			continue
		}
		cands = append(cands, mark{s, last, CodePhotoCaption, "caption glued before a sentence"})
	}
	if len(cands) < minGluedBlocks {
		return nil
	}
	return cands
}

// --- captions that repeat the story ----------------------------------------

// minSharedWords is the fewest words two passages must share for one to be
// taken as a caption repeating the other.
const minSharedWords = 8

// findRepeatedCaptions finds captions that repeat a passage of the story
// ("A gunman opened fire in downtown Seattle …" as the lead and again
// under the photo): of two passages sharing eight words or more, the copy
// that runs into the next sentence with no punctuation (a run-on boundary
// soon after the shared words) is the caption.
func findRepeatedCaptions(st *state, text string) []mark {
	type word struct {
		start, end int
		key        string
	}
	var ws []word
	for i := 0; i < len(text); {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		j := wordEnd(text, i)
		if j > i {
			ws = append(ws, word{i, j, strings.ToLower(strings.Trim(text[i:j], ".,;:!?'’\"“”()"))})
		}
		i = j
	}
	seen := map[string]int{}
	var out []mark
	for i := 0; i+minSharedWords <= len(ws); i++ {
		var b strings.Builder
		for _, w := range ws[i : i+minSharedWords] {
			b.WriteString(w.key)
			b.WriteByte(' ')
		}
		key := b.String()
		j, ok := seen[key]
		if !ok {
			seen[key] = i
			continue
		}
		if j+minSharedWords > i {
			continue
		}
		k := minSharedWords
		for i+k < len(ws) && j+k < i && ws[i+k].key == ws[j+k].key {
			k++
		}
		for _, c := range [][2]int{{i, i + k}, {j, j + k}} {
			start, last := ws[c[0]].start, ws[c[1]-1]
			if !startsHere(text, start) {
				continue
			}
			end := gluedEnd(text, last.end)
			if end <= 0 || !captionLike(text[start:end]) {
				continue
			}
			out = append(out, mark{start, end, CodePhotoCaption, "caption repeating a passage of the story"})
			break
		}
		i += k - 1
	}
	return out
}

// startsHere reports whether a sentence or a glued caption can start at i:
// the line's start, or after a sentence end, or at a starter word.
func startsHere(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	if before == "" || endsSentence(before) {
		return true
	}
	prev := before[strings.LastIndexByte(before, ' ')+1:]
	return strongStart(prev, text[i:wordEnd(text, i)])
}

// gluedEnd returns where a passage whose shared words end at from ends
// when it runs into the next sentence without punctuation: the first
// run-on boundary within a few words, if no sentence end comes first; 0
// otherwise.
func gluedEnd(text string, from int) int {
	limit := minInt(len(text), from+160)
	// The shared words may end the passage: check the boundary right after.
	at := from
	for at > 0 && text[at-1] != ' ' {
		at--
	}
	b := runOnBoundaryIn(text, at, limit, false, false)
	if b <= 0 {
		return 0
	}
	if endsSentence(strings.TrimRight(text[:b], " ")) {
		return 0
	}
	return b
}

// findTrailingCaptions finds the captions some outlets gather at the end of
// the text: a closing run of two sentences or more, each sharing eight
// words or more with another sentence of the text and quoting no one
// ("The scene after a tram overturned in Croydon, …" under three photos).
func findTrailingCaptions(st *state, text string) []mark {
	starts := sentenceStarts(text, 0, len(text))
	if len(starts) < 4 {
		return nil
	}
	type sent struct{ s, e int }
	var ss []sent
	for k, s := range starts {
		e := len(text)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		ss = append(ss, sent{s, e})
	}
	grams := make([]map[string]bool, len(ss))
	owners := map[string]map[int]bool{}
	for k, x := range ss {
		grams[k] = map[string]bool{}
		ws := strings.Fields(strings.ToLower(text[x.s:x.e]))
		for i := 0; i+minSharedWords <= len(ws); i++ {
			g := strings.Join(ws[i:i+minSharedWords], " ")
			grams[k][g] = true
			if owners[g] == nil {
				owners[g] = map[int]bool{}
			}
			owners[g][k] = true
		}
	}
	repeats := func(k int) bool {
		for g := range grams[k] {
			if len(owners[g]) > 1 {
				return true
			}
		}
		return false
	}
	first := len(ss)
	for k := len(ss) - 1; k >= 0; k-- {
		t := text[ss[k].s:ss[k].e]
		if !repeats(k) || strings.ContainsAny(t, "\"“”") || quoteMarks(t) > 0 || countWords(t) > 40 {
			break
		}
		first = k
	}
	if len(ss)-first < 2 {
		return nil
	}
	var out []mark
	for k := first; k < len(ss); k++ {
		out = append(out, mark{ss[k].s, ss[k].e, CodePhotoCaption, "caption repeated at the end of the text"})
	}
	return out
}
