package quote

import (
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"github.com/corroborate/corroborate/document"
)

// relAdverbs may stand between "who" and its cue ("who has long argued").
var relAdverbs = map[string]bool{
	"has": true, "had": true, "have": true, "also": true, "later": true,
	"then": true, "once": true, "previously": true, "repeatedly": true,
	"recently": true, "long": true, "often": true, "since": true,
	"just": true, "openly": true, "publicly": true, "privately": true,
}

// relatives adds the attributions of relative clauses in sentence s: "…
// Ann Cole, who said the pier was safe, …". The speaker is the name
// before the comma; its span runs to "who". Clauses whose content
// overlaps an attribution already found in the sentence (those from
// x.found[from:]) are left out.
func (x *extraction) relatives(ws []word, s document.Span, si, from int) {
	for k := 2; k+3 < len(ws); k++ {
		if l := strings.ToLower(ws[k].text); (l != "who" && l != "which") || ws[k-1].text != "," {
			continue
		}
		v := k + 1
		for v < len(ws) && v-k <= 3 && relAdverbs[strings.ToLower(ws[v].text)] {
			v++
		}
		if v+2 >= len(ws) {
			continue
		}
		cue := strings.ToLower(ws[v].text)
		speech := speechVerbs[cue] && (!weakIndirect[cue] || strings.EqualFold(ws[v+1].text, "that") || clauseOpens(cue, ws[v+1:]))
		if !speech && !stanceVerbs[cue] {
			continue
		}
		// The antecedent: a run of capitalized words (a name with its
		// title) right before the comma.
		b := k - 1
		for b > 0 && k-1-b < 6 && (textseg.Capitalized(ws[b-1].text) || textseg.IsAbbreviation(strings.TrimSuffix(ws[b-1].text, "."))) {
			b--
		}
		if b == k-1 {
			continue
		}
		spk := analyze(x.text, document.Span{Start: ws[b].Start, End: ws[k-2].End}, x.ms)
		if spk.Name == "" || spk.Pronoun {
			continue
		}
		spk.Span.End = ws[k].End
		c := v + 1
		if objectVerbs[cue] {
			for j := c; j < len(ws) && j <= c+6; j++ {
				if strings.EqualFold(ws[j].text, "that") {
					c = j
					break
				}
			}
		}
		e := c
		for e < len(ws) && ws[e].text != "," && ws[e].text != ";" {
			e++
		}
		if e-c < 2 {
			continue
		}
		content := trim(x.text, document.Span{Start: ws[c].Start, End: closeMarks(x.text, ws[e-1].End)}, ",.;:— ")
		clash := false
		for _, f := range x.found[from:] {
			if f.q.Content.Overlaps(content) {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		x.found = append(x.found, x.reportedQuote(spk, ws[v].Span, content, si))
	}
}
