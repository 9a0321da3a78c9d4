package quote

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// surveyNouns head a survey named as the source of a finding: "in a new
// Harbor Times poll", "in the council's latest survey".
var surveyNouns = map[string]bool{
	"poll": true, "polls": true, "survey": true, "surveys": true,
	"study": true, "report": true, "analysis": true, "statement": true,
	"interview": true, "filing": true, "memo": true, "letter": true,
	"op-ed": true, "editorial": true, "post": true, "tweet": true,
	"email": true, "speech": true, "ad": true, "book": true,
}

// inSurvey reads a finding attributed with "in a … poll": "The mayor
// leads by six points in a new Harbor Times poll." or "In a survey
// released Monday, most residents backed the plan." The phrase after "in"
// is the source, the rest of the sentence the content.
func (x *extraction) inSurvey(ws []word, s document.Span, si int) (found, bool) {
	for k := 0; k+2 < len(ws); k++ {
		if !strings.EqualFold(ws[k].text, "in") {
			continue
		}
		d := strings.ToLower(ws[k+1].text)
		if d != "a" && d != "an" && d != "the" && !possessiveWord(ws[k+1].text) {
			continue
		}
		h := -1
		for j := k + 2; j < len(ws) && j-k <= 8 && ws[j].text != ","; j++ {
			if surveyNouns[strings.ToLower(ws[j].text)] {
				h = j
				break
			}
		}
		if h < 0 || (h == k+2 && !isSurveyHead(ws[h].text)) {
			continue
		}
		// "released Sunday", "conducted last week" close the phrase.
		e := h
		if e+1 < len(ws) && (strings.HasSuffix(ws[e+1].text, "ed") || ws[e+1].text == "of" || ws[e+1].text == "by") {
			for e+1 < len(ws) && e-h < 5 && ws[e+1].text != "," {
				e++
			}
		}
		src := document.Span{Start: ws[k+1].Start, End: ws[e].End}
		var content document.Span
		switch {
		case k == 0 && e+1 < len(ws) && ws[e+1].text == ",":
			content = document.Span{Start: ws[e+1].End, End: s.End}
		case k > 0:
			content = document.Span{Start: s.Start, End: ws[k].Start}
			if e+1 < len(ws) && ws[e+1].text != "," {
				continue // "in a poll that …" inside a clause
			}
		default:
			continue
		}
		content = trim(x.text, content, ",.;:—– ")
		if wordCount(x.text[content.Start:content.End]) < 4 {
			continue
		}
		spk := analyze(x.text, src, x.ms)
		if spk.empty() {
			continue
		}
		return x.reportedQuote(spk, ws[k].Span, content, si), true
	}
	return found{}, false
}

// isSurveyHead reports whether a survey noun right after the determiner
// is a source on its own ("in a poll", "in a statement"); "in the post"
// or "in a book" alone is too vague.
func isSurveyHead(w string) bool {
	switch strings.ToLower(w) {
	case "poll", "polls", "survey", "surveys", "statement", "study", "interview":
		return true
	}
	return false
}
