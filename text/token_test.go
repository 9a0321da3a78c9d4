package text

import (
	"reflect"
	"testing"
)

type tok struct{ Text, Kind string }

func tokenize(s string) []tok {
	var out []tok
	for _, t := range Tokens(s, 0) {
		out = append(out, tok{s[t.Start:t.End], t.Kind})
	}
	return out
}

func TestTokens(t *testing.T) {
	w := func(s string) tok { return tok{s, KindWord} }
	n := func(s string) tok { return tok{s, KindNumber} }
	p := func(s string) tok { return tok{s, KindPunct} }
	y := func(s string) tok { return tok{s, KindSymbol} }
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"words and stop", "Rain fell.", []tok{w("Rain"), w("fell"), p(".")}},
		{"straight apostrophe", "Kata'ib O'Brien", []tok{w("Kata'ib"), w("O'Brien")}},
		{"curly apostrophe", "Kata’ib Bani’s", []tok{w("Kata’ib"), w("Bani"), w("’s")}},
		{"clitics split as in CoNLL", "al-Hashimi's aide don't WON'T it’s", []tok{w("al-Hashimi"), w("'s"), w("aide"), w("do"), w("n't"), w("WO"), w("N'T"), w("it"), w("’s")}},
		{"lone clitic and plural possessive", "'s the workers' union", []tok{p("'"), w("s"), w("the"), w("workers"), p("'"), w("union")}},
		{"trailing apostrophe is punctuation", "the workers' union", []tok{w("the"), w("workers"), p("'"), w("union")}},
		{"hyphenated", "al-Hashimi and a well-known pro-Iran group", []tok{w("al-Hashimi"), w("and"), w("a"), w("well-known"), w("pro-Iran"), w("group")}},
		{"double hyphen", "al--Hashemi", []tok{w("al"), p("--"), w("Hashemi")}},
		{"dash", "Baghdad — the capital", []tok{w("Baghdad"), p("—"), w("the"), w("capital")}},
		{"numbers", "1,200 people, 3.5 tonnes, 1.000 dinars, 40% and 12.5%", []tok{n("1,200"), w("people"), p(","), n("3.5"), w("tonnes"), p(","), n("1.000"), w("dinars"), p(","), n("40%"), w("and"), n("12.5%")}},
		{"number ends sentence", "It cost 40.", []tok{w("It"), w("cost"), n("40"), p(".")}},
		{"money", "$100.00 and €5", []tok{y("$"), n("100.00"), w("and"), y("€"), n("5")}},
		{"range", "2019-2020", []tok{n("2019"), p("-"), n("2020")}},
		{"digits then letters", "the 5th floor, 1990s, 10-year-old", []tok{w("the"), w("5th"), w("floor"), p(","), w("1990s"), p(","), w("10-year-old")}},
		{"abbreviations keep period", "Dr. Sami of the U.S. Army and Ph.D. holders", []tok{w("Dr."), w("Sami"), w("of"), w("the"), w("U.S."), w("Army"), w("and"), w("Ph.D."), w("holders")}},
		{"a.m. and e.g.", "at 9 a.m., e.g. here", []tok{w("at"), n("9"), w("a.m."), p(","), w("e.g."), w("here")}},
		{"initials", "George W. Bush", []tok{w("George"), w("W."), w("Bush")}},
		{"ordinary word before period", "He left.", []tok{w("He"), w("left"), p(".")}},
		{"ellipsis", "wait... what", []tok{w("wait"), p("..."), w("what")}},
		{"quotes", "“No,” he said", []tok{p("“"), w("No"), p(","), p("”"), w("he"), w("said")}},
		{"arabic", "هشام الهاشمي قتل", []tok{w("هشام"), w("الهاشمي"), w("قتل")}},
		{"arabic-indic digits", "٣٠ شخصا", []tok{n("٣٠"), w("شخصا")}},
		{"symbols", "a + b = c", []tok{w("a"), y("+"), w("b"), y("="), w("c")}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokenize(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q)\n got  %v\n want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokensBase(t *testing.T) {
	toks := Tokens("ab cd", 100)
	if len(toks) != 2 || toks[0].Start != 100 || toks[1].Start != 103 || toks[1].End != 105 {
		t.Errorf("Tokens with base 100 = %+v", toks)
	}
}
