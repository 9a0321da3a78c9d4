package anchor_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
	"github.com/corroborate/corroborate/timex"
)

// hashimi analyses the five reports of the killing of Hisham al-Hashimi
// (../shared/corpus/hashimi) with the whole flow; only 001 gives its
// publication date (a dateline, 12 July 2020).
func hashimi(t *testing.T) *document.Story {
	t.Helper()
	dir := shareddata.Require(t, "corpus", "hashimi")
	s, err := analysis.Analyze(context.Background(), []string{dir}, analysis.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Docs) != 5 {
		t.Fatalf("%d reports analysed, want 5", len(s.Docs))
	}
	return s
}

// doc returns the report whose id starts with prefix.
func doc(t *testing.T, s *document.Story, prefix string) *document.Document {
	t.Helper()
	for _, d := range s.Docs {
		if strings.HasPrefix(d.ID, prefix) {
			return d
		}
	}
	t.Fatalf("no report %s", prefix)
	return nil
}

func day(s string) time.Time {
	d, _ := time.Parse("2006-01-02", s)
	return d
}

func TestHashimiPublicationDates(t *testing.T) {
	s := hashimi(t)
	// 000: the killing "yesterday evening Monday", which 001 dates
	// Monday 6 July 2020: written on Tuesday 7 July
	p := doc(t, s, "000").Published
	if p.Value != "2020-07-07" || p.Precision != document.PrecisionDay || p.Source != document.SourceInferred {
		t.Errorf("000 published %+v, want 2020-07-07 (day, inferred)", p)
	}
	own, other := false, false
	for _, c := range p.Evidence {
		d, text, err := s.Resolve(c)
		if err != nil {
			t.Errorf("evidence %v: %v", c, err)
			continue
		}
		if strings.HasPrefix(d.ID, "000") && strings.Contains(text, "yesterday") {
			own = true
		}
		if !strings.HasPrefix(d.ID, "000") {
			other = true
		}
	}
	if !own || !other || p.Note == "" {
		t.Errorf("000's date should cite its \"yesterday evening Monday\" and another report, with a note: %+v", p)
	}
	// 002 ("assassinated on Monday night") and 004 ("gunned down … on
	// Monday"): at least the week, never an invented day
	for _, id := range []string{"002", "004"} {
		p := doc(t, s, id).Published
		if p.Source != document.SourceInferred {
			t.Errorf("%s published %+v, want an inferred date", id, p)
			continue
		}
		lo, hi := day(p.Earliest), day(p.Latest)
		if p.Precision == document.PrecisionDay {
			lo, hi = p.Time, p.Time
		}
		if lo.IsZero() || hi.IsZero() || hi.Sub(lo) > 6*24*time.Hour {
			t.Errorf("%s published %+v: wider than a week", id, p)
		}
		if lo.Before(day("2020-07-06")) || hi.After(day("2020-07-12")) {
			t.Errorf("%s published %s..%s, outside the week after the killing", id, lo.Format("2006-01-02"), hi.Format("2006-01-02"))
		}
		if p.Precision == document.PrecisionDay && len(p.Evidence) < 2 {
			t.Errorf("%s pinned to a day on thin evidence: %+v", id, p)
		}
	}
	// the report that gives its date keeps it
	if p := doc(t, s, "001").Published; p.Value != "2020-07-12" || p.Source == document.SourceInferred {
		t.Errorf("001's own date changed: %+v", p)
	}
}

func TestHashimiRelativeDates(t *testing.T) {
	s := hashimi(t)
	d := doc(t, s, "004")
	want := map[string]string{"June 26": "2020-06-26", "July 1": "2020-07-01"}
	wednesdays := 0
	for _, x := range d.Timexes {
		if w, ok := want[x.Text]; ok {
			if x.Value != w || x.Anchor != timex.AnchorInferredPublished {
				t.Errorf("004 %q = %s (%s), want %s on the inferred date", x.Text, x.Value, x.Anchor, w)
			}
			delete(want, x.Text)
		}
		if x.Text == "Wednesday" {
			if x.Anchor == timex.AnchorUnknown {
				continue
			}
			if x.Value != "2020-07-08" {
				t.Errorf("004 \"Wednesday\" at %d = %s, want 2020-07-08", x.Start, x.Value)
			}
			wednesdays++
		}
	}
	if len(want) > 0 {
		t.Errorf("004 lacks %v", want)
	}
	// "said on Wednesday", "on Wednesday demanded", "speaking … on
	// Wednesday": the statements after the killing
	if wednesdays < 2 {
		t.Errorf("%d of 004's \"Wednesday\" resolved, want at least 2", wednesdays)
	}
	for _, x := range doc(t, s, "000").Timexes {
		if x.Text == "yesterday evening Monday" && !strings.HasPrefix(x.Value, "2020-07-06") {
			t.Errorf("000 %q = %s, want 2020-07-06", x.Text, x.Value)
		}
	}
}
