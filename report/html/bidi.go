package html

import (
	"html/template"

	"github.com/corroborate/corroborate/report"
)

// isolate returns report text s for an HTML text context: s itself when it
// holds no bidi control (the template escapes it), else s escaped, with
// its controls balanced (report.BalanceBidi), inside <bdi>, so that it
// reads as written and nothing around it is reordered.
func isolate(s string) any {
	if !report.HasBidi(s) {
		return s
	}
	return template.HTML("<bdi>" + template.HTMLEscapeString(report.BalanceBidi(s)) + "</bdi>")
}

// plain returns s without bidi controls, for where <bdi> cannot go:
// attributes, the window title and SVG text.
func plain(s string) string { return report.StripBidi(s) }
