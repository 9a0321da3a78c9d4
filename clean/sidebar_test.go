package clean

import (
	"strings"
	"testing"
)

func TestSidebarsAndTrailers(t *testing.T) {
	cases := []struct {
		name string
		// lines between the two reporting paragraphs; when atEnd is set
		// they follow paraAfter instead.
		lines   []string
		atEnd   bool
		removed map[int]string // line index → code; others must stay
	}{
		{
			name: "more items with heading",
			lines: []string{"Region in Brief\nThe ferry company raised its prices for the second time this year.More\n" +
				"Farmers in the valley asked for compensation after the storms.More\nA new rail link to the coast opened on Sunday.More"},
			atEnd:   true,
			removed: map[int]string{0: CodeSidebar},
		},
		{
			name:    "most read list",
			lines:   []string{"Most read", "Council votes on new harbour plan", "Five things to know about the ferry strike", "Local team wins cup final"},
			removed: map[int]string{0: CodeSidebar, 1: CodeSidebar, 2: CodeSidebar, 3: CodeSidebar},
		},
		{
			name:    "most read in section",
			lines:   []string{"Most read in world news", "Council votes on new harbour plan", "Five things to know about the ferry strike"},
			removed: map[int]string{0: CodeSidebar, 1: CodeSidebar, 2: CodeSidebar},
		},
		{
			name:    "more label with items at the end",
			lines:   []string{"More:", "Council votes on new harbour plan", "Ferry strike enters second week", "Local team wins cup final"},
			atEnd:   true,
			removed: map[int]string{0: CodeSidebar, 1: CodeSidebar, 2: CodeSidebar, 3: CodeSidebar},
		},
		{
			name:    "highlights subhead with one line stays",
			lines:   []string{"Highlights", "The summit's main points:"},
			removed: map[int]string{},
		},
		{
			name:    "other news trailer at end",
			lines:   []string{"Other news"},
			atEnd:   true,
			removed: map[int]string{0: CodeOtherNews},
		},
		{
			name:    "trending with items at the end",
			lines:   []string{"Trending", "Ferry strike enters second week", "Harbour plan approved"},
			atEnd:   true,
			removed: map[int]string{0: CodeOtherNews, 1: CodeOtherNews, 2: CodeOtherNews},
		},
		{
			name:    "more-in heading followed by subheads and reporting stays",
			lines:   []string{"More in Flood Coverage", "Here is what we know so far:", "Day 2: the river peaks"},
			removed: map[int]string{},
		},
		{
			name:    "more stories heading inside the text with reporting after it stays",
			lines:   []string{"More stories"},
			removed: map[int]string{},
		},
		{
			name:    "lone paragraph with a glued More stays",
			lines:   []string{"The council said it would publish the full harbour plan next week, after a final review by its lawyers and the port authority.More"},
			removed: map[int]string{},
		},
		{
			name:    "prose ending in more stays",
			lines:   []string{"Residents said they hoped the council would do more.", "Prices rose, and families now pay far more"},
			removed: map[int]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith("", "")
			if tc.atEnd {
				d.Extracted += "\n\n" + strings.Join(tc.lines, "\n\n")
			} else {
				d = docWith("", "", tc.lines...)
			}
			New(Options{}).Clean(d, nil)
			for i, l := range tc.lines {
				if got := codeOf(t, d, l); got != tc.removed[i] {
					t.Errorf("line %d %q: got %q, want %q", i, l, got, tc.removed[i])
				}
			}
			if !strings.Contains(d.Text, paraBefore) || !strings.Contains(d.Text, paraAfter) {
				t.Errorf("reporting lost: %q", d.Text)
			}
			checkInvariants(t, d)
		})
	}
}

func TestMoreItem(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"The ferry company raised its prices.More", true},
		{"Farmers asked for help after the storms”More", true},
		{"Harbour plan approved Read more", true},
		{"Harbour plan approved More »", true},
		{"They wanted more", false},
		{"They asked for More", false},
		{"More", false},
	}
	for _, tc := range cases {
		u := splitUnits(tc.line)[0]
		if got := isMoreItem(&u); got != tc.want {
			t.Errorf("isMoreItem(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
