package report

import "testing"

func TestBalanceBidi(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\u202Eb", "a\u202Eb\u202C"},                     // override closed
		{"a\u202Cb\u2069c", "abc"},                         // stray terminators dropped
		{"\u2067a\u202Eb\u2069c", "\u2067a\u202Eb\u2069c"}, // PDI closes the override inside
		{"\u202Ba\u2066b", "\u202Ba\u2066b\u2069\u202C"},   // closed in order
		{"\u2066a\u202Cb\u2069", "\u2066ab\u2069"},         // PDF cannot close across an isolate
		{"\u200Fmark\u200E", "\u200Fmark\u200E"},           // marks kept
	} {
		if got := BalanceBidi(c.in); got != c.want {
			t.Errorf("BalanceBidi(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := StripBidi("a\u202Eb\u2069\u200Fc"); got != "abc" {
		t.Errorf("StripBidi = %q", got)
	}
}
