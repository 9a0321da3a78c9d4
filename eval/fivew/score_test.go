package fivew

import "testing"

func TestRate(t *testing.T) {
	gold := []Gold{{Text: "Croydon", Coders: 3}, {Text: "in a tunnel near Sandilands tram station", Coders: 2}, {Text: "at around 6am", Coders: 3, Parsed: "2016-11-09"}}
	cases := []struct {
		answer, date string
		want         float64
	}{
		{"Croydon", "", 1},
		{"near Sandilands station", "", 1},
		{"a tunnel in south London near the Sandilands tram stop by the river Thames bank", "", 1},
		{"the tram network across south London", "", 0.5},
		{"Paris", "", 0},
		{"", "", 0},
		{"Wednesday", "2016-11-09", 1},
	}
	for _, c := range cases {
		if got := Rate(c.answer, c.date, gold); got != c.want {
			t.Errorf("Rate(%q, %q) = %v, want %v", c.answer, c.date, got, c.want)
		}
	}
}

func TestTallySkipsQuestionsWithoutGold(t *testing.T) {
	tl := NewTally()
	tl.Add("why", "because", "", []Gold{{Text: "x", Coders: 1}})
	tl.Add("who", "Jane", "", []Gold{{Text: "Jane Doe", Coders: 2}})
	tl.Add("where", "", "", []Gold{{Text: "Lisbon", Coders: 3}})
	if tl.Asked["why"] != 0 || tl.Answered["who"] != 1 || tl.Asked["where"] != 1 || tl.Answered["where"] != 0 {
		t.Fatalf("tally %+v", tl)
	}
	if p := tl.Precision(Questions...); p != 1 {
		t.Fatalf("precision %v, want 1 (Jane covers half of Jane Doe)", p)
	}
	if c := tl.Coverage(Questions...); c != 0.5 {
		t.Fatalf("coverage %v, want 0.5", c)
	}
}
