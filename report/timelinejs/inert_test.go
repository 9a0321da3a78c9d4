package timelinejs

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/report/internal/fixture"
	"github.com/corroborate/corroborate/report/reporttest"
)

// TestPayloadsInert writes a story with each hostile payload in every field
// and checks every string TimelineJS inserts into its page as HTML (title,
// headlines, slide texts, display dates, group labels): no element but
// the writer's paragraphs, no attribute, no bidi control outside <bdi>.
func TestPayloadsInert(t *testing.T) {
	all := strings.Join(reporttest.Payloads, "\n")
	for _, p := range append(reporttest.Payloads, all) {
		got, _ := write(t, fixture.Hostile(p))
		fields := []string{got.Title.Text.Headline, got.Title.Text.Text}
		for _, ev := range got.Events {
			fields = append(fields, ev.Text.Headline, ev.Text.Text, ev.StartDate.DisplayDate, ev.Group)
		}
		for _, f := range fields {
			for _, prob := range reporttest.FragmentProblems(f) {
				t.Errorf("payload %.40q: %s", p, prob)
			}
		}
	}
}
