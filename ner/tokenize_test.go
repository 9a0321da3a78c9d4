package ner

import (
	"reflect"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func words(text string, spans []document.Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestPhraseTokens(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Omar al-Farouqi's convoy", []string{"Omar", "al-Farouqi", "'s", "convoy"}},
		{"Kata’ib Zaytun", []string{"Kata’ib", "Zaytun"}},
		{"U.S. Army", []string{"U.S.", "Army"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := words(tt.text, phraseTokens(tt.text))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("phraseTokens(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTokenSentences(t *testing.T) {
	d := tokenized(t, "s", "Mr. Haddad spoke. Then he left.\nA new line")
	got, err := tokenSentences(d)
	if err != nil {
		t.Fatal(err)
	}
	var sents []string
	for _, s := range got {
		sents = append(sents, strings.Join(words(d.Text, s), " "))
	}
	want := []string{"Mr. Haddad spoke .", "Then he left .", "A new line"}
	if !reflect.DeepEqual(sents, want) {
		t.Errorf("sentences = %q, want %q", sents, want)
	}
	for _, tc := range []struct {
		name string
		d    *document.Document
		ok   bool
	}{
		{"blank text without tokens", &document.Document{Text: " \n"}, true},
		{"text without tokens", &document.Document{Text: "Basra"}, false},
		{"token past the end", &document.Document{Text: "Basra", Tokens: []document.Token{{Span: document.Span{Start: 0, End: 9}}}}, false},
		{"empty token", &document.Document{Text: "Basra", Tokens: []document.Token{{Span: document.Span{Start: 2, End: 2}}}}, false},
	} {
		if _, err := tokenSentences(tc.d); (err == nil) != tc.ok {
			t.Errorf("%s: err = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}
