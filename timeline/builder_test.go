package timeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/text"
	"github.com/corroborate/corroborate/timex"
)

// fictionalStory builds three invented reports of one event and tags their
// time expressions.
func fictionalStory(t *testing.T) *document.Story {
	t.Helper()
	reports := []struct {
		id, outlet, text string
		pub              time.Time
	}{
		{"a", "Portvale Courier", "March 10, 2021\n\nHarbour master Tomas Veld was arrested on Monday in Portvale. The port authority had opened an inquiry in January. Dockworkers struck late last month over unpaid wages.", time.Date(2021, 3, 10, 0, 0, 0, 0, time.UTC)},
		{"b", "Coast Daily", "Portvale harbour master Tomas Velde was arrested on Monday, police said. An inquiry into the port authority began in January 2021. Ferries ran as normal today.", time.Date(2021, 3, 11, 0, 0, 0, 0, time.UTC)},
		{"c", "", "The harbour master was arrested yesterday at his home.", time.Time{}},
	}
	s := document.NewStory()
	for _, r := range reports {
		d := &document.Document{ID: r.id, Outlet: r.outlet, Text: r.text}
		if !r.pub.IsZero() {
			d.Published = document.DayDate(r.pub, "user")
		}
		annotate(t, d)
		s.Add(d)
	}
	return s
}

// annotate runs the per-document stages whose layers the timeline reads
// (text, then timex); mentions and entities are left to each test.
func annotate(t *testing.T, d *document.Document) {
	t.Helper()
	for _, st := range []pipeline.Annotator{text.New(), timex.New()} {
		if err := st.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLink(t *testing.T) {
	s := fictionalStory(t)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		date, label string
		sources     int
		word        string
	}{
		{"2021-01", "January 2021", 2, "inquiry"},
		{"2021-02", "late February 2021", 1, "Dockworkers"},
		{"2021-03-08", "8 March 2021", 2, "arrested"},
		{"2021-03-11", "11 March 2021", 1, "Ferries"},
	}
	if len(s.Timeline) != len(want) {
		for _, e := range s.Timeline {
			t.Logf("%s %q %q %v", e.Date, e.Label, e.Text, e.Sources)
		}
		t.Fatalf("got %d entries, want %d", len(s.Timeline), len(want))
	}
	for i, w := range want {
		e := s.Timeline[i]
		if e.Date != w.date || e.Label != w.label || len(e.Sources) != w.sources || !strings.Contains(e.Text, w.word) {
			t.Errorf("entry %d = %s %q %q (%d sources), want %s %q with %q (%d sources)", i, e.Date, e.Label, e.Text, len(e.Sources), w.date, w.label, w.word, w.sources)
		}
		for _, c := range e.Sources {
			_, txt, err := s.Resolve(c)
			if err != nil {
				t.Errorf("entry %d: %v", i, err)
			}
			if c.Doc == "c" {
				t.Errorf("entry %d cites the undated report", i)
			}
			if !strings.Contains(strings.ToLower(txt), strings.ToLower(w.word)) && w.sources == 1 {
				t.Errorf("entry %d: citation %q lacks %q", i, txt, w.word)
			}
		}
	}
}

func TestLinkEmpty(t *testing.T) {
	s := document.NewStory()
	s.Add(&document.Document{ID: "x", Text: "No dates here at all."})
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(s.Timeline) != 0 {
		t.Errorf("timeline = %+v, want empty", s.Timeline)
	}
	if err := New().Link(context.Background(), nil); err == nil {
		t.Error("nil story: want an error")
	}
}

func TestLinkEntities(t *testing.T) {
	s := fictionalStory(t)
	for _, d := range s.Docs {
		for _, name := range []string{"Tomas Veld", "Tomas Velde"} {
			if i := strings.Index(d.Text, name+" "); i >= 0 {
				d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: i, End: i + len(name)}, Text: name, Type: document.EntityPerson, Entity: "person-1"})
			}
		}
		if i := strings.Index(d.Text, "Portvale"); i >= 0 {
			d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: i, End: i + 8}, Text: "Portvale", Type: document.EntityLoc})
		}
	}
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	for _, e := range s.Timeline {
		if e.Date != "2021-03-08" {
			continue
		}
		if len(e.Entities) == 0 || e.Entities[0] != "person-1" {
			t.Errorf("arrest entry entities = %v, want person-1 first", e.Entities)
		}
		for _, x := range e.Entities[1:] {
			if x == "person-1" {
				t.Errorf("entity listed twice: %v", e.Entities)
			}
		}
		return
	}
	t.Error("no entry for 8 March 2021")
}

func TestClauseOf(t *testing.T) {
	text := "The mill shut in 2001; the bakery closed in May 2004; the school moved in 2010."
	sp := document.Span{Start: 0, End: len(text)}
	x := strings.Index(text, "May 2004")
	got := clauseOf(text, sp, document.Span{Start: x, End: x + len("May 2004")})
	if want := "the bakery closed in May 2004"; text[got.Start:got.End] != want {
		t.Errorf("clause = %q, want %q", text[got.Start:got.End], want)
	}
	plain := "The mill shut in 2001."
	if got := clauseOf(plain, document.Span{Start: 0, End: len(plain)}, document.Span{Start: 17, End: 21}); got.End != len(plain) {
		t.Errorf("sentence without clauses narrowed to %v", got)
	}
}

func TestLinkSentenceCutsExpression(t *testing.T) {
	d := &document.Document{ID: "cut", Text: "The levee was finished on Sept. 30, 2019 by the army corps."}
	d.Published = document.DayDate(time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), "user")
	annotate(t, d)
	// a splitter that wrongly ends a sentence after "Sept."
	cut := strings.Index(d.Text, "Sept.") + len("Sept.")
	d.Sentences = []document.Span{{Start: 0, End: cut}, {Start: cut + 1, End: len(d.Text)}}
	s := document.NewStory()
	s.Add(d)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(s.Timeline) != 1 || s.Timeline[0].Date != "2019-09-30" {
		t.Fatalf("timeline = %+v", s.Timeline)
	}
	if _, txt, err := s.Resolve(s.Timeline[0].Sources[0]); err != nil || !strings.Contains(txt, "Sept. 30, 2019") {
		t.Errorf("citation %q (%v) does not hold the date", txt, err)
	}
}

func TestLinkBadSpans(t *testing.T) {
	d := &document.Document{ID: "bad", Text: "Short text here."}
	d.Timexes = []document.Timex{
		{Span: document.Span{Start: 5, End: 99}, Type: "DATE", Value: "2020-01-01"},
		{Span: document.Span{Start: 9, End: 3}, Type: "DATE", Value: "2020-01-01"},
	}
	d.Sentences = []document.Span{{Start: 0, End: 50}}
	s := document.NewStory()
	s.Add(d)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(s.Timeline) != 0 {
		t.Errorf("entries from invalid spans: %+v", s.Timeline)
	}
}

func TestIsDateline(t *testing.T) {
	tests := []struct {
		text, date string
		want       bool
	}{
		{"MOSUL, May 3, 2024 (Lake Wire) - A bridge collapsed on Friday.", "May 3, 2024", true},
		{"May 3 (Lake Wire) — A bridge collapsed.", "May 3", true},
		{"The bridge collapsed on May 3, 2024 - engineers said.", "May 3, 2024", false},
		{"On May 3 the bridge collapsed.", "May 3", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.date)
		got := isDateline(tt.text, document.Span{Start: 0, End: len(tt.text)}, document.Span{Start: i, End: i + len(tt.date)})
		if got != tt.want {
			t.Errorf("isDateline(%q) = %v; want %v", tt.text, got, tt.want)
		}
	}
}

func TestBoundsPeriod(t *testing.T) {
	tests := []struct {
		text, date string
		want       bool
	}{
		{"About 200 journalists have been killed in Iraq since 2003.", "2003", true},
		{"Since January the militia has fired rockets.", "January", true},
		{"The curfew holds until Friday.", "Friday", true},
		{"He was shot dead in 2019 by snipers.", "2019", false},
		{"The raid took place on June 26.", "June 26", false},
		{"2003 was the year of the invasion.", "2003", false},
		{"Parliament met in sincere mood on Monday.", "Monday", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.date)
		got := boundsPeriod(tt.text, document.Span{Start: 0, End: len(tt.text)}, document.Span{Start: i, End: i + len(tt.date)})
		if got != tt.want {
			t.Errorf("boundsPeriod(%q, %q) = %v; want %v", tt.text, tt.date, got, tt.want)
		}
	}
}

func TestBareClock(t *testing.T) {
	for text, want := range map[string]bool{
		"7 p.m.": true, "shortly after 7 p.m.": true, "10:30": true, "the evening": true, "midnight": true,
		"Monday night": false, "yesterday evening": false, "July 6 at 7 p.m.": false,
	} {
		if got := bareClock.MatchString(text); got != want {
			t.Errorf("bareClock(%q) = %v; want %v", text, got, want)
		}
	}
}

func TestMarkRoles(t *testing.T) {
	day := func(y, m, d int, docs ...string) *entry {
		e := &entry{period: mustPeriod(t, fmt.Sprintf("%04d-%02d-%02d", y, m, d)), docs: map[string]bool{}}
		for i, id := range docs {
			e.docs[id] = true
			e.cites = append(e.cites, document.Citation{Doc: id, Start: 100 * (i + 1)})
		}
		return e
	}
	month := func(y, m int) *entry {
		return &entry{period: mustPeriod(t, fmt.Sprintf("%04d-%02d", y, m)), docs: map[string]bool{"a": true}}
	}
	entries := []*entry{
		month(2020, 1),            // an earlier strike
		day(2020, 6, 26, "a"),     // the raid
		day(2020, 7, 6, "a", "b"), // the killing, told by two reports
		month(2020, 7),            // "in July": contains the killing
		day(2020, 7, 8, "c"),      // the aftermath
	}
	got := markRoles(entries)
	want := []string{document.RoleBackground, document.RoleBackground, document.RoleMain, document.RoleMain, document.RoleMain}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: role %q; want %q", i, got[i], want[i])
		}
	}
	if roles := markRoles([]*entry{month(2020, 1)}); roles[0] != "" {
		t.Errorf("without a day-dated entry no role may be given, got %q", roles[0])
	}
}

func mustPeriod(t *testing.T, v string) timex.Period {
	t.Helper()
	p, err := ParsePeriod(v)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLinkPlacesBadValues checks that a time expression whose value cannot
// be read becomes a problem placed at the expression, while unresolved
// values and durations are skipped quietly.
func TestLinkPlacesBadValues(t *testing.T) {
	text := "The harbour council met in Smarch to vote on the new port fees. Dockers struck for three weeks at the southern quay. The mayor spoke sometime in July about the ferry."
	at := func(phrase, value, typ string) document.Timex {
		i := strings.Index(text, phrase)
		return document.Timex{Span: document.Span{Start: i, End: i + len(phrase)}, Text: phrase, Type: typ, Value: value}
	}
	d := &document.Document{ID: "a", Source: "a.txt", Text: text, Timexes: []document.Timex{
		at("Smarch", "2020-13", "DATE"),
		at("three weeks", "P3W", "DURATION"),
		at("July", "XXXX-07", "DATE"),
	}}
	s := document.NewStory()
	s.Add(d)
	if err := New().Link(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	ps := s.AllProblems()
	if len(ps) != 1 {
		t.Fatalf("problems = %v, want one", ps)
	}
	p := ps[0]
	if p.Span == nil || text[p.Span.Start:p.Span.End] != "Smarch" || p.Stage != "timeline" || !strings.Contains(p.Err.Error(), `"2020-13"`) {
		t.Errorf("problem = %v (span %v), want it placed on Smarch naming the value", p, p.Span)
	}
	if len(s.Timeline) != 0 {
		t.Errorf("timeline = %+v, want empty", s.Timeline)
	}
}
