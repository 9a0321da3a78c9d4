package ner

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// hashimiNames are the people and organizations named in the reports of
// the shared "hashimi" story (written down by hand from reading them),
// with the spellings the reports use.
var hashimiNames = map[string][]string{
	document.EntityPerson: {
		"Hisham al-Hashimi", "Hisham al-Hashemi", "Hisham Al-Hashimi", "Husham al-Hashimi",
		"Mustafa al-Kadhimi", "Mustafa al-Kazimi", "Mustafa Kadhimi",
		"Mike Pompeo", "Qassem Soleimani", "Qasem Soleimani", "Qassim Soleimani",
		"Abu Mahdi al-Muhandis", "Abu Mahdi Al-Muhandis", "Abu Ali al-Askari",
		"Sajad Jiyad", "Fanar Haddad", "Adel Abdul-Mahdi", "Hadi Al-Amiri", "Faleh Al-Fayyadh",
		"Nouri Al-Maliki", "Tara Fares", "Souad Al-Ali", "Rafiq Hariri", "Samir Kassir",
		"Gebran Tueni", "Wissam Al-Hassan", "Bashar Assad", "Ali Khamenei", "Janet Yellen",
		"Ahmed Al-Lami", "Karar Adel", "Hussein Moaines", "Hussain Mounis", "Adel Bakawan",
		"Safaa Ghali", "Rasha Al-Hassan", "Rafif Al-Yasiri", "Hisham Fares Al-Adhami",
		"Ahmad Abdelsamad", "Abdul Quddus Qasim", "Alaa Mashzub",
	},
	document.EntityOrg: {
		"Kata’ib Hezbollah", "Kataib Hezbollah", "Kataeb Hezbollah", "Hezbollah Brigades",
		"Popular Mobilisation Forces", "Popular Mobilization Forces",
		"Washington Post", "International Crisis Group", "Associated Press", "Quds Force",
		"Iran International", "New York Times", "Islamic Revolutionary Guards Corps", "Track Persia",
	},
}

// TestHashimiRecall tags the five reports of the hashimi story (tokens
// from the text stage) and measures the recall of the names above: an
// occurrence counts when a mention of the right type covers exactly it
// (strict) or overlaps it (lenient).
func TestHashimiRecall(t *testing.T) {
	files := shareddata.Corpus(t, "hashimi")
	tg := mustLoad(t)
	type tally struct{ total, strict, lenient int }
	byType := map[string]*tally{}
	var missed []string
	for _, f := range files {
		d := tokenized(t, f.Path, f.Text)
		if err := tg.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for typ, names := range hashimiNames {
			tl := byType[typ]
			if tl == nil {
				tl = &tally{}
				byType[typ] = tl
			}
			for _, name := range names {
				for off := 0; ; {
					k := strings.Index(d.Text[off:], name)
					if k < 0 {
						break
					}
					occ := document.Span{Start: off + k, End: off + k + len(name)}
					off = occ.End
					tl.total++
					strict, lenient := false, false
					for _, m := range d.Mentions {
						if m.Type != typ || !m.Overlaps(occ) {
							continue
						}
						lenient = true
						if m.Span == occ {
							strict = true
						}
					}
					if strict {
						tl.strict++
					}
					if lenient {
						tl.lenient++
					} else {
						missed = append(missed, typ+" "+name)
					}
				}
			}
		}
	}
	sort.Strings(missed)
	t.Logf("missed: %s", strings.Join(missed, "; "))
	minStrict := map[string]float64{document.EntityPerson: 0.95, document.EntityOrg: 0.75}
	minLenient := map[string]float64{document.EntityPerson: 0.97, document.EntityOrg: 0.85}
	for typ, tl := range byType {
		if tl.total == 0 {
			t.Errorf("%s: no listed name occurs in the reports; is the corpus the expected one?", typ)
			continue
		}
		s, l := float64(tl.strict)/float64(tl.total), float64(tl.lenient)/float64(tl.total)
		t.Logf("%s: %d occurrences, strict recall %.3f, lenient recall %.3f", typ, tl.total, s, l)
		if s < minStrict[typ] || l < minLenient[typ] {
			t.Errorf("%s recall strict %.3f (min %.2f), lenient %.3f (min %.2f)", typ, s, minStrict[typ], l, minLenient[typ])
		}
	}
}
