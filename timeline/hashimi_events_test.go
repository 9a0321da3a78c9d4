package timeline_test

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// TestHashimiEventTimeline reads the timeline the whole flow builds from
// the five hashimi reports (../shared/corpus/hashimi), of which only 001
// gives its publication date: the events dated through each other's
// reports.
func TestHashimiEventTimeline(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	s, err := analysis.Analyze(context.Background(), []string{dir}, analysis.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		for _, e := range s.Timeline {
			t.Logf("%-12s %-8s %-10s %-6s %v %.70s", e.Date, e.Precision, e.Role, e.Event, e.Sources, e.Text)
		}
	}
	byDate := map[string][]document.TimelineEntry{}
	for _, e := range s.Timeline {
		byDate[e.Date] = append(byDate[e.Date], e)
	}
	// the killing: one entry, from the event, cited by all five reports
	var killing []document.TimelineEntry
	for _, e := range byDate["2020-07-06"] {
		if e.Event != "" {
			killing = append(killing, e)
		}
	}
	if len(killing) != 1 {
		t.Fatalf("%d event entries dated 2020-07-06, want the killing once: %+v", len(killing), byDate["2020-07-06"])
	}
	k := killing[0]
	docs := map[string]bool{}
	for _, c := range k.Sources {
		docs[c.Doc] = true
		if _, _, err := s.Resolve(c); err != nil {
			t.Error(err)
		}
	}
	if len(docs) != 5 || k.Precision != document.PrecisionDay || k.Role != document.RoleMain {
		t.Errorf("killing entry: %d reports, %s, role %q; want 5, day, main", len(docs), k.Precision, k.Role)
	}
	// "about 200 journalists have been killed in Iraq since 2003"
	if len(byDate["2003"]) > 0 {
		t.Errorf("\"since 2003\" made an entry: %+v", byDate["2003"])
	}
	// the raid on Kataib Hezbollah (004: "June 26", its year from 004's
	// inferred date), the study (004: "published July 1"), the strike
	// that killed Soleimani and al-Muhandis ("January")
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
	has("2020-06-26", "Hezbollah")
	has("2020-07-01", "published")
	has("2020-01", "Soleimani")
	// the statements 004 dates "on Wednesday"
	has("2020-07-08", "Wednesday")
}
