package quote

import (
	"regexp"
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
)

// objectVerbs take a listener before the reported clause: "told the
// Washington Post that …".
var objectVerbs = map[string]bool{
	"told": true, "tells": true, "telling": true, "warned": true, "asked": true, "assured": true,
	"informed": true, "reminded": true,
}

// indirect finds reported speech in sentences that hold no direct quote.
func (x *extraction) indirect() {
	bySent := x.directBySentence()
	x.quotedIdx = spans.New(len(x.quoted), func(i int) document.Span { return x.quoted[i] })
	for si, s := range x.sents {
		if x.insideQuote(s) {
			if f, ok := x.trailingParticiple(bySent[si], s, si); ok {
				x.found = append(x.found, f)
			}
			if f, ok := x.beforeQuote(bySent[si], s, si); ok {
				x.found = append(x.found, f)
			}
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
		n := len(x.found)
		if f, ok := x.reported(ws, s, si); ok {
			x.found = append(x.found, f)
			x.more(f, ws, s, si)
		} else if f, ok := x.inSurvey(ws, s, si); ok {
			x.found = append(x.found, f)
		}
		x.relatives(ws, s, si, n)
	}
}

func (x *extraction) insideQuote(s document.Span) bool {
	var buf [4]int
	return len(x.quotedIdx.Overlapping(buf[:0], s)) > 0
}

// accordingTo handles "according to X, …" and "…, according to X".
func (x *extraction) accordingTo(ws []word, s document.Span, si int) (found, bool) {
	for k := 0; k+2 < len(ws); k++ {
		if !strings.EqualFold(ws[k].text, "according") || !strings.EqualFold(ws[k+1].text, "to") {
			continue
		}
		j := k + 2
		for j < len(ws) && j-k-2 < 9 && ws[j].text != "," && ws[j].text != ";" {
			if j > k+2 && !textseg.Capitalized(ws[j].text) && phraseEnd[ws[j].text] {
				break
			}
			j++
		}
		if j == k+2 {
			return found{}, false
		}
		spk := analyze(x.text, document.Span{Start: ws[k+2].Start, End: ws[j-1].End}, x.ms)
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
	if n := cueEnd(ws); n >= 5 && speechVerbs[ws[n-1].text] && !weakIndirect[ws[n-1].text] {
		c := n - 2
		for c > 0 && ws[c].text != "," && n-1-c <= 7 {
			c--
		}
		if c > 0 && ws[c].text == "," && c < n-2 {
			spk := analyze(x.text, document.Span{Start: ws[c+1].Start, End: ws[n-2].End}, x.ms)
			content := trim(x.text, document.Span{Start: s.Start, End: ws[c].Start}, ",.;:— ")
			if plausible(x.text, spk) && wordCount(x.text[content.Start:content.End]) >= 3 {
				return x.reportedQuote(spk, ws[n-1].Span, content, si), true
			}
		}
	}
	headline := titleCase(ws)
	for k := 0; k < len(ws); k++ {
		l := ws[k].text
		if k > 0 && headline {
			// Headlines capitalize their verbs: "Mayor Says Pier Will Reopen".
			l = strings.ToLower(l)
		}
		if participles[l] && k > 1 && ws[k-1].text == "," {
			// "Pompeo demanded justice, saying his death …": the subject
			// of the main clause speaks.
			spk := x.clauseSubject(ws, k-1)
			if spk.empty() {
				spk = x.firstName(ws[:k-1], s.Start)
			}
			if !spk.empty() && k+2 < len(ws) {
				from := k + 1
				content := trim(x.text, document.Span{Start: ws[from].Start, End: s.End}, ",.;:— ")
				if wordCount(x.text[content.Start:content.End]) >= 3 {
					return x.reportedQuote(spk, ws[k].Span, content, si), true
				}
			}
			continue
		}
		if !speechVerbs[l] || nounUse(ws, k) {
			continue
		}
		next := ""
		if k+1 < len(ws) {
			next = strings.ToLower(ws[k+1].text)
		}
		if weakIndirect[l] && next != "that" && !clauseOpens(l, ws[k+1:]) {
			continue
		}
		spk := x.subject(ws, k, s.Start, false)
		if spk.empty() && k > 1 && joined(ws[max(0, k-3):k]) {
			// "The mayor toured the pier and said …": the clause's
			// subject speaks.
			spk = x.clauseSubject(ws, k)
		}
		if spk.empty() {
			// "…, said X." at the end of the sentence.
			if k > 0 && ws[k-1].text == "," && k+1 < len(ws) && (textseg.Capitalized(ws[k+1].text) || determiners[strings.ToLower(ws[k+1].text)] || possessives[strings.ToLower(ws[k+1].text)] || isNumber(ws[k+1].text) || !weakIndirect[l] && !phraseEnd[strings.ToLower(ws[k+1].text)] && !auxiliaries[strings.ToLower(ws[k+1].text)] && len(ws)-k <= 16) {
				j := k + 1
				for j < len(ws) && ws[j].text != "," {
					j++
				}
				// "…, said Mr. Barrett, the lawyer for the agency." ends
				// with a description of the speaker.
				if j+1 < len(ws) && !textseg.Capitalized(ws[j+1].text) {
					j = len(ws)
					for jj := k + 1; jj < len(ws); jj++ {
						if ws[jj].text == "," {
							spk = analyze(x.text, document.Span{Start: ws[k+1].Start, End: ws[jj-1].End}, x.ms)
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
					spk = analyze(x.text, document.Span{Start: ws[k+1].Start, End: ws[j-1].End}, x.ms)
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
	return x.stance(ws, s, si)
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
	spk := analyze(x.text, document.Span{Start: s.Start + m[2], End: s.Start + m[3]}, x.ms)
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

// joined reports whether ws holds "and", as between two verbs of one
// subject.
func joined(ws []word) bool {
	for _, w := range ws {
		if l := strings.ToLower(w.text); l == "and" || l == "but" || l == "then" {
			return true
		}
	}
	return false
}

// titleCase reports whether most words of ws are capitalized, as in a
// headline.
func titleCase(ws []word) bool {
	n, c := 0, 0
	for _, w := range ws {
		if w.text == "," || w.text == ":" || w.text == ";" {
			continue
		}
		n++
		if textseg.Capitalized(w.text) {
			c++
		}
	}
	return n >= 3 && c*4 >= n*3
}

// trailers may follow a closing cue: "…, officials said on Wednesday",
// "…, she said in a statement".
var trailers = map[string]bool{
	"on": true, "in": true, "at": true, "during": true, "to": true,
	"with": true, "after": true, "before": true, "last": true, "this": true,
	"earlier": true, "late": true, "today": true, "yesterday": true,
	"tonight": true, "recently": true, "later": true, "also": true,
	"again": true, "afterward": true, "afterwards": true, "then": true,
}

// cueEnd returns the length of ws without a short trailer after a closing
// cue (a time or an "in a statement" phrase), so that ws[n-1] is the cue;
// it returns len(ws) when there is none.
func cueEnd(ws []word) int {
	n := len(ws)
	for c := n - 2; c >= 0 && n-1-c <= 6; c-- {
		w := ws[c+1].text
		if w == "," || w == ";" || w == ":" {
			return n
		}
		l := strings.ToLower(ws[c].text)
		if speechVerbs[l] && !weakIndirect[l] && !textseg.Capitalized(ws[c].text) {
			f := strings.ToLower(w)
			if trailers[f] || weekdaysMonths[f] {
				return c + 1
			}
			return n
		}
	}
	return n
}

// showVerbs take a clause without "that" whose subject may be any noun
// phrase: "polls show Clinton leading".
var showVerbs = map[string]bool{
	"show": true, "shows": true, "showed": true, "found": true, "finds": true,
	"suggest": true, "suggests": true, "suggested": true, "indicated": true,
	"indicates": true,
}

// clauseOpens reports whether the words after the weak cue v open a
// clause, so that "that" may be left out: a subject pronoun ("I think he
// will win"), or for verbs of showing any capitalized or determined noun
// phrase.
func clauseOpens(v string, after []word) bool {
	if len(after) < 3 {
		return false
	}
	l := strings.ToLower(after[0].text)
	if l == "he" || l == "she" || l == "they" || l == "we" || l == "i" || l == "there" || l == "you" {
		return true
	}
	if showVerbs[v] || beliefVerbs[v] {
		return textseg.Capitalized(after[0].text) || l == "the" || l == "a" || l == "an" || isNumber(after[0].text) || l == "most" || l == "many"
	}
	return false
}

// beliefVerbs report a belief and take a clause without "that": "Most
// voters think Trump is …".
var beliefVerbs = map[string]bool{
	"think": true, "thinks": true, "believe": true, "believes": true,
	"thought": true, "believed": true, "know": true, "knows": true,
	"hope": true, "hopes": true, "fear": true, "fears": true, "feel": true,
	"feels": true, "expect": true, "expects": true,
}

// participles continue a clause with its subject's words: "The mayor
// toured the pier, saying …", ", citing …", ", calling the plan …".
var participles = map[string]bool{
	"saying": true, "adding": true, "arguing": true, "insisting": true,
	"warning": true, "noting": true, "citing": true, "claiming": true,
	"suggesting": true, "calling": true, "accusing": true,
	"acknowledging": true, "explaining": true, "asking": true,
	"urging": true, "predicting": true, "describing": true,
	"recalling": true, "praising": true, "criticizing": true,
	"blaming": true, "vowing": true, "promising": true, "declaring": true,
	"stressing": true, "charging": true, "pointing": true,
	"questioning": true, "complaining": true, "conceding": true,
	"admitting": true, "denying": true, "telling": true, "writing": true,
	"referring": true, "announcing": true, "demanding": true,
	"threatening": true, "contending": true, "asserting": true,
	"reiterating": true, "touting": true, "defending": true,
}

// trailingParticiple reads a participle clause after a direct quote and
// its cue in sentence s: "“…,” the mayor said, citing the storm damage."
// The quote's speaker speaks the clause too.
func (x *extraction) trailingParticiple(directs []found, s document.Span, si int) (found, bool) {
	var last *found
	for i := range directs {
		f := &directs[i]
		if f.q.Direct && !f.orphan && f.q.Span.Overlaps(s) && (last == nil || f.q.Span.End > last.q.Span.End) {
			last = f
		}
	}
	if last == nil {
		return found{}, false
	}
	return x.participleAfter(*last, s, si)
}

// more adds the other attributions of a sentence where f was found: a
// participle clause after it ("…, a spokesman said, adding that …") and
// a stance verb whose object lies outside f's content ("She blamed the
// storm, and said …").
func (x *extraction) more(f found, ws []word, s document.Span, si int) {
	if g, ok := x.participleAfter(f, s, si); ok {
		x.found = append(x.found, g)
	}
	if g, ok := x.stance(ws, s, si); ok && !g.q.Content.Overlaps(f.q.Content) && !g.q.Content.Overlaps(f.q.SpeakerSpan) {
		x.found = append(x.found, g)
	}
}

// participleAfter reads ", <participle> …" after f's span in sentence s
// as more words of f's speaker.
func (x *extraction) participleAfter(last found, s document.Span, si int) (found, bool) {
	if last.q.Span.End >= s.End {
		return found{}, false
	}
	ws := words(x.text, document.Span{Start: last.q.Span.End, End: s.End})
	if len(ws) < 5 || ws[0].text != "," || !participles[strings.ToLower(ws[1].text)] {
		return found{}, false
	}
	from := 2
	if f := strings.ToLower(ws[from].text); f == "to" && strings.EqualFold(ws[1].text, "referring") {
		from++
	}
	content := trim(x.text, document.Span{Start: ws[from].Start, End: s.End}, ",.;:— ")
	if wordCount(x.text[content.Start:content.End]) < 3 {
		return found{}, false
	}
	return x.reportedQuote(last.spk, ws[1].Span, content, si), true
}

// beforeQuote reads reported speech in the part of sentence s before its
// first attributed direct quote: "After the mayor said that the pier was
// safe, Ms. Cole said: “…”".
func (x *extraction) beforeQuote(directs []found, s document.Span, si int) (found, bool) {
	first := s.End
	for _, f := range directs {
		if f.q.Direct && !f.orphan && f.q.Span.Overlaps(s) {
			first = min(first, f.q.Span.Start)
		}
	}
	if first <= s.Start {
		return found{}, false
	}
	pre := trim(x.text, document.Span{Start: s.Start, End: first}, ",;:—– ")
	ws := words(x.text, pre)
	if len(ws) < 6 {
		return found{}, false
	}
	for _, f := range directs {
		if f.q.Direct && !f.orphan && f.q.Content.Overlaps(pre) {
			return found{}, false
		}
	}
	return x.reported(ws, pre, si)
}

// directBySentence lists the attributed direct quotes found so far by the
// sentences their spans overlap.
func (x *extraction) directBySentence() map[int][]found {
	out := map[int][]found{}
	for _, f := range x.found {
		if !f.q.Direct || f.orphan || f.q.Span.Len() == 0 {
			continue
		}
		for si := x.sentenceAt(f.q.Span.Start); si < len(x.sents) && x.sents[si].Start < f.q.Span.End; si++ {
			if x.sents[si].Overlaps(f.q.Span) {
				out[si] = append(out[si], f)
			}
		}
	}
	return out
}
