package timeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// hashimiPublished are the publication dates extract would give the five
// reports (001 from its dateline, the others given by the user).
var hashimiPublished = map[string]string{
	"000": "2020-07-07", "001": "2020-07-12", "002": "2020-07-07", "003": "2020-07-09", "004": "2020-07-08",
}

func hashimiStory(t *testing.T) *document.Story {
	t.Helper()
	s := document.NewStory()
	for _, f := range shareddata.Corpus(t, "hashimi") {
		id := f.ID
		d := &document.Document{ID: id, Source: f.Path, Text: f.Text}
		if p, ok := hashimiPublished[id]; ok {
			day, _ := time.Parse("2006-01-02", p)
			d.Published = document.DayDate(day, "user")
		}
		annotate(t, d)
		s.Add(d)
	}
	return s
}

func TestHashimiTimeline(t *testing.T) {
	s := hashimiStory(t)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(s.Timeline) == 0 {
		t.Fatal("empty timeline")
	}
	byDate := map[string][]document.TimelineEntry{}
	for i, e := range s.Timeline {
		byDate[e.Date] = append(byDate[e.Date], e)
		if i > 0 {
			a, _ := ParsePeriod(s.Timeline[i-1].Date)
			b, _ := ParsePeriod(e.Date)
			if b.Start.Before(a.Start) {
				t.Errorf("entry %d (%s) sorts before entry %d (%s)", i, e.Date, i-1, s.Timeline[i-1].Date)
			}
		}
		for _, c := range e.Sources {
			if _, _, err := s.Resolve(c); err != nil {
				t.Errorf("entry %d: %v", i, err)
			}
		}
	}
	// the killing is told for 6 July 2020 by four reports, which merge into
	// one entry; the embassy's call the same evening stays apart
	best := 0
	for _, e := range byDate["2020-07-06"] {
		docs := map[string]bool{}
		for _, c := range e.Sources {
			docs[c.Doc] = true
		}
		if len(docs) != len(e.Sources) {
			t.Errorf("entry cites one report twice: %v", e.Sources)
		}
		best = max(best, len(docs))
	}
	if best < 3 {
		t.Errorf("the best 6 July 2020 entry cites %d reports, want at least 3", best)
	}
	if len(byDate["2020-07-06"]) < 2 {
		t.Errorf("all 6 July 2020 sentences merged into %d entries; distinct events should stay apart", len(byDate["2020-07-06"]))
	}
	// "about 200 journalists have been killed in Iraq since 2003": a
	// period's start, not an event
	if len(byDate["2003"]) > 0 {
		t.Errorf("\"since 2003\" made a timeline entry: %v", byDate["2003"])
	}
	// the raid and the study's publication
	for _, d := range []string{"2020-06-26", "2020-06", "2020-07-01", "2019-Q4", "2020-01"} {
		if len(byDate[d]) == 0 {
			t.Errorf("no timeline entry dated %s", d)
		}
	}
	for _, e := range byDate["2020-06"] {
		if !strings.Contains(e.Label, "June 2020") {
			t.Errorf("month entry labelled %q", e.Label)
		}
	}
	if testing.Verbose() {
		for _, e := range s.Timeline {
			t.Logf("%-12s %-22s %v %.70s", e.Date, e.Label, e.Sources, e.Text)
		}
	}
}
