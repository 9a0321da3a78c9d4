package timelinejs

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/golden"
	"github.com/corroborate/corroborate/report/internal/fixture"
)

type slides struct {
	Title struct {
		Text struct{ Headline, Text string }
	}
	Events []struct {
		StartDate struct {
			Year, Month, Day int
			DisplayDate      string `json:"display_date"`
		} `json:"start_date"`
		Text  struct{ Headline, Text string }
		Group string
	}
}

func write(t *testing.T, s *document.Story) (slides, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	var got slides
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	return got, buf.Bytes()
}

// TestGolden compares the whole output for the fixture story with
// testdata/fictional.timelinejs.json (rewrite it with -update after
// checking).
func TestGolden(t *testing.T) {
	_, out := write(t, fixture.Story(""))
	golden.Check(t, filepath.Join("testdata", "fictional.timelinejs.json"), out)
}

// TestStartDates checks each entry's start date at its grain: a day or a
// weekend to the day, a season or a half year to its first month.
func TestStartDates(t *testing.T) {
	got, _ := write(t, fixture.Story(""))
	want := []struct{ year, month, day int }{
		{2030, 7, 0},  // 2030-H2
		{2030, 12, 0}, // 2030-WI
		{2031, 3, 4},  // 2031-03-04
		{2031, 3, 8},  // 2031-W10-WE: Saturday
	}
	if len(got.Events) != len(want) {
		t.Fatalf("%d events, want %d", len(got.Events), len(want))
	}
	for i, w := range want {
		sd := got.Events[i].StartDate
		if sd.Year != w.year || sd.Month != w.month || sd.Day != w.day {
			t.Errorf("event %d starts %d-%d-%d, want %d-%d-%d", i, sd.Year, sd.Month, sd.Day, w.year, w.month, w.day)
		}
	}
	if got.Title.Text.Headline != "Fire at Port Elm grain depot put out on 4 March 2031" || got.Title.Text.Text != "4 dated events from 2 reports" {
		t.Errorf("title slide %+v", got.Title)
	}
	if got.Events[2].Group != "Port Elm" || got.Events[0].Group != "" {
		t.Errorf("groups %q %q", got.Events[2].Group, got.Events[0].Group)
	}
}

// TestSourcesAndEscaping checks that slide text names each source with its
// outlet and the cited bytes, and that markup in the reports is escaped
// (TimelineJS shows the text as HTML).
func TestSourcesAndEscaping(t *testing.T) {
	hostile := `<img src=x onerror=alert(1)>`
	got, _ := write(t, fixture.Story(hostile))
	ev := got.Events[2]
	a := fixture.Span(fixture.TextA, "Fire crews put out a blaze at the Port Elm grain depot on Tuesday.")
	b := fixture.Span(fixture.TextB, "A fire at a grain depot in Port Elm was put out on Tuesday.")
	wantSources := "Sources: Harbor Daily&lt;img src=x onerror=alert(1)&gt; (harbor-daily) [" + itoa(a.Start) + "–" + itoa(a.End) + "]; Coast News (coast-news) [" + itoa(b.Start) + "–" + itoa(b.End) + "]"
	if !strings.Contains(ev.Text.Text, wantSources) {
		t.Errorf("slide text %q lacks %q", ev.Text.Text, wantSources)
	}
	for _, s := range []string{ev.Text.Text, ev.Text.Headline, ev.StartDate.DisplayDate, got.Title.Text.Headline} {
		if strings.Contains(s, "<img") {
			t.Errorf("unescaped markup in %q", s)
		}
	}
	if !strings.Contains(ev.Text.Headline, "&lt;img") {
		t.Errorf("headline %q lost the hostile text instead of escaping it", ev.Text.Headline)
	}
}

func TestErrors(t *testing.T) {
	s := fixture.Story("")
	s.Timeline[1].Date = "XXXX-WI"
	var buf bytes.Buffer
	if err := Write(&buf, s); err == nil || !strings.Contains(err.Error(), `"XXXX-WI"`) {
		t.Errorf("unreadable date: err = %v", err)
	}
	if err := Write(&buf, nil); err == nil {
		t.Error("nil story: want an error")
	}
	if err := Write(failWriter{}, fixture.Story("")); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("failing writer: err = %v", err)
	}
	empty, _ := write(t, document.NewStory())
	if empty.Title.Text.Headline != "Timeline" || len(empty.Events) != 0 {
		t.Errorf("empty story: %+v", empty)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
