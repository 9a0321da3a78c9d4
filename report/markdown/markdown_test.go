package markdown

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/golden"
	"github.com/corroborate/corroborate/report"
	"github.com/corroborate/corroborate/report/internal/fixture"
)

func write(t *testing.T, s *document.Story) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, "corroborate test"); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestGolden compares the whole account of the fixture story with
// testdata/fictional.md (rewrite it with -update after checking).
func TestGolden(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "fictional.md"), []byte(write(t, fixture.Story(""))))
}

var citeRe = regexp.MustCompile(`\[([a-z-]+):(\d+)-(\d+)`)

// TestCitationsPointAtTheirText reads the first [doc:start-end] of lines
// back and checks that the bytes it names are the passage the line quotes
// or states.
func TestCitationsPointAtTheirText(t *testing.T) {
	s := fixture.Story("")
	o := report.Build(s, "test")
	md := write(t, s)
	cases := []struct {
		line string // a unique piece of the line
		want string // the text its first citation must point at
	}{
		{"- Fire crews put out a blaze", "Fire crews put out a blaze at the Port Elm grain depot on Tuesday."},
		{"- Two or three workers were hurt.", "Two workers were hurt"},
		{"**weekend of 8 March 2031**", "Dockers marched on the weekend."},
		{"“worked as it should”", `Manager Anna Ruiz said the alarm "worked as it should".`},
		{"Disagreement: workers hurt", "Two workers were hurt"},
		{"coast-news relies on harbor-daily", "A fire at a grain depot in Port Elm was put out on Tuesday."},
		{"timeline: cannot read value", "last winter"},
		{"quote: speaker cut short", "Ana Ruiz"},
	}
	for _, c := range cases {
		var m []string
		for _, l := range strings.Split(md, "\n") {
			if strings.Contains(l, c.line) {
				m = citeRe.FindStringSubmatch(l)
				break
			}
		}
		if m == nil {
			t.Errorf("no cited line with %q", c.line)
			continue
		}
		start, _ := strconv.Atoi(m[2])
		end, _ := strconv.Atoi(m[3])
		got, err := o.Resolve(document.Citation{Doc: m[1], Start: start, End: end})
		if err != nil || got != c.want {
			t.Errorf("%q cites %q (%v), want %q", c.line, got, err, c.want)
		}
	}
}

// TestEscaping plants markup, pipes and line breaks in report text and
// checks that none of it becomes Markdown structure or HTML.
func TestEscaping(t *testing.T) {
	s := fixture.Story("\n| <img src=x onerror=alert(1)> |")
	md := write(t, s)
	if strings.Contains(md, "<img") {
		t.Error("raw HTML from a report reached the account")
	}
	if !strings.Contains(md, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("hostile text dropped instead of escaped")
	}
	var inSources bool
	for _, l := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(l, "## "):
			inSources = l == "## Sources"
		case inSources && strings.HasPrefix(l, "| "):
			// every row has 7 cells whatever the text holds
			cells := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") - 1
			if cells != 7 {
				t.Errorf("sources row with %d cells: %q", cells, l)
			}
		}
		if strings.HasPrefix(l, "|") && !strings.HasSuffix(l, "|") {
			t.Errorf("table row broken across lines: %q", l)
		}
	}
	if !strings.Contains(md, `| Depot fire \| Port Elm \| &lt;img`) {
		t.Errorf("pipe in a title not escaped in its cell")
	}
}

// TestOrder checks that quotes are grouped and ordered as the model says
// (most quoted first) and problems listed in document order.
func TestOrder(t *testing.T) {
	md := write(t, fixture.Story(""))
	order := func(section string, prefix string) []string {
		var out []string
		body := md[strings.Index(md, "## "+section):]
		if i := strings.Index(body[3:], "\n## "); i >= 0 {
			body = body[:i+3]
		}
		for _, l := range strings.Split(body, "\n") {
			if strings.HasPrefix(l, prefix) {
				out = append(out, l)
			}
		}
		return out
	}
	speakers := order("Quotes", "**")
	if strings.Join(speakers, ",") != "**Ana Ruiz**,**the harbour office**,**"+report.Unattributed+"**" {
		t.Errorf("speakers in order %q", speakers)
	}
	problems := order("Problems", "- ")
	want := []string{"- missing.txt: ingest:", "- harbor.html: extract:", "- harbor.html: quote:", "- coast.txt: timeline:"}
	if len(problems) != len(want) {
		t.Fatalf("problems %q", problems)
	}
	for i := range want {
		if !strings.HasPrefix(problems[i], want[i]) {
			t.Errorf("problem %d = %q, want it to start %q", i, problems[i], want[i])
		}
	}
	if strings.Contains(problems[0], "[") || strings.Contains(problems[1], "[") {
		t.Errorf("unplaced problems written with a citation: %q", problems[:2])
	}
}

func TestTitleFallback(t *testing.T) {
	s := document.NewStory()
	s.Add(&document.Document{ID: "x", Text: "Some text."})
	if md := write(t, s); !strings.HasPrefix(md, "# Corroborate account\n") {
		t.Errorf("untitled story starts %q", md[:40])
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	if err := Write(failWriter{}, fixture.Story(""), "test"); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v", err)
	}
}

func TestEventEntriesAndInferredDates(t *testing.T) {
	s := fixture.Story("")
	if len(s.Docs) < 2 {
		t.Skip("fixture has fewer than two reports")
	}
	a, b := s.Docs[0], s.Docs[1]
	b.Published = document.Date{Value: "2031-W11", Precision: document.PrecisionWeek, Source: document.SourceInferred,
		Earliest: "2031-03-10", Latest: "2031-03-16", Note: "\"on Monday\" tells the event another report dates",
		Evidence: []document.Citation{{Doc: b.ID, Start: 0, End: 1}, {Doc: a.ID, Start: 0, End: 1}}}
	s.Timeline = append(s.Timeline, document.TimelineEntry{Date: "2031-03-10", Precision: document.PrecisionDay, Label: "10 March 2031",
		Text: "the event", Event: "ev1", Role: document.RoleMain,
		Sources: []document.Citation{{Doc: a.ID, Start: 0, End: 1}, {Doc: b.ID, Start: 0, End: 1}}})
	out := write(t, s)
	if !strings.Contains(out, "_told by 2 reports_") {
		t.Errorf("event entry without its report count:\n%s", out)
	}
	if !strings.Contains(out, "2031-03-10 to 2031-03-16 (week, inferred): \"on Monday\" tells") {
		t.Errorf("inferred date without interval and note:\n%s", out)
	}
}
