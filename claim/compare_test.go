package claim

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/golden"

	"github.com/corroborate/corroborate/document"
)

// inventedStory is a small fictional story: a relays the Valley Tribune,
// c copies a paragraph of b, and the reports disagree on the motorbikes
// and on an older protest toll.
func inventedStory(t testing.TB) *document.Story {
	copied := "Witnesses in the old market said the attackers waited for more than an hour outside the municipal building before the mayor arrived in his car, and that they fled toward the river road once the shooting stopped."
	texts := []struct{ id, day, text string }{
		{"a", "2024-05-01", "Valley Tribune: Mayor shot in Lorbridge\n\n" +
			"Four gunmen on a motorbike attacked the mayor of Lorbridge on Monday. Karim Nasser, 52, was wounded and taken to hospital.\n\n" +
			"Police later stormed a farm outside the town and arrested 6 suspects.\n\n" +
			"Security forces killed 25 protesters in Lorbridge during the 2019 protests."},
		{"b", "2024-05-02", "Gunmen attacked the mayor of Lorbridge, Karim Nasser, 52, on Monday. Four gunmen on two motorcycles opened fire on his car.\n\n" +
			copied + "\n\n" +
			"In a raid on Tuesday, police arrested 6 men.\n\n" +
			"About 90 journalists have been killed in Lorania since 2004."},
		{"c", "2024-05-03", "The mayor of Lorbridge is recovering after an attack by four men on two motorcycles.\n\n" +
			copied + "\n\n" +
			"Security forces killed more than 30 protesters during demonstrations in 2019, rights groups said."},
	}
	s := document.NewStory()
	for _, x := range texts {
		day, err := time.Parse("2006-01-02", x.day)
		if err != nil {
			t.Fatal(err)
		}
		s.Add(annotateDoc(t, &document.Document{ID: x.id, Text: x.text, Published: document.DayDate(day, "test")}))
	}
	return s
}

func TestLinkInventedStory(t *testing.T) {
	s := inventedStory(t)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	var shared, relay *document.Derivation
	for i, d := range s.Derivations {
		switch d.Kind {
		case "shared-text":
			shared = &s.Derivations[i]
		case "attribution":
			relay = &s.Derivations[i]
		}
	}
	if shared == nil || shared.From != "c" || shared.To != "b" || shared.Score <= 0 || len(shared.Evidence) != 2 {
		t.Errorf("shared-text derivation = %+v, want c → b with evidence", shared)
	}
	if relay == nil || relay.From != "a" || relay.Outlet != "Valley Tribune" {
		t.Errorf("attribution derivation = %+v, want a → Valley Tribune", relay)
	}
	dis := map[string]document.Disagreement{}
	for _, d := range s.Disagreements {
		dis[d.About] = d
	}
	// Report a dates the attack ("on Monday"), so the count carries its year.
	moto, ok := dis["number of motorcycles (2024)"]
	if !ok {
		t.Fatalf("no motorcycle disagreement in %+v", s.Disagreements)
	}
	if moto.Conservative != "one" || len(moto.Values) != 2 || moto.Values[1].Independent != 1 || len(moto.Values[1].Sources) != 2 {
		t.Errorf("motorcycles = %+v: want one vs two, two told by b and c counted once", moto)
	}
	killed, ok := dis["protesters killed (protests, 2019)"]
	if !ok || killed.Conservative != "25" {
		t.Errorf("protest toll disagreement = %+v (all: %v)", killed, keysOf(dis))
	}
	for about := range dis {
		if about != "number of motorcycles (2024)" && about != "protesters killed (protests, 2019)" {
			t.Errorf("unexpected disagreement %q", about)
		}
	}
	agreeAbout := map[string]document.Agreement{}
	for _, a := range s.Agreements {
		agreeAbout[a.About] = a
	}
	if a, ok := agreeAbout["age of Karim Nasser (2024)"]; !ok || a.Value.Value != "52" || a.Value.Independent != 2 {
		t.Errorf("age agreement = %+v (all %v)", a, keysOf(agreeAbout))
	}
	checkGolden(t, "invented_story.json", map[string]any{
		"derivations":   s.Derivations,
		"agreements":    s.Agreements,
		"disagreements": s.Disagreements,
	})
}

func TestLinkErrors(t *testing.T) {
	if err := New().Link(context.Background(), nil); err == nil {
		t.Error("nil story: want error")
	}
	if err := (&Comparer{}).Link(context.Background(), document.NewStory()); err == nil {
		t.Error("zero Comparer: want error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := document.NewStory()
	s.Add(&document.Document{ID: "x", Text: "one two three four five six"})
	if err := New().Link(ctx, s); err == nil {
		t.Error("cancelled context: want error")
	}
}

func keysOf[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func checkGolden(t *testing.T, name string, v any) {
	t.Helper()
	golden.CheckJSON(t, filepath.Join("testdata", name), v)
}

func TestLinkFillsSpeakerEntities(t *testing.T) {
	d := annotate(t, "q", `Mayor Ana Ruiz met reporters. "We will rebuild," she said. "The pier comes first," said Ana Ruiz.`)
	// Resolution would give the person's mentions one entity.
	people := 0
	for i, m := range d.Mentions {
		if m.Type == document.EntityPerson && strings.Contains(m.Text, "Ana Ruiz") {
			d.Mentions[i].Entity = "E1"
			people++
		}
	}
	if people != 2 {
		t.Fatalf("mentions = %+v, want two of Ana Ruiz", d.Mentions)
	}
	s := document.NewStory()
	s.Add(d)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 2 {
		t.Fatalf("quotes = %+v", d.Quotes)
	}
	for _, q := range d.Quotes {
		if q.SpeakerEntity != "E1" {
			t.Errorf("quote %q: speaker entity %q, want E1", q.Text, q.SpeakerEntity)
		}
	}
}

// TestLinkKeepsEventsApart checks that a count from an older, dated event
// never meets the report's own undated count.
func TestLinkKeepsEventsApart(t *testing.T) {
	a := annotate(t, "a", "Four gunmen attacked the mayor of Lorbridge on his way home.")
	b := annotate(t, "b", "In 2019, three gunmen attacked a judge in the same street.")
	for _, d := range []*document.Document{a, b} {
		d.Published = document.DayDate(time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC), "test")
	}
	s := document.NewStory()
	s.Add(a)
	s.Add(b)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(s.Disagreements) != 0 {
		t.Errorf("invented a contradiction between events: %+v", s.Disagreements)
	}
}
