package clean

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/shareddata"
)

// hashimiOutlets are the outlets the extract stage names for the corpus
// files (by file number).
var hashimiOutlets = map[string]string{"001": "Track Persia", "002": "Iran International", "003": "Baghdadpost"}

// loadHashimi builds a story from the shared hashimi corpus: Extracted is
// the file, Title its first line.
func loadHashimi(t testing.TB) (*document.Story, map[string][]string) {
	return loadHashimiOutlets(t, true)
}

// loadHashimiOutlets is loadHashimi with the outlets set or left empty.
func loadHashimiOutlets(t testing.TB, withOutlets bool) (*document.Story, map[string][]string) {
	s := document.NewStory()
	lines := map[string][]string{}
	for _, cf := range shareddata.Corpus(t, "hashimi") {
		f, id, text := cf.Path, cf.ID, cf.Text
		title, _, _ := strings.Cut(text, "\n")
		d := &document.Document{ID: id, Source: f, Format: document.FormatText, Extracted: text,
			Title: strings.TrimSpace(title)}
		if withOutlets {
			d.Outlet = hashimiOutlets[id]
		}
		s.Add(d)
		lines[id] = strings.Split(text, "\n")
	}
	return s, lines
}

// TestHashimiCorpus checks the cleaner on five scraped reports. Expected
// removals are named by file and 1-based line number (with the reason
// code), never by copied text; every other paragraph of more than 20 words
// must stay whole in the cleaned text.
func TestHashimiCorpus(t *testing.T) {
	for _, withOutlets := range []bool{true, false} {
		t.Run(fmt.Sprintf("outlets=%v", withOutlets), func(t *testing.T) { testHashimi(t, withOutlets) })
	}
}

func testHashimi(t *testing.T, withOutlets bool) {
	s, lines := loadHashimiOutlets(t, withOutlets)
	if err := New(Options{}).CleanStory(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	type want struct {
		line int
		code string
	}
	// The sidebar of 002 runs from its heading (line 24) to the end.
	sidebar002 := []want{{24, CodeSidebar}}
	for l := 25; l <= len(lines["002"]); l++ {
		if strings.TrimSpace(lines["002"][l-1]) != "" {
			sidebar002 = append(sidebar002, want{l, CodeSidebar})
		}
	}
	wants := map[string][]want{
		"000": {{31, CodeOtherNews}},
		"001": {{1, CodePhotoCaption}, {31, CodeAboutOutlet}, {33, CodeAboutOutlet}},
		"002": append([]want{{1, CodeRepeatedHeadline}}, sidebar002...),
		"003": {{1, CodeNavigation}},
		"004": {{3, CodeRepeatedHeadline}, {5, CodeReadTime}, {6, CodePhotoCaption}, {27, CodeReadMoreTeaser}, {59, CodeShareFollow}},
	}
	for _, d := range s.Docs {
		ls := lines[d.ID]
		listed := map[int]bool{}
		for _, w := range wants[d.ID] {
			listed[w.line] = true
			sp := lineSpan(ls, w.line)
			r, ok := removalCovering(d.Removed, sp)
			if !ok {
				t.Errorf("%s line %d (%.40q…) should be removed as %s; it was kept", d.ID, w.line, ls[w.line-1], w.code)
				continue
			}
			if got := ReasonCode(r.Reason); got != w.code {
				t.Errorf("%s line %d removed as %q, want %s", d.ID, w.line, r.Reason, w.code)
			}
		}
		// Every long paragraph not listed stays whole.
		for i, l := range ls {
			l = strings.TrimSpace(l)
			if listed[i+1] || len(strings.Fields(l)) <= 20 {
				continue
			}
			if !strings.Contains(d.Text, l) {
				t.Errorf("%s line %d (%d words) of reporting is missing from the cleaned text", d.ID, i+1, len(strings.Fields(l)))
			}
		}
		checkInvariants(t, d)
		for _, r := range d.Removed {
			t.Logf("%s removed [%d,%d) %s: %.60q", d.ID, r.Start, r.End, r.Reason, r.Text)
		}
	}
}

// lineSpan returns the span of 1-based line n, trimmed, in the text made of
// lines joined by "\n".
func lineSpan(lines []string, n int) document.Span {
	off := 0
	for i := 0; i < n-1; i++ {
		off += len(lines[i]) + 1
	}
	l := lines[n-1]
	s, e := trimSpan(l, 0, len(l))
	return document.Span{Start: off + s, End: off + e}
}

// removalCovering returns the removal that contains sp.
func removalCovering(rs []document.Removal, sp document.Span) (document.Removal, bool) {
	for _, r := range rs {
		if r.Span.Contains(sp) {
			return r, true
		}
	}
	return document.Removal{}, false
}
