package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// hashimiPublished are the publication dates extract would give the five
// reports: 001 from its dateline, the others as user-given dates.
var hashimiPublished = map[string]struct {
	day    string
	source string
}{
	"000": {"2020-07-07", "user"},
	"001": {"2020-07-12", "dateline"},
	"002": {"2020-07-07", "user"},
	"003": {"2020-07-09", "user"},
	"004": {"2020-07-08", "user"},
}

// loadHashimi reads the shared hashimi corpus into documents keyed by their
// three-digit prefix, tagged by the tagger.
func loadHashimi(t *testing.T) map[string]*document.Document {
	t.Helper()
	docs := map[string]*document.Document{}
	tg := New()
	for _, f := range shareddata.Corpus(t, "hashimi") {
		key := f.ID
		pub, ok := hashimiPublished[key]
		if !ok {
			continue
		}
		day, _ := time.Parse("2006-01-02", pub.day)
		d := split(t, &document.Document{ID: key, Source: f.Path, Text: f.Text, Published: document.DayDate(day, pub.source)})
		if err := tg.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		docs[key] = d
	}
	return docs
}

// find returns the timexes of d whose text equals phrase (case-insensitive).
func find(d *document.Document, phrase string) []document.Timex {
	var out []document.Timex
	for _, x := range d.Timexes {
		if strings.EqualFold(x.Text, phrase) {
			out = append(out, x)
		}
	}
	return out
}

func TestHashimi(t *testing.T) {
	docs := loadHashimi(t)
	cases := []struct {
		doc, phrase string
		// value is the expected value, or its prefix when prefix is set.
		value  string
		prefix bool
		mod    string
		prec   document.Precision
	}{
		// the killing: 2020-07-06 in every report that dates it
		{"000", "yesterday evening Monday", "2020-07-06", true, "", ""},
		{"001", "6 July 2020", "2020-07-06", false, "", document.PrecisionDay},
		{"002", "Monday night", "2020-07-06", true, "", ""},
		{"004", "Monday", "2020-07-06", false, "", document.PrecisionDay},
		// the raid on the militia headquarters
		{"004", "June 26", "2020-06-26", false, "", document.PrecisionDay},
		{"001", "Late last month", "2020-06", false, "END", document.PrecisionMonth},
		{"000", "last week", "2020-W27", false, "", document.PrecisionWeek},
		// the study's publication
		{"004", "July 1", "2020-07-01", false, "", document.PrecisionDay},
		// earlier events
		{"000", "January", "2020-01", false, "", document.PrecisionMonth},
		{"004", "January", "2020-01", false, "", document.PrecisionMonth},
		{"003", "the last three months of 2019", "2019-Q4", false, "", document.PrecisionQuarter},
		{"003", "February 2019", "2019-02", false, "", document.PrecisionMonth},
		{"003", "March 2020", "2020-03", false, "", document.PrecisionMonth},
		{"003", "September 2018", "2018-09", false, "", document.PrecisionMonth},
		{"003", "January 2020", "2020-01", false, "", document.PrecisionMonth},
		{"000", "last November", "2019-11", false, "", document.PrecisionMonth},
		{"000", "the end of last year", "2019", false, "END", document.PrecisionYear},
		{"004", "Wednesday", "2020-07-08", false, "", document.PrecisionDay},
		{"004", "this week", "2020-W28", false, "", document.PrecisionWeek},
		{"001", "Tuesday, July, 7, 2020", "2020-07-07", false, "", document.PrecisionDay},
	}
	for _, c := range cases {
		d, ok := docs[c.doc]
		if !ok {
			t.Errorf("report %s missing", c.doc)
			continue
		}
		xs := find(d, c.phrase)
		if len(xs) == 0 {
			t.Errorf("%s: no timex %q", c.doc, c.phrase)
			continue
		}
		for _, x := range xs {
			okv := x.Value == c.value || (c.prefix && strings.HasPrefix(x.Value, c.value))
			if !okv || x.Mod != c.mod || (c.prec != "" && x.Precision != c.prec) {
				t.Errorf("%s: %q = %s mod=%q prec=%q anchor=%s, want %s mod=%q prec=%q", c.doc, c.phrase, x.Value, x.Mod, x.Precision, x.Anchor, c.value, c.mod, c.prec)
			}
			if d.Text[x.Start:x.End] != x.Text {
				t.Errorf("%s: span %d-%d does not hold %q", c.doc, x.Start, x.End, x.Text)
			}
		}
	}
	// "47-year-old" and "Hashemi, 47" are ages, not times
	for k, d := range docs {
		for _, x := range d.Timexes {
			if strings.Contains(x.Text, "47") {
				t.Errorf("%s: age tagged as time: %q", k, x.Text)
			}
		}
	}
}
