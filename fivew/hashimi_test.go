package fivew_test

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/hashimitest"
)

// TestHashimi runs the standard flow over the five hashimi reports and
// checks the main event's 5W1H: who Hisham al-Hashimi, what a killing,
// when 2020-07-06, where Baghdad.
func TestHashimi(t *testing.T) {
	s := hashimitest.Analyze(t, analysis.Full)
	f := s.FiveW1H
	if f == nil {
		t.Fatal("no 5W1H")
	}
	t.Logf("basis %s who %q what %q when %q where %q why %q how %q", f.Basis, f.Who.Text, f.What.Text, f.When.Text, f.Where.Text, f.Why.Text, f.How.Text)
	// The killing is told by all five reports: the answers rest on it.
	if f.Basis != "event" || f.Event == "" {
		t.Errorf("basis %q event %q, want the main event", f.Basis, f.Event)
	}
	if !strings.Contains(f.Who.Text, "Hashimi") {
		t.Errorf("who %q, want Hisham al-Hashimi", f.Who.Text)
	}
	what := strings.ToLower(f.What.Text)
	if !strings.Contains(what, "kill") && !strings.Contains(what, "shot") && !strings.Contains(what, "assassinat") {
		t.Errorf("what %q, want the killing (killed, shot dead, assassinated)", f.What.Text)
	}
	if f.When.Date == nil || !strings.HasPrefix(f.When.Date.Value, "2020-07-06") {
		t.Errorf("when %+v, want 2020-07-06", f.When)
	}
	if !strings.Contains(f.Where.Text, "Baghdad") {
		t.Errorf("where %q, want Baghdad", f.Where.Text)
	}
	for name, a := range map[string]document.FiveWAnswer{"who": f.Who, "what": f.What, "when": f.When, "where": f.Where} {
		if len(a.Citations) == 0 {
			t.Errorf("%s has no citation", name)
		}
	}
}
