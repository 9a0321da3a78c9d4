package clean_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/clean"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// TestRemovedTextReachesNoLaterStage runs the whole flow over a news-please
// record whose text lost its line breaks (invented for the test): an
// embedded post dated 3 March 2019 and a caption quoting a sign sit inside
// the story. Cleaning removes both, so the post's date is no timeline
// entry and no date mention, and the sign's words are no quote of the
// story, while the reporting keeps its own date and quote.
func TestRemovedTextReachesNoLaterStage(t *testing.T) {
	body := "Rescuers reached the twelve stranded climbers on the north ridge of Mount Halvard on Tuesday, " +
		"the regional mountain service said. " +
		"Image copyright Halvard Rescue Image caption \"Never again,\" read a sign held up by one of the climbers at the base camp " +
		"The group had been trapped for two days after a rockfall cut the only path down. " +
		"Stuck on the ridge with no way down, send help pic.twitter.com/abc123XYZ -- Halvard Alpine Club (@halvardclub) March 3, 2019 " +
		"\"We are relieved that everyone is safe,\" said Ines Moro, the head of the mountain service. " +
		"Two of the climbers were taken to hospital in Orvik with minor injuries, and the others walked down with the rescue team. " +
		"The path will stay closed until engineers have checked the slope, the service said."
	// Control: with the rules for posts, captions and credits disabled the
	// post stays, and its date is found as a date mention.
	ctl := &document.Document{ID: "control", Source: "control", Format: document.FormatText, Extracted: body}
	clean.New(clean.Options{Disable: []string{clean.CodeSocialEmbed, clean.CodePhotoCaption, clean.CodePhotoCredit}}).Clean(ctl, nil)
	ctx := context.Background()
	if err := text.New().Annotate(ctx, ctl); err != nil {
		t.Fatal(err)
	}
	if err := timex.New().Annotate(ctx, ctl); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range ctl.Timexes {
		found = found || strings.HasPrefix(x.Value, "2019-03-03")
	}
	if !found {
		t.Fatalf("control: the post's date is not a date mention when the post stays (%+v)", ctl.Timexes)
	}

	rec := map[string]string{
		"title":        "Rescuers reach climbers stranded on Mount Halvard",
		"text":         body,
		"date_publish": "2019-03-05 10:00:00",
		"url":          "https://news.example.org/world/halvard-rescue",
		"language":     "en",
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "halvard.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := analysis.Analyze(ctx, []string{dir}, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Docs) != 1 {
		t.Fatalf("%d documents, want 1 (problems: %v)", len(s.Docs), s.AllProblems())
	}
	d := s.Docs[0]
	var removed []string
	for _, r := range d.Removed {
		removed = append(removed, r.Reason+": "+r.Text)
	}
	joined := strings.Join(removed, "\n")
	if !strings.Contains(joined, "(@halvardclub) March 3, 2019") || !strings.Contains(joined, "Never again") {
		t.Fatalf("the post and the caption were not both removed; removals:\n%s", joined)
	}
	if strings.Contains(d.Text, "March 3") || strings.Contains(d.Text, "Never again") {
		t.Errorf("removed text left in Text: %q", d.Text)
	}
	for _, x := range d.Timexes {
		if strings.HasPrefix(x.Value, "2019-03-03") {
			t.Errorf("the embedded post's date became a date mention: %+v", x)
		}
	}
	for _, e := range s.Timeline {
		if strings.HasPrefix(e.Date, "2019-03-03") {
			t.Errorf("the embedded post's date reached the timeline: %+v", e)
		}
	}
	sawMoro := false
	for _, q := range d.Quotes {
		if strings.Contains(q.Text, "Never again") {
			t.Errorf("the caption's words became a quote: %+v", q)
		}
		sawMoro = sawMoro || strings.Contains(q.Text, "We are relieved")
	}
	if !sawMoro {
		t.Errorf("the story's own quote was lost; quotes: %+v", d.Quotes)
	}
	if !strings.Contains(d.Text, "Rescuers reached the twelve stranded climbers") || !strings.Contains(d.Text, "The group had been trapped for two days") {
		t.Errorf("reporting lost: %q", d.Text)
	}
}
