package claim

import (
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
