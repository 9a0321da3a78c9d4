package quote

import (
	"regexp"
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
		if f, ok := x.colonLine(s, si); ok {
			x.found = append(x.found, f)
			continue
		}
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
	// "…, the source added." A cue closing the sentence after a short
	// subject attributes everything before it, whatever verbs it holds.
	if n := len(ws); n >= 5 && speechVerbs[ws[n-1].text] && !weakIndirect[ws[n-1].text] {
		c := n - 2
		for c > 0 && ws[c].text != "," && n-1-c <= 7 {
			c--
		}
		if c > 0 && ws[c].text == "," && c < n-2 {
			spk := analyze(x.text, document.Span{Start: ws[c+1].Start, End: ws[n-2].End}, x.mentions)
			content := trim(x.text, document.Span{Start: s.Start, End: ws[c].Start}, ",.;:— ")
			if plausible(x.text, spk) && wordCount(x.text[content.Start:content.End]) >= 3 {
				return x.reportedQuote(spk, ws[n-1].Span, content, si), true
			}
		}
	}
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

// colonRe matches a line opening with a name and a colon: a headline
// ("Mayor Reyes: port will reopen") or a transcript ("REYES: We will").
var colonRe = regexp.MustCompile(`^((?:[A-Z][\p{L}.'’-]*)(?:\s+(?:al-|de |bin )?[A-Z][\p{L}.'’-]*){0,3}):\s+\S`)

// notSpeakers are capitalized words that open labelled lines without
// naming a speaker.
var notSpeakers = map[string]bool{
	"photo": true, "update": true, "note": true, "watch": true, "related": true,
	"source": true, "video": true, "image": true, "caption": true,
	"breaking": true, "exclusive": true, "analysis": true, "opinion": true,
	"correction": true, "editor's note": true, "read more": true, "see also": true,
	"credit": true, "pictured": true, "listen": true, "transcript": true,
	"warning": true, "live": true, "latest": true, "q": true, "a": true,
	"clarification": true, "corrections": true, "updated": true, "sources": true,
}

// labelWords inside a capitalized run before a colon show a title, not a
// name.
var labelWords = map[string]bool{
	"over": true, "on": true, "in": true, "of": true, "at": true, "to": true,
	"for": true, "and": true, "is": true, "are": true, "was": true,
	"goes": true, "a": true, "the": true, "with": true, "from": true,
}

// colonLine reads a line that opens with "Name: …" as the name's words:
// direct for a transcript in capitals, reported for a headline.
func (x *extraction) colonLine(s document.Span, si int) (found, bool) {
	if s.Start > 0 && x.text[s.Start-1] != '\n' {
		return found{}, false
	}
	m := colonRe.FindStringSubmatchIndex(x.text[s.Start:s.End])
	if m == nil {
		return found{}, false
	}
	name := x.text[s.Start+m[2] : s.Start+m[3]]
	if notSpeakers[strings.ToLower(name)] || weekdaysMonths[strings.ToLower(name)] {
		return found{}, false
	}
	// Section labels and headline fragments ("The Latest", "Stealth Over
	// Health") are no names.
	for i, w := range strings.Fields(name) {
		if l := strings.ToLower(w); (i == 0 && l == "the") || (i > 0 && labelWords[l]) {
			return found{}, false
		}
	}
	spk := analyze(x.text, document.Span{Start: s.Start + m[2], End: s.Start + m[3]}, x.mentions)
	if spk.Name == "" || spk.Pronoun {
		return found{}, false
	}
	// The content runs to the end of the paragraph.
	end := s.End
	if k := strings.Index(x.text[s.Start:], "\n"); k >= 0 && s.Start+k > end {
		end = s.Start + k
	} else if k < 0 {
		end = len(x.text)
	}
	content := trim(x.text, document.Span{Start: s.Start + m[3] + 1, End: end}, "\"“”")
	if wordCount(x.text[content.Start:content.End]) < 3 {
		return found{}, false
	}
	f := x.reportedQuote(spk, document.Span{Start: s.Start + m[3], End: s.Start + m[3] + 1}, content, si)
	f.q.Direct = strings.ToUpper(name) == name
	return f, true
}
