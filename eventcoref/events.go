package eventcoref

import (
	"fmt"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/claim"
	"github.com/corroborate/corroborate/document"
)

// cluster is one group of mentions being turned into an Event.
type cluster struct {
	members []int // indices into Prepared.Mentions
	docs    []int
	conf    float64
	ev      document.Event
	// parts counts the participant entity ids.
	parts map[string]int
}

// keeps reports whether a cluster becomes an Event: it holds at least one
// asserted mention of something that happens (not a report of speech, a
// state or a negated or modal mention).
func keeps(s *document.Story, p *Prepared, members []int) bool {
	for _, i := range members {
		m := p.Mentions[i]
		if m.Asserted && m.Class != document.EventReporting && m.Class != document.EventState && m.Class != document.EventIState {
			return true
		}
	}
	return false
}

// buildEvents turns the clusters of mentions into Events, ordered by how
// many reports tell them, and writes each mention's Event id.
func buildEvents(s *document.Story, p *Prepared, lab []int, conf []float64) []document.Event {
	groups := map[int][]int{}
	var order []int
	for i, c := range lab {
		if _, ok := groups[c]; !ok {
			order = append(order, c)
		}
		groups[c] = append(groups[c], i)
	}
	var cs []*cluster
	for _, c := range order {
		ms := groups[c]
		if !keeps(s, p, ms) {
			continue
		}
		cl := &cluster{members: ms, conf: conf[ms[0]], parts: map[string]int{}}
		seen := map[int]bool{}
		for _, i := range ms {
			if d := p.Mentions[i].Doc; !seen[d] {
				seen[d] = true
				cl.docs = append(cl.docs, d)
			}
		}
		sort.Ints(cl.docs)
		cs = append(cs, cl)
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if len(cs[a].docs) != len(cs[b].docs) {
			return len(cs[a].docs) > len(cs[b].docs)
		}
		return len(cs[a].members) > len(cs[b].members)
	})
	src := claim.NewSources(s)
	for n, cl := range cs {
		cl.ev = describe(s, p, src, cl, fmt.Sprintf("ev%d", n+1))
		for _, i := range cl.members {
			m := p.Mentions[i]
			s.Docs[m.Doc].Events[m.Index].Event = cl.ev.ID
		}
	}
	assignRoles(s, p, cs)
	out := make([]document.Event, len(cs))
	for i, cl := range cs {
		out[i] = cl.ev
	}
	return out
}

// describe fills the Event of a cluster: label, type, participants,
// place, date, mentions, reports and their independent count.
func describe(s *document.Story, p *Prepared, src *claim.Sources, cl *cluster, id string) document.Event {
	ev := document.Event{ID: id, Confidence: cl.conf}
	lemmas, nouns := map[string]int{}, map[string]int{}
	classes := map[string]int{}
	patients, agents, places := map[string]int{}, map[string]int{}, map[string]int{}
	dates := map[string]int{}
	dateSrc := map[string][]document.Citation{}
	datePrec := map[string]document.Precision{}
	for _, i := range cl.members {
		pm := p.Mentions[i]
		d := s.Docs[pm.Doc]
		em := d.Events[pm.Index]
		ev.Mentions = append(ev.Mentions, document.EventRef{Citation: document.Citation{Doc: d.ID, Start: em.Start, End: em.End}, Text: em.Text})
		lemma := strings.ToLower(em.Lemma)
		if lemma == "" {
			lemma = strings.ToLower(em.Text)
		}
		lemmas[lemma]++
		classes[em.Class]++
		if t := strings.ToLower(strings.TrimSpace(em.Text)); isNominal(t) {
			nouns[t]++
		}
		for _, a := range em.Args {
			switch a.Role {
			case document.ArgPatient:
				if a.Entity != "" {
					patients[a.Entity]++
					cl.parts[a.Entity]++
				}
			case document.ArgAgent, document.ArgInstrument:
				if a.Entity != "" {
					agents[a.Entity]++
					cl.parts[a.Entity]++
				}
			case document.ArgPlace:
				if a.Entity != "" {
					places[a.Entity]++
				}
			case document.ArgTime:
				if a.Timex >= 0 && a.Timex < len(d.Timexes) {
					tx := d.Timexes[a.Timex]
					if resolvedDate(tx.Value) && tx.Precision != "" {
						dates[tx.Value]++
						datePrec[tx.Value] = tx.Precision
						dateSrc[tx.Value] = append(dateSrc[tx.Value], document.Citation{Doc: d.ID, Start: tx.Start, End: tx.End})
					}
				}
			}
		}
	}
	ev.Type = top(lemmas)
	for _, id := range ranked(cl.parts) {
		ev.Participants = append(ev.Participants, id)
	}
	ev.Place = top(places)
	if v := bestDate(dates); v != "" {
		ev.Date = document.Date{Value: v, Precision: datePrec[v], Source: "event arguments"}
		ev.DateSources = dateSrc[v]
	}
	for _, di := range cl.docs {
		ev.Reports = append(ev.Reports, s.Docs[di].ID)
	}
	ev.Independent, _ = src.Independent(cl.docs)
	ev.Label = label(s, top(nouns), ev.Type, ranked(named(s, patients)), top(named(s, agents)))
	if len(named(s, patients)) == 0 && len(named(s, agents)) == 0 {
		// No person or organization: a verb with an object the text
		// names reads best in the report's words ("entered the Green
		// Zone"), else any place or group taking part ("attack on the
		// Green Zone", "blame by United States").
		if v, obj := verbObject(s, p, cl); v != "" && obj != "" && !isNominal(strings.ToLower(ev.Type)) {
			ev.Label = v + " " + obj
		} else {
			ev.Label = label(s, top(nouns), ev.Type, ranked(patients), top(agents))
		}
		if ev.Label == ev.Type && len(ev.Participants) > 0 {
			ev.Label += " (" + entityName(s, ev.Participants[0]) + ")"
		}
	}
	return ev
}

// isNominal reports whether a trigger reads as a noun phrase naming the
// event ("assassination", "the raid", "killing").
func isNominal(t string) bool {
	if strings.Contains(t, " ") {
		return false
	}
	for _, suf := range []string{"tion", "sion", "ment", "ing", "ance", "ence", "al", "ure", "ty"} {
		if strings.HasSuffix(t, suf) && len(t) > len(suf)+2 {
			return true
		}
	}
	switch t {
	case "raid", "strike", "attack", "threat", "clash", "death", "murder", "blast", "explosion", "arrest", "fire", "war", "visit", "crash", "quake", "earthquake", "election", "trial", "protest", "funeral", "ceremony", "meeting", "talks", "deal", "storm", "shooting", "bombing":
		return true
	}
	return false
}

// specificNouns are nouns of an armed or police operation, which a report
// uses for one occurrence ("the raid", "a US strike").
var specificNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields("raid strike attack clash blast explosion arrest bombing airstrike ambush") {
		specificNouns[w] = true
	}
}

// label names an event by its noun (or the trigger lemma) and its main
// participant: "killing of Hisham al-Hashimi", "raid by Kataib Hezbollah".
func label(s *document.Story, noun, lemma string, patients []string, agent string) string {
	head := noun
	if head == "" {
		head = lemma
	}
	of := " of "
	if specificNouns[head] {
		of = " on " // "raid on Kataib Hezbollah"
	}
	switch {
	case len(patients) > 1 && entityType(s, patients[0]) == document.EntityPerson && entityType(s, patients[1]) == document.EntityPerson:
		// One act that harmed two people: "killing of Qasem Soleimani
		// and Abu Mahdi al-Muhandis".
		if harmKeys[Key(head)] || operationKeys[Key(head)] {
			head, of = "killing", " of "
		}
		return head + of + entityName(s, patients[0]) + " and " + entityName(s, patients[1])
	case len(patients) > 0:
		return head + of + entityName(s, patients[0])
	case agent != "":
		return head + " by " + entityName(s, agent)
	}
	return head
}

// verbObject returns the most told verbal trigger of a cluster and the
// text of its patient where that names an entity ("entered", "the Green
// Zone").
func verbObject(s *document.Story, p *Prepared, cl *cluster) (string, string) {
	count := map[string]int{}
	obj := map[string]string{}
	for _, i := range cl.members {
		m := p.Mentions[i]
		em := s.Docs[m.Doc].Events[m.Index]
		for _, a := range em.Args {
			if a.Role == document.ArgPatient && a.Entity != "" {
				t := strings.ToLower(em.Text)
				count[t]++
				obj[t] = a.Text
			}
		}
	}
	v := top(count)
	return v, obj[v]
}

// named keeps the entities of m that are people or organizations, the
// participants a label names.
func named(s *document.Story, m map[string]int) map[string]int {
	out := map[string]int{}
	for id, n := range m {
		for _, e := range s.Entities {
			if e.ID == id && (e.Type == document.EntityPerson || e.Type == document.EntityOrg) {
				out[id] = n
			}
		}
	}
	return out
}

// entityType returns the type of the story's entity id, "" when unknown.
func entityType(s *document.Story, id string) string {
	for _, e := range s.Entities {
		if e.ID == id {
			return e.Type
		}
	}
	return ""
}

func entityName(s *document.Story, id string) string {
	for _, e := range s.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return id
}

// top returns the most frequent key of m, ties broken by order.
func top(m map[string]int) string {
	r := ranked(m)
	if len(r) == 0 {
		return ""
	}
	return r[0]
}

// ranked returns the keys of m by count, then alphabetically.
func ranked(m map[string]int) []string {
	out := sortedKeys(m)
	sort.SliceStable(out, func(a, b int) bool { return m[out[a]] > m[out[b]] })
	return out
}

// assignRoles marks the main event (the one most reports tell) and its
// aftermath main, every other event background. An event is aftermath
// when one of its mentions takes a mention of the main event as an
// argument ("condemned the assassination", "vowed to avenge the
// killing"), or when it shares a participant with the main event, is told
// in a sentence with a main mention and is dated, not before it. Undated
// events that only share a participant stay background: "unknown" is
// safer than a wrong "main".
func assignRoles(s *document.Story, p *Prepared, cs []*cluster) {
	if len(cs) == 0 {
		return
	}
	main := cs[0]
	mainSent := map[[2]int]bool{}
	mainSpans := map[int][]document.Span{}
	for _, i := range main.members {
		m := p.Mentions[i]
		mainSent[[2]int{m.Doc, m.Sentence}] = true
		mainSpans[m.Doc] = append(mainSpans[m.Doc], s.Docs[m.Doc].Events[m.Index].Span)
	}
	for _, cl := range cs {
		cl.ev.Role = document.RoleBackground
		if cl == main {
			cl.ev.Role = document.RoleMain
			continue
		}
		earlier := !cl.ev.Date.IsZero() && !main.ev.Date.IsZero() && cl.ev.Date.Value < main.ev.Date.Value &&
			!strings.HasPrefix(main.ev.Date.Value, cl.ev.Date.Value)
		if earlier {
			continue
		}
		takesMain := false
		for _, i := range cl.members {
			m := p.Mentions[i]
			for _, a := range s.Docs[m.Doc].Events[m.Index].Args {
				for _, sp := range mainSpans[m.Doc] {
					if a.Span.Contains(sp) {
						takesMain = true
					}
				}
			}
		}
		shares, near := false, false
		for id := range cl.parts {
			if main.parts[id] > 0 {
				shares = true
				break
			}
		}
		for _, i := range cl.members {
			m := p.Mentions[i]
			if mainSent[[2]int{m.Doc, m.Sentence}] {
				near = true
				break
			}
		}
		if takesMain || (shares && near && !cl.ev.Date.IsZero() && !main.ev.Date.IsZero()) {
			cl.ev.Role = document.RoleMain
		}
		if len(cl.ev.Reports) < 2 && len(cl.ev.Participants) == 0 && cl.ev.Date.IsZero() && cl.ev.Place == "" {
			// One report, nobody, no date, no place: too little to
			// put it in the main line of the story.
			cl.ev.Role = document.RoleBackground
		}
	}
}

// bestDate returns the date most mentions give; among dates told as often,
// the most precise one that every less precise one contains ("June 26"
// over "late last month"), else the earliest in order.
func bestDate(dates map[string]int) string {
	r := ranked(dates)
	if len(r) == 0 {
		return ""
	}
	best := r[0]
	for _, v := range r[1:] {
		if dates[v] != dates[r[0]] {
			break
		}
		if len(v) > len(best) && strings.HasPrefix(v, best) {
			best = v
		}
	}
	return best
}
