package resolve

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// spec is one mention to place: its text and type, found in order.
type spec struct{ text, typ string }

// newDoc builds a document whose mentions are the specs, located in text
// in order of appearance.
func newDoc(t *testing.T, id, text string, specs ...spec) *document.Document {
	t.Helper()
	d := &document.Document{ID: id, Text: text}
	from := 0
	for _, sp := range specs {
		i := strings.Index(text[from:], sp.text)
		if i < 0 {
			t.Fatalf("%s: %q not found after offset %d", id, sp.text, from)
		}
		start := from + i
		d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: start, End: start + len(sp.text)}, Text: sp.text, Type: sp.typ, Confidence: 0.9})
		from = start + len(sp.text)
	}
	return d
}

const (
	per = document.EntityPerson
	org = document.EntityOrg
	loc = document.EntityLoc
)

// fixture is a small invented story in three reports.
func fixture(t *testing.T) *document.Story {
	s := document.NewStory()
	s.Add(newDoc(t, "a",
		"Prime Minister Nabil al-Rafi met Gen. Tariq Haddadi of the Southern Defence Forces (SDF) in Qalat.\n\n"+
			"Rafi said the talks went well. Haddadi, aka Abu Samir, also leads the Kata'ib Nour.",
		spec{"Nabil al-Rafi", per}, spec{"Tariq Haddadi", per}, spec{"Southern Defence Forces", org}, spec{"SDF", org},
		spec{"Qalat", loc}, spec{"Rafi", per}, spec{"Haddadi", per}, spec{"Abu Samir", per}, spec{"Kata'ib Nour", org}))
	s.Add(newDoc(t, "b",
		"Nabil el-Rafee criticised Tarik al-Haddadi on Sunday. The SDF denied the claim.\n\n"+
			"Fighters of Kataeb Nour were seen near Qalat.\n\nIn the north, Nour fighters held a parade with Lina Darwish.",
		spec{"Nabil el-Rafee", per}, spec{"Tarik al-Haddadi", per}, spec{"SDF", org}, spec{"Kataeb Nour", org},
		spec{"Qalat", loc}, spec{"Nour", org}, spec{"Lina Darwish", per}))
	s.Add(newDoc(t, "c",
		"Portraits of Ayatollah Khomeini hung beside those of Ayatollah Khamenei.\n\n"+
			"Samir Kassem and Samir Dabbagh spoke; Samir left early.",
		spec{"Ayatollah Khomeini", per}, spec{"Ayatollah Khamenei", per},
		spec{"Samir Kassem", per}, spec{"Samir Dabbagh", per}, spec{"Samir", per}))
	return s
}

// entityOf returns the entity id of the n-th mention of document doc.
func entityOf(t *testing.T, s *document.Story, doc string, n int) string {
	t.Helper()
	d := s.Doc(doc)
	if n >= len(d.Mentions) {
		t.Fatalf("%s has %d mentions", doc, len(d.Mentions))
	}
	return d.Mentions[n].Entity
}

func link(t *testing.T, s *document.Story, opts Options) {
	t.Helper()
	r, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

func TestLinkFixture(t *testing.T) {
	s := fixture(t)
	link(t, s, Options{})
	same := []struct {
		what string
		refs [][2]any
	}{
		{"Rafi", [][2]any{{"a", 0}, {"a", 5}, {"b", 0}}},
		{"Haddadi with kunya", [][2]any{{"a", 1}, {"a", 6}, {"a", 7}, {"b", 1}}},
		{"SDF", [][2]any{{"a", 2}, {"a", 3}, {"b", 2}}},
		{"Kataib Nour", [][2]any{{"a", 8}, {"b", 3}}},
		{"Qalat", [][2]any{{"a", 4}, {"b", 4}}},
	}
	ids := map[string]string{}
	for _, g := range same {
		want := entityOf(t, s, g.refs[0][0].(string), g.refs[0][1].(int))
		if want == "" {
			t.Errorf("%s: no entity", g.what)
		}
		for _, r := range g.refs[1:] {
			if got := entityOf(t, s, r[0].(string), r[1].(int)); got != want {
				t.Errorf("%s: %s#%d is %q, want %q", g.what, r[0], r[1], got, want)
			}
		}
		for other, id := range ids {
			if id == want {
				t.Errorf("%s and %s share %s", g.what, other, id)
			}
		}
		ids[g.what] = want
	}
	apart := []struct {
		what string
		a, b [2]any
	}{
		{"Khomeini/Khamenei", [2]any{"c", 0}, [2]any{"c", 1}},
		{"bare Nour/Kataib Nour", [2]any{"b", 5}, [2]any{"b", 3}},
		{"Samir Kassem/Samir Dabbagh", [2]any{"c", 2}, [2]any{"c", 3}},
		{"ambiguous Samir/Samir Kassem", [2]any{"c", 4}, [2]any{"c", 2}},
		{"ambiguous Samir/Samir Dabbagh", [2]any{"c", 4}, [2]any{"c", 3}},
		{"Abu Samir/Samir", [2]any{"a", 7}, [2]any{"c", 4}},
	}
	for _, a := range apart {
		x, y := entityOf(t, s, a.a[0].(string), a.a[1].(int)), entityOf(t, s, a.b[0].(string), a.b[1].(int))
		if x == y {
			t.Errorf("%s: both resolved to %s", a.what, x)
		}
	}
	// The entity record of Rafi.
	var rafi *document.Entity
	for i := range s.Entities {
		if s.Entities[i].ID == ids["Rafi"] {
			rafi = &s.Entities[i]
		}
	}
	if rafi == nil {
		t.Fatalf("entity %s missing from s.Entities", ids["Rafi"])
	}
	if rafi.ID != "e-nabil-al-rafi" || rafi.Name != "Nabil al-Rafi" || rafi.Type != per {
		t.Errorf("Rafi entity = %s %q %s", rafi.ID, rafi.Name, rafi.Type)
	}
	if !reflect.DeepEqual(rafi.Roles, []string{"Prime Minister"}) {
		t.Errorf("Rafi roles = %v", rafi.Roles)
	}
	wantAliases := []document.Alias{
		{Text: "Nabil al-Rafi", Counts: map[string]int{"a": 1}},
		{Text: "Nabil el-Rafee", Counts: map[string]int{"b": 1}},
		{Text: "Rafi", Counts: map[string]int{"a": 1}},
	}
	if !reflect.DeepEqual(rafi.Aliases, wantAliases) {
		t.Errorf("Rafi aliases = %+v", rafi.Aliases)
	}
	if len(rafi.Mentions) != 3 || rafi.Mentions[0].Doc != "a" || rafi.Mentions[2].Doc != "b" {
		t.Errorf("Rafi mentions = %+v", rafi.Mentions)
	}
	checkCitations(t, s)
	// Entities are sorted by mention count, then id.
	for i := 1; i < len(s.Entities); i++ {
		a, b := s.Entities[i-1], s.Entities[i]
		if len(a.Mentions) < len(b.Mentions) || (len(a.Mentions) == len(b.Mentions) && a.ID > b.ID) {
			t.Errorf("entities out of order at %d: %s (%d) before %s (%d)", i, a.ID, len(a.Mentions), b.ID, len(b.Mentions))
		}
	}
}

func TestLinkDeterministic(t *testing.T) {
	s1, s2 := fixture(t), fixture(t)
	link(t, s1, Options{})
	link(t, s2, Options{})
	if !reflect.DeepEqual(s1.Entities, s2.Entities) {
		t.Error("two runs on the same input gave different entities")
	}
	// Linking again gives the same result.
	link(t, s1, Options{})
	if !reflect.DeepEqual(s1.Entities, s2.Entities) {
		t.Error("re-linking a story changed its entities")
	}
}

func TestLinkAliasRules(t *testing.T) {
	s := fixture(t)
	link(t, s, Options{Aliases: &AliasRules{
		Same:      [][]string{{"Samir", "Samir Kassem"}},
		Different: [][2]string{{"Nabil al-Rafi", "Nabil el-Rafee"}},
	}})
	if entityOf(t, s, "a", 0) == entityOf(t, s, "b", 0) {
		t.Error("different: rule did not keep al-Rafi and el-Rafee apart")
	}
	if entityOf(t, s, "c", 4) != entityOf(t, s, "c", 2) {
		t.Error("same: rule did not join Samir and Samir Kassem")
	}
	if entityOf(t, s, "c", 3) == entityOf(t, s, "c", 2) {
		t.Error("same: rule joined Samir Dabbagh too")
	}
}

func TestLinkBadInput(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Link(context.Background(), nil); err == nil {
		t.Error("nil story: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.Link(ctx, fixture(t)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	// Mentions with bad spans or no letters are tolerated.
	s := document.NewStory()
	d := &document.Document{ID: "x", Text: "short"}
	d.Mentions = []document.Mention{
		{Span: document.Span{Start: 3, End: 99}, Text: "Nabil Rafi", Type: per},
		{Span: document.Span{Start: 0, End: 1}, Text: "--", Type: per},
		{Span: document.Span{Start: -4, End: 2}, Text: "(", Type: per},
	}
	s.Add(d)
	if err := r.Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if d.Mentions[1].Entity != "" || d.Mentions[2].Entity != "" {
		t.Errorf("mentions without letters got entities: %+v", d.Mentions)
	}
}

func TestEntityFor(t *testing.T) {
	s := fixture(t)
	link(t, s, Options{})
	tests := []struct {
		name, typ string
		wantOK    bool
		want      string
	}{
		{"Nabil Rafi", per, true, "e-nabil-al-rafi"},
		{"Prime Minister al-Rafee", "", true, "e-nabil-al-rafi"},
		{"Samir", per, true, "e-samir"}, // the lone Samir of report c
		{"Rafi Haddadi", per, false, ""},
		{"Khamenei", per, true, ""},
		{"Nobody Known", per, false, ""},
	}
	for _, tt := range tests {
		id, ok := EntityFor(s, tt.name, tt.typ)
		if ok != tt.wantOK || (tt.want != "" && id != tt.want) {
			t.Errorf("EntityFor(%q) = %q, %v; want %q, %v", tt.name, id, ok, tt.want, tt.wantOK)
		}
	}
}
