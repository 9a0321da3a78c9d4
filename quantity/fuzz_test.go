package quantity

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that any text gives quantities whose spans read
// their text, without panics.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", "4", "all but", "all but one of them", "$", "$5", "10-", "3,", "a dozen", "Of the 5", "x, 47,", "47-year-old", "between 3 and", "tens of", "1.5.6", "٣ men", "more than"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("the text stage refuses invalid UTF-8")
		}
		for _, q := range New().Extract(split(t, s)) {
			if !q.Span.Valid(len(s)) || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad quantity %+v in %q", q, s)
			}
		}
	})
}
