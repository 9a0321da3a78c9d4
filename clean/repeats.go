package clean

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// titleSeparators split a page title from its outlet suffix
// ("Headline | Outlet").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// stripSuffix removes a short " | Outlet"-style suffix from a normalized
// line and returns the rest (or the line unchanged).
func stripSuffix(n string) string {
	best := -1
	sepLen := 0
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(n, sep); i > best {
			best, sepLen = i, len(sep)
		}
	}
	if best <= 0 {
		return n
	}
	suffix, prefix := n[best+sepLen:], strings.TrimSpace(n[:best])
	// The suffix is a short name; the headline before it must be the
	// longer part ("Iraq - Iran tensions rise" has no outlet suffix).
	ws, wp := countWords(suffix), countWords(prefix)
	if ws > 5 || strings.ContainsAny(suffix, ".!?,;") || wp < 3 || wp <= ws {
		return n
	}
	return prefix
}

// stripAffix removes an outlet suffix ("Headline | Outlet") or, failing
// that, an outlet prefix ("Outlet - Headline") from a normalized line.
func stripAffix(n string) string {
	if a := stripSuffix(n); a != n {
		return a
	}
	for _, sep := range titleSeparators {
		i := strings.Index(n, sep)
		if i <= 0 {
			continue
		}
		prefix, rest := n[:i], strings.TrimSpace(n[i+len(sep):])
		wp, wr := countWords(prefix), countWords(rest)
		if wp <= 4 && wr >= 3 && wr > wp && !strings.ContainsAny(prefix, ".!?,;:") {
			return rest
		}
	}
	return n
}

// headlineWindow is how many lines from the top may be headline variants.
const headlineWindow = 6

// runRepeatedHeadlines removes repeats of the headline: a line equal to an
// earlier headline line, possibly with an " | Outlet" suffix on either.
// When a suffixed page title and the bare headline both appear, the bare
// headline stays. With Options.DropTitleLine, a line equal to the title
// goes even when it is the first.
func runRepeatedHeadlines(st *state) {
	title := normalize(st.d.Title)
	titleAlt := stripAffix(title)
	isTitle := func(k, a string) bool {
		return title != "" && (k == title || a == title || k == titleAlt || a == titleAlt)
	}
	seen := map[string]int{} // key → index of the kept headline line
	for i := range st.units {
		u := &st.units[i]
		if !st.free(i) || u.words > 40 || sentenceEnds(u.text) > 1 {
			continue
		}
		k := u.norm
		if i >= headlineWindow && (titleAlt == "" || !strings.Contains(k, titleAlt)) {
			continue
		}
		a := stripAffix(k)
		// With a known title only its variants count; without one, any
		// headline-like line near the top may be the headline.
		if !isTitle(k, a) && (title != "" || i >= headlineWindow || u.isReporting() || endsSentence(u.text)) {
			continue
		}
		if st.opts.DropTitleLine && isTitle(k, a) {
			st.mark(i, CodeRepeatedHeadline, "the document title, shown apart from the text")
			continue
		}
		e, ok := seen[k]
		if !ok {
			e, ok = seen[a]
		}
		if !ok {
			seen[k], seen[a] = i, i
			continue
		}
		prev := &st.units[e]
		if stripAffix(prev.norm) != prev.norm && a == k {
			// The earlier line is the page title with the outlet's name;
			// keep the bare headline instead.
			st.mark(e, CodeRepeatedHeadline, "page title with the outlet's name, repeated by the headline below")
			seen[k], seen[a] = i, i
			continue
		}
		st.mark(i, CodeRepeatedHeadline, "repeats the headline above")
	}
}

// minRepeatWords is the shortest line runRepeatedLines removes: shorter
// repeats are table headers and list labels.
const minRepeatWords = 6

// runRepeatedLines removes a line that repeats the line right before it
// word for word (an extraction glitch); the first copy stays, so no
// sentence is lost. Repeats further apart are left alone: tables, lists
// and pull quotes repeat lines on purpose.
func runRepeatedLines(st *state) {
	for i := 1; i < len(st.units); i++ {
		u := &st.units[i]
		if st.free(i) && u.words >= minRepeatWords && u.norm == st.units[i-1].norm {
			st.mark(i, CodeRepeatedLine, "repeats the line before it word for word")
		}
	}
}

// runCrossDocRepeats removes lines that other documents of the same outlet
// also carry, when the line is not a sentence of reporting (two reports by
// one outlet may share a wire paragraph, which stays), not the title, and
// lies outside the article body: before its first or after its last kept
// line of reporting, where page furniture sits. Shared short lines in the
// middle of two articles (a fact box, a subheading) stay.
func runCrossDocRepeats(st *state) {
	if len(st.repeated) == 0 {
		return
	}
	first, last := len(st.units), -1
	for i := range st.units {
		if st.free(i) && st.units[i].isReporting() {
			first = min(first, i)
			last = i
		}
	}
	title := normalize(st.d.Title)
	titleAlt := stripAffix(title)
	for i := range st.units {
		u := &st.units[i]
		if !st.free(i) || !st.repeated[u.norm] || u.isReporting() || u.words > 25 || first < i && i < last {
			continue
		}
		if u.norm == title || u.norm == titleAlt || stripAffix(u.norm) == titleAlt {
			continue
		}
		st.mark(i, CodeCrossDocRepeat, "line also found in other documents of "+quote(st.d.Outlet))
	}
}

// repeatIndex counts, per outlet, how many documents carry each line.
type repeatIndex struct {
	docs   []string   // outlet key per document
	lines  [][]string // normalized lines per document
	counts map[string]map[string]int
}

// newRepeatIndex indexes the lines of docs by outlet.
func newRepeatIndex(docs []*document.Document) *repeatIndex {
	x := &repeatIndex{docs: make([]string, len(docs)), lines: make([][]string, len(docs)), counts: map[string]map[string]int{}}
	perOutlet := map[string]int{}
	for i, d := range docs {
		if d == nil {
			continue
		}
		x.docs[i] = nameKey(d.Outlet)
		if x.docs[i] != "" {
			perOutlet[x.docs[i]]++
		}
	}
	for i, d := range docs {
		key := x.docs[i]
		if key == "" || perOutlet[key] < 2 {
			continue
		}
		x.lines[i] = distinctLines(d.Extracted)
		m := x.counts[key]
		if m == nil {
			m = map[string]int{}
			x.counts[key] = m
		}
		for _, l := range x.lines[i] {
			m[l]++
		}
	}
	return x
}

// entry returns what the index knows of document i: its lines and the
// counts of its outlet (nil counts when no other document shares the
// outlet).
func (x *repeatIndex) entry(i int) indexed {
	return indexed{lines: x.lines[i], counts: x.counts[x.docs[i]]}
}

// indexed is one document's part of the repeat index.
type indexed struct {
	lines  []string       // distinct normalized lines of the document
	counts map[string]int // per line, how many documents of its outlet carry it
}

// repeated returns the lines of the document that another document of its
// outlet also carries.
func (e indexed) repeated() map[string]bool {
	if e.counts == nil {
		return nil
	}
	out := map[string]bool{}
	for _, l := range e.lines {
		if e.counts[l] >= 2 {
			out[l] = true
		}
	}
	return out
}

// repeatsAmong returns the lines of d that a sibling of the same outlet
// also carries.
func repeatsAmong(d *document.Document, siblings []*document.Document) map[string]bool {
	key := nameKey(d.Outlet)
	if key == "" {
		return nil
	}
	var others map[string]bool
	for _, o := range siblings {
		if nameKey(o.Outlet) != key {
			continue
		}
		if others == nil {
			others = map[string]bool{}
		}
		for _, l := range distinctLines(o.Extracted) {
			others[l] = true
		}
	}
	if others == nil {
		return nil
	}
	out := map[string]bool{}
	for _, l := range distinctLines(d.Extracted) {
		if others[l] {
			out[l] = true
		}
	}
	return out
}

// distinctLines returns the distinct normalized lines of text.
func distinctLines(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, u := range splitUnits(text) {
		if !seen[u.norm] {
			seen[u.norm] = true
			out = append(out, u.norm)
		}
	}
	return out
}
