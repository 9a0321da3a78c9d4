package ner

import (
	"reflect"
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

func TestFallbackTokens(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Sheikh Omar al-Farouqi's convoy left Mosul.", []string{"Sheikh", "Omar", "al-Farouqi", "'s", "convoy", "left", "Mosul", "."}},
		{"Kata’ib Zaytun denied it, the U.S. envoy said.", []string{"Kata’ib", "Zaytun", "denied", "it", ",", "the", "U.S.", "envoy", "said", "."}},
		{"He paid 3.5 million (about $1,200).", []string{"He", "paid", "3.5", "million", "(", "about", "$", "1", ",", "200", ")", "."}},
		{"", nil},
	}
	for _, tt := range tests {
		got := words(tt.text, fallbackTokens(tt.text, 0))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("fallbackTokens(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFallbackTokensBase(t *testing.T) {
	spans := fallbackTokens("Abu Karim", 100)
	if len(spans) != 2 || spans[0].Start != 100 || spans[1].End != 109 {
		t.Errorf("spans with base 100 = %v", spans)
	}
}

func TestFallbackSentences(t *testing.T) {
	text := "Mr. Haddad spoke. Then he left.\nA new line"
	toks := fallbackTokens(text, 0)
	got := fallbackSentences(text, toks)
	if len(got) != 3 {
		t.Fatalf("got %d sentences %v, want 3", len(got), got)
	}
	if w := words(text, toks[got[0][0]:got[0][1]]); w[len(w)-1] != "." || w[0] != "Mr" || len(w) != 5 {
		t.Errorf("first sentence = %q", w)
	}
}

func TestRejoin(t *testing.T) {
	text := "Leaders of Kata'ib Zaytun met al-Hashimi's aide in a well - lit room."
	// A tokenizer that splits at every hyphen and apostrophe.
	var spans []document.Span
	start := -1
	for i, r := range text {
		switch {
		case r == ' ':
			if start >= 0 {
				spans = append(spans, document.Span{Start: start, End: i})
				start = -1
			}
		case r == '\'' || r == '-' || r == '.':
			if start >= 0 {
				spans = append(spans, document.Span{Start: start, End: i})
			}
			spans = append(spans, document.Span{Start: i, End: i + 1})
			start = -1
		default:
			if start < 0 {
				start = i
			}
		}
	}
	got := words(text, rejoin(text, spans))
	want := []string{"Leaders", "of", "Kata'ib", "Zaytun", "met", "al-Hashimi", "'", "s", "aide", "in", "a", "well", "-", "lit", "room", "."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rejoin = %q, want %q", got, want)
	}
}
