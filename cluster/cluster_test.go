package cluster

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
)

// order returns the fixtures in the order of ids.
func order(ids ...string) []fixture {
	byID := map[string]fixture{}
	for _, f := range fixtures {
		byID[f.id] = f
	}
	out := make([]fixture, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out
}

// checkGrouping asserts that fixtures share a story exactly when they share
// an event.
func checkGrouping(t *testing.T, fs []fixture, got map[string]string) {
	t.Helper()
	for i, a := range fs {
		for _, b := range fs[i+1:] {
			same := got[a.id] == got[b.id]
			if want := a.event == b.event; same != want {
				t.Errorf("%s (%s) and %s (%s): same story = %v, want %v", a.id, got[a.id], b.id, got[b.id], same, want)
			}
		}
	}
}

func TestGrouping(t *testing.T) {
	chrono := append([]fixture(nil), fixtures...)
	sort.SliceStable(chrono, func(i, j int) bool { return chrono[i].day < chrono[j].day })
	tests := []struct {
		name   string
		stream []fixture
		layers bool // run the text stage first (tokens and sentences)
	}{
		{name: "chronological", stream: chrono},
		{name: "interleaved", stream: order("bank1", "dam1", "ferry1", "dam2", "bank2", "ferry2", "dam3", "bank3", "ferry3", "dam4")},
		{name: "one event after another", stream: order("ferry1", "ferry2", "ferry3", "dam1", "dam2", "dam3", "dam4", "bank1", "bank2", "bank3")},
		{name: "with token layer", stream: chrono, layers: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			got := map[string]string{}
			for _, f := range tt.stream {
				d := f.doc()
				if tt.layers {
					if err := text.New().Annotate(t.Context(), d); err != nil {
						t.Fatal(err)
					}
				}
				got[f.id] = c.Add(d)
			}
			checkGrouping(t, tt.stream, got)
			if n := c.Len(); n != 3 {
				t.Errorf("%d stories, want 3", n)
			}
		})
	}
}

func TestStories(t *testing.T) {
	c := New(Options{})
	for _, f := range fixtures {
		c.Add(f.doc())
	}
	stories := c.Stories()
	byFirstDoc := map[string]Story{}
	for _, s := range stories {
		byFirstDoc[s.Docs[0]] = s
	}
	dam, ok := byFirstDoc["dam1"]
	if !ok {
		t.Fatalf("no story starts with dam1: %+v", stories)
	}
	if want := []string{"dam1", "dam2", "dam3", "dam4"}; !reflect.DeepEqual(dam.Docs, want) {
		t.Errorf("dam story docs = %v, want %v", dam.Docs, want)
	}
	if !dam.First.Equal(base) || !dam.Last.Equal(base.AddDate(0, 0, 2)) {
		t.Errorf("dam story dates %v – %v, want %v – %v", dam.First, dam.Last, base, base.AddDate(0, 0, 2))
	}
	if !strings.Contains(dam.Label, "Veldmoor") || !strings.Contains(dam.Label, "dam") {
		t.Errorf("dam story label %q should name Veldmoor and the dam", dam.Label)
	}
	bank := byFirstDoc["bank1"]
	if !strings.Contains(strings.ToLower(bank.Label), "kessland") {
		t.Errorf("bank story label %q should name Kessland", bank.Label)
	}
}

func TestTimeWindow(t *testing.T) {
	tests := []struct {
		name     string
		gapDays  int
		wantSame bool
	}{
		{"same day", 0, true},
		{"inside window", 4, true},
		{"beyond window", 30, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{Window: 7 * 24 * time.Hour, DecayHalfLife: 7 * 24 * time.Hour})
			a := fixtures[0].doc()
			b := fixtures[2].doc()
			b.Published = document.DayDate(base.AddDate(0, 0, tt.gapDays), "test")
			sa, sb := c.Add(a), c.Add(b)
			if (sa == sb) != tt.wantSame {
				t.Errorf("gap %d days: stories %s and %s, want same = %v", tt.gapDays, sa, sb, tt.wantSame)
			}
		})
	}
}

func TestExpiredStoriesLeaveTheIndex(t *testing.T) {
	c := New(Options{Window: 2 * 24 * time.Hour})
	old := fixtures[0].doc()
	c.Add(old)
	// Unrelated reports move the clock far past the window.
	later := fixtures[4].doc()
	later.Published = document.DayDate(base.AddDate(0, 0, 20), "test")
	c.Add(later)
	if !c.stories[0].expired {
		t.Fatal("the dam story should have expired after 20 idle days with a 2-day window")
	}
	// A dam report dated back inside the old story's window still cannot
	// reach it: expired stories are no longer candidates.
	back := fixtures[1].doc()
	if id := c.Add(back); id == c.stories[0].id {
		t.Errorf("report joined expired story %s", id)
	}
}

func TestDeterministic(t *testing.T) {
	run := func() []Story {
		c := New(Options{})
		for _, f := range order("ferry2", "bank2", "dam3", "dam1", "ferry1", "bank1", "dam4", "ferry3", "bank3", "dam2") {
			c.Add(f.doc())
		}
		return c.Stories()
	}
	first := run()
	for i := 0; i < 5; i++ {
		if again := run(); !reflect.DeepEqual(first, again) {
			t.Fatalf("run %d differs:\n%+v\n%+v", i, first, again)
		}
	}
}

func TestOddInput(t *testing.T) {
	c := New(Options{})
	if id := c.Add(nil); id != "" {
		t.Errorf("Add(nil) = %q, want \"\"", id)
	}
	empty := c.Add(&document.Document{ID: "empty"})
	undated := c.Add(tagged(&document.Document{ID: "undated", Title: "Ferry aground off Marrow Island", Text: fixtures[7].text}))
	if empty == "" || undated == "" || empty == undated {
		t.Errorf("empty document got %q and an undated report %q: want two distinct stories", empty, undated)
	}
	// Broken layers and bytes must not panic: spans out of range, invalid
	// UTF-8, mentions without text.
	broken := &document.Document{ID: "broken", Title: "\xff\xfe", Text: "bad \xffbytes here",
		Tokens:   []document.Token{{Span: document.Span{Start: 5, End: 400}, Kind: "word"}},
		Mentions: []document.Mention{{Span: document.Span{Start: -3, End: 2}}, {Text: "  "}},
		Timexes:  []document.Timex{{Value: "20"}, {Value: "abcd-ef", Type: "DATE"}}}
	if id := c.Add(broken); id == "" {
		t.Error("a document with broken layers got no story")
	}
	// An undated report meets a dated one without any time decay.
	if id := c.Add(fixtures[8].doc()); id != undated {
		t.Errorf("dated ferry report went to %s, want the undated ferry story %s", id, undated)
	}
}
