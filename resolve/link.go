package resolve

import (
	"strings"

	"github.com/corroborate/corroborate/document"
)

// linkFull joins nodes whose whole names match (across documents and
// within one), and notes weakly matching pairs for linkWeak. Short forms
// are left to linkShort and acronyms match only the same acronym.
func (g *graph) linkFull() {
	acr := map[string]int{}
	for i, n := range g.nodes {
		if n.name.Acronym {
			k := n.name.folded[0]
			if j, ok := acr[k]; ok && compatible(g.nodes[j].typ, n.typ) {
				g.union(j, i)
			} else if !ok {
				acr[k] = i
			}
			continue
		}
		if n.short || g.rep[i] != i {
			continue
		}
		for _, j := range g.sameName[i][1:] {
			g.union(i, j)
		}
		for _, j := range g.candidates(n) {
			if j < i {
				continue
			}
			o := g.nodes[j]
			if o.short || o.name.Acronym || !compatible(n.typ, o.typ) {
				continue
			}
			switch g.cmp.parsed(&n.name, &o.name) {
			case FullMatch:
				g.union(i, j)
			case WeakMatch:
				if len(n.name.folded) == len(o.name.folded) {
					g.weak = append(g.weak, [2]int{i, j})
				}
			}
		}
	}
}

// linkAliasRules applies the "same" statements of the alias rules.
func (g *graph) linkAliasRules() {
	for _, group := range g.r.same {
		first := -1
		for i, n := range g.nodes {
			for k := range group {
				if sideMatches(g.cmp, &n.name, &group[k]) {
					if first < 0 {
						first = i
					} else {
						g.union(first, i)
					}
					break
				}
			}
		}
	}
}

// akaCues are the words that introduce another name of the same referent.
var akaCues = map[string]bool{
	"aka": true, "a.k.a.": true, "a.k.a": true, "also known as": true, "known as": true,
	"better known as": true, "alias": true, "nicknamed": true, "dubbed": true,
}

// linkTextEvidence joins names that the text itself equates: "X (Y)" where
// Y is X's acronym or shares a word with X, and "X, aka Y".
func (g *graph) linkTextEvidence() {
	nodeOf := map[mentionRef]int{}
	for i, n := range g.nodes {
		for _, ref := range n.refs {
			nodeOf[ref] = i
		}
	}
	for di, d := range g.s.Docs {
		var refs []mentionRef
		for mi := range d.Mentions {
			if _, ok := nodeOf[mentionRef{di, mi}]; ok {
				refs = append(refs, mentionRef{di, mi})
			}
		}
		sortRefs(refs, g.s)
		for k := 0; k+1 < len(refs); k++ {
			a, b := d.Mentions[refs[k].idx], d.Mentions[refs[k+1].idx]
			if !a.Span.Valid(len(d.Text)) || !b.Span.Valid(len(d.Text)) || a.End > b.Start {
				continue
			}
			na, nb := g.nodes[nodeOf[refs[k]]], g.nodes[nodeOf[refs[k+1]]]
			if !compatible(na.typ, nb.typ) {
				continue
			}
			between := d.Text[a.End:b.Start]
			after := strings.TrimLeft(d.Text[b.End:], " ")
			switch {
			case strings.TrimSpace(between) == "(" && strings.HasPrefix(after, ")"):
				if acronymOf(&nb.name, &na.name) || acronymOf(&na.name, &nb.name) || shareToken(g.cmp, &na.name, &nb.name) {
					g.union(na.id, nb.id)
				}
			case akaCues[strings.ToLower(strings.Trim(strings.TrimSpace(between), ", "))]:
				g.union(na.id, nb.id)
			}
		}
	}
}

// acronymOf reports whether acr is an acronym of the name full.
func acronymOf(acr, full *parsedName) bool {
	if !acr.Acronym || full.Acronym || len(full.initials) < 2 {
		return false
	}
	return strings.ToUpper(acr.folded[0]) == full.initials
}

// shareToken reports whether two names share a folded token (in any of
// their forms), ignoring generic organization words.
func shareToken(c *comparer, a, b *parsedName) bool {
	for _, x := range append(append([]string{}, a.folded...), a.alt...) {
		if generic[x] {
			continue
		}
		for _, y := range append(append([]string{}, b.folded...), b.alt...) {
			if tokenVerdict(x, y, c.thresholds()) == FullMatch {
				return true
			}
		}
	}
	return false
}

// generic are folded organization words too common to tie two names.
var generic = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"brigade", "force", "forces", "group", "army", "movement", "party", "front", "council", "ministry", "state", "islamic", "national", "united", "company", "league", "unit"} {
		m[foldToken(w)] = true
	}
	return m
}()

// linkAcronyms joins an acronym to the one expansion of the story whose
// initials it spells, unless the acronym already has an expansion (from
// "X (Y)") or several names of the story spell it.
func (g *graph) linkAcronyms() {
	byInitials := map[string][]int{}
	for i, n := range g.nodes {
		if !n.name.Acronym && len(n.name.initials) >= 2 && n.typ != document.EntityPerson {
			byInitials[n.name.initials] = append(byInitials[n.name.initials], i)
		}
	}
	for i, n := range g.nodes {
		if !n.name.Acronym || g.hasExpansion(i) {
			continue
		}
		roots := map[int]bool{}
		var pick int
		for _, j := range byInitials[strings.ToUpper(n.name.folded[0])] {
			if compatible(n.typ, g.nodes[j].typ) {
				roots[g.find(j)] = true
				pick = j
			}
		}
		if len(roots) == 1 {
			g.union(i, pick)
		}
	}
}

// hasExpansion reports whether node i's cluster holds a non-acronym name.
func (g *graph) hasExpansion(i int) bool {
	for _, j := range g.members[g.find(i)] {
		if !g.nodes[j].name.Acronym {
			return true
		}
	}
	return false
}

// linkShort joins each short person name (a surname, first name and
// surname) to the one longer name it abbreviates, preferring names of the
// same document; ambiguous short names stay apart. A lone first name joins
// only a unique full name of its own document.
func (g *graph) linkShort() {
	cache := map[int][2][]int{}
	for i, n := range g.nodes {
		if n.name.Acronym || n.typ == document.EntityOrg || n.typ == document.EntityLoc {
			continue
		}
		if n.short {
			pm, wm := g.shortMatches(i, cache)
			partial, weak := map[int]bool{}, map[int]bool{}
			partialDoc := map[int]bool{}
			for _, rj := range pm {
				for _, j := range g.sameName[rj] {
					r := g.find(j)
					partial[r] = true
					if g.nodes[j].doc == n.doc {
						partialDoc[r] = true
					}
				}
			}
			for _, rj := range wm {
				for _, j := range g.sameName[rj] {
					weak[j] = true
				}
			}
			switch {
			case len(partialDoc) == 1:
				g.union(i, firstKey(partialDoc))
			case len(partialDoc) == 0 && len(partial) == 1:
				g.union(i, firstKey(partial))
			case len(partial) == 0 && len(weak) == 1:
				g.weak = append(g.weak, [2]int{i, firstKey(weak)})
			}
			continue
		}
		if len(n.name.folded) != 1 || g.clusterHasLong(i) {
			continue
		}
		// A lone first name.
		roots := map[int]bool{}
		for _, j := range g.byFirst[itoa(n.doc)+"\x00"+tokenKey(n.name.folded[0])] {
			o := g.nodes[j]
			if o.doc == n.doc && o.typ == document.EntityPerson && len(o.name.folded) > 1 &&
				g.cmp.verdict(n.name.folded[0], o.name.folded[0]) == FullMatch {
				roots[g.find(j)] = true
			}
		}
		if len(roots) == 1 {
			g.union(i, firstKey(roots))
		}
	}
}

// shortMatches returns the representatives of the longer person names
// that the short name of node i partly and weakly matches, cached per
// name.
func (g *graph) shortMatches(i int, cache map[int][2][]int) (partial, weak []int) {
	r := g.rep[i]
	if c, ok := cache[r]; ok {
		return c[0], c[1]
	}
	n := g.nodes[r]
	for _, j := range g.candidates(n) {
		o := g.nodes[j]
		if o.typ != document.EntityPerson || len(o.name.folded) <= len(n.name.folded) {
			continue
		}
		switch g.cmp.parsed(&n.name, &o.name) {
		case PartialMatch:
			partial = append(partial, j)
		case WeakMatch:
			weak = append(weak, j)
		}
	}
	cache[r] = [2][]int{partial, weak}
	return partial, weak
}

// clusterHasLong reports whether node i's cluster holds a multi-token name.
func (g *graph) clusterHasLong(i int) bool {
	for _, j := range g.members[g.find(i)] {
		if len(g.nodes[j].name.folded) > 1 {
			return true
		}
	}
	return false
}

// firstKey returns the smallest key of a non-empty set.
func firstKey(m map[int]bool) int {
	best := -1
	for k := range m {
		if best < 0 || k < best {
			best = k
		}
	}
	return best
}

// linkWeak joins weakly matching person names ("Qassem Suleiman" / "Qasem
// Soleimani") when context agrees: both persons, a shared first name or a
// shared role, and no other entity of the story with the truncated
// spelling.
func (g *graph) linkWeak() {
	for _, pr := range g.weak {
		a, b := g.nodes[pr[0]], g.nodes[pr[1]]
		if g.find(a.id) == g.find(b.id) {
			continue
		}
		if typeBit(a.typ)|typeBit(b.typ) != typeBit(document.EntityPerson) {
			continue
		}
		sharedFirst := len(a.name.folded) > 1 && len(b.name.folded) > 1 &&
			g.cmp.verdict(a.name.folded[0], b.name.folded[0]) == FullMatch
		if !sharedFirst && !g.shareRole(a.id, b.id) {
			continue
		}
		if g.conflict(a, b) || g.conflict(b, a) {
			continue
		}
		g.union(a.id, b.id)
	}
}

// shareRole reports whether the clusters of a and b share a role.
func (g *graph) shareRole(a, b int) bool {
	ra := map[string]bool{}
	for _, j := range g.members[g.find(a)] {
		for _, r := range g.nodes[j].roles {
			ra[strings.ToLower(r)] = true
		}
	}
	for _, j := range g.members[g.find(b)] {
		for _, r := range g.nodes[j].roles {
			if ra[strings.ToLower(r)] {
				return true
			}
		}
	}
	return false
}

// conflict reports whether some entity other than those of a and b has a
// last name spelled like a's last name.
func (g *graph) conflict(a, b *node) bool {
	last := a.name.folded[len(a.name.folded)-1]
	ra, rb := g.find(a.id), g.find(b.id)
	for _, rj := range g.byLast[tokenKey(last)] {
		o := g.nodes[rj]
		if g.cmp.verdict(last, o.name.folded[len(o.name.folded)-1]) != FullMatch {
			continue
		}
		for _, j := range g.sameName[rj] {
			if r := g.find(j); r != ra && r != rb {
				return true
			}
		}
	}
	return false
}
