package claim

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// FuzzClaims runs the per-document stages and the comparer over any text
// and checks that every claim and citation points inside the text.
func FuzzClaims(f *testing.F) {
	for _, s := range []string{"", "Hashimi, 47,", "on a motorbike", "killed 5 men since 2003", "Reuters: x (AP) told the Post", "Of the 6 groups, 2 were"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("Text is valid UTF-8 in the flow; the text stage refuses other input with an error")
		}
		d := annotate(t, "f", s)
		for _, c := range d.Claims {
			if !c.Span.Valid(len(s)) {
				t.Fatalf("bad claim %+v", c)
			}
		}
		st := document.NewStory()
		st.Add(d)
		st.Add(annotate(t, "g", s))
		if err := New().Link(context.Background(), st); err != nil {
			t.Fatal(err)
		}
		for _, dv := range st.Derivations {
			for _, c := range dv.Evidence {
				if _, _, err := st.Resolve(c); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
