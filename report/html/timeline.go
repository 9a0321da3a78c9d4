package html

import (
	"fmt"
	"sort"
	"time"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

// Timeline drawing geometry (SVG user units).
const (
	svgWidth   = 960
	svgLeft    = 20
	svgPlot    = 560 // width of the time axis
	svgRow     = 24
	svgTop     = 34
	minMarkW   = 6
	labelChars = 55
)

// timelineView is the drawn timeline and the table beneath it.
type timelineView struct {
	Height  int
	Width   int
	AxisY   int
	Ticks   []tick
	Marks   []mark
	Entries []entryView
}

type tick struct {
	X      float64
	Label  string
	Anchor string // SVG text-anchor
}

// mark is one entry drawn on the axis: a dot for a day or finer, a bar
// spanning the period for coarser precisions.
type mark struct {
	X, Y, W float64
	Dot     bool
	Class   string
	Label   string
	LabelX  float64
	Title   string
}

type entryView struct {
	Date      string
	Precision string
	Label     string
	Text      string
	Entities  []string
	Sources   []citeView
	// Role is "main" or "background" (or empty when unknown).
	Role string
	// Reports is how many reports tell the entry's event (0 for an entry
	// not built from a story event).
	Reports int
}

// buildTimeline lays out the timeline: entries whose date names a period
// (read once, in the model, by timex.ParseValue) are drawn in date order;
// every entry is listed in the table.
func buildTimeline(entries []report.TimelineEntry, c *citer) timelineView {
	type dated struct {
		e          document.TimelineEntry
		start, end time.Time
	}
	var ds []dated
	var tv timelineView
	for _, e := range entries {
		tv.Entries = append(tv.Entries, entryView{
			Date: e.Date, Precision: string(e.Precision), Label: e.Label, Text: e.Text,
			Entities: e.Entities, Sources: c.cites(e.Sources), Role: e.Role, Reports: eventReports(e.TimelineEntry),
		})
		if e.Period != nil {
			ds = append(ds, dated{e.TimelineEntry, e.Period.Start, e.Period.End})
		}
	}
	tv.Width = svgWidth
	if len(ds) == 0 {
		return tv
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].start.Before(ds[j].start) })
	lo, hi := ds[0].start, ds[0].end
	for _, d := range ds {
		if d.end.After(hi) {
			hi = d.end
		}
	}
	span := hi.Sub(lo).Hours()
	if span <= 0 {
		span = 24
	}
	x := func(t time.Time) float64 { return svgLeft + svgPlot*t.Sub(lo).Hours()/span }
	tv.AxisY = svgTop - 12
	tv.Height = svgTop + svgRow*len(ds) + 8
	tv.Ticks = []tick{{X: x(lo), Label: lo.Format("2006-01-02"), Anchor: "start"}, {X: x(hi), Label: hi.Add(-time.Second).Format("2006-01-02"), Anchor: "middle"}}
	if span > 24*60 {
		mid := lo.Add(time.Duration(span/2) * time.Hour)
		tv.Ticks = append(tv.Ticks, tick{X: x(mid), Label: mid.Format("2006-01-02"), Anchor: "middle"})
	}
	for i, d := range ds {
		y := float64(svgTop + i*svgRow)
		x0, x1 := x(d.start), x(d.end)
		m := mark{X: x0, Y: y, W: x1 - x0, Class: "p-" + precisionClass(d.e.Precision)}
		if d.e.Precision == document.PrecisionDay || d.e.Precision == document.PrecisionTime || m.W < minMarkW {
			m.Dot = true
			m.X = (x0 + x1) / 2
		}
		prec := string(d.e.Precision)
		if prec == "" {
			prec = "unknown precision"
		}
		label := d.e.Label
		if label == "" {
			label = d.e.Text
		}
		m.Label = fmt.Sprintf("%s (%s) %s", d.e.Date, prec, clip(label, labelChars))
		m.LabelX = svgLeft + svgPlot + 12
		m.Title = fmt.Sprintf("%s, precision %s: %s", d.e.Date, prec, clip(d.e.Text, 200))
		tv.Marks = append(tv.Marks, m)
	}
	return tv
}

func precisionClass(p document.Precision) string {
	if p == "" {
		return "unknown"
	}
	return string(p)
}

// eventReports counts the reports an event entry cites (0 for other
// entries).
func eventReports(e document.TimelineEntry) int {
	if e.Event == "" {
		return 0
	}
	seen := map[string]bool{}
	for _, c := range e.Sources {
		seen[c.Doc] = true
	}
	return len(seen)
}
