package ner

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// toponymHeads are Arabic geographic nouns that open place names
// ("Shatt al-Arab", "Wadi Hadramaut", "Jabal Sinjar", "Ras Tanura"). The
// tagger, trained to find Arabic personal names of the same shape, can take
// such a place for a person; a name that starts with one of these words and
// continues with a capitalized word or an article form is a place.
var toponymHeads = map[string]bool{
	"shatt": true, "wadi": true, "jabal": true, "jebel": true, "jabel": true, "ras": true,
	"khor": true, "nahr": true, "bahr": true, "tell": true, "tal": true, "birkat": true,
	"ain": true, "bir": true, "marj": true, "sahl": true, "qasr": true, "bab": true,
}

// fixToponym relabels a PERSON mention that has the shape of an Arabic
// place name as LOC.
func fixToponym(m *document.Mention) {
	if m.Type != document.EntityPerson {
		return
	}
	words := strings.Fields(m.Text)
	if len(words) < 2 || !toponymHeads[strings.ToLower(words[0])] {
		return
	}
	next := words[1]
	lower := strings.ToLower(next)
	for _, art := range []string{"al-", "el-", "ar-", "as-", "ash-", "at-", "ad-", "az-", "an-"} {
		if strings.HasPrefix(lower, art) {
			m.Type = document.EntityLoc
			return
		}
	}
	if next != "" && next[0] >= 'A' && next[0] <= 'Z' && len(words) == 2 {
		m.Type = document.EntityLoc
	}
}
