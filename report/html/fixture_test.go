package html

import (
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
)

// fixture builds a small invented story with every layer the page shows.
// hostile, when set, is planted in every field that carries text.
func fixture(hostile string) *document.Story {
	s := document.NewStory()
	pub := document.DayDate(time.Date(2031, 3, 5, 0, 0, 0, 0, time.UTC), "test")

	menu := "Home | World | Sport" + hostile + "\n\n"
	body := "Fire crews put out a blaze at the Port Elm grain depot on Tuesday." + hostile + " Two workers were hurt, the harbour office said.\n\n" +
		"\"We were lucky,\" said depot manager Ana Ruiz."
	footer := "\n\nSubscribe to our newsletter" + hostile
	extracted := menu + body + footer
	d1 := &document.Document{
		ID: "harbor-daily", Source: "harbor.html", Title: "Depot fire in Port Elm" + hostile, Outlet: "Harbor Daily" + hostile,
		Published: pub, Language: "en", Extracted: extracted, Text: body,
		TextToExtracted: document.Alignment{{Start: 0, End: len(body), Src: len(menu)}},
		Removed: []document.Removal{
			{Span: document.Span{Start: 0, End: len(menu) - 2}, Text: strings.TrimSpace(menu), Reason: "navigation" + hostile},
			{Span: document.Span{Start: len(menu) + len(body) + 2, End: len(extracted)}, Text: strings.TrimSpace(footer), Reason: "newsletter"},
		},
	}
	text2 := "A fire at a grain depot in Port Elm was put out on Tuesday. Three workers were injured, a union said." + hostile
	d2 := &document.Document{ID: "coast-news", Source: "coast.txt", Title: "Grain depot blaze", Published: pub, Language: "en", Text: text2}
	s.Add(d1)
	s.Add(d2)

	sent1 := document.Span{Start: 0, End: strings.Index(body, ".") + 1}
	sent2 := document.Span{Start: 0, End: strings.Index(text2, ".") + 1}
	twoAt := strings.Index(body, "Two workers")
	threeAt := strings.Index(text2, "Three workers")
	quoteAt := strings.Index(body, "\"We were lucky,\"")
	ruizAt := strings.Index(body, "Ana Ruiz")

	d1.Quotes = []document.Quote{{
		Span: document.Span{Start: quoteAt, End: len(body)}, Content: document.Span{Start: quoteAt + 1, End: quoteAt + 14},
		Text: "We were lucky" + hostile, Speaker: "Ana Ruiz", SpeakerEntity: "E1", Role: "depot manager" + hostile, Direct: true,
	}}
	s.Summary = []document.SummarySentence{{
		Text:    body[sent1.Start:sent1.End] + hostile,
		Sources: []document.Citation{s.Cite(0, sent1), s.Cite(1, sent2)},
	}, {
		Text:    "Broken citation test.",
		Sources: []document.Citation{{Doc: "nowhere", Start: 0, End: 4}},
	}}
	s.Timeline = []document.TimelineEntry{
		{Date: "2031-03-04", Precision: document.PrecisionDay, Label: "Depot fire" + hostile, Text: body[sent1.Start:sent1.End], Sources: []document.Citation{s.Cite(0, sent1)}},
		{Date: "2030", Precision: document.PrecisionYear, Label: "Depot inspected", Text: "The depot passed inspection.", Sources: []document.Citation{s.Cite(1, sent2)}},
		{Date: "2030-11", Precision: document.PrecisionMonth, Label: "Union complaint", Text: "The union complained.", Sources: []document.Citation{s.Cite(1, sent2)}},
	}
	s.Entities = []document.Entity{
		{ID: "E1", Name: "Ana Ruiz" + hostile, Type: document.EntityPerson, Roles: []string{"depot manager"},
			Aliases:  []document.Alias{{Text: "Ana Ruiz", Counts: map[string]int{"harbor-daily": 1}}},
			Mentions: []document.EntityMention{{Citation: document.Citation{Doc: "harbor-daily", Start: ruizAt, End: ruizAt + 8}, Text: "Ana Ruiz"}}},
		{ID: "E2", Name: "Port Elm", Type: document.EntityLoc,
			Aliases: []document.Alias{{Text: "Port Elm" + hostile, Counts: map[string]int{"harbor-daily": 1, "coast-news": 1}}},
			Mentions: []document.EntityMention{
				{Citation: document.Citation{Doc: "harbor-daily", Start: strings.Index(body, "Port Elm"), End: strings.Index(body, "Port Elm") + 8}},
				{Citation: document.Citation{Doc: "coast-news", Start: strings.Index(text2, "Port Elm"), End: strings.Index(text2, "Port Elm") + 8}},
			}},
	}
	s.Agreements = []document.Agreement{{About: "fire put out on Tuesday", Value: document.ClaimValue{Value: "Tuesday", Sources: []document.Citation{s.Cite(0, sent1), s.Cite(1, sent2)}, Independent: 2}}}
	s.Disagreements = []document.Disagreement{{
		About: "workers hurt" + hostile,
		Values: []document.ClaimValue{
			{Value: "2", Sources: []document.Citation{s.Cite(0, document.Span{Start: twoAt, End: twoAt + 11})}, Independent: 1},
			{Value: "3" + hostile, Sources: []document.Citation{s.Cite(1, document.Span{Start: threeAt, End: threeAt + 13})}, Independent: 1},
		},
		Conservative: "2", Note: "lower figure",
	}}
	s.Summary[0].Display = "Fire crews put out a blaze at the Port Elm grain depot on Tuesday [4 March 2031]." + hostile
	s.Account = &document.Account{
		Headline: document.Headline{
			Text: "Fire at Port Elm grain depot put out on 4 March 2031" + hostile, Confidence: 0.7,
			Parts: []document.HeadlinePart{
				{Role: "what", Text: "Fire at Port Elm grain depot put out" + hostile, Citations: []document.Citation{s.Cite(0, sent1), s.Cite(1, sent2)}, Confidence: 0.8},
				{Role: "when", Text: "on 4 March 2031", Citations: []document.Citation{s.Cite(0, sent1)}, Confidence: 0.7},
			},
		},
		Happened: []document.AccountFact{{
			Text: s.Summary[0].Text, Display: s.Summary[0].Display, Sources: []document.Citation{s.Cite(0, sent1), s.Cite(1, sent2)}, Independent: 1,
		}, {
			Text: "Fire put out on Tuesday: Tuesday (2 independent reports).", Display: "Fire put out on Tuesday: Tuesday (2 independent reports)." + hostile,
			About: "fire put out on Tuesday", Sources: []document.Citation{s.Cite(0, sent1), s.Cite(1, sent2)}, Independent: 2,
		}},
		Disputed: []document.AccountFact{{
			Text: "Reports differ on workers hurt: 2 (1 independent report) or 3 (1).", Display: "Reports differ on workers hurt: 2 (1 independent report) or 3 (1)." + hostile,
			About: "workers hurt", Sources: []document.Citation{s.Cite(0, document.Span{Start: twoAt, End: twoAt + 11}), s.Cite(1, document.Span{Start: threeAt, End: threeAt + 13})}, Independent: 1,
		}},
	}
	s.Derivations = []document.Derivation{
		{From: "coast-news", To: "harbor-daily", Kind: "shared-text", Score: 0.8},
		{From: "coast-news", Outlet: "Bay Wire" + hostile, Kind: "attribution"},
	}
	return s
}
