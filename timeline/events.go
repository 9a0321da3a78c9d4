package timeline

import (
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
	cov := coverage{}
	var out []*entry
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
			if em, ok := mentionAt(d, ms); !ok || em.Asserted() {
				asserted = true
			}
			sp, ok := sentenceOf(d.Sentences, ms)
			if !ok {
				continue
			}
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
			if !seen || dated && !old.dated {
				picks[m.Doc] = pick{sp, dated}
			}
		}
		if !asserted || len(picks) == 0 {
			continue
		}
		sort.SliceStable(order, func(i, j int) bool { return s.Index(order[i]) < s.Index(order[j]) })
		e := &entry{period: p, label: Label(p, ""), docs: map[string]bool{}, ents: ev.Participants, event: ev.ID, order: len(out)}
		for _, id := range order {
			pk := picks[id]
			e.cites = append(e.cites, document.Citation{Doc: id, Start: pk.sent.Start, End: pk.sent.End})
			e.docs[id] = true
			if e.text == "" && pk.dated {
				e.text = strings.Join(strings.Fields(s.Doc(id).Text[pk.sent.Start:pk.sent.End]), " ")
			}
		}
		if e.text == "" {
			c := e.cites[0]
			e.text = strings.Join(strings.Fields(s.Doc(c.Doc).Text[c.Start:c.End]), " ")
		}
		out = append(out, e)
	}
	return out, cov
}

// mentionAt returns d's event mention with span sp.
func mentionAt(d *document.Document, sp document.Span) (document.EventMention, bool) {
	for _, m := range d.Events {
		if m.Span == sp {
			return m, true
		}
	}
	return document.EventMention{}, false
}

// coverage records the sentences that tell a dated event, with its date.
type coverage map[string][]covered

type covered struct {
	sent   document.Span
	period timex.Period
}

func (c coverage) add(doc string, sent document.Span, p timex.Period) {
	c[doc] = append(c[doc], covered{sent, p})
}

// has reports whether a date p read at x in doc belongs to
// an event entry: the sentence tells a dated event and p holds its date or
// lies inside it.
func (c coverage) has(doc string, x document.Span, p timex.Period) bool {
	for _, cv := range c[doc] {
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
