package report

import (
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestLinkQuotes(t *testing.T) {
	q := func(doc, text, speaker, ent string, start int) Quote {
		return Quote{Doc: doc, Quote: document.Quote{Span: document.Span{Start: start, End: start + len(text)}, Text: text, Speaker: speaker, SpeakerEntity: ent}}
	}
	qs := []Quote{
		q("a", "We will rebuild the pier before the winter storms arrive", "Ana Ruiz", "E1", 0),
		q("b", "we will rebuild the pier before the winter storms arrive", "Ruiz", "E1", 10),
		q("c", "the pier will surely be rebuilt before harsh winter storms", "Ana Ruiz", "E1", 20),
		q("d", "the pier will surely be rebuilt before harsh winter storms", "Tom Reyes", "E2", 30),
		q("a", "We will rebuild the pier before the winter storms arrive", "Ana Ruiz", "E1", 40), // same report: no link
	}
	linkQuotes(qs)
	if len(qs[0].Relayed) != 1 || qs[0].Relayed[0].Doc != "b" || len(qs[1].Relayed) != 2 {
		t.Errorf("relayed: %+v / %+v", qs[0].Relayed, qs[1].Relayed)
	}
	if len(qs[2].Versions) != 3 || len(qs[0].Versions) != 1 || qs[0].Versions[0].Doc != "c" {
		t.Errorf("versions: %+v / %+v", qs[2].Versions, qs[0].Versions)
	}
	if len(qs[3].Versions) != 0 || len(qs[3].Relayed) != 1 {
		// Another speaker's words match only as a relay of the same
		// words, never as a version.
		t.Errorf("other speaker: versions %+v relayed %+v", qs[3].Versions, qs[3].Relayed)
	}
}

func TestGroupSpeakersTitle(t *testing.T) {
	ents := []document.Entity{{ID: "E1", Name: "Mustafa al-Kadhimi"}, {ID: "E2", Name: "Donald Trump"}}
	qs := []Quote{
		{Doc: "a", Quote: document.Quote{Text: "one", Speaker: "Mustafa al-Kazimi", SpeakerEntity: "E1", Role: "new Iraqi Prime Minister"}},
		{Doc: "b", Quote: document.Quote{Text: "two", Speaker: "Prime Minister of Iraq", Role: "Prime Minister of Iraq"}},
		{Doc: "b", Quote: document.Quote{Text: "three", Speaker: "president of Iraq", Role: "president of Iraq"}},
		{Doc: "c", Quote: document.Quote{Text: "four", Speaker: "Donald Trump", SpeakerEntity: "E2", Role: "President"}},
		{Doc: "c", Quote: document.Quote{Text: "five", SpeakerReason: "pronoun “it” not resolved to a named speaker"}},
	}
	got := groupSpeakers(qs, ents)
	byName := map[string]Speaker{}
	for _, g := range got {
		byName[g.Name] = g
	}
	if k := byName["Mustafa al-Kadhimi"]; len(k.Quotes) != 2 || len(k.Roles) != 2 {
		t.Errorf("Kadhimi group: %+v", k)
	}
	if p := byName["president of Iraq"]; len(p.Quotes) != 1 {
		t.Errorf("the president of Iraq must not join Donald Trump: %+v", got)
	}
	if u := byName[Unattributed]; len(u.Quotes) != 1 || u.Attributed {
		t.Errorf("unattributed group: %+v", u)
	}
}
