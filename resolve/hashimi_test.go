package resolve

import (
	"context"
	"sort"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/text"
)

// loadHashimi reads the shared Hashimi corpus into a story: paragraphs
// from the text stage, mentions from CandidateMentions.
func loadHashimi(t *testing.T) *document.Story {
	t.Helper()
	s := document.NewStory()
	for _, f := range shareddata.Corpus(t, "hashimi") {
		d := &document.Document{ID: f.ID, Text: f.Text}
		if err := text.New().Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		d.Mentions = CandidateMentions(d.Text)
		s.Add(d)
	}
	return s
}

// entitiesOf returns the entity ids of the mentions spelled sp (as
// written, or after titles are stripped), optionally only in document doc.
func entitiesOf(s *document.Story, sp, doc string) map[string]bool {
	out := map[string]bool{}
	for _, d := range s.Docs {
		if doc != "" && d.ID != doc {
			continue
		}
		for _, m := range d.Mentions {
			if m.Text == sp || parseName(m.Text, nil).Clean == sp {
				out[m.Entity] = true
			}
		}
	}
	return out
}

func TestHashimiCorpus(t *testing.T) {
	s := loadHashimi(t)
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	groups := map[string][]string{
		"Hashimi":   {"Hisham al-Hashimi", "Hisham al-Hashemi", "Hisham al--Hashemi", "Hashemi", "Husham al-Hashimi", "Al-Hashimi", "Hashimi", "Hisham Al-Hashimi", "Hisham al Hashimi"},
		"Kadhimi":   {"Mustafa al-Kadhimi", "Mustafa al-Kazimi", "al-Kazemi", "Kadhimi", "Mustafa Kadhimi", "Al-Kazimi"},
		"KH":        {"Kataib Hezbollah", "Kata’ib Hezbollah", "Kataeb Hezbollah", "Katai’b Hezbollah", "Hezbollah Brigades", "Kataib Hezbollahthe"},
		"Soleimani": {"Qassem Soleimani", "Qasem Soleimani", "Qassim Soleimani", "Qassem Suleiman"},
		"Muhandis":  {"Abu Mahdi al-Muhandis", "Abu Mahdi Al-Muhandis", "Muhandis"},
		"PMF":       {"Popular Mobilisation Forces", "Popular Mobilization Forces", "PMF"},
		"Khamenei":  {"Ali Khamenei", "Khamenei"},
		"IRGC":      {"Islamic Revolutionary Guards Corps", "IRGC"},
	}
	idOf := map[string]string{}
	var names []string
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		ids := map[string]bool{}
		for _, sp := range groups[g] {
			got := entitiesOf(s, sp, "")
			if len(got) == 0 {
				t.Errorf("%s: no mention spelled %q found", g, sp)
			}
			for id := range got {
				ids[id] = true
			}
		}
		if len(ids) != 1 {
			t.Errorf("%s: spellings spread over %d entities: %v", g, len(ids), keys(ids))
			continue
		}
		for id := range ids {
			if id == "" {
				t.Errorf("%s: mentions left without entity", g)
			}
			for other, oid := range idOf {
				if oid == id {
					t.Errorf("%s and %s share entity %s", g, other, id)
				}
			}
			idOf[g] = id
		}
	}
	// Things that must stay apart.
	apart := []struct {
		what       string
		spelling   string
		doc, group string
	}{
		{"Khomeini is not Khamenei", "Khomeini", "", "Khamenei"},
		{"Lebanese Hezbollah is not Kataib Hezbollah", "Hezbollah", "003", "KH"},
		{"Hisham Fares Al-Adhami is not Hashimi", "Hisham Fares Al-Adhami", "", "Hashimi"},
		{"Abdul Quddus Qasim is not Soleimani", "Abdul Quddus Qasim", "", "Soleimani"},
		{"Rasha Al-Hassan is not Wissam Al-Hassan", "Rasha Al-Hassan", "", "Wissam"},
	}
	idOf["Wissam"] = only(t, entitiesOf(s, "Wissam Al-Hassan", ""))
	for _, a := range apart {
		got := entitiesOf(s, a.spelling, a.doc)
		if len(got) == 0 {
			t.Errorf("%s: no mention spelled %q", a.what, a.spelling)
		}
		if got[idOf[a.group]] {
			t.Errorf("%s: %q joined entity %s", a.what, a.spelling, idOf[a.group])
		}
	}
	checkCitations(t, s)
}

func only(t *testing.T, ids map[string]bool) string {
	t.Helper()
	if len(ids) != 1 {
		t.Fatalf("want one entity, got %v", keys(ids))
	}
	for id := range ids {
		return id
	}
	return ""
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// checkCitations verifies that every entity mention cites its text and
// that mention Entity fields agree with the entities.
func checkCitations(t *testing.T, s *document.Story) {
	t.Helper()
	seen := map[string]bool{}
	for _, e := range s.Entities {
		if seen[e.ID] {
			t.Errorf("duplicate entity id %s", e.ID)
		}
		seen[e.ID] = true
		for _, m := range e.Mentions {
			_, text, err := s.Resolve(m.Citation)
			if err != nil {
				t.Errorf("%s: %v", e.ID, err)
				continue
			}
			if text != m.Text {
				t.Errorf("%s: citation text %q, mention text %q", e.ID, text, m.Text)
			}
		}
	}
	for _, d := range s.Docs {
		for _, m := range d.Mentions {
			if m.Entity != "" && !seen[m.Entity] {
				t.Errorf("mention %q names unknown entity %s", m.Text, m.Entity)
			}
		}
	}
}
