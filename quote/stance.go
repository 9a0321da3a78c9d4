package quote

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// stanceVerbs take the attributed matter as their object: "the senator
// called the plan a disgrace", "the union endorsed Ms. Cole", "critics
// accused the mayor of stalling". They are tried only when a sentence
// holds no verb of saying. Only verbs of a speech act or a stated belief
// qualify: acts and wishes ("sought to", "supported", "backed", "wants",
// "blamed", "expressed outrage", "refused") report no words and are left
// out.
var stanceVerbs = map[string]bool{
	"called": true, "calls": true, "described": true, "describes": true,
	"accused": true, "accuses": true, "criticized": true, "criticizes": true,
	"criticised": true, "endorsed": true, "endorses": true, "praised": true,
	"praises": true, "rejected": true, "rejects": true, "dismissed": true,
	"dismisses": true, "questioned": true, "questions": true,
	"blasted": true, "blasts": true, "proposed": true, "proposes": true,
	"condemned": true, "condemns": true,
	"slammed": true, "slams": true, "touted": true, "touts": true,
	"welcomed": true, "welcomes": true, "applauded": true, "hailed": true,
	"mocked": true, "ridiculed": true, "lambasted": true, "decried": true,
	"denounced": true, "denounces": true, "disputed": true, "disputes": true,
	"recommended": true, "recommends": true,
	"demanded": true, "demands": true, "requested": true, "requests": true,
	"asked": true, "asks": true, "urged": true, "urges": true,
	"predicted": true, "predicts": true,
	"announced": true, "announces": true, "reported": true, "reports": true,
	"revealed": true, "reveals": true, "disclosed": true, "discloses": true,
	"acknowledged": true, "acknowledges": true, "admitted": true,
	"admits": true, "denied": true, "denies": true, "confirmed": true,
	"confirms": true, "promised": true, "promises": true, "pledged": true,
	"vowed": true, "vows": true, "threatened": true, "threatens": true,
	"endorse": true, "doubt": true, "doubts": true,
	"insisted": true, "argued": true, "noted": true,
}

// stance reads "X called Y …" and similar sentences: the object, up to
// the next comma or the sentence end, is the content.
func (x *extraction) stance(ws []word, s document.Span, si int) (found, bool) {
	for k := 1; k+2 < len(ws); k++ {
		l := ws[k].text
		if !stanceVerbs[l] || passive(ws, k) || nounUse(ws, k) {
			continue
		}
		spk := x.subject(ws, k, s.Start, false)
		if spk.empty() {
			continue
		}
		from := k + 1
		if f := strings.ToLower(ws[from].text); f == "for" || f == "on" || f == "to" || f == "that" {
			from++
		}
		end := from
		for end < len(ws) && ws[end].text != "," && ws[end].text != ";" && ws[end].text != ":" {
			if timeWord(ws[end].text) {
				// "… on Tuesday": the time belongs to the cue.
				if end > from && strings.EqualFold(ws[end-1].text, "on") {
					end--
				}
				break
			}
			end++
		}
		if end-from < 2 {
			continue
		}
		content := trim(x.text, document.Span{Start: ws[from].Start, End: closeMarks(x.text, ws[end-1].End)}, ",.;:— ")
		return x.reportedQuote(spk, ws[k].Span, content, si), true
	}
	return found{}, false
}

// timeWord reports whether w names a day or a relative time.
func timeWord(w string) bool {
	l := strings.ToLower(w)
	return weekdaysMonths[l] && l != "may" || l == "yesterday" || l == "today" || l == "tonight" || l == "last"
}

// closeMarks moves end past closing quote marks and brackets right after
// it.
func closeMarks(text string, end int) int {
	for end < len(text) {
		switch {
		case text[end] == '"' || text[end] == ')' || text[end] == '\'':
			end++
		case strings.HasPrefix(text[end:], "”") || strings.HasPrefix(text[end:], "’"):
			end += len("”")
		default:
			return end
		}
	}
	return end
}
