// Package hashimitest holds what the tests of several stages share about
// the hashimi case (../shared/corpus/hashimi: five reports of the killing
// of Hisham al-Hashimi, of which only 001 gives its publication date): the
// reports analysed through a preset, and four of its events linked by
// hand, so that a stage after the event linker can be tested on the real
// text and layers whatever the linker does.
package hashimitest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// Analyze reads the five reports and runs preset p over them; the test
// skips when the corpus is absent.
func Analyze(t testing.TB, p analysis.Preset) *document.Story {
	t.Helper()
	dir := shareddata.Require(t, "corpus", "hashimi")
	ctx := context.Background()
	opts := analysis.Options{Workers: 1}
	docs, problems, err := analysis.Read(ctx, []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := analysis.NewPipeline(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	s, err := analysis.AnalyzeDocumentsWith(ctx, docs, problems, opts, pl.Steps)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Docs) != 5 {
		t.Fatalf("%d reports analysed, want 5", len(s.Docs))
	}
	return s
}

// Doc returns the report whose id starts with prefix ("000").
func Doc(t testing.TB, s *document.Story, prefix string) *document.Document {
	t.Helper()
	for _, d := range s.Docs {
		if strings.HasPrefix(d.ID, prefix) {
			return d
		}
	}
	t.Fatalf("no report %s", prefix)
	return nil
}

// Events are four events of the story as a reader links them, in order,
// with their mentions: report, trigger, and occurrence among that
// report's event mentions with that trigger (the event stage's triggers).
var Events = []struct {
	Label    string
	Mentions []string
}{
	{"killing of Hisham al-Hashimi", []string{"000 killed 0", "000 assassination 0", "001 assassination 0", "001 assassinated 0",
		"002 assassinated 0", "002 assassinated 1", "003 shot 0", "004 killing 0", "004 assassination 1"}},
	{"raid on Kataib Hezbollah", []string{"000 raid 1", "001 stormed 0", "003 raid 0", "004 descended 0", "004 raid 0"}},
	{"publication of the PMF study", []string{"004 published 0", "004 published 1"}},
	{"strike on Soleimani and al-Muhandis", []string{"000 raid 0", "000 killing 1", "003 strike 0", "004 strike 0"}},
}

// LinkByHand replaces the event linker's output with Events (ids ev1 …
// ev4).
func LinkByHand(t testing.TB, s *document.Story) {
	t.Helper()
	s.Events = nil
	for _, d := range s.Docs {
		for i := range d.Events {
			d.Events[i].Event = ""
		}
	}
	for n, e := range Events {
		ev := document.Event{ID: fmt.Sprintf("ev%d", n+1), Label: e.Label}
		for _, ref := range e.Mentions {
			var prefix, trigger string
			var nth int
			if _, err := fmt.Sscanf(ref, "%s %s %d", &prefix, &trigger, &nth); err != nil {
				t.Fatal(err)
			}
			d := Doc(t, s, prefix)
			k, found := 0, false
			for i := range d.Events {
				m := &d.Events[i]
				if m.Text != trigger {
					continue
				}
				if k == nth {
					m.Event = ev.ID
					ev.Mentions = append(ev.Mentions, document.EventRef{Citation: document.Citation{Doc: d.ID, Start: m.Start, End: m.End}, Text: m.Text})
					if !contains(ev.Reports, d.ID) {
						ev.Reports = append(ev.Reports, d.ID)
					}
					found = true
					break
				}
				k++
			}
			if !found {
				t.Fatalf("%s: the event stage found no mention %q #%d", d.ID, trigger, nth)
			}
		}
		s.Events = append(s.Events, ev)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// RequireLinkedKilling skips the test unless the event linker put 000's
// "killed yesterday evening Monday" in an event that at least three
// reports tell: without that link nothing carries a date from one report
// to another, and the failure is the linker's.
// It returns the killing's event id.
func RequireLinkedKilling(t testing.TB, s *document.Story) string {
	t.Helper()
	id := KillingID(t, s)
	for _, e := range s.Events {
		if e.ID != id || id == "" {
			continue
		}
		docs := map[string]bool{}
		for _, m := range e.Mentions {
			docs[m.Doc] = true
		}
		if len(docs) >= 3 {
			return id
		}
	}
	t.Skipf("the event linker put 000's \"killed yesterday evening Monday\" in no event three reports tell (event %q): nothing carries a date across reports", id)
	return ""
}

// KillingID returns the event id of 000's "killed yesterday evening
// Monday" ("" when the mention has none).
func KillingID(t testing.TB, s *document.Story) string {
	t.Helper()
	d0 := Doc(t, s, "000")
	for _, m := range d0.Events {
		for _, a := range m.Args {
			if a.Role == document.ArgTime && a.Timex >= 0 && a.Timex < len(d0.Timexes) && strings.HasPrefix(d0.Timexes[a.Timex].Text, "yesterday") {
				return m.Event
			}
		}
	}
	return ""
}
