package eventcoref_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

var (
	killing = map[string]bool{"kill": true, "killing": true, "assassination": true, "assassinate": true, "murder": true, "death": true, "die": true, "shoot": true}
	hashimi = regexp.MustCompile(`(?i)hash[ei]mi`)
	others  = regexp.MustCompile(`(?i)soleimani|suleiman|muhandis|protesters|journalists|activists|fares|mashzub|hariri|lami|adel|qasim`)
)

// TestHashimi reads the five hashimi reports through the Full preset and
// checks the story's events: the killing is one event told by all five
// reports, the main one; the late-June raid is another; other killings
// the reports recall stay apart.
func TestHashimi(t *testing.T) {
	dir := shareddata.Require(t, "corpus", "hashimi")
	s, err := analysis.Analyze(context.Background(), []string{dir}, analysis.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Docs) != 5 {
		t.Fatalf("analysed %d documents, want the five reports", len(s.Docs))
	}
	name := map[string]string{}
	for _, e := range s.Entities {
		name[e.ID] = e.Name
	}
	// The killing: the event whose mentions name Hashimi as the one
	// killed.
	var kill *document.Event
	for i := range s.Events {
		ev := &s.Events[i]
		if !killing[ev.Type] && !strings.Contains(ev.Label, "killing") && !strings.Contains(ev.Label, "assassination") {
			continue
		}
		if hashimi.MatchString(ev.Label) {
			if kill != nil {
				t.Errorf("the killing is split: %s %q (%d reports) and %s %q (%d reports)", kill.ID, kill.Label, len(kill.Reports), ev.ID, ev.Label, len(ev.Reports))
				continue
			}
			kill = ev
		}
	}
	if kill == nil {
		t.Fatalf("no event labelled as the killing of Hashimi among %d events", len(s.Events))
	}
	t.Logf("%s %q: %d mentions in %v, independent %d, role %s, confidence %.2f", kill.ID, kill.Label, len(kill.Mentions), kill.Reports, kill.Independent, kill.Role, kill.Confidence)
	if len(kill.Reports) != 5 {
		t.Errorf("the killing is told by %v, want all five reports", kill.Reports)
	}
	if kill.Role != document.RoleMain || s.Events[0].ID != kill.ID {
		t.Errorf("the killing has role %q and is %s, want the main event ev1", kill.Role, kill.ID)
	}
	if kill.Independent < 1 || kill.Independent > len(kill.Reports) {
		t.Errorf("independent count %d outside 1..%d", kill.Independent, len(kill.Reports))
	}
	if len(kill.Mentions) < 15 {
		t.Errorf("the killing has %d mentions, want at least 15 (measured 32)", len(kill.Mentions))
	}
	// Every mention of the killing with a patient names Hashimi; no
	// mention of the raid or of another killing is in it.
	for _, d := range s.Docs {
		for _, m := range d.Events {
			if m.Event != kill.ID {
				continue
			}
			if m.Lemma == "raid" {
				t.Errorf("%s: raid %q at %d merged with the killing", d.ID, m.Text, m.Start)
			}
			for _, a := range m.Args {
				if a.Role != document.ArgPatient {
					continue
				}
				if others.MatchString(a.Text) || (a.Entity != "" && !hashimi.MatchString(name[a.Entity]) && !hashimi.MatchString(a.Text)) {
					t.Errorf("%s: %q of %q (entity %q) merged with the killing of Hashimi", d.ID, m.Text, a.Text, name[a.Entity])
				}
			}
		}
	}
	// The raid on Kataib Hezbollah is an event of its own, background.
	raid := 0
	for _, ev := range s.Events {
		if ev.Type == "raid" {
			raid++
			if ev.ID == kill.ID || ev.Role != document.RoleBackground {
				t.Errorf("raid event %s %q has role %q", ev.ID, ev.Label, ev.Role)
			}
		}
	}
	if raid == 0 {
		t.Error("no raid event")
	}
	// The strike that killed Soleimani and al-Muhandis is not the
	// killing, and its mentions do not link with Hashimi's.
	for _, ev := range s.Events {
		if ev.ID != kill.ID && killing[ev.Type] && others.MatchString(ev.Label) && ev.Role == document.RoleMain {
			t.Errorf("%s %q is another killing but has role main", ev.ID, ev.Label)
		}
	}
}
