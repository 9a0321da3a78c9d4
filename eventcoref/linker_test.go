package eventcoref

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// doc builds an invented document: sentences one a line, entity mentions
// (text → entity id) and event mentions given as trigger, lemma, class,
// polarity and patient text.
type evSpec struct {
	trigger, lemma, class, polarity, patient string
	nth                                      int // which occurrence of trigger
}

func buildDoc(t *testing.T, id, text string, ents map[string]string, evs []evSpec) *document.Document {
	t.Helper()
	d := &document.Document{ID: id, Text: text}
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		end := start + len(strings.TrimRight(line, "\n"))
		d.Sentences = append(d.Sentences, document.Span{Start: start, End: end})
		start += len(line)
	}
	sentOf := func(pos int) int {
		for i, s := range d.Sentences {
			if s.Start <= pos && pos < s.End {
				return i
			}
		}
		return -1
	}
	find := func(s string, nth int) document.Span {
		from := 0
		for k := 0; ; k++ {
			i := strings.Index(text[from:], s)
			if i < 0 {
				t.Fatalf("%s: %q not in text", id, s)
			}
			if k == nth {
				return document.Span{Start: from + i, End: from + i + len(s)}
			}
			from += i + len(s)
		}
	}
	for name, ent := range ents {
		from := 0
		for {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			sp := document.Span{Start: from + i, End: from + i + len(name)}
			d.Mentions = append(d.Mentions, document.Mention{Span: sp, Text: name, Type: document.EntityPerson, Entity: ent})
			from = sp.End
		}
	}
	for _, e := range evs {
		sp := find(e.trigger, e.nth)
		m := document.EventMention{Span: sp, Text: e.trigger, Lemma: e.lemma, Class: e.class, Polarity: e.polarity, Sentence: sentOf(sp.Start), Confidence: 1}
		if m.Polarity == "" {
			m.Polarity = document.PolarityPositive
		}
		if e.patient != "" {
			// The patient is the first occurrence after the trigger, or
			// before it when none follows.
			i := strings.Index(text[sp.End:], e.patient)
			ps := document.Span{Start: sp.End + i, End: sp.End + i + len(e.patient)}
			if i < 0 {
				j := strings.LastIndex(text[:sp.Start], e.patient)
				ps = document.Span{Start: j, End: j + len(e.patient)}
			}
			m.Args = append(m.Args, document.EventArg{Role: document.ArgPatient, Span: ps, Text: e.patient, Timex: -1})
		}
		d.Events = append(d.Events, m)
	}
	return d
}

func invented(t *testing.T) *document.Story {
	occ, rep := document.EventOccurrence, document.EventReporting
	ents := map[string]string{"Rami Nasser": "E1", "Nasser": "E1", "Omar Haddad": "E2", "Qalat": "E3"}
	s := document.NewStory()
	s.Add(buildDoc(t, "a", "Gunmen killed Rami Nasser outside his home in Qalat on Monday.\nPolice said the gunmen fled on a motorbike.", ents,
		[]evSpec{{trigger: "killed", lemma: "kill", class: occ, patient: "Rami Nasser"}, {trigger: "said", lemma: "say", class: rep}}))
	s.Add(buildDoc(t, "b", "The assassination of Rami Nasser in Qalat shocked the city.\nOfficials said the gunmen fled.", ents,
		[]evSpec{{trigger: "assassination", lemma: "assassination", class: occ, patient: "Rami Nasser"}, {trigger: "said", lemma: "say", class: rep}}))
	s.Add(buildDoc(t, "c", "The killing of Rami Nasser in Qalat recalls the killing of Omar Haddad in Qalat.\nThe army did not kill anyone in Qalat, a spokesman said.", ents,
		[]evSpec{{trigger: "killing", lemma: "killing", class: occ, patient: "Rami Nasser"},
			{trigger: "killing", nth: 1, lemma: "killing", class: occ, patient: "Omar Haddad"},
			{trigger: "kill", nth: 2, lemma: "kill", class: occ, polarity: document.PolarityNegative},
			{trigger: "said", lemma: "say", class: rep}}))
	s.Entities = []document.Entity{{ID: "E1", Name: "Rami Nasser", Type: document.EntityPerson}, {ID: "E2", Name: "Omar Haddad", Type: document.EntityPerson}}
	return s
}

func TestLinkInvented(t *testing.T) {
	s := invented(t)
	s.Derivations = []document.Derivation{{From: "b", To: "a", Kind: "shared-text", Score: 0.8}}
	l, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	ev := func(doc string, i int) string { return s.Doc(doc).Events[i].Event }
	kill := ev("a", 0)
	if kill == "" || ev("b", 0) != kill || ev("c", 0) != kill {
		t.Errorf("the killing of Nasser is not one event: a %q, b %q, c %q", kill, ev("b", 0), ev("c", 0))
	}
	if ev("c", 1) == kill {
		t.Errorf("the killing of Haddad merged with the killing of Nasser")
	}
	if e := ev("c", 2); e != "" && e == kill {
		t.Errorf("the negated kill merged: %q", e)
	}
	for _, d := range []string{"a", "b"} {
		if e := ev(d, 1); e != "" {
			t.Errorf("%s: a lone reporting verb became event %q", d, e)
		}
	}
	if len(s.Events) == 0 || s.Events[0].ID != kill {
		t.Fatalf("events = %+v, want the killing first", s.Events)
	}
	k := s.Events[0]
	if k.Role != document.RoleMain || len(k.Reports) != 3 || k.Independent != 2 || len(k.Mentions) != 3 {
		t.Errorf("killing = role %q reports %v independent %d mentions %d, want main, a b c, 2 (b copies a), 3", k.Role, k.Reports, k.Independent, len(k.Mentions))
	}
	if !strings.Contains(k.Label, "Rami Nasser") || len(k.Participants) == 0 || k.Participants[0] != "E1" {
		t.Errorf("label %q participants %v, want Rami Nasser (E1)", k.Label, k.Participants)
	}
	if k.Confidence <= 0 || k.Confidence > 1 {
		t.Errorf("confidence %v", k.Confidence)
	}
	for _, e := range s.Events[1:] {
		if e.Role == document.RoleMain && strings.Contains(e.Label, "Haddad") {
			t.Errorf("the earlier killing %q is main", e.Label)
		}
	}
}

func TestLinkNilAndEmpty(t *testing.T) {
	l, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Link(context.Background(), nil); err == nil {
		t.Error("nil story: no error")
	}
	s := document.NewStory()
	s.Add(&document.Document{ID: "x", Text: "Nothing happens."})
	if err := l.Link(context.Background(), s); err != nil || len(s.Events) != 0 {
		t.Errorf("empty: err %v, %d events", err, len(s.Events))
	}
	// Mentions pointing outside their document's text, sentences or
	// timexes are read without a crash.
	bad := document.NewStory()
	bad.Add(&document.Document{ID: "y", Text: "Short.", Events: []document.EventMention{
		{Span: document.Span{Start: 3, End: 99}, Text: "raid", Lemma: "raid", Class: document.EventOccurrence, Sentence: 7,
			Args: []document.EventArg{{Role: document.ArgTime, Span: document.Span{Start: -4, End: 2}, Timex: 12}}},
		{Span: document.Span{Start: 0, End: 5}, Text: "raid", Lemma: "raid", Class: document.EventOccurrence, Sentence: -1},
	}})
	if err := l.Link(context.Background(), bad); err != nil {
		t.Errorf("bad spans: %v", err)
	}
}

// TestCandidatesNearLinear checks that blocking bounds the scored pairs:
// doubling the mentions of one trigger doubles the pairs, instead of
// quadrupling them.
func TestCandidatesNearLinear(t *testing.T) {
	l, err := New(Options{Window: 50})
	if err != nil {
		t.Fatal(err)
	}
	count := func(n int) int {
		p := &Prepared{}
		for i := 0; i < n; i++ {
			key := Key("kill")
			if i%3 == 0 {
				key = Key("assassinate")
			}
			p.Mentions = append(p.Mentions, Mention{Doc: i / 10, Key: key})
		}
		return len(l.Candidates(p, nil))
	}
	a, b := count(1000), count(2000)
	if b > 2*a+2*50*50 {
		t.Errorf("pairs: %d for 1000 mentions, %d for 2000: not linear", a, b)
	}
	if a > 1000*3*50 {
		t.Errorf("%d pairs for 1000 mentions with window 50", a)
	}
	t.Logf("pairs: %d for 1000 mentions, %d for 2000", a, b)
}

func TestScaledWindow(t *testing.T) {
	for _, tt := range []struct{ window, n, want int }{
		{100, 50, 100},
		{100, fullWindowMentions, 100},
		{100, 2 * fullWindowMentions, 50},
		{100, 1000 * fullWindowMentions, minWindow},
		{30, 4 * fullWindowMentions, minWindow},
	} {
		if got := scaledWindow(tt.window, tt.n); got != tt.want {
			t.Errorf("scaledWindow(%d, %d) = %d, want %d", tt.window, tt.n, got, tt.want)
		}
	}
}
