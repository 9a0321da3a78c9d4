package account

import (
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

func TestTidy(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"BASRA, March 11, 2026 (Gulf Wire) - Environmental researcher Laith al-Obaidi was shot dead.", "Environmental researcher Laith al-Obaidi was shot dead."},
		{"BAGHDAD (AP) — Gunmen killed a researcher.", "Gunmen killed a researcher."},
		{"BAGHDAD — Gunmen killed a researcher.", "Gunmen killed a researcher."},
		{"By Jane Doe\nBAGHDAD (AP) — Gunmen killed a researcher.", "Gunmen killed a researcher."},
		{"By Jane Doe and John Roe, Gunmen killed a researcher.", "Gunmen killed a researcher."},
		{"the researcher Hisham al--Hashemi was killed.", "The researcher Hisham al-Hashemi was killed."},
		// a dash between words with spaces, and a short capital word, stay
		{"He left -- and never came back.", "He left -- and never came back."},
		{"US - Iran talks stalled.", "US - Iran talks stalled."},
		// a sentence that starts with "By" and no byline keeps it
		{"By Monday the talks had stalled.", "By Monday the talks had stalled."},
		{"Police  said\n\nthat", "Police said that"},
	} {
		if got := Tidy(tc.in); got != tc.want {
			t.Errorf("Tidy(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDisplayDates(t *testing.T) {
	text := "He was killed yesterday evening Monday outside his home. On Friday and in 2019 and late last month, others met. Then Monday came."
	d := &document.Document{ID: "d", Text: text}
	d.Sentences = []document.Span{{Start: 0, End: 56}, {Start: 57, End: 113}, {Start: 114, End: len(text)}}
	at := func(s string) document.Span {
		for i := 0; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return document.Span{Start: i, End: i + len(s)}
			}
		}
		t.Fatalf("%q not in text", s)
		return document.Span{}
	}
	tx := func(s, typ, value string) document.Timex {
		return document.Timex{Span: at(s), Text: s, Type: typ, Value: value}
	}
	d.Timexes = []document.Timex{
		tx("yesterday evening Monday", "TIME", "XXXX-XX-XXTEV"), // unresolved: dated by the main event
		tx("Friday", "DATE", "XXXX-WXX-5"),                      // another weekday: left alone
		tx("2019", "DATE", "2019"),                              // states its year
		tx("late last month", "DATE", "2020-06"),                // resolved: month
		tx("Monday", "DATE", "XXXX-WXX-1"),                      // not beside the main event
	}
	// the last "Monday" is the one in the third sentence
	d.Timexes[4].Span = document.Span{Start: len(text) - len("Monday came."), End: len(text) - len(" came.")}
	main := document.Date{Value: "2020-07-06", Time: time.Date(2020, 7, 6, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay}
	mainSent := map[int]bool{0: true}
	got := Display(d, document.Span{Start: 0, End: len(text)}, main, mainSent)
	want := "He was killed yesterday evening Monday [6 July 2020] outside his home. On Friday and in 2019 and late last month [June 2020], others met. Then Monday came."
	if got != want {
		t.Errorf("Display =\n%q, want\n%q", got, want)
	}
	// without the main event's date the weekday stays undated
	got = Display(d, document.Span{Start: 0, End: 56}, document.Date{}, mainSent)
	if want := "He was killed yesterday evening Monday outside his home."; got != want {
		t.Errorf("Display without a main date = %q, want %q", got, want)
	}
	// a time of day resolved against the publication date is not a
	// relative date
	d2 := &document.Document{ID: "d2", Text: "shortly after 7 p.m., police said"}
	d2.Timexes = []document.Timex{{Span: document.Span{Start: 14, End: 20}, Text: "7 p.m.", Type: "TIME", Value: "2026-03-11T19:00"}}
	if got := Display(d2, document.Span{Start: 0, End: len(d2.Text)}, document.Date{}, nil); got != "Shortly after 7 p.m., police said" {
		t.Errorf("Display = %q", got)
	}
	if got := Display(d, document.Span{Start: 5, End: 1000}, main, mainSent); got != "" {
		t.Errorf("Display of a span outside the text = %q, want empty", got)
	}
}
