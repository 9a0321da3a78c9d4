package html

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/document"
)

type pageView struct {
	Title, Generator, CSP string
	Style                 template.CSS
	Script                template.JS
	Summary               []summaryView
	Timeline              timelineView
	Heads                 []headView
	Entities              []entityView
	Claims                []claimRow
	Speakers              []speakerView
	Docs                  []docView
	Problems              []string
}

type summaryView struct {
	Text  string
	Cites []citeView
}

type headView struct{ Label, Title string }

type docView struct {
	Index                                            int
	Label, ID, Title, Outlet, Source, URL, Published string
	Language, Flags                                  string
	// ReliesOn says which reports or outlets this one relays or copies.
	ReliesOn []string
	Pieces   []piece
	Removed  []document.Removal
	Problems []string
}

// Write renders story s as one self-contained HTML page to w.
func Write(w io.Writer, s *document.Story, opts Options) error {
	if s == nil {
		return fmt.Errorf("writing HTML report: story is nil")
	}
	if opts.MaxEntities <= 0 {
		opts.MaxEntities = 200
	}
	c := newCiter(s)
	pv := pageView{Title: opts.Title, Generator: opts.Generator, CSP: csp, Style: styleCSS, Script: scriptJS}
	if pv.Title == "" {
		pv.Title = "Corroborate report"
		if len(s.Docs) > 0 && strings.TrimSpace(s.Docs[0].Title) != "" {
			pv.Title = oneLine(s.Docs[0].Title)
		}
	}
	// Citations first: they decide where the articles are cut.
	for _, ss := range s.Summary {
		pv.Summary = append(pv.Summary, summaryView{Text: ss.Text, Cites: c.cites(ss.Sources)})
	}
	pv.Timeline = buildTimeline(s.Timeline, c)
	pv.Entities = buildEntities(s, c, opts.MaxEntities)
	pv.Claims = buildClaims(s, c)
	pv.Speakers = buildQuotes(s, c)
	for i, d := range s.Docs {
		pv.Heads = append(pv.Heads, headView{Label: docLabel(i), Title: headTitle(d)})
		dv := docView{
			Index: i, Label: docLabel(i), ID: d.ID, Title: oneLine(d.Title), Outlet: d.Outlet, Source: d.Source,
			URL: d.URL, Language: d.Language, Flags: strings.Join(d.Flags, ", "),
		}
		if !d.Published.IsZero() {
			dv.Published = d.Published.Value
		}
		for _, dr := range s.Derivations {
			if dr.From != d.ID {
				continue
			}
			what := dr.Outlet
			if dr.To != "" {
				what = dr.To
				if j := docIndex(s, dr.To); j >= 0 {
					what = docLabel(j) + " (" + dr.To + ")"
				}
			}
			dv.ReliesOn = append(dv.ReliesOn, what+", "+dr.Kind)
		}
		var inPlace bool
		dv.Pieces, inPlace = articlePieces(d, i, c.bounds[i])
		if !inPlace {
			dv.Removed = d.Removed
		}
		for _, p := range d.Problems {
			dv.Problems = append(dv.Problems, p.Stage+": "+errText(p.Err))
		}
		pv.Docs = append(pv.Docs, dv)
	}
	for _, p := range s.Problems {
		pv.Problems = append(pv.Problems, p.Source+": "+p.Stage+": "+errText(p.Err))
	}
	bw := bufio.NewWriter(w)
	if err := page.Execute(bw, pv); err != nil {
		return fmt.Errorf("writing HTML report: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing HTML report: %w", err)
	}
	return nil
}

func headTitle(d *document.Document) string {
	parts := []string{d.ID}
	if d.Outlet != "" {
		parts = append(parts, d.Outlet)
	}
	if d.Title != "" {
		parts = append(parts, clip(d.Title, 80))
	}
	return strings.Join(parts, " · ")
}

func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// docIndex returns the index of the document with the given id, or -1.
func docIndex(s *document.Story, id string) int {
	for i, d := range s.Docs {
		if d.ID == id {
			return i
		}
	}
	return -1
}
