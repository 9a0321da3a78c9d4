package timeline

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/pipeline"
)

// Options are the knobs of our timeline builder, tuned on the trial
// (Apple) corpus only.
type Options struct {
	// MinEventShare is the lexicon share above which a word is a trigger
	// (fallback detector only).
	MinEventShare float64
	// Window is how many tokens from a mention of the target an event may
	// lie (0: the whole sentence).
	Window int
	// DCTFallback anchors an event with no date in its sentence to its
	// document's creation time.
	DCTFallback bool
	// SameSentenceTie puts the events of one sentence with one date on the
	// same position; otherwise each gets its own, in text order.
	SameSentenceTie bool
	// Unplace leaves events the text does not assert, and states, off the
	// ordered timeline (position 0).
	Unplace bool
	// ReportingLead dates a reporting event ("said") by the lead date or
	// creation time, not by a date in its sentence (which usually belongs
	// to what is reported).
	ReportingLead bool
	// LooseNames accepts plural names, one inserted capitalised word, and
	// "the <head noun>" of a target ending in a common noun.
	LooseNames bool
	// Pronouns takes pronouns whose nearest preceding name is the
	// target's as its mentions.
	Pronouns bool
	// SameDateTie puts all events with one date on the same position, as
	// the gold timelines mostly do.
	SameDateTie bool
	// MainDate anchors an event with no date in its sentence to the date
	// of the document's lead (before DCTFallback).
	MainDate bool
	// Triggers chooses the trigger source: "events" (the event stage's
	// mentions, the lexicon when a document has none), "lexicon", or
	// "union".
	Triggers string
	// Args also takes an event whose agent or patient argument names the
	// target, however far from the mention.
	Args bool
	// Finest anchors to the finest date of the sentence rather than the
	// nearest.
	Finest bool
	// Carry anchors an event with no date in its sentence to the day of
	// the nearest of the Carry sentences before it that gives one.
	Carry int
}

// defaultOptions are the tuned values (see Run's output for the trial
// score they give).
var defaultOptions = Options{MinEventShare: 0.5, Window: 2, DCTFallback: true, SameSentenceTie: true, SameDateTie: true, Unplace: true, Pronouns: true, ReportingLead: true, LooseNames: true, Triggers: "union", Args: true, Carry: 2, MainDate: true}

// tokRef places a token of a built document back in the task's files.
type tokRef struct {
	doc  string
	sent int
	word string
	span document.Span
}

// built is one task document run through our pipeline, with the byte
// span of every token of the original tokenisation.
type built struct {
	src  *Doc
	d    *document.Document
	toks []tokRef
	// sentToks lists, per sentence order index, the token indexes.
	sentToks [][]int
}

// build lays a task document out as plain text, one sentence a line, and
// keeps where each original token lands.
func build(src *Doc) *built {
	var b strings.Builder
	out := &built{src: src}
	for _, sid := range src.Order {
		var idx []int
		for _, w := range src.Sentences[sid] {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			idx = append(idx, len(out.toks))
			out.toks = append(out.toks, tokRef{doc: src.ID, sent: sid, word: w, span: document.Span{Start: start, End: b.Len()}})
		}
		out.sentToks = append(out.sentToks, idx)
		b.WriteString("\n")
	}
	d := &document.Document{ID: src.ID, Source: src.ID, Format: document.FormatText, Text: b.String(), Language: "en"}
	if !src.DCT.IsZero() {
		d.Published = document.DayDate(src.DCT, "record")
	}
	out.d = d
	return out
}

// analyse runs the given steps over the corpus documents as one story.
func analyse(ctx context.Context, c *Corpus, steps []pipeline.Step) ([]*built, *document.Story, error) {
	st := document.NewStory()
	var bs []*built
	for _, src := range c.Docs {
		b := build(src)
		bs = append(bs, b)
		st.Add(b.d)
	}
	given := []document.Layer{document.LayerRaw, document.LayerExtracted, document.LayerFlags, document.LayerStory, document.LayerText}
	p, err := pipeline.New(given, steps...)
	if err != nil {
		return nil, nil, err
	}
	p.Workers = 1
	if err := p.Run(ctx, st); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", c.Name, err)
	}
	return bs, st, nil
}

// candidate is an event of the target's timeline.
type candidate struct {
	tok  tokRef
	doc  int // index in the corpus
	ord  int // sentence order index
	pos  int // token index in the document
	date string
}

// nameVariants returns the token sequences (lower case) that name the
// target: its full name, its words run together ("DaimlerChrysler"), the
// acronym of its capitalised words ("USAF"), every run of two or more of
// its words ("Air Force", "Apple Corps"), and a person-like two-word
// name's last word ("Jobs"); never another target's name.
func nameVariants(target string, others []string) [][]string {
	ws := strings.Fields(target)
	seen := map[string]bool{}
	// Another target's name is that target's, not a short form of this
	// one ("General Motors" is not "General Motors creditors").
	for _, o := range others {
		if k := strings.ToLower(strings.Join(strings.Fields(o), " ")); k != strings.ToLower(strings.Join(ws, " ")) {
			seen[k] = true
		}
	}
	var out [][]string
	add := func(v []string) {
		k := strings.ToLower(strings.Join(v, " "))
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, strings.Fields(k))
	}
	add(ws)
	if len(ws) > 1 {
		add([]string{strings.Join(ws, "")})
		var acr strings.Builder
		caps := 0
		for _, w := range ws {
			r := []rune(w)
			if unicode.IsUpper(r[0]) {
				acr.WriteRune(r[0])
				caps++
			}
		}
		if caps >= 2 {
			add([]string{acr.String()})
		}
		for n := len(ws) - 1; n >= 2; n-- {
			for i := 0; i+n <= len(ws); i++ {
				add(ws[i : i+n])
			}
		}
		if len(ws) == 2 && isNameWord(ws[0]) && isNameWord(ws[1]) {
			add(ws[1:])
		}
	}
	return out
}

// isNameWord reports whether w looks like a word of a person's name:
// capitalised letters only.
func isNameWord(w string) bool {
	r := []rune(w)
	if len(r) < 2 || !unicode.IsUpper(r[0]) {
		return false
	}
	for _, c := range r[1:] {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

// entityMentions returns, per document, the tokens that name the target:
// a name variant as a token sequence, and every mention the resolver put
// in an entity one of whose names is the target's.
func entityMentions(target string, others []string, bs []*built, st *document.Story, opt Options) []map[int]bool {
	out := make([]map[int]bool, len(bs))
	variants := nameVariants(target, others)
	full := strings.Join(variants[0], " ")
	ids := map[string]bool{}
	for _, e := range st.Entities {
		names := []string{e.Name}
		for _, a := range e.Aliases {
			names = append(names, a.Text)
		}
		for _, n := range names {
			if strings.EqualFold(strings.Join(strings.Fields(n), " "), full) {
				ids[e.ID] = true
			}
		}
	}
	for i, b := range bs {
		out[i] = map[int]bool{}
		for _, want := range variants {
			for k := range b.toks {
				if end := matchName(b, k, want, opt.LooseNames); end > k {
					for j := k; j < end; j++ {
						out[i][j] = true
					}
				}
			}
		}
		if opt.LooseNames {
			headMentions(b, target, out[i])
		}
		for _, m := range b.d.Mentions {
			if m.Entity == "" || !ids[m.Entity] {
				continue
			}
			for k, t := range b.toks {
				if m.Span.Overlaps(t.span) {
					out[i][k] = true
				}
			}
		}
		if opt.Pronouns {
			pronounMentions(b, target, out[i])
		}
	}
	return out
}

// matchName returns the end (exclusive) of the token run from k that
// spells want, or k when none. Loose also accepts a plural last word
// ("iPods") and one capitalised word inserted between two of its words
// ("iTunes Music Store" for "iTunes store").
func matchName(b *built, k int, want []string, loose bool) int {
	j := k
	for n, w := range want {
		if j >= len(b.toks) || b.toks[j].sent != b.toks[k].sent {
			return k
		}
		got := strings.ToLower(b.toks[j].word)
		// A one-word name is a name only where it has a capital ("Press",
		// "iPod", not "press").
		if len(want) == 1 && b.toks[j].word == got {
			return k
		}
		if got == w || loose && n == len(want)-1 && (got == w+"s" || got == w+"es") {
			j++
			continue
		}
		if loose && n > 0 && j+1 < len(b.toks) && isNameWord(b.toks[j].word) && strings.ToLower(b.toks[j+1].word) == w {
			j += 2
			continue
		}
		return k
	}
	return j
}

// headMentions marks "the <head>" as the target's when the target's last
// word is a common noun ("the store" for "iTunes store") and the nearest
// preceding mention of the head word is the target's.
func headMentions(b *built, target string, ment map[int]bool) {
	ws := strings.Fields(target)
	head := ws[len(ws)-1]
	if len(ws) < 2 || !unicode.IsLower([]rune(head)[0]) {
		return
	}
	seen := false
	for k := 1; k < len(b.toks); k++ {
		if ment[k] {
			seen = true
			continue
		}
		if seen && strings.EqualFold(b.toks[k].word, head) && strings.ToLower(b.toks[k-1].word) == "the" {
			ment[k] = true
		}
	}
}

// pronounMentions marks as the target's the personal pronouns (for a
// person's name) or "it", "its" and "the company" (for another name)
// whose nearest preceding name of the same kind is the target's: a
// target mention, or another name the tagger found.
func pronounMentions(b *built, target string, ment map[int]bool) {
	person := isPersonName(target)
	last := false // whether the nearest preceding name is the target
	for k, t := range b.toks {
		if ment[k] {
			last = true
			continue
		}
		for _, m := range b.d.Mentions {
			if m.Span.Overlaps(t.span) && (person && (m.Type == "PERSON" || m.Type == "PER") || !person && m.Type == "ORG") {
				last = false
			}
		}
		w := strings.ToLower(t.word)
		switch {
		case person && (w == "he" || w == "him" || w == "his" || w == "she" || w == "her"):
		case !person && (w == "it" || w == "its"):
		case !person && w == "company" && k > 0 && strings.ToLower(b.toks[k-1].word) == "the":
		default:
			continue
		}
		if last {
			ment[k] = true
		}
	}
}

// isPersonName reports whether a target looks like a person's name: two
// or three capitalised words.
func isPersonName(target string) bool {
	ws := strings.Fields(target)
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if !isNameWord(w) {
			return false
		}
	}
	return true
}

// mainDate returns the date of the document's lead: the first day given
// in its first four sentences of six words or more (the title and
// dateline are shorter or carry no other date), when it falls in the
// week before the creation time. News leads date their main event so,
// and later undated sentences usually share it. "" when none.
func mainDate(b *built) string {
	seen := 0
	for ord := 0; ord < len(b.sentToks) && seen < 4; ord++ {
		if len(b.sentToks[ord]) < 6 {
			continue
		}
		seen++
		for _, c := range sentenceDates(b, ord) {
			if strings.Contains(c.value, "X") {
				continue
			}
			t, err := time.Parse("2006-01-02", c.value)
			if err != nil || b.src.DCT.IsZero() {
				continue
			}
			if !t.After(b.src.DCT) && t.After(b.src.DCT.AddDate(0, 0, -8)) {
				return c.value
			}
		}
	}
	return ""
}

// triggers returns the token indexes of b that are event triggers (the
// event stage's, the lexicon's or both, per opt.Triggers), and, for
// event-stage triggers, their agent and patient arguments and whether
// they stay unplaced.
func triggers(b *built, lex eventLexicon, opt Options) trigs {
	out := map[int]bool{}
	unplaced := map[int]bool{}
	reporting := map[int]bool{}
	args := map[int][]document.Span{}
	useEvents := opt.Triggers != "lexicon" && len(b.d.Events) > 0
	if useEvents {
		for _, ev := range b.d.Events {
			for k, t := range b.toks {
				// The trigger's head: its first word that is not an
				// auxiliary ("killed" of "was killed").
				if ev.Span.Overlaps(t.span) && (!auxiliaries[strings.ToLower(t.word)] || k+1 >= len(b.toks) || !ev.Span.Overlaps(b.toks[k+1].span)) {
					out[k] = true
					if !ev.Asserted() || ev.Class == document.EventState || ev.Class == document.EventIState {
						unplaced[k] = true
					}
					if ev.Class == document.EventReporting {
						reporting[k] = true
					}
					for _, a := range ev.Args {
						if a.Role == document.ArgAgent || a.Role == document.ArgPatient {
							args[k] = append(args[k], a.Span)
						}
					}
					break
				}
			}
		}
	}
	if !useEvents || opt.Triggers == "union" {
		for k, t := range b.toks {
			// A capitalised word inside a sentence is a name ("iPod Touch").
			if r := []rune(t.word); len(r) > 0 && unicode.IsUpper(r[0]) && k > 0 && b.toks[k-1].sent == t.sent {
				continue
			}
			if lex[strings.ToLower(t.word)] >= opt.MinEventShare {
				out[k] = true
			}
		}
	}
	if !opt.Unplace {
		unplaced = nil
	}
	for k, t := range b.toks {
		if sayWords[strings.ToLower(t.word)] {
			reporting[k] = true
		}
	}
	return trigs{is: out, args: args, unplaced: unplaced, reporting: reporting}
}

// auxiliaries are left out of a trigger's head.
var auxiliaries = map[string]bool{"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "to": true, "did": true, "does": true, "do": true, "not": true}

// sayWords are reporting verbs, for triggers the event stage did not
// classify.
var sayWords = map[string]bool{"said": true, "says": true, "say": true, "told": true, "tells": true, "stated": true, "added": true, "noted": true}

// trigs are a document's triggers by token index: which tokens are
// triggers, the agent and patient spans of event-stage triggers, and
// which events stay off the ordered timeline (not asserted, or states).
type trigs struct {
	is, unplaced, reporting map[int]bool
	args                    map[int][]document.Span
}

// anchor returns the task date (2008-03-01, 2008-03-XX, 2008-XX-XX) of a
// date expression in sentence ord for token k, or "" when none: with
// finest set, the finest such date (then the nearest), else the nearest.
func anchor(b *built, ord, k int, finest bool) string {
	sp := b.toks[k].span
	best, bestDist, bestPrec := "", 1<<30, -1
	for _, c := range sentenceDates(b, ord) {
		dist := c.span.Start - sp.End
		if dist < 0 {
			dist = sp.Start - c.span.End
		}
		prec := 0
		if finest {
			prec = strings.Count(c.value, "-") - strings.Count(c.value, "X")/2
		}
		if prec > bestPrec || prec == bestPrec && dist < bestDist {
			best, bestDist, bestPrec = c.value, dist, prec
		}
	}
	return best
}

type dated struct {
	value string
	span  document.Span
}

// sentenceDates returns the calendar dates of sentence ord's time
// expressions, in the task's format.
func sentenceDates(b *built, ord int) []dated {
	idx := b.sentToks[ord]
	if len(idx) == 0 {
		return nil
	}
	lo, hi := b.toks[idx[0]].span.Start, b.toks[idx[len(idx)-1]].span.End
	var out []dated
	for _, tx := range b.d.Timexes {
		if tx.Start < lo || tx.End > hi || tx.Type != "DATE" {
			continue
		}
		if v := taskDate(tx.Value); v != "" {
			out = append(out, dated{v, tx.Span})
		}
	}
	return out
}

// carried returns the day-precision date of the nearest earlier sentence
// of the document (at most back sentences back, after the title and
// dateline) that has one, or "".
func carried(b *built, ord, back int) string {
	for o := ord - 1; o >= 0 && o >= ord-back; o-- {
		if len(b.sentToks[o]) < 6 {
			continue
		}
		for _, c := range sentenceDates(b, o) {
			if !strings.Contains(c.value, "X") {
				return c.value
			}
		}
	}
	return ""
}

// taskDate turns a TIMEX3 date value into the task's date format, or ""
// when it names no calendar year, month or day.
func taskDate(v string) string {
	if len(v) < 4 {
		return ""
	}
	y := v[:4]
	for _, r := range y {
		if r < '0' || r > '9' {
			return ""
		}
	}
	switch {
	case len(v) >= 10 && v[4] == '-' && v[7] == '-' && isDigits(v[5:7]) && isDigits(v[8:10]):
		return v[:10]
	case len(v) >= 7 && v[4] == '-' && isDigits(v[5:7]):
		return v[:7] + "-XX"
	case len(v) == 4:
		return y + "-XX-XX"
	}
	return ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// buildTimeline makes the target's timeline from the analysed corpus;
// others are all the targets of the corpus.
func buildTimeline(target string, others []string, bs []*built, st *document.Story, lex eventLexicon, opt Options) Timeline {
	ments := entityMentions(target, others, bs, st, opt)
	var cands []candidate
	for i, b := range bs {
		if len(ments[i]) == 0 {
			continue
		}
		tr := triggers(b, lex, opt)
		for ord, idx := range b.sentToks {
			var inSent []int
			for _, k := range idx {
				if ments[i][k] {
					inSent = append(inSent, k)
				}
			}
			if len(inSent) == 0 {
				continue
			}
			for _, k := range idx {
				if !tr.is[k] || ments[i][k] {
					continue
				}
				if opt.Window > 0 && !(opt.Args && argNamesTarget(b, tr.args[k], ments[i])) {
					near := false
					for _, m := range inSent {
						if d := k - m; d <= opt.Window && d >= -opt.Window {
							near = true
							break
						}
					}
					if !near {
						continue
					}
				}
				if tr.unplaced[k] {
					cands = append(cands, candidate{tok: b.toks[k], doc: i, ord: ord, pos: k})
					continue
				}
				date := ""
				if !(opt.ReportingLead && tr.reporting[k]) {
					date = anchor(b, ord, k, opt.Finest)
				}
				if date == "" && opt.Carry > 0 {
					date = carried(b, ord, opt.Carry)
				}
				if date == "" && opt.MainDate {
					date = mainDate(b)
				}
				if date == "" && opt.DCTFallback && !b.src.DCT.IsZero() {
					date = b.src.DCT.Format("2006-01-02")
				}
				cands = append(cands, candidate{tok: b.toks[k], doc: i, ord: ord, pos: k, date: date})
			}
		}
	}
	return order(target, cands, opt)
}

// argNamesTarget reports whether one of the argument spans covers a
// token that names the target.
func argNamesTarget(b *built, spans []document.Span, ment map[int]bool) bool {
	for k := range ment {
		for _, sp := range spans {
			if sp.Overlaps(b.toks[k].span) {
				return true
			}
		}
	}
	return false
}

// order places the candidates: undated ones at position 0, the others by
// date (a coarser date before the finer dates it contains), then by
// document and text order.
func order(target string, cands []candidate, opt Options) Timeline {
	tl := Timeline{Entity: target}
	var dated []candidate
	for _, c := range cands {
		if _, _, ok := dateKey(c.date); !ok {
			tl.Rows = append(tl.Rows, Row{Pos: 0, Date: "XXXX-XX-XX", Events: []string{c.tok.id()}})
			continue
		}
		dated = append(dated, c)
	}
	sort.SliceStable(dated, func(i, j int) bool {
		_, a, _ := dateKey(dated[i].date)
		_, b, _ := dateKey(dated[j].date)
		if !a.start.Equal(b.start) {
			return a.start.Before(b.start)
		}
		if !a.end.Equal(b.end) {
			return a.end.After(b.end)
		}
		if dated[i].doc != dated[j].doc {
			return dated[i].doc < dated[j].doc
		}
		return dated[i].pos < dated[j].pos
	})
	pos := 0
	for i, c := range dated {
		same := i > 0 && dated[i-1].date == c.date &&
			(opt.SameDateTie || opt.SameSentenceTie && dated[i-1].doc == c.doc && dated[i-1].ord == c.ord)
		if !same {
			pos++
			tl.Rows = append(tl.Rows, Row{Pos: pos, Date: c.date})
		}
		last := &tl.Rows[len(tl.Rows)-1]
		last.Events = append(last.Events, c.tok.id())
	}
	return tl
}

// id is the task's event id: document-sentence-word.
func (t tokRef) id() string { return fmt.Sprintf("%s-%d-%s", t.doc, t.sent, t.word) }
