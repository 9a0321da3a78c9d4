package coref

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
	"github.com/corroborate/corroborate/pipeline"
	"github.com/corroborate/corroborate/resolve"
)

// Options configure a Resolver.
type Options struct {
	// MinConfidence is the least link probability at which a pronoun is
	// linked (0: the model's precision threshold).
	MinConfidence float64
	// Margin is the least lead of the best antecedent's probability over
	// the second's (0: none; the probabilities already share one mass).
	Margin float64
	// Window is how many sentences before a pronoun's own are searched for
	// its antecedent (0: DefaultWindow).
	Window int
	// PageSubject makes Document.Title a cue: a person chain whose name
	// shares a word with the title is the page's subject (feature
	// "page-subject"). It is meant for GAP, whose title is the Wikipedia
	// page the snippet comes from (the authors' "URL" cue); it is off in
	// the product, where a headline is not a page subject.
	PageSubject bool
}

// DefaultWindow is the default of Options.Window.
const DefaultWindow = 3

// Resolver is the per-document coreference stage. It is safe for
// concurrent use.
type Resolver struct {
	opts  Options
	model *Model
}

// New returns a resolver with the embedded model.
func New(opts Options) *Resolver {
	m := embedded()
	if opts.PageSubject {
		m = embeddedPage()
	}
	if opts.MinConfidence <= 0 {
		opts.MinConfidence = m.PrecisionThreshold
	}
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	return &Resolver{opts: opts, model: m}
}

// Contract declares the layers the stage reads and writes.
func (x *Resolver) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerText, document.LayerSentences, document.LayerTokens, document.LayerMentions).Gives(document.LayerCoref)
}

// Annotate writes d.Coref, replacing what was there.
func (x *Resolver) Annotate(ctx context.Context, d *document.Document) error {
	if d == nil {
		return errors.New("coref: annotating a nil document")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("coref: annotating %s: %w", d.ID, err)
	}
	d.Coref = nil
	if len(d.Tokens) == 0 {
		return nil
	}
	st := x.run(d, nil)
	d.Coref = st.output()
	return nil
}

// state is one run of the resolver on one document.
type state struct {
	x      *Resolver
	v      *docView
	ms     []*ment
	chains [][]int // mention indexes per chain
	roles  []map[string]bool
	quals  [][]string
	gender []string
	typ    []string
	// examples collects training pairs when not nil.
	examples *[]Example
	// titleOf holds the title mentions found before names, with their
	// name, until collect adds them.
	titleOf [][2]*ment
	// buf is the feature vector being filled.
	buf []float64
	// first caches firstPerson.
	first *int
	// firstWords caches, for firstNameOf, the longer person names by
	// their first word.
	firstWords map[string]map[string]bool
	// titleWords are the lowercased words of Document.Title when
	// Options.PageSubject is set; subjectOf caches pageSubject by chain.
	titleWords map[string]bool
	subjectOf  map[int]bool
}

// run resolves d; with ex set it also records the pronoun candidates.
func (x *Resolver) run(d *document.Document, ex *[]Example) *state {
	v := newView(d)
	st := &state{x: x, v: v, examples: ex}
	st.collect()
	st.linkNames()
	st.linkAppositives()
	st.linkDescriptions()
	st.linkSalient()
	st.linkRelatives()
	st.linkPronouns()
	return st
}

// collect finds the name, description and pronoun mentions.
func (st *state) collect() {
	v, d := st.v, st.v.d
	nerTok := make([][2]int, len(d.Mentions))
	for i, m := range d.Mentions {
		a, b := v.tokRange(m.Span)
		nerTok[i] = [2]int{a, b}
	}
	var descs []*ment
	for i := range v.words {
		switch v.words[i] {
		case "the", "this":
			if m, ok := v.description(i, d.Mentions, nerTok); ok {
				mm := m
				descs = append(descs, &mm)
			}
		}
	}
	// descs are in text order; none reaches further than longest tokens,
	// so the search starts where one could still hold token a.
	longest := 0
	for _, m := range descs {
		longest = max(longest, m.tok1-m.tok0)
	}
	inOrder := sort.SliceIsSorted(descs, func(x, y int) bool { return descs[x].tok0 < descs[y].tok0 })
	inDesc := func(a, b int) *ment {
		from := 0
		if inOrder {
			from = sort.Search(len(descs), func(k int) bool { return descs[k].tok0 >= a-longest })
		}
		for _, m := range descs[from:] {
			if inOrder && m.tok0 > a {
				break
			}
			if m.tok0 <= a && b <= m.tok1 {
				return m
			}
		}
		return nil
	}
	for i, m := range d.Mentions {
		switch m.Type {
		case document.EntityPerson, document.EntityOrg, document.EntityLoc:
		default:
			continue
		}
		a, b := nerTok[i][0], nerTok[i][1]
		if a >= b {
			continue
		}
		nm := &ment{span: m.Span, tok0: a, tok1: b, sent: v.sent[a], kind: document.CorefName, ner: i, typ: m.Type}
		if ds := inDesc(a, b); ds != nil {
			if ds.typ == m.Type && ds.typ != document.EntityPerson && ds.head != "" {
				// "the Saraya al-Noor militia": the description is a
				// variant of the name.
				ds.ner = i
			} else {
				nm.nested = true
			}
		}
		st.ms = append(st.ms, nm)
	}
	st.ms = append(st.ms, descs...)
	for i, w := range v.words {
		p, ok := pronouns[w]
		if !ok {
			continue
		}
		t := d.Tokens[i]
		st.ms = append(st.ms, &ment{span: t.Span, tok0: i, tok1: i + 1, sent: v.sent[i], kind: document.CorefPronoun, ner: -1, pron: p, gender: p.gender})
	}
	sort.SliceStable(st.ms, func(i, j int) bool {
		if st.ms[i].span.Start != st.ms[j].span.Start {
			return st.ms[i].span.Start < st.ms[j].span.Start
		}
		return st.ms[i].span.End > st.ms[j].span.End
	})
	for _, m := range st.ms {
		m.chain, m.ante = -1, -1
		v.position(m)
	}
	for i, m := range st.ms {
		if m.kind == document.CorefPronoun {
			continue
		}
		st.newChain(i)
		if m.kind == document.CorefName && m.typ == document.EntityPerson {
			st.titles(m)
			if g := st.gender[m.chain]; g == "" {
				st.gender[m.chain] = nameGender(d.Slice(m.span))
			}
		}
		if m.kind == document.CorefDescription {
			if m.head != "" {
				st.addRole(m.chain, m.head)
			}
			st.quals[m.chain] = m.quals
			st.gender[m.chain] = m.gender
		}
	}
	// Titles before names become mentions of the name's chain.
	for _, tn := range st.titleOf {
		tm, name := tn[0], tn[1]
		taken := false
		for _, o := range st.ms {
			if o.span.Overlaps(tm.span) {
				taken = true
				break
			}
		}
		if taken {
			continue
		}
		st.ms = append(st.ms, tm)
		for j, o := range st.ms {
			if o == name {
				st.link(len(st.ms)-1, j, 0.95, "title")
				break
			}
		}
	}
	st.titleOf = nil
	st.reorder()
}

// newChain starts a chain with mention i.
func (st *state) newChain(i int) {
	m := st.ms[i]
	m.chain = len(st.chains)
	m.conf = 1
	st.chains = append(st.chains, []int{i})
	st.roles = append(st.roles, nil)
	st.quals = append(st.quals, nil)
	st.gender = append(st.gender, "")
	st.typ = append(st.typ, m.typ)
}

// titles records the title words just before a person name (and at its
// start) as roles of its chain: "Prime Minister Mustafa al-Kadhimi".
func (st *state) titles(m *ment) {
	v := st.v
	c := m.chain
	for _, start := range []int{m.tok0 - 3, m.tok0 - 2, m.tok0 - 1} {
		if start < 0 || v.sent[start] != m.sent {
			continue
		}
		if h, r, n := v.roleAt(start); n == m.tok0-start {
			st.addRole(c, h)
			tm := &ment{tok0: start, tok1: m.tok0, sent: m.sent, kind: document.CorefDescription, ner: -1, typ: m.typ, gender: r.gender, head: h, chain: -1, ante: -1}
			tm.span = document.Span{Start: v.d.Tokens[start].Start, End: v.d.Tokens[m.tok0-1].End}
			st.titleOf = append(st.titleOf, [2]*ment{tm, m})
			if r.gender != "" {
				st.gender[c] = r.gender
			}
			// a qualifier before the title ("US Secretary", "Iraqi PM")
			if q := start - 1; q >= 0 && v.sent[q] == m.sent && capitalized(v.raw[q]) {
				st.quals[c] = append(st.quals[c], qualStem(v.words[q]))
			}
			break
		}
	}
	for k := m.tok0; k < m.tok1; k++ {
		h, r, n := v.roleAt(k)
		if n == 0 {
			break
		}
		st.addRole(c, h)
		if r.gender != "" {
			st.gender[c] = r.gender
		}
		k += n - 1
	}
	if m.tok0 > 0 {
		switch strings.TrimSuffix(v.words[m.tok0-1], ".") {
		case "mr", "sir", "lord":
			st.gender[c] = "m"
		case "mrs", "ms", "miss", "madam", "dame", "lady":
			st.gender[c] = "f"
		}
	}
}

// addRole records role r of chain c.
func (st *state) addRole(c int, r string) {
	if st.roles[c] == nil {
		st.roles[c] = map[string]bool{}
	}
	st.roles[c][r] = true
}

// merge joins chain b into chain a.
func (st *state) merge(a, b int) {
	if a == b {
		return
	}
	for _, i := range st.chains[b] {
		st.ms[i].chain = a
	}
	st.chains[a] = append(st.chains[a], st.chains[b]...)
	sort.Ints(st.chains[a])
	st.chains[b] = nil
	for r := range st.roles[b] {
		st.addRole(a, r)
	}
	st.quals[a] = append(st.quals[a], st.quals[b]...)
	if st.gender[a] == "" {
		st.gender[a] = st.gender[b]
	}
	if st.typ[a] == "" {
		st.typ[a] = st.typ[b]
	}
}

// link puts mention i into the chain of mention j with a confidence.
func (st *state) link(i, j int, conf float64, rule string) {
	mi, mj := st.ms[i], st.ms[j]
	mi.ante, mi.conf, mi.rule = j, conf, rule
	if mi.chain < 0 {
		mi.chain = mj.chain
		st.chains[mj.chain] = append(st.chains[mj.chain], i)
		sort.Ints(st.chains[mj.chain])
		return
	}
	st.merge(mj.chain, mi.chain)
}

// linkNames joins the names of one referent: spellings, surnames and
// short forms (resolve.Same), of the same type.
func (st *state) linkNames() {
	d := st.v.d
	// one group per spelling and type, in order of first mention
	type group struct {
		text, typ string
		ms        []int
		keys      []string
		words     int
		name      *resolve.Name
	}
	var groups []*group
	byKey := map[[2]string]*group{}
	for i, m := range st.ms {
		if m.kind != document.CorefName || m.nested {
			continue
		}
		k := [2]string{d.Mentions[m.ner].Text, m.typ}
		g := byKey[k]
		if g == nil {
			g = &group{text: k[0], typ: k[1], words: len(strings.Fields(k[0])), name: resolve.ParseName(k[0])}
			g.keys = g.name.Keys()
			byKey[k] = g
			groups = append(groups, g)
		}
		g.ms = append(g.ms, i)
	}
	for _, g := range groups {
		for _, j := range g.ms[1:] {
			st.link(j, g.ms[0], 0.97, "name")
		}
	}
	for x, ga := range groups {
		for _, gb := range groups[x+1:] {
			if ga.typ != gb.typ {
				continue
			}
			i, j := ga.ms[0], gb.ms[0]
			if st.ms[i].chain == st.ms[j].chain {
				continue
			}
			if j < i {
				i, j = j, i
			}
			ta, tb := ga.text, gb.text
			if ga.typ == document.EntityPerson && (ga.words == 1) != (gb.words == 1) && (st.firstNameOf(tb, ta) || st.firstNameOf(ta, tb)) {
				st.link(j, i, 0.85, "first name")
				continue
			}
			shared := false
			for _, t := range ga.keys {
				if slices.Contains(gb.keys, t) {
					shared = true
					break
				}
			}
			if !shared {
				// no token of one sounds like a token of the other
				continue
			}
			switch resolve.SameNames(ga.name, gb.name) {
			case resolve.FullMatch:
				st.link(j, i, 0.97, "name")
			case resolve.PartialMatch:
				if ga.typ == document.EntityPerson {
					st.link(j, i, 0.9, "name")
				}
			}
		}
	}
}

// firstNameOf reports whether short is one word equal to the first word
// of full, a longer person name, and no other person name of the
// document starts with that word.
func (st *state) firstNameOf(short, full string) bool {
	sf, ff := strings.Fields(short), strings.Fields(full)
	if len(sf) != 1 || len(ff) < 2 || !strings.EqualFold(sf[0], ff[0]) {
		return false
	}
	if st.firstWords == nil {
		// person names of two words or more, by lowercased first word
		st.firstWords = map[string]map[string]bool{}
		for _, m := range st.v.d.Mentions {
			f := strings.Fields(m.Text)
			if m.Type == document.EntityPerson && len(f) >= 2 {
				k := strings.ToLower(f[0])
				if st.firstWords[k] == nil {
					st.firstWords[k] = map[string]bool{}
				}
				st.firstWords[k][strings.ToLower(m.Text)] = true
			}
		}
	}
	return len(st.firstWords[strings.ToLower(sf[0])]) == 1
}

// linkAppositives links "Name, a description," and "the description,
// Name," within a sentence.
func (st *state) linkAppositives() {
	v := st.v
	// Indexes of the mentions found so far, so that a long document stays
	// near-linear: their spans, and the names by first token. Mentions
	// appended below are appositives, which neither lookup wants.
	byspan := spans.New(len(st.ms), func(i int) document.Span { return st.ms[i].span })
	namesAt := map[int][]int{}
	for j, n := range st.ms {
		if n.kind == document.CorefName {
			namesAt[n.tok0] = append(namesAt[n.tok0], j)
		}
	}
	var near []int
	for i, m := range st.ms {
		if m.nested {
			continue
		}
		// Name , (a|an|the)? role-description
		if m.kind == document.CorefName && (m.typ == document.EntityPerson || m.typ == document.EntityOrg) && v.word(m.tok1) == "," && !m.poss {
			k := m.tok1 + 1
			det := v.word(k)
			start := k
			if det == "a" || det == "an" || det == "the" {
				k++
			}
			// up to four modifiers, then a role noun
			for n := 0; n < 5 && k < len(v.words) && v.sent[k] == m.sent; n++ {
				h, r, ln := v.roleAt(k)
				if ln > 0 {
					for {
						h2, r2, n2 := v.roleAt(k + ln)
						if n2 == 0 {
							break
						}
						h, r, ln = h2, r2, ln+n2
					}
					if r.typ != m.typ {
						break
					}
					end := k + ln
					if w := v.word(end); w != "," && w != "." && w != "of" && w != "at" && w != "for" && w != "with" && w != "in" && w != "who" && w != ")" && w != "and" {
						break
					}
					am := &ment{tok0: start, tok1: end, sent: m.sent, kind: document.CorefAppositive, ner: -1, typ: r.typ, gender: r.gender, head: h, chain: -1, ante: -1}
					am.span = document.Span{Start: v.d.Tokens[start].Start, End: v.d.Tokens[end-1].End}
					// replace a description found at the same place
					idx := -1
					near = byspan.Overlapping(near[:0], am.span)
					for _, q := range near {
						if st.ms[q].kind == document.CorefDescription {
							idx = q
						}
					}
					if idx >= 0 {
						o := st.ms[idx]
						o.kind = document.CorefAppositive
						st.link(idx, i, 0.95, "appositive")
					} else {
						st.ms = append(st.ms, am)
						st.link(len(st.ms)-1, i, 0.95, "appositive")
					}
					c := m.chain
					st.addRole(c, h)
					if r.gender != "" && st.gender[c] == "" {
						st.gender[c] = r.gender
					}
					break
				}
				w := v.word(k)
				if notModifier[w] || d0Punct(w) {
					break
				}
				k++
			}
		}
		// the description , Name — and the description Name ("the
		// Iranian leader Qassem Soleimani")
		if m.kind == document.CorefDescription && m.ner < 0 {
			at := m.tok1
			if v.word(at) == "," {
				at++
			}
			for _, j := range namesAt[at] {
				n := st.ms[j]
				if j <= i || n.kind != document.CorefName || n.nested {
					continue
				}
				if n.typ == m.typ {
					if w := v.word(n.tok1); w == "," || w == "." || w == "" || !capitalized(v.raw[n.tok1]) {
						st.link(i, j, 0.92, "title")
						c := n.chain
						st.addRole(c, m.head)
						st.quals[c] = append(st.quals[c], m.quals...)
						if m.gender != "" && st.gender[c] == "" {
							st.gender[c] = m.gender
						}
					}
				}
				break
			}
		}
	}
	// appositives appended at the end: restore text order
	st.reorder()
}

// reorder sorts the mentions by position again, renumbering links.
func (st *state) reorder() {
	idx := make([]int, len(st.ms))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := st.ms[idx[a]], st.ms[idx[b]]
		if x.span.Start != y.span.Start {
			return x.span.Start < y.span.Start
		}
		return x.span.End > y.span.End
	})
	pos := make([]int, len(st.ms))
	ms := make([]*ment, len(st.ms))
	for newI, oldI := range idx {
		pos[oldI] = newI
		ms[newI] = st.ms[oldI]
	}
	for _, m := range ms {
		if m.ante >= 0 {
			m.ante = pos[m.ante]
		}
	}
	for c := range st.chains {
		for k, i := range st.chains[c] {
			st.chains[c][k] = pos[i]
		}
		sort.Ints(st.chains[c])
	}
	st.ms = ms
}

// qualsConflict reports whether two qualifier lists both say something
// and share nothing ("US" against "Iraqi").
func qualsConflict(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return false
			}
		}
	}
	return true
}

// maxDescriptionReach is how many mentions back a description looks for
// the chain it names: far more than any news report needs, and a bound
// that keeps a very long document near-linear.
const maxDescriptionReach = 2000

// linkDescriptions links each description that no appositive placed to
// the one earlier chain that holds its role, or else to an earlier
// description with the same head.
func (st *state) linkDescriptions() {
	for i, m := range st.ms {
		if m.kind != document.CorefDescription || m.ante >= 0 || len(st.chains[m.chain]) > 1 {
			continue
		}
		if m.ner >= 0 {
			// "the Saraya al-Noor militia": join the name's chain.
			for j, o := range st.ms {
				if o.kind == document.CorefName && o.ner == m.ner {
					st.link(i, j, 0.95, "name")
					break
				}
			}
			continue
		}
		var cands []int
		seen := map[int]bool{}
		for j := i - 1; j >= 0 && j >= i-maxDescriptionReach; j-- {
			o := st.ms[j]
			c := o.chain
			if c < 0 || c == m.chain || seen[c] || o.nested || st.typ[c] != m.typ {
				continue
			}
			seen[c] = true
			if !st.roles[c][m.head] || qualsConflict(m.quals, st.quals[c]) {
				continue
			}
			if m.typ != document.EntityPerson && m.sent-o.sent > 3 {
				// "the group": only a group named in the last few
				// sentences
				continue
			}
			if m.gender != "" && st.gender[c] != "" && m.gender != st.gender[c] {
				continue
			}
			cands = append(cands, j)
		}
		if len(cands) == 0 {
			continue
		}
		// Prefer a named chain; among several, only a lone one is taken.
		var named []int
		for _, j := range cands {
			if st.chainHead(st.ms[j].chain) >= 0 {
				named = append(named, j)
			}
		}
		switch {
		case len(named) == 1:
			st.link(i, st.lastOf(st.ms[named[0]].chain, i), 0.9, "role")
		case len(named) == 0 && len(cands) == 1 && st.modsWithin(m, st.ms[cands[0]].chain):
			st.link(i, cands[0], 0.75, "same description")
		}
	}
	// A person description before the name ("The Prime Minister of Iraq
	// … Prime Minister al-Kazemi"): the one named chain with the role
	// named within the next three sentences.
	for i, m := range st.ms {
		if m.kind != document.CorefDescription || m.typ != document.EntityPerson || len(st.chains[m.chain]) > 1 {
			continue
		}
		var named []int
		seen := map[int]bool{}
		for j, o := range st.ms {
			c := o.chain
			if j <= i || o.sent-m.sent > 3 {
				continue
			}
			if c < 0 || seen[c] || o.nested || st.typ[c] != m.typ || st.chainHead(c) < 0 {
				continue
			}
			seen[c] = true
			if st.roles[c][m.head] && !qualsConflict(m.quals, st.quals[c]) && (m.gender == "" || st.gender[c] == "" || m.gender == st.gender[c]) {
				named = append(named, j)
			}
		}
		if len(named) == 1 {
			st.link(i, named[0], 0.8, "role")
		}
	}
}

// notSalient are description heads that name a participant or an office
// rather than the person a report is about: they join a chain only by a
// role, never by salience.
var notSalient = map[string]bool{
	"victim": true, "suspect": true, "gunman": true, "attacker": true, "assailant": true, "killer": true,
	"shooter": true, "witness": true, "driver": true, "man": true, "woman": true, "person": true,
	"individual": true, "official": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"officer": true, "policeman": true, "soldier": true, "resident": true, "citizen": true, "worker": true,
	"employee": true, "defendant": true, "prosecutor": true, "judge": true, "lawyer": true, "attorney": true,
	"doctor": true, "nurse": true, "president": true, "prime minister": true, "minister": true,
	"secretary": true, "governor": true, "mayor": true, "ambassador": true, "envoy": true, "chairman": true,
	"leader": true, "commander": true, "chief": true, "head": true, "director": true, "ceo": true,
	"premier": true, "chancellor": true, "senator": true, "general": true, "diplomat": true, "boy": true,
	"girl": true, "father": true, "mother": true, "son": true, "daughter": true, "brother": true, "sister": true,
	"husband": true, "wife": true, "government": true, "administration": true, "ministry": true,
	"embassy": true, "police": true, "army": true, "military": true, "court": true, "parliament": true,
	"authority": true, "authorities": true, "force": true, "forces": true, "country": true, "city": true,
	"state": true, "region": true, "area": true, "nation": true, "capital": true, "town": true, "village": true,
	"province": true, "district": true, "island": true, "neighborhood": true, "neighbourhood": true,
	"kingdom": true, "republic": true, "office": true, "department": true, "council": true, "committee": true,
}

// salientOrg are the organisation kinds that salience may resolve: "the
// company" in a report about one company; never "the group".
var salientOrg = map[string]bool{"company": true, "firm": true, "corporation": true, "team": true, "club": true, "band": true}

// linkSalient links a description that no role placed ("the actress",
// "the company") to the report's most named person or organisation when
// that one clearly leads the others, was named before and agrees; with a
// low confidence (0.55), since nothing but salience supports it.
func (st *state) linkSalient() {
	// named mentions per chain, one more for the first person and the
	// first organisation named (the report's subject, most often)
	names := map[int]int{}
	first := map[string]bool{}
	for _, m := range st.ms {
		if m.kind == document.CorefName && !m.nested && m.chain >= 0 {
			names[m.chain]++
			if t := st.typ[m.chain]; !first[t] {
				first[t] = true
				names[m.chain]++
			}
		}
	}
	top := map[string][2]int{} // type → chain, count
	second := map[string]int{}
	for c := range st.chains {
		n, ok := names[c]
		if !ok {
			continue
		}
		t := st.typ[c]
		cur, ok := top[t]
		switch {
		case !ok || n > cur[1]:
			if ok {
				second[t] = max(second[t], cur[1])
			}
			top[t] = [2]int{c, n}
		default:
			second[t] = max(second[t], n)
		}
	}
	for i, m := range st.ms {
		if m.kind != document.CorefDescription || st.chainHead(m.chain) >= 0 || notSalient[m.head] {
			continue
		}
		if m.typ != document.EntityPerson && !(m.typ == document.EntityOrg && salientOrg[m.head]) {
			continue
		}
		tc, ok := top[m.typ]
		if !ok || tc[1] < 2 || tc[1] < 2*second[m.typ] {
			continue
		}
		c := tc[0]
		if qualsConflict(m.quals, st.quals[c]) || (m.gender != "" && st.gender[c] != "" && m.gender != st.gender[c]) {
			continue
		}
		// another chain holds the role: not this one
		held := false
		for o := range st.chains {
			if o != c && o != m.chain && len(st.chains[o]) > 0 && st.roles[o][m.head] {
				held = true
			}
		}
		if held {
			continue
		}
		if last := st.lastOf(c, i); last >= 0 {
			st.link(i, last, 0.55, "salient")
		}
	}
}

// linkRelatives links a relative "who" to the person just before it:
// "Sajad Jiyad, who …", "the man who …".
func (st *state) linkRelatives() {
	v := st.v
	var add []*ment
	var to []*ment
	for i, w := range v.words {
		if (w != "who" && w != "whom") || i < 1 {
			continue
		}
		end := i
		if v.words[i-1] == "," {
			end = i - 1
		}
		for _, o := range st.ms {
			if o.tok1 == end && !o.nested && o.chain >= 0 && st.typ[o.chain] == document.EntityPerson {
				add = append(add, &ment{span: v.d.Tokens[i].Span, tok0: i, tok1: i + 1, sent: v.sent[i], kind: document.CorefPronoun, ner: -1, chain: -1, ante: -1})
				to = append(to, o)
				break
			}
		}
	}
	for k, m := range add {
		st.ms = append(st.ms, m)
		for j, o := range st.ms {
			if o == to[k] {
				st.link(len(st.ms)-1, j, 0.9, "relative")
				break
			}
		}
	}
	if len(add) > 0 {
		st.reorder()
	}
}

// modsWithin reports whether every modifier of description m is among
// the modifiers of chain c's descriptions: "the group" after "the
// extremist group", never "the militia group" after "the group".
func (st *state) modsWithin(m *ment, c int) bool {
	have := map[string]bool{}
	for _, j := range st.chains[c] {
		for _, w := range st.ms[j].mods {
			have[w] = true
		}
	}
	for _, w := range m.mods {
		if !have[w] {
			return false
		}
	}
	return true
}

// lastOf returns the last mention of chain c before mention i.
func (st *state) lastOf(c, i int) int {
	best := -1
	for _, j := range st.chains[c] {
		if j < i {
			best = j
		}
	}
	return best
}

// chainHead returns the index into Document.Mentions of the longest name
// of chain c, or -1.
func (st *state) chainHead(c int) int {
	best, bestLen := -1, 0
	for _, i := range st.chains[c] {
		m := st.ms[i]
		if m.kind == document.CorefName && !m.nested && m.ner >= 0 {
			if l := m.span.Len(); l > bestLen {
				best, bestLen = m.ner, l
			}
		}
	}
	return best
}

// candidate is one earlier chain a pronoun may refer to.
type candidate struct {
	chain int
	last  int // its last mention before the pronoun
	score float64
	f     []float64 // the features, kept only for training
}

// compatible reports whether pronoun p may refer to chain c.
func (st *state) compatible(p *ment, c int) bool {
	switch p.pron.gender {
	case "m", "f":
		if st.typ[c] != document.EntityPerson {
			return false
		}
		g := st.gender[c]
		return g == "" || g == p.pron.gender
	case "p":
		// they/them/their: plural people and groups are not modelled;
		// left unresolved.
		return false
	case "n":
		return st.typ[c] == document.EntityOrg
	}
	return false
}

// linkPronouns links each pronoun to the best earlier chain when the
// model is confident enough.
func (st *state) linkPronouns() {
	v := st.v
	for i, p := range st.ms {
		if p.kind != document.CorefPronoun {
			continue
		}
		if p.pron.gender == "n" && p.pron.nominative {
			// "it" only before a verb of saying: "it said".
			if w := v.word(p.tok1); !speechVerbs[w] || pleonastic[w] {
				continue
			}
		}
		cands := st.candidates(i)
		if len(cands) == 0 {
			continue
		}
		if k := st.lastSpeaker(i, cands); k >= 0 && st.examples == nil {
			st.link(i, cands[k].last, 0.85, "speaker")
			continue
		}
		best, second := -1, 0.0
		bestP := 0.0
		probs := make([]float64, len(cands))
		for k := range cands {
			probs[k] = cands[k].score
		}
		softmax(probs)
		for k := range cands {
			pr := probs[k]
			if pr > bestP {
				if best >= 0 {
					second = bestP
				}
				best, bestP = k, pr
			} else if pr > second {
				second = pr
			}
		}
		if st.examples != nil {
			for _, c := range cands {
				*st.examples = append(*st.examples, Example{Pronoun: p.span, Candidate: st.chainSpans(c.chain), Features: c.f})
			}
		}
		th := st.x.opts.MinConfidence
		if p.pron.gender == "n" {
			// its / "it said": the ranker was trained on he and she.
			th = math.Max(th, 0.85)
			if p.sent-st.ms[cands[best].last].sent > 1 {
				continue
			}
		}
		if bestP < th || bestP-second < st.x.opts.Margin || best < 0 {
			continue
		}
		c := cands[best]
		st.link(i, c.last, bestP, "pronoun")
		if g := p.pron.gender; (g == "m" || g == "f") && st.gender[c.chain] == "" {
			st.gender[c.chain] = g
		}
	}
}

// lastSpeaker applies the reporting rule "Hashemi said … . He wrote …":
// a he or she that says something, at the start of its sentence, stands
// for the person who spoke last in the sentence before, when exactly one
// agreeing candidate spoke there (as subject of a verb of saying). It
// returns the candidate's index, or -1.
func (st *state) lastSpeaker(i int, cands []candidate) int {
	p := st.ms[i]
	v := st.v
	if !p.pron.nominative || (p.pron.gender != "m" && p.pron.gender != "f") || !speaks(v, p.tok1) || !st.firstInSentence(i) {
		return -1
	}
	found := -1
	for k, c := range cands {
		for _, j := range st.chains[c.chain] {
			o := st.ms[j]
			if j >= i || o.sent != p.sent-1 || !speaksAfter(v, o.tok1) {
				continue
			}
			if found >= 0 && found != k {
				return -1 // two speakers: unsure
			}
			found = k
		}
	}
	return found
}

// speaksAfter reports whether a verb of saying follows a mention at token
// k, directly or after an appositive between commas ("Jiyad, an
// analyst, said").
func speaksAfter(v *docView, k int) bool {
	if speaks(v, k) {
		return true
	}
	if k < len(v.words) && v.words[k] == "," {
		for j := k + 1; j < len(v.words) && j < k+10 && v.sent[j] == v.sent[k]; j++ {
			if v.words[j] == "," {
				return speaks(v, j+1)
			}
		}
	}
	return false
}

// chainSpans returns the spans of the non-pronoun mentions of chain c.
func (st *state) chainSpans(c int) []document.Span {
	var out []document.Span
	for _, i := range st.chains[c] {
		out = append(out, st.ms[i].span)
	}
	return out
}

// candidates lists the chains with a mention in the window before pronoun
// i that agree with it, with their features.
func (st *state) candidates(i int) []candidate {
	p := st.ms[i]
	var out []candidate
	seen := map[int]bool{}
	// mentions of a chain before the pronoun
	before := func(c int) int { return sort.SearchInts(st.chains[c], i) }
	maxCount := 0
	for c := range st.chains {
		maxCount = max(maxCount, before(c))
	}
	for j := i - 1; j >= 0; j-- {
		o := st.ms[j]
		if p.sent-o.sent > st.x.opts.Window {
			break
		}
		c := o.chain
		if c < 0 || seen[c] || o.nested || o.span.Overlaps(p.span) {
			continue
		}
		if o.span.End > p.span.Start {
			continue
		}
		seen[c] = true
		if !st.compatible(p, c) || st.quotedOnly(p, c, i) {
			continue
		}
		out = append(out, candidate{chain: c, last: j})
	}
	// names later in the pronoun's sentence (cataphora)
	for j := i + 1; j < len(st.ms); j++ {
		o := st.ms[j]
		if o.sent != p.sent {
			break
		}
		c := o.chain
		if o.kind != document.CorefName || o.nested || c < 0 || seen[c] || !st.compatible(p, c) {
			continue
		}
		seen[c] = true
		out = append(out, candidate{chain: c, last: j})
	}
	// a subject-like mention of the chain in the window
	for k := range out {
		c := &out[k]
		subjIn := false
		for _, j := range st.chains[c.chain] {
			o := st.ms[j]
			if j < i && p.sent-o.sent <= st.x.opts.Window && o.subj {
				subjIn = true
			}
		}
		f := st.features(p, i, c.chain, c.last, k, len(out), before(c.chain), maxCount, subjIn)
		c.score = st.x.model.Score(f)
		if st.examples != nil {
			c.f = slices.Clone(f)
		}
	}
	return out
}

// quotedOnly applies the rule "'… Kadhimi plans …,' he said": the
// pronoun that introduces a quotation (outside quotation marks, before a
// verb of saying) is not a person its sentence names only inside the
// quotation; that person is spoken about, not speaking.
func (st *state) quotedOnly(p *ment, c, i int) bool {
	v := st.v
	if !p.pron.nominative || !speaks(v, p.tok1) || inQuotes(v, p.tok0) {
		return false
	}
	inSent := false
	for _, j := range st.chains[c] {
		o := st.ms[j]
		if j >= i || o.sent != p.sent {
			continue
		}
		if !inQuotes(v, o.tok0) {
			return false
		}
		inSent = true
	}
	if !inSent {
		return false
	}
	// and the chain has no mention before the sentence in the window
	for _, j := range st.chains[c] {
		o := st.ms[j]
		if j < i && o.sent < p.sent && p.sent-o.sent <= st.x.opts.Window {
			return false
		}
	}
	return true
}
