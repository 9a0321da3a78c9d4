package timex

import (
	"testing"
	"time"
)

// FuzzTag checks that any input gives spans inside the text and no panic
// (go test -fuzz FuzzTag ./timex/ explores further).
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"", "2020-", "07/06/", "the last three months of", "July, 7,", "\xff\xfe Monday",
		"12:", "a.m. p.m.", "the 26th of", "'90s", "mid-", "every other", "Q5 2019",
		"47-year-old", "until 9 a.m. Tuesday", "yesterday evening Monday",
	} {
		f.Add(s)
	}
	tg := New()
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range []time.Time{{}, tuesday} {
			for _, x := range tg.Tag(s, nil, a) {
				if !x.Span.Valid(len(s)) || x.Start >= x.End || s[x.Start:x.End] != x.Text {
					t.Fatalf("%q: bad span %+v", s, x)
				}
				if x.Value == "" {
					t.Fatalf("%q: empty value for %q", s, x.Text)
				}
			}
		}
	})
}
