package account

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

// story builds two reports of a shooting in Basra with their event
// mentions, entities, 5W1H, summary and comparison.
func story(t *testing.T) *document.Story {
	t.Helper()
	texts := []string{
		"BASRA, March 11, 2026 (Gulf Wire) - Iraqi researcher Laith al-Obaidi was killed by gunmen in Basra on Tuesday. Police said.",
		"Laith al--Obaidi, an Iraqi researcher, was shot outside his office in Basra on Tuesday evening. Two gunmen fled.",
	}
	s := document.NewStory()
	ev := document.Event{ID: "ev1", Label: "killing of Laith al-Obaidi", Type: "kill", Role: document.RoleMain,
		Participants: []string{"e-laith"}, Place: "e-basra", Reports: []string{"a", "b"}, Independent: 2, Confidence: 0.8}
	person := document.Entity{ID: "e-laith", Name: "Laith al-Obaidi", Type: "PERSON", Roles: []string{"researcher"}}
	place := document.Entity{ID: "e-basra", Name: "Basra", Type: "LOC"}
	demonym := document.Entity{ID: "e-iraqi", Name: "Iraqi", Type: "MISC"}
	for i, txt := range texts {
		id := string(rune('a' + i))
		d := &document.Document{ID: id, Text: txt}
		first := strings.Index(txt, ". ") + 1
		d.Sentences = []document.Span{{Start: 0, End: first}, {Start: first + 1, End: len(txt)}}
		trigger := "killed"
		if i == 1 {
			trigger = "shot"
		}
		k := strings.Index(txt, trigger)
		d.Events = []document.EventMention{{Span: document.Span{Start: k, End: k + len(trigger)}, Text: trigger, Lemma: trigger, Event: "ev1", Sentence: 0}}
		ev.Mentions = append(ev.Mentions, document.EventRef{Citation: document.Citation{Doc: id, Start: k, End: k + len(trigger)}, Text: trigger})
		name := "Laith al-Obaidi"
		if i == 1 {
			name = "Laith al--Obaidi"
		}
		n := strings.Index(txt, name)
		person.Mentions = append(person.Mentions, document.EntityMention{Citation: document.Citation{Doc: id, Start: n, End: n + len(name)}, Text: name})
		b := strings.Index(txt, "Basra on")
		place.Mentions = append(place.Mentions, document.EntityMention{Citation: document.Citation{Doc: id, Start: b, End: b + 5}, Text: "Basra"})
		tu := strings.Index(txt, "Tuesday")
		tlen := len("Tuesday")
		if i == 1 {
			tlen = len("Tuesday evening")
		}
		d.Timexes = []document.Timex{{Span: document.Span{Start: tu, End: tu + tlen}, Text: txt[tu : tu+tlen], Type: "DATE", Value: "2026-03-10", Precision: document.PrecisionDay}}
		s.Add(d)
	}
	s.Entities = []document.Entity{person, place, demonym}
	s.Events = []document.Event{ev}
	when := document.Date{Value: "2026-03-11", Time: time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay}
	s.FiveW1H = &document.FiveW1H{Event: "ev1", Basis: "event",
		Who:  document.FiveWAnswer{Text: "Laith al-Obaidi", Entity: "e-laith", Citations: []document.Citation{person.Mentions[0].Citation}, Confidence: 0.8},
		What: document.FiveWAnswer{Text: "was killed by gunmen", Citations: []document.Citation{ev.Mentions[0].Citation}, Confidence: 0.7},
		// the dateline's date: when the report was filed
		When:  document.FiveWAnswer{Text: "March 11, 2026", Date: &when, Citations: []document.Citation{{Doc: "a", Start: 7, End: 21}}, Confidence: 0.7},
		Where: document.FiveWAnswer{Text: "Laith al-Obaidi", Entity: "e-laith", Citations: []document.Citation{person.Mentions[0].Citation}, Confidence: 0.7},
	}
	s.Summary = []document.SummarySentence{{Text: texts[1][:strings.Index(texts[1], ". ")+1], Sources: []document.Citation{{Doc: "b", Start: 0, End: strings.Index(texts[1], ". ") + 1}, {Doc: "a", Start: 0, End: strings.Index(texts[0], ". ") + 1}}}}
	s.Disagreements = []document.Disagreement{{About: "number of attackers", Values: []document.ClaimValue{
		{Value: "two", Sources: []document.Citation{{Doc: "b", Start: 97, End: 112}}, Independent: 1},
		{Value: "three", Sources: []document.Citation{{Doc: "a", Start: 0, End: 10}}, Independent: 2},
	}}}
	return s
}

func TestAccount(t *testing.T) {
	s := story(t)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	a := s.Account
	h := a.Headline
	// who with the descriptor both reports give, "shot dead" (two
	// reports speak of a shooting), the place of the event, and the day
	// the reports resolve rather than the dateline's filing date
	if want := "Iraqi researcher Laith al-Obaidi shot dead in Basra on 10 March 2026"; h.Text != want {
		t.Errorf("headline %q, want %q (%+v)", h.Text, want, h)
	}
	if h.Fallback || h.Confidence <= 0 || h.Confidence > 0.8 {
		t.Errorf("fallback %v confidence %v", h.Fallback, h.Confidence)
	}
	for _, p := range h.Parts {
		if len(p.Citations) == 0 {
			t.Errorf("part %s has no citation", p.Role)
		}
		for _, c := range p.Citations {
			if _, _, err := s.Resolve(c); err != nil {
				t.Errorf("part %s: %v", p.Role, err)
			}
		}
	}
	if got, want := s.Summary[0].Display, "Laith al-Obaidi, an Iraqi researcher, was shot outside his office in Basra on Tuesday evening [10 March 2026]."; got != want {
		t.Errorf("summary display %q, want %q", got, want)
	}
	if len(a.Happened) != 1 || a.Happened[0].Independent != 2 {
		t.Errorf("happened %+v, want the summary sentence with 2 independent reports", a.Happened)
	}
	if len(a.Disputed) != 1 || a.Disputed[0].Display != "Reports differ on the number of attackers: two (1 independent report) or three (2)." {
		t.Errorf("disputed %+v", a.Disputed)
	}
}

func TestAccountIndependence(t *testing.T) {
	s := story(t)
	// b copies a: the summary sentence rests on one independent report
	s.Derivations = []document.Derivation{{From: "b", To: "a", Kind: "shared-text"}}
	a := New().Build(s)
	if len(a.Happened) != 1 || a.Happened[0].Independent != 1 {
		t.Errorf("happened %+v, want 1 independent report", a.Happened)
	}
}

func TestHeadlineFallback(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*document.Story)
		reason string
	}{
		{"no 5W1H", func(s *document.Story) { s.FiveW1H = nil }, "did not run"},
		{"who unknown", func(s *document.Story) {
			s.FiveW1H.Who = document.FiveWAnswer{Reason: "no agent or patient"}
		}, "who is unknown: no agent or patient"},
		{"event with no participant", func(s *document.Story) {
			s.Events[0].Type, s.Events[0].Label, s.Events[0].Participants = "fire", "fire", nil
		}, "names no participant"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := story(t)
			tc.change(s)
			h := New().Build(s).Headline
			if !h.Fallback || !strings.Contains(h.Reason, tc.reason) || h.Text == "" || len(h.Parts) != 0 {
				t.Errorf("headline %+v, want a fallback label because %q", h, tc.reason)
			}
			if strings.Contains(h.Text, "Gulf Wire") {
				t.Errorf("fallback %q names an outlet", h.Text)
			}
		})
	}
}

func TestHeadlineOtherEvent(t *testing.T) {
	s := story(t)
	s.Events[0].Type, s.Events[0].Label = "arrest", "arrest of Laith al-Obaidi"
	h := New().Build(s).Headline
	if h.Fallback || !strings.HasPrefix(h.Text, "Arrest of Laith al-Obaidi in Basra") {
		t.Errorf("headline %+v, want the event's label", h)
	}
}

func TestFallbackLabel(t *testing.T) {
	s := story(t)
	s.FiveW1H = nil
	// the main event's label names the person: it is the label
	if h := New().Build(s).Headline; h.Text != "Reports on the killing of Laith al-Obaidi" {
		t.Errorf("label %q", h.Text)
	}
	// a label that names no participant is not used; the first headline
	// is quoted as the outlet's
	s.Events[0].Label, s.Events[0].Type, s.Events[0].Participants = "open", "open", nil
	s.Docs[1].Title = "Dam gates\nopened"
	if h := New().Build(s).Headline; h.Text != "2 reports: “Dam gates opened”" {
		t.Errorf("label %q", h.Text)
	}
	s.Docs[1].Title = ""
	if h := New().Build(s).Headline; h.Text != "Account of 2 reports" {
		t.Errorf("label %q", h.Text)
	}
}
