package quote

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that any text gives quotes with valid spans, without
// panics.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", "\"", "“", "”", "\"\"", "''", "\"a b c d\" said", "said \"", ", said X", "according to", "X, who, said", "\n\n\"a\n\n\"b", "He said. \"x y z w,\" he said.", "in a poll, a b c d", "x y z, a said, adding", "\"a b c d,\" he said, citing", "47 percent said", "A and said a b c", "x x x x in the poll"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("the text stage refuses invalid UTF-8")
		}
		for _, q := range New().Extract(split(t, s)) {
			if !q.Span.Valid(len(s)) || !q.Content.Valid(len(s)) || !q.SpeakerSpan.Valid(len(s)) || s[q.Content.Start:q.Content.End] != q.Text {
				t.Fatalf("bad quote %+v in %q", q, s)
			}
		}
	})
}
