package text

import "testing"

func TestCapitalized(t *testing.T) {
	for w, want := range map[string]bool{
		"Basra": true, "al-Hashimi": true, "el-Sisi": true, "bin-Salman": true, "Émile": true,
		"al-": false, "al-qaeda": false, "market": false, "": false, "7": false,
	} {
		if got := Capitalized(w); got != want {
			t.Errorf("Capitalized(%q) = %v; want %v", w, got, want)
		}
	}
}
