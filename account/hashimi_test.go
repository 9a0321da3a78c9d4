package account_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/hashimitest"
)

// TestHashimi runs the Full preset over the five hashimi reports: the
// headline names Hashimi, the killing, Baghdad and 6 July 2020 and no
// outlet, each part cited; no displayed sentence keeps "al--", an
// entity id or a document id; the motorcycles are disputed.
func TestHashimi(t *testing.T) {
	s := hashimitest.Analyze(t, analysis.Full)
	a := s.Account
	if a == nil {
		t.Fatal("no account")
	}
	h := a.Headline
	t.Logf("headline %q (confidence %.2f, fallback %v %s)", h.Text, h.Confidence, h.Fallback, h.Reason)
	if h.Fallback {
		t.Fatalf("fallback headline: %s", h.Reason)
	}
	low := strings.ToLower(h.Text)
	for _, want := range []string{"hashimi", "baghdad", "6 july 2020"} {
		if !strings.Contains(low, want) {
			t.Errorf("headline %q does not name %q", h.Text, want)
		}
	}
	if !strings.Contains(low, "killed") && !strings.Contains(low, "shot dead") {
		t.Errorf("headline %q does not say the killing in neutral words", h.Text)
	}
	for _, framing := range []string{"assassinat", "washington post", "associated press", "iranian-backed", "iran-backed"} {
		if strings.Contains(low, framing) {
			t.Errorf("headline %q carries %q", h.Text, framing)
		}
	}
	for _, d := range s.Docs {
		if t1 := strings.TrimSpace(d.Title); t1 != "" && strings.EqualFold(t1, h.Text) {
			t.Errorf("headline copies the title of %s", d.ID)
		}
	}
	if h.Confidence <= 0 || h.Confidence > 1 {
		t.Errorf("confidence %v", h.Confidence)
	}
	for _, p := range h.Parts {
		if len(p.Citations) == 0 {
			t.Errorf("headline part %s %q has no citation", p.Role, p.Text)
		}
		for _, c := range p.Citations {
			if _, _, err := s.Resolve(c); err != nil {
				t.Errorf("headline part %s: %v", p.Role, err)
			}
		}
	}

	ids := map[string]bool{}
	for _, d := range s.Docs {
		ids[d.ID] = true
	}
	for _, e := range s.Entities {
		ids[e.ID] = true
	}
	var shown []string
	for _, ss := range s.Summary {
		if ss.Display == "" {
			t.Errorf("summary sentence without display text: %q", ss.Text)
		}
		shown = append(shown, ss.Display)
	}
	for _, f := range append(append([]document.AccountFact(nil), a.Happened...), a.Disputed...) {
		shown = append(shown, f.Display)
	}
	if len(a.Happened) == 0 {
		t.Error("nothing in What happened")
	}
	idRe := regexp.MustCompile(`\b(e-[a-z0-9-]+|\d{3}_[0-9a-f]{16})\b`)
	for _, txt := range shown {
		if strings.Contains(txt, "al--") {
			t.Errorf("displayed sentence keeps a doubled hyphen: %q", txt)
		}
		if m := idRe.FindString(txt); m != "" && (ids[m] || strings.HasPrefix(m, "e-")) {
			t.Errorf("displayed sentence shows the id %q: %q", m, txt)
		}
		if strings.Contains(strings.ToLower(txt), "yesterday") && !strings.Contains(txt, "[") {
			t.Errorf("displayed sentence says yesterday without a resolved date: %q", txt)
		}
	}
	motorcycles := false
	for _, f := range a.Disputed {
		motorcycles = motorcycles || strings.Contains(f.Display, "motorcycles")
		if !strings.HasPrefix(f.Display, "Reports differ on ") {
			t.Errorf("disputed point %q is not a plain sentence", f.Display)
		}
	}
	if !motorcycles {
		t.Errorf("the number of motorcycles is not disputed: %+v", a.Disputed)
	}
}
