package ner

import (
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestFixToponym(t *testing.T) {
	for _, tt := range []struct {
		text, typ, want string
	}{
		{"Shatt al-Arab", document.EntityPerson, document.EntityLoc},
		{"Wadi Rum", document.EntityPerson, document.EntityLoc},
		{"Jabal el-Druze", document.EntityPerson, document.EntityLoc},
		{"Ras Tanura", document.EntityOrg, document.EntityOrg},              // only PERSON is corrected
		{"Hisham al-Hashimi", document.EntityPerson, document.EntityPerson}, // not a place head
		{"Bab", document.EntityPerson, document.EntityPerson},               // a single word stays
		{"Ain Karim Saleh", document.EntityPerson, document.EntityPerson},   // three capitalized words: a person
	} {
		m := document.Mention{Text: tt.text, Type: tt.typ}
		fixToponym(&m)
		if m.Type != tt.want {
			t.Errorf("%q tagged %s: got %s; want %s", tt.text, tt.typ, m.Type, tt.want)
		}
	}
}
