package html

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

type pageView struct {
	Title, Generator, CSP string
	Style                 template.CSS
	Script                template.JS
	Summary               []summaryView
	Account               *accountView
	Timeline              timelineView
	Heads                 []headView
	Entities              []entityView
	Claims                []claimRow
	Speakers              []speakerView
	Docs                  []docView
	Problems              []problemView
}

// problemView is one problem, with a link to where it lies when known.
type problemView struct {
	Text string
	Cite *citeView
}

type summaryView struct {
	Text  string
	Cites []citeView
}

// accountView is the headline's sources and the sections "What
// happened" and "What is disputed".
type accountView struct {
	// Parts are the headline's parts with their first citations; Note
	// says why there is no headline, when there is none.
	Parts      []headlinePartView
	Confidence string
	Note       string
	Happened   []factView
	Disputed   []factView
}

type headlinePartView struct {
	Role, Text string
	Cites      []citeView
	More       int
}

type factView struct {
	Text, Support string
	Cites         []citeView
}

// maxHeadlineCites bounds the citations shown for each part of the
// headline; the JSON output carries them all.
const maxHeadlineCites = 3

func buildAccount(a *document.Account, c *citer) *accountView {
	av := &accountView{Confidence: fmtFloat(a.Headline.Confidence)}
	if a.Headline.Fallback {
		av.Note = a.Headline.Reason
	}
	for _, p := range a.Headline.Parts {
		cs, more := p.Citations, 0
		if len(cs) > maxHeadlineCites {
			cs, more = cs[:maxHeadlineCites], len(cs)-maxHeadlineCites
		}
		av.Parts = append(av.Parts, headlinePartView{Role: p.Role, Text: p.Text, Cites: c.cites(cs), More: more})
	}
	for _, f := range a.Happened {
		fv := factView{Text: firstNonEmpty(f.Display, f.Text), Cites: c.cites(f.Sources)}
		if f.About == "" {
			fv.Support = fmt.Sprintf("%d independent report", f.Independent)
			if f.Independent != 1 {
				fv.Support += "s"
			}
		}
		av.Happened = append(av.Happened, fv)
	}
	for _, f := range a.Disputed {
		av.Disputed = append(av.Disputed, factView{Text: firstNonEmpty(f.Display, f.Text), Cites: c.cites(f.Sources)})
	}
	return av
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
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

// Write renders the output model of story s as one self-contained HTML
// page to w.
func Write(w io.Writer, s *document.Story, opts Options) error {
	if s == nil {
		return fmt.Errorf("writing HTML report: story is nil")
	}
	return Render(w, report.Build(s, opts.Generator), opts)
}

// Render writes o as one self-contained HTML page to w.
func Render(w io.Writer, o *report.Output, opts Options) error {
	if o == nil {
		return fmt.Errorf("writing HTML report: output is nil")
	}
	if opts.MaxEntities <= 0 {
		opts.MaxEntities = 200
	}
	if opts.Generator == "" {
		opts.Generator = o.Generator
	}
	c := newCiter(o)
	pv := pageView{Title: opts.Title, Generator: opts.Generator, CSP: csp, Style: styleCSS, Script: scriptJS}
	if pv.Title == "" {
		pv.Title = o.Title
	}
	if pv.Title == "" {
		pv.Title = "Corroborate report"
	}
	// Citations first: they decide where the articles are cut.
	if o.Account != nil {
		pv.Account = buildAccount(o.Account, c)
	}
	for _, ss := range o.Summary {
		pv.Summary = append(pv.Summary, summaryView{Text: firstNonEmpty(ss.Display, ss.Text), Cites: c.cites(ss.Sources)})
	}
	pv.Timeline = buildTimeline(o.Timeline, c)
	pv.Entities = buildEntities(o, c, opts.MaxEntities)
	pv.Claims = buildClaims(o, c)
	pv.Speakers = buildQuotes(o, c)
	for _, p := range o.Problems {
		pr := problemView{Text: p.Source + ": " + p.Stage + ": " + p.Error}
		if ct, ok := p.Citation(); ok {
			cv := c.cite(ct)
			pr.Cite = &cv
		}
		pv.Problems = append(pv.Problems, pr)
	}
	for i := range o.Documents {
		d := &o.Documents[i]
		pv.Heads = append(pv.Heads, headView{Label: docLabel(i), Title: headTitle(d)})
		dv := docView{
			Index: i, Label: docLabel(i), ID: d.ID, Title: oneLine(d.Title), Outlet: d.Outlet, Source: d.Source,
			URL: d.URL, Language: d.Language, Flags: strings.Join(d.Flags, ", "), Problems: d.Problems,
		}
		if d.Published != nil {
			dv.Published = d.Published.Value
			if d.Published.Earliest != "" {
				dv.Published = d.Published.Earliest + " to " + d.Published.Latest
			}
			if d.Published.Source == document.SourceInferred {
				dv.Published += " (inferred: " + d.Published.Note + ")"
			}
		}
		for _, dr := range d.ReliesOn {
			what := dr.Outlet
			if dr.To != "" {
				what = dr.To
				if j := o.DocIndex(dr.To); j >= 0 {
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
		pv.Docs = append(pv.Docs, dv)
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

func headTitle(d *report.Document) string {
	parts := []string{d.ID}
	if d.Outlet != "" {
		parts = append(parts, d.Outlet)
	}
	if d.Title != "" {
		parts = append(parts, clip(d.Title, 80))
	}
	return strings.Join(parts, " · ")
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
