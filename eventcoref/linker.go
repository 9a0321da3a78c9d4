package eventcoref

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
	"github.com/corroborate/corroborate/pipeline"
)

// Options configure a Linker.
type Options struct {
	// Model is the pairwise model; nil means DefaultModel.
	Model *Model
	// Threshold is the clustering threshold; 0 means the model's
	// LinkThreshold. It is never below MinThreshold.
	Threshold float64
	// Window bounds blocking: a mention is scored against at most Window
	// mentions of each block it shares (nearest in story order), so the
	// number of scored pairs grows linearly with the mentions. 0 means
	// 100.
	Window int
	// Logger receives debug notes; nil means slog.Default.
	Logger *slog.Logger
}

// MinThreshold is the least clustering threshold the linker accepts: a
// story recalls many events told with the same words (other killings,
// earlier raids), and a wrong merge costs more than a split.
const MinThreshold = 0.3

// Linker is the story-level step that groups the event mentions of all
// documents into Events.
type Linker struct {
	model     *Model
	threshold float64
	window    int
	log       *slog.Logger
}

// New returns a Linker with opts.
func New(opts Options) (*Linker, error) {
	l := &Linker{model: opts.Model, threshold: opts.Threshold, window: opts.Window, log: opts.Logger}
	if l.model == nil {
		m, err := DefaultModel()
		if err != nil {
			return nil, err
		}
		l.model = m
	}
	if l.threshold <= 0 {
		l.threshold = l.model.LinkThreshold
	}
	if l.threshold < MinThreshold {
		l.threshold = MinThreshold
	}
	if l.window <= 0 {
		l.window = 100
	}
	if l.log == nil {
		l.log = slog.Default()
	}
	return l, nil
}

// Contract declares the layers the step reads and writes: the event
// mentions, the resolved entities and the time expressions of every
// document, and the derivations between documents (for the independent
// count); it writes the story's Events and each mention's Event id.
func (l *Linker) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerEventMentions, document.LayerEntities, document.LayerTimexes, document.LayerComparison).
		Gives(document.LayerEvents)
}

// vague are trigger keys too vague to link on the word alone.
var vague = map[string]bool{}

func init() {
	for _, w := range []string{"be", "have", "do", "make", "take", "get", "go", "come", "say", "tell", "happen", "occur", "take place", "give", "put", "use", "see"} {
		vague[Key(w)] = true
	}
}

// Candidates returns the mention pairs of p worth scoring: mentions whose
// trigger keys are equal or paired in the model's lexicon. Each mention
// is paired with at most l.window mentions of each block, the nearest in
// story order, so large stories stay near-linear. same, when not nil,
// keeps only the pairs it accepts.
func (l *Linker) Candidates(p *Prepared, same func(i, j int) bool) [][2]int {
	window := scaledWindow(l.window, len(p.Mentions))
	byKey := map[string][]int{}
	for i, m := range p.Mentions {
		if m.Key != "" {
			byKey[m.Key] = append(byKey[m.Key], i)
		}
	}
	nbrs := map[string][]string{}
	for k := range l.model.Lexicon {
		for i := 0; i < len(k); i++ {
			if k[i] == '|' {
				a, b := k[:i], k[i+1:]
				nbrs[a] = append(nbrs[a], b)
				break
			}
		}
	}
	for k := range nbrs {
		sort.Strings(nbrs[k])
	}
	// Each pair comes up once: within a block as (a, b) with a < b, across
	// two blocks once per lexicon pair of keys.
	var out [][2]int
	add := func(i, j int) {
		if i == j {
			return
		}
		if j < i {
			i, j = j, i
		}
		if same != nil && !same(i, j) {
			return
		}
		out = append(out, [2]int{i, j})
	}
	for _, k := range sortedKeys(byKey) {
		ms := byKey[k]
		// Same key: a sliding window over the block.
		for a := range ms {
			for b := a + 1; b < len(ms) && b <= a+window; b++ {
				add(ms[a], ms[b])
			}
		}
		// Lexicon neighbours: keys sorted, each pair of blocks once.
		for _, k2 := range nbrs[k] {
			other := byKey[k2]
			if len(other) == 0 || k2 < k {
				continue
			}
			for _, i := range ms {
				// The window of other nearest to i in story order.
				c := sort.SearchInts(other, i)
				lo, hi := c-window/2, c+window/2
				if lo < 0 {
					lo = 0
				}
				if hi > len(other) {
					hi = len(other)
				}
				for _, j := range other[lo:hi] {
					add(i, j)
				}
			}
		}
	}
	return out
}

// Above fullWindowMentions mentions, the window narrows in proportion
// (never below minWindow), so that the pairs scored and clustered stay
// about fullWindowMentions × window however long a report or large a
// story: near-linear, where a fixed window makes the clustering's heap
// grow with the story and its merges more than linear. Every evaluation
// set and ordinary story lies below the limit and is linked with the full
// window.
const (
	fullWindowMentions = 5000
	minWindow          = 10
)

// scaledWindow returns the window for n mentions.
func scaledWindow(window, n int) int {
	if n <= fullWindowMentions {
		return window
	}
	return max(minWindow, window*fullWindowMentions/n)
}

// conflict reports whether two mentions cannot name one event: their
// patients differ (the killing of one man is not the killing of another)
// or their resolved dates cannot meet.
func conflict(p *Prepared, i, j int) bool {
	a, b := &p.Mentions[i], &p.Mentions[j]
	if pa, both := overlap(a.Patients, b.Patients); both && pa == 0 {
		return true
	}
	if ok, both := timeOverlap(a.Dated, b.Dated); both && !ok {
		return true
	}
	return false
}

// gate reports whether a scored pair may link: a mention that is negated
// or modal never links, nor one naming a kind or series of events
// ("assassinations", "death threats"), nor two in conflict; reporting or
// vague triggers link only with a shared participant.
func gate(p *Prepared, i, j int) bool {
	a, b := &p.Mentions[i], &p.Mentions[j]
	if !a.Asserted || !b.Asserted || a.Generic || b.Generic || conflict(p, i, j) {
		return false
	}
	if a.Class == document.EventReporting || b.Class == document.EventReporting || vague[a.Key] || vague[b.Key] {
		part, _ := overlap(a.Participants, b.Participants)
		return part > 0 && Cosine(a.Context, b.Context) > 0.3
	}
	return true
}

// CrossDocCosine is the sentence similarity that lets two mentions in
// different reports link without a shared name or date.
const CrossDocCosine = 0.3

// shareEvidence reports whether two mentions in different reports have
// something beyond the trigger word in common: the same resolved patient
// (the killing of one man), a person, organization or rare place named
// in both sentences, a resolved date both give, or
// similar sentences. Reports of one story recall many events told with
// the same generic words ("call", "find", "release"); the word alone does
// not make them one event.
func shareEvidence(a, b *Mention) bool {
	for k := range a.Patients {
		if len(k) > 2 && k[:2] == "e:" && b.Patients[k] {
			return true
		}
	}
	an, bn := a.Names, b.Names
	if specificEvent(a.Text) && specificEvent(b.Text) {
		an, bn = a.WideNames, b.WideNames
	}
	for k := range an {
		if bn[k] {
			return true
		}
	}
	if ok, both := timeOverlap(a.Dated, b.Dated); both && ok {
		return true
	}
	return Cosine(a.Context, b.Context) >= CrossDocCosine
}

// Cluster groups the mentions of p: candidate pairs scored by the model,
// gated (see gate), then average-linkage clustering at the threshold. It
// returns a cluster number per mention and the mean probability of the
// scored pairs inside each mention's cluster (1 for a lone mention).
func (l *Linker) Cluster(ctx context.Context, p *Prepared, same func(i, j int) bool) ([]int, []float64, error) {
	return l.cluster(ctx, p, same, false)
}

// cluster is Cluster; story adds the story-level gate: mentions in
// different reports link only with shared evidence (see shareEvidence).
// ECB+ topics gather reports of one seminal event, where the gate costs
// recall (CoNLL F1 73.80 to 71.85 on held-out topics 26-35); a story
// recalls many background events told with the same words, where it
// keeps "call", "find" or "release" of different reports apart.
func (l *Linker) cluster(ctx context.Context, p *Prepared, same func(i, j int) bool, story bool) ([]int, []float64, error) {
	pairs := l.Candidates(p, same)
	edges := make([]Edge, 0, len(pairs))
	var cannot [][2]int
	for k, pr := range pairs {
		if k%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		if conflict(p, pr[0], pr[1]) {
			cannot = append(cannot, pr)
			continue
		}
		if !gate(p, pr[0], pr[1]) {
			continue
		}
		if a, b := &p.Mentions[pr[0]], &p.Mentions[pr[1]]; story && a.Doc != b.Doc && !shareEvidence(a, b) {
			continue
		}
		if pb := l.model.Prob(p, pr[0], pr[1]); pb > 0.05 {
			edges = append(edges, Edge{I: pr[0], J: pr[1], P: pb})
		}
	}
	lab := AgglomerateConstrained(len(p.Mentions), edges, cannot, l.threshold)
	lab = l.mergeByPatient(p, lab, edges, cannot)
	sum, cnt := map[int]float64{}, map[int]float64{}
	for _, e := range edges {
		if lab[e.I] == lab[e.J] {
			sum[lab[e.I]] += e.P
			cnt[lab[e.I]]++
		}
	}
	conf := make([]float64, len(lab))
	for i, c := range lab {
		conf[i] = 1
		if cnt[c] > 0 {
			conf[i] = sum[c] / cnt[c]
		}
	}
	return lab, conf, nil
}

// Link groups the event mentions of every document of s into s.Events and
// sets each mention's Event id. Argument entity ids are filled from the
// resolved named-entity mentions they cover.
func (l *Linker) Link(ctx context.Context, s *document.Story) error {
	if s == nil {
		return fmt.Errorf("linking events: nil story")
	}
	for _, d := range s.Docs {
		linkArgs(d)
		for i := range d.Events {
			d.Events[i].Event = ""
		}
	}
	p := Prepare(s)
	lab, conf, err := l.cluster(ctx, p, nil, true)
	if err != nil {
		return fmt.Errorf("linking events: %w", err)
	}
	lab = joinStory(s, p, lab)
	s.Events = buildEvents(s, p, lab, conf)
	l.log.Debug("events linked", "mentions", len(p.Mentions), "events", len(s.Events))
	return nil
}

// linkArgs sets the entity id of each event argument from the resolved
// named-entity mentions inside it (or around it): a person before an
// organization, a place or another name, the last of a kind ("the Iraqi
// expert Hisham al-Hashimi" gives Hisham al-Hashimi).
func linkArgs(d *document.Document) {
	rank := map[string]int{document.EntityPerson: 4, document.EntityOrg: 3, document.EntityLoc: 2}
	var idx *spans.Index
	var near []int
	var viaCoref map[document.Span]string
	for i := range d.Events {
		for k := range d.Events[i].Args {
			a := &d.Events[i].Args[k]
			if a.Entity != "" {
				continue
			}
			if idx == nil {
				idx = spans.Mentions(d.Mentions)
			}
			// The mentions inside the argument or around it, in text order.
			near = idx.Containing(idx.Inside(near[:0], a.Span), a.Span)
			sort.Ints(near)
			best, prev := -1, -1
			for _, mi := range near {
				if mi == prev {
					continue
				}
				prev = mi
				m := d.Mentions[mi]
				if m.Entity == "" {
					continue
				}
				if m.Type != document.EntityPerson && m.Type != document.EntityOrg && m.Type != document.EntityLoc && m.End < a.End {
					// "the Iraqi security expert": a nationality
					// modifying the head is not the argument.
					continue
				}
				if r := rank[m.Type]; r >= best {
					best, a.Entity = r, m.Entity
				}
			}
			if best < rank[document.EntityLoc] {
				if viaCoref == nil {
					viaCoref = corefEntities(d)
				}
				if id := viaCoref[a.Span]; id != "" {
					a.Entity = id
				}
			}
		}
	}
}

// corefEntities maps each pronoun or description of d's coreference
// chains ("he", "the prominent Iraqi researcher") to the resolved entity
// of its chain, when the link is confident and the chain has a name (the
// first chain wins where two hold one span).
func corefEntities(d *document.Document) map[document.Span]string {
	out := map[document.Span]string{}
	for _, c := range d.Coref {
		if c.Head < 0 || c.Head >= len(d.Mentions) || d.Mentions[c.Head].Entity == "" {
			continue
		}
		for _, m := range c.Mentions {
			if m.Mention < 0 && m.Confidence >= 0.8 {
				if _, ok := out[m.Span]; !ok {
					out[m.Span] = d.Mentions[c.Head].Entity
				}
			}
		}
	}
	return out
}

// mergeByPatient joins clusters whose mentions most often name the same
// resolved patient entity when some pair across them has related
// triggers (scored above the threshold: "death" and "killed" of one man)
// and none is in conflict. Clustering on averages keeps such clusters
// apart when one is large; the shared patient is strong evidence.
func (l *Linker) mergeByPatient(p *Prepared, lab []int, edges []Edge, cannot [][2]int) []int {
	counts := map[int]map[string]int{}
	for i, m := range p.Mentions {
		for k := range m.Patients {
			if len(k) > 2 && k[:2] == "e:" {
				if counts[lab[i]] == nil {
					counts[lab[i]] = map[string]int{}
				}
				counts[lab[i]][k]++
			}
		}
	}
	topPatient := map[int]string{}
	for c, cs := range counts {
		topPatient[c] = top(cs)
	}
	parent := roots{}
	find := parent.find
	// conflicts between current clusters (roots).
	blocked := map[int]map[int]bool{}
	block := func(a, b int) {
		if blocked[a] == nil {
			blocked[a] = map[int]bool{}
		}
		if blocked[b] == nil {
			blocked[b] = map[int]bool{}
		}
		blocked[a][b], blocked[b][a] = true, true
	}
	for _, c := range cannot {
		block(lab[c[0]], lab[c[1]])
	}
	// Edges by descending score, ties in their given order (an unstable
	// sort with the position as the last key: as stable, and faster on
	// millions of edges).
	order := make([]int, len(edges))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		if c := cmp.Compare(edges[y].P, edges[x].P); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	for _, k := range order {
		e := edges[k]
		if e.P < l.threshold {
			break
		}
		ci, cj := lab[e.I], lab[e.J]
		a, b := find(ci), find(cj)
		if a == b || topPatient[ci] == "" || topPatient[ci] != topPatient[cj] || blocked[a][b] {
			continue
		}
		if len(blocked[a]) < len(blocked[b]) {
			// The smaller conflict set moves, so that merging stays
			// near-linear however large a cluster grows.
			a, b = b, a
		}
		parent[b] = a
		for o := range blocked[b] {
			block(a, o)
		}
	}
	out := make([]int, len(lab))
	for i, c := range lab {
		out[i] = find(c)
	}
	return out
}

// specificEvent reports whether a trigger names a specific kind of
// event, a noun such as "raid" or "strike" that a report uses for one
// occurrence, rather than a verb of general use.
func specificEvent(trigger string) bool {
	t := strings.ToLower(strings.TrimSpace(trigger))
	return specificNouns[t] || specificNouns[strings.TrimSuffix(t, "s")]
}
