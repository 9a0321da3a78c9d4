package text

import (
	"reflect"
	"testing"
)

func sentenceTexts(s string) []string {
	var out []string
	for _, sp := range Sentences(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The bridge opened. Traffic resumed at dawn.", []string{"The bridge opened.", "Traffic resumed at dawn."}},
		{"question and exclamation", "Who paid? Nobody knows! The audit starts soon.", []string{"Who paid?", "Nobody knows!", "The audit starts soon."}},
		{"titles", "Mr. Okafor met Dr. Lindqvist and Gen. Tamaru. They spoke briefly.", []string{"Mr. Okafor met Dr. Lindqvist and Gen. Tamaru.", "They spoke briefly."}},
		{"more titles", "Lt. Col. Arvid Nyberg and Sgt. Mira Haddad joined Prof. Ilse Vogt at St. Jude's.", []string{"Lt. Col. Arvid Nyberg and Sgt. Mira Haddad joined Prof. Ilse Vogt at St. Jude's."}},
		{"Jr. mid sentence", "Tomas Reyes Jr. said the plan was sound.", []string{"Tomas Reyes Jr. said the plan was sound."}},
		{"U.S. mid sentence before a name", "The U.S. Navy sent two ships.", []string{"The U.S. Navy sent two ships."}},
		{"U.S. ends sentence", "The envoy flew back to the U.S. He landed at noon.", []string{"The envoy flew back to the U.S.", "He landed at noon."}},
		{"U.N. and U.K.", "The U.N. Security Council and the U.K. Foreign Office agreed.", []string{"The U.N. Security Council and the U.K. Foreign Office agreed."}},
		{"a.m. and p.m.", "Voting ran from 7 a.m. until 9 p.m. on Sunday.", []string{"Voting ran from 7 a.m. until 9 p.m. on Sunday."}},
		{"p.m. ends sentence", "The blast came at 9 p.m. It shook the district.", []string{"The blast came at 9 p.m.", "It shook the district."}},
		{"e.g. and i.e.", "Some towns, e.g. Varna, flooded, i.e. the river rose.", []string{"Some towns, e.g. Varna, flooded, i.e. the river rose."}},
		{"etc. mid sentence", "They sold fruit, bread, etc. at the market.", []string{"They sold fruit, bread, etc. at the market."}},
		{"etc. ends sentence", "They sold fruit, bread, etc. The stall closed later.", []string{"They sold fruit, bread, etc.", "The stall closed later."}},
		{"month abbreviation before a day", "The vote is on Jan. 14 and the count on Feb. 2 in Lagos.", []string{"The vote is on Jan. 14 and the count on Feb. 2 in Lagos."}},
		{"No. before number", "He was listed as No. 4 on the ballot.", []string{"He was listed as No. 4 on the ballot."}},
		{"vs.", "It was Harbor City vs. Northgate last night.", []string{"It was Harbor City vs. Northgate last night."}},
		{"company suffixes", "Ferrow Inc. and Dalby Ltd. signed with Osk Corp. yesterday.", []string{"Ferrow Inc. and Dalby Ltd. signed with Osk Corp. yesterday."}},
		{"Co. ends sentence", "The deal went to Marlow & Co. It closed on Friday.", []string{"The deal went to Marlow & Co.", "It closed on Friday."}},
		{"degree before a name", "Friends of Ph.D. Selim Arkan wept at the service.", []string{"Friends of Ph.D. Selim Arkan wept at the service."}},
		{"initials", "She quoted J. R. R. Tolkien and George W. Bush in one speech.", []string{"She quoted J. R. R. Tolkien and George W. Bush in one speech."}},
		{"I ends sentence", "Nobody came but you and I. Then it rained.", []string{"Nobody came but you and I.", "Then it rained."}},
		{"decimals and thousands", "Prices rose 3.5 percent to 1.000 dinars. Bread cost 2,500.", []string{"Prices rose 3.5 percent to 1.000 dinars.", "Bread cost 2,500."}},
		{"number ends sentence", "The fund held $40.25. It was audited.", []string{"The fund held $40.25.", "It was audited."}},
		{"ellipsis mid sentence", "He paused ... and then went on.", []string{"He paused ... and then went on."}},
		{"unicode ellipsis before capital", "The lights went out… Everyone froze.", []string{"The lights went out…", "Everyone froze."}},
		{"four dots", "It ended there.... Nobody spoke.", []string{"It ended there....", "Nobody spoke."}},
		{"quote ends sentence", `"We will rebuild," the mayor said. "It will take years." Crews arrived.`, []string{`"We will rebuild," the mayor said.`, `"It will take years."`, "Crews arrived."}},
		{"curly quote ends sentence", "The chief said: “It is over.” Residents returned.", []string{"The chief said: “It is over.”", "Residents returned."}},
		{"exclamation in quote then lowercase", `"Stop!" he shouted at the driver.`, []string{`"Stop!" he shouted at the driver.`}},
		{"question in quote then lowercase", `“Where is she?” asked the officer.`, []string{`“Where is she?” asked the officer.`}},
		{"brackets", "The report (released on Monday. It was late.) was brief.", []string{"The report (released on Monday. It was late.) was brief."}},
		{"sentence in brackets", "The port closed. (It reopened later.) Ships waited.", []string{"The port closed.", "(It reopened later.)", "Ships waited."}},
		{"lowercase continuation", "The firm, known as the co. in town, grew.", []string{"The firm, known as the co. in town, grew."}},
		{"headline line", "Storm hits coast\nThe storm struck at night.", []string{"Storm hits coast", "The storm struck at night."}},
		{"caption line ending in a bracket", "Rescuers at the scene [Reuters]\nThe search went on overnight.", []string{"Rescuers at the scene [Reuters]", "The search went on overnight."}},
		{"quoted line ends", "He said \"enough.\"\nThe crowd left.", []string{"He said \"enough.\"", "The crowd left."}},
		{"wrapped line", "The storm struck\nat night and moved north.", []string{"The storm struck\nat night and moved north."}},
		{"paragraphs", "First paragraph without a stop\n\nSecond one. Two sentences.", []string{"First paragraph without a stop", "Second one.", "Two sentences."}},
		{"sentence never crosses paragraph", "The mayor said\n\nthat nothing changed.", []string{"The mayor said", "that nothing changed."}},
		{"urls and emails", "Write to desk.news@example.org. See https://example.org/a.b/c.html. Thanks.", []string{"Write to desk.news@example.org.", "See https://example.org/a.b/c.html.", "Thanks."}},
		{"Arabic question mark", "هل انتهى؟ نعم.", []string{"هل انتهى؟", "نعم."}},
		{"empty", "", nil},
		{"whitespace only", "  \n\n \t", nil},
		{"no final punctuation", "A short line", []string{"A short line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesCoverText(t *testing.T) {
	in := "Dr. Amsel arrived.  \"Late,\" he said!\n\nNew para... more text\nHeadline\n• 1. item one • 2. item two"
	sents := Sentences(in)
	covered := make([]bool, len(in))
	prevEnd := 0
	for _, sp := range sents {
		if sp.Start < prevEnd || sp.End <= sp.Start || sp.End > len(in) {
			t.Fatalf("bad or overlapping span %+v after %d", sp, prevEnd)
		}
		for k := sp.Start; k < sp.End; k++ {
			covered[k] = true
		}
		prevEnd = sp.End
	}
	for k, c := range []byte(in) {
		if !covered[k] && c != ' ' && c != '\n' && c != '\t' {
			t.Errorf("byte %d (%q) is in no sentence", k, c)
		}
	}
}

func TestParagraphs(t *testing.T) {
	in := "  One line\nstill one.\n\n\nTwo.\n \t\nThree\n"
	var got []string
	for _, sp := range Paragraphs(in) {
		got = append(got, in[sp.Start:sp.End])
	}
	want := []string{"One line\nstill one.", "Two.", "Three"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}
