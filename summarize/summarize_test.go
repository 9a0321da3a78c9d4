package summarize

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// fictional reports of one invented event.
var reports = []string{
	"Flood hits Marrow Vale\n\nFloodwaters swept through the town of Marrow Vale on Tuesday, killing three people and forcing hundreds from their homes. The river burst its banks after two days of heavy rain.\n\nMayor Ines Corbett said rescue teams worked through the night. The town last flooded in 1998, when a dam failed upstream.",
	"Three people died when floods swept through Marrow Vale on Tuesday, officials said. Hundreds of residents were forced from their homes.\n\nThe regional weather office had issued a warning on Monday. Volunteers handed out blankets at the school gym.",
	"Rescue teams searched Marrow Vale overnight after Tuesday's flood killed three people. Mayor Ines Corbett thanked the volunteers.\n\nLast year the council rejected a plan to raise the levee, citing its cost of 4 million pounds.",
}

func story(t testing.TB, texts ...string) *document.Story {
	t.Helper()
	s := document.NewStory()
	for i, txt := range texts {
		d := &document.Document{ID: string(rune('a' + i)), Text: txt, Published: document.DayDate(time.Date(2031, 3, 5, 0, 0, 0, 0, time.UTC), "test")}
		if err := text.New().Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		s.Add(d)
	}
	return s
}

func TestSummaryMainEventFirstAndCited(t *testing.T) {
	s := story(t, reports...)
	if err := New(Options{Sentences: 3}).Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(s.Summary) != 3 {
		t.Fatalf("got %d sentences, want 3: %+v", len(s.Summary), s.Summary)
	}
	first := s.Summary[0]
	if !strings.Contains(first.Text, "Marrow Vale") || !strings.Contains(first.Text, "Tuesday") {
		t.Errorf("first sentence is not the main event: %q", first.Text)
	}
	if len(first.Sources) < 2 {
		t.Errorf("main-event sentence told by several reports cites only %v", first.Sources)
	}
	docs := map[string]bool{}
	for _, c := range first.Sources {
		if docs[c.Doc] {
			t.Errorf("document %s cited twice for one sentence", c.Doc)
		}
		docs[c.Doc] = true
	}
	for i, ss := range s.Summary {
		for _, c := range ss.Sources {
			if _, _, err := s.Resolve(c); err != nil {
				t.Errorf("sentence %d: %v", i, err)
			}
		}
		// No sentence of the summary repeats another.
		for j := 0; j < i; j++ {
			if ss.Text == s.Summary[j].Text {
				t.Errorf("sentence %d repeats sentence %d", i, j)
			}
		}
	}
}

func TestSummaryNoDuplicates(t *testing.T) {
	same := "Floodwaters swept through the town of Marrow Vale on Tuesday, killing three people and forcing hundreds from their homes."
	s := story(t, same+" Rain kept falling all week long in the hills.", same+" The school gym became a shelter for families.")
	if err := New(Options{}).Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ss := range s.Summary {
		if ss.Text == same {
			n++
			if len(ss.Sources) != 2 {
				t.Errorf("shared sentence cites %d sources, want 2", len(ss.Sources))
			}
		}
	}
	if n != 1 {
		t.Errorf("shared sentence appears %d times, want once: %+v", n, s.Summary)
	}
}

func TestBackground(t *testing.T) {
	pub := document.DayDate(time.Date(2031, 3, 5, 0, 0, 0, 0, time.UTC), "test")
	tests := []struct {
		name    string
		text    string
		timexes []document.Timex
		want    bool
	}{
		{"last year cue", "Last year the council rejected the plan.", nil, true},
		{"earlier year", "The town flooded in 1998 when a dam failed.", nil, true},
		{"earlier month", "Talks began in November between the two sides.", nil, true},
		{"current", "Floods hit the town on Tuesday, officials said.", nil, false},
		{"timex far", "It opened on that day to great fanfare.", []document.Timex{{Span: document.Span{Start: 11, End: 22}, Type: "DATE", Value: "2029-06-01"}}, true},
		{"timex near", "It opened on that day to great fanfare.", []document.Timex{{Span: document.Span{Start: 11, End: 22}, Type: "DATE", Value: "2031-03-04"}}, false},
		{"timex month containing publication", "It opened this month to great fanfare.", []document.Timex{{Span: document.Span{Start: 11, End: 21}, Type: "DATE", Value: "2031-03"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &document.Document{Text: tt.text, Published: pub, Timexes: tt.timexes}
			got := isBackground(indexDoc(d), document.Span{Start: 0, End: len(tt.text)}, tt.text, 14)
			if got != tt.want {
				t.Errorf("isBackground(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestBackgroundNotFirst(t *testing.T) {
	s := story(t,
		"Last year the council of Marrow Vale rejected a plan to raise the levee along the river.\n\nFloodwaters swept through Marrow Vale on Tuesday and killed three people.",
		"Floods swept through Marrow Vale on Tuesday, killing three people in the old town.",
	)
	sum, err := New(Options{Sentences: 2}).Summarize(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum) == 0 || strings.HasPrefix(sum[0].Text, "Last year") {
		t.Errorf("background sentence leads the summary: %+v", sum)
	}
}

func TestTerms(t *testing.T) {
	a, b := termsOf("Hisham al-Hashemi was assassinated"), termsOf("Hisham al-Hashimi was killed")
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("variant spellings and synonyms differ: %v vs %v", a, b)
	}
	if got := termsOf("the and of"); len(got) != 0 {
		t.Errorf("stopwords kept: %v", got)
	}
}

func TestSummarizeEdgeCases(t *testing.T) {
	z := New(Options{})
	if err := z.Link(context.Background(), nil); err == nil {
		t.Error("nil story: want an error")
	}
	empty := document.NewStory()
	if err := z.Link(context.Background(), empty); err != nil || len(empty.Summary) != 0 {
		t.Errorf("empty story: err %v, summary %v", err, empty.Summary)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := z.Link(ctx, story(t, reports...)); err == nil {
		t.Error("cancelled context: want an error")
	}
	// Sentences missing: the text stage did not run, which is an error
	// naming the document.
	s := document.NewStory()
	s.Add(&document.Document{ID: "unsplit", Text: reports[0]})
	if err := z.Link(context.Background(), s); err == nil || !strings.Contains(err.Error(), "unsplit") {
		t.Errorf("unsplit document: err %v, want one naming it", err)
	}
	// Paywalled reports are left out when others exist.
	s = story(t, reports[0], "Subscribe now to read the whole article about the flood in Marrow Vale today.")
	s.Docs[1].Flags = []string{document.FlagPaywall}
	sum, _ := z.Summarize(context.Background(), s)
	for _, ss := range sum {
		for _, c := range ss.Sources {
			if c.Doc == s.Docs[1].ID {
				t.Errorf("paywalled report cited: %+v", ss)
			}
		}
	}
}

func BenchmarkSummarize(b *testing.B) {
	var texts []string
	for i := 0; i < 20; i++ {
		texts = append(texts, reports[i%len(reports)])
	}
	s := story(b, texts...)
	z := New(Options{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := z.Summarize(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}
