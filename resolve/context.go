package resolve

import (
	"sort"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// precedingRole returns the role given by a title written just before
// offset start of text ("Prime Minister" in "Prime Minister Kadhimi",
// "General" in "Iranian Genera; Qassem Suleiman"), or "".
func precedingRole(text string, start int) string {
	if start <= 0 || start > len(text) {
		return ""
	}
	from := start - 60
	if from < 0 {
		from = 0
	}
	chunk := text[from:start]
	if i := strings.LastIndexAny(chunk, "\n"); i >= 0 {
		chunk = chunk[i+1:]
	}
	words := strings.Fields(chunk)
	if from > 0 && len(words) > 0 {
		words = words[1:] // may be cut
	}
	// Stop at a sentence or clause end that is not a title abbreviation.
	for k := len(words) - 1; k >= 0; k-- {
		w := words[k]
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ":") || strings.HasSuffix(w, "\"") ||
			strings.HasSuffix(w, "”") || strings.HasSuffix(w, ")") ||
			(strings.HasSuffix(w, ".") && titles[titleWord(w)] == "") {
			if k == len(words)-1 {
				return ""
			}
			words = words[k+1:]
			break
		}
	}
	if len(words) > 4 {
		words = words[len(words)-4:]
	}
	return trailingTitle(words)
}

// paragraphOf returns, for each mention of d, the index of its paragraph
// among the text stage's d.Paragraphs (0 for all when there are none).
func paragraphOf(d *document.Document) []int {
	paras := d.Paragraphs
	out := make([]int, len(d.Mentions))
	for i, m := range d.Mentions {
		out[i] = sort.Search(len(paras), func(k int) bool { return paras[k].End > m.Start })
	}
	return out
}

// linkByContext joins short names that stayed apart in different
// documents ("Hezbollah" beside "Kataib Hezbollah") when the paragraphs
// around them name a shared informative entity: one mentioned in at most
// half of the story's documents (an entity every report names, such as
// the victim, says nothing about which referent is meant).
func (g *graph) linkByContext() {
	nd := len(g.s.Docs)
	if nd < 3 {
		return
	}
	// Documents of each root.
	docsOf := map[int]map[int]bool{}
	for i, n := range g.nodes {
		r := g.find(i)
		if docsOf[r] == nil {
			docsOf[r] = map[int]bool{}
		}
		docsOf[r][n.doc] = true
	}
	informative := func(r int) bool { return len(docsOf[r]) <= nd/2 }
	// Roots present in each paragraph.
	nodeOf := map[mentionRef]int{}
	for i, n := range g.nodes {
		for _, ref := range n.refs {
			nodeOf[ref] = i
		}
	}
	paraRoots := make([]map[int]map[int]bool, nd) // doc → paragraph → roots
	paraIdx := make([][]int, nd)
	for di, d := range g.s.Docs {
		paraIdx[di] = paragraphOf(d)
		paraRoots[di] = map[int]map[int]bool{}
		for mi := range d.Mentions {
			ni, ok := nodeOf[mentionRef{di, mi}]
			if !ok {
				continue
			}
			p := paraIdx[di][mi]
			if paraRoots[di][p] == nil {
				paraRoots[di][p] = map[int]bool{}
			}
			paraRoots[di][p][g.find(ni)] = true
		}
	}
	contextOf := func(n *node) map[int]bool {
		own := g.find(n.id)
		ctx := map[int]bool{}
		for _, ref := range n.refs {
			for r := range paraRoots[ref.doc][paraIdx[ref.doc][ref.idx]] {
				if r != own && informative(r) {
					ctx[r] = true
				}
			}
		}
		return ctx
	}
	// Group unresolved short nodes by type and name.
	groups := map[string][]int{}
	var order []string
	for i, n := range g.nodes {
		if !n.short || g.clusterHasLonger(i, len(n.name.folded)) {
			continue
		}
		k := n.typ + "\x00" + strings.Join(n.name.folded, " ")
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range order {
		ids := groups[k]
		ctxs := make([]map[int]bool, len(ids))
		for x, i := range ids {
			ctxs[x] = contextOf(g.nodes[i])
		}
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				if overlaps(ctxs[x], ctxs[y]) {
					g.union(ids[x], ids[y])
				}
			}
		}
	}
}

// clusterHasLonger reports whether node i's cluster holds a name with more
// than n tokens.
func (g *graph) clusterHasLonger(i, n int) bool {
	for _, j := range g.members[g.find(i)] {
		if len(g.nodes[j].name.folded) > n {
			return true
		}
	}
	return false
}

func overlaps(a, b map[int]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}
