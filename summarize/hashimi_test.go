package summarize

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/text"
)

// loadCorpus builds a story from the raw report files of a shared corpus:
// the first line is the title, the rest the text, split by package text.
func loadCorpus(t testing.TB, name string) *document.Story {
	t.Helper()
	s := document.NewStory()
	for _, f := range shareddata.Corpus(t, name) {
		title, body, _ := strings.Cut(f.Text, "\n")
		d := &document.Document{ID: f.Name, Source: f.Path, Title: strings.TrimSpace(title), Text: body}
		if err := text.New().Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		s.Add(d)
	}
	return s
}

func TestHashimiSummary(t *testing.T) {
	s := loadCorpus(t, "hashimi")
	if err := New(Options{}).Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(s.Summary) != 5 {
		t.Fatalf("summary has %d sentences, want 5", len(s.Summary))
	}
	for i, ss := range s.Summary {
		t.Logf("%d. %s  %v", i+1, ss.Text, ss.Sources)
		if len(ss.Sources) == 0 {
			t.Errorf("sentence %d has no citation", i+1)
		}
		for _, c := range ss.Sources {
			if _, _, err := s.Resolve(c); err != nil {
				t.Errorf("sentence %d: %v", i+1, err)
			}
		}
		_, own, _ := s.Resolve(ss.Sources[0])
		if strings.Join(strings.Fields(own), " ") != ss.Text {
			t.Errorf("sentence %d text differs from its first citation: %q vs %q", i+1, ss.Text, own)
		}
	}
	first := s.Summary[0].Text
	who := regexp.MustCompile(`Hash[ie]mi`)
	when := regexp.MustCompile(`Monday|July|2020`)
	where := regexp.MustCompile(`Baghdad`)
	for what, re := range map[string]*regexp.Regexp{"who": who, "when": when, "where": where} {
		if !re.MatchString(first) {
			t.Errorf("first sentence does not say %s (%v): %q", what, re, first)
		}
	}
	if !regexp.MustCompile(`kill|assassinat|shot|gunned down|murder`).MatchString(first) {
		t.Errorf("first sentence does not say he was killed: %q", first)
	}
}
