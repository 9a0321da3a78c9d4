package event

import "testing"

func TestWordTable(t *testing.T) {
	in := map[string]uint16{"attack": wnVerb | wnNoun | wnNounEvent1, "say": wnVerb | 32<<8, "table": wnNoun, "é": 7}
	tb, err := parseWordTable(string(WriteWordTable(in)))
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range in {
		if got := tb.lookup(w); got != want {
			t.Errorf("lookup(%q) = %d, want %d", w, got, want)
		}
	}
	for _, w := range []string{"", "attacks", "zzz"} {
		if got := tb.lookup(w); got != 0 {
			t.Errorf("lookup(%q) = %d, want 0", w, got)
		}
	}
	b := WriteWordTable(in)
	b[len(b)-10] ^= 1
	if _, err := parseWordTable(string(b)); err == nil {
		t.Error("damaged table accepted")
	}
	// The embedded tables load and know common words.
	if wordnet().lookup("attack")&wnNounEventAny == 0 || wordnet().lookup("say")&wnVerb == 0 {
		t.Error("embedded WordNet table: attack is no event noun or say no verb")
	}
	if clusters().lookup("killed") == 0 || clusters().lookup("killed") == clusters().lookup("the") {
		t.Error("embedded cluster table: no cluster for killed, or the same as the")
	}
}
