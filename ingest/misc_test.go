package ingest

import (
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in    string
		value string
		prec  document.Precision
		bad   bool
	}{
		{"2020-07-06", "2020-07-06", document.PrecisionDay, false},
		{"2020-07-06T21:10:00+03:00", "2020-07-06T21:10", document.PrecisionTime, false},
		{"2020-07-06T00:00:00Z", "2020-07-06T00:00", document.PrecisionTime, false},
		{"2020-07-06 00:00:00", "2020-07-06", document.PrecisionDay, false},
		{"2016-11-12 17:58:46", "2016-11-12T17:58:46", document.PrecisionTime, false},
		{"2020-07", "2020-07", document.PrecisionMonth, false},
		{"2020", "2020", document.PrecisionYear, false},
		{"July 6, 2020", "2020-07-06", document.PrecisionDay, false},
		{"6 July 2020 21:10", "2020-07-06T21:10", document.PrecisionTime, false},
		{"July 2020", "2020-07", document.PrecisionMonth, false},
		{"", "", "", true},
		{"yesterday", "", "", true},
		{"not a date at all", "", "", true},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in, "record")
		if c.bad {
			if err == nil {
				t.Errorf("ParseDate(%q) = %+v, want an error", c.in, d)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", c.in, err)
			continue
		}
		if d.Value != c.value || d.Precision != c.prec || d.Source != "record" {
			t.Errorf("ParseDate(%q) = %s/%s/%s, want %s/%s/record", c.in, d.Value, d.Precision, d.Source, c.value, c.prec)
		}
	}
}

func TestStemID(t *testing.T) {
	cases := []struct{ in, want string }{
		{"corpus/000_452d594e6cb8c48e.txt", "000_452d594e6cb8c48e"},
		{"a/b/page.html.gz", "page"},
		{"my story (final).txt", "my_story_final"},
		{"تقرير.txt", "doc"},
		{"-", "stdin"},
		{"README", "README"},
		{".profile", "profile"},
		{"v1.2.json", "v1.2"},
	}
	for _, c := range cases {
		if got := StemID(c.in); got != c.want {
			t.Errorf("StemID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDecodeHowAndWarnings(t *testing.T) {
	cases := []struct {
		name, in, ctype string
		html            bool
		enc, how        string
		warn            bool
	}{
		{"ascii", "plain", "", false, "utf-8", "utf-8", false},
		{"content-type header wins", "caf\xe9", "text/plain; charset=iso-8859-15", false, "iso-8859-15", "content-type", false},
		{"xml declaration", `<?xml version="1.0" encoding="windows-1251"?><html>` + "\xcf\xf0\xe8", "", true, "windows-1251", "meta", false},
		{"stray invalid byte in utf-8", "caf\u00e9 na\u00efve r\u00e9sum\u00e9 d\u00e9j\u00e0 vu \u00e9t\u00e9 \u00e0 \xff", "", false, "utf-8", "utf-8", true},
		{"meta unknown label", `<meta charset="klingon"><p>ok</p>`, "", true, "utf-8", "utf-8", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decode([]byte(c.in), c.ctype, c.html)
			if d.Encoding != c.enc || d.How != c.how || (d.Warning != nil) != c.warn {
				t.Errorf("Decode = %s via %s (warning %v), want %s via %s (warning %v)", d.Encoding, d.How, d.Warning, c.enc, c.how, c.warn)
			}
		})
	}
}
