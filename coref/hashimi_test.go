package coref_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/coref"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/ner"
	"github.com/corroborate/corroborate/text"
)

// hashimiDocs runs the text stage, the tagger and coref on the shared
// Hashimi reports.
func hashimiDocs(t testing.TB) []*document.Document {
	t.Helper()
	files := shareddata.Corpus(t, "hashimi")
	tagger, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := coref.New(coref.Options{})
	ctx := context.Background()
	var out []*document.Document
	for _, f := range files {
		d := &document.Document{ID: f.ID, Text: f.Text}
		for _, st := range []interface {
			Annotate(context.Context, *document.Document) error
		}{text.New(), tagger, r} {
			if err := st.Annotate(ctx, d); err != nil {
				t.Fatalf("%s: %v", f.ID, err)
			}
		}
		out = append(out, d)
	}
	return out
}

// spanOf returns the span of the first occurrence of sub in d, after the
// first occurrence of context when given.
func spanOf(d *document.Document, context, sub string) (document.Span, bool) {
	from := 0
	if context != "" {
		i := strings.Index(d.Text, context)
		if i < 0 {
			return document.Span{}, false
		}
		from = i
	}
	i := strings.Index(d.Text[from:], sub)
	if i < 0 {
		return document.Span{}, false
	}
	return document.Span{Start: from + i, End: from + i + len(sub)}, true
}

var (
	kadhimi = regexp.MustCompile(`(?i)ka[dz]h?[ie]mi`)
	hashimi = regexp.MustCompile(`(?i)hash[ie]mi`)
)

func TestHashimiCoref(t *testing.T) {
	docs := hashimiDocs(t)
	found := map[string]bool{}
	for _, d := range docs {
		// "He wrote that their recent attacks …": Hashimi wrote it.
		if sp, ok := spanOf(d, `He wrote that their recent attacks`, "He"); ok {
			found["he wrote"] = true
			head, conf, ok := d.CorefHead(sp)
			if !ok || !hashimi.MatchString(head.Text) {
				t.Errorf("%s: %q resolves to %q (ok %v), want Hashimi", d.ID, "He wrote", head.Text, ok)
			} else if conf < 0.5 {
				t.Errorf("%s: He → Hashimi with confidence %.2f", d.ID, conf)
			}
		}
		for _, desc := range []string{"The new Iraqi Prime Minister", "The Prime Minister of Iraq", "the prime minister"} {
			sp, ok := spanOf(d, "", desc)
			if !ok {
				continue
			}
			found[strings.ToLower(desc)] = true
			head, _, ok := d.CorefHead(sp)
			if !ok || !kadhimi.MatchString(head.Text) {
				t.Errorf("%s: %q resolves to %q (ok %v), want Mustafa al-Kadhimi", d.ID, desc, head.Text, ok)
			}
		}
		if sp, ok := spanOf(d, "", "The president of Iraq"); ok {
			found["president"] = true
			ci, _, ok := d.CorefAt(sp)
			if !ok {
				t.Errorf("%s: %q is in no chain", d.ID, "The president of Iraq")
			} else if c := d.Coref[ci]; c.Type != document.EntityPerson || (c.Head >= 0 && !strings.Contains(c.Name, "Salih")) {
				t.Errorf("%s: the president of Iraq is %s %q, want a person (Barham Salih where named)", d.ID, c.Type, c.Name)
			}
		}
		for _, c := range d.Coref {
			for _, m := range c.Mentions {
				if m.Kind != document.CorefPronoun {
					continue
				}
				if c.Type == document.EntityLoc || (c.Head >= 0 && d.Mentions[c.Head].Type == document.EntityLoc) {
					t.Errorf("%s: pronoun %q at %d linked to the place %q", d.ID, m.Text, m.Start, c.Name)
				}
				for _, tx := range d.Timexes {
					for _, o := range c.Mentions {
						if o.Overlaps(tx.Span) {
							t.Errorf("%s: pronoun %q linked to the date %q", d.ID, m.Text, o.Text)
						}
					}
				}
				if w := strings.ToLower(m.Text); w == "they" || w == "them" || w == "their" {
					t.Errorf("%s: %q at %d linked to %q: plural pronouns stay unresolved", d.ID, m.Text, m.Start, c.Name)
				}
			}
		}
	}
	for _, k := range []string{"he wrote", "the new iraqi prime minister", "the prime minister of iraq", "the prime minister", "president"} {
		if !found[k] {
			t.Errorf("corpus check %q: text not found in the Hashimi reports", k)
		}
	}
}
