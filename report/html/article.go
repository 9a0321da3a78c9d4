package html

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/corroborate/corroborate/report"
)

// piece is a run of an article as shown: cleaned text (with its offsets in
// Text, so citations can highlight it), removed boilerplate (with the
// reason), or extracted text that is in neither (collapsed whitespace).
type piece struct {
	Kind   string // "text", "removed" or "plain"
	Text   string
	Start  int
	End    int
	ID     string // anchor id when a citation starts here
	Reason string
}

// articlePieces renders document d (index di) as pieces over its extracted
// text when the cleaning alignment is consistent, so that removed
// boilerplate shows in place; otherwise over the cleaned text alone, with
// removed reporting false so the caller lists removals apart.
func articlePieces(d *report.Document, di int, bounds map[int]bool) (pieces []piece, inPlace bool) {
	if textAt, ok := extractedMap(d); ok {
		return overExtracted(d, di, textAt, bounds), true
	}
	return overText(d, di, bounds), false
}

// extractedMap returns, for every byte of d.Extracted, the offset in d.Text
// it became (-1 if none), or false when the alignment is missing or does
// not agree with the texts.
func extractedMap(d *report.Document) ([]int, bool) {
	if d.Extracted == "" || len(d.TextToExtracted) == 0 {
		return nil, false
	}
	textAt := make([]int, len(d.Extracted))
	for i := range textAt {
		textAt[i] = -1
	}
	covered := 0
	for _, sg := range d.TextToExtracted {
		n := sg.End - sg.Start
		if sg.Start < 0 || sg.End > len(d.Text) || n < 0 || sg.Src < 0 || sg.Src+n > len(d.Extracted) {
			return nil, false
		}
		if d.Text[sg.Start:sg.End] != d.Extracted[sg.Src:sg.Src+n] {
			return nil, false
		}
		for k := 0; k < n; k++ {
			textAt[sg.Src+k] = sg.Start + k
		}
		covered += n
	}
	// Most of the cleaned text must be found, or the view would mislead.
	nonSpace := len(strings.Join(strings.Fields(d.Text), ""))
	if covered < nonSpace {
		return nil, false
	}
	return textAt, true
}

func overExtracted(d *report.Document, di int, textAt []int, bounds map[int]bool) []piece {
	ex := d.Extracted
	removedAt := make([]int, len(ex))
	for i := range removedAt {
		removedAt[i] = -1
	}
	for ri, r := range d.Removed {
		for k := max(r.Start, 0); k < min(r.End, len(ex)); k++ {
			if textAt[k] < 0 {
				removedAt[k] = ri
			}
		}
	}
	var out []piece
	start := 0
	for p := 1; p <= len(ex); p++ {
		if p < len(ex) && sameRun(textAt, removedAt, p, bounds) && !midRune(ex, p) {
			continue
		}
		pc := piece{Text: ex[start:p]}
		switch {
		case textAt[start] >= 0:
			pc.Kind, pc.Start, pc.End = "text", textAt[start], textAt[p-1]+1
		case removedAt[start] >= 0:
			pc.Kind, pc.Reason = "removed", d.Removed[removedAt[start]].Reason
		default:
			pc.Kind = "plain"
		}
		out = append(out, pc)
		start = p
	}
	return finish(out, di, bounds)
}

// sameRun reports whether byte p continues the run of byte p-1.
func sameRun(textAt, removedAt []int, p int, bounds map[int]bool) bool {
	a, b := textAt[p-1], textAt[p]
	switch {
	case a >= 0 || b >= 0:
		return a >= 0 && b == a+1 && !bounds[b]
	default:
		return removedAt[p-1] == removedAt[p]
	}
}

func midRune(s string, p int) bool { return p < len(s) && !utf8.RuneStart(s[p]) }

func overText(d *report.Document, di int, bounds map[int]bool) []piece {
	cuts := []int{0, len(d.Text)}
	for b := range bounds {
		if b > 0 && b < len(d.Text) && !midRune(d.Text, b) {
			cuts = append(cuts, b)
		}
	}
	sort.Ints(cuts)
	var out []piece
	for i := 1; i < len(cuts); i++ {
		a, b := cuts[i-1], cuts[i]
		if a == b {
			continue
		}
		out = append(out, piece{Kind: "text", Text: d.Text[a:b], Start: a, End: b})
	}
	return finish(out, di, bounds)
}

// finish gives an anchor id to every text piece that starts at a citation
// boundary and repairs invalid UTF-8.
func finish(ps []piece, di int, bounds map[int]bool) []piece {
	for i := range ps {
		if !utf8.ValidString(ps[i].Text) {
			ps[i].Text = strings.ToValidUTF8(ps[i].Text, "\uFFFD")
		}
		if ps[i].Kind == "text" && bounds[ps[i].Start] {
			ps[i].ID = anchorID(di, ps[i].Start)
		}
	}
	return ps
}
