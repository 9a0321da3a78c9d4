package resolve

import (
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestStoryReading(t *testing.T) {
	s := document.NewStory()
	s.Add(newDoc(t, "a",
		"MOSUL, May 3 - Engineer Karim al-Saadi inspected the Mosul dam on Friday. Saadi said the walls held.",
		spec{"MOSUL", loc}, spec{"Karim al-Saadi", per}, spec{"Mosul", loc}, spec{"Saadi", loc}))
	s.Add(newDoc(t, "b",
		"Saadi's report reached Mosul officials. The dam authority in Mosul thanked him.",
		spec{"Saadi's report", org}, spec{"Mosul", org}, spec{"Mosul", loc}))
	s.Add(newDoc(t, "c", "the engineer spoke", spec{"engineer", org}))
	link(t, s, Options{})

	person := entityOf(t, s, "a", 1)
	if person == "" {
		t.Fatal("the full name got no entity")
	}
	for _, c := range []struct {
		doc  string
		n    int
		want string
		why  string
	}{
		{"a", 3, person, "a surname tagged LOC joins the person named in full"},
		{"b", 0, person, "lower-case debris after a name is dropped and the surname joins the person"},
		{"a", 0, entityOf(t, s, "a", 2), "a dateline's capitals are the same place"},
		{"b", 1, entityOf(t, s, "a", 2), "a place tagged ORG once takes the story's majority type"},
		{"c", 0, "", "a mention without a capital names nothing"},
	} {
		if got := entityOf(t, s, c.doc, c.n); got != c.want {
			t.Errorf("%s: %s mention %d has entity %q; want %q", c.why, c.doc, c.n, got, c.want)
		}
	}
}

func TestSurnameRuleYieldsToStrongPlaceEvidence(t *testing.T) {
	s := document.NewStory()
	s.Add(newDoc(t, "a", "Photo: Dan Hart The Leeds. Leeds flooded. Leeds council met. Leeds schools shut.",
		spec{"Dan Hart The Leeds", per}, spec{"Leeds", loc}, spec{"Leeds", loc}, spec{"Leeds", loc}))
	link(t, s, Options{})
	if entityOf(t, s, "a", 1) == entityOf(t, s, "a", 0) {
		t.Errorf("a place named often joined a person through one tagging slip")
	}
}

func TestOtherSpellingsOfAPersonTaggedAsPlaces(t *testing.T) {
	s := document.NewStory()
	s.Add(newDoc(t, "a", "Engineer Karim al-Saadi inspected the dam.", spec{"Karim al-Saadi", per}))
	s.Add(newDoc(t, "b", "Kareem al-Sa'di said the dam held. Sa'di left.", spec{"Kareem al-Sa'di", loc}, spec{"Sa'di", org}))
	link(t, s, Options{})
	want := entityOf(t, s, "a", 0)
	for n := 0; n < 2; n++ {
		if got := entityOf(t, s, "b", n); got != want {
			t.Errorf("mention %d of b: entity %q; want the person %q", n, got, want)
		}
	}
}
