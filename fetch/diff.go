package fetch

import (
	"regexp"
	"strings"
)

// Op says what happened to a paragraph between two versions.
type Op string

// Paragraph operations.
const (
	Same    Op = "="
	Removed Op = "-"
	Added   Op = "+"
)

// ParagraphChange is one line of a paragraph diff. Old and New are the
// paragraph's index in each version, -1 where it does not occur.
type ParagraphChange struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
	Old  int    `json:"old"`
	New  int    `json:"new"`
}

var blankLines = regexp.MustCompile(`\n[ \t]*\n\s*`)

// Paragraphs splits text at blank lines, trimming each paragraph.
func Paragraphs(text string) []string {
	var out []string
	for _, p := range blankLines.Split(strings.ReplaceAll(text, "\r\n", "\n"), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// maxDiffCells bounds the LCS table; longer texts diff paragraph runs
// between the common prefix and suffix only coarsely.
const maxDiffCells = 4 << 20

// DiffParagraphs compares two versions of a text paragraph by paragraph
// (a longest-common-subsequence diff) and lists every paragraph as kept,
// removed or added, in reading order.
func DiffParagraphs(oldText, newText string) []ParagraphChange {
	a, b := Paragraphs(oldText), Paragraphs(newText)
	var out []ParagraphChange
	// Common prefix and suffix first: cheap and the usual case for edits.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		out = append(out, ParagraphChange{Same, a[pre], pre, pre})
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma)*len(mb) > maxDiffCells {
		for i, p := range ma {
			out = append(out, ParagraphChange{Removed, p, pre + i, -1})
		}
		for j, p := range mb {
			out = append(out, ParagraphChange{Added, p, -1, pre + j})
		}
	} else {
		out = append(out, lcsDiff(ma, mb, pre)...)
	}
	for k := 0; k < suf; k++ {
		i, j := len(a)-suf+k, len(b)-suf+k
		out = append(out, ParagraphChange{Same, a[i], i, j})
	}
	return out
}

func lcsDiff(a, b []string, off int) []ParagraphChange {
	n, m := len(a), len(b)
	// l[i][j] = LCS length of a[i:] and b[j:].
	l := make([][]int, n+1)
	for i := range l {
		l[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []ParagraphChange
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, ParagraphChange{Same, a[i], off + i, off + j})
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			out = append(out, ParagraphChange{Removed, a[i], off + i, -1})
			i++
		default:
			out = append(out, ParagraphChange{Added, b[j], -1, off + j})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, ParagraphChange{Removed, a[i], off + i, -1})
	}
	for ; j < m; j++ {
		out = append(out, ParagraphChange{Added, b[j], -1, off + j})
	}
	return out
}
