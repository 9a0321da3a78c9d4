// Package markdown writes a story as a readable Markdown account for people:
// the summary with its citations, the sources, the entities, the timeline,
// quotes, where the sources agree and disagree, and what was removed as
// boilerplate. Citations are written as [doc:start-end] so that a reader can
// find the passage in the JSON output or the HTML report.
package markdown

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/report"
)

// Write renders the story to w.
func Write(w io.Writer, s *document.Story, generator string) error {
	o := report.Build(s, generator)
	b := &strings.Builder{}
	title := "Corroborate account"
	if len(o.Documents) > 0 && o.Documents[0].Title != "" {
		title = o.Documents[0].Title
	}
	fmt.Fprintf(b, "# %s\n\n", oneLine(title))
	fmt.Fprintf(b, "_%d report(s) analysed by %s; every statement cites [document:start-end] byte spans of the cleaned texts._\n\n", len(o.Documents), generator)

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

	if len(o.Quotes) > 0 {
		b.WriteString("## Quotes\n\n")
		names := map[string]string{}
		for _, e := range o.Entities {
			names[e.ID] = e.Name
		}
		bySpeaker := map[string][]report.Quote{}
		var speakers []string
		for _, q := range o.Quotes {
			sp := q.Speaker
			if n, ok := names[q.SpeakerEntity]; ok {
				sp = n // one heading per person, whatever the spelling
			}
			if sp == "" {
				sp = "(unattributed)"
			}
			if _, ok := bySpeaker[sp]; !ok {
				speakers = append(speakers, sp)
			}
			bySpeaker[sp] = append(bySpeaker[sp], q)
		}
		sort.Strings(speakers)
		for _, sp := range speakers {
			fmt.Fprintf(b, "**%s**\n\n", oneLine(sp))
			for _, q := range bySpeaker[sp] {
				kind := "reported"
				if q.Direct {
					kind = "direct"
				}
				as := ""
				if q.Speaker != "" && q.Speaker != sp {
					as = ", as " + oneLine(q.Speaker)
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
			fmt.Fprintf(b, "- %s: %s: %s\n", p.Source, p.Stage, clip(oneLine(p.Error), 300))
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

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

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
