package quote

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// objectVerbs take a listener before the reported clause: "told the
// Washington Post that …".
var objectVerbs = map[string]bool{
	"told": true, "tells": true, "telling": true, "warned": true, "asked": true, "assured": true,
	"informed": true, "reminded": true,
}

// indirect finds reported speech in sentences that hold no direct quote.
func (x *extraction) indirect() {
	for si, s := range x.sents {
		if x.insideQuote(s) {
			continue
		}
		ws := words(x.text, s)
		if f, ok := x.accordingTo(ws, s, si); ok {
			x.found = append(x.found, f)
			continue
		}
		if f, ok := x.reported(ws, s, si); ok {
			x.found = append(x.found, f)
		}
	}
}

func (x *extraction) insideQuote(s document.Span) bool {
	for _, q := range x.quoted {
		if q.Overlaps(s) {
			return true
		}
	}
	return false
}

// accordingTo handles "according to X, …" and "…, according to X".
func (x *extraction) accordingTo(ws []word, s document.Span, si int) (found, bool) {
	for k := 0; k+2 < len(ws); k++ {
		if !strings.EqualFold(ws[k].text, "according") || !strings.EqualFold(ws[k+1].text, "to") {
			continue
		}
		j := k + 2
		for j < len(ws) && j-k-2 < 9 && ws[j].text != "," && ws[j].text != ";" {
			if j > k+2 && !capitalized(ws[j].text) && phraseEnd[ws[j].text] {
				break
			}
			j++
		}
		if j == k+2 {
			return found{}, false
		}
		spk := analyze(x.text, document.Span{Start: ws[k+2].Start, End: ws[j-1].End}, x.mentions)
		var content document.Span
		if k == 0 {
			if j < len(ws) {
				content = document.Span{Start: ws[j].End, End: s.End}
			}
		} else {
			content = document.Span{Start: s.Start, End: ws[k].Start}
		}
		content = trim(x.text, content, ",.;:—–-")
		if wordCount(x.text[content.Start:content.End]) < 3 || spk.empty() {
			return found{}, false
		}
		cue := document.Span{Start: ws[k].Start, End: ws[k+1].End}
		return x.reportedQuote(spk, cue, content, si), true
	}
	return found{}, false
}

// reported handles "X said (that) …", "X told Y that …", "…, X said." and
// "…, said X."
func (x *extraction) reported(ws []word, s document.Span, si int) (found, bool) {
	for k := 0; k < len(ws); k++ {
		l := ws[k].text
		if (l == "saying" || l == "adding" || l == "arguing" || l == "insisting" || l == "warning") && k > 1 && ws[k-1].text == "," {
			// "Pompeo demanded justice, saying his death …": the subject
			// of the main clause speaks.
			if spk := x.firstName(ws[:k-1], s.Start); !spk.empty() && k+2 < len(ws) {
				from := k + 1
				content := trim(x.text, document.Span{Start: ws[from].Start, End: s.End}, ",.;:— ")
				if wordCount(x.text[content.Start:content.End]) >= 3 {
					return x.reportedQuote(spk, ws[k].Span, content, si), true
				}
			}
			continue
		}
		if !speechVerbs[l] {
			continue
		}
		next := ""
		if k+1 < len(ws) {
			next = strings.ToLower(ws[k+1].text)
		}
		if weakIndirect[l] && next != "that" {
			continue
		}
		spk := x.subject(ws, k, s.Start, false)
		if spk.empty() {
			// "…, said X." at the end of the sentence.
			if k > 0 && ws[k-1].text == "," && k+1 < len(ws) && capitalized(ws[k+1].text) {
				j := k + 1
				for j < len(ws) && ws[j].text != "," {
					j++
				}
				// "…, said Mr. Barrett, the lawyer for the agency." ends
				// with a description of the speaker.
				if j+1 < len(ws) && !capitalized(ws[j+1].text) {
					j = len(ws)
					for jj := k + 1; jj < len(ws); jj++ {
						if ws[jj].text == "," {
							spk = analyze(x.text, document.Span{Start: ws[k+1].Start, End: ws[jj-1].End}, x.mentions)
							if spk.Role == "" && jj+1 < len(ws) {
								desc := x.text[ws[jj+1].Start:ws[len(ws)-1].End]
								for _, d := range []string{"the ", "a ", "an "} {
									desc = strings.TrimPrefix(desc, d)
								}
								spk.Role = desc
							}
							spk.Span.End = ws[len(ws)-1].End
							break
						}
					}
				} else if j == len(ws) {
					spk = analyze(x.text, document.Span{Start: ws[k+1].Start, End: ws[j-1].End}, x.mentions)
				}
				if j == len(ws) {
					content := trim(x.text, document.Span{Start: s.Start, End: ws[k-1].Start}, ",.;: ")
					if !spk.empty() && wordCount(x.text[content.Start:content.End]) >= 3 {
						return x.reportedQuote(spk, ws[k].Span, content, si), true
					}
				}
			}
			continue
		}
		var content document.Span
		if k+1 >= len(ws) || ws[k+1].text == "," || ws[k+1].text == ";" {
			// "…, a senior official said, and …" or "…, he said."
			content = trim(x.text, document.Span{Start: s.Start, End: spk.Span.Start}, ",.;:— ")
			if wordCount(x.text[content.Start:content.End]) < 3 && k+2 < len(ws) {
				// "The museum, Mr. Bush said, celebrated …": the words
				// around the cue are the content.
				content = trim(x.text, s, ",.;:— ")
			}
		} else {
			from := k + 1
			if objectVerbs[l] {
				for j := k + 1; j < len(ws) && j <= k+7; j++ {
					if strings.EqualFold(ws[j].text, "that") {
						from = j
						break
					}
				}
			}
			if from < len(ws) {
				content = trim(x.text, document.Span{Start: ws[from].Start, End: s.End}, ",.;:— ")
			}
		}
		if content.Len() == 0 || wordCount(x.text[content.Start:content.End]) < 3 {
			continue
		}
		return x.reportedQuote(spk, ws[k].Span, content, si), true
	}
	return found{}, false
}

func (x *extraction) reportedQuote(spk speaker, cue, content document.Span, si int) found {
	span := union(union(content, spk.Span), cue)
	return found{
		sent: si,
		spk:  spk,
		q: document.Quote{
			Span:        span,
			Content:     content,
			Text:        x.text[content.Start:content.End],
			Speaker:     spk.display(),
			SpeakerSpan: spk.Span,
			Role:        spk.Role,
			Direct:      false,
			Anonymous:   spk.Anonymous,
		},
	}
}
