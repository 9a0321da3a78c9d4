package fivew

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// tagged builds a document from hand-written text with named-entity
// mentions given as (text, type) pairs, found by their first occurrence.
func tagged(t *testing.T, id, body string, names ...[2]string) *document.Document {
	t.Helper()
	d := &document.Document{ID: id, Text: body, Language: "en"}
	if err := text.New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		i := strings.Index(body, n[0])
		if i < 0 {
			t.Fatalf("%q not in text", n[0])
		}
		d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: i, End: i + len(n[0])}, Text: n[0], Type: n[1], Entity: "e-" + strings.ToLower(strings.ReplaceAll(n[0], " ", "-"))})
	}
	return d
}

func TestLeadFallback(t *testing.T) {
	d := tagged(t, "a", "Jane Doe was arrested in Lisbon on Friday because of unpaid fines. Police said little.",
		[2]string{"Jane Doe", "PERSON"}, [2]string{"Lisbon", "LOC"})
	s := document.NewStory()
	s.Add(d)
	f := New().Extract(s)
	cases := []struct {
		q, want string
		a       document.FiveWAnswer
	}{
		{"who", "Jane Doe", f.Who},
		{"what", "was arrested", f.What},
		{"where", "Lisbon", f.Where},
		{"why", "because of unpaid fines", f.Why},
	}
	for _, c := range cases {
		if !strings.Contains(c.a.Text, c.want) {
			t.Errorf("%s: got %q, want it to contain %q", c.q, c.a.Text, c.want)
		}
		if len(c.a.Citations) == 0 || c.a.Confidence <= 0 {
			t.Errorf("%s: no citation or confidence: %+v", c.q, c.a)
		}
	}
	if f.Basis != "lead" {
		t.Errorf("basis %q, want lead", f.Basis)
	}
	if f.When.Known() {
		t.Errorf("when %+v: no timex and no publication date, want unknown", f.When)
	}
	if f.When.Reason == "" {
		t.Errorf("unknown when without a reason")
	}
}

func TestFromMainEvent(t *testing.T) {
	d := tagged(t, "a", "Gunmen shot dead John Roe outside his home in Baghdad on Monday.",
		[2]string{"John Roe", "PERSON"}, [2]string{"Baghdad", "LOC"})
	trig := strings.Index(d.Text, "shot dead")
	vict := strings.Index(d.Text, "John Roe")
	place := strings.Index(d.Text, "Baghdad")
	d.Events = []document.EventMention{{
		Span: document.Span{Start: trig, End: trig + len("shot dead")}, Text: "shot dead", Class: document.EventOccurrence, Polarity: document.PolarityPositive,
		Args: []document.EventArg{
			{Role: document.ArgAgent, Span: document.Span{Start: 0, End: 6}, Text: "Gunmen", Timex: -1},
			{Role: document.ArgPatient, Span: document.Span{Start: vict, End: vict + 8}, Text: "John Roe", Entity: "e-john-roe", Timex: -1},
			{Role: document.ArgPlace, Span: document.Span{Start: place, End: place + 7}, Text: "Baghdad", Timex: -1},
		},
	}}
	d2 := tagged(t, "b", "The killing of John Roe shocked the city.", [2]string{"John Roe", "PERSON"})
	k2 := strings.Index(d2.Text, "killing")
	d2.Events = []document.EventMention{{Span: document.Span{Start: k2, End: k2 + 7}, Text: "killing", Class: document.EventOccurrence, Polarity: document.PolarityPositive}}
	s := document.NewStory()
	s.Add(d)
	s.Add(d2)
	s.Entities = []document.Entity{{ID: "e-john-roe", Name: "John Roe", Type: "PERSON"}}
	day := document.Date{Value: "2020-07-06", Precision: document.PrecisionDay}
	s.Events = []document.Event{{ID: "ev1", Role: document.RoleMain, Date: day, Reports: []string{"a", "b"}, Confidence: 0.8,
		Mentions: []document.EventRef{
			{Citation: document.Citation{Doc: "a", Start: trig, End: trig + 9}, Text: "shot dead"},
			{Citation: document.Citation{Doc: "b", Start: k2, End: k2 + 7}, Text: "killing"},
		}}}
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	f := s.FiveW1H
	if f.Basis != "event" || f.Event != "ev1" {
		t.Fatalf("basis %q event %q", f.Basis, f.Event)
	}
	// The agent is not a name: the named patient answers who.
	if f.Who.Text != "John Roe" || f.Who.Entity != "e-john-roe" {
		t.Errorf("who %+v", f.Who)
	}
	if !strings.HasPrefix(f.What.Text, "shot dead") || f.Where.Text != "Baghdad" {
		t.Errorf("what %q where %q", f.What.Text, f.Where.Text)
	}
	if f.When.Date == nil || f.When.Date.Value != "2020-07-06" {
		t.Errorf("when %+v", f.When)
	}
}

// TestOneReportUsesLead: an event told by one report does not replace
// the lead's answers.
func TestOneReportUsesLead(t *testing.T) {
	d := tagged(t, "a", "Jane Doe won the race in Lisbon on Friday.", [2]string{"Jane Doe", "PERSON"}, [2]string{"Lisbon", "LOC"})
	s := document.NewStory()
	s.Add(d)
	s.Events = []document.Event{{ID: "ev1", Role: document.RoleMain, Reports: []string{"a"},
		Mentions: []document.EventRef{{Citation: document.Citation{Doc: "a", Start: 0, End: 4}, Text: "Jane"}}}}
	f := New().Extract(s)
	if f.Basis != "lead" || f.Who.Text != "Jane Doe" {
		t.Fatalf("basis %q who %q, want lead and Jane Doe", f.Basis, f.Who.Text)
	}
}

func TestEmptyStory(t *testing.T) {
	f := New().Extract(document.NewStory())
	for _, a := range []document.FiveWAnswer{f.Who, f.What, f.When, f.Where, f.Why, f.How} {
		if a.Known() || a.Reason == "" {
			t.Errorf("empty story: %+v, want unknown with a reason", a)
		}
	}
}
