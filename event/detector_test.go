package event

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// find returns the mention whose trigger text is trigger, or fails.
func findMention(t *testing.T, ms []document.EventMention, trigger string) document.EventMention {
	t.Helper()
	for _, m := range ms {
		if strings.EqualFold(m.Text, trigger) {
			return m
		}
	}
	var got []string
	for _, m := range ms {
		got = append(got, describe(m))
	}
	t.Fatalf("no mention %q among %v", trigger, got)
	return document.EventMention{}
}

// arg returns the text of the first argument of m with the role, or "".
func arg(m document.EventMention, role string) string {
	for _, a := range m.Args {
		if a.Role == role {
			return a.Text
		}
	}
	return ""
}

func TestDetect(t *testing.T) {
	rules, err := New(Options{RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	model, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, pub, trigger string
		class, polarity, modal   string
		args                     map[string]string
		absent                   []string // words that must not be triggers
	}{
		{name: "passive with by-agent and place", text: "Hisham al-Hashimi was killed by gunmen in Baghdad on Monday.", pub: "2020-07-07",
			trigger: "killed", class: document.EventOccurrence, polarity: document.PolarityPositive,
			args: map[string]string{document.ArgPatient: "Hisham al-Hashimi", document.ArgAgent: "gunmen", document.ArgPlace: "Baghdad", document.ArgTime: "Monday"}},
		{name: "shot dead: one mention, main verb", text: "The analyst was shot dead outside his home with a pistol.",
			trigger: "shot", class: document.EventOccurrence, polarity: document.PolarityPositive,
			args: map[string]string{document.ArgPatient: "The analyst", document.ArgInstrument: "a pistol"}, absent: []string{"dead"}},
		{name: "nominal with of-patient", text: "The assassination of Hisham al-Hashimi shocked Iraq.",
			trigger: "assassination", class: document.EventOccurrence, polarity: document.PolarityPositive,
			args: map[string]string{document.ArgPatient: "Hisham al-Hashimi"}},
		{name: "negation", text: "The group did not claim responsibility for the attack.",
			trigger: "claim", polarity: document.PolarityNegative},
		{name: "no subject", text: "No group has claimed responsibility for the killing.",
			trigger: "claimed", polarity: document.PolarityNegative},
		{name: "modal", text: "The prime minister's actions could bring escalation.",
			trigger: "bring", class: document.EventOccurrence, polarity: document.PolarityPositive, modal: "could"},
		{name: "reporting", text: "Officials said the raid on Kataib Hezbollah was planned for weeks.",
			trigger: "said", class: document.EventReporting, polarity: document.PolarityPositive},
		{name: "raid on", text: "Officials said the raid on Kataib Hezbollah was planned for weeks.",
			trigger: "raid", class: document.EventOccurrence, polarity: document.PolarityPositive,
			args: map[string]string{document.ArgPatient: "Kataib Hezbollah"}},
		{name: "active with object", text: "Police arrested three men in Basra.",
			trigger: "arrested", class: document.EventOccurrence, polarity: document.PolarityPositive,
			args: map[string]string{document.ArgAgent: "Police", document.ArgPatient: "three men", document.ArgPlace: "Basra"}},
		{name: "possessive patient", text: "Hashimi's death shocked his friends.",
			trigger: "death", class: document.EventOccurrence, polarity: document.PolarityPositive,
			args: map[string]string{document.ArgPatient: "Hashimi"}},
	}
	for _, tc := range tests {
		for _, x := range []struct {
			name string
			d    *Detector
		}{{"rules", rules}, {"model", model}} {
			t.Run(x.name+"/"+tc.name, func(t *testing.T) {
				d := prepare(t, "t", tc.text, tc.pub)
				if err := x.d.Annotate(context.Background(), d); err != nil {
					t.Fatal(err)
				}
				m := findMention(t, d.Events, tc.trigger)
				if tc.class != "" && m.Class != tc.class {
					t.Errorf("class %s, want %s (%s)", m.Class, tc.class, describe(m))
				}
				if tc.polarity != "" && m.Polarity != tc.polarity {
					t.Errorf("polarity %s, want %s (%s)", m.Polarity, tc.polarity, describe(m))
				}
				if m.Modality != tc.modal {
					t.Errorf("modality %q, want %q (%s)", m.Modality, tc.modal, describe(m))
				}
				for role, want := range tc.args {
					if got := arg(m, role); got != want {
						t.Errorf("%s %q, want %q (%s)", role, got, want, describe(m))
					}
				}
				for _, w := range tc.absent {
					for _, o := range d.Events {
						if o.Text == w {
							t.Errorf("%q is a mention of its own: %s", w, describe(o))
						}
					}
				}
				for _, a := range m.Args {
					if a.Role == document.ArgTime && (a.Timex < 0 || d.Timexes[a.Timex].Span != a.Span) {
						t.Errorf("time argument %q not linked to its timex (%d)", a.Text, a.Timex)
					}
				}
			})
		}
	}
}

func TestLemmatize(t *testing.T) {
	for w, want := range map[string]string{
		"killed": "kill", "said": "say", "arrested": "arrest", "raids": "raid", "stopped": "stop", "arrived": "arrive",
		"making": "make", "voted": "vote", "opened": "open", "fired": "fire", "announced": "announce", "shot": "shoot",
		"studies": "study", "continued": "continue", "used": "use", "planned": "plan", "attacks": "attack",
	} {
		if got := lemmatize(w); got != want {
			t.Errorf("lemmatize(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestAnnotateErrors(t *testing.T) {
	x, err := New(Options{RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Annotate(context.Background(), nil); err == nil {
		t.Error("nil document: no error")
	}
	d := prepare(t, "bad", "Police arrested three men.", "")
	d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: 5, End: 500}, Text: "x"})
	if err := x.Annotate(context.Background(), d); err == nil || !strings.Contains(err.Error(), "bad") {
		t.Errorf("mention outside the text: error %v, want one naming the document", err)
	}
	empty := &document.Document{ID: "empty"}
	if err := x.Annotate(context.Background(), empty); err != nil || len(empty.Events) != 0 {
		t.Errorf("empty document: %v, %d events", err, len(empty.Events))
	}
}
