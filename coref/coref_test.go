package coref

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// docWith returns a document of txt with the text stage run and the
// named mentions given as "text/TYPE", in text order.
func docWith(t *testing.T, txt string, names ...string) *document.Document {
	t.Helper()
	d := &document.Document{ID: "t", Text: txt}
	if err := text.New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	from := 0
	for _, n := range names {
		i := strings.LastIndex(n, "/")
		name, typ := n[:i], n[i+1:]
		at := strings.Index(txt[from:], name)
		if at < 0 {
			t.Fatalf("%q not in text after %d", name, from)
		}
		at += from
		from = at + len(name)
		d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: at, End: at + len(name)}, Text: name, Type: typ, Confidence: 1})
	}
	return d
}

// headOf returns the head name the text at the n-th occurrence of sub
// resolves to, or "".
func headOf(d *document.Document, sub string, n int) string {
	at := -1
	for k := 0; k <= n; k++ {
		i := strings.Index(d.Text[at+1:], sub)
		if i < 0 {
			return "?missing"
		}
		at += 1 + i
	}
	m, _, ok := d.CorefHead(document.Span{Start: at, End: at + len(sub)})
	if !ok {
		return ""
	}
	return m.Text
}

func TestCorefRules(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		names []string
		sub   string
		nth   int
		want  string
	}{
		{"appositive then pronoun", "Omar Said, a Baghdad analyst, said the attack was planned. He added that more would follow.",
			[]string{"Omar Said/PERSON", "Baghdad/LOC"}, "He", 0, "Omar Said"},
		{"appositive mention", "Omar Said, a Baghdad analyst, said the attack was planned.",
			[]string{"Omar Said/PERSON", "Baghdad/LOC"}, "a Baghdad analyst", 0, "Omar Said"},
		{"title before name, description after", "The new Freedonian Prime Minister, Rufus Firefly, spoke on Monday. Later the prime minister said nothing.",
			[]string{"Rufus Firefly/PERSON"}, "the prime minister", 0, "Rufus Firefly"},
		{"title description before the name", "The Prime Minister of Freedonia condemned the attack. Prime Minister Firefly vowed to act.",
			[]string{"Freedonia/LOC", "Firefly/PERSON"}, "The Prime Minister of Freedonia", 0, "Firefly"},
		{"qualifiers clash", "US President Jed Bartlet spoke. The president of Freedonia condemned the attack.",
			[]string{"US/LOC", "Jed Bartlet/PERSON", "Freedonia/LOC"}, "The president of Freedonia", 0, ""},
		{"gender", "Maria Lopez met Tom Baker in Rome on Monday. She said the talks went well.",
			[]string{"Maria Lopez/PERSON", "Tom Baker/PERSON", "Rome/LOC"}, "She", 0, "Maria Lopez"},
		{"pronoun never to a place", "Rome was quiet on Monday. It is a big city.",
			[]string{"Rome/LOC"}, "It", 0, ""},
		{"they stays unresolved", "The Acme Group denied the report. They said it was false.",
			[]string{"Acme Group/ORG"}, "They", 0, ""},
		{"it said to an organisation", "Acme Group denied the report on Monday. It said the claim was false.",
			[]string{"Acme Group/ORG"}, "It", 0, "Acme Group"},
		{"name variants", "Rufus T. Firefly arrived. Firefly said little.",
			[]string{"Rufus T. Firefly/PERSON", "Firefly/PERSON"}, "Firefly", 1, "Rufus T. Firefly"},
		{"description just before a name", "Crowds mourned the Iranian leader Rostam Farrokh and the analyst Omar Said on Monday.",
			[]string{"Rostam Farrokh/PERSON", "Omar Said/PERSON"}, "the Iranian leader", 0, "Rostam Farrokh"},
		{"no salience for a hospital", "Acme Corp said it would pay. Acme Corp staff took him to the hospital.",
			[]string{"Acme Corp/ORG", "Acme Corp/ORG"}, "the hospital", 0, ""},
		{"salience for the company", "Acme Corp cut jobs. Acme Corp blamed costs. Later the company hired again.",
			[]string{"Acme Corp/ORG", "Acme Corp/ORG"}, "the company", 0, "Acme Corp"},
		{"speaker continues", "Omar Said met Tom Baker. Said told reporters the plan was sound. He wrote that it would work.",
			[]string{"Omar Said/PERSON", "Tom Baker/PERSON", "Said/PERSON"}, "He", 0, "Omar Said"},
		{"kind noun after a name", "The Saraya Falcon militia denied it. The militia said nothing.",
			[]string{"Saraya Falcon/ORG"}, "The militia", 0, "Saraya Falcon"},
	}
	r := New(Options{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith(t, tc.text, tc.names...)
			if err := r.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if got := headOf(d, tc.sub, tc.nth); got != tc.want {
				t.Errorf("%q → %q, want %q; chains %+v", tc.sub, got, tc.want, d.Coref)
			}
		})
	}
}

func TestCorefNoTokens(t *testing.T) {
	r := New(Options{})
	d := &document.Document{ID: "empty"}
	if err := r.Annotate(context.Background(), d); err != nil || d.Coref != nil {
		t.Fatalf("empty document: %v %v", err, d.Coref)
	}
	if err := r.Annotate(context.Background(), nil); err == nil {
		t.Fatal("nil document: no error")
	}
}
