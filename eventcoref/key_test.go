package eventcoref

import "testing"

func TestKey(t *testing.T) {
	same := [][]string{
		{"killed", "kills", "killing", "kill"},
		{"assassination", "assassinated", "assassinate", "assassinating"},
		{"shot", "shoot", "shooting"},
		{"fired", "fire", "firing", "fires"},
		{"investigation", "investigated", "investigates"},
		{"died", "dies", "death", "dead"},
		{"arrested", "arrest", "arrests"},
	}
	for _, group := range same {
		k := Key(group[0])
		for _, w := range group[1:] {
			if Key(w) != k {
				t.Errorf("Key(%q) = %q, Key(%q) = %q, want the same", group[0], k, w, Key(w))
			}
		}
	}
	for _, pair := range [][2]string{{"kill", "fill"}, {"raid", "rain"}, {"state", "start"}} {
		if Key(pair[0]) == Key(pair[1]) {
			t.Errorf("Key(%q) = Key(%q) = %q", pair[0], pair[1], Key(pair[0]))
		}
	}
}

func TestHeadKey(t *testing.T) {
	for in, want := range map[string]string{"was shot dead": Key("shoot"), "has been killed": Key("kill"), "set fire": Key("set"), "the": Key("the")} {
		if got := HeadKey(in); got != want {
			t.Errorf("HeadKey(%q) = %q, want %q", in, got, want)
		}
	}
}
