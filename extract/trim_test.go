package extract

import (
	"strings"
	"testing"
)

func TestTrimUnsupported(t *testing.T) {
	story := storyParagraphs
	mk := func(ps ...string) *candidate {
		c := &candidate{}
		for _, p := range ps {
			c.paras = append(c.paras, Paragraph{Text: p})
		}
		return c
	}
	tests := []struct {
		name  string
		best  *candidate
		other *candidate
		want  []string
	}{
		{
			name:  "headline and signup line go",
			best:  mk(append(append([]string{"Floods in Kelvale"}, story...), "Sign up for our daily newsletter today")...),
			other: mk(story...),
			want:  story,
		},
		{
			name:  "leading heading stays",
			best:  &candidate{paras: append([]Paragraph{{Text: "Floods in Kelvale", Heading: true}}, mk(story...).paras...)},
			other: mk(story...),
			want:  append([]string{"Floods in Kelvale"}, story...),
		},
		{
			name:  "middle paragraph without support stays",
			best:  mk(story[0], "An unsupported paragraph in the middle of the story text", story[1]),
			other: mk(story[0], story[1]),
			want:  []string{story[0], "An unsupported paragraph in the middle of the story text", story[1]},
		},
		{
			name:  "short text: short last sentence the other has stays",
			best:  mk("Flood waters rose on Tuesday.", "Officials said the river would peak.", "Roads stay closed."),
			other: mk("Flood waters rose on Tuesday.", "Officials said the river would peak.", "Roads stay closed."),
			want:  []string{"Flood waters rose on Tuesday.", "Officials said the river would peak.", "Roads stay closed."},
		},
		{
			name:  "short text: short line the other lacks goes",
			best:  mk("Flood waters rose on Tuesday.", "Officials said the river would peak.", "Roads stay closed.", "Share this"),
			other: mk("Flood waters rose on Tuesday.", "Officials said the river would peak.", "Roads stay closed."),
			want:  []string{"Flood waters rose on Tuesday.", "Officials said the river would peak.", "Roads stay closed."},
		},
		{
			name:  "long text: short last line goes even when the other has it",
			best:  mk(story[0], story[1], story[2], "Most popular"),
			other: mk(story[0], story[1], story[2], "Most popular"),
			want:  []string{story[0], story[1], story[2]},
		},
		{
			name:  "short last paragraph the other lacks goes",
			best:  mk(story[0], story[1], story[2], "Share this story"),
			other: mk(story[0], story[1], story[2]),
			want:  []string{story[0], story[1], story[2]},
		},
		{
			name:  "others disagree: nothing trimmed",
			best:  mk(append([]string{"Floods in Kelvale"}, story...)...),
			other: mk("Completely different words about harbour taxes and council votes today"),
			want:  append([]string{"Floods in Kelvale"}, story...),
		},
		{
			name:  "would drop too much: nothing trimmed",
			best:  mk(story[0], story[1], story[2], story[3]),
			other: mk(story[3]),
			want:  []string{story[0], story[1], story[2], story[3]},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cands := []*candidate{tt.best, tt.other}
			sc := make([]scored, 2)
			shs := make([]map[string]int, 2)
			for i, c := range cands {
				toks := wordTokens(joinParagraphs(c.paras))
				sc[i] = scored{candidate: c, f: Features{Words: len(toks)}, tokens: toks}
				shs[i] = shingleSet(toks)
			}
			a := shingleF1(shs[0], shs[1])
			trimUnsupported(sc, [][]float64{{0, a}, {a, 0}}, shs, 0)
			var got []string
			for _, p := range tt.best.paras {
				got = append(got, p.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("kept %q\nwant %q", got, tt.want)
			}
		})
	}
}
