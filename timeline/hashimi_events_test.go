package timeline_test

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/anchor"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/hashimitest"
	"github.com/corroborate/corroborate/timeline"
)

// TestHashimiEventTimelineGoldLinks builds the timeline from the real
// per-report layers with four events linked by hand (see hashimitest),
// anchored by package anchor.
func TestHashimiEventTimelineGoldLinks(t *testing.T) {
	s := hashimitest.Analyze(t, analysis.Annotate)
	hashimitest.LinkByHand(t, s)
	if err := anchor.New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if err := timeline.New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	checkTimeline(t, s, "ev1")
}

// TestHashimiEventTimeline reads the timeline the whole flow builds, event
// linker included.
func TestHashimiEventTimeline(t *testing.T) {
	s := hashimitest.Analyze(t, analysis.Full)
	checkTimeline(t, s, hashimitest.RequireLinkedKilling(t, s))
}

// checkTimeline checks the hashimi facts; killing names the killing's
// event id.
func checkTimeline(t *testing.T, s *document.Story, killing string) {
	t.Helper()
	if testing.Verbose() {
		for _, e := range s.Timeline {
			t.Logf("%-12s %-8s %-10s %-6s %v %.70s", e.Date, e.Precision, e.Role, e.Event, e.Sources, e.Text)
		}
	}
	byDate := map[string][]document.TimelineEntry{}
	for _, e := range s.Timeline {
		byDate[e.Date] = append(byDate[e.Date], e)
		for _, c := range e.Sources {
			if _, _, err := s.Resolve(c); err != nil {
				t.Error(err)
			}
		}
	}
	// the killing: one entry, from the event, cited by all five reports
	var k []document.TimelineEntry
	for _, e := range s.Timeline {
		if e.Event == killing {
			k = append(k, e)
		}
	}
	if len(k) != 1 {
		t.Fatalf("%d entries for the killing, want 1: %+v", len(k), k)
	}
	docs := map[string]bool{}
	for _, c := range k[0].Sources {
		docs[c.Doc] = true
	}
	if k[0].Date != "2020-07-06" || k[0].Precision != document.PrecisionDay || k[0].Role != document.RoleMain || len(docs) != 5 {
		t.Errorf("killing entry %s (%s), role %q, %d reports; want 2020-07-06 (day), main, 5", k[0].Date, k[0].Precision, k[0].Role, len(docs))
	}
	// no second entry of the day tells the killing in other words
	for _, e := range byDate["2020-07-06"] {
		if e.Event == "" && len(e.Sources) > 1 {
			t.Errorf("a sentence entry dated 2020-07-06 merges %d reports besides the killing's entry: %+v", len(e.Sources), e)
		}
	}
	// "about 200 journalists have been killed in Iraq since 2003"
	if len(byDate["2003"]) > 0 {
		t.Errorf("\"since 2003\" made an entry: %+v", byDate["2003"])
	}
	has := func(date string, words ...string) {
		t.Helper()
		for _, e := range byDate[date] {
			ok := true
			for _, w := range words {
				ok = ok && strings.Contains(e.Text, w)
			}
			if ok {
				return
			}
		}
		t.Errorf("no entry dated %s telling %v: %+v", date, words, byDate[date])
	}
	// the raid on Kataib Hezbollah (004: "June 26", its year from 004's
	// inferred date), the study (004: "published July 1"), the strike
	// that killed Soleimani and al-Muhandis ("January"), the statements
	// 004 dates "on Wednesday"
	has("2020-06-26", "Hezbollah")
	has("2020-07-01", "published")
	has("2020-01", "Soleimani")
	has("2020-07-08", "Wednesday")
}
