package timeline

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/corroborate/corroborate/document"
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

// WriteTimelineJS writes s.Timeline as TimelineJS3 JSON: a title slide and
// one event per entry with its start date at the entry's precision
// (year, month, day), the date label as display date and headline, the
// sentence and its sources as text, and the entry's first entity as group.
func WriteTimelineJS(w io.Writer, s *document.Story) error {
	if s == nil {
		return fmt.Errorf("writing TimelineJS: nil story")
	}
	tl := tjsTimeline{Events: []tjsEvent{}}
	headline := "Timeline"
	for _, d := range s.Docs {
		if d != nil && d.Title != "" {
			headline = d.Title
			break
		}
	}
	reports := map[string]bool{}
	for _, e := range s.Timeline {
		for _, c := range e.Sources {
			reports[c.Doc] = true
		}
	}
	tl.Title = &tjsTitle{Text: tjsText{
		Headline: html.EscapeString(headline),
		Text:     fmt.Sprintf("%d dated events from %d reports", len(s.Timeline), len(reports)),
	}}
	for i, e := range s.Timeline {
		p, err := ParsePeriod(e.Date)
		if err != nil {
			return fmt.Errorf("writing TimelineJS: entry %d (%q): %w", i, e.Label, err)
		}
		ev := tjsEvent{
			StartDate: tjsDate{Year: p.Year, DisplayDate: e.Label},
			Text:      tjsText{Headline: html.EscapeString(e.Label), Text: eventHTML(s, e)},
		}
		switch p.Precision {
		case document.PrecisionDay, document.PrecisionWeek:
			ev.StartDate.Month, ev.StartDate.Day = p.Month, p.Day
		case document.PrecisionMonth, document.PrecisionQuarter, document.PrecisionSeason:
			ev.StartDate.Month = p.Month
		}
		if len(e.Entities) > 0 {
			ev.Group = e.Entities[0]
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
func eventHTML(s *document.Story, e document.TimelineEntry) string {
	var b strings.Builder
	b.WriteString("<p>")
	b.WriteString(html.EscapeString(e.Text))
	b.WriteString("</p><p>Sources: ")
	for i, c := range e.Sources {
		if i > 0 {
			b.WriteString("; ")
		}
		name := c.Doc
		if d := s.Doc(c.Doc); d != nil && d.Outlet != "" {
			name = d.Outlet + " (" + c.Doc + ")"
		}
		fmt.Fprintf(&b, "%s [%d–%d]", html.EscapeString(name), c.Start, c.End)
	}
	b.WriteString("</p>")
	return b.String()
}
