package coref

import (
	"context"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestTitleFields(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Jeremy Dehner", []string{"jeremy", "dehner"}},
		{"Mary Smith (singer)", []string{"mary", "smith"}},
		{"Jo O'Neil-Ray", []string{"o'neil-ray"}},
		{"", nil},
	} {
		got := titleFields(c.in)
		if len(got) != len(c.want) {
			t.Errorf("titleFields(%q) = %q, want %q", c.in, got, c.want)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("titleFields(%q) = %q, want %q", c.in, got, c.want)
			}
		}
	}
}

// The page-subject feature fires only with Options.PageSubject and only
// for the chain whose name shares a word with the title.
func TestPageSubjectFeature(t *testing.T) {
	txt := "Omar Said met Lina Haddad in Mosul. She said the talks went well."
	feat := func(opts Options, title string) map[string]float64 {
		d := docWith(t, txt, "Omar Said/"+document.EntityPerson, "Lina Haddad/"+document.EntityPerson)
		d.Title = title
		out := map[string]float64{}
		for _, ex := range New(opts).Examples(d) {
			out[d.Slice(ex.Candidate[0])] = ex.Features[pageFeature]
		}
		return out
	}
	if got := feat(Options{PageSubject: true}, "Lina Haddad (journalist)"); got["Lina Haddad"] != 1 || got["Omar Said"] != 0 {
		t.Errorf("with the cue, page-subject = %v, want 1 for Lina Haddad only", got)
	}
	if got := feat(Options{}, "Lina Haddad"); got["Lina Haddad"] != 0 {
		t.Errorf("without the cue, page-subject = %v, want 0", got)
	}
}

// Both embedded models load (a model trained before the later features
// gets weight 0 for them), rather than falling back to DefaultModel.
func TestEmbeddedModelsLoad(t *testing.T) {
	for _, opts := range []Options{{}, {PageSubject: true}} {
		m := New(opts).Model()
		if m.Trained == "" || len(m.Weights) != len(FeatureNames) {
			t.Errorf("options %+v: model %q with %d weights, want a trained model with %d", opts, m.Trained, len(m.Weights), len(FeatureNames))
		}
	}
	if New(Options{PageSubject: true}).Model() == New(Options{}).Model() {
		t.Error("PageSubject should select the page model")
	}
}

// "'… Kadhimi plans …,' he said": he is not Kadhimi.
func TestQuotedOnlyIsNotTheSpeaker(t *testing.T) {
	txt := "A senior official spoke on condition of anonymity. \"We fear that Kadhimi plans to act,\" he said."
	d := docWith(t, txt, "Kadhimi/"+document.EntityPerson)
	if err := New(Options{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if h := headOf(d, "he", 0); h == "Kadhimi" {
		t.Errorf("the speaker pronoun resolves to %q, named only inside the quotation", h)
	}
	// Named before the quotation too: the rule does not apply.
	txt2 := "Kadhimi spoke to reporters. \"Kadhimi will act,\" he said."
	d2 := docWith(t, txt2, "Kadhimi/"+document.EntityPerson, "Kadhimi/"+document.EntityPerson)
	st := New(Options{}).run(d2, nil)
	var p *ment
	idx := -1
	for k, m := range st.ms {
		if m.kind == document.CorefPronoun {
			p, idx = m, k
		}
	}
	if p == nil || st.quotedOnly(p, st.ms[0].chain, idx) {
		t.Error("a person named before the quotation was excluded")
	}
}
