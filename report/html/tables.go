package html

import (
	"fmt"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

// entityView is one row of the entity table.
type entityView struct {
	Name    string
	Type    string
	Roles   string
	Aliases []aliasView
	Counts  []int // mentions per document, in document order
	Total   int
	First   citeView
	HasCite bool
}

type aliasView struct {
	Text  string
	Count int
	Title string // per-document counts
}

func buildEntities(o *report.Output, c *citer, maxRows int) []entityView {
	var out []entityView
	for _, e := range o.Entities {
		ev := entityView{Name: e.Name, Type: e.Type, Roles: strings.Join(e.Roles, "; "), Counts: make([]int, len(o.Documents))}
		for _, m := range e.Mentions {
			if i := o.DocIndex(m.Doc); i >= 0 {
				ev.Counts[i]++
				ev.Total++
			}
		}
		for _, a := range e.Aliases {
			av := aliasView{Text: a.Text}
			var parts []string
			docs := make([]string, 0, len(a.Counts))
			for d := range a.Counts {
				docs = append(docs, d)
			}
			sort.Slice(docs, func(i, j int) bool { return o.DocIndex(docs[i]) < o.DocIndex(docs[j]) })
			for _, d := range docs {
				av.Count += a.Counts[d]
				label := d
				if i := o.DocIndex(d); i >= 0 {
					label = docLabel(i)
				}
				parts = append(parts, fmt.Sprintf("%s: %d", label, a.Counts[d]))
			}
			av.Title = strings.Join(parts, ", ")
			ev.Aliases = append(ev.Aliases, av)
		}
		sort.SliceStable(ev.Aliases, func(i, j int) bool { return ev.Aliases[i].Count > ev.Aliases[j].Count })
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Total > out[j].Total })
	if len(out) > maxRows {
		out = out[:maxRows]
	}
	// Cite each shown entity's first mention.
	for i := range out {
		for _, e := range o.Entities {
			if e.Name == out[i].Name && e.Type == out[i].Type && len(e.Mentions) > 0 {
				out[i].First = c.cite(e.Mentions[0].Citation)
				out[i].HasCite = out[i].First.Doc >= 0
				break
			}
		}
	}
	return out
}

// claimRow is one claim across the sources: what each says, coloured.
type claimRow struct {
	About string
	Kind  string // "agreement" or "disagreement"
	Note  string
	Cells []claimCell
}

type claimCell struct {
	Class string // "agree", "disagree", "silent"
	Value string
	Cites []citeView
}

func buildClaims(o *report.Output, c *citer) []claimRow {
	var rows []claimRow
	for _, a := range o.Agreements {
		row := claimRow{About: a.About, Kind: "agreement", Cells: silentCells(len(o.Documents))}
		fill(&row, a.Value, "agree", c)
		rows = append(rows, row)
	}
	for _, d := range o.Disagreements {
		row := claimRow{About: d.About, Kind: "disagreement", Cells: silentCells(len(o.Documents))}
		ref := referenceValue(d)
		if d.Conservative != "" {
			row.Note = "careful reading: " + d.Conservative
			if d.Note != "" {
				row.Note += " (" + d.Note + ")"
			}
		}
		// Fill the reference value last so that a source giving it and
		// another value shows as disagreeing.
		for _, v := range d.Values {
			if v.Value != ref {
				fill(&row, v, "disagree", c)
			}
		}
		for _, v := range d.Values {
			if v.Value == ref {
				fill(&row, v, "agree", c)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// referenceValue is the value the other values are compared with: the
// conservative value when it is one of them, else the one most sources
// give.
func referenceValue(d document.Disagreement) string {
	best, n := "", -1
	for _, v := range d.Values {
		if v.Value == d.Conservative {
			return v.Value
		}
		if len(v.Sources) > n {
			best, n = v.Value, len(v.Sources)
		}
	}
	return best
}

func silentCells(n int) []claimCell {
	cells := make([]claimCell, n)
	for i := range cells {
		cells[i].Class = "silent"
	}
	return cells
}

func fill(row *claimRow, v document.ClaimValue, class string, c *citer) {
	for _, src := range v.Sources {
		cv := c.cite(src)
		if cv.Doc < 0 {
			continue
		}
		cell := &row.Cells[cv.Doc]
		switch {
		case cell.Class == "silent":
			cell.Class, cell.Value = class, v.Value
		case cell.Value != v.Value:
			cell.Class = "disagree"
			cell.Value += " / " + v.Value
		}
		cell.Cites = append(cell.Cites, cv)
	}
}

// speakerView groups the quotes of one speaker.
type speakerView struct {
	Name   string
	Names  []string
	Roles  []string
	Quotes []quoteView
}

type quoteView struct {
	Text      string
	Role      string
	Direct    bool
	Anonymous bool
	Cite      citeView
	// Reason says why the speaker is unknown.
	Reason   string
	Relayed  []citeView
	Versions []citeView
}

// buildQuotes shows the model's speaker groups.
func buildQuotes(o *report.Output, c *citer) []speakerView {
	out := make([]speakerView, 0, len(o.Speakers))
	for _, sp := range o.Speakers {
		v := speakerView{Name: sp.Name, Roles: sp.Roles}
		for _, n := range sp.Names {
			if n != sp.Name {
				v.Names = append(v.Names, n)
			}
		}
		for _, q := range sp.Quotes {
			qv := quoteView{
				Text: oneLine(q.Text), Role: q.Role, Direct: q.Direct, Anonymous: q.Anonymous,
				Cite: c.cite(document.Citation{Doc: q.Doc, Start: q.Start, End: q.End}),
			}
			if q.Speaker == "" {
				qv.Reason = q.SpeakerReason
			}
			for _, r := range q.Relayed {
				qv.Relayed = append(qv.Relayed, c.cite(r))
			}
			for _, r := range q.Versions {
				qv.Versions = append(qv.Versions, c.cite(r))
			}
			v.Quotes = append(v.Quotes, qv)
		}
		out = append(out, v)
	}
	return out
}
