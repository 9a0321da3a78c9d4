package resolve

import "testing"

func TestLinkByContext(t *testing.T) {
	s := fixture(t) // three reports: a, b, c
	// Report d names the bare "Nour" beside Lina Darwish, as report b does
	// (b also names Kataeb Nour, so its bare "Nour" is ambiguous); report
	// e names a bare "Nour" in other company.
	s.Add(newDoc(t, "d", "Nour fighters marched while Lina Darwish watched.",
		spec{"Nour", org}, spec{"Lina Darwish", per}))
	s.Add(newDoc(t, "e", "Kataib Nour denied it. A Nour spokesman met Omar Sabri in Qalat.",
		spec{"Kataib Nour", org}, spec{"Nour", org}, spec{"Omar Sabri", per}, spec{"Qalat", loc}))
	link(t, s, Options{})
	nourB, nourD, nourE := entityOf(t, s, "b", 5), entityOf(t, s, "d", 0), entityOf(t, s, "e", 1)
	kataib := entityOf(t, s, "b", 3)
	if nourB != nourD {
		t.Errorf("bare Nour of b (%s) and d (%s) share Lina Darwish but stayed apart", nourB, nourD)
	}
	if nourE == nourB {
		t.Errorf("bare Nour of e joined b's without shared context")
	}
	for _, id := range []string{nourB, nourD, nourE} {
		if id == kataib {
			t.Errorf("a bare Nour joined Kataib Nour (%s)", kataib)
		}
	}
	if entityOf(t, s, "e", 0) != kataib {
		t.Error("Kataib Nour of e did not join Kataeb Nour of b")
	}
}
