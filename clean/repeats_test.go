package clean

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/document"
)

func TestRepeatedHeadline(t *testing.T) {
	const head = "River authority closes two bridges in Varnholt"
	cases := []struct {
		name     string
		title    string
		lines    []string
		dropT    bool
		wantGone []int // indexes into lines removed as repeated-headline
	}{
		{name: "same line twice", title: head, lines: []string{head, head}, wantGone: []int{1}},
		{name: "page title with suffix then headline", title: head + " | Varnholt Courier", lines: []string{head + " | Varnholt Courier", head}, wantGone: []int{0}},
		{name: "headline then suffixed", title: head, lines: []string{head, head + " - Varnholt Courier"}, wantGone: []int{1}},
		{name: "single headline stays", title: head, lines: []string{head}},
		{name: "drop title line option", title: head, lines: []string{head}, dropT: true, wantGone: []int{0}},
		{name: "outlet prefix then headline", title: "Varnholt Courier - " + head, lines: []string{"Varnholt Courier - " + head, head}, wantGone: []int{0}},
		{name: "short label and a dashed headline stay", title: "Iraq - Iran tensions rise", lines: []string{"Iraq", "Iraq - Iran tensions rise"}},
		{name: "repeated table header with a known title stays", title: head, lines: []string{head, "Pos Player Plays Stats", "Pos Player Plays Stats"}},
		{name: "no title: repeated top line goes", lines: []string{head, head}, wantGone: []int{1}},
		{name: "different lines stay", title: head, lines: []string{head, "Engineers check bridges after floods"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := &document.Document{ID: "t", Title: tc.title, Format: document.FormatText,
				Extracted: strings.Join(append(tc.lines, paraBefore, paraAfter), "\n\n")}
			New(Options{DropTitleLine: tc.dropT}).Clean(d, nil)
			gone := map[int]bool{}
			for _, i := range tc.wantGone {
				gone[i] = true
			}
			// Locate each line by position: lines may repeat.
			off := 0
			for i, l := range tc.lines {
				sp := document.Span{Start: off, End: off + len(l)}
				off += len(l) + 2
				r, removed := removalCovering(d.Removed, sp)
				if removed != gone[i] {
					t.Errorf("line %d: removed=%v, want %v (%+v)", i, removed, gone[i], d.Removed)
				}
				if removed && ReasonCode(r.Reason) != CodeRepeatedHeadline {
					t.Errorf("line %d: reason %q", i, r.Reason)
				}
			}
			if !strings.Contains(d.Text, paraBefore) || !strings.Contains(d.Text, paraAfter) {
				t.Errorf("reporting lost")
			}
			checkInvariants(t, d)
		})
	}
}

func TestRepeatedLine(t *testing.T) {
	quoteLine := "“We will rebuild,” the mayor said."
	cases := []struct {
		name   string
		lines  []string
		copies int // copies of quoteLine left in the text
	}{
		{name: "consecutive copy goes", lines: []string{quoteLine, quoteLine}, copies: 1},
		{name: "distant copy stays (pull quote)", lines: []string{quoteLine, "Engineers check bridges after floods", quoteLine}, copies: 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith("", "", tc.lines...)
			New(Options{}).Clean(d, nil)
			if got := strings.Count(d.Text, quoteLine); got != tc.copies {
				t.Errorf("%d copies left, want %d", got, tc.copies)
			}
			for _, r := range d.Removed {
				if ReasonCode(r.Reason) != CodeRepeatedLine {
					t.Errorf("unexpected removal %+v", r)
				}
			}
			checkInvariants(t, d)
		})
	}
}

func TestCrossDocumentRepeat(t *testing.T) {
	promo := "Lantern Watch: the north, every morning"
	// A short line both documents share inside the article body stays.
	middle := "Water levels at a glance"
	wire := "The river authority said water levels at the northern gauge had risen by almost a metre overnight and that more rain was forecast."
	mk := func(id, outlet, body string) *document.Document {
		return &document.Document{ID: id, Source: id, Format: document.FormatText, Outlet: outlet,
			Extracted: body + "\n\n" + middle + "\n\n" + wire + "\n\n" + promo}
	}
	a := mk("a", "Lantern Watch", paraBefore)
	b := mk("b", "Lantern Watch", paraAfter)
	other := mk("c", "Varnholt Courier", paraAfter)
	s := document.NewStory()
	for _, d := range []*document.Document{a, b, other} {
		s.Add(d)
	}
	if err := New(Options{}).CleanStory(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	for _, d := range []*document.Document{a, b} {
		if got := codeOf(t, d, promo); got != CodeCrossDocRepeat {
			t.Errorf("%s: promo line code %q, want %s", d.ID, got, CodeCrossDocRepeat)
		}
		if got := codeOf(t, d, middle); got != "" {
			t.Errorf("%s: shared line inside the body removed as %q", d.ID, got)
		}
		if got := codeOf(t, d, wire); got != "" {
			t.Errorf("%s: shared reporting sentence removed as %q", d.ID, got)
		}
		checkInvariants(t, d)
	}
	if got := codeOf(t, other, promo); got != "" {
		t.Errorf("other outlet: promo removed as %q though only one document of its outlet has it", got)
	}
	// Clean with explicit siblings gives the same answer.
	a2 := mk("a", "Lantern Watch", paraBefore)
	New(Options{}).Clean(a2, []*document.Document{a2, mk("b", "lantern watch", paraAfter)})
	if got := codeOf(t, a2, promo); got != CodeCrossDocRepeat {
		t.Errorf("Clean with siblings: promo code %q", got)
	}
}

func TestStripSuffix(t *testing.T) {
	cases := []struct{ in, want string }{
		{"river authority closes two bridges | varnholt courier", "river authority closes two bridges"},
		{"river authority closes two bridges - the courier", "river authority closes two bridges"},
		{"iraq - iran tensions rise", "iraq - iran tensions rise"},
		{"floods: what we know | q&a, part two, updated", "floods: what we know | q&a, part two, updated"},
		{"no separator here", "no separator here"},
	}
	for _, tc := range cases {
		if got := stripSuffix(tc.in); got != tc.want {
			t.Errorf("stripSuffix(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
