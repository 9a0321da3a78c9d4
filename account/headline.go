package account

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/corroborate/corroborate/document"
)

// killing names the event types and lemmas headlined as a killing.
var killing = map[string]bool{
	"assassination": true, "assassinate": true, "kill": true, "killing": true,
	"murder": true, "slaying": true, "slay": true,
}

// shootingCue finds words that say a killing was a shooting.
var shootingCue = regexp.MustCompile(`(?i)\b(shot|shooting|gunmen|gunman|gunned|gunfire|bullets?|bullet-riddled)\b`)

// evaluative adjectives left out of a descriptor ("prominent Iraqi
// researcher" gives "Iraqi researcher").
var evaluative = map[string]bool{"prominent": true, "leading": true, "renowned": true, "famous": true, "well-known": true, "noted": true, "top": true}

// headline builds the neutral headline from the 5W1H, or a neutral
// label with the reason when the answers are too thin.
func (b *Builder) headline(s *document.Story, st *storyInfo) document.Headline {
	f := s.FiveW1H
	if f == nil {
		return fallback(s, "no 5W1H answers: the 5W1H stage did not run")
	}
	if !f.Who.Known() {
		return fallback(s, "who is unknown: "+f.Who.Reason)
	}
	what, ev, why := whatPart(s, st, f)
	if why != "" {
		return fallback(s, "no neutral words for what happened: "+why)
	}
	if ev != nil && !st.mainEvents[ev.ID] {
		// the event the headline tells belongs to the main event's facts
		st.addMain(ev.ID)
	}
	parts := []document.HeadlinePart{what}
	if what.Text == "killed" || what.Text == "shot dead" {
		parts = []document.HeadlinePart{whoPart(s, f.Who), what}
	}
	if f.Where.Known() && f.Where.Confidence >= b.MinPart && (f.Where.Entity == "" || f.Where.Entity != f.Who.Entity && entityType(s, f.Where.Entity) != "PERSON") {
		parts = append(parts, document.HeadlinePart{Role: "where", Text: "in " + f.Where.Text, Citations: nonNil(f.Where.Citations), Confidence: f.Where.Confidence})
	} else if where, ok := placePart(s, ev); ok {
		parts = append(parts, where)
	}
	if when, ok := b.whenPart(s, f, ev); ok {
		parts = append(parts, when)
	}
	h := document.Headline{Parts: parts, Confidence: 1}
	var words []string
	for _, p := range parts {
		words = append(words, p.Text)
		h.Confidence = min(h.Confidence, p.Confidence)
	}
	h.Text = upperFirst(strings.Join(words, " "))
	return h
}

// placePart is where the event happened by the event linker, cited
// where the place is named in a sentence that tells the event; it needs
// a place entity named so in two reports, or in one with no other.
func placePart(s *document.Story, ev *document.Event) (document.HeadlinePart, bool) {
	if ev == nil || ev.Place == "" {
		return document.HeadlinePart{}, false
	}
	var ent *document.Entity
	for i := range s.Entities {
		if s.Entities[i].ID == ev.Place {
			ent = &s.Entities[i]
		}
	}
	if ent == nil || (ent.Type != "LOC" && ent.Type != "GPE") {
		return document.HeadlinePart{}, false
	}
	var cites []document.Citation
	docs := map[string]bool{}
	for _, m := range ent.Mentions {
		d := s.Doc(m.Doc)
		if d == nil || !eventSentences(d, ev.ID)[sentenceOf(d, m.Start)] {
			continue
		}
		cites = append(cites, m.Citation)
		docs[m.Doc] = true
	}
	if len(cites) == 0 {
		return document.HeadlinePart{}, false
	}
	conf := 0.5
	if len(docs) >= 2 {
		conf = 0.7
	}
	return document.HeadlinePart{Role: "where", Text: "in " + ent.Name, Citations: cites, Confidence: conf}, true
}

func entityType(s *document.Story, id string) string {
	for _, e := range s.Entities {
		if e.ID == id {
			return e.Type
		}
	}
	return ""
}

// fallback is the neutral label used when the 5W1H is too thin: the
// main event's label when it names a participant ("Reports on the
// killing of …"), else the number of reports with the first headline
// quoted as the outlet's ("1 report: “Dam gates opened”"), else the
// number of reports alone.
func fallback(s *document.Story, reason string) document.Headline {
	n := "1 report"
	if len(s.Docs) != 1 {
		n = fmt.Sprintf("%d reports", len(s.Docs))
	}
	text := "Account of " + n
	for _, d := range s.Docs {
		if t := strings.Join(strings.Fields(d.Title), " "); t != "" {
			text = fmt.Sprintf("%s: “%s”", upperFirst(n), t)
			break
		}
	}
	for _, e := range s.Events {
		if e.Role == document.RoleMain && e.Label != "" && e.Label != e.Type && len(e.Participants) > 0 {
			text = "Reports on the " + e.Label
			break
		}
	}
	return document.Headline{Text: text, Fallback: true, Reason: reason}
}

// whoPart is the who answer with the descriptor the reports most often
// put next to the name ("Iraqi security expert Hisham al-Hashimi").
func whoPart(s *document.Story, who document.FiveWAnswer) document.HeadlinePart {
	p := document.HeadlinePart{Role: "who", Text: who.Text, Citations: nonNil(who.Citations), Confidence: who.Confidence}
	if who.Entity == "" {
		return p
	}
	var ent *document.Entity
	for i := range s.Entities {
		if s.Entities[i].ID == who.Entity {
			ent = &s.Entities[i]
		}
	}
	if ent == nil || ent.Type != "PERSON" {
		return p
	}
	if desc, cites := descriptor(s, ent); desc != "" {
		p.Text = desc + " " + p.Text
		p.Citations = append(cites, p.Citations...)
	}
	return p
}

// descriptor returns the role phrase most reports put right before a
// mention of ent, or in an apposition right after it, with the places
// it is read from: a run of the entity's role words and nationality
// adjectives ending in a role word. It needs two reports, or one when
// no other phrase is seen.
func descriptor(s *document.Story, ent *document.Entity) (string, []document.Citation) {
	roleWords := map[string]bool{}
	for _, r := range ent.Roles {
		if strings.Contains(r, ".") {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(r)) {
			roleWords[w] = true
		}
	}
	if len(roleWords) == 0 {
		return "", nil
	}
	demonyms := map[string]bool{}
	for _, e := range s.Entities {
		if e.Type == "MISC" && isDemonym(e.Name) {
			demonyms[e.Name] = true
		}
	}
	type seen struct {
		docs  map[string]bool
		cites []document.Citation
	}
	found := map[string]*seen{}
	for _, m := range ent.Mentions {
		d := s.Doc(m.Doc)
		if d == nil || m.Start < 0 || m.End > len(d.Text) || m.Start > m.End || d.Text[m.Start:m.End] != m.Text {
			continue // a span that does not hold the mention's words
		}
		for _, cand := range []struct {
			text string
			cite document.Citation
		}{before(d, m.Citation, roleWords, demonyms), after(d, m.Citation, roleWords, demonyms)} {
			if cand.text == "" {
				continue
			}
			k := found[cand.text]
			if k == nil {
				k = &seen{docs: map[string]bool{}}
				found[cand.text] = k
			}
			k.docs[m.Doc] = true
			k.cites = append(k.cites, cand.cite)
		}
	}
	// a phrase is supported by every report whose own phrase uses only
	// its words ("Iraqi expert" and "security expert" support "Iraqi
	// security expert")
	support := map[string]map[string]bool{}
	var keys []string
	for k := range found {
		keys = append(keys, k)
		support[k] = map[string]bool{}
		for o, v := range found {
			if subset(o, k) {
				for d := range v.docs {
					support[k][d] = true
				}
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := support[keys[i]], support[keys[j]]
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		if da, db := len(found[keys[i]].docs), len(found[keys[j]].docs); da != db {
			return da > db
		}
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) < len(keys[j])
		}
		return keys[i] < keys[j]
	})
	if len(keys) == 0 || (len(support[keys[0]]) < 2 && len(keys) > 1) {
		return "", nil
	}
	var cites []document.Citation
	for _, k := range keys {
		if subset(k, keys[0]) {
			cites = append(cites, found[k].cites...)
		}
	}
	sortCites(cites)
	return keys[0], cites
}

// subset reports whether every word of phrase a is a word of phrase b.
func subset(a, b string) bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(b) {
		words[w] = true
	}
	for _, w := range strings.Fields(a) {
		if !words[w] {
			return false
		}
	}
	return true
}

func isDemonym(name string) bool {
	if strings.ContainsAny(name, " -") {
		return false
	}
	for _, suf := range []string{"i", "ian", "an", "ese", "ish", "ch"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

var wordRe = regexp.MustCompile(`[\pL’'-]+`)

// phrase normalises a run of descriptor words: role words lower case,
// nationality adjectives as written; "" unless it ends in a role word.
func phrase(words []string, roleWords, demonyms map[string]bool) string {
	var out []string
	for _, w := range words {
		switch {
		case demonyms[w]:
			out = append(out, w)
		case roleWords[strings.ToLower(w)]:
			out = append(out, strings.ToLower(w))
		default:
			return ""
		}
	}
	if len(out) == 0 || !roleWords[out[len(out)-1]] {
		return ""
	}
	return strings.Join(out, " ")
}

// before reads the descriptor words right before the mention.
func before(d *document.Document, m document.Citation, roleWords, demonyms map[string]bool) struct {
	text string
	cite document.Citation
} {
	var res struct {
		text string
		cite document.Citation
	}
	lo := max(0, m.Start-80)
	left := d.Text[lo:m.Start]
	if strings.TrimRight(left, " ") != strings.TrimRight(left, " \n") || !strings.HasSuffix(left, " ") {
		return res
	}
	locs := wordRe.FindAllStringIndex(left, -1)
	start := -1
	var words []string
	for i := len(locs) - 1; i >= 0 && len(words) < 4; i-- {
		w := left[locs[i][0]:locs[i][1]]
		// the words must be contiguous, separated by single spaces
		end := len(left)
		if start >= 0 {
			end = start
		}
		if strings.TrimSpace(left[locs[i][1]:end]) != "" {
			break
		}
		if !demonyms[w] && !roleWords[strings.ToLower(w)] {
			break
		}
		words = append([]string{w}, words...)
		start = locs[i][0]
	}
	for len(words) > 0 {
		if p := phrase(words, roleWords, demonyms); p != "" {
			res.text = p
			res.cite = document.Citation{Doc: m.Doc, Start: lo + start, End: m.End}
			return res
		}
		break
	}
	return res
}

// after reads an apposition right after the mention: ", an Iraqi
// security expert".
func after(d *document.Document, m document.Citation, roleWords, demonyms map[string]bool) struct {
	text string
	cite document.Citation
} {
	var res struct {
		text string
		cite document.Citation
	}
	right := d.Text[m.End:min(len(d.Text), m.End+80)]
	for _, art := range []string{", a ", ", an ", ", the "} {
		if !strings.HasPrefix(right, art) {
			continue
		}
		rest := right[len(art):]
		locs := wordRe.FindAllStringIndex(rest, -1)
		var words []string
		end := 0
		for i, l := range locs {
			if i > 0 && strings.TrimSpace(rest[locs[i-1][1]:l[0]]) != "" {
				break
			}
			w := rest[l[0]:l[1]]
			if !demonyms[w] && !roleWords[strings.ToLower(w)] {
				break
			}
			words = append(words, w)
			end = l[1]
			if len(words) == 4 {
				break
			}
		}
		// the apposition must end there
		if tail := strings.TrimLeftFunc(rest[end:], unicode.IsSpace); len(words) == 0 || !(tail == "" || strings.HasPrefix(tail, ",") || strings.HasPrefix(tail, ".") || strings.HasPrefix(tail, "and ") || strings.HasPrefix(tail, "who ")) {
			return res
		}
		if p := phrase(words, roleWords, demonyms); p != "" {
			res.text = p
			res.cite = document.Citation{Doc: m.Doc, Start: m.Start, End: m.End + len(art) + end}
		}
		return res
	}
	return res
}

// whatPart says what happened in neutral words. A killing — the main
// event, or an event that names the who among its participants — is
// "killed", or "shot dead" when two reports say it was a shooting, and
// who is the one killed; any other main event is its label ("raid on
// the warehouse"), which must name a participant. It also returns the
// event the headline tells.
func whatPart(s *document.Story, st *storyInfo, f *document.FiveW1H) (document.HeadlinePart, *document.Event, string) {
	var main *document.Event
	for i := range s.Events {
		if s.Events[i].ID == f.Event {
			main = &s.Events[i]
		}
	}
	ev := main
	if ev == nil || !killing[strings.ToLower(ev.Type)] {
		ev = nil
		for i := range s.Events {
			e := &s.Events[i]
			if killing[strings.ToLower(e.Type)] && f.Who.Entity != "" && slices.Contains(e.Participants, f.Who.Entity) && (ev == nil || e.Independent > ev.Independent) {
				ev = e
			}
		}
	}
	if ev != nil {
		var cites []document.Citation
		for _, m := range ev.Mentions {
			cites = append(cites, m.Citation)
		}
		// shooting cues in the sentences that tell the killing
		shotDocs := map[string]bool{}
		var shotCites []document.Citation
		for _, d := range s.Docs {
			for si := range eventSentences(d, ev.ID) {
				sp := d.Sentences[si]
				for _, loc := range shootingCue.FindAllStringIndex(d.Text[sp.Start:sp.End], -1) {
					shotDocs[d.ID] = true
					shotCites = append(shotCites, document.Citation{Doc: d.ID, Start: sp.Start + loc[0], End: sp.Start + loc[1]})
				}
			}
		}
		conf := ev.Confidence
		if ev == main {
			conf = max(conf, f.What.Confidence)
		}
		if len(shotDocs) >= 2 {
			sortCites(shotCites)
			return document.HeadlinePart{Role: "what", Text: "shot dead", Citations: append(shotCites, cites...), Confidence: conf}, ev, ""
		}
		return document.HeadlinePart{Role: "what", Text: "killed", Citations: cites, Confidence: conf}, ev, ""
	}
	if main == nil {
		return document.HeadlinePart{}, nil, "no main event was linked across the reports"
	}
	if len(main.Participants) == 0 || main.Label == "" || main.Label == main.Type {
		return document.HeadlinePart{}, nil, fmt.Sprintf("the main event (%q) names no participant", main.Type)
	}
	var cites []document.Citation
	for _, m := range main.Mentions {
		cites = append(cites, m.Citation)
	}
	return document.HeadlinePart{Role: "what", Text: main.Label, Citations: cites, Confidence: max(main.Confidence, f.What.Confidence)}, main, ""
}

// eventSentences returns the sentences of d that mention event id.
func eventSentences(d *document.Document, id string) map[int]bool {
	out := map[int]bool{}
	for _, m := range d.Events {
		if m.Event == id && m.Sentence >= 0 && m.Sentence < len(d.Sentences) {
			out[m.Sentence] = true
		}
	}
	return out
}

// whenPart dates the headline: the 5W1H when answer, unless it rests
// only on datelines (when the reports were filed); then the day most
// reports resolve in the sentences that tell the event.
func (b *Builder) whenPart(s *document.Story, f *document.FiveW1H, ev *document.Event) (document.HeadlinePart, bool) {
	if f.When.Known() && f.When.Date != nil && f.When.Confidence >= b.MinPart {
		dated := false
		for _, c := range f.When.Citations {
			if d := s.Doc(c.Doc); d != nil && !inDateline(d, document.Span{Start: c.Start, End: c.End}) {
				dated = true
			}
		}
		if t := whenText(*f.When.Date); t != "" && dated {
			return document.HeadlinePart{Role: "when", Text: t, Citations: nonNil(f.When.Citations), Confidence: f.When.Confidence}, true
		}
	}
	if ev == nil {
		return document.HeadlinePart{}, false
	}
	type day struct {
		docs  map[string]bool
		cites []document.Citation
	}
	days := map[string]*day{}
	for _, d := range s.Docs {
		sents := eventSentences(d, ev.ID)
		for _, t := range d.Timexes {
			if t.Type != "DATE" && t.Type != "TIME" || len(t.Value) < 10 || !sents[sentenceOf(d, t.Start)] || inDateline(d, t.Span) {
				continue
			}
			v := t.Value[:10]
			if _, err := time.Parse("2006-01-02", v); err != nil {
				continue
			}
			if days[v] == nil {
				days[v] = &day{docs: map[string]bool{}}
			}
			days[v].docs[d.ID] = true
			days[v].cites = append(days[v].cites, document.Citation{Doc: d.ID, Start: t.Start, End: t.End})
		}
	}
	best := ""
	for v, dy := range days {
		if best == "" || len(dy.docs) > len(days[best].docs) || (len(dy.docs) == len(days[best].docs) && v < best) {
			best = v
		}
	}
	if best == "" {
		return document.HeadlinePart{}, false
	}
	// one report alone, or reports that disagree, give a weak date
	conf := 0.5
	if len(days[best].docs) >= 2 && len(days) == 1 {
		conf = 0.7
	}
	if len(days) > 1 {
		conf = 0.4
	}
	if conf < b.MinPart {
		return document.HeadlinePart{}, false
	}
	return document.HeadlinePart{Role: "when", Text: "on " + dateLabel(best), Citations: days[best].cites, Confidence: conf}, true
}

// whenText renders a date for a headline at its precision.
func whenText(d document.Date) string {
	if d.Time.IsZero() {
		if l := dateLabel(d.Value); l != "" {
			if d.Precision == document.PrecisionDay {
				return "on " + l
			}
			return "in " + l
		}
		if len(d.Value) == 4 {
			return "in " + d.Value
		}
		return ""
	}
	switch d.Precision {
	case document.PrecisionDay:
		return "on " + d.Time.Format("2 January 2006")
	case document.PrecisionMonth:
		return "in " + d.Time.Format("January 2006")
	case document.PrecisionYear:
		return "in " + d.Time.Format("2006")
	}
	return ""
}

func sortCites(cs []document.Citation) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Doc != cs[j].Doc {
			return cs[i].Doc < cs[j].Doc
		}
		return cs[i].Start < cs[j].Start
	})
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return append([]T(nil), xs...)
}
