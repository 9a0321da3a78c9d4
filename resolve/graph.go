package resolve

import (
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// node is one distinct name (folded form and type) in one document, with
// the mentions that spell it.
type node struct {
	id   int
	doc  int
	typ  string
	name parsedName
	refs []mentionRef
	// cleans are the alias spellings of refs, one each.
	cleans []string
	roles  []string
	// short is set when the name is a short form of a longer name of the
	// story (a surname, or "Hezbollah" beside "Kataib Hezbollah").
	short bool
	// sides lists the cannot-link sides this node matches (2*pair+side).
	sides []int
}

// graph holds the nodes of a story and the clusters built over them.
type graph struct {
	r      *Resolver
	s      *document.Story
	nodes  []*node
	parent []int
	// members lists the nodes of each root.
	members map[int][]int
	// sides lists the cannot-link sides present in each root's cluster.
	sides map[int]map[int]bool
	// byLast indexes representative nodes by the block key of each of
	// their folded forms.
	byLast map[string][]int
	// byFirst indexes multi-token nodes by document and the key of their
	// first token.
	byFirst map[string][]int
	// rep maps each node to the representative node of its name (type and
	// folded tokens); sameName lists the nodes of each representative.
	rep      []int
	sameName map[int][]int
	// types is the bit set of non-MISC types in each root's cluster.
	types map[int]uint8
	// cmp compares names with a token cache.
	cmp *comparer
	// weak are node pairs whose names match only weakly.
	weak [][2]int
}

// typeBit returns the bit of a non-MISC type (0 for MISC).
func typeBit(t string) uint8 {
	switch t {
	case document.EntityPerson:
		return 1
	case document.EntityOrg:
		return 2
	case document.EntityLoc:
		return 4
	case document.EntityMisc:
		return 0
	}
	return 8
}

// typeOf normalizes a mention type; "" counts as MISC.
func typeOf(t string) string {
	if t == "" {
		return document.EntityMisc
	}
	return strings.ToUpper(t)
}

// compatible reports whether two types may name one entity.
func compatible(a, b string) bool {
	return a == b || a == document.EntityMisc || b == document.EntityMisc
}

func newGraph(r *Resolver, s *document.Story) *graph {
	g := &graph{r: r, s: s, members: map[int][]int{}, sides: map[int]map[int]bool{},
		types: map[int]uint8{}, cmp: newComparer(r.th), byLast: map[string][]int{}, byFirst: map[string][]int{}}
	// Vocabulary of folded name tokens, for cutting glued tails.
	vocab := map[string]bool{}
	for _, d := range s.Docs {
		for _, m := range d.Mentions {
			for _, w := range strings.Fields(m.Text) {
				if f := foldToken(w); len(f) >= 3 {
					vocab[f] = true
				}
			}
		}
	}
	index := map[string]int{}
	reading := newStoryReading(s, vocab, g.cmp.th)
	for di, d := range s.Docs {
		for mi := range d.Mentions {
			m := &d.Mentions[mi]
			m.Entity = ""
			text, ok := reading.text(m.Text)
			if !ok {
				continue
			}
			p := parseName(text, vocab)
			if len(p.folded) == 0 {
				continue
			}
			typ := reading.typ(&p, m.Type)
			key := strconv.Itoa(di) + "\x00" + typ + "\x00" + strings.Join(p.folded, " ")
			if p.Acronym {
				key += "\x00A"
			}
			ni, ok := index[key]
			if !ok {
				ni = len(g.nodes)
				index[key] = ni
				g.nodes = append(g.nodes, &node{id: ni, doc: di, typ: typ, name: p})
			}
			n := g.nodes[ni]
			n.refs = append(n.refs, mentionRef{di, mi})
			n.cleans = append(n.cleans, p.Clean)
			n.roles = append(n.roles, p.Roles...)
			if role := precedingRole(d.Text, m.Start); role != "" {
				n.roles = append(n.roles, role)
			}
		}
	}
	g.parent = make([]int, len(g.nodes))
	g.rep = make([]int, len(g.nodes))
	g.sameName = map[int][]int{}
	repOf := map[string]int{}
	for i, n := range g.nodes {
		g.parent[i] = i
		g.members[i] = []int{i}
		g.types[i] = typeBit(n.typ)
		if len(n.name.folded) > 1 {
			fk := itoa(n.doc) + "\x00" + tokenKey(n.name.folded[0])
			g.byFirst[fk] = append(g.byFirst[fk], i)
		}
		// Nodes of the same name in different documents share one
		// representative; only representatives are compared.
		nk := n.typ + "\x00" + strings.Join(n.name.folded, " ")
		if n.name.Acronym {
			nk += "\x00A"
		}
		r, ok := repOf[nk]
		if !ok {
			r = i
			repOf[nk] = i
		}
		g.rep[i] = r
		g.sameName[r] = append(g.sameName[r], i)
		if ok || n.name.Acronym {
			continue
		}
		seen := map[string]bool{}
		for _, form := range g.forms(n) {
			if k := blockKey(form); !seen[k] {
				seen[k] = true
				g.byLast[k] = append(g.byLast[k], i)
			}
		}
	}
	g.markSides()
	g.markShort()
	return g
}

// forms returns the folded forms of a node's name.
func (g *graph) forms(n *node) [][]string {
	if n.name.alt != nil {
		return [][]string{n.name.folded, n.name.alt}
	}
	return [][]string{n.name.folded}
}

// find returns the root of node i.
func (g *graph) find(i int) int {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

// canJoin reports whether the clusters of a and b may be merged without
// breaking a cannot-link rule.
func (g *graph) canJoin(a, b int) bool {
	ra, rb := g.find(a), g.find(b)
	if ra == rb {
		return true
	}
	if ta, tb := g.types[ra], g.types[rb]; ta != 0 && tb != 0 && ta != tb {
		return false
	}
	sa, sb := g.sides[ra], g.sides[rb]
	for s := range sa {
		if sb[s^1] {
			return false
		}
	}
	return true
}

// union merges the clusters of a and b unless a cannot-link rule forbids
// it; it reports whether they are now one cluster.
func (g *graph) union(a, b int) bool {
	ra, rb := g.find(a), g.find(b)
	if ra == rb {
		return true
	}
	if !g.canJoin(ra, rb) {
		return false
	}
	// Keep the smaller id as root for determinism.
	if rb < ra {
		ra, rb = rb, ra
	}
	g.parent[rb] = ra
	g.members[ra] = append(g.members[ra], g.members[rb]...)
	g.types[ra] |= g.types[rb]
	delete(g.types, rb)
	delete(g.members, rb)
	if len(g.sides[rb]) > 0 {
		if g.sides[ra] == nil {
			g.sides[ra] = map[int]bool{}
		}
		for s := range g.sides[rb] {
			g.sides[ra][s] = true
		}
		delete(g.sides, rb)
	}
	return true
}

// markSides records which cannot-link sides each node matches.
func (g *graph) markSides() {
	for pi, pair := range g.r.different {
		for side := 0; side < 2; side++ {
			p := pair[side]
			for i, n := range g.nodes {
				if sideMatches(g.cmp, &n.name, &p) {
					n.sides = append(n.sides, 2*pi+side)
					if g.sides[i] == nil {
						g.sides[i] = map[int]bool{}
					}
					g.sides[i][2*pi+side] = true
				}
			}
		}
	}
}

// sideMatches reports whether a name matches one side of a rule: the
// whole side, or the side as a surname of the name.
func sideMatches(c *comparer, n, side *parsedName) bool {
	if n.Acronym != side.Acronym {
		return false
	}
	return c.parsed(n, side) >= PartialMatch
}

// blockKey is the key of the last token of form that is not a generic
// organization word ("Hezbollah" in "Hezbollah Brigade").
func blockKey(form []string) string {
	for i := len(form) - 1; i >= 0; i-- {
		if !generic[form[i]] {
			return tokenKey(form[i])
		}
	}
	return tokenKey(form[len(form)-1])
}

// candidates returns the representative nodes whose name, in any form,
// has the same block key as n: every name that can fully, partly or
// weakly match n (a short form keeps the surname).
func (g *graph) candidates(n *node) []int {
	seen := map[int]bool{n.id: true}
	var out []int
	for _, form := range g.forms(n) {
		for _, j := range g.byLast[blockKey(form)] {
			if !seen[j] {
				seen[j] = true
				out = append(out, j)
			}
		}
	}
	return out
}

// markShort flags nodes whose name is a short form of a longer name of a
// compatible type in the story.
func (g *graph) markShort() {
	for i, n := range g.nodes {
		if n.name.Acronym {
			continue
		}
		if r := g.rep[i]; r != i {
			n.short = g.nodes[r].short
			continue
		}
		for _, j := range g.candidates(n) {
			o := g.nodes[j]
			if len(o.name.folded) <= len(n.name.folded) || !compatible(n.typ, o.typ) {
				continue
			}
			// Only persons are known by multi-word short forms; a
			// multi-word organization name stands on its own.
			if len(n.name.folded) > 1 && (n.typ != document.EntityPerson || o.typ != document.EntityPerson) {
				continue
			}
			if m := g.cmp.parsed(&n.name, &o.name); m == PartialMatch || m == WeakMatch {
				n.short = true
				break
			}
		}
	}
}
