package timeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/timex"
)

// eventEntries makes one entry for each event of the story with a date
// (package anchor sets it): dated by the event's date and precision,
// citing one sentence of every report that tells the event (the sentence
// of its dated mention where there is one, else its first), its text the
// sentence the date was read from. Events none of whose mentions asserts
// that it happened ("could bring escalation") make no entry. It also
// returns what the entries cover, so that the dates of their sentences
// make no second entry.
func eventEntries(s *document.Story) ([]*entry, coverage) {
	cov := coverage{sents: map[string][]covered{}, times: map[timexKey]bool{}}
	var out []*entry
	twins := map[string]*entry{}
	mentions := mentionIndex{}
	for _, ev := range s.Events {
		if ev.Date.IsZero() {
			continue
		}
		p, err := ParsePeriod(ev.Date.Value)
		if err != nil {
			continue
		}
		dateAt := map[string][]document.Span{} // doc → date source spans
		for _, c := range ev.DateSources {
			dateAt[c.Doc] = append(dateAt[c.Doc], document.Span{Start: c.Start, End: c.End})
		}
		type pick struct {
			sent  document.Span
			dated bool
		}
		picks := map[string]pick{}
		var order []string
		asserted := false
		for _, m := range ev.Mentions {
			d := s.Doc(m.Doc)
			if d == nil {
				continue
			}
			ms := document.Span{Start: m.Start, End: m.End}
			if !ms.Valid(len(d.Text)) {
				continue
			}
			em, found := mentions.at(d, ms)
			if !found || em.Asserted() {
				asserted = true
			}
			for _, a := range em.Args {
				if a.Role == document.ArgTime && a.Timex >= 0 {
					cov.times[timexKey{d.ID, a.Timex}] = true
				}
			}
			sp, ok := sentenceOf(d.Sentences, ms)
			if !ok {
				continue
			}
			sp = clauseOf(d.Text, sp, ms) // one clause of a list of events
			dated := false
			for _, x := range dateAt[m.Doc] {
				if sp.Contains(x) {
					dated = true
				}
			}
			cov.add(d.ID, sp, p)
			old, seen := picks[m.Doc]
			if !seen {
				order = append(order, m.Doc)
			}
			// the dated sentence, else the report's first that tells it
			if !seen || dated && !old.dated || dated == old.dated && sp.Start < old.sent.Start {
				picks[m.Doc] = pick{sp, dated}
			}
		}
		// the sentence a date source lies in stands for its report: the
		// report's own words for the date
		for _, c := range ev.DateSources {
			d := s.Doc(c.Doc)
			if d == nil {
				continue
			}
			x := document.Span{Start: c.Start, End: c.End}
			sp, ok := sentenceOf(d.Sentences, x)
			if !ok || !x.Valid(len(d.Text)) {
				continue
			}
			sp = clauseOf(d.Text, sp, x)
			cov.add(d.ID, sp, p)
			for i, t := range d.Timexes {
				if t.Span == x {
					cov.times[timexKey{d.ID, i}] = true
				}
			}
			if old, seen := picks[c.Doc]; !seen || !old.dated {
				if !seen {
					order = append(order, c.Doc)
				}
				picks[c.Doc] = pick{sp, true}
			}
		}
		if !asserted || len(picks) == 0 {
			continue
		}
		sort.SliceStable(order, func(i, j int) bool { return s.Index(order[i]) < s.Index(order[j]) })
		mod := dateMod(s, ev)
		e := &entry{period: p, mod: mod, label: Label(p, mod), docs: map[string]bool{}, ents: ev.Participants, event: ev.ID, order: len(out)}
		// the text: the sentence of the expression the date was read from
		// (the first date source), else the first dated one
		var lead document.Citation
		if len(ev.DateSources) > 0 {
			lead = ev.DateSources[0]
		}
		for _, id := range order {
			pk := picks[id]
			e.cites = append(e.cites, document.Citation{Doc: id, Start: pk.sent.Start, End: pk.sent.End})
			e.docs[id] = true
			if pk.dated && id == lead.Doc && pk.sent.Contains(document.Span{Start: lead.Start, End: lead.End}) {
				e.text = strings.Join(strings.Fields(s.Doc(id).Text[pk.sent.Start:pk.sent.End]), " ")
			}
		}
		for _, id := range order {
			if pk := picks[id]; e.text == "" && pk.dated {
				e.text = strings.Join(strings.Fields(s.Doc(id).Text[pk.sent.Start:pk.sent.End]), " ")
			}
		}
		if e.text == "" {
			c := e.cites[0]
			e.text = strings.Join(strings.Fields(s.Doc(c.Doc).Text[c.Start:c.End]), " ")
		}
		// two events the linker kept apart that the reports tell in the
		// same words make one entry
		k := twinKey(e)
		if same, ok := twins[k]; ok {
			same.ents = union(same.ents, e.ents)
			continue
		}
		twins[k] = e
		out = append(out, e)
	}
	return out, cov
}

// twinKey is an entry's date and citations.
func twinKey(e *entry) string {
	var b strings.Builder
	b.WriteString(e.period.Value)
	for _, c := range e.cites {
		fmt.Fprintf(&b, "|%s:%d-%d", c.Doc, c.Start, c.End)
	}
	return b.String()
}

// dateMod returns the TIMEX3 modifier ("late" June: END) that the
// expressions an event's date rests on agree on, or "".
func dateMod(s *document.Story, ev document.Event) string {
	mod, seen := "", false
	for _, c := range ev.DateSources {
		d := s.Doc(c.Doc)
		if d == nil {
			continue
		}
		for _, x := range d.Timexes {
			if x.Start != c.Start || x.End != c.End {
				continue
			}
			if seen && x.Mod != mod {
				return ""
			}
			mod, seen = x.Mod, true
		}
	}
	return mod
}

// mentionIndex finds a document's event mentions by span.
type mentionIndex map[*document.Document]map[document.Span]int

// at returns d's event mention with span sp (the first of several).
func (x mentionIndex) at(d *document.Document, sp document.Span) (document.EventMention, bool) {
	byspan, ok := x[d]
	if !ok {
		byspan = make(map[document.Span]int, len(d.Events))
		for i, m := range d.Events {
			if _, dup := byspan[m.Span]; !dup {
				byspan[m.Span] = i
			}
		}
		x[d] = byspan
	}
	if i, ok := byspan[sp]; ok {
		return d.Events[i], true
	}
	return document.EventMention{}, false
}

// coverage records what the event entries tell: the sentences that tell a
// dated event, with its date, and the time expressions given as the time
// of a mention of such an event (even when the anchoring set them aside:
// "last week" for a raid other reports date earlier).
type coverage struct {
	sents map[string][]covered
	times map[timexKey]bool
}

type covered struct {
	sent   document.Span
	period timex.Period
}

// timexKey names a time expression of a document by its index.
type timexKey struct {
	doc string
	i   int
}

func (c coverage) add(doc string, sent document.Span, p timex.Period) {
	c.sents[doc] = append(c.sents[doc], covered{sent, p})
}

// has reports whether time expression xi of doc, at x with period p,
// belongs to an event entry: it is the time of a mention of the entry's
// event, or its sentence tells a dated event and p holds its date or lies
// inside it.
func (c coverage) has(doc string, xi int, x document.Span, p timex.Period) bool {
	if c.times[timexKey{doc, xi}] {
		return true
	}
	for _, cv := range c.sents[doc] {
		if !cv.sent.Contains(x) {
			continue
		}
		if within(p, cv.period) || within(cv.period, p) {
			return true
		}
	}
	return false
}

func within(a, b timex.Period) bool { return !a.Start.Before(b.Start) && !a.End.After(b.End) }
