package fivew

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// Extractor is the story-level 5W1H stage.
type Extractor struct {
	// MaxWhat bounds a what answer taken from a lead sentence, in words.
	MaxWhat int
	// MaxClause bounds a why or how answer, in words.
	MaxClause int
}

// New returns an extractor with the default settings.
func New() *Extractor { return &Extractor{MaxWhat: 7, MaxClause: 12} }

// Contract declares the layers the stage reads and writes: it runs after
// the event linker (with no event told by two reports, it answers from
// the lead).
func (x *Extractor) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerText, document.LayerSentences, document.LayerTokens,
		document.LayerMentions, document.LayerTimexes, document.LayerEventMentions, document.LayerEntities,
		document.LayerEvents).Gives(document.LayerFiveW1H)
}

// Link answers the 5W1H of the story's main event into s.FiveW1H.
func (x *Extractor) Link(ctx context.Context, s *document.Story) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f := x.Extract(s)
	s.FiveW1H = &f
	return nil
}

// Extract returns the 5W1H of the story's main event.
func (x *Extractor) Extract(s *document.Story) document.FiveW1H {
	lead := findLead(s)
	var f document.FiveW1H
	if ev := mainEvent(s); ev != nil {
		f = x.fromEvent(s, ev, lead)
	} else {
		f.Basis = "lead"
	}
	if lead.doc == nil {
		unknown := document.FiveWAnswer{Reason: "no report has an opening sentence"}
		for _, a := range []*document.FiveWAnswer{&f.Who, &f.What, &f.When, &f.Where, &f.Why, &f.How} {
			if !a.Known() {
				*a = unknown
			}
		}
		return f
	}
	if !f.Who.Known() {
		f.Who = x.leadWho(s, lead)
	}
	if !f.What.Known() {
		f.What = x.leadWhat(s, lead, f.Who)
	}
	if !f.When.Known() {
		f.When = leadWhen(s, lead)
	}
	if !f.Where.Known() {
		f.Where = leadWhere(s, lead, f.Who)
	}
	if !f.Why.Known() {
		f.Why = x.cueClause(s, lead, whyCues, "no cause stated near the main event")
	}
	if !f.How.Known() {
		f.How = x.cueClause(s, lead, howCues, "no manner or means stated near the main event")
	}
	corroborate(s, &f)
	for _, a := range []*document.FiveWAnswer{&f.Who, &f.What, &f.When, &f.Where, &f.Why, &f.How} {
		a.Confidence = math.Round(a.Confidence*100) / 100
	}
	return f
}

// lead is the sentence the answers fall back on.
type lead struct {
	doc   *document.Document
	index int // in Story.Docs
	sent  document.Span
	// others are the other opening sentences, in report order.
	others []leadSent
}

type leadSent struct {
	doc   *document.Document
	index int
	sent  document.Span
}

// findLead picks the sentence the answers fall back on. Each report
// offers its first four sentences of six words or more; reports are taken
// by publication date (unknown last), then story order. With several
// reports, the person or organisation named in the openings of the most
// reports (two at least) is the story's protagonist, and the lead is the
// earliest opening sentence that names it; otherwise it is the earliest
// report's first opening sentence.
func findLead(s *document.Story) lead {
	type opening struct {
		leadSent
		rank int
	}
	var cands []opening
	for i, d := range s.Docs {
		n := 0
		for _, sp := range d.Sentences {
			if len(strings.Fields(d.Slice(sp))) >= 6 {
				cands = append(cands, opening{leadSent{d, i, sp}, n})
				if n++; n == 4 {
					break
				}
			}
		}
	}
	if len(cands) == 0 {
		return lead{}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i].doc.Published, cands[j].doc.Published
		if a.Time.IsZero() != b.Time.IsZero() {
			return !a.Time.IsZero()
		}
		if !a.Time.Equal(b.Time) {
			return a.Time.Before(b.Time)
		}
		if cands[i].index != cands[j].index {
			return cands[i].index < cands[j].index
		}
		return cands[i].rank < cands[j].rank
	})
	pick := 0
	if len(s.Docs) > 1 {
		docs := map[string]map[int]bool{}
		for _, c := range cands {
			for _, m := range c.doc.Mentions {
				if c.sent.Contains(m.Span) && isPerson(m.Type) {
					k := protagonistKey(m)
					if docs[k] == nil {
						docs[k] = map[int]bool{}
					}
					docs[k][c.index] = true
				}
			}
		}
		best, bestN := "", 1
		for k, ds := range docs {
			if len(ds) > bestN || len(ds) == bestN && best != "" && k < best {
				best, bestN = k, len(ds)
			}
		}
		if best != "" {
			for i, c := range cands {
				if namesKey(c.leadSent, best) {
					pick = i
					break
				}
			}
		}
	}
	ld := lead{doc: cands[pick].doc, index: cands[pick].index, sent: cands[pick].sent}
	for i, c := range cands {
		if i != pick {
			ld.others = append(ld.others, c.leadSent)
		}
	}
	return ld
}

// protagonistKey identifies a mention across reports: its entity, else
// its lower-cased text.
func protagonistKey(m document.Mention) string {
	if m.Entity != "" {
		return m.Entity
	}
	return strings.ToLower(m.Text)
}

func namesKey(c leadSent, key string) bool {
	for _, m := range c.doc.Mentions {
		if c.sent.Contains(m.Span) && protagonistKey(m) == key {
			return true
		}
	}
	return false
}

// mainEvent returns the story's main event: role main, most reports,
// else the event told by the most reports; nil unless two reports or
// more tell it (one report's events are answered from its lead, which
// picks the main event more surely than the linker's role does within
// one report).
func mainEvent(s *document.Story) *document.Event {
	var best *document.Event
	for i := range s.Events {
		e := &s.Events[i]
		if len(e.Mentions) == 0 {
			continue
		}
		better := best == nil ||
			(e.Role == document.RoleMain) != (best.Role == document.RoleMain) && e.Role == document.RoleMain ||
			(e.Role == document.RoleMain) == (best.Role == document.RoleMain) && len(e.Reports) > len(best.Reports)
		if better {
			best = e
		}
	}
	if best != nil && len(best.Reports) < 2 {
		return nil
	}
	return best
}

// mentionOf finds the document event mention a story event cites.
func mentionOf(s *document.Story, r document.EventRef) (*document.Document, *document.EventMention) {
	d := s.Doc(r.Doc)
	if d == nil {
		return nil, nil
	}
	for i := range d.Events {
		m := &d.Events[i]
		if m.Start == r.Start && m.End == r.End {
			return d, m
		}
	}
	return d, nil
}

// fromEvent answers from the main event: its earliest asserted mention's
// trigger, its arguments voted over all mentions, and its date.
func (x *Extractor) fromEvent(s *document.Story, ev *document.Event, ld lead) document.FiveW1H {
	f := document.FiveW1H{Event: ev.ID, Basis: "event"}
	votes := map[string]map[string]*vote{}
	var firstDoc *document.Document
	var first *document.EventMention
	firstRank := 1 << 30
	for _, r := range ev.Mentions {
		d, m := mentionOf(s, r)
		if d == nil || m == nil {
			continue
		}
		rank := s.Index(d.ID)*1_000_000 + m.Start
		if ld.doc != nil && d == ld.doc {
			rank = m.Start - 1_000_000
		}
		if m.Asserted() && rank < firstRank {
			firstRank, first, firstDoc = rank, m, d
		}
		for _, a := range m.Args {
			key := strings.ToLower(a.Text)
			if a.Entity != "" {
				key = a.Entity
			}
			if votes[a.Role] == nil {
				votes[a.Role] = map[string]*vote{}
			}
			v := votes[a.Role][key]
			if v == nil {
				v = &vote{text: a.Text, entity: a.Entity, timex: a.Timex}
				if a.Timex >= 0 && a.Timex < len(d.Timexes) {
					tx := d.Timexes[a.Timex]
					v.date = &document.Date{Value: tx.Value, Precision: tx.Precision, Source: "timex"}
				}
				votes[a.Role][key] = v
			}
			v.n++
			v.cites = append(v.cites, s.Cite(s.Index(d.ID), a.Span))
		}
	}
	best := func(role string) *vote {
		var b *vote
		for _, v := range votes[role] {
			if b == nil || v.n > b.n || v.n == b.n && v.text < b.text {
				b = v
			}
		}
		return b
	}
	answer := func(v *vote, conf float64) document.FiveWAnswer {
		a := document.FiveWAnswer{Text: v.text, Entity: v.entity, Citations: v.cites, Confidence: conf}
		if v.entity != "" {
			if e := entityName(s, v.entity); e != "" {
				a.Text = e
			}
		}
		return a
	}
	n := float64(len(ev.Mentions))
	share := func(v *vote) float64 { return clamp(0.5 + 0.4*float64(v.n)/n) }
	// Who: the named agent, else the patient (a victim is the subject of
	// "was killed"); for events that befall someone (a killing, an
	// arrest) the patient first.
	agent, patient := best(document.ArgAgent), best(document.ArgPatient)
	switch {
	case patient != nil && befalls(ev, first):
		f.Who = answer(patient, share(patient))
	case agent != nil && agent.entity != "":
		f.Who = answer(agent, share(agent))
	case patient != nil:
		f.Who = answer(patient, share(patient)*0.9)
	case agent != nil:
		f.Who = answer(agent, share(agent)*0.8)
	}
	if first != nil {
		sp := x.clause(firstDoc, first.Start, sentenceEnd(firstDoc, first.Span), x.MaxWhat)
		if sp.End < first.End {
			sp = first.Span
		}
		f.What = document.FiveWAnswer{Text: firstDoc.Slice(sp), Citations: []document.Citation{s.Cite(s.Index(firstDoc.ID), sp)}, Confidence: clamp(0.6 + 0.3*ev.Confidence)}
		for _, r := range ev.Mentions {
			if r.Doc != firstDoc.ID || r.Start != first.Start {
				f.What.Citations = append(f.What.Citations, r.Citation)
			}
		}
	} else if ev.Label != "" {
		f.What = document.FiveWAnswer{Text: ev.Label, Confidence: 0.5, Reason: "event label; no asserted mention"}
	}
	if !ev.Date.IsZero() && calendar(ev.Date.Value) {
		d := ev.Date
		f.When = document.FiveWAnswer{Text: d.Value, Date: &d, Citations: ev.DateSources, Confidence: dateConfidence(d)}
	} else if v := best(document.ArgTime); v != nil && v.date != nil && calendar(v.date.Value) {
		f.When = answer(v, share(v)*0.8)
		f.When.Date = v.date
	}
	if v := specificPlace(s, votesOf(votes[document.ArgPlace])); v != nil {
		f.Where = answer(v.vote, share(v.vote))
	} else if ev.Place != "" {
		if name := entityName(s, ev.Place); name != "" {
			f.Where = document.FiveWAnswer{Text: name, Entity: ev.Place, Confidence: 0.6}
		}
	}
	if v := best(document.ArgInstrument); v != nil {
		f.How = answer(v, share(v)*0.8)
	}
	return f
}

// vote is one argument value with the mentions that give it.
type vote struct {
	text, entity string
	cites        []document.Citation
	n            int
	timex        int
	// date is a time argument's value.
	date *document.Date
}

// placeVote wraps a vote for specificPlace.
type placeVote struct{ vote *vote }

func votesOf(m map[string]*vote) []*vote {
	var out []*vote
	for _, v := range m {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].n > out[j].n || out[i].n == out[j].n && out[i].text < out[j].text })
	return out
}

// specificPlace picks the most specific of the places the event's
// mentions give: a resolved place that is not a country first, then the
// one whose mentions in the story are most often the event's place (a
// country is named all through a story, the city where it happened
// mostly with the event). Unresolved places count only when no place is
// resolved.
func specificPlace(s *document.Story, vs []*vote) *placeVote {
	if len(vs) == 0 {
		return nil
	}
	total := map[string]int{}
	for _, e := range s.Entities {
		total[e.ID] = len(e.Mentions)
	}
	var best *vote
	bestRatio := -1.0
	for _, v := range vs {
		if v.entity == "" || total[v.entity] == 0 {
			continue
		}
		r := float64(v.n) / float64(total[v.entity])
		if !isCountry(v.text) {
			r += 1 // a city or district over the country it lies in
		}
		if r > bestRatio {
			best, bestRatio = v, r
		}
	}
	if best == nil {
		best = vs[0]
	}
	return &placeVote{best}
}

// befallWords are lemmas of events told about the one they befall.
var befallWords = []string{"kill", "assassinat", "murder", "shoot", "shot", "die", "death", "dead", "injur", "wound", "arrest", "detain", "kidnap", "abduct", "execut", "sentenc", "fire", "dismiss", "resign"}

// befalls reports whether the event is one told about its patient.
func befalls(ev *document.Event, m *document.EventMention) bool {
	words := []string{strings.ToLower(ev.Type), strings.ToLower(ev.Label)}
	if m != nil {
		words = append(words, strings.ToLower(m.Lemma), strings.ToLower(m.Text))
	}
	for _, w := range words {
		for _, b := range befallWords {
			if strings.HasPrefix(w, b) || strings.Contains(w, " "+b) {
				return true
			}
		}
	}
	return false
}

// sentenceEnd returns the end of the sentence holding sp, or the end of
// the text.
func sentenceEnd(d *document.Document, sp document.Span) int {
	for _, s := range d.Sentences {
		if s.Contains(sp) {
			return s.End
		}
	}
	return len(d.Text)
}

func dateConfidence(d document.Date) float64 {
	switch d.Precision {
	case document.PrecisionDay:
		return 0.85
	case "":
		return 0.5
	}
	return 0.7
}

func clamp(x float64) float64 {
	if x > 0.95 {
		return 0.95
	}
	if x < 0 {
		return 0
	}
	return x
}

// entityName returns the name of the story entity id, or "".
func entityName(s *document.Story, id string) string {
	for _, e := range s.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}

// cite cites span sp of the lead document.
func (ld lead) cite(s *document.Story, sp document.Span) []document.Citation {
	return []document.Citation{s.Cite(ld.index, sp)}
}

// leadMentions returns the named-entity mentions inside the lead
// sentence.
func leadMentions(ld lead) []document.Mention {
	var out []document.Mention
	for _, m := range ld.doc.Mentions {
		if ld.sent.Contains(m.Span) {
			out = append(out, m)
		}
	}
	return out
}

// leadWho answers who from the lead: the first person or organisation
// named in the sentence, else its opening noun phrase.
func (x *Extractor) leadWho(s *document.Story, ld lead) document.FiveWAnswer {
	verb := firstVerb(ld)
	var firstAny *document.Mention
	for _, m := range leadMentions(ld) {
		m := m
		if !isPerson(m.Type) && m.Type != "ORG" {
			continue
		}
		if firstAny == nil {
			firstAny = &m
		}
		if verb.Start == 0 || m.End <= verb.Start {
			return mentionAnswer(s, ld, m, 0.6)
		}
	}
	if verb.Start > ld.sent.Start {
		sp := trimSpan(ld.doc.Text, document.Span{Start: ld.sent.Start, End: verb.Start})
		if n := len(strings.Fields(ld.doc.Slice(sp))); n > 0 && n <= 8 {
			return document.FiveWAnswer{Text: ld.doc.Slice(sp), Citations: ld.cite(s, sp), Confidence: 0.45, Reason: "the subject of the lead sentence"}
		}
	}
	if firstAny != nil {
		return mentionAnswer(s, ld, *firstAny, 0.4)
	}
	return document.FiveWAnswer{Reason: "no actor named in the lead"}
}

func mentionAnswer(s *document.Story, ld lead, m document.Mention, conf float64) document.FiveWAnswer {
	a := document.FiveWAnswer{Text: m.Text, Entity: m.Entity, Citations: ld.cite(s, m.Span), Confidence: conf}
	if m.Entity != "" {
		if name := entityName(s, m.Entity); name != "" {
			a.Text = name
		}
	}
	return a
}

// auxiliaries and common verbs that open a predicate.
var verbWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "could": true, "can": true, "may": true, "might": true, "must": true,
	"says": true, "said": true, "say": true, "won": true, "wins": true, "made": true, "makes": true,
	"took": true, "takes": true, "gave": true, "gives": true, "told": true, "tells": true, "left": true,
	"became": true, "becomes": true, "came": true, "comes": true, "went": true, "goes": true,
	"shot": true, "hit": true, "struck": true, "broke": true, "fell": true, "led": true, "met": true,
	"held": true, "lost": true, "beat": true, "sent": true, "sold": true, "built": true, "found": true,
	"did": true, "does": true, "got": true, "gets": true, "ran": true, "runs": true, "set": true,
}

// firstVerb returns the span of the first word of the lead sentence that
// looks like the start of its predicate (an auxiliary, a common verb, or
// a lower-case word ending in -ed after at least one word), or a zero
// span.
func firstVerb(ld lead) document.Span {
	n := 0
	for _, t := range ld.doc.Tokens {
		if !ld.sent.Contains(t.Span) || t.Kind == "punct" {
			continue
		}
		w := ld.doc.Slice(t.Span)
		n++
		if n == 1 || w == "" || !unicode.IsLower([]rune(w)[0]) {
			continue
		}
		if verbWords[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
			return t.Span
		}
	}
	return document.Span{}
}

// leadWhat answers what from the lead: the predicate from its first verb
// to the end of the clause, at most MaxWhat words.
func (x *Extractor) leadWhat(s *document.Story, ld lead, who document.FiveWAnswer) document.FiveWAnswer {
	for _, m := range ld.doc.Events {
		if !ld.sent.Contains(m.Span) || !m.Asserted() || m.Class == document.EventReporting {
			continue
		}
		sp := x.clause(ld.doc, m.Start, ld.sent.End, x.MaxWhat)
		if sp.End < m.End {
			sp = m.Span
		}
		return document.FiveWAnswer{Text: ld.doc.Slice(sp), Citations: ld.cite(s, sp), Confidence: 0.6, Reason: "the first asserted event mention of the lead sentence and its clause"}
	}
	verb := firstVerb(ld)
	if verb.End == 0 {
		sp := trimSpan(ld.doc.Text, ld.sent)
		return document.FiveWAnswer{Text: clip(ld.doc.Slice(sp), x.MaxWhat), Citations: ld.cite(s, sp), Confidence: 0.3, Reason: "the lead sentence; no predicate found"}
	}
	sp := x.clause(ld.doc, verb.Start, ld.sent.End, x.MaxWhat)
	return document.FiveWAnswer{Text: ld.doc.Slice(sp), Citations: ld.cite(s, sp), Confidence: 0.5, Reason: "the predicate of the lead sentence"}
}

// clause returns the span from start to the next clause break (comma,
// semicolon, colon, dash, sentence end) or max words.
func (x *Extractor) clause(d *document.Document, start, end, max int) document.Span {
	words := 0
	last := start
	for _, t := range d.Tokens {
		if t.Start < start || t.End > end {
			continue
		}
		w := d.Slice(t.Span)
		if t.Kind == "punct" && strings.ContainsAny(w, ",;:.!?()—–\"“”") && t.Start > start {
			break
		}
		if t.Kind != "punct" {
			words++
			if words > max {
				break
			}
		}
		last = t.End
	}
	return trimSpan(d.Text, document.Span{Start: start, End: last})
}

// leadWhen answers when from the first calendar date in the lead
// sentence, else in the other opening sentences (the lead's report
// first), else the earliest report's publication date, flagged as such.
func leadWhen(s *document.Story, ld lead) document.FiveWAnswer {
	sents := append([]leadSent{{ld.doc, ld.index, ld.sent}}, ld.others...)
	sort.SliceStable(sents[1:], func(i, j int) bool { return sents[1+i].doc == ld.doc && sents[1+j].doc != ld.doc })
	for k, c := range sents {
		for _, tx := range c.doc.Timexes {
			if !c.sent.Contains(tx.Span) || tx.Type != "DATE" && tx.Type != "TIME" || !calendar(tx.Value) {
				continue
			}
			d := document.Date{Value: tx.Value, Precision: tx.Precision, Source: "timex"}
			if t, err := time.Parse("2006-01-02", firstN(tx.Value, 10)); err == nil && len(tx.Value) >= 10 {
				d.Time = t
			}
			conf := 0.7
			if tx.Anchor != "" && tx.Anchor != "absolute" {
				conf = 0.6
			}
			a := document.FiveWAnswer{Text: tx.Text, Date: &d, Citations: []document.Citation{s.Cite(c.index, tx.Span)}, Confidence: conf}
			if k > 0 {
				a.Confidence -= 0.1
				a.Reason = "no date in the lead sentence; the first date in the reports' openings"
			}
			return a
		}
	}
	if p := ld.doc.Published; !p.IsZero() {
		d := p
		return document.FiveWAnswer{Text: p.Value, Date: &d, Confidence: 0.3, Reason: "no date in the reports' openings; the lead report's publication date"}
	}
	return document.FiveWAnswer{Reason: "no date in the reports' openings and no publication date"}
}

// calendar reports whether a TIMEX3 value names a calendar year, month or
// day (not a duration, a week day left unresolved or a reference like
// PRESENT_REF).
func calendar(v string) bool {
	if len(v) < 4 {
		return false
	}
	for _, r := range v[:4] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(v) == 4 || v[4] == '-'
}

// leadWhere answers where from the first place named in the lead, else
// in the first three sentences of the lead's report.
func leadWhere(s *document.Story, ld lead, who document.FiveWAnswer) document.FiveWAnswer {
	var country *document.Mention
	for _, m := range leadMentions(ld) {
		m := m
		if m.Type == "LOC" && !(who.Entity != "" && m.Entity == who.Entity) {
			if !isCountry(m.Text) {
				return mentionAnswer(s, ld, m, 0.6)
			}
			if country == nil {
				country = &m
			}
		}
	}
	if country != nil {
		return mentionAnswer(s, ld, *country, 0.5)
	}
	limit := ld.sent.End
	if len(ld.doc.Sentences) > 0 {
		for i, sp := range ld.doc.Sentences {
			if i >= 3 {
				break
			}
			limit = sp.End
		}
	}
	for _, m := range ld.doc.Mentions {
		if m.Type == "LOC" && m.End <= limit {
			return mentionAnswer(s, ld, m, 0.4)
		}
	}
	return document.FiveWAnswer{Reason: "no place named in the lead"}
}

// Cue phrases that open a why or how answer.
var (
	whyCues = []string{"because of", "because", "due to", "in retaliation for", "in response to", "as a result of", "in protest", "in order to", "amid"}
	howCues = []string{"using", "by means of"}
)

// cueClause answers why or how: the first cue phrase in the lead sentence
// (or the next sentence of its report) with the words after it up to the
// clause end.
func (x *Extractor) cueClause(s *document.Story, ld lead, cues []string, reason string) document.FiveWAnswer {
	sents := []document.Span{ld.sent}
	for i, sp := range ld.doc.Sentences {
		if sp == ld.sent && i+1 < len(ld.doc.Sentences) {
			sents = append(sents, ld.doc.Sentences[i+1])
		}
	}
	for k, sp := range sents {
		lower := strings.ToLower(ld.doc.Slice(sp))
		best, bestAt := "", -1
		for _, c := range cues {
			at := wordIndex(lower, c)
			if at >= 0 && (bestAt < 0 || at < bestAt) {
				best, bestAt = c, at
			}
		}
		if bestAt < 0 {
			continue
		}
		start := sp.Start + bestAt
		cl := x.clause(ld.doc, start, sp.End, x.MaxClause)
		if len(strings.Fields(ld.doc.Slice(cl))) <= len(strings.Fields(best)) {
			continue
		}
		conf := 0.4
		if k > 0 {
			conf = 0.3
		}
		return document.FiveWAnswer{Text: ld.doc.Slice(cl), Citations: ld.cite(s, cl), Confidence: conf, Reason: fmt.Sprintf("clause opened by %q", best)}
	}
	return document.FiveWAnswer{Reason: reason}
}

// wordIndex returns the byte offset of phrase in s as whole words, or -1.
func wordIndex(s, phrase string) int {
	from := 0
	for {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return -1
		}
		at := from + i
		end := at + len(phrase)
		okL := at == 0 || !isWordByte(s[at-1])
		okR := end == len(s) || !isWordByte(s[end])
		if okL && okR {
			return at
		}
		from = at + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// corroborate adds the other reports' leads that contain an answer to its
// citations and raises its confidence by each.
func corroborate(s *document.Story, f *document.FiveW1H) {
	for _, a := range []*document.FiveWAnswer{&f.Who, &f.What, &f.Where} {
		if !a.Known() || len(strings.Fields(a.Text)) > 6 {
			continue
		}
		key := strings.ToLower(a.Text)
		ld := findLead(s)
		for _, o := range ld.others {
			if o.doc == ld.doc {
				continue
			}
			txt := strings.ToLower(o.doc.Slice(o.sent))
			if at := wordIndex(txt, key); at >= 0 {
				sp := document.Span{Start: o.sent.Start + at, End: o.sent.Start + at + len(key)}
				dup := false
				for _, c := range a.Citations {
					if c.Doc == o.doc.ID && (document.Span{Start: c.Start, End: c.End}).Overlaps(sp) {
						dup = true
					}
				}
				if !dup {
					a.Citations = append(a.Citations, s.Cite(o.index, sp))
					a.Confidence = clamp(a.Confidence + 0.05)
				}
			}
		}
	}
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func clip(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) > n {
		ws = ws[:n]
	}
	return strings.Join(ws, " ")
}

// trimSpan trims spaces and trailing punctuation off sp.
func trimSpan(text string, sp document.Span) document.Span {
	for sp.Start < sp.End && strings.ContainsRune(" \t\n\r", rune(text[sp.Start])) {
		sp.Start++
	}
	for sp.End > sp.Start && strings.ContainsRune(" \t\n\r,;:.", rune(text[sp.End-1])) {
		sp.End--
	}
	return sp
}

// isPerson reports whether a mention type names a person (the tagger's
// PER, the resolver's PERSON).
func isPerson(t string) bool { return t == "PER" || t == "PERSON" }
