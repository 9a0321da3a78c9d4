package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestPick(t *testing.T) {
	good := func(words, paras int, agree float64) Features {
		return Features{Words: words, Paras: paras, Agreement: agree}
	}
	teaser := Features{Words: 900, Paras: 60, Teaser: 0.5, LinkShare: 0.4, Agreement: 0.2}
	tests := []struct {
		name  string
		feats []Features
		pair  [][]float64
		want  int
	}{
		{"trafilatura agrees", []Features{good(500, 10, 0.95), good(520, 11, 0.95), good(480, 9, 0.9)},
			[][]float64{{0, .95, .9}, {.95, 0, .9}, {.9, .9, 0}}, 0},
		{"trafilatura empty", []Features{good(0, 0, 0), good(300, 8, 0.9), good(250, 7, 0.9)},
			[][]float64{{0, 0, 0}, {0, 0, .9}, {0, .9, 0}}, 1},
		{"trafilatura short, others bad", []Features{good(20, 1, 0.1), teaser, teaser},
			[][]float64{{0, .1, .1}, {.1, 0, .2}, {.1, .2, 0}}, 0},
		{"trafilatura picked teaser cards", []Features{teaser, good(400, 9, 0.9), good(380, 8, 0.9)},
			[][]float64{{0, .2, .2}, {.2, 0, .9}, {.2, .9, 0}}, 1},
		{"trafilatura alone, pair agrees: shorter of pair", []Features{good(200, 5, 0.5), good(900, 20, 0.93), good(850, 19, 0.93)},
			[][]float64{{0, .5, .4}, {.5, 0, .93}, {.4, .93, 0}}, 2},
		{"trafilatura alone, pair disagrees too", []Features{good(200, 5, 0.5), good(900, 20, 0.6), good(850, 19, 0.6)},
			[][]float64{{0, .5, .4}, {.5, 0, .6}, {.4, .6, 0}}, 0},
		{"readability wrong (teasers), distiller agrees", []Features{good(600, 12, 0.97), teaser, good(590, 12, 0.97)},
			[][]float64{{0, .1, .97}, {.1, 0, .1}, {.97, .1, 0}}, 0},
		{"flat baseline paragraph", []Features{good(600, 1, 0.98), good(590, 14, 0.98), good(560, 12, 0.9)},
			[][]float64{{0, .98, .9}, {.98, 0, .9}, {.9, .9, 0}}, 1},
		{"only one candidate", []Features{good(300, 6, 0)}, [][]float64{{0}}, 0},
		{"nothing at all", []Features{good(0, 0, 0)}, [][]float64{{0}}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := make([]scored, len(tt.feats))
			for i, f := range tt.feats {
				sc[i] = scored{candidate: &candidate{name: fmt.Sprint(i)}, f: f}
			}
			if got := pick(sc, tt.pair); got != tt.want {
				t.Errorf("pick = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestFeaturesTeaser(t *testing.T) {
	links := map[string]bool{}
	var paras []Paragraph
	for i := 0; i < 20; i++ {
		head := fmt.Sprintf("Council weighs new plan for harbour district %d", i)
		links[head] = true
		paras = append(paras, Paragraph{Text: head}, Paragraph{Text: "Members debated the cost of the scheme for hours."})
	}
	f := features(&candidate{paras: paras}, links)
	if f.Teaser < 0.4 || !bad(f) {
		t.Errorf("teaser block not recognized: %+v", f)
	}
	story := features(&candidate{paras: []Paragraph{{Text: strings.Join(storyParagraphs, " ")}}}, links)
	if bad(story) {
		t.Errorf("story marked bad: %+v", story)
	}
}

func TestCutAtComments(t *testing.T) {
	body := strings.Repeat("word ", 30)
	tests := []struct {
		paras []string
		want  int
	}{
		{[]string{body, body, body, "Comments", "I disagree."}, 3},
		{[]string{body, body, body, "3 Comments", "Nice."}, 3},
		{[]string{body, body, body, "Leave a Reply", "x"}, 3},
		{[]string{"Comments", body, body, body}, 4}, // too early to trust
		{[]string{body, body, body, "Comments are closed on this story and more", body}, 5},
	}
	for _, tt := range tests {
		c := &candidate{}
		for _, p := range tt.paras {
			c.paras = append(c.paras, Paragraph{Text: p})
		}
		cutAtComments(c)
		if len(c.paras) != tt.want {
			t.Errorf("%q: kept %d paragraphs, want %d", tt.paras[3], len(c.paras), tt.want)
		}
	}
}
