package html

import (
	"fmt"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
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

func buildEntities(s *document.Story, c *citer, maxRows int) []entityView {
	var out []entityView
	for _, e := range s.Entities {
		ev := entityView{Name: e.Name, Type: e.Type, Roles: strings.Join(e.Roles, "; "), Counts: make([]int, len(s.Docs))}
		for _, m := range e.Mentions {
			if i, ok := c.index[m.Doc]; ok {
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
			sort.Slice(docs, func(i, j int) bool { return c.index[docs[i]] < c.index[docs[j]] })
			for _, d := range docs {
				av.Count += a.Counts[d]
				label := d
				if i, ok := c.index[d]; ok {
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
		for _, e := range s.Entities {
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

func buildClaims(s *document.Story, c *citer) []claimRow {
	var rows []claimRow
	for _, a := range s.Agreements {
		row := claimRow{About: a.About, Kind: "agreement", Cells: silentCells(len(s.Docs))}
		fill(&row, a.Value, "agree", c)
		rows = append(rows, row)
	}
	for _, d := range s.Disagreements {
		row := claimRow{About: d.About, Kind: "disagreement", Cells: silentCells(len(s.Docs))}
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
	Quotes []quoteView
}

type quoteView struct {
	Text      string
	Role      string
	Direct    bool
	Anonymous bool
	Cite      citeView
}

func buildQuotes(s *document.Story, c *citer) []speakerView {
	names := map[string]string{}
	for _, e := range s.Entities {
		names[e.ID] = e.Name
	}
	groups := map[string]*speakerView{}
	var order []string
	for i, d := range s.Docs {
		for _, q := range d.Quotes {
			key, name := speakerKey(q, names)
			g, ok := groups[key]
			if !ok {
				g = &speakerView{Name: name}
				groups[key] = g
				order = append(order, key)
			}
			txt := q.Text
			if txt == "" {
				txt = d.Slice(q.Span)
			}
			g.Quotes = append(g.Quotes, quoteView{
				Text: oneLine(txt), Role: q.Role, Direct: q.Direct, Anonymous: q.Anonymous,
				Cite: c.cite(s.Cite(i, q.Span)),
			})
		}
	}
	out := make([]speakerView, 0, len(order))
	for _, k := range order {
		out = append(out, *groups[k])
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Quotes) > len(out[j].Quotes) })
	return out
}

func speakerKey(q document.Quote, names map[string]string) (key, name string) {
	if q.SpeakerEntity != "" {
		if n, ok := names[q.SpeakerEntity]; ok {
			return "e:" + q.SpeakerEntity, n
		}
	}
	if sp := oneLine(q.Speaker); sp != "" {
		return "s:" + strings.ToLower(sp), sp
	}
	return "-", "(speaker not identified)"
}
