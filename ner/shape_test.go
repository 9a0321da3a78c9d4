package ner

import "testing"

func TestWordShape(t *testing.T) {
	tests := []struct{ w, long, short string }{
		{"Baghdad", "Xxxxxxx", "Xx"},
		{"al-Hashimi", "xx-Xxxxxxx", "x-Xx"},
		{"1996-08-22", "dddd-dd-dd", "d-d-d"},
		{"U.S.", "X.X.", "X.X."},
		{"Kata'ib", "Xxxx'xx", "Xx'x"},
	}
	for _, tt := range tests {
		l, s := wordShape(tt.w)
		if l != tt.long || s != tt.short {
			t.Errorf("wordShape(%q) = %q, %q; want %q, %q", tt.w, l, s, tt.long, tt.short)
		}
	}
}

func TestArabicPrefix(t *testing.T) {
	tests := []struct{ w, art, stem string }{
		{"al-hashimi", "al", "hashimi"},
		{"el-sisi", "el", "sisi"},
		{"ash-shami", "ash", "shami"},
		{"abdul-mahdi", "", ""},
		{"all-out", "", ""},
		{"al-", "", ""},
	}
	for _, tt := range tests {
		a, s := arabicPrefix(tt.w)
		if a != tt.art || s != tt.stem {
			t.Errorf("arabicPrefix(%q) = %q, %q; want %q, %q", tt.w, a, s, tt.art, tt.stem)
		}
	}
}

func TestInnerApostrophe(t *testing.T) {
	for w, want := range map[string]bool{"Kata'ib": true, "Ba'ath": true, "Iraq's": false, "'quote": false, "don't": false} {
		if got := hasInnerApostrophe(w); got != want {
			t.Errorf("hasInnerApostrophe(%q) = %v, want %v", w, got, want)
		}
	}
	if normWord("Kata’ib") != "Kata'ib" {
		t.Errorf("normWord did not map the curly apostrophe: %q", normWord("Kata’ib"))
	}
}

func TestWordCase(t *testing.T) {
	for w, want := range map[string]uint8{"iraq": caseLower, "Iraq": caseTitle, "IRAQ": caseUpper, "iPhone": caseMixed, "1996": caseNone, "McCain": caseTitle} {
		if got := wordCase(w); got != want {
			t.Errorf("wordCase(%q) = %d, want %d", w, got, want)
		}
	}
}
