package clean

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

// Invented reporting paragraphs used around the lines under test.
const (
	paraBefore = "Flood water reached the lower town of Varnholt on Tuesday, and the river authority said two bridges were closed while engineers checked them for damage."
	paraAfter  = "The mayor, Ilse Brandvik, told reporters that emergency shelters had taken in about 300 people and that schools would stay shut until Friday."
)

// docWith returns a text document whose Extracted is paraBefore, the given
// lines as separate paragraphs, and paraAfter.
func docWith(title, outlet string, lines ...string) *document.Document {
	parts := append([]string{paraBefore}, lines...)
	parts = append(parts, paraAfter)
	return &document.Document{ID: "t", Source: "test", Format: document.FormatText,
		Title: title, Outlet: outlet, Extracted: strings.Join(parts, "\n\n")}
}

// codeOf returns the reason code of the removal covering the first
// occurrence of line in d.Extracted, or "" when the line was kept.
func codeOf(t *testing.T, d *document.Document, line string) string {
	t.Helper()
	i := strings.Index(d.Extracted, line)
	if i < 0 {
		t.Fatalf("line %q not in the document", line)
	}
	r, ok := removalCovering(d.Removed, document.Span{Start: i, End: i + len(line)})
	if !ok {
		if !strings.Contains(d.Text, line) {
			t.Errorf("line %q is neither removed nor in the text", line)
		}
		return ""
	}
	return ReasonCode(r.Reason)
}

// lineCase is one row of a single-line rule table: the line placed between
// two reporting paragraphs and the reason code expected ("" = kept).
type lineCase struct {
	name   string
	line   string
	want   string
	title  string
	outlet string
}

// runLineCases cleans each case and checks the line's fate and that the
// surrounding reporting stays.
func runLineCases(t *testing.T, cases []lineCase) {
	t.Helper()
	c := New(Options{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith(tc.title, tc.outlet, tc.line)
			c.Clean(d, nil)
			if got := codeOf(t, d, tc.line); got != tc.want {
				t.Errorf("line %q: got code %q, want %q (removed: %+v)", tc.line, got, tc.want, d.Removed)
			}
			for _, p := range []string{paraBefore, paraAfter} {
				if !strings.Contains(d.Text, p) {
					t.Errorf("reporting paragraph lost: %q", p)
				}
			}
			checkInvariants(t, d)
		})
	}
}
