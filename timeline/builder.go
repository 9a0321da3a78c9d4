package timeline

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/timex"
)

// Builder makes the story timeline: one entry per dated event of
// Story.Events (see eventEntries), then, for the dates in the documents'
// Timexes layers that no event entry tells, one entry per sentence, merged
// across reports.
type Builder struct {
	// MergeOverlap is the share of the smaller entry's event words that
	// two entries with the same date must share to merge (default 0.5).
	MergeOverlap float64
	// DayMergeOverlap is the same share for entries dated to the day (or
	// finer), where the shared date is itself strong evidence of one event
	// (default 0.3).
	DayMergeOverlap float64
	// MinWords is the number of event words (outside the time expression)
	// a sentence needs to become an entry; shorter lines such as a
	// dateline are skipped (default 3).
	MinWords int
}

// New returns a builder with the default settings.
func New() *Builder { return &Builder{MergeOverlap: 0.5, DayMergeOverlap: 0.3, MinWords: 3} }

// entry is a timeline entry under construction.
type entry struct {
	period timex.Period
	mod    string
	label  string
	text   string
	words  map[string]bool
	ents   []string
	cites  []document.Citation
	docs   map[string]bool
	order  int    // first appearance, for a stable order
	event  string // the story event the entry tells, if any
}

// Link writes s.Timeline. Documents without a Timexes layer add nothing
// beyond their events.
func (b *Builder) Link(ctx context.Context, s *document.Story) error {
	if s == nil {
		return fmt.Errorf("timeline: nil story")
	}
	minWords := b.MinWords
	if minWords <= 0 {
		minWords = 3
	}
	overlap, dayOverlap := b.MergeOverlap, b.DayMergeOverlap
	if overlap <= 0 {
		overlap = 0.5
	}
	if dayOverlap <= 0 {
		dayOverlap = 0.3
	}
	events, covered := eventEntries(s)
	var entries []*entry
	order := len(events)
	for _, d := range s.Docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if d == nil || len(d.Timexes) == 0 {
			continue
		}
		sents := d.Sentences
		mx := spans.Mentions(d.Mentions)
		var in []int
		for xi, x := range d.Timexes {
			if x.Type != "DATE" && x.Type != "TIME" || !x.Span.Valid(len(d.Text)) || x.Start >= x.End {
				continue
			}
			p, err := ParsePeriod(x.Value)
			if err != nil {
				if !errors.Is(err, timex.ErrUnresolved) && !errors.Is(err, timex.ErrNotCalendar) {
					// a value the tagger should never write: say where
					d.AddProblem("timeline", document.ErrorAt(x.Span, fmt.Errorf("time expression %q: %w", x.Text, err)))
				}
				continue // unresolved, a reference, or coarser than a decade
			}
			sp, ok := sentenceOf(sents, x.Span)
			if !ok || !sp.Valid(len(d.Text)) {
				continue
			}
			if x.Type == "TIME" && bareClock.MatchString(x.Text) {
				continue // a clock time alone ("7 p.m.") says nothing of the day
			}
			if isDateline(d.Text, sp, x.Span) {
				continue // the report's own date, not an event's
			}
			if boundsPeriod(d.Text, sp, x.Span) {
				continue // "since 2003": where a period starts or ends, not an event
			}
			if covered.has(d.ID, xi, x.Span, p) {
				continue // an event's entry tells it already
			}
			if x.End > sp.End {
				// the sentence splitter cut inside the expression ("Sept." +
				// "30"): take the sentences it runs into as well
				sp.End = x.End
				if next, ok := sentenceOf(sents, document.Span{Start: x.End - 1, End: x.End}); ok && next.End > sp.End {
					sp.End = next.End
				}
			}
			sp = clauseOf(d.Text, sp, x.Span)
			words := eventWords(d.Text, sp, x.Span)
			if len(words) < minWords {
				continue
			}
			in = mx.Inside(in[:0], sp)
			ents := mentionsIn(d, in)
			for _, mi := range in {
				if m := d.Mentions[mi]; m.Entity != "" {
					words["@"+m.Entity] = true // resolved entities compare across spellings
				}
			}
			e := &entry{
				period: p,
				mod:    x.Mod,
				label:  Label(p, x.Mod),
				text:   strings.Join(strings.Fields(d.Text[sp.Start:sp.End]), " "),
				words:  words,
				ents:   ents,
				cites:  []document.Citation{{Doc: d.ID, Start: sp.Start, End: sp.End}},
				docs:   map[string]bool{d.ID: true},
				order:  order,
			}
			order++
			entries = append(entries, e)
		}
	}
	entries = append(events, merge(entries, overlap, dayOverlap)...)
	sort.SliceStable(entries, func(i, j int) bool {
		a, c := entries[i], entries[j]
		if !a.period.Start.Equal(c.period.Start) {
			return a.period.Start.Before(c.period.Start)
		}
		if ra, rc := rank(a.period.Precision()), rank(c.period.Precision()); ra != rc {
			return ra > rc // a coarser period first at the same start
		}
		return a.order < c.order
	})
	roles := markRoles(entries)
	s.Timeline = s.Timeline[:0]
	for i, e := range entries {
		s.Timeline = append(s.Timeline, document.TimelineEntry{
			Date:      e.period.Value,
			Precision: e.period.Precision(),
			Label:     e.label,
			Text:      e.text,
			Entities:  e.ents,
			Sources:   e.cites,
			Role:      roles[i],
			Event:     e.event,
		})
	}
	return nil
}

// rank orders precisions from finest (0) to coarsest.
func rank(p document.Precision) int {
	switch p {
	case document.PrecisionTime:
		return 0
	case document.PrecisionDay:
		return 1
	case document.PrecisionWeek:
		return 2
	case document.PrecisionMonth:
		return 3
	case document.PrecisionSeason:
		return 4
	case document.PrecisionQuarter:
		return 5
	case document.PrecisionYear:
		return 6
	case document.PrecisionDecade:
		return 7
	}
	return 8
}

// merge joins entries with the same date value and modifier whose event
// words overlap enough: pairs are taken from the most to the least similar
// and their groups joined unless that would put two sentences of one
// report in a group (single link). A group keeps the text of its first
// entry and cites all. One sentence with several expressions of the same
// date counts once.
func merge(entries []*entry, overlap, dayOverlap float64) []*entry {
	// drop repeats of the same sentence and date (every entry cites one
	// sentence so far)
	type seenKey struct {
		value, mod string
		cite       document.Citation
	}
	var uniq []*entry
	seen := map[seenKey]bool{}
	for _, e := range entries {
		k := seenKey{e.period.Value, e.mod, e.cites[0]}
		if !seen[k] {
			seen[k] = true
			uniq = append(uniq, e)
		}
	}
	// Only entries of one date value and modifier from different reports
	// are compared: bucket them by value and modifier, then by report, so
	// that the sentences of one long report are never paired with each
	// other one by one.
	type groupKey struct{ value, mod string }
	groups := map[groupKey]map[string][]int{}
	for i, e := range uniq {
		k := groupKey{e.period.Value, e.mod}
		if groups[k] == nil {
			groups[k] = map[string][]int{}
		}
		groups[k][e.cites[0].Doc] = append(groups[k][e.cites[0].Doc], i)
	}
	var later []int
	type pair struct {
		a, b int
		sim  float64
	}
	var pairs []pair
	for i, a := range uniq {
		need := overlap
		if a.period.Precision() == document.PrecisionDay {
			need = dayOverlap
		}
		// the entries after a of its value and modifier from other
		// reports, in order
		later = later[:0]
		for doc, members := range groups[groupKey{a.period.Value, a.mod}] {
			if doc == a.cites[0].Doc {
				continue
			}
			from := sort.SearchInts(members, i+1)
			later = append(later, members[from:]...)
		}
		sort.Ints(later)
		for _, j := range later {
			b := uniq[j]
			if sim := similarity(a.words, b.words); sim >= need {
				pairs = append(pairs, pair{i, j, sim})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].sim > pairs[j].sim })
	group := make([]int, len(uniq))
	for i := range group {
		group[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		for group[i] != i {
			i = group[i]
		}
		return i
	}
	for _, p := range pairs {
		ra, rb := root(p.a), root(p.b)
		if ra == rb {
			continue
		}
		if docsOverlap(uniq[ra].docs, uniq[rb].docs) {
			continue
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		group[rb] = ra
		for d := range uniq[rb].docs {
			uniq[ra].docs[d] = true
		}
	}
	var out []*entry
	for i, e := range uniq {
		r := root(i)
		if r == i {
			out = append(out, e)
			continue
		}
		o := uniq[r]
		o.cites = append(o.cites, e.cites...)
		o.ents = union(o.ents, e.ents)
	}
	return out
}

func docsOverlap(a, b map[string]bool) bool {
	for d := range a {
		if b[d] {
			return true
		}
	}
	return false
}

// similarity is the overlap coefficient |A∩B| / min(|A|, |B|).
func similarity(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(min(len(a), len(b)))
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	for _, x := range a {
		seen[x] = true
	}
	for _, x := range b {
		if !seen[x] {
			a = append(a, x)
			seen[x] = true
		}
	}
	return a
}

// sentenceOf returns the sentence that holds span x.
func sentenceOf(sents []document.Span, x document.Span) (document.Span, bool) {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > x.Start })
	if i < len(sents) && sents[i].Start <= x.Start {
		return sents[i], true
	}
	return document.Span{}, false
}

// mentionsIn lists the entities (resolved ids when known, else the text)
// of d's mentions at positions in (those inside a span, in order), without
// repeats.
func mentionsIn(d *document.Document, in []int) []string {
	var out []string
	seen := map[string]bool{}
	for _, mi := range in {
		m := d.Mentions[mi]
		name := m.Entity
		if name == "" {
			name = m.Text
		}
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// clauseOf narrows sentence sp to the clause around x when the sentence is
// a list of clauses separated by semicolons, so that each dated event of
// such a sentence cites its own words.
func clauseOf(text string, sp, x document.Span) document.Span {
	if !strings.Contains(text[sp.Start:sp.End], ";") {
		return sp
	}
	start, end := sp.Start, sp.End
	if i := strings.LastIndexByte(text[sp.Start:x.Start], ';'); i >= 0 {
		start = sp.Start + i + 1
	}
	if i := strings.IndexByte(text[x.End:sp.End], ';'); i >= 0 {
		end = x.End + i
	}
	for start < end && (text[start] == ' ' || text[start] == '\n') {
		start++
	}
	return document.Span{Start: start, End: end}
}

// isDateline reports whether the time expression x opens sentence sp as a
// wire dateline ("BASRA, March 11, 2026 (Gulf Wire) - …"): only capitalised
// place words before it and a dash soon after it.
func isDateline(text string, sp, x document.Span) bool {
	for _, r := range text[sp.Start:x.Start] {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	end := min(x.End+48, sp.End)
	after := text[x.End:end]
	return strings.Contains(after, " - ") || strings.Contains(after, " – ") || strings.Contains(after, " — ")
}

// boundsPeriod reports whether the time expression x only starts or ends a
// period ("killed in Iraq since 2003", "held until March"): the word before
// it in sentence sp is since, until or till. Such a point dates no event of
// its own, so it makes no timeline entry.
func boundsPeriod(text string, sp, x document.Span) bool {
	before := strings.TrimRightFunc(text[sp.Start:x.Start], unicode.IsSpace)
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	switch strings.ToLower(before[i+1:]) {
	case "since", "until", "till":
		return true
	}
	return false
}

// bareClock matches times of day that name no day: their date is only the
// anchor's guess, too weak for a timeline entry.
var bareClock = regexp.MustCompile(`(?i)^(?:(?:shortly|just|soon)\s+)?(?:(?:after|before|around|about|at|by|until)\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|o'clock|gmt|utc)?|noon|midnight|(?:the|this|that|in the)?\s*(?:morning|afternoon|evening|night))$`)

// markRoles separates the story's main event from the background the
// reports recall. The main event is the day-dated entry told by the most
// reports (ties go to the one nearest the top of its report); entries that
// end more than a day before it are background, the rest (the event and
// its aftermath) main. Without a day-dated entry no roles are given.
func markRoles(entries []*entry) []string {
	roles := make([]string, len(entries))
	main := -1
	for i, e := range entries {
		if e.period.Precision() != document.PrecisionDay && e.period.Precision() != document.PrecisionTime {
			continue
		}
		if main < 0 || len(e.docs) > len(entries[main].docs) ||
			len(e.docs) == len(entries[main].docs) && leadOffset(e) < leadOffset(entries[main]) {
			main = i
		}
	}
	if main < 0 {
		return roles
	}
	cut := entries[main].period.Start.AddDate(0, 0, -1)
	for i, e := range entries {
		if e.period.End.After(cut) {
			roles[i] = document.RoleMain
		} else {
			roles[i] = document.RoleBackground
		}
	}
	return roles
}

// leadOffset is how far into its report an entry's earliest citation lies.
func leadOffset(e *entry) int {
	best := -1
	for _, c := range e.cites {
		if best < 0 || c.Start < best {
			best = c.Start
		}
	}
	return best
}

// Contract declares the layers the stage reads and writes: the events it
// builds entries from must be dated by the anchoring first.
func (x *Builder) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted, document.LayerText, document.LayerSentences, document.LayerMentions, document.LayerTimexes, document.LayerEntities,
		document.LayerEvents, document.LayerAnchors).Gives(document.LayerTimeline)
}
