package markdown

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report/internal/fixture"
	"github.com/corroborate/corroborate/report/reporttest"
)

// shown is how payload must read once rendered: on one line, without the
// bidi and control characters the writer drops.
func shown(payload string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if reporttest.Bidi(r) || reporttest.Control(r) {
			return -1
		}
		return r
	}, payload)), " ")
}

// TestPayloadsInert writes a story with each hostile payload in every field
// the writer prints, renders the account as GitHub would but with raw HTML
// allowed, and checks that nothing in it is live (no element Markdown
// alone does not make, no event handler, no javascript: link, no image)
// and that the payload still reads as it was written.
func TestPayloadsInert(t *testing.T) {
	all := strings.Join(reporttest.Payloads, "\n")
	for _, p := range append(reporttest.Payloads, all) {
		md := write(t, fixture.Hostile(p))
		for _, prob := range reporttest.MarkdownProblems([]byte(md)) {
			t.Errorf("payload %.40q: %s", p, prob)
		}
		visible, err := reporttest.RenderMarkdown([]byte(md))
		if err != nil {
			t.Fatal(err)
		}
		if want := shown(p); !strings.Contains(visible, want) {
			t.Errorf("payload %.40q is not shown as written (%q) in %.300q", p, want, visible)
		}
	}
}

// TestBidiTitle checks that a right-to-left override in a title does not
// reach the account, where it would reverse the rest of the line.
func TestBidiTitle(t *testing.T) {
	s := document.NewStory()
	s.Add(&document.Document{ID: "x", Title: "Fire \u202Eeralb\u202C at \u2067depot\x1b[2J", Text: "Some text."})
	md := write(t, s)
	if strings.ContainsFunc(md, func(r rune) bool { return reporttest.Bidi(r) || reporttest.Control(r) }) {
		t.Errorf("bidi or control characters in %q", md)
	}
	if !strings.HasPrefix(md, "# Fire eralb at depot\\[2J\n") {
		t.Errorf("title line %q", strings.SplitN(md, "\n", 2)[0])
	}
}

// TestReadable checks that ordinary punctuation in report text is left
// alone, so the account stays readable as plain text.
func TestReadable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Mr. Smith said: \"It's 5.5% (or so), isn't it?\"", "Mr. Smith said: \"It's 5.5% (or so), isn't it?\""},
		{"snake_case and file_name.txt", "snake_case and file_name.txt"},
		{"AT&T <b>", "AT&amp;T &lt;b&gt;"},
		{"-5 degrees, #tag, 2.5 m, 1990s", "-5 degrees, #tag, 2.5 m, 1990s"},
		{"2. place", "2\\. place"},
		{"3) place", "3\\) place"},
		{"- item", "\\- item"},
		{"--- rule", "\\--- rule"},
		{"+ item", "\\+ item"},
		{"## head", "\\## head"},
		{"Story No. #", "Story No. \\#"},
		{"a *b* [c]", "a \\*b\\* \\[c\\]"},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
