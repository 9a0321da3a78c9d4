package anchor

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/timex"
)

// Linker is the story-level anchoring stage. The zero value is ready; New
// gives the defaults explicitly.
type Linker struct {
	// Window is how far from an event's date a publication day is sought,
	// in days (default 400: a year's "January" still finds its year).
	Window int
	// Rounds caps the passes of dating events and inferring publication
	// dates (default 4).
	Rounds int
	// Logger receives notes on inferred dates (default slog.Default()).
	Logger *slog.Logger
}

// New returns a linker with the default settings.
func New() *Linker { return &Linker{Window: 400, Rounds: 4} }

// Contract declares the layers the stage reads and writes. Besides its
// own layer it rewrites the events' dates, the values of relative time
// expressions of reports whose date it infers, and those reports'
// Published (part of the extracted layer, as the timex stage does).
func (l *Linker) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerText, document.LayerSentences, document.LayerTimexes,
		document.LayerEventMentions, document.LayerEvents).Gives(document.LayerAnchors, document.LayerTimexes, document.LayerEvents)
}

// Tiers of time evidence, strongest last.
const (
	tierNone     = 0 // unresolved, or resolved against a guessed year
	tierInferred = 1 // resolved against a publication date we inferred
	tierGiven    = 2 // resolved against a publication date the report gives
	tierAbsolute = 3 // the text gives the full value
)

// evidence is one time expression linked to a mention of an event.
type evidence struct {
	doc, mention, timex int
	event               int // index in Story.Events
	// weak marks an expression no mention took as its time, read as the
	// time of the nearest event mention before it (see unattached)
	weak bool
}

// docState is what the linker knows of one document.
type docState struct {
	d        *document.Document
	given    bool // a publication date the report gives, to the day
	inferred bool // we inferred its publication date
	deps     map[int]bool
	days     []time.Time // the publication days the evidence allows
	res      *timex.Resolver
	cache    map[atKey]document.Timex
}

// at returns expression t of the document resolved against day, and false
// when the resolver's expressions are not the document's (its text or
// sentences changed since the timex stage).
func (ds *docState) at(t int, day time.Time) (document.Timex, bool) {
	if ds.res == nil {
		ds.res = timex.NewResolver(ds.d.Text, ds.d.Sentences)
		ds.cache = map[atKey]document.Timex{}
	}
	if t >= ds.res.Len() || ds.res.Len() != len(ds.d.Timexes) {
		return document.Timex{}, false
	}
	k := atKey{t, day}
	x, ok := ds.cache[k]
	if !ok {
		x = ds.res.ResolveAt(t, day, timex.AnchorInferredPublished)
		ds.cache[k] = x
	}
	return x, x.Span == ds.d.Timexes[t].Span
}

// atKey names one expression resolved against one day.
type atKey struct {
	t   int
	day time.Time
}

// run is one Link call's state.
type run struct {
	l      *Linker
	s      *document.Story
	docs   []*docState
	ev     []evidence
	byEv   map[int][]int // event index → indexes in ev
	window int
	// evOf gives the story event index of each event mention of a
	// document (-1 for none)
	evOf map[*document.Document][]int
	// reported keys the conflicts already recorded (the rounds retry a
	// report whose date stays unknown)
	reported map[string]bool
}

// once reports whether key is new, and remembers it.
func (r *run) once(key string) bool {
	if r.reported[key] {
		return false
	}
	r.reported[key] = true
	return true
}

// Link dates s.Events (an event without evidence gets no date, whatever
// the linker guessed), infers missing publication dates and re-resolves
// those reports' relative time expressions.
func (l *Linker) Link(ctx context.Context, s *document.Story) error {
	if s == nil {
		return fmt.Errorf("anchor: nil story")
	}
	r := &run{l: l, s: s, byEv: map[int][]int{}, window: l.Window, reported: map[string]bool{}, evOf: map[*document.Document][]int{}}
	if r.window <= 0 {
		r.window = 400
	}
	rounds := l.Rounds
	if rounds <= 0 {
		rounds = 4
	}
	for _, d := range s.Docs {
		r.docs = append(r.docs, &docState{d: d, given: givenDay(d.Published), deps: map[int]bool{}})
	}
	r.collect()
	for round := 0; round < rounds; round++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		r.dateEvents(false)
		changed := false
		for i, ds := range r.docs {
			if ds.given || ds.inferred || ds.d == nil {
				continue
			}
			if r.infer(i) {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	r.dateEvents(true)
	return nil
}

// givenDay reports whether a publication date is one the report gives,
// known to the day or better.
func givenDay(p document.Date) bool {
	if p.IsZero() || strings.HasPrefix(p.Source, "inferred") {
		return false
	}
	switch p.Precision {
	case document.PrecisionDay, document.PrecisionTime:
		return true
	}
	return false
}

// collect gathers the time arguments of asserted event mentions.
func (r *run) collect() {
	evIndex := map[string]int{}
	for i, e := range r.s.Events {
		evIndex[e.ID] = i
	}
	// the story's own list of mentions names the event of a mention whose
	// Event field the linker left empty
	byCite := map[document.Citation]int{}
	for i, e := range r.s.Events {
		for _, m := range e.Mentions {
			byCite[m.Citation] = i
		}
	}
	alias := r.aliases()
	for di, ds := range r.docs {
		d := ds.d
		if d == nil {
			continue
		}
		type link struct{ mention, event int }
		byTimex := map[int][]link{}
		var order []int
		// the asserted mention that owns each expression, when the event
		// stage gave it to several: the nearest one before it (English
		// puts the time after its verb: "descended … on June 26 and
		// rounded up", "said on Wednesday there would be"), else the
		// nearest after it ("Pompeo on Wednesday demanded")
		type rank struct{ after, gap int }
		owner := map[int]int{}
		best := map[int]rank{}
		for mi, m := range d.Events {
			if !m.Asserted() {
				continue
			}
			for _, a := range m.Args {
				if a.Role != document.ArgTime || a.Timex < 0 || a.Timex >= len(d.Timexes) {
					continue
				}
				x := d.Timexes[a.Timex].Span
				if !reaches(d.Text, m.Span, x) {
					continue
				}
				rk := rank{0, gap(m.Span, x)}
				if m.Start >= x.End {
					rk.after = 1
				}
				if b, ok := best[a.Timex]; !ok || rk.after < b.after || rk.after == b.after && rk.gap < b.gap {
					best[a.Timex], owner[a.Timex] = rk, mi
				}
			}
		}
		evOf := make([]int, len(d.Events))
		r.evOf[d] = evOf
		for mi, m := range d.Events {
			evOf[mi] = -1
			ei, ok := evIndex[m.Event]
			if !ok {
				if ei, ok = byCite[document.Citation{Doc: d.ID, Start: m.Start, End: m.End}]; !ok {
					continue
				}
			}
			ei = alias[ei]
			evOf[mi] = ei
			if !m.Asserted() {
				continue
			}
			for _, a := range m.Args {
				if a.Role != document.ArgTime || a.Timex < 0 || a.Timex >= len(d.Timexes) {
					continue
				}
				x := d.Timexes[a.Timex]
				if x.Type != "DATE" && x.Type != "TIME" || boundsPeriod(d.Text, x.Span) || bareClock(x) || !reaches(d.Text, m.Span, x.Span) {
					continue
				}
				if _, seen := byTimex[a.Timex]; !seen {
					order = append(order, a.Timex)
				}
				byTimex[a.Timex] = append(byTimex[a.Timex], link{mi, ei})
			}
		}
		for _, t := range order {
			done := map[int]bool{}
			for _, l := range byTimex[t] {
				if owner[t] != l.mention && r.evOf[d][owner[t]] != l.event || done[l.event] {
					continue
				}
				done[l.event] = true
				r.byEv[l.event] = append(r.byEv[l.event], len(r.ev))
				r.ev = append(r.ev, evidence{doc: di, mention: l.mention, timex: t, event: l.event})
			}
		}
	}
	for di := range r.docs {
		if r.docs[di].d != nil {
			r.unattached(di)
		}
	}
}

// aliases maps to the story's main event (the one most reports tell,
// two at least) each event that the linker kept apart although, for
// dating, it can only be the main event: told by one report that also
// tells the main event, of the main event's type, and naming no person
// the main event does not ("The assassination of the prominent Iraqi
// security … on 6 July 2020" in the report that tells Hashimi's killing).
// A report tells one event of a kind under its own words; the linking
// itself is left as the linker made it.
func (r *run) aliases() []int {
	alias := make([]int, len(r.s.Events))
	for i := range alias {
		alias[i] = i
	}
	main, most := -1, 1
	for i, e := range r.s.Events {
		if n := len(reportsOf(e)); n > most {
			main, most = i, n
		}
	}
	if main < 0 || r.s.Events[main].Type == "" {
		return alias
	}
	me := r.s.Events[main]
	told := reportsOf(me)
	parts := map[string]bool{}
	for _, p := range me.Participants {
		parts[p] = true
	}
	persons := map[string]bool{}
	for _, e := range r.s.Entities {
		if e.Type == document.EntityPerson {
			persons[e.ID] = true
		}
	}
	// the person arguments each event's mentions name
	named := map[string]map[string]bool{}
	for _, d := range r.s.Docs {
		if d == nil {
			continue
		}
		for _, m := range d.Events {
			for _, a := range m.Args {
				if a.Entity != "" && persons[a.Entity] && m.Event != "" {
					if named[m.Event] == nil {
						named[m.Event] = map[string]bool{}
					}
					named[m.Event][a.Entity] = true
				}
			}
		}
	}
	for i, e := range r.s.Events {
		if i == main || e.Type != me.Type {
			continue
		}
		rs := reportsOf(e)
		if len(rs) != 1 {
			continue
		}
		one := ""
		for id := range rs {
			one = id
		}
		if !told[one] {
			continue
		}
		stranger := false
		for _, p := range e.Participants {
			if persons[p] && !parts[p] {
				stranger = true
			}
		}
		for p := range named[e.ID] {
			if !parts[p] {
				stranger = true
			}
		}
		if !stranger {
			alias[i] = main
		}
	}
	return alias
}

// reportsOf returns the documents an event's mentions lie in.
func reportsOf(e document.Event) map[string]bool {
	out := map[string]bool{}
	for _, m := range e.Mentions {
		out[m.Doc] = true
	}
	return out
}

// unattached adds weak evidence for the relative expressions of document
// di that date no event another report dates: given to no mention ("the
// assassination of X, who was gunned down … on Monday", where "gunned
// down" was not found), or only to mentions of events no other report
// dates (the linker put "gunned down" with a shooting nobody dates). Such
// an expression is taken for the time of the nearest other mention before
// it in its sentence, if that mention's event another report dates. Weak
// evidence dates no event; it only helps infer the publication date, after
// the direct evidence.
func (r *run) unattached(di int) {
	d := r.docs[di].d
	owners := map[int]map[int]bool{} // timex → mentions that take it
	for mi, m := range d.Events {
		for _, a := range m.Args {
			if a.Role == document.ArgTime && a.Timex >= 0 {
				if owners[a.Timex] == nil {
					owners[a.Timex] = map[int]bool{}
				}
				owners[a.Timex][mi] = true
			}
		}
	}
	var evIdx *spans.Index
	var inSent []int
	for t, x := range d.Timexes {
		if x.Anchor == timex.AnchorAbsolute || x.Type != "DATE" && x.Type != "TIME" || boundsPeriod(d.Text, x.Span) || bareClock(x) {
			continue
		}
		dated := false
		for mi := range owners[t] {
			if ei := r.eventOf(d, mi); ei >= 0 && r.datedElsewhere(ei, di) {
				dated = true
			}
		}
		if dated {
			continue // the direct evidence speaks
		}
		si := sentenceIndex(d.Sentences, x.Span)
		if si < 0 {
			continue
		}
		sent := d.Sentences[si]
		best := -1
		if evIdx == nil {
			evIdx = spans.New(len(d.Events), func(i int) document.Span { return d.Events[i].Span })
		}
		inSent = evIdx.Inside(inSent[:0], sent)
		for _, mi := range inSent {
			m := d.Events[mi]
			if !m.Asserted() || m.End > x.Start || owners[t][mi] || r.eventOf(d, mi) < 0 {
				continue
			}
			if best < 0 || m.Start > d.Events[best].Start {
				best = mi
			}
		}
		if best < 0 {
			continue
		}
		ei := r.eventOf(d, best)
		if !r.datedElsewhere(ei, di) {
			continue
		}
		r.byEv[ei] = append(r.byEv[ei], len(r.ev))
		r.ev = append(r.ev, evidence{doc: di, mention: best, timex: t, event: ei, weak: true})
	}
}

// datedElsewhere reports whether a report other than di gives event ei a
// date of its own (absolute, or against its given publication date).
func (r *run) datedElsewhere(ei, di int) bool {
	for _, i := range r.byEv[ei] {
		if v := r.ev[i]; v.doc != di && !v.weak && r.tier(v) >= tierGiven {
			return true
		}
	}
	return false
}

// reaches reports whether a time expression can be the time of the event
// mention: always for a verb, but a noun phrase ("the raid", "Hashimi's
// killing") takes only a time written after it ("the raid on June 26") or
// right before it ("Monday's raid"), not one that belongs to the verb
// governing it ("on Wednesday, described the raid").
func reaches(text string, m, x document.Span) bool {
	if !nominal(text, m) || x.Start >= m.End {
		return true
	}
	between := text[x.End:m.Start]
	return len(between) <= 6 && !strings.ContainsAny(between, ",;")
}

// nominal reports whether the trigger at m opens with a determiner or a
// possessive before it: a noun phrase.
func nominal(text string, m document.Span) bool {
	before := strings.TrimRightFunc(text[:m.Start], unicode.IsSpace)
	if strings.HasSuffix(before, "'s") || strings.HasSuffix(before, "’s") {
		return true
	}
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	switch strings.ToLower(before[i+1:]) {
	case "the", "a", "an", "his", "her", "its", "their", "our", "this", "that":
		return true
	}
	return false
}

// gap is the number of bytes between two spans (0 when they touch or
// overlap).
func gap(a, b document.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}

// timexOf returns the expression an evidence points at.
func (r *run) timexOf(v evidence) document.Timex { return r.docs[v.doc].d.Timexes[v.timex] }

// tier rates an evidence by what its value rests on.
func (r *run) tier(v evidence) int {
	x := r.timexOf(v)
	switch x.Anchor {
	case timex.AnchorAbsolute:
		return tierAbsolute
	case timex.AnchorPublished:
		if r.docs[v.doc].given {
			return tierGiven
		}
	case timex.AnchorInferredPublished:
		return tierInferred
	}
	return tierNone
}

// period returns the calendar period of an evidence's value.
func (r *run) period(v evidence) (timex.Period, bool) {
	p, err := timex.ParseValue(r.timexOf(v).Value)
	if err != nil || p.Precision() == document.PrecisionUnknown {
		return timex.Period{}, false
	}
	if p.Part != "" {
		p = p.Day() // "Monday night" dates the day
	}
	return p, true
}

// compatible reports whether one period lies inside the other.
func compatible(a, b timex.Period) bool {
	return inside(a, b) || inside(b, a)
}

func inside(a, b timex.Period) bool { return !a.Start.Before(b.Start) && !a.End.After(b.End) }

// choice is the date chosen for an event from its evidence.
type choice struct {
	period  timex.Period
	tier    int   // the tier of the chosen evidence
	top     int   // the highest tier among the evidence
	support []int // indexes in ev of the compatible evidence
	against []int // indexes in ev of conflicting evidence of tier ≥ given
	ok      bool
}

// choose picks the best-supported date among the evidence idx, skipping
// evidence for which skip returns true.
func (r *run) choose(idx []int, skip func(evidence) bool) choice {
	type cand struct {
		i    int
		p    timex.Period
		tier int
	}
	var cands []cand
	maxTier := tierNone
	for _, i := range idx {
		v := r.ev[i]
		if v.weak || skip != nil && skip(v) {
			continue
		}
		t := r.tier(v)
		if t == tierNone {
			continue
		}
		p, ok := r.period(v)
		if !ok {
			continue
		}
		cands = append(cands, cand{i, p, t})
		maxTier = max(maxTier, t)
	}
	if len(cands) == 0 {
		return choice{}
	}
	docsOf := func(p timex.Period) map[int]bool {
		m := map[int]bool{}
		for _, c := range cands {
			if compatible(c.p, p) {
				m[r.ev[c.i].doc] = true
			}
		}
		return m
	}
	best := -1
	bestDocs := 0
	for k, c := range cands {
		if c.tier != maxTier {
			continue
		}
		n := len(docsOf(c.p))
		if best < 0 || n > bestDocs || n == bestDocs && c.p.End.Sub(c.p.Start) < cands[best].p.End.Sub(cands[best].p.Start) {
			best, bestDocs = k, n
		}
	}
	// a finer date inside the best one refines it ("June 26" inside "late
	// last month"), the one most reports support first
	ref := best
	for k, c := range cands {
		if k == ref || !inside(c.p, cands[best].p) {
			continue
		}
		w, rw := c.p.End.Sub(c.p.Start), cands[ref].p.End.Sub(cands[ref].p.Start)
		n, rn := len(docsOf(c.p)), len(docsOf(cands[ref].p))
		if w < rw || w == rw && (n > rn || n == rn && c.tier > cands[ref].tier) {
			ref = k
		}
	}
	best = ref
	ch := choice{period: cands[best].p, tier: cands[best].tier, top: maxTier, ok: true}
	// the chosen expression first, then the others that agree with it
	ch.support = append(ch.support, cands[best].i)
	for k, c := range cands {
		if k == best {
			continue
		}
		if compatible(c.p, ch.period) {
			ch.support = append(ch.support, c.i)
		} else if c.tier >= tierGiven {
			ch.against = append(ch.against, c.i)
		}
	}
	return ch
}

// dateEvents sets each event's Date and DateSources from its evidence.
// With final set, conflicting dates become disagreements and problems.
func (r *run) dateEvents(final bool) {
	for ei := range r.s.Events {
		e := &r.s.Events[ei]
		ch := r.choose(r.byEv[ei], nil)
		if !ch.ok {
			// the linker's own guess (the commonest time argument, which
			// may be unresolved or only start a period) is not evidence
			e.Date, e.DateSources = document.Date{}, nil
			continue
		}
		src := "absolute"
		switch ch.tier {
		case tierGiven:
			src = "published"
		case tierInferred:
			src = timex.AnchorInferredPublished
		}
		e.Date = document.Date{Value: ch.period.Value, Time: ch.period.Start, Precision: ch.period.Precision(), Source: src}
		e.DateSources = e.DateSources[:0]
		seen := map[document.Citation]bool{}
		for _, i := range ch.support {
			c := r.cite(r.ev[i])
			if !seen[c] {
				seen[c] = true
				e.DateSources = append(e.DateSources, c)
			}
		}
		if final {
			// weak evidence that now agrees cites the report's own words
			for _, i := range r.byEv[ei] {
				v := r.ev[i]
				if !v.weak {
					continue
				}
				if p, ok := r.period(v); ok && compatible(p, ch.period) {
					if c := r.cite(v); !seen[c] {
						seen[c] = true
						e.DateSources = append(e.DateSources, c)
					}
				}
			}
		}
		if final && len(ch.against) > 0 {
			r.conflict(e, ch)
		}
	}
}

// cite returns the citation of an evidence's time expression.
func (r *run) cite(v evidence) document.Citation {
	x := r.timexOf(v)
	return document.Citation{Doc: r.docs[v.doc].d.ID, Start: x.Start, End: x.End}
}

// conflict records that reports date one event differently.
func (r *run) conflict(e *document.Event, ch choice) {
	groups := map[string][]int{}
	var order []string
	add := func(i int) {
		p, _ := r.period(r.ev[i])
		if _, ok := groups[p.Value]; !ok {
			order = append(order, p.Value)
		}
		groups[p.Value] = append(groups[p.Value], i)
	}
	for _, i := range ch.support {
		add(i)
	}
	for _, i := range ch.against {
		add(i)
	}
	dis := document.Disagreement{About: "date of " + label(e), Conservative: "",
		Note: "the reports date this event differently; the date shown is the best-supported, the others are listed"}
	for _, v := range order {
		cv := document.ClaimValue{Value: v}
		docs := map[string]bool{}
		for _, i := range groups[v] {
			c := r.cite(r.ev[i])
			cv.Sources = append(cv.Sources, c)
			docs[c.Doc] = true
		}
		cv.Independent = len(docs)
		dis.Values = append(dis.Values, cv)
	}
	r.s.Disagreements = append(r.s.Disagreements, dis)
	for _, i := range ch.against {
		v := r.ev[i]
		d := r.docs[v.doc].d
		x := r.timexOf(v)
		d.AddProblem("anchor", document.ErrorAt(x.Span, fmt.Errorf("%q dates %s %s, but other reports date it %s", x.Text, label(e), x.Value, ch.period.Value)))
	}
}

// label names an event for a reader.
func label(e *document.Event) string {
	if e.Label != "" {
		return e.Label
	}
	if len(e.Mentions) > 0 {
		return fmt.Sprintf("%q", e.Mentions[0].Text)
	}
	return e.ID
}

// constraint is what one relative expression of a report tells about the
// day the report was written.
type constraint struct {
	v     evidence
	event timex.Period
	tier  int                 // the tier of the evidence that dates the event
	cites []document.Citation // the other reports' expressions dating the event
	days  []time.Time
	// openLo and openHi mark days that run to the edge of the window
	// searched: the expression bounds the date on the other side only.
	openLo, openHi bool
}

// infer tries to infer the publication date of document di and reports
// whether it did.
func (r *run) infer(di int) bool {
	ds := r.docs[di]
	var cons []constraint
	for ei := range r.s.Events {
		idx := r.byEv[ei]
		if len(idx) == 0 {
			continue
		}
		// the event's date from the other reports only, and only from
		// reports whose own date does not rest on this one
		ch := r.choose(idx, func(v evidence) bool {
			return v.doc == di || r.docs[v.doc].deps[di]
		})
		if !ch.ok {
			continue
		}
		for _, i := range idx {
			v := r.ev[i]
			if v.doc != di {
				continue
			}
			x := ds.d.Timexes[v.timex]
			if x.Anchor == timex.AnchorAbsolute {
				continue
			}
			c := constraint{v: v, event: ch.period, tier: ch.top}
			for _, j := range ch.support {
				c.cites = append(c.cites, r.cite(r.ev[j]))
			}
			c.days = r.allowed(ds, v.timex, ch.period, x)
			if len(c.days) == 0 {
				r.impossible(ds, x, &r.s.Events[ei], ch, c)
				continue
			}
			c.openLo = c.days[0].Equal(ch.period.Start.AddDate(0, 0, -r.window))
			c.openHi = c.days[len(c.days)-1].Equal(ch.period.Start.AddDate(0, 0, r.window))
			cons = append(cons, c)
		}
	}
	if len(cons) == 0 {
		return false
	}
	// the strongest evidence first: events dated by what the reports give
	// before those dated through inferred dates, finer dates first, then
	// the expressions that allow the fewest days
	sort.SliceStable(cons, func(i, j int) bool {
		a, b := cons[i], cons[j]
		if a.v.weak != b.v.weak {
			return b.v.weak
		}
		if a.tier != b.tier {
			return a.tier > b.tier
		}
		if wa, wb := a.event.End.Sub(a.event.Start), b.event.End.Sub(b.event.Start); wa != wb {
			return wa < wb
		}
		if len(a.days) != len(b.days) {
			return len(a.days) < len(b.days)
		}
		return a.v.timex < b.v.timex
	})
	days := cons[0].days
	used := cons[:1]
	for _, c := range cons[1:] {
		in := intersect(days, c.days)
		if len(in) > 0 {
			days, used = in, append(used, c)
			continue
		}
		if c.tier == cons[0].tier && c.event.End.Sub(c.event.Start) == cons[0].event.End.Sub(cons[0].event.Start) {
			r.clash(ds, cons) // as strong as what it contradicts: no date
			return false
		}
		r.weaker(ds, c, days)
	}
	cons = used
	openLo, openHi := true, true
	for _, c := range cons {
		openLo = openLo && c.openLo
		openHi = openHi && c.openHi
	}
	if openLo || openHi {
		return false // open-ended: the evidence bounds the date on one side only
	}
	days, reaction := r.afterEvents(ds, days, cons)
	date, ok := interval(days)
	if !ok {
		return false
	}
	date.Source = document.SourceInferred
	var notes []string
	seen := map[document.Citation]bool{}
	for _, c := range cons {
		x := ds.d.Timexes[c.v.timex]
		own := document.Citation{Doc: ds.d.ID, Start: x.Start, End: x.End}
		for _, cc := range append([]document.Citation{own}, c.cites...) {
			if !seen[cc] {
				seen[cc] = true
				date.Evidence = append(date.Evidence, cc)
			}
		}
		notes = append(notes, fmt.Sprintf("%q tells %s, which %s dates %s", x.Text, label(&r.s.Events[c.v.event]), docList(c.cites), c.event.Value))
		for _, cc := range c.cites {
			if j := r.s.Index(cc.Doc); j >= 0 {
				ds.deps[j] = true
				for k := range r.docs[j].deps {
					ds.deps[k] = true
				}
			}
		}
	}
	notes = append(notes, reaction...)
	date.Note = strings.Join(notes, "; ")
	ds.d.Published = date
	ds.inferred, ds.days = true, days
	r.reresolve(ds)
	r.logger().Info("publication date inferred", "doc", ds.d.ID, "date", date.Value, "precision", date.Precision, "note", date.Note)
	return true
}

func (r *run) logger() *slog.Logger {
	if r.l.Logger != nil {
		return r.l.Logger
	}
	return slog.Default()
}

// docList names the documents cited, without repeats.
func docList(cs []document.Citation) string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		if !seen[c.Doc] {
			seen[c.Doc] = true
			out = append(out, c.Doc)
		}
	}
	return strings.Join(out, ", ")
}

// allowed returns the publication days (in order) against which the
// expression at index t of the document names a date inside the event's
// date or holding it.
func (r *run) allowed(ds *docState, t int, ev timex.Period, x document.Timex) []time.Time {
	var out []time.Time
	start := ev.Start.AddDate(0, 0, -r.window)
	for k := 0; k <= 2*r.window; k++ {
		day := start.AddDate(0, 0, k)
		rx, ok := ds.at(t, day)
		if !ok {
			return nil // not the expressions the timex stage found
		}
		p, err := timex.ParseValue(rx.Value)
		if err != nil || p.Precision() == document.PrecisionUnknown {
			continue
		}
		if p.Part != "" {
			p = p.Day()
		}
		if compatible(p, ev) {
			out = append(out, day)
		}
	}
	return out
}

// intersect returns the days in both sorted lists.
func intersect(a, b []time.Time) []time.Time {
	var out []time.Time
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].Equal(b[j]):
			out = append(out, a[i])
			i++
			j++
		case a[i].Before(b[j]):
			i++
		default:
			j++
		}
	}
	return out
}

// interval turns the allowed days into a date: a day when one is left,
// else the narrowest calendar value (ISO week, month, year) holding them
// all, with Earliest and Latest. More than a year of days tells too
// little.
func interval(days []time.Time) (document.Date, bool) {
	if len(days) == 0 {
		return document.Date{}, false
	}
	lo, hi := days[0], days[len(days)-1]
	if lo.Equal(hi) {
		return document.DayDate(lo, ""), true
	}
	d := document.Date{Time: lo, Earliest: lo.Format("2006-01-02"), Latest: hi.Format("2006-01-02")}
	ly, lw := lo.ISOWeek()
	hy, hw := hi.ISOWeek()
	switch {
	case ly == hy && lw == hw:
		d.Value = fmt.Sprintf("%d-W%02d", ly, lw)
	case lo.Year() == hi.Year() && lo.Month() == hi.Month():
		d.Value = lo.Format("2006-01")
	case lo.Year() == hi.Year():
		d.Value = lo.Format("2006")
	default:
		return document.Date{}, false
	}
	span := hi.Sub(lo)
	switch {
	case span <= 6*24*time.Hour:
		d.Precision = document.PrecisionWeek
	case span <= 30*24*time.Hour:
		d.Precision = document.PrecisionMonth
	default:
		d.Precision = document.PrecisionYear
	}
	return d, true
}

// afterEvents narrows the allowed days with what a report tells after a
// dated event: an expression in a sentence that mentions an event dated
// elsewhere ("said on Wednesday … following the killing") cannot name a
// day before that event, unless the sentence says "before". It returns
// the days and a note for each expression that narrowed them.
func (r *run) afterEvents(ds *docState, days []time.Time, cons []constraint) ([]time.Time, []string) {
	used := map[int]bool{}
	for _, c := range cons {
		used[c.v.timex] = true
	}
	// the dated events mentioned in each sentence of the document
	bySent := map[int][]dated{}
	di := r.s.Index(ds.d.ID)
	for ei := range r.s.Events {
		idx := r.byEv[ei]
		if len(idx) == 0 {
			continue
		}
		ch := r.choose(idx, func(v evidence) bool { return v.doc == di })
		if !ch.ok || ch.top < tierGiven {
			continue
		}
		for mi, m := range ds.d.Events {
			if r.eventOf(ds.d, mi) == ei && m.Asserted() {
				bySent[m.Sentence] = append(bySent[m.Sentence], dated{ch.period, ei})
			}
		}
	}
	var notes []string
	for t, x := range ds.d.Timexes {
		if used[t] || x.Anchor == timex.AnchorAbsolute || x.Type != "DATE" && x.Type != "TIME" {
			continue
		}
		si := sentenceIndex(ds.d.Sentences, x.Span)
		if si < 0 || len(bySent[si]) == 0 || saysBefore(ds.d.Text, ds.d.Sentences[si]) || r.linkedTo(di, t, bySent[si]) {
			continue
		}
		var kept []time.Time
		for _, day := range days {
			rx, ok := ds.at(t, day)
			if !ok {
				return days, notes
			}
			p, err := timex.ParseValue(rx.Value)
			if err != nil {
				kept = append(kept, day) // unresolved there: no evidence against the day
				continue
			}
			after := true
			for _, e := range bySent[si] {
				if !p.End.After(e.p.Start) {
					after = false
				}
			}
			if after {
				kept = append(kept, day)
			}
		}
		if len(kept) > 0 && len(kept) < len(days) {
			days = kept
			notes = append(notes, fmt.Sprintf("%q tells what followed %s, so the report is no earlier than %s", x.Text, label(&r.s.Events[bySent[si][0].event]), kept[0].Format("2006-01-02")))
		}
	}
	return days, notes
}

// dated is an event mentioned in a sentence, with its date.
type dated struct {
	p     timex.Period
	event int
}

// eventOf returns the story event index of mention mi of d, or -1.
func (r *run) eventOf(d *document.Document, mi int) int {
	if ev, ok := r.evOf[d]; ok && mi < len(ev) {
		return ev[mi]
	}
	return -1
}

// linkedTo reports whether expression t of document di dates one of the
// given events (then it dates the event, not what followed it).
func (r *run) linkedTo(di, t int, evs []dated) bool {
	for _, v := range r.ev {
		if v.doc != di || v.timex != t || v.weak {
			continue
		}
		for _, e := range evs {
			if e.event == v.event {
				return true
			}
		}
	}
	return false
}

// sentenceIndex returns the index of the sentence holding x, or -1.
func sentenceIndex(sents []document.Span, x document.Span) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > x.Start })
	if i < len(sents) && sents[i].Start <= x.Start {
		return i
	}
	return -1
}

// saysBefore reports whether a sentence places something before another
// thing, where the order rule does not hold.
func saysBefore(text string, sp document.Span) bool {
	s := " " + strings.ToLower(text[sp.Start:sp.End]) + " "
	for _, w := range []string{" before ", " ahead of ", " prior to ", " earlier ", " until ", " till "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// reresolve resolves the report's relative expressions against every day
// its publication date allows; an expression takes a value only where all
// agree.
func (r *run) reresolve(ds *docState) {
	d := ds.d
	for t := range d.Timexes {
		x := &d.Timexes[t]
		if x.Anchor != timex.AnchorUnknown && x.Anchor != timex.AnchorInferred || x.Type != "DATE" && x.Type != "TIME" {
			continue
		}
		var val string
		var prec document.Precision
		agree := true
		for k, day := range ds.days {
			rx, ok := ds.at(t, day)
			if !ok {
				return
			}
			if k == 0 {
				val, prec = rx.Value, rx.Precision
			} else if rx.Value != val {
				agree = false
				break
			}
		}
		if !agree || val == "" {
			continue
		}
		if _, err := timex.ParseValue(val); err != nil {
			continue // still unresolved, or not a calendar value
		}
		x.Value, x.Precision, x.Anchor = val, prec, timex.AnchorInferredPublished
	}
}

// impossible records an expression that no publication day reconciles
// with the date other reports give the event ("Sunday" for a killing they
// date Monday 6 July).
func (r *run) impossible(ds *docState, x document.Timex, e *document.Event, ch choice, c constraint) {
	d := ds.d
	if !r.once(fmt.Sprintf("impossible %s %d", d.ID, x.Start)) {
		return
	}
	d.AddProblem("anchor", document.ErrorAt(x.Span, fmt.Errorf("%q cannot name %s, which %s dates %s", x.Text, label(e), docList(c.cites), ch.period.Value)))
	other := document.ClaimValue{Value: ch.period.Value, Sources: c.cites}
	docs := map[string]bool{}
	for _, cc := range c.cites {
		docs[cc.Doc] = true
	}
	other.Independent = len(docs)
	r.s.Disagreements = append(r.s.Disagreements, document.Disagreement{
		About: "date of " + label(e),
		Values: []document.ClaimValue{other, {Value: x.Text, Independent: 1,
			Sources: []document.Citation{{Doc: d.ID, Start: x.Start, End: x.End}}}},
		Conservative: ch.period.Value,
		Note:         fmt.Sprintf("%s says %q, which cannot be %s on any publication day; its publication date is left unknown", d.ID, x.Text, ch.period.Value),
	})
}

// weaker records an expression that does not fit the publication days
// that stronger evidence allows ("last week" for a raid eleven days
// before the day "yesterday" pins): it is set aside, and the
// disagreement says so (not a problem: the stronger evidence decides).
func (r *run) weaker(ds *docState, c constraint, days []time.Time) {
	d := ds.d
	x := d.Timexes[c.v.timex]
	if !r.once(fmt.Sprintf("weaker %s %d", d.ID, x.Start)) {
		return
	}
	e := &r.s.Events[c.v.event]
	when := days[0].Format("2006-01-02")
	if len(days) > 1 {
		when += " to " + days[len(days)-1].Format("2006-01-02")
	}
	docs := map[string]bool{}
	for _, cc := range c.cites {
		docs[cc.Doc] = true
	}
	r.s.Disagreements = append(r.s.Disagreements, document.Disagreement{
		About: "date of " + label(e),
		Values: []document.ClaimValue{{Value: c.event.Value, Sources: c.cites, Independent: len(docs)},
			{Value: fmt.Sprintf("%q (in a report published %s)", x.Text, when), Independent: 1,
				Sources: []document.Citation{{Doc: d.ID, Start: x.Start, End: x.End}}}},
		Conservative: c.event.Value,
		Note: fmt.Sprintf("%s's %q for %s does not fit its publication date (%s), which stronger evidence gives; the date %s gives is kept",
			d.ID, x.Text, label(e), when, docList(c.cites)),
	})
}

// clash records expressions of one report that no single publication day
// satisfies together.
func (r *run) clash(ds *docState, cons []constraint) {
	d := ds.d
	if !r.once("clash " + d.ID) {
		return
	}
	dis := document.Disagreement{About: "publication date of " + d.ID,
		Note: "the report's expressions for events dated elsewhere allow no common publication day; left unknown"}
	var texts []string
	for _, c := range cons {
		x := d.Timexes[c.v.timex]
		texts = append(texts, fmt.Sprintf("%q", x.Text))
		dis.Values = append(dis.Values, document.ClaimValue{
			Value:       fmt.Sprintf("%s to %s (from %q)", c.days[0].Format("2006-01-02"), c.days[len(c.days)-1].Format("2006-01-02"), x.Text),
			Sources:     append([]document.Citation{{Doc: d.ID, Start: x.Start, End: x.End}}, c.cites...),
			Independent: 1,
		})
	}
	r.s.Disagreements = append(r.s.Disagreements, dis)
	d.AddProblem("anchor", fmt.Errorf("conflicting time anchors %s: no publication day satisfies them all", strings.Join(texts, ", ")))
}

// boundsPeriod reports whether expression x only starts or ends a period
// ("since 2003", "until March"): the word before it is since, until or
// till. Such a point dates no event.
func boundsPeriod(text string, x document.Span) bool {
	before := strings.TrimRightFunc(text[:x.Start], unicode.IsSpace)
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	switch strings.ToLower(before[i+1:]) {
	case "since", "until", "till":
		return true
	}
	return false
}

// dayWord matches what names a day in a time expression: a weekday, a
// relative day, a month, or digits of a date.
var dayWord = regexp.MustCompile(`(?i)\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|\b(today|tonight|yesterday|tomorrow|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\d{4}|\d{1,2}[/.-]\d{1,2}`)

// bareClock reports whether a time expression names a time of day and no
// day ("7 p.m.", "that evening"): the day of its value is only the
// publication day the tagger assumed, no evidence of the event's day.
func bareClock(x document.Timex) bool {
	return x.Type == "TIME" && !dayWord.MatchString(x.Text)
}
