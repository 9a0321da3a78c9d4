// Package markdown writes a story as a readable Markdown account for people:
// the summary with its citations, the sources, the entities, the timeline,
// quotes, where the sources agree and disagree, and what was removed as
// boilerplate. Citations are written as [doc:start-end] so that a reader can
// find the passage in the JSON output or the HTML report. Text from the
// reports goes through Text: it is put on one line, stripped of bidi and
// other control characters, and its HTML and Markdown syntax escaped, so
// that nothing in a report becomes markup, a link or an image in the
// account, even in a renderer that passes raw HTML through.
package markdown

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

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
	fmt.Fprintf(b, "# %s\n\n", Text(title))
	fmt.Fprintf(b, "_%d report(s) analysed by %s; every statement cites [document:start-end] byte spans of the cleaned texts._\n\n", len(o.Documents), Text(o.Generator))

	if a := o.Account; a != nil {
		writeAccount(b, a)
	}

	if len(o.Summary) > 0 {
		b.WriteString("## Summary\n\n")
		for _, st := range o.Summary {
			fmt.Fprintf(b, "- %s %s\n", Text(firstNonEmpty(st.Display, st.Text)), cites(st.Sources))
		}
		b.WriteString("\n")
	}

	b.WriteString("## Sources\n\n| id | outlet | title | published | words | removed | flags |\n|---|---|---|---|---|---|---|\n")
	for _, d := range o.Documents {
		pub := "unknown"
		if d.Published != nil {
			pub = fmt.Sprintf("%s (%s, %s)", d.Published.Value, d.Published.Precision, d.Published.Source)
			if d.Published.Earliest != "" {
				pub = fmt.Sprintf("%s to %s (%s, %s)", d.Published.Earliest, d.Published.Latest, d.Published.Precision, d.Published.Source)
			}
			if d.Published.Note != "" {
				pub += ": " + d.Published.Note + " " + cites(d.Published.Evidence)
			}
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %d | %d | %s |\n", Cell(d.ID), Cell(d.Outlet), Cell(d.Title), Cell(pub),
			len(strings.Fields(d.Text)), len(d.Removed), Cell(strings.Join(d.Flags, ", ")))
	}
	b.WriteString("\n")

	if len(o.Entities) > 0 {
		b.WriteString("## Who and what\n\n| entity | type | spellings (per source) | mentions |\n|---|---|---|---|\n")
		for _, e := range o.Entities {
			var al []string
			for _, a := range e.Aliases {
				al = append(al, fmt.Sprintf("%s (%s)", Cell(a.Text), Cell(countsText(a.Counts))))
			}
			fmt.Fprintf(b, "| %s | %s | %s | %d |\n", Cell(e.Name), Cell(e.Type), strings.Join(al, "; "), len(e.Mentions))
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
			if n := reportCount(t.Sources); t.Event != "" && n > 1 {
				role += fmt.Sprintf(" _told by %d reports_", n)
			}
			fmt.Fprintf(b, "- **%s** (%s precision)%s: %s %s\n", Text(firstNonEmpty(t.Label, t.Date)), Text(string(t.Precision)), role, Text(clip(plain(t.Text), 240)), cites(t.Sources))
		}
		b.WriteString("\n")
	}

	if len(o.Disagreements) > 0 || len(o.Agreements) > 0 {
		b.WriteString("## Where the sources agree and disagree\n\n")
		for _, d := range o.Disagreements {
			fmt.Fprintf(b, "- **Disagreement: %s.**", Text(d.About))
			for _, v := range d.Values {
				fmt.Fprintf(b, " %s %s (%d independent);", Text(v.Value), cites(v.Sources), v.Independent)
			}
			if d.Conservative != "" {
				fmt.Fprintf(b, " conservative figure: %s.", Text(d.Conservative))
			}
			if d.Note != "" {
				fmt.Fprintf(b, " %s", Text(d.Note))
			}
			b.WriteString("\n")
		}
		for _, a := range o.Agreements {
			fmt.Fprintf(b, "- Agreement: %s = %s %s (%d independent)\n", Text(a.About), Text(a.Value.Value), cites(a.Value.Sources), a.Value.Independent)
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
			fmt.Fprintf(b, "- %s relies on %s (%s) %s\n", Text(d.From), Text(to), Text(d.Kind), cites(d.Evidence))
		}
		b.WriteString("\n")
	}

	if len(o.Speakers) > 0 {
		b.WriteString("## Quotes\n\n")
		for _, sp := range o.Speakers {
			fmt.Fprintf(b, "**%s**\n\n", Text(sp.Name))
			if also := speakerAliases(sp); also != "" {
				fmt.Fprintf(b, "%s\n\n", also)
			}
			for _, q := range sp.Quotes {
				kind := "reported"
				if q.Direct {
					kind = "direct"
				}
				as := ""
				if w := strings.Join(strings.Fields(q.Speaker), " "); w != "" && w != sp.Name {
					as = ", as " + Text(w)
				}
				if q.Role != "" {
					as += ", " + Text(q.Role)
				}
				if q.Speaker == "" && q.SpeakerReason != "" {
					as += ", speaker unknown: " + Text(q.SpeakerReason)
				}
				fmt.Fprintf(b, "- “%s” (%s%s) [%s:%d-%d]", Text(q.Text), kind, as, Text(q.Doc), q.Start, q.End)
				if len(q.Relayed) > 0 {
					fmt.Fprintf(b, "; same words in %s", cites(q.Relayed))
				}
				if len(q.Versions) > 0 {
					fmt.Fprintf(b, "; another version in %s", cites(q.Versions))
				}
				b.WriteString("\n")
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
				fmt.Fprintf(b, "- %s [%d-%d] %s: %s\n", Text(d.ID), r.Start, r.End, Text(r.Reason), Text(clip(plain(r.Text), 100)))
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
			fmt.Fprintf(b, "- %s: %s: %s%s\n", Text(p.Source), Text(p.Stage), Text(clip(plain(p.Error), 300)), at)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("writing Markdown report: %w", err)
	}
	return nil
}

// maxHeadlineCites bounds the citations printed for each part of the
// headline; the JSON output carries them all.
const maxHeadlineCites = 3

// writeAccount writes the headline's sources and the sections "What
// happened" and "What is disputed".
func writeAccount(b *strings.Builder, a *document.Account) {
	h := a.Headline
	if h.Fallback {
		fmt.Fprintf(b, "_No headline could be written from the reports: %s._\n\n", Text(h.Reason))
	} else if len(h.Parts) > 0 {
		var parts []string
		for _, p := range h.Parts {
			cs := p.Citations
			more := ""
			if len(cs) > maxHeadlineCites {
				more = fmt.Sprintf(" and %d more", len(cs)-maxHeadlineCites)
				cs = cs[:maxHeadlineCites]
			}
			parts = append(parts, fmt.Sprintf("%s \"%s\" %s%s", Text(p.Role), Text(p.Text), cites(cs), more))
		}
		fmt.Fprintf(b, "_Headline written from the reports, not taken from any of them (confidence %.2f): %s._\n\n", h.Confidence, strings.Join(parts, "; "))
	}
	b.WriteString("## What happened\n\n")
	if len(a.Happened) == 0 {
		b.WriteString("_No statement about the main event is supported by the summary or the comparison._\n\n")
	}
	for _, f := range a.Happened {
		fmt.Fprintf(b, "- %s %s%s\n", Text(firstNonEmpty(f.Display, f.Text)), cites(f.Sources), supportText(f))
	}
	if len(a.Happened) > 0 {
		b.WriteString("\n")
	}
	if len(a.Disputed) > 0 {
		b.WriteString("## What is disputed\n\n")
		for _, f := range a.Disputed {
			fmt.Fprintf(b, "- %s %s\n", Text(firstNonEmpty(f.Display, f.Text)), cites(f.Sources))
		}
		b.WriteString("\n")
	}
}

// supportText says how many independent reports support a fact, unless
// its text says it already.
func supportText(f document.AccountFact) string {
	if f.About != "" {
		return ""
	}
	if f.Independent == 1 {
		return " (1 independent report)"
	}
	return fmt.Sprintf(" (%d independent reports)", f.Independent)
}

func cites(cs []document.Citation) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s:%d-%d", Text(c.Doc), c.Start, c.End)
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

// reportCount says how many reports the citations come from.
func reportCount(cs []document.Citation) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.Doc] = true
	}
	return len(seen)
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

// Text returns s, text from a report, as Markdown inline text that a
// renderer shows as s and nothing else: on one line; without bidi
// formatting controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
// U+061C), which would reorder the account around them, nor other control
// characters (ESC, DEL, C1…); invalid UTF-8 replaced by U+FFFD; '&', '<'
// and '>' written as character references, so that no HTML from a report
// becomes markup; and the characters of Markdown's inline syntax ('\\',
// '`', '*', '_' but inside words, '[', ']', '~') backslash-escaped, like a
// leading heading, list or thematic break marker and a trailing heading
// closer, so that no link, image, emphasis, code or block comes from a
// report. Other punctuation is left as it is, so the account stays
// readable as plain text. In a table cell use Cell.
func Text(s string) string {
	s = strings.Join(strings.Fields(strings.Map(displayRune, strings.ToValidUTF8(s, "\uFFFD"))), " ")
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, r := range rs {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '[', ']', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '_':
			if i == 0 || i == len(rs)-1 || !wordRune(rs[i-1]) || !wordRune(rs[i+1]) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return escapeEnds(b.String())
}

// Cell is Text for a table cell: '|' is escaped as well.
func Cell(s string) string { return strings.ReplaceAll(Text(s), "|", "\\|") }

// escapeEnds escapes what would start a block at the start of a line (an
// ATX heading, a bullet or ordered list item, a thematic break) and a
// trailing run of '#' that would close a heading. Only a marker that
// CommonMark reads as one is escaped: "-5" and "#tag" stay as they are.
func escapeEnds(s string) string {
	if s == "" {
		return s
	}
	endsMarker := func(i int) bool { return i >= len(s) || s[i] == ' ' }
	switch {
	case s[0] == '#':
		n := len(s) - len(strings.TrimLeft(s, "#"))
		if n <= 6 && endsMarker(n) {
			s = "\\" + s
		}
	case s[0] == '-' && (endsMarker(1) || s[1] == '-'), s[0] == '+' && endsMarker(1):
		s = "\\" + s
	default:
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 0 && n < 10 && n < len(s) && (s[n] == '.' || s[n] == ')') && endsMarker(n+1) {
			s = s[:n] + "\\" + s[n:]
		}
	}
	if strings.HasSuffix(s, "#") {
		i := len(strings.TrimRight(s, "#"))
		if i == 0 || s[i-1] == ' ' {
			s = s[:i] + "\\" + s[i:]
		}
	}
	return s
}

// displayRune maps white space to a space and drops bidi formatting
// controls and other control characters.
func displayRune(r rune) rune {
	switch {
	case unicode.IsSpace(r):
		return ' '
	case r < 0x20 || r >= 0x7F && r <= 0x9F:
		return -1
	case report.IsBidi(r):
		return -1
	}
	return r
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// plain puts s on one line without escaping it, for clipping before Text.
func plain(s string) string { return strings.Join(strings.Fields(s), " ") }

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

// speakerAliases lists the other names and the roles a speaker is quoted
// with ("also named al-Kazimi; roles: Prime Minister, new Iraqi Prime
// Minister"), or "".
func speakerAliases(sp report.Speaker) string {
	var names []string
	for _, n := range sp.Names {
		if n != sp.Name {
			names = append(names, Text(n))
		}
	}
	var parts []string
	if len(names) > 0 {
		parts = append(parts, "also named "+strings.Join(names, ", "))
	}
	if len(sp.Roles) > 0 {
		var rs []string
		for _, r := range sp.Roles {
			rs = append(rs, Text(r))
		}
		parts = append(parts, "roles: "+strings.Join(rs, ", "))
	}
	if len(parts) == 0 {
		return ""
	}
	return "_" + strings.Join(parts, "; ") + "_"
}
