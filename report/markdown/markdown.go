// Package markdown writes a story as a readable Markdown account for people:
// the summary with its citations, the sources, the entities, the timeline,
// quotes, where the sources agree and disagree, and what was removed as
// boilerplate. Citations are written as [doc:start-end] so that a reader can
// find the passage in the JSON output or the HTML report. Text from the
// reports is put on one line, '|' is escaped in table cells and '<' is
// written as &lt; so that no markup in a report becomes markup in the
// account.
package markdown

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

// Write renders the output model of s to w.
func Write(w io.Writer, s *document.Story, generator string) error {
	return Render(w, report.Build(s, generator))
}

// Render writes o to w as Markdown.
func Render(w io.Writer, o *report.Output) error {
	b := &strings.Builder{}
	title := o.Title
	if title == "" {
		title = "Corroborate account"
	}
	fmt.Fprintf(b, "# %s\n\n", oneLine(title))
	fmt.Fprintf(b, "_%d report(s) analysed by %s; every statement cites [document:start-end] byte spans of the cleaned texts._\n\n", len(o.Documents), oneLine(o.Generator))

	if len(o.Summary) > 0 {
		b.WriteString("## Summary\n\n")
		for _, st := range o.Summary {
			fmt.Fprintf(b, "- %s %s\n", oneLine(st.Text), cites(st.Sources))
		}
		b.WriteString("\n")
	}

	b.WriteString("## Sources\n\n| id | outlet | title | published | words | removed | flags |\n|---|---|---|---|---|---|---|\n")
	for _, d := range o.Documents {
		pub := "unknown"
		if d.Published != nil {
			pub = fmt.Sprintf("%s (%s, %s)", d.Published.Value, d.Published.Precision, d.Published.Source)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %d | %d | %s |\n", cell(d.ID), cell(d.Outlet), cell(d.Title), cell(pub),
			len(strings.Fields(d.Text)), len(d.Removed), cell(strings.Join(d.Flags, ", ")))
	}
	b.WriteString("\n")

	if len(o.Entities) > 0 {
		b.WriteString("## Who and what\n\n| entity | type | spellings (per source) | mentions |\n|---|---|---|---|\n")
		for _, e := range o.Entities {
			var al []string
			for _, a := range e.Aliases {
				al = append(al, fmt.Sprintf("%s (%s)", a.Text, countsText(a.Counts)))
			}
			fmt.Fprintf(b, "| %s | %s | %s | %d |\n", cell(e.Name), e.Type, cell(strings.Join(al, "; ")), len(e.Mentions))
		}
		b.WriteString("\n")
	}

	if len(o.Timeline) > 0 {
		b.WriteString("## Timeline\n\n")
		for _, t := range o.Timeline {
			role := ""
			if t.Role == document.RoleBackground {
				role = " _background_"
			}
			fmt.Fprintf(b, "- **%s** (%s precision)%s: %s %s\n", oneLine(firstNonEmpty(t.Label, t.Date)), t.Precision, role, clip(oneLine(t.Text), 240), cites(t.Sources))
		}
		b.WriteString("\n")
	}

	if len(o.Disagreements) > 0 || len(o.Agreements) > 0 {
		b.WriteString("## Where the sources agree and disagree\n\n")
		for _, d := range o.Disagreements {
			fmt.Fprintf(b, "- **Disagreement: %s.**", oneLine(d.About))
			for _, v := range d.Values {
				fmt.Fprintf(b, " %s %s (%d independent);", oneLine(v.Value), cites(v.Sources), v.Independent)
			}
			if d.Conservative != "" {
				fmt.Fprintf(b, " conservative figure: %s.", oneLine(d.Conservative))
			}
			if d.Note != "" {
				fmt.Fprintf(b, " %s", oneLine(d.Note))
			}
			b.WriteString("\n")
		}
		for _, a := range o.Agreements {
			fmt.Fprintf(b, "- Agreement: %s = %s %s (%d independent)\n", oneLine(a.About), oneLine(a.Value.Value), cites(a.Value.Sources), a.Value.Independent)
		}
		b.WriteString("\n")
	}

	if len(o.Derivations) > 0 {
		b.WriteString("## Which reports rely on which\n\n")
		for _, d := range o.Derivations {
			to := d.To
			if to == "" {
				to = d.Outlet
			}
			fmt.Fprintf(b, "- %s relies on %s (%s) %s\n", d.From, cell(to), d.Kind, cites(d.Evidence))
		}
		b.WriteString("\n")
	}

	if len(o.Speakers) > 0 {
		b.WriteString("## Quotes\n\n")
		for _, sp := range o.Speakers {
			fmt.Fprintf(b, "**%s**\n\n", oneLine(sp.Name))
			for _, q := range sp.Quotes {
				kind := "reported"
				if q.Direct {
					kind = "direct"
				}
				as := ""
				if w := strings.Join(strings.Fields(q.Speaker), " "); w != "" && w != sp.Name {
					as = ", as " + oneLine(w)
				}
				if q.Role != "" {
					as += ", " + oneLine(q.Role)
				}
				fmt.Fprintf(b, "- “%s” (%s%s) [%s:%d-%d]\n", oneLine(q.Text), kind, as, q.Doc, q.Start, q.End)
			}
			b.WriteString("\n")
		}
	}

	removed := 0
	for _, d := range o.Documents {
		removed += len(d.Removed)
	}
	if removed > 0 {
		b.WriteString("## Removed as boilerplate\n\n")
		for _, d := range o.Documents {
			for _, r := range d.Removed {
				fmt.Fprintf(b, "- %s [%d-%d] %s: %s\n", d.ID, r.Start, r.End, r.Reason, clip(oneLine(r.Text), 100))
			}
		}
		b.WriteString("\n")
	}

	if len(o.Problems) > 0 {
		b.WriteString("## Problems\n\n")
		for _, p := range o.Problems {
			at := ""
			if c, ok := p.Citation(); ok {
				at = " " + cites([]document.Citation{c})
			}
			fmt.Fprintf(b, "- %s: %s: %s%s\n", oneLine(p.Source), p.Stage, clip(oneLine(p.Error), 300), at)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("writing Markdown report: %w", err)
	}
	return nil
}

func cites(cs []document.Citation) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s:%d-%d", c.Doc, c.Start, c.End)
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

func countsText(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s×%d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// oneLine puts report text on one line and keeps it from being read as
// HTML.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "<", "&lt;")
}

func cell(s string) string { return strings.ReplaceAll(oneLine(s), "|", "\\|") }

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
