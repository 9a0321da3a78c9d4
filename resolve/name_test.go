package resolve

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseName(t *testing.T) {
	tests := []struct {
		in        string
		vocab     []string
		clean     string
		roles     []string
		acronym   bool
		debris    bool
		numTokens int
	}{
		{"Prime Minister Mustafa al-Kadhimi", nil, "Mustafa al-Kadhimi", []string{"Prime Minister"}, false, false, 2},
		{"US Secretary of State Mike Pompeo", nil, "Mike Pompeo", []string{"Secretary of State"}, false, false, 2},
		{"Ph.D. Hisham", nil, "Hisham", []string{"Ph.D."}, false, false, 1},
		{"Genera; Qassem Suleiman", nil, "Qassem Suleiman", []string{"General"}, false, false, 2},
		{"Iran's Ayatollah Ali al-Khamenei", nil, "Ali al-Khamenei", []string{"Ayatollah"}, false, false, 2},
		{"Hashimi’s", nil, "Hashimi", nil, false, false, 1},
		{"Kataib Hezbollahthe", []string{"Hezbollah"}, "Kataib Hezbollah", nil, false, true, 2},
		{"Kataib Hezbollahthe", nil, "Kataib Hezbollahthe", nil, false, false, 2},
		{"IRGC", nil, "IRGC", nil, true, false, 1},
		{"Adel Abdul-Mahdi", nil, "Adel Abdul-Mahdi", nil, false, false, 3},
		{"President", nil, "President", nil, false, false, 1},
	}
	for _, tt := range tests {
		vocab := map[string]bool{}
		for _, v := range tt.vocab {
			vocab[foldToken(v)] = true
		}
		if tt.vocab == nil {
			vocab = nil
		}
		p := parseName(tt.in, vocab)
		if p.Clean != tt.clean || !reflect.DeepEqual(p.Roles, tt.roles) || p.Acronym != tt.acronym || p.debris != tt.debris || len(p.folded) != tt.numTokens {
			t.Errorf("parseName(%q) = clean %q roles %v acronym %v debris %v tokens %v; want %q %v %v %v %d",
				tt.in, p.Clean, p.Roles, p.Acronym, p.debris, p.folded, tt.clean, tt.roles, tt.acronym, tt.debris, tt.numTokens)
		}
	}
}

func TestPrecedingRole(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"They met Prime Minister Nabil Rafi", "Prime Minister"},
		{"killed the Iranian Genera; Qassem Suleiman", "General"},
		{"the Quds Force commander Farid Nouri", "commander"},
		{"he said. Farid Nouri", ""},
		{"according to Farid Nouri", ""},
		{"Farid Nouri", ""},
	}
	for _, tt := range tests {
		start := len(tt.text) - len("Farid Nouri")
		if tt.want == "General" {
			start = len(tt.text) - len("Qassem Suleiman")
		}
		if tt.want == "Prime Minister" {
			start = len(tt.text) - len("Nabil Rafi")
		}
		if got := precedingRole(tt.text, start); got != tt.want {
			t.Errorf("precedingRole(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSameNamesAgreesWithSame(t *testing.T) {
	names := []string{"Mustafa al-Kadhimi", "Kadhimi", "Mustafa Al Kazemi", "Khamenei", "Khomeini", "Hisham al-Hashimi", "Husham Al Hashemi", "Qasem Soleimani", "Qassem Suleiman"}
	for _, a := range names {
		for _, b := range names {
			if got, want := SameNames(ParseName(a), ParseName(b)), Same(a, b); got != want {
				t.Errorf("SameNames(%q, %q) = %v, Same = %v", a, b, got, want)
			}
		}
	}
	if k := ParseName("Mustafa al-Kadhimi").Keys(); strings.Join(k, "-") != Key("Mustafa al-Kadhimi") {
		t.Errorf("Keys %v, Key %q", k, Key("Mustafa al-Kadhimi"))
	}
}
