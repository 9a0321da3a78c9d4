package extract

import (
	"strings"
	"testing"
)

func TestAlignRaw(t *testing.T) {
	tests := []struct {
		name, raw, text string
		unmapped        []string // words expected to stay unmapped
	}{
		{"plain", `<p>The river rose.</p><p>Roads closed.</p>`, "The river rose.\n\nRoads closed.", nil},
		{"markup words skipped", `<a href="a">a</a> <p class="p">p is a letter</p>`, "a\n\np is a letter", nil},
		{"entity stays unmapped", `<p>AT&amp;T shares fell</p>`, "AT&T shares fell", []string{"AT&T"}},
		{"script text ignored", `<script>var river = 1;</script><p>river banks</p>`, "river banks", nil},
		{"long gap crossed by a phrase", `<p>Start here.</p>` + strings.Repeat("<div class=x></div>", 400) + `<p>after the long gap we go on</p>`,
			"Start here.\n\nafter the long gap we go on", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			al := alignRaw(tt.text, tt.raw)
			ranges := textRanges(tt.raw)
			mapped := map[string]bool{}
			for _, sg := range al {
				n := sg.End - sg.Start
				if tt.text[sg.Start:sg.End] != tt.raw[sg.Src:sg.Src+n] {
					t.Fatalf("segment %+v copies different bytes", sg)
				}
				if !inText(ranges, sg.Src, sg.Src+n) {
					t.Errorf("segment %+v points into markup: %q", sg, tt.raw[sg.Src:sg.Src+n])
				}
				for _, w := range strings.Fields(tt.text[sg.Start:sg.End]) {
					mapped[w] = true
				}
			}
			want := map[string]bool{}
			for _, w := range tt.unmapped {
				want[w] = true
			}
			for _, w := range strings.Fields(tt.text) {
				if mapped[w] == want[w] {
					t.Errorf("word %q: mapped=%v", w, mapped[w])
				}
			}
		})
	}
}
