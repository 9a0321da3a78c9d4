package html

import (
	"bytes"
	"errors"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/golden"

	xhtml "golang.org/x/net/html"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

func render(t *testing.T, s *document.Story) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, Options{Generator: "corroborate test"}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func parse(t *testing.T, page string) *xhtml.Node {
	t.Helper()
	root, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(c *xhtml.Node) {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// TestHostileText plants markup in every text field and checks that the
// parsed page holds no element, attribute or script that did not come
// from the template.
func TestHostileText(t *testing.T) {
	hostile := `<script>alert(1)</script>"><img src=x onerror=alert(2)>'><svg onload=alert(3)></style></script>`
	page := render(t, fixture(hostile))
	root := parse(t, page)
	scripts := 0
	walk(root, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		switch n.Data {
		case "script":
			scripts++
			if got := textOf(n); got != script {
				t.Errorf("script element holds something else than the page script: %.80q", got)
			}
		case "img", "iframe", "object", "embed":
			t.Errorf("hostile element <%s> in the page", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
			if strings.Contains(strings.ToLower(a.Val), "javascript:") {
				t.Errorf("javascript: URL in %s of <%s>", a.Key, n.Data)
			}
		}
	})
	if scripts != 1 {
		t.Errorf("page has %d script elements, want exactly 1", scripts)
	}
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "<img") {
		t.Error("hostile markup appears unescaped in the page source")
	}
	// The hostile text is still shown, as text.
	if !strings.Contains(textOf(root), "<img src=x onerror=alert(2)>") {
		t.Error("hostile text was dropped instead of escaped")
	}
}

func TestCSPMatchesInlineCode(t *testing.T) {
	page := render(t, fixture(""))
	var policy string
	walk(parse(t, page), func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "meta" {
			if v, _ := attr(n, "http-equiv"); v == "Content-Security-Policy" {
				policy, _ = attr(n, "content")
			}
		}
	})
	if !strings.Contains(policy, "default-src 'none'") || !strings.Contains(policy, cspHash(script)) || !strings.Contains(policy, cspHash(style)) {
		t.Errorf("policy %q does not pin the page's own script and style", policy)
	}
	if !strings.Contains(page, "<script>"+script+"</script>") || !strings.Contains(page, "<style>"+style+"</style>") {
		t.Error("inline script or style differs from the hashed text")
	}
	for _, ext := range []string{"http://", "https://", "//cdn", "src=\""} {
		if strings.Contains(strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, ""), ext) {
			t.Errorf("page refers to external resources (%q)", ext)
		}
	}
}

// TestCitationTargets checks that every citation link points at pieces of
// its article whose text is exactly the cited passage.
func TestCitationTargets(t *testing.T) {
	s := fixture("")
	root := parse(t, render(t, s))
	pieces := map[int][]*xhtml.Node{}
	ids := map[string]bool{}
	var links []*xhtml.Node
	walk(root, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		if id, ok := attr(n, "id"); ok {
			ids[id] = true
		}
		cls, _ := attr(n, "class")
		switch {
		case n.Data == "span" && cls == "t":
			for p := n.Parent; p != nil; p = p.Parent {
				if id, _ := attr(p, "id"); strings.HasPrefix(id, "doc-") {
					i, _ := strconv.Atoi(strings.TrimPrefix(id, "doc-"))
					pieces[i] = append(pieces[i], n)
					break
				}
			}
		case n.Data == "a" && strings.HasPrefix(cls, "cite"):
			links = append(links, n)
		}
	})
	checked, broken := 0, 0
	for _, a := range links {
		dv, _ := attr(a, "data-doc")
		if dv == "-1" {
			broken++
			continue
		}
		doc, _ := strconv.Atoi(dv)
		st, _ := attr(a, "data-s")
		en, _ := attr(a, "data-e")
		start, _ := strconv.Atoi(st)
		end, _ := strconv.Atoi(en)
		href, _ := attr(a, "href")
		if !ids[strings.TrimPrefix(href, "#")] {
			t.Errorf("citation %s points at missing anchor", href)
		}
		var got strings.Builder
		for _, p := range pieces[doc] {
			ps, _ := attr(p, "data-s")
			pe, _ := attr(p, "data-e")
			a, _ := strconv.Atoi(ps)
			b, _ := strconv.Atoi(pe)
			if a >= start && b <= end {
				got.WriteString(textOf(p))
			} else if a < end && b > start {
				t.Errorf("piece [%d,%d) straddles citation [%d,%d)", a, b, start, end)
			}
		}
		if want := s.Docs[doc].Text[start:end]; got.String() != want {
			t.Errorf("citation %d[%d,%d) highlights %q, want %q", doc, start, end, got.String(), want)
		}
		checked++
	}
	if checked < 8 || broken != 1 {
		t.Errorf("checked %d citations and %d broken ones, want at least 8 and exactly 1", checked, broken)
	}
}

func TestRemovedShownWithReason(t *testing.T) {
	page := render(t, fixture(""))
	root := parse(t, page)
	var reasons []string
	walk(root, func(n *xhtml.Node) {
		if cls, _ := attr(n, "class"); n.Type == xhtml.ElementNode && cls == "rm" {
			if r, ok := attr(n, "title"); ok {
				reasons = append(reasons, r+"="+textOf(n))
			}
		}
	})
	want := []string{"removed: navigation=Home | World | Sport", "removed: newsletter=Subscribe to our newsletter"}
	for _, w := range want {
		found := false
		for _, r := range reasons {
			found = found || r == w
		}
		if !found {
			t.Errorf("removed piece %q not shown; have %q", w, reasons)
		}
	}
}

func TestSectionsContent(t *testing.T) {
	page := render(t, fixture(""))
	root := parse(t, page)
	classes := map[string]int{}
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			if c, ok := attr(n, "class"); ok {
				for _, f := range strings.Fields(c) {
					classes[f]++
				}
			}
		}
	})
	for cls, min := range map[string]int{"p-day": 1, "p-year": 1, "p-month": 1, "agree": 3, "disagree": 1, "silent": 1, "alias": 2, "direct": 1} {
		if classes[cls] < min {
			t.Errorf("class %q used %d times, want at least %d", cls, classes[cls], min)
		}
	}
	for _, want := range []string{"Ana Ruiz", "We were lucky", "2031-03-04 (day)", "2030 (year)", "careful reading: 2"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestFallbackWithoutAlignment(t *testing.T) {
	s := fixture("")
	s.Docs[0].TextToExtracted = nil
	page := render(t, s)
	if !strings.Contains(page, "Removed by cleaning:") || !strings.Contains(page, `title="removed: navigation"`) {
		t.Error("without an alignment the removed boilerplate is not listed")
	}
	// A wrong alignment is not trusted either.
	s.Docs[0].TextToExtracted = document.Alignment{{Start: 0, End: 10, Src: 0}}
	if page := render(t, s); !strings.Contains(page, "Removed by cleaning:") {
		t.Error("an alignment that disagrees with the texts was used")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("nil story: want an error")
	}
	if err := Write(failWriter{}, fixture(""), Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("failing writer: err = %v", err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, document.NewStory(), Options{}); err != nil || !strings.Contains(buf.String(), "No summary") {
		t.Errorf("empty story: err %v", err)
	}
}

func TestGolden(t *testing.T) {
	page := render(t, fixture(""))
	golden.Check(t, filepath.Join("testdata", "report.golden.html"), []byte(page))
}

// TestTimelineDrawsEveryPeriod checks that entries dated to a weekend, a
// half year or a season are drawn over the period timex.ParseValue gives,
// and that an entry whose date names no period is listed but not drawn.
func TestTimelineDrawsEveryPeriod(t *testing.T) {
	s := fixture("")
	cite := s.Timeline[0].Sources
	s.Timeline = []document.TimelineEntry{
		{Date: "2030-H2", Precision: document.PrecisionYear, Label: "H2 2030", Text: "a", Sources: cite},
		{Date: "2030-WI", Precision: document.PrecisionSeason, Label: "winter 2030", Text: "b", Sources: cite},
		{Date: "2031-W09-WE", Precision: document.PrecisionWeek, Label: "weekend of 1 March 2031", Text: "c", Sources: cite},
		{Date: "2030-AU", Precision: document.PrecisionSeason, Label: "not a season", Text: "d", Sources: cite},
	}
	o := report.Build(s, "test")
	tv := buildTimeline(o.Timeline, newCiter(o))
	if len(tv.Entries) != 4 || len(tv.Marks) != 3 {
		t.Fatalf("%d entries and %d marks, want 4 and 3", len(tv.Entries), len(tv.Marks))
	}
	// The axis runs from 1 July 2030 to the end of the weekend of 1–2
	// March 2031 (Monday 3 March): 245 days over svgPlot units.
	perDay := svgPlot / 245.0
	want := []struct {
		label string
		x, w  float64
	}{
		{"2030-H2", svgLeft, 184 * perDay},
		{"2030-WI", svgLeft + 153*perDay, 90 * perDay},
		{"2031-W09-WE", svgLeft + 243*perDay, 0}, // two days: a dot at its middle
	}
	for i, m := range tv.Marks {
		x := m.X
		if m.Dot {
			x = m.X - perDay // the dot sits at the middle of the weekend
		}
		if !strings.HasPrefix(m.Label, want[i].label+" ") || math.Abs(x-want[i].x) > 0.01 || (!m.Dot && math.Abs(m.W-want[i].w) > 0.01) {
			t.Errorf("mark %d: %q at x=%.2f w=%.2f dot=%v, want %s at %.2f w=%.2f", i, m.Label, m.X, m.W, m.Dot, want[i].label, want[i].x, want[i].w)
		}
	}
}

func TestArticlesSayWhatTheyRelyOn(t *testing.T) {
	var b strings.Builder
	if err := Write(&b, fixture(""), Options{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"relies on: S1 (harbor-daily), shared-text; Bay Wire, attribution"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestProblemsListedInOrderWithPlace checks that the problems section
// lists every problem in document order and links a placed one to the
// bytes it names, like a citation.
func TestProblemsListedInOrderWithPlace(t *testing.T) {
	s := fixture("")
	d := s.Docs[1]
	at := strings.Index(d.Text, "Three workers")
	d.AddProblem("timeline", document.ErrorAt(document.Span{Start: at, End: at + 13}, errors.New("bad value")))
	s.Docs[0].AddProblem("extract", errors.New("no date"))
	s.AddProblem(document.Problem{Source: "missing.txt", Stage: "ingest", Err: errors.New("no such file")})
	root := parse(t, render(t, s))
	var items []*xhtml.Node
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "li" && n.Parent != nil && n.Parent.Parent != nil {
			if id, _ := attr(n.Parent.Parent, "id"); id == "problems" {
				items = append(items, n)
			}
		}
	})
	want := []string{"missing.txt: ingest: no such file", "harbor.html: extract: no date", "coast.txt: timeline: bad value"}
	if len(items) != len(want) {
		t.Fatalf("%d problems listed, want %d", len(items), len(want))
	}
	for i, w := range want {
		if got := textOf(items[i]); !strings.HasPrefix(got, w) {
			t.Errorf("problem %d = %q, want %q", i, got, w)
		}
	}
	var link *xhtml.Node
	walk(items[2], func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "a" {
			link = n
		}
	})
	if link == nil {
		t.Fatal("placed problem has no link")
	}
	doc, _ := attr(link, "data-doc")
	st, _ := attr(link, "data-s")
	en, _ := attr(link, "data-e")
	if doc != "1" || st != strconv.Itoa(at) || en != strconv.Itoa(at+13) {
		t.Errorf("problem link doc=%s [%s,%s), want doc=1 [%d,%d)", doc, st, en, at, at+13)
	}
}
