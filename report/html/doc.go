// Package html writes a story as one self-contained HTML page: the cited
// summary (each citation opens its passage highlighted in the article), the
// timeline drawn in inline SVG, the entity table, a source × claim matrix,
// quotes grouped by speaker, and every article's text with the boilerplate
// that cleaning removed shown greyed with its reason. Like every writer it
// reads the output model (report.Output): Render takes one, Write builds it
// from a story.
//
// The page makes no external requests: CSS, script and SVG are inline, and
// a Content-Security-Policy allows only the page's own script and style
// (by hash). All text from the articles goes through html/template's
// contextual escaping; text holding bidi controls is shown inside <bdi>
// with its controls balanced, and the controls are dropped where <bdi>
// cannot go (attributes, the window title, SVG), so that no report can
// reorder the page around its text.
package html
