package event

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// hashimiPub are publication dates for the five reports (001's from its
// dateline, the others as a user would give them), so that relative
// dates resolve.
var hashimiPub = map[string]string{"000": "2020-07-07", "001": "2020-07-12", "002": "2020-07-07", "003": "2020-07-09", "004": "2020-07-08"}

// killingLemmas are the lemmas that name the killing.
var killingLemmas = map[string]bool{"kill": true, "killing": true, "assassination": true, "assassinate": true, "shoot": true, "murder": true, "death": true}

func isHashimi(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "hashimi") || strings.Contains(s, "hashemi")
}

// TestHashimi reads the five reports of the shared hashimi story through
// the text, NER and timex stages and checks the event mentions a reader
// finds in them.
func TestHashimi(t *testing.T) {
	files := shareddata.Corpus(t, "hashimi")
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*document.Document{}
	for _, f := range files {
		pub, ok := hashimiPub[f.ID]
		if !ok {
			continue
		}
		d := prepare(t, f.ID, f.Text, pub)
		if err := x.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		docs[f.ID] = d
	}
	if len(docs) != 5 {
		t.Fatalf("read %d of the five reports", len(docs))
	}
	// Every report tells the killing, with Hashimi as the one killed.
	for id, d := range docs {
		n := 0
		for _, m := range d.Events {
			if killingLemmas[m.Lemma] && isHashimi(arg(m, document.ArgPatient)) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: no mention of the killing with Hashimi as patient", id)
		}
	}
	// 000: "yesterday evening Monday" dates the killing of al-Hashemi.
	if m, ok := withArg(docs["000"], "killed", document.ArgTime, "yesterday evening Monday"); !ok {
		t.Errorf("000: \"killed\" has no time argument \"yesterday evening Monday\"")
	} else if !isHashimi(arg(m, document.ArgPatient)) || arg(m, document.ArgPlace) != "Baghdad" {
		t.Errorf("000: killed: %s, want Hashemi as patient and Baghdad as place", describe(m))
	}
	// The raid on Kataib Hezbollah: "last week" in 000, "June 26" in 004,
	// each linked to its timex.
	if m, ok := withArg(docs["000"], "raid", document.ArgTime, "last week"); !ok {
		t.Errorf("000: no raid with the time \"last week\"")
	} else if !strings.Contains(arg(m, document.ArgPatient), "Hezbollah") {
		t.Errorf("000: raid: %s, want Hezbollah headquarters as patient", describe(m))
	}
	found := false
	for _, m := range docs["004"].Events {
		for _, a := range m.Args {
			if a.Role == document.ArgTime && a.Text == "June 26" {
				found = true
				if a.Timex < 0 || docs["004"].Timexes[a.Timex].Value != "2020-06-26" {
					t.Errorf("004: %s: June 26 not linked to the timex 2020-06-26", describe(m))
				}
			}
		}
	}
	if !found {
		t.Error("004: no event dated \"June 26\" (the raid on Kataeb Hezbollah's headquarters)")
	}
	// A date that only opens a period dates no event ("since 2003"),
	// and a date after an event noun is not the date of the verb after
	// it ("The assassination … on 6 July 2020 may prove …").
	for id, d := range docs {
		for _, m := range d.Events {
			for _, a := range m.Args {
				if a.Role == document.ArgTime && a.Start >= 6 && strings.EqualFold(d.Text[a.Start-6:a.Start], "since ") {
					t.Errorf("%s: %s: dated by a period's start", id, describe(m))
				}
				if a.Role == document.ArgTime && m.Text == "prove" {
					t.Errorf("%s: %s: the assassination's date given to \"may prove\"", id, describe(m))
				}
			}
		}
	}
	if m, ok := withArg(docs["001"], "assassination", document.ArgTime, "6 July 2020"); !ok {
		t.Error("001: the assassination is not dated 6 July 2020")
	} else if arg(m, document.ArgPlace) != "Baghdad" {
		t.Errorf("001: %s: place is not Baghdad", describe(m))
	}
	// 004: the raid ("descended on Kataeb Hezbollah's headquarters")
	// keeps its date, June 26.
	if _, ok := withArg(docs["004"], "descended", document.ArgTime, "June 26"); !ok {
		t.Error("004: \"descended\" (the raid) is not dated June 26")
	}
	// No group has claimed responsibility: negative.
	for _, id := range []string{"000", "001"} {
		n := 0
		for _, m := range docs[id].Events {
			if m.Lemma == "claim" && strings.Contains(strings.ToLower(docs[id].Slice(docs[id].Sentences[m.Sentence])), "no group") {
				n++
				if m.Polarity != document.PolarityNegative {
					t.Errorf("%s: %s: \"no group has claimed\" is not negative", id, describe(m))
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no claim mention", id)
		}
	}
	// Modal events carry their modal.
	for _, c := range []struct{ id, trigger, modal string }{
		{"001", "prove", "may"},
		{"003", "revert", "could"},
		{"004", "fallen", "may"},
	} {
		m := findMention(t, docs[c.id].Events, c.trigger)
		if m.Modality != c.modal || m.Asserted() {
			t.Errorf("%s: %s: modality %q, want %q", c.id, describe(m), m.Modality, c.modal)
		}
	}
}

// withArg returns the mention with the trigger whose argument of the role
// has the text.
func withArg(d *document.Document, trigger, role, text string) (document.EventMention, bool) {
	for _, m := range d.Events {
		if m.Text == trigger && arg(m, role) == text {
			return m, true
		}
	}
	return document.EventMention{}, false
}
