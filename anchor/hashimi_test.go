package anchor_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/analysis"
	"github.com/corroborate/corroborate/anchor"
	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/hashimitest"
	"github.com/corroborate/corroborate/timex"
)

// The five reports of the killing of Hisham al-Hashimi
// (../shared/corpus/hashimi); only 001 gives its publication date (a
// dateline, 12 July 2020).

func doc(t *testing.T, s *document.Story, prefix string) *document.Document {
	t.Helper()
	return hashimitest.Doc(t, s, prefix)
}

func day(s string) time.Time {
	d, _ := time.Parse("2006-01-02", s)
	return d
}

// TestHashimiAnchoringGoldLinks runs the anchoring over the real per-report
// layers with the four events linked by hand.
func TestHashimiAnchoringGoldLinks(t *testing.T) {
	s := hashimitest.Analyze(t, analysis.Annotate)
	hashimitest.LinkByHand(t, s)
	if err := anchor.New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	checkPublished(t, s)
	checkRelative(t, s)
	dates := map[string]string{}
	for _, e := range s.Events {
		dates[e.Label] = e.Date.Value
	}
	want := map[string]string{
		"killing of Hisham al-Hashimi":        "2020-07-06",
		"raid on Kataib Hezbollah":            "2020-06-26",
		"publication of the PMF study":        "2020-07-01",
		"strike on Soleimani and al-Muhandis": "2020-01",
	}
	for label, w := range want {
		if dates[label] != w {
			t.Errorf("%s dated %q, want %s", label, dates[label], w)
		}
	}
}

// TestHashimiAnchoring checks the whole flow's output, event linker
// included.
func TestHashimiAnchoring(t *testing.T) {
	s := hashimitest.Analyze(t, analysis.Full)
	hashimitest.RequireLinkedKilling(t, s)
	checkPublished(t, s)
	checkRelative(t, s)
}

func checkPublished(t *testing.T, s *document.Story) {
	t.Helper()
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
		if strings.HasPrefix(d.ID, "001") && text == "6 July 2020" {
			other = true
		}
	}
	if !own || !other || p.Note == "" {
		t.Errorf("000's date should cite its \"yesterday evening Monday\" and 001's \"6 July 2020\", with a note: %+v", p)
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
	}
	// the report that gives its date keeps it
	if p := doc(t, s, "001").Published; p.Value != "2020-07-12" || p.Source == document.SourceInferred {
		t.Errorf("001's own date changed: %+v", p)
	}
}

func checkRelative(t *testing.T, s *document.Story) {
	t.Helper()
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
	if wednesdays < 3 {
		t.Errorf("%d of 004's \"Wednesday\" resolved, want all 3", wednesdays)
	}
	for _, x := range doc(t, s, "000").Timexes {
		if x.Text == "yesterday evening Monday" && !strings.HasPrefix(x.Value, "2020-07-06") {
			t.Errorf("000 %q = %s, want 2020-07-06", x.Text, x.Value)
		}
	}
}
