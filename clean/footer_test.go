package clean

import (
	"strings"
	"testing"
)

func TestAboutFooter(t *testing.T) {
	desc := "Lantern Watch is an independent platform run by a small team of analysts who follow the politics of the northern provinces."
	cases := []struct {
		name    string
		outlet  string
		tail    []string // lines after paraAfter
		middle  bool     // put the block between the paragraphs instead
		removed []bool
	}{
		{name: "heading and description", outlet: "Lantern Watch", tail: []string{"About Lantern Watch", desc}, removed: []bool{true, true}},
		{name: "outlet unknown but description names it", tail: []string{"About Lantern Watch", desc}, removed: []bool{true, true}},
		{name: "glued name in description", tail: []string{"About Lantern Watch", "Lantern WatchLantern Watch is a platform for regional news."}, removed: []bool{true, true}},
		{name: "heading naming outlet alone", outlet: "Lantern Watch", tail: []string{"About Lantern Watch"}, removed: []bool{true}},
		{name: "subheading inside article", middle: true, tail: []string{"About Varnholt", "Varnholt is a river town of 12,000 people that has flooded four times since 1990, according to the river authority."}, removed: []bool{false, false}},
		{name: "about the author bio unrelated", tail: []string{"About the author", "Ana Kovač covers the environment for the paper."}, removed: []bool{false, false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var d = docWith("", tc.outlet)
			if tc.middle {
				d = docWith("", tc.outlet, tc.tail...)
			} else {
				d.Extracted += "\n\n" + strings.Join(tc.tail, "\n\n")
			}
			New(Options{}).Clean(d, nil)
			for i, l := range tc.tail {
				got := codeOf(t, d, l)
				if want := tc.removed[i]; (got == CodeAboutOutlet) != want {
					t.Errorf("line %q: got code %q, want removed=%v", l, got, want)
				}
			}
			checkInvariants(t, d)
		})
	}
}
