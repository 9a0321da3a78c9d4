package timeline

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// eventStory is fictionalStory with the arrest as a story event told by
// all three reports and dated 8 March 2021, as the event linker and the
// anchoring would leave it, and an event none of whose mentions asserts
// it.
func eventStory(t *testing.T) *document.Story {
	s := fictionalStory(t)
	arrest := document.Event{ID: "ev1", Label: "arrest of Tomas Veld", Date: document.Date{Value: "2021-03-08", Precision: document.PrecisionDay},
		Participants: []string{"e-tomas-veld"}}
	for _, d := range s.Docs {
		i := strings.Index(d.Text, "arrested")
		m := document.EventMention{Span: document.Span{Start: i, End: i + len("arrested")}, Text: "arrested", Polarity: document.PolarityPositive, Event: "ev1"}
		d.Events = append(d.Events, m)
		arrest.Mentions = append(arrest.Mentions, document.EventRef{Citation: document.Citation{Doc: d.ID, Start: m.Start, End: m.End}, Text: m.Text})
		if d.ID == "a" {
			x := strings.Index(d.Text, "Monday")
			arrest.DateSources = append(arrest.DateSources, document.Citation{Doc: d.ID, Start: x, End: x + len("Monday")})
		}
	}
	a := s.Doc("a")
	i := strings.Index(a.Text, "struck")
	a.Events = append(a.Events, document.EventMention{Span: document.Span{Start: i, End: i + 6}, Text: "struck", Polarity: document.PolarityNegative, Event: "ev2"})
	s.Events = append(s.Events, arrest, document.Event{ID: "ev2", Label: "strike", Date: document.Date{Value: "2021-02", Precision: document.PrecisionMonth},
		Mentions: []document.EventRef{{Citation: document.Citation{Doc: "a", Start: i, End: i + 6}, Text: "struck"}}})
	return s
}

func TestEventEntries(t *testing.T) {
	s := eventStory(t)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	var arrest []document.TimelineEntry
	for _, e := range s.Timeline {
		if e.Date == "2021-03-08" {
			arrest = append(arrest, e)
		}
		if e.Event == "ev2" {
			t.Errorf("an event no mention asserts made an entry: %+v", e)
		}
	}
	if len(arrest) != 1 {
		t.Fatalf("%d entries dated 2021-03-08, want the arrest once: %+v", len(arrest), arrest)
	}
	e := arrest[0]
	if e.Event != "ev1" || e.Role != document.RoleMain || e.Precision != document.PrecisionDay {
		t.Errorf("arrest entry %+v, want event ev1, main, day", e)
	}
	docs := map[string]bool{}
	for _, c := range e.Sources {
		docs[c.Doc] = true
	}
	if len(e.Sources) != 3 || !docs["a"] || !docs["b"] || !docs["c"] {
		t.Errorf("arrest cites %v, want one sentence of each of a, b and c", e.Sources)
	}
	if !strings.Contains(e.Text, "Monday") || !strings.HasPrefix(e.Text, "Harbour master") {
		t.Errorf("entry text %q, want report a's dated sentence", e.Text)
	}
	if len(e.Entities) != 1 || e.Entities[0] != "e-tomas-veld" {
		t.Errorf("entities %v", e.Entities)
	}
	// the other dates still make their entries
	found := false
	for _, x := range s.Timeline {
		if x.Date == "2021-01" {
			found = true
		}
	}
	if !found {
		t.Errorf("the January inquiry lost its entry: %+v", s.Timeline)
	}
}
