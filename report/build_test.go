package report_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
	"github.com/corroborate/corroborate/report/internal/fixture"
	"github.com/corroborate/corroborate/timex"
)

func TestBuildReliesOn(t *testing.T) {
	o := report.Build(fixture.Story(""), "test")
	got := map[string][]string{}
	for _, d := range o.Documents {
		for _, r := range d.ReliesOn {
			if r.From != d.ID {
				t.Errorf("%s relies on a link from %s", d.ID, r.From)
			}
			got[d.ID] = append(got[d.ID], r.To+r.Outlet)
		}
	}
	want := map[string]string{"harbor-daily": "Port Radio", "coast-news": "harbor-daily,Bay Wire"}
	for id, w := range want {
		if g := strings.Join(got[id], ","); g != w {
			t.Errorf("%s relies on %q, want %q", id, g, w)
		}
	}
}

func TestBuildProblemsInDocumentOrder(t *testing.T) {
	o := report.Build(fixture.Story(""), "test")
	type row struct {
		doc, stage string
		at         string // the text the problem points at, "" if not placed
	}
	var got []row
	for _, p := range o.Problems {
		r := row{doc: p.Doc, stage: p.Stage}
		if c, ok := p.Citation(); ok {
			txt, err := o.Resolve(c)
			if err != nil {
				t.Fatalf("problem %+v: %v", p, err)
			}
			r.at = txt
		}
		got = append(got, r)
	}
	want := []row{
		{"", "ingest", ""},                    // an input that never became a document
		{"harbor-daily", "extract", ""},       // first document, the whole of it
		{"harbor-daily", "quote", "Ana Ruiz"}, // then placed problems
		{"coast-news", "timeline", "last winter"},
	}
	if len(got) != len(want) {
		t.Fatalf("problems %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	sp := fixture.Span(fixture.TextA, "Ana Ruiz")
	want1 := fmt.Sprintf("extract: no publication time; quote [%d,%d): speaker cut short", sp.Start, sp.End)
	if d := o.Doc("harbor-daily"); d == nil || strings.Join(d.Problems, "; ") != want1 {
		t.Errorf("document problems = %q, want %q", d.Problems, want1)
	}
}

func TestBuildSpeakers(t *testing.T) {
	o := report.Build(fixture.Story(""), "test")
	var got []string
	for _, sp := range o.Speakers {
		var qs []string
		for _, q := range sp.Quotes {
			qs = append(qs, q.Doc+":"+q.Text)
		}
		got = append(got, sp.Name+"="+strings.Join(qs, "|"))
	}
	want := []string{
		// the entity's two spellings in one group, most quotes first
		"Ana Ruiz=harbor-daily:We were lucky,|coast-news:worked as it should",
		// the same unresolved speaker whatever the case and spacing
		"the harbour office=harbor-daily:Two workers were hurt|coast-news:Three workers were injured",
		report.Unattributed + "=coast-news:Dockers marched",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("speakers:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if o.Speakers[0].Entity != "E1" || !o.Speakers[1].Attributed || o.Speakers[2].Attributed {
		t.Errorf("speaker entity/attribution wrong: %+v", o.Speakers)
	}
}

func TestBuildTimelinePeriods(t *testing.T) {
	s := fixture.Story("")
	s.Timeline = append(s.Timeline, document.TimelineEntry{Date: "XXXX-07", Label: "some July", Sources: s.Timeline[0].Sources})
	o := report.Build(s, "test")
	want := []struct {
		grain      timex.Grain
		start, end string
	}{
		{timex.GrainHalf, "2030-07-01", "2031-01-01"},
		{timex.GrainSeason, "2030-12-01", "2031-03-01"},
		{timex.GrainDay, "2031-03-04", "2031-03-05"},
		{timex.GrainWeekend, "2031-03-08", "2031-03-10"},
	}
	for i, w := range want {
		p := o.Timeline[i].Period
		if p == nil || p.Grain != w.grain || p.Start.Format("2006-01-02") != w.start || p.End.Format("2006-01-02") != w.end {
			t.Errorf("entry %d (%s): period %+v, want %v [%s, %s)", i, o.Timeline[i].Date, p, w.grain, w.start, w.end)
		}
	}
	if o.Timeline[4].Period != nil {
		t.Errorf("unresolved date got a period: %+v", o.Timeline[4].Period)
	}
}

func TestBuildCitationsResolve(t *testing.T) {
	o := report.Build(fixture.Story(""), "test")
	for _, c := range []struct {
		cite document.Citation
		want string
	}{
		{o.Summary[1].Sources[0], "Two workers were hurt"},
		{o.Summary[1].Sources[1], "Three workers were injured"},
		{o.Timeline[3].Sources[0], "Dockers marched on the weekend."},
		{document.Citation{Doc: o.Quotes[2].Doc, Start: o.Quotes[2].Start, End: o.Quotes[2].End}, `Manager Anna Ruiz said the alarm "worked as it should".`},
	} {
		got, err := o.Resolve(c.cite)
		if err != nil || got != c.want {
			t.Errorf("Resolve(%+v) = %q, %v; want %q", c.cite, got, err, c.want)
		}
	}
	for _, bad := range []document.Citation{{Doc: "nowhere", End: 1}, {Doc: "coast-news", Start: 5, End: len(fixture.TextB) + 1}, {Doc: "coast-news", Start: 5, End: 4}} {
		if _, err := o.Resolve(bad); err == nil {
			t.Errorf("Resolve(%+v): want an error", bad)
		}
	}
	if o.DocIndex("coast-news") != 1 || o.DocIndex("locked") != -1 || o.Doc("nowhere") != nil {
		t.Errorf("document lookup wrong")
	}
}

func TestBuildTitle(t *testing.T) {
	s := fixture.Story("")
	if got := report.Build(s, "test").Title; got != "Fire at Port Elm grain depot put out on 4 March 2031" {
		t.Errorf("title %q, want the account's headline", got)
	}
	s.Account = nil
	s.Docs[0].Title = " \n "
	s.Docs[1].Title = "Grain depot\nblaze"
	if got := report.Build(s, "test").Title; got != "Grain depot blaze" {
		t.Errorf("title %q, want the first headline on one line without an account", got)
	}
	if got := report.Build(document.NewStory(), "test").Title; got != "" {
		t.Errorf("title of an empty story %q", got)
	}
}

// TestBuildEmptyArrays checks that an empty story gives [] and never null
// for every array the schema requires.
func TestBuildEmptyArrays(t *testing.T) {
	s := document.NewStory()
	s.Add(&document.Document{ID: "x", Text: "x"})
	b, err := json.Marshal(report.Build(s, "test"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "null") && !strings.Contains(string(b), `"published":null`) {
		t.Errorf("null array in %s", b)
	}
	for _, key := range []string{"documents", "entities", "timeline", "quotes", "claims", "agreements", "disagreements", "derivations", "summary", "excluded", "problems", "removed", "mentions", "timexes", "quantities", "relies_on"} {
		if !strings.Contains(string(b), `"`+key+`":[`) {
			t.Errorf("%s is not an array in %s", key, b)
		}
	}
	for _, hidden := range []string{"Title", "Speakers", "Period", "Extracted", "Index"} {
		if strings.Contains(string(b), `"`+hidden+`"`) {
			t.Errorf("writer-only field %s leaked into JSON", hidden)
		}
	}
}
