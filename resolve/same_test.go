package resolve

import "testing"

func TestSame(t *testing.T) {
	tests := []struct {
		a, b string
		want Match
	}{
		// vowels, consonant equivalences, doubled letters
		{"Hashimi", "Hashemi", FullMatch},
		{"Qassem", "Qasem", FullMatch},
		{"Qassem", "Qassim", FullMatch},
		{"Kadhimi", "Kazimi", FullMatch},
		{"Kadhimi", "Kazemi", FullMatch},
		{"Moussa", "Musa", FullMatch},
		{"Mohammed", "Muhammad", FullMatch},
		// articles and apostrophes of every kind
		{"Hisham al-Hashimi", "Hisham Al Hashemi", FullMatch},
		{"Hisham al--Hashemi", "Hisham el-Hashimi", FullMatch},
		{"Kata'ib Hezbollah", "Kata’ib Hezbollah", FullMatch},
		{"Katai’b Hezbollah", "Kataeb Hezbollah", FullMatch},
		// titles are not part of the name
		{"Prime Minister Mustafa al-Kadhimi", "Mustafa Kazemi", FullMatch},
		{"Gen. Farid Nouri", "Farid Nuri", FullMatch},
		// a glossed organization name
		{"Kataib Hezbollah", "Hezbollah Brigades", FullMatch},
		// short forms
		{"Kadhimi", "Mustafa al-Kadhimi", PartialMatch},
		{"Abdel-Mahdi", "Adel Abdul-Mahdi", PartialMatch},
		{"Hezbollah", "Kataib Hezbollah", PartialMatch},
		// truncated or suffixed spellings need context
		{"Qassem Suleiman", "Qasem Soleimani", WeakMatch},
		{"Iraq", "Iraqi", WeakMatch},
		// different names
		{"Khamenei", "Khomeini", NoMatch},
		{"Ayatollah Ali Khamenei", "Ayatollah Khomeini", NoMatch},
		{"Iraq", "Iran", NoMatch},
		{"Hisham", "Hashemi", NoMatch},
		{"Rasha al-Hassan", "Wissam al-Hassan", NoMatch},
		{"PMF", "IRGC", NoMatch},
		{"PMF", "Popular Mobilization Forces", NoMatch}, // acronyms need a Resolver
		{"", "Hashimi", NoMatch},
	}
	for _, tt := range tests {
		if got := Same(tt.a, tt.b); got != tt.want {
			t.Errorf("Same(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Same(tt.b, tt.a); got != tt.want {
			t.Errorf("Same(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestTokenDistanceOrder(t *testing.T) {
	// A transliteration variant must be closer than a different name with
	// the same consonants.
	near := TokenDistance("Hashimi", "Hashemi")
	far := TokenDistance("Khamenei", "Khomeini")
	if !(near < DefaultSameThreshold && far > DefaultSameThreshold) {
		t.Errorf("Hashimi/Hashemi %.3f and Khamenei/Khomeini %.3f straddle threshold %.2f wrongly", near, far, DefaultSameThreshold)
	}
	if d := TokenDistance("Soleimani", "Soleimani"); d != 0 {
		t.Errorf("distance to itself = %v", d)
	}
}

func TestKey(t *testing.T) {
	same := [][2]string{
		{"Mustafa al-Kadhimi", "Mustafa Al Kazemi"},
		{"Hisham al-Hashimi", "Husham el-Hashemi"},
		{"Kata'ib Hezbollah", "Kataeb Hezbollah"},
		{"Qassem Soleimani", "Qasem Suleimani"},
	}
	for _, p := range same {
		if Key(p[0]) != Key(p[1]) {
			t.Errorf("Key(%q)=%q != Key(%q)=%q", p[0], Key(p[0]), p[1], Key(p[1]))
		}
	}
	if Key("Hisham al-Hashimi") == Key("Mustafa al-Kadhimi") {
		t.Errorf("different names share key %q", Key("Hisham al-Hashimi"))
	}
	if Key("   ") != "" {
		t.Errorf("Key of blank = %q", Key("   "))
	}
}

func TestResolverThresholds(t *testing.T) {
	// Hashimi / Hashemi lie below the default token threshold; Hashem /
	// Hashimi differ by a nisba -i and a vowel, within the default nisba
	// threshold.
	d := TokenDistance("Hashimi", "Hashemi")
	dn := TokenDistance("Hashem", "Hashim")
	tests := []struct {
		name string
		opts Options
		a, b string
		want Match
	}{
		{"defaults", Options{}, "Hisham al-Hashimi", "Hisham al-Hashemi", FullMatch},
		{"same threshold below the distance", Options{SameThreshold: d / 2}, "Hisham al-Hashimi", "Hisham al-Hashemi", NoMatch},
		{"nisba by default", Options{}, "Hashem", "Hashimi", WeakMatch},
		{"nisba threshold below the distance", Options{NisbaThreshold: dn / 2}, "Hashem", "Hashimi", FullMatch}, // then the plain distance decides
		{"both thresholds below the distance", Options{NisbaThreshold: dn / 2, SameThreshold: dn / 2}, "Hashem", "Hashimi", NoMatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Same(tt.a, tt.b); got != tt.want {
				t.Errorf("Same(%q, %q) with %+v = %v, want %v", tt.a, tt.b, tt.opts, got, tt.want)
			}
		})
	}
	// The package function keeps the defaults whatever a Resolver uses.
	if got := Same("Hisham al-Hashimi", "Hisham al-Hashemi"); got != FullMatch {
		t.Errorf("Same after a strict Resolver = %v, want full", got)
	}
	if _, err := New(Options{SameThreshold: -1}); err == nil {
		t.Error("New accepted a negative threshold")
	}
}
