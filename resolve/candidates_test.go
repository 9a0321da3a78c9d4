package resolve

import (
	"reflect"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestCandidateMentions(t *testing.T) {
	text := "On Monday, Prime Minister Nabil al-Rafi met Gen. Tariq Haddadi in Qalat.\n" +
		"The Southern Defence Forces (SDF) said Haddadi, aka Abu Samir, left.Then Iran-backed fighters of the Kataeb Nourthe group came.\n" +
		"Lina Darwish In March spoke."
	got := CandidateMentions(text)
	var texts []string
	for _, m := range got {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("span [%d,%d) holds %q, mention says %q", m.Start, m.End, text[m.Start:m.End], m.Text)
		}
		texts = append(texts, m.Text)
	}
	want := []string{"Prime Minister Nabil al-Rafi", "Gen. Tariq Haddadi", "Qalat", "Southern Defence Forces", "SDF",
		"Haddadi", "Abu Samir", "Kataeb Nourthe", "Lina Darwish"}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("CandidateMentions found\n%q\nwant\n%q", texts, want)
	}
	types := map[string]string{}
	for _, m := range got {
		types[m.Text] = m.Type
	}
	for name, typ := range map[string]string{"Prime Minister Nabil al-Rafi": document.EntityPerson, "SDF": document.EntityOrg,
		"Southern Defence Forces": document.EntityOrg, "Kataeb Nourthe": document.EntityOrg} {
		if types[name] != typ {
			t.Errorf("type of %q = %q, want %q", name, types[name], typ)
		}
	}
	if CandidateMentions("") != nil {
		t.Error("mentions in empty text")
	}
}
