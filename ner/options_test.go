package ner

import (
	"strings"
	"testing"
)

func TestOptionsResolved(t *testing.T) {
	tests := []struct {
		name string
		in   Options
		want Options
	}{
		{"zero gives the defaults", Options{}, Options{Beam: DefaultBeam, Consistent: DefaultConsistent}},
		{"greedy", Options{Beam: 1}, Options{Beam: 1, Consistent: DefaultConsistent}},
		{"negative beam", Options{Beam: -3}, Options{Beam: DefaultBeam, Consistent: DefaultConsistent}},
		{"consistency off", Options{Consistent: -1}, Options{Beam: DefaultBeam, Consistent: 0}},
		{"other threshold", Options{Beam: 2, Consistent: 0.8}, Options{Beam: 2, Consistent: 0.8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.resolved(); got != tt.want {
				t.Errorf("%+v resolved to %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

// TestLoadWith checks that other options give another tagger over the
// same decoded model and leave the shared tagger as it was.
func TestLoadWith(t *testing.T) {
	shared := mustLoad(t)
	same, err := LoadWith(Options{Beam: DefaultBeam})
	if err != nil {
		t.Fatal(err)
	}
	if same != shared {
		t.Error("LoadWith with the default options did not return the shared tagger")
	}
	greedy, err := LoadWith(Options{Beam: 1, Consistent: -1})
	if err != nil {
		t.Fatal(err)
	}
	if greedy == shared || greedy.Model() != shared.Model() {
		t.Errorf("LoadWith(greedy): new tagger %v, shared model %v; want a new tagger over the same model", greedy != shared, greedy.Model() == shared.Model())
	}
	if got := greedy.Options(); got != (Options{Beam: 1, Consistent: 0}) {
		t.Errorf("greedy tagger options %+v", got)
	}
	if got := shared.Options(); got != (Options{Beam: DefaultBeam, Consistent: DefaultConsistent}) {
		t.Errorf("shared tagger options changed to %+v", got)
	}
	// Both tag; on a plain sentence the greedy tagger finds the same names.
	words := strings.Fields("Hisham al-Hashimi was shot outside his home in Baghdad .")
	a, _ := shared.TagWords(words)
	b, _ := greedy.TagWords(words)
	if len(a) == 0 || len(a) != len(b) {
		t.Errorf("shared tagger found %v, greedy %v", a, b)
	}
}
