// Package timelinejs writes the story's timeline as TimelineJS3 JSON
// (https://timeline.knightlab.com/docs/json-format.html): a title slide
// and one slide per timeline entry, read from the output model.
package timelinejs

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
	"github.com/corroborate/corroborate/timex"
)

// tjsDate is a TimelineJS3 date object.
type tjsDate struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

// tjsText is a TimelineJS3 text object.
type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// tjsEvent is one TimelineJS3 slide.
type tjsEvent struct {
	StartDate tjsDate `json:"start_date"`
	Text      tjsText `json:"text"`
	Group     string  `json:"group,omitempty"`
}

// tjsTimeline is the TimelineJS3 JSON document.
type tjsTimeline struct {
	Title  *tjsTitle  `json:"title,omitempty"`
	Events []tjsEvent `json:"events"`
}

type tjsTitle struct {
	Text tjsText `json:"text"`
}

// Write writes the timeline of story s as TimelineJS3 JSON.
func Write(w io.Writer, s *document.Story) error {
	if s == nil {
		return fmt.Errorf("writing TimelineJS: nil story")
	}
	return Render(w, report.Build(s, ""))
}

// Render writes o.Timeline as TimelineJS3 JSON: a title slide (the
// account's title, else "Timeline") and one event per entry with its start
// date at the entry's grain (year; month for months, seasons, quarters and
// half years; month and day for days and weeks), the date label as display
// date and headline, the sentence and its sources as text, and the entry's
// first entity as group. All text is HTML-escaped, since TimelineJS shows
// it as HTML, and text holding bidi controls is put in <bdi> with its
// controls balanced, so that it cannot reorder the slide around it. An entry whose date names no period fails the write.
func Render(w io.Writer, o *report.Output) error {
	if o == nil {
		return fmt.Errorf("writing TimelineJS: nil output")
	}
	tl := tjsTimeline{Events: []tjsEvent{}}
	headline := o.Title
	if headline == "" {
		headline = "Timeline"
	}
	reports := map[string]bool{}
	for _, e := range o.Timeline {
		for _, c := range e.Sources {
			reports[c.Doc] = true
		}
	}
	tl.Title = &tjsTitle{Text: tjsText{
		Headline: htmlText(headline),
		Text:     fmt.Sprintf("%d dated events from %d reports", len(o.Timeline), len(reports)),
	}}
	for i, e := range o.Timeline {
		if e.Period == nil {
			return fmt.Errorf("writing TimelineJS: entry %d (%q): date %q names no period", i, e.Label, e.Date)
		}
		p := e.Period
		ev := tjsEvent{
			StartDate: tjsDate{Year: p.Start.Year(), DisplayDate: htmlText(e.Label)},
			Text:      tjsText{Headline: htmlText(e.Label), Text: eventHTML(o, e)},
		}
		switch {
		case p.Grain <= timex.GrainWeek:
			ev.StartDate.Month, ev.StartDate.Day = int(p.Start.Month()), p.Start.Day()
		case p.Grain <= timex.GrainHalf:
			ev.StartDate.Month = int(p.Start.Month())
		}
		if len(e.Entities) > 0 {
			ev.Group = htmlText(e.Entities[0])
		}
		tl.Events = append(tl.Events, ev)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tl); err != nil {
		return fmt.Errorf("writing TimelineJS: %w", err)
	}
	return nil
}

// eventHTML is the slide text: the sentence and the reports that tell it.
func eventHTML(o *report.Output, e report.TimelineEntry) string {
	var b strings.Builder
	b.WriteString("<p>")
	b.WriteString(htmlText(e.Text))
	b.WriteString("</p><p>Sources: ")
	for i, c := range e.Sources {
		if i > 0 {
			b.WriteString("; ")
		}
		name := c.Doc
		if d := o.Doc(c.Doc); d != nil && d.Outlet != "" {
			name = d.Outlet + " (" + c.Doc + ")"
		}
		fmt.Fprintf(&b, "%s [%d–%d]", htmlText(name), c.Start, c.End)
	}
	b.WriteString("</p>")
	return b.String()
}

// htmlText returns report text s as HTML: escaped, and inside <bdi> with
// its bidi controls balanced when it holds any.
func htmlText(s string) string {
	if !report.HasBidi(s) {
		return html.EscapeString(s)
	}
	return "<bdi>" + html.EscapeString(report.BalanceBidi(s)) + "</bdi>"
}
