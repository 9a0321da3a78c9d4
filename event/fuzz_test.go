package event

import (
	"context"
	"testing"
	"unicode/utf8"
)

// FuzzDetect runs the text, NER, timex and event stages on arbitrary text:
// no panic, every mention and argument a valid span of the text, time
// arguments linked to their timex.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"Hisham al-Hashimi was killed by gunmen in Baghdad on Monday.",
		"No group has claimed responsibility; it could bring escalation (officials said).",
		"'s 's , , was was by by of of",
		"“Killed,” he said — killed? Killed! did n't … on June 26 since 2003",
		"",
	} {
		f.Add(s)
	}
	x, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 2000 {
			return
		}
		d := prepare(t, "fuzz", s, "2020-07-08")
		if err := x.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, m := range d.Events {
			if !m.Span.Valid(len(d.Text)) || d.Text[m.Start:m.End] != m.Text || m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
				t.Fatalf("bad mention %+v", m)
			}
			for _, a := range m.Args {
				if !a.Span.Valid(len(d.Text)) || d.Text[a.Start:a.End] != a.Text {
					t.Fatalf("bad argument %+v of %q", a, m.Text)
				}
				if (a.Role == "time") != (a.Timex >= 0) || a.Timex >= len(d.Timexes) {
					t.Fatalf("bad timex link %+v", a)
				}
			}
		}
	})
}
