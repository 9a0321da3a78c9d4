package claim

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestIndependenceCountsARelayAndItsSourceOnce(t *testing.T) {
	s := document.NewStory()
	s.Add(&document.Document{ID: "wire", Outlet: "Lake Wire", Text: "x"})
	s.Add(&document.Document{ID: "paper", Outlet: "Hill Times", Text: "x"})
	s.Add(&document.Document{ID: "blog", Outlet: "Valley Blog", Text: "x"})
	ind := newIndependence(s, nil)
	tests := []struct {
		name string
		refs []ref
		want int
	}{
		{"a relay of an outlet in the story joins that outlet's report",
			[]ref{{doc: 0}, {doc: 1, c: document.Claim{Attribution: "Lake Wire"}}}, 1},
		{"two relays of an outlet outside the story count once",
			[]ref{{doc: 1, c: document.Claim{Attribution: "River Post"}}, {doc: 2, c: document.Claim{Attribution: "River Post"}}}, 1},
		{"reports of their own count apart",
			[]ref{{doc: 0}, {doc: 1}, {doc: 2}}, 3},
	}
	for _, tt := range tests {
		if got, note := ind.count(tt.refs); got != tt.want {
			t.Errorf("%s: %d independent (%s); want %d", tt.name, got, note, tt.want)
		}
	}
}

func TestIndependentDocs(t *testing.T) {
	s := document.NewStory()
	for _, id := range []string{"a", "b", "c"} {
		s.Add(&document.Document{ID: id})
	}
	s.Derivations = []document.Derivation{{From: "b", To: "a", Kind: "shared-text", Score: 0.9}}
	n, note := Independent(s, []int{0, 1, 2})
	if n != 2 || !strings.Contains(note, "a, b count as one source") {
		t.Errorf("Independent = %d %q, want 2 with a and b collapsed", n, note)
	}
	if n, _ := Independent(s, []int{2}); n != 1 {
		t.Errorf("Independent of one document = %d, want 1", n)
	}
}
