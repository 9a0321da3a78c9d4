package anchor

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// The reports below are invented for these tests: the mayor of the
// fictional town of Veldmoor is killed on Monday 10 March 2031.

// mention names an event mention of a test report: its trigger, the event
// it belongs to and its time expression (both by their first occurrence in
// the text; when empty, no time argument).
type mention struct {
	trigger, event, when string
}

// report builds an annotated document: the text and timex stages run over
// it, then the event mentions are added by hand.
func report(t *testing.T, id, body, published string, ms ...mention) *document.Document {
	t.Helper()
	d := &document.Document{ID: id, Source: id + ".txt", Text: body}
	if published != "" {
		day, err := time.Parse("2006-01-02", published)
		if err != nil {
			t.Fatal(err)
		}
		d.Published = document.DayDate(day, "dateline")
	}
	ctx := context.Background()
	if err := text.New().Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	tg := timex.New()
	tg.InferAnchor = false
	if err := tg.Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		i := strings.Index(body, m.trigger)
		if i < 0 {
			t.Fatalf("%s: no trigger %q", id, m.trigger)
		}
		em := document.EventMention{Span: document.Span{Start: i, End: i + len(m.trigger)}, Text: m.trigger,
			Class: document.EventOccurrence, Polarity: document.PolarityPositive, Event: m.event, Confidence: 1}
		em.Sentence = sentenceIndex(d.Sentences, em.Span)
		if m.when != "" {
			xi := -1
			for k, x := range d.Timexes {
				if x.Text == m.when {
					xi = k
					break
				}
			}
			if xi < 0 {
				t.Fatalf("%s: no time expression %q among %v", id, m.when, d.Timexes)
			}
			em.Args = append(em.Args, document.EventArg{Role: document.ArgTime, Span: d.Timexes[xi].Span, Text: m.when, Timex: xi})
		}
		d.Events = append(d.Events, em)
	}
	return d
}

// story gathers the reports and builds Story.Events from their mentions'
// event ids.
func story(docs ...*document.Document) *document.Story {
	s := document.NewStory()
	for _, d := range docs {
		s.Add(d)
	}
	idx := map[string]int{}
	for _, d := range docs {
		for _, m := range d.Events {
			i, ok := idx[m.Event]
			if !ok {
				i = len(s.Events)
				idx[m.Event] = i
				s.Events = append(s.Events, document.Event{ID: m.Event, Label: m.Event})
			}
			e := &s.Events[i]
			e.Mentions = append(e.Mentions, document.EventRef{Citation: document.Citation{Doc: d.ID, Start: m.Start, End: m.End}, Text: m.Text})
		}
	}
	return s
}

func link(t *testing.T, s *document.Story) {
	t.Helper()
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

func timexNamed(d *document.Document, text string) document.Timex {
	for _, x := range d.Timexes {
		if x.Text == text {
			return x
		}
	}
	return document.Timex{}
}

func event(s *document.Story, id string) document.Event {
	for _, e := range s.Events {
		if e.ID == id {
			return e
		}
	}
	return document.Event{}
}

const datedReport = "Gunmen killed the mayor of Veldmoor on 10 March 2031 outside the town hall."

func TestYesterdayPinsTheDay(t *testing.T) {
	a := report(t, "a", datedReport, "2031-03-14", mention{"killed", "killing", "10 March 2031"})
	b := report(t, "b", "The mayor of Veldmoor was shot dead yesterday evening outside the town hall. His deputy resigned last week.", "",
		mention{"shot dead", "killing", "yesterday evening"})
	s := story(a, b)
	link(t, s)
	if got := event(s, "killing").Date; got.Value != "2031-03-10" || got.Precision != document.PrecisionDay {
		t.Errorf("killing datedReport %+v, want 2031-03-10 (day)", got)
	}
	p := b.Published
	if p.Value != "2031-03-11" || p.Precision != document.PrecisionDay || p.Source != document.SourceInferred {
		t.Fatalf("b published %+v, want 2031-03-11 (day, inferred)", p)
	}
	if p.Earliest != "" || p.Latest != "" {
		t.Errorf("a day needs no interval: %+v", p)
	}
	docs := map[string]bool{}
	for _, c := range p.Evidence {
		docs[c.Doc] = true
	}
	if !docs["a"] || !docs["b"] {
		t.Errorf("evidence %v should cite both reports", p.Evidence)
	}
	if !strings.Contains(p.Note, "yesterday evening") || !strings.Contains(p.Note, "2031-03-10") {
		t.Errorf("note %q", p.Note)
	}
	lw := timexNamed(b, "last week")
	if lw.Value != "2031-W10" || lw.Anchor != timex.AnchorInferredPublished {
		t.Errorf("\"last week\" resolved to %+v, want 2031-W10 on the inferred date", lw)
	}
	if !a.Published.Equal(document.DayDate(time.Date(2031, 3, 14, 0, 0, 0, 0, time.UTC), "dateline")) {
		t.Errorf("a given date changed: %+v", a.Published)
	}
}

func TestWeekdayGivesAWeekNotADay(t *testing.T) {
	a := report(t, "a", datedReport, "2031-03-14", mention{"killed", "killing", "10 March 2031"})
	b := report(t, "b", "The mayor of Veldmoor was killed on Monday outside the town hall. A suspect was arrested on Thursday. Schools close on Friday.", "",
		mention{"killed", "killing", "Monday"})
	s := story(a, b)
	link(t, s)
	p := b.Published
	if p.Source != document.SourceInferred || p.Precision != document.PrecisionWeek {
		t.Fatalf("b published %+v, want a week, inferred", p)
	}
	if p.Earliest != "2031-03-10" || p.Latest != "2031-03-16" || p.Value != "2031-W11" {
		t.Errorf("interval %s..%s value %s, want 2031-03-10..2031-03-16, 2031-W11", p.Earliest, p.Latest, p.Value)
	}
	// "Thursday" names 6 or 13 March depending on the day of writing:
	// no day may be invented for it
	if th := timexNamed(b, "Thursday"); th.Anchor == timex.AnchorInferredPublished {
		t.Errorf("\"Thursday\" resolved to %s on a week-wide date", th.Value)
	}
}

func TestReactionNarrowsTheWeek(t *testing.T) {
	a := report(t, "a", datedReport, "2031-03-14", mention{"killed", "killing", "10 March 2031"})
	b := report(t, "b", "The council on Wednesday demanded an inquiry into the killing of the mayor. The mayor was shot on Monday outside the town hall.", "",
		mention{"killing", "killing", ""}, mention{"shot", "killing", "Monday"})
	s := story(a, b)
	link(t, s)
	p := b.Published
	if p.Earliest != "2031-03-12" || p.Latest != "2031-03-16" || p.Precision != document.PrecisionWeek {
		t.Fatalf("b published %+v, want 2031-03-12..2031-03-16 (the Wednesday after the killing onward)", p)
	}
	if w := timexNamed(b, "Wednesday"); w.Value != "2031-03-12" || w.Anchor != timex.AnchorInferredPublished {
		t.Errorf("\"Wednesday\" = %+v, want 2031-03-12", w)
	}
}

func TestConflictingWeekdayIsADisagreement(t *testing.T) {
	a := report(t, "a", datedReport, "2031-03-14", mention{"killed", "killing", "10 March 2031"})
	b := report(t, "b", "The mayor of Veldmoor was killed on Sunday outside the town hall.", "",
		mention{"killed", "killing", "Sunday"})
	s := story(a, b)
	link(t, s)
	if !b.Published.IsZero() {
		t.Errorf("b published %+v from a contradicted anchor", b.Published)
	}
	if len(b.Problems) == 0 || !strings.Contains(b.Problems[0].Error(), "Sunday") {
		t.Errorf("problems %v, want one naming \"Sunday\"", b.Problems)
	}
	found := false
	for _, d := range s.Disagreements {
		if strings.Contains(d.About, "killing") && len(d.Values) == 2 && d.Values[1].Value == "Sunday" && d.Values[0].Value == "2031-03-10" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Monday-vs-Sunday disagreement in %+v", s.Disagreements)
	}
	if got := event(s, "killing").Date.Value; got != "2031-03-10" {
		t.Errorf("killing datedReport %q, want the absolute date to stand", got)
	}
}

func TestGivenDatesWinAndConflictsShow(t *testing.T) {
	a := report(t, "a", datedReport, "2031-03-14", mention{"killed", "killing", "10 March 2031"})
	b := report(t, "b", "The mayor was killed on 11 March 2031 in Veldmoor.", "2031-03-12", mention{"killed", "killing", "11 March 2031"})
	c := report(t, "c", "Mourners gathered after the mayor was killed on 10 March 2031.", "2031-03-13", mention{"killed", "killing", "10 March 2031"})
	s := story(a, b, c)
	link(t, s)
	e := event(s, "killing")
	if e.Date.Value != "2031-03-10" || len(e.DateSources) != 2 {
		t.Errorf("killing datedReport %+v from %v, want 2031-03-10 from two reports", e.Date, e.DateSources)
	}
	if b.Published.Source != "dateline" || b.Published.Value != "2031-03-12" {
		t.Errorf("a given publication date was changed: %+v", b.Published)
	}
	if len(s.Disagreements) != 1 || len(s.Disagreements[0].Values) != 2 {
		t.Fatalf("disagreements %+v, want one with two values", s.Disagreements)
	}
	if len(b.Problems) != 1 {
		t.Errorf("b problems %v, want the conflicting date", b.Problems)
	}
}

func TestSinceDatesNoEvent(t *testing.T) {
	b := report(t, "b", "Journalists have been killed in Veldmoor since 2003.", "2031-03-12", mention{"killed", "killings", "2003"})
	s := story(b)
	link(t, s)
	if d := event(s, "killings").Date; !d.IsZero() {
		t.Errorf("\"since 2003\" datedReport the event: %+v", d)
	}
}

func TestNoEvents(t *testing.T) {
	b := report(t, "b", "The mayor was killed on Monday.", "")
	s := story(b)
	link(t, s)
	if !b.Published.IsZero() || len(s.Disagreements) != 0 {
		t.Errorf("a story without events changed: %+v %+v", b.Published, s.Disagreements)
	}
	if err := New().Link(context.Background(), nil); err == nil {
		t.Error("nil story: want an error")
	}
}

func TestReaches(t *testing.T) {
	for _, c := range []struct {
		text, trigger, when string
		want                string
	}{
		{"Police on Wednesday described the raid as lawful.", "raid", "Wednesday", "no"},
		{"The raid on Wednesday left two dead.", "raid", "Wednesday", "yes"},
		{"Wednesday's raid left two dead.", "raid", "Wednesday", "yes"},
		{"Gunmen on Wednesday raided the depot.", "raided", "Wednesday", "yes"},
		{"He demanded justice on Wednesday for Hashimi's killing.", "killing", "Wednesday", "no"},
	} {
		m := strings.Index(c.text, c.trigger)
		x := strings.Index(c.text, c.when)
		got := reaches(c.text, document.Span{Start: m, End: m + len(c.trigger)}, document.Span{Start: x, End: x + len(c.when)})
		if got != (c.want == "yes") {
			t.Errorf("%q: %q reaches %q = %v", c.text, c.when, c.trigger, got)
		}
	}
}

func TestInterval(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse("2006-01-02", s); return v }
	days := func(from, to string) []time.Time {
		var out []time.Time
		for t := d(from); !t.After(d(to)); t = t.AddDate(0, 0, 1) {
			out = append(out, t)
		}
		return out
	}
	for _, c := range []struct {
		from, to, value string
		prec            document.Precision
		ok              bool
	}{
		{"2020-07-07", "2020-07-07", "2020-07-07", document.PrecisionDay, true},
		{"2020-07-06", "2020-07-12", "2020-W28", document.PrecisionWeek, true},
		{"2020-07-07", "2020-07-13", "2020-07", document.PrecisionWeek, true},
		{"2020-06-29", "2020-07-05", "2020-W27", document.PrecisionWeek, true},
		{"2020-06-03", "2020-06-30", "2020-06", document.PrecisionMonth, true},
		{"2020-01-01", "2020-12-31", "2020", document.PrecisionYear, true},
		{"2020-12-20", "2021-01-20", "", "", false},
	} {
		got, ok := interval(days(c.from, c.to))
		if ok != c.ok || ok && (got.Value != c.value || got.Precision != c.prec) {
			t.Errorf("%s..%s: %+v %v, want %s %s", c.from, c.to, got, ok, c.value, c.prec)
		}
		if ok && c.from != c.to && (got.Earliest != c.from || got.Latest != c.to) {
			t.Errorf("%s..%s: bounds %s..%s", c.from, c.to, got.Earliest, got.Latest)
		}
	}
}

func TestNearestMentionOwnsTheTime(t *testing.T) {
	a := report(t, "a", datedReport, "2031-03-14", mention{"killed", "killing", "10 March 2031"})
	// the event stage gave "Wednesday" to the demand and to the killing:
	// it dates the demand, so it says nothing about the killing's day
	b := report(t, "b", "The governor on Wednesday demanded justice for the killing of the mayor, who was shot on Monday outside the town hall.", "",
		mention{"demanded", "demand", "Wednesday"}, mention{"killing", "killing", "Wednesday"})
	s := story(a, b)
	link(t, s)
	if len(b.Problems) > 0 {
		t.Errorf("problems %v: \"Wednesday\" was read as the killing's day", b.Problems)
	}
	// "on Monday", given to no mention, is read as the killing's time
	// (weak evidence), and the demand followed the killing
	p := b.Published
	if p.Source != document.SourceInferred || p.Earliest != "2031-03-12" || p.Latest != "2031-03-16" {
		t.Errorf("b published %+v, want 2031-03-12..2031-03-16 inferred", p)
	}
	if w := timexNamed(b, "Wednesday"); w.Value != "2031-03-12" {
		t.Errorf("\"Wednesday\" = %+v", w)
	}
}

func TestWeakerAnchorSetAside(t *testing.T) {
	a := report(t, "a", datedReport+" The council had met in February 2031.", "2031-03-14",
		mention{"killed", "killing", "10 March 2031"}, mention{"met", "meeting", "February 2031"})
	// "last week" for a meeting a dates to February does not fit the day
	// "yesterday" pins
	b := report(t, "b", "The mayor of Veldmoor was killed yesterday. The council met last week.", "",
		mention{"killed", "killing", "yesterday"}, mention{"met", "meeting", "last week"})
	s := story(a, b)
	link(t, s)
	if b.Published.Value != "2031-03-11" {
		t.Errorf("b published %+v, want 2031-03-11", b.Published)
	}
	if len(b.Problems) != 0 {
		t.Errorf("problems %v: a weaker anchor set aside is no problem", b.Problems)
	}
	if len(s.Disagreements) != 1 || !strings.Contains(s.Disagreements[0].About, "meeting") {
		t.Errorf("disagreements %+v, want one about the meeting's date", s.Disagreements)
	}
}

func TestBareClock(t *testing.T) {
	for text, want := range map[string]bool{
		"7 p.m.": true, "that evening": true, "shortly after 7 p.m.": true,
		"yesterday evening Monday": false, "Monday night": false, "10 p.m. on 6 July 2020": false, "tonight": false,
	} {
		if got := bareClock(document.Timex{Type: "TIME", Text: text}); got != want {
			t.Errorf("bareClock(%q) = %v", text, got)
		}
	}
	if bareClock(document.Timex{Type: "DATE", Text: "the evening"}) {
		t.Error("a DATE is no clock time")
	}
}

// typed gives each event of s the type t (as a linker would).
func typed(s *document.Story, t string) {
	for i := range s.Events {
		s.Events[i].Type = t
	}
}

func TestLeadDatesTheMainEvent(t *testing.T) {
	// the linker kept a's dated lead apart from the killing b and c tell
	a := report(t, "a", "The killing of the Veldmoor official on 10 March 2031 shocked the town. The mayor was killed outside the town hall.", "2031-03-14",
		mention{"killing", "lead", "10 March 2031"}, mention{"killed", "killing", ""})
	b := report(t, "b", "The mayor of Veldmoor was killed yesterday evening outside the town hall.", "", mention{"killed", "killing", "yesterday evening"})
	c := report(t, "c", "Mourners gathered after the mayor was killed.", "", mention{"killed", "killing", ""})
	s := story(a, b, c)
	typed(s, "killing")
	link(t, s)
	if b.Published.Value != "2031-03-11" {
		t.Errorf("b published %+v, want 2031-03-11 from a's lead", b.Published)
	}
	if e := event(s, "killing"); e.Date.Value != "2031-03-10" || len(e.DateSources) == 0 || e.DateSources[0].Doc != "a" {
		t.Errorf("killing dated %+v from %v, want 2031-03-10 from a's lead", e.Date, e.DateSources)
	}
	if e := event(s, "lead"); !e.Date.IsZero() || a.Events[0].Event != "lead" {
		t.Errorf("the lead's own event keeps its mention and loses its date: %+v", e)
	}
}

func TestLeadOfAnotherKindStaysApart(t *testing.T) {
	a := report(t, "a", "The flooding of the Veldmoor valley on 2 March 2031 closed roads. The mayor was killed outside the town hall.", "2031-03-14",
		mention{"flooding", "flood", "2 March 2031"}, mention{"killed", "killing", ""})
	b := report(t, "b", "The mayor of Veldmoor was killed yesterday evening outside the town hall.", "", mention{"killed", "killing", "yesterday evening"})
	c := report(t, "c", "Mourners gathered after the mayor was killed.", "", mention{"killed", "killing", ""})
	s := story(a, b, c)
	for i := range s.Events {
		s.Events[i].Type = s.Events[i].ID
	}
	link(t, s)
	if !b.Published.IsZero() || !event(s, "killing").Date.IsZero() {
		t.Errorf("a flood dated a killing: b published %+v", b.Published)
	}
}
