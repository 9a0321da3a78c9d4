package cluster

import (
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
)

func TestMerge(t *testing.T) {
	dam := order("dam1", "dam2", "dam3", "dam4")
	tests := []struct {
		name      string
		opts      Options
		wantLen   int
		wantFirst string
	}{
		// A threshold no pair of reports reaches keeps every report apart.
		{name: "no merging", opts: Options{Threshold: 0.95}, wantLen: 4, wantFirst: "s1"},
		// Merging joins the split story back; the oldest story survives.
		{name: "merging", opts: Options{Threshold: 0.95, MergeThreshold: 0.05}, wantLen: 1, wantFirst: "s1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.opts)
			var last string
			for _, f := range dam {
				last = c.Add(f.doc())
			}
			if got := c.Len(); got != tt.wantLen {
				t.Fatalf("%d stories, want %d", got, tt.wantLen)
			}
			stories := c.Stories()
			if stories[0].ID != tt.wantFirst {
				t.Errorf("first story %s, want %s", stories[0].ID, tt.wantFirst)
			}
			if tt.wantLen == 1 {
				if len(stories[0].Docs) != 4 || last != stories[0].ID {
					t.Errorf("merged story %+v, last Add returned %s", stories[0], last)
				}
				if !stories[0].First.Equal(base) || !stories[0].Last.Equal(base.AddDate(0, 0, 2)) {
					t.Errorf("merged dates %v – %v", stories[0].First, stories[0].Last)
				}
			}
		})
	}
}

// timexDoc is an undated report on the same invented flood with a date
// written in its text.
func timexDoc(id, value string) *document.Document {
	d := tagged(&document.Document{ID: id, Title: "River Tamsel floods Orrin",
		Text: "The river Tamsel burst its banks at Orrin after a week of rain. Flood barriers failed on " + value + "."})
	d.Timexes = []document.Timex{{Type: "DATE", Value: value, Precision: document.PrecisionDay, Anchor: "absolute", Text: value}}
	return d
}

// TestDates: the words of the two reports are the same, so only the dates
// written in them can part them (as entity features, which weigh 0.3 by
// default, or as stand-in publication dates).
func TestDates(t *testing.T) {
	tests := []struct {
		name     string
		opts     Options
		a, b     string
		wantSame bool
	}{
		{"same year and month", Options{Threshold: 0.8, DateWeight: 3}, "2031-04-02", "2031-04-05", true},
		{"years apart, dates weighed heavily", Options{Threshold: 0.8, DateWeight: 3}, "2031-04-02", "2024-09-05", false},
		{"years apart, dates ignored", Options{Threshold: 0.8, DateWeight: -1}, "2031-04-02", "2024-09-05", true},
		{"text dates beyond the window", Options{Threshold: 0.3, DateWeight: -1, TextDates: true}, "2031-04-02", "2024-09-05", false},
		{"text dates inside the window", Options{Threshold: 0.3, DateWeight: -1, TextDates: true}, "2031-04-02", "2031-04-03", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.opts)
			sa, sb := c.Add(timexDoc("a", tt.a)), c.Add(timexDoc("b", tt.b))
			if (sa == sb) != tt.wantSame {
				t.Errorf("stories %s and %s, want same = %v", sa, sb, tt.wantSame)
			}
		})
	}
}

func TestInferredYearIsNoDate(t *testing.T) {
	c := New(Options{Window: 24 * time.Hour})
	a := fixtures[0].doc()
	b := fixtures[2].doc()
	// A year-precision date (as the timex stage infers for undated
	// reports) must not put the report outside the window.
	b.Published = document.Date{Value: "2029", Time: time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC), Precision: document.PrecisionYear}
	if sa, sb := c.Add(a), c.Add(b); sa != sb {
		t.Errorf("stories %s and %s: a year-only date split the story", sa, sb)
	}
}

func TestObserve(t *testing.T) {
	c := New(Options{})
	for _, f := range fixtures {
		c.Observe(f.doc())
	}
	c.Observe(nil)
	if c.Len() != 0 || c.nDocs != len(fixtures) {
		t.Fatalf("after Observe: %d stories, %d documents counted; want 0 and %d", c.Len(), c.nDocs, len(fixtures))
	}
	// "veldmoor" is in 4 of 10 titles or texts, "kessland" in 3.
	if df := c.df[c.ids["veldmoor"]]; df != 4 {
		t.Errorf("document frequency of veldmoor = %d, want 4", df)
	}
	got := map[string]string{}
	for _, f := range fixtures {
		got[f.id] = c.Add(f.doc())
	}
	checkGrouping(t, fixtures, got)
}
