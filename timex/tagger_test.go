package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	textstage "github.com/corroborate/corroborate/text"
)

// split runs the text stage over d, which writes the sentences the tagger
// reads (see Contract), and returns d.
func split(t testing.TB, d *document.Document) *document.Document {
	t.Helper()
	if err := textstage.New().Annotate(context.Background(), d); err != nil {
		t.Fatalf("text stage on %q: %v", d.Text, err)
	}
	return d
}

// tuesday is the anchor of most cases: Tuesday 7 July 2020.
var tuesday = time.Date(2020, 7, 7, 0, 0, 0, 0, time.UTC)

func TestTagValues(t *testing.T) {
	cases := []struct {
		text, phrase, typ, value, mod string
		prec                          document.Precision
	}{
		{"The mayor was killed yesterday evening Monday in Portvale.", "yesterday evening Monday", "TIME", "2020-07-06TEV", "", document.PrecisionTime},
		{"The council met on 6 July 2020 to vote.", "6 July 2020", "DATE", "2020-07-06", "", document.PrecisionDay},
		{"Crowds gathered on July 6, 2020, downtown.", "July 6, 2020", "DATE", "2020-07-06", "", document.PrecisionDay},
		{"Police were seen there Tuesday, July, 7, 2020.", "Tuesday, July, 7, 2020", "DATE", "2020-07-07", "", document.PrecisionDay},
		{"The file is dated 2020-07-06 in the archive.", "2020-07-06", "DATE", "2020-07-06", "", document.PrecisionDay},
		{"The form was signed 07/06/2020 by the clerk.", "07/06/2020", "DATE", "2020-07-06", "", document.PrecisionDay},
		{"The bridge reopened on July 1 after repairs.", "July 1", "DATE", "2020-07-01", "", document.PrecisionDay},
		{"The bridge will reopen on June 1, officials said.", "June 1", "DATE", "2021-06-01", "", document.PrecisionDay},
		{"A storm hit the port in January.", "January", "DATE", "2020-01", "", document.PrecisionMonth},
		{"The ferry sank last November near the cape.", "last November", "DATE", "2019-11", "", document.PrecisionMonth},
		{"Prices rose sharply in February 2019.", "February 2019", "DATE", "2019-02", "", document.PrecisionMonth},
		{"The mill closed in 2019.", "2019", "DATE", "2019", "", document.PrecisionYear},
		{"The town grew fast in the 1990s.", "the 1990s", "DATE", "199", "", document.PrecisionDecade},
		{"The festival returns in summer 2021.", "summer 2021", "DATE", "2021-SU", "", document.PrecisionSeason},
		{"Sales fell in the last three months of 2019.", "the last three months of 2019", "DATE", "2019-Q4", "", document.PrecisionQuarter},
		{"Workers struck late last month over pay.", "late last month", "DATE", "2020-06", "END", document.PrecisionMonth},
		{"The plan was drafted earlier this year.", "earlier this year", "DATE", "2020", "START", document.PrecisionYear},
		{"Talks stalled in mid-February.", "mid-February", "DATE", "2020-02", "MID", document.PrecisionMonth},
		{"Debt had grown since the end of last year.", "the end of last year", "DATE", "2019", "END", document.PrecisionYear},
		{"The minister resigned on Monday.", "Monday", "DATE", "2020-07-06", "", document.PrecisionDay},
		{"The minister will resign on Friday.", "Friday", "DATE", "2020-07-10", "", document.PrecisionDay},
		{"Shots were heard Monday night across the river.", "Monday night", "TIME", "2020-07-06TNI", "", document.PrecisionTime},
		{"The river flooded today.", "today", "DATE", "2020-07-07", "", document.PrecisionDay},
		{"The river flooded yesterday.", "yesterday", "DATE", "2020-07-06", "", document.PrecisionDay},
		{"The army raided the depot last week.", "last week", "DATE", "2020-W27", "", document.PrecisionWeek},
		{"The depot burned two weeks ago.", "two weeks ago", "DATE", "2020-W26", "", document.PrecisionWeek},
		{"A vote is due next month.", "next month", "DATE", "2020-08", "", document.PrecisionMonth},
		{"The siege lasted three months.", "three months", "DATE", "", "", ""},
		{"Residents gather every Monday at the square.", "every Monday", "SET", "XXXX-WXX-1", "", ""},
		{"The ferry leaves at 3:30 p.m. from the pier.", "3:30 p.m.", "TIME", "2020-07-07T15:30", "", document.PrecisionTime},
		{"Prices are rising now.", "now", "DATE", "PRESENT_REF", "", ""},
		{"The harvest was late in the third quarter of 2019.", "the third quarter of 2019", "DATE", "2019-Q3", "", document.PrecisionQuarter},
		{"He spent more than two years abroad.", "more than two years", "DURATION", "P2Y", "MORE_THAN", ""},
		{"Exports doubled over the past year.", "the past year", "DURATION", "P1Y", "", ""},
		{"The league ran from 2009-2010 in the valley.", "2010", "DATE", "2010", "", document.PrecisionYear},
		{"The dam opened in June last year.", "June last year", "DATE", "2019-06", "", document.PrecisionMonth},
		{"The polls close at 5 p.m. EST Nov. 3, officials said.", "5 p.m. EST Nov. 3", "TIME", "2020-11-03T17:00", "", document.PrecisionTime},
		{"A new tax starts next Monday.", "next Monday", "DATE", "2020-07-13", "", document.PrecisionDay},
		{"The clinic shut last Monday.", "last Monday", "DATE", "2020-07-06", "", document.PrecisionDay},
		{"Rain is forecast for the weekend.", "the weekend", "DATE", "2020-W28-WE", "", document.PrecisionWeek},
		{"The poet was born on Christmas Day, 1950.", "Christmas Day, 1950", "DATE", "1950-12-25", "", document.PrecisionDay},
		{"Grain prices peaked in the late 1970s.", "the late 1970s", "DATE", "197", "END", document.PrecisionDecade},
		{"The fort was built in the 18th century.", "the 18th century", "DATE", "17", "", ""},
		{"Output grew in the second quarter of 2019.", "the second quarter of 2019", "DATE", "2019-Q2", "", document.PrecisionQuarter},
		{"Output grew in the second half of 2019.", "the second half of 2019", "DATE", "2019-H2", "", document.PrecisionYear},
		{"The road opens by the end of the year.", "the end of the year", "DATE", "2020", "END", document.PrecisionYear},
		{"Fires spread this past weekend.", "this past weekend", "DATE", "2020-W27-WE", "", document.PrecisionWeek},
		{"The deadline was extended until Friday.", "Friday", "DATE", "2020-07-10", "", document.PrecisionDay},
		{"Talks resumed the previous Friday.", "the previous Friday", "DATE", "2020-07-03", "", document.PrecisionDay},
		{"The fair opens this coming Sunday.", "this coming Sunday", "DATE", "2020-07-12", "", document.PrecisionDay},
		{"Crops failed this past spring.", "this past spring", "DATE", "2020-SP", "", document.PrecisionSeason},
		{"Prices are high right now.", "right now", "DATE", "PRESENT_REF", "", ""},
		{"Repairs take six to eight weeks.", "six to eight weeks", "DURATION", "P6W", "EQUAL_OR_MORE", ""},
		{"The ferry takes 3-4 hours.", "3-4 hours", "DURATION", "PT3H", "EQUAL_OR_MORE", ""},
		{"Tuesday, July 7 was hot.", "Tuesday, July 7", "DATE", "2020-07-07", "", document.PrecisionDay},
	}
	tg := New()
	for _, c := range cases {
		got := tg.Tag(c.text, textstage.Sentences(c.text), tuesday)
		var found *document.Timex
		for i := range got {
			if got[i].Text == c.phrase {
				found = &got[i]
			}
		}
		if c.value == "" { // durations are checked by type only
			c.typ, c.value = "DURATION", "P3M"
		}
		if found == nil {
			t.Errorf("%q: no timex %q; got %+v", c.text, c.phrase, got)
			continue
		}
		if found.Type != c.typ || found.Value != c.value || found.Mod != c.mod || (c.prec != "" && found.Precision != c.prec) {
			t.Errorf("%q: %q = %s %s mod=%q prec=%q, want %s %s mod=%q prec=%q", c.text, c.phrase,
				found.Type, found.Value, found.Mod, found.Precision, c.typ, c.value, c.mod, c.prec)
		}
		if !strings.Contains(c.text, found.Text) || c.text[found.Start:found.End] != found.Text {
			t.Errorf("%q: span %d-%d does not hold %q", c.text, found.Start, found.End, found.Text)
		}
	}
}

func TestNotTimex(t *testing.T) {
	cases := []string{
		"The 47-year-old was a teacher.",
		"The man, 52 years old, was released.",
		"Turnout reached 2020 votes in the ward.",
		"You may go now that the rain stopped.",
		"Prices rose 1,999 points.",
		"A second attack followed.",
		"They fired 2020 rounds.",
	}
	tg := New()
	for _, c := range cases {
		for _, x := range tg.Tag(c, textstage.Sentences(c), tuesday) {
			if x.Type == "DURATION" || strings.ContainsAny(x.Text, "0123456789") {
				t.Errorf("%q: unexpected timex %q (%s %s)", c, x.Text, x.Type, x.Value)
			}
		}
	}
}

func TestUnknownAnchor(t *testing.T) {
	d := split(t, &document.Document{ID: "x", Text: "The dam broke yesterday, two days after the vote in March."})
	tg := New()
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Timexes) == 0 {
		t.Fatal("no timexes")
	}
	for _, x := range d.Timexes {
		if x.Type == "DATE" && x.Anchor != AnchorUnknown {
			t.Errorf("%q resolved against %q with no publication date: %s", x.Text, x.Anchor, x.Value)
		}
		if strings.HasPrefix(x.Value, "20") {
			t.Errorf("%q got an invented value %s", x.Text, x.Value)
		}
	}
	if !d.Published.IsZero() {
		t.Errorf("published date invented: %+v", d.Published)
	}
}

func TestInferredAnchor(t *testing.T) {
	d := split(t, &document.Document{ID: "x", Text: "The treaty was signed on 3 May 2018. Last year the border reopened."})
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Published.Source != AnchorInferred || d.Published.Precision != document.PrecisionYear {
		t.Fatalf("published = %+v, want a year inferred from the latest mention", d.Published)
	}
	check := func(run string) {
		found := false
		for _, x := range d.Timexes {
			if strings.EqualFold(x.Text, "last year") {
				found = true
				if x.Value != "2017" || x.Anchor != AnchorInferred {
					t.Errorf("%s: last year = %s (%s), want 2017 inferred", run, x.Value, x.Anchor)
				}
			}
		}
		if !found {
			t.Errorf("%s: last year not found", run)
		}
	}
	check("first run")
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	check("second run")
}

func TestAnnotateCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Annotate(ctx, split(t, &document.Document{Text: "today"})); err == nil {
		t.Error("cancelled context: want an error")
	}
	if err := New().Annotate(context.Background(), nil); err == nil {
		t.Error("nil document: want an error")
	}
	err := New().Annotate(context.Background(), &document.Document{Source: "unsplit.txt", Text: "today"})
	if err == nil || !strings.Contains(err.Error(), "unsplit.txt") || !strings.Contains(err.Error(), "text stage") {
		t.Errorf("text without sentences: err = %v, want one naming the document and the text stage", err)
	}
	if err := New().Annotate(context.Background(), &document.Document{Text: " \n"}); err != nil {
		t.Errorf("blank text: %v", err)
	}
}

func TestCoarsePublished(t *testing.T) {
	d := split(t, &document.Document{ID: "m", Text: "The port closed yesterday. Trade fell last month and in January.",
		Published: document.Date{Value: "2020-07", Time: time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionMonth, Source: "url"}})
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"yesterday": "XXXX-XX-XX", "last month": "2020-06", "January": "2020-01"}
	for _, x := range d.Timexes {
		if w, ok := want[x.Text]; ok {
			if x.Value != w {
				t.Errorf("%q = %s, want %s (publication known to the month only)", x.Text, x.Value, w)
			}
			delete(want, x.Text)
		}
	}
	for k := range want {
		t.Errorf("%q not found", k)
	}
}
