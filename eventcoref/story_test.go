package eventcoref

import "testing"

func TestCauseCues(t *testing.T) {
	for _, c := range []struct {
		between string
		before  bool // the killing comes before the operation
		want    bool
	}{
		{" of its leader Abu Mahdi al-Muhandis in a US ", true, true},
		{" in a ", true, true},
		{", coming just two weeks after a ", true, false},
		{" in January this year that ", false, true},
		{" in Baghdad ", false, true},
		{" by a drone, which also resulted in the ", false, true},
		{" on the headquarters of the militia. Later they ", false, false},
	} {
		re := thatKilled
		if c.before {
			re = killedIn
		}
		if got := re.MatchString(c.between); got != c.want {
			t.Errorf("%q (killing first %v): %v, want %v", c.between, c.before, got, c.want)
		}
	}
}

func TestNameKeys(t *testing.T) {
	a := nameKeys("", "Kata’ib Hezbollah", "ORG")
	b := nameKeys("", "Kataeb Hezbollah", "ORG")
	c := nameKeys("", "Hezbollah", "ORG")
	has := func(ks []string, k string) bool {
		for _, x := range ks {
			if x == k {
				return true
			}
		}
		return false
	}
	if a[0] != b[0] || !has(a, c[0]) {
		t.Errorf("keys %v %v %v: spellings of one group should meet", a, b, c)
	}
	if p := nameKeys("e1", "Omar Haddad", "PERSON"); len(p) != 2 || p[0] != "e:e1" {
		t.Errorf("person keys %v, want the entity id and the name only", p)
	}
}

func TestBestDate(t *testing.T) {
	for _, c := range []struct {
		in   map[string]int
		want string
	}{
		{map[string]int{"2020-06": 1, "2020-06-26": 1}, "2020-06-26"},
		{map[string]int{"2020-06": 2, "2020-06-26": 1}, "2020-06"},
		{map[string]int{"2020-05-01": 1, "2020-06-26": 1}, "2020-05-01"},
		{map[string]int{}, ""},
	} {
		if got := bestDate(c.in); got != c.want {
			t.Errorf("bestDate(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
