package quote

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// TestPrecisionFirst holds the attribution rules of issue 14 on invented
// sentences: cues that report no speech give no quote; a speaker that is
// a clause, a thing or an unresolved pronoun is left empty with a reason;
// roles carry no time or honorific; definite offices are not anonymous.
func TestPrecisionFirst(t *testing.T) {
	tests := []struct {
		name, in string
		want     []wantQuote
	}{
		{"sought to is no speech",
			`The administration has sought to limit the port's trade with the islands.`, nil},
		{"supported is no speech",
			`Omar Saleh, who supported the mayor and served on the board, left in May.`, nil},
		{"blamed is no speech",
			`Activists blamed the Saraya militia.`, nil},
		{"time cut from the speaker",
			`Harbor master Ali Noor on Wednesday said the pier would reopen in June.`,
			[]wantQuote{{"the pier would reopen in June", "Ali Noor", "Harbor master Ali Noor", "Harbor master", false, false}}},
		{"office of a place is a description, not the place",
			`The president of Norland said the pier would reopen in June.`,
			[]wantQuote{{"the pier would reopen in June", "president of Norland", "The president of Norland", "president of Norland", false, false}}},
		{"a thing is no speaker",
			`This assassination has confirmed that the campaign of threats goes on.`,
			[]wantQuote{{"that the campaign of threats goes on", "", "This assassination", "", false, false}}},
		{"unnamed source is anonymous",
			`A senior port official said the ferry would not sail.`,
			[]wantQuote{{"the ferry would not sail", "senior port official", "A senior port official", "senior port official", false, true}}},
		{"appositive name after a title",
			`The new Norland Prime Minister, Ivo Marek, vowed in a statement to rebuild the pier, saying the storm had shown its weakness.`,
			[]wantQuote{
				{"in a statement to rebuild the pier", "Ivo Marek", "Ivo Marek", "", false, false},
				{"the storm had shown its weakness", "Ivo Marek", "The new Norland Prime Minister, Ivo Marek", "new Norland Prime Minister", false, false},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExtract(t, tc.in, tc.want) })
	}
}

// TestSpeakerConfidence checks the confidence and reason of each kind of
// speaker.
func TestSpeakerConfidence(t *testing.T) {
	in := "“We will rebuild the pier,” said Mayor Karim Nasser. “It will take a year.”\n\n" +
		`He said the money would come from the port. They said the ferry was safe.`
	got := New().Extract(split(t, in))
	if len(got) != 4 {
		t.Fatalf("got %d quotes %+v, want 4", len(got), got)
	}
	for i, w := range []struct {
		speaker string
		conf    float64
		reason  string
	}{
		{"Karim Nasser", confNameRun, ""},
		{"Karim Nasser", confContinued, "continues the quote before it"},
		{"Karim Nasser", confPronoun, "pronoun “He” resolved to Karim Nasser"},
		{"", 0, "pronoun “They” not resolved"},
	} {
		g := got[i]
		if g.Speaker != w.speaker || g.SpeakerConfidence != w.conf || !strings.HasPrefix(g.SpeakerReason, w.reason) {
			t.Errorf("quote %d %q: speaker %q confidence %v reason %q, want %q %v %q…", i, g.Text, g.Speaker, g.SpeakerConfidence, g.SpeakerReason, w.speaker, w.conf, w.reason)
		}
	}
}

// TestPlaceSpeaker leaves a speaker tagged as a place empty.
func TestPlaceSpeaker(t *testing.T) {
	in := `Norland said the ferry would sail on Monday.`
	d := split(t, in)
	d.Mentions = []document.Mention{{Span: document.Span{Start: 0, End: 7}, Text: "Norland", Type: document.EntityLoc}}
	got := New().Extract(d)
	if len(got) != 1 || got[0].Speaker != "" || !strings.Contains(got[0].SpeakerReason, "names a place") {
		t.Fatalf("got %+v, want one quote with no speaker, the reason naming a place", got)
	}
}
