package claim

import (
	"regexp"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// knownOutlets maps spellings of news outlets to one name.
var knownOutlets = map[string]string{
	"ap": "Associated Press", "associated press": "Associated Press",
	"the associated press": "Associated Press", "reuters": "Reuters",
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"washington post": "Washington Post", "the washington post": "Washington Post",
	"new york times": "New York Times", "the new york times": "New York Times",
	"bbc": "BBC", "cnn": "CNN", "al jazeera": "Al Jazeera", "al-jazeera": "Al Jazeera",
	"al arabiya": "Al Arabiya", "the guardian": "The Guardian", "guardian": "The Guardian",
	"wall street journal": "Wall Street Journal", "the wall street journal": "Wall Street Journal",
	"bloomberg": "Bloomberg", "xinhua": "Xinhua", "anadolu": "Anadolu",
	"anadolu agency": "Anadolu", "fox news": "Fox News", "npr": "NPR",
	"sky news": "Sky News", "rudaw": "Rudaw", "kurdistan 24": "Kurdistan 24",
	"shafaq news": "Shafaq News", "iraqi news agency": "Iraqi News Agency",
	"ina": "Iraqi News Agency", "irna": "IRNA", "tasnim": "Tasnim", "fars": "Fars",
	"press tv": "Press TV", "al mayadeen": "Al Mayadeen", "asharq al-awsat": "Asharq Al-Awsat",
	"middle east eye": "Middle East Eye", "the national": "The National",
	"arab news": "Arab News", "al-monitor": "Al-Monitor", "politico": "Politico",
	"usa today": "USA Today", "los angeles times": "Los Angeles Times",
	"financial times": "Financial Times", "the economist": "The Economist",
	"newsweek": "Newsweek", "axios": "Axios", "haaretz": "Haaretz",
	"times of israel": "Times of Israel", "jerusalem post": "Jerusalem Post",
	"the jerusalem post": "Jerusalem Post", "deutsche welle": "Deutsche Welle",
	"dw": "Deutsche Welle", "france 24": "France 24", "euronews": "Euronews",
	"iran international": "Iran International", "the times": "The Times",
	"daily telegraph": "Daily Telegraph", "the telegraph": "Daily Telegraph",
	"the independent": "The Independent", "daily mail": "Daily Mail",
	"the new arab": "The New Arab", "alsumaria": "Alsumaria", "al-sumaria": "Alsumaria",
}

// outletHeads end the names of outlets not in the list ("Baghdad Post").
var outletHeads = `Post|Times|News|Agency|Press|Journal|Herald|Tribune|Telegraph|Guardian|Gazette|Chronicle|Monitor|Observer|TV|Radio|Television|Broadcasting|Network|Daily|Magazine|Wire`

var (
	capRun     = `(?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4}`
	outletName = `(?:[Tt]he\s+)?(?:Associated Press|AP|Reuters|AFP|BBC|CNN|Al[ -]Jazeera|Bloomberg|Xinhua|` + capRun + `)`
	relayBody  = `(told|speaking to|spoke to|according to|quoting|quoted by|reported by|in an interview with|interviewed by|cited by|citing)\s+(` + outletName + `)`
	relayRe    = regexp.MustCompile(`\b` + relayBody)
	creditRe   = regexp.MustCompile(`\((AP|Reuters|AFP|Associated Press)\)`)
	prefixRe   = regexp.MustCompile(`^(` + capRun + `)\s*:`)
	reportedRe = regexp.MustCompile(`\b(` + outletName + `)\s+(reported|reports|said in (?:a|its) report)\b`)
	genericRe  = regexp.MustCompile(`(?i)\b(the newspaper|the paper|the agency|the news agency|the daily|the broadcaster|the report)\b`)
)

// Relay is a place where a document credits another outlet as its source.
type Relay struct {
	Outlet string
	// Cue is what was matched ("told", "(AP)", "title prefix", …).
	Cue  string
	Span document.Span
	// Whole marks a credit that covers the whole report (a title prefix
	// or a dateline credit), not one statement.
	Whole bool
}

// normalizeOutlet returns the canonical outlet name for a matched name, or
// "" when it does not look like an outlet.
func normalizeOutlet(name string) string {
	n := strings.TrimSpace(strings.TrimRight(name, ".,;: "))
	for _, suf := range []string{"’s", "'s"} {
		n = strings.TrimSuffix(n, suf)
	}
	l := strings.ToLower(n)
	if o, ok := knownOutlets[l]; ok {
		return o
	}
	l = strings.TrimPrefix(l, "the ")
	if o, ok := knownOutlets[l]; ok {
		return o
	}
	// An unknown name counts only when it ends like an outlet's name.
	fields := strings.Fields(n)
	if len(fields) < 2 {
		return ""
	}
	last := fields[len(fields)-1]
	for _, h := range strings.Split(outletHeads, "|") {
		if last == h {
			return strings.TrimPrefix(strings.TrimPrefix(n, "The "), "the ")
		}
	}
	return ""
}

// FindRelays returns the places where text credits another outlet. The
// document's own outlet (self) is left out.
func FindRelays(text, self string) []Relay {
	var out []Relay
	selfN := normalizeOutlet(self)
	add := func(outlet, cue string, sp document.Span, whole bool) {
		if outlet == "" || (selfN != "" && outlet == selfN) || strings.EqualFold(outlet, self) {
			return
		}
		out = append(out, Relay{Outlet: outlet, Cue: cue, Span: sp, Whole: whole})
	}
	for _, m := range findRelayCues(text) {
		name := text[m[4]:m[5]]
		o := longestOutlet(name)
		add(o, text[m[2]:m[3]], document.Span{Start: m[0], End: m[1]}, false)
	}
	for _, m := range findReportedCues(text) {
		o := longestOutlet(text[m[2]:m[3]])
		add(o, text[m[4]:m[5]], document.Span{Start: m[0], End: m[1]}, false)
	}
	for _, m := range creditRe.FindAllStringSubmatchIndex(text, -1) {
		// A credit in the first line ("BAGHDAD (AP) —") covers the report;
		// elsewhere it credits a photo or a passage.
		line := strings.LastIndexByte(text[:m[0]], '\n')
		whole := line < 0 && m[0] < 80
		add(normalizeOutlet(text[m[2]:m[3]]), "credit", document.Span{Start: m[0], End: m[1]}, whole)
	}
	if m := prefixRe.FindStringSubmatchIndex(text); m != nil {
		add(normalizeOutlet(text[m[2]:m[3]]), "title prefix", document.Span{Start: m[0], End: m[1]}, true)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// longestOutlet finds an outlet name at the start of a capitalized run
// ("the Washington Post that" → Washington Post; "Iraqi media" → "").
func longestOutlet(run string) string {
	f := strings.Fields(run)
	for n := len(f); n > 0; n-- {
		if o := normalizeOutlet(strings.Join(f[:n], " ")); o != "" {
			return o
		}
	}
	return ""
}

// mainRelay returns the outlet a document relays as a whole, or else the
// one it credits most often, and whether there is one.
func mainRelay(relays []Relay) (string, bool) {
	count := map[string]int{}
	for _, r := range relays {
		if r.Whole {
			return r.Outlet, true
		}
		if r.Cue != "credit" {
			count[r.Outlet]++
		}
	}
	best, n := "", 0
	for o, c := range count {
		if c > n || (c == n && o < best) {
			best, n = o, c
		}
	}
	return best, n > 0
}
