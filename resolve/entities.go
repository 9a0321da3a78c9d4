package resolve

import (
	"sort"
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
)

// aliasStat gathers what is known of one spelling within an entity.
type aliasStat struct {
	text   string
	counts map[string]int
	total  int
	// support counts the mentions of this spelling and of the spellings
	// it fully or partly matches.
	support int
	name    *parsedName
}

// parsedPtr returns p with the debris flag of orig, as a pointer.
func parsedPtr(p parsedName, orig *parsedName) *parsedName {
	p.debris = orig.debris
	return &p
}

// entities builds the story's entities from the clusters, sets each
// mention's Entity and returns the entities sorted by mention count
// (descending) and then id.
func (g *graph) entities() []document.Entity {
	var roots []int
	for r := range g.members {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	type built struct {
		e    document.Entity
		refs []mentionRef
	}
	var out []built
	for _, r := range roots {
		var refs []mentionRef
		aliases := map[string]*aliasStat{}
		var aliasOrder []string
		typeCount := map[string]int{}
		roleCount := map[string]int{}
		for _, ni := range g.members[r] {
			n := g.nodes[ni]
			refs = append(refs, n.refs...)
			typeCount[n.typ] += len(n.refs)
			for _, role := range n.roles {
				roleCount[role]++
			}
			for k, clean := range n.cleans {
				a := aliases[clean]
				if a == nil {
					a = &aliasStat{text: clean, counts: map[string]int{}, name: &g.nodes[ni].name}
					aliases[clean] = a
					aliasOrder = append(aliasOrder, clean)
				}
				a.counts[g.s.Docs[n.refs[k].doc].ID]++
				a.total++
			}
		}
		sortRefs(refs, g.s)
		sort.Strings(aliasOrder)
		e := document.Entity{Type: majorityType(typeCount)}
		// Support: mentions of this spelling and of spellings it covers.
		for _, k := range aliasOrder {
			a := aliases[k]
			a.name = parsedPtr(parseName(a.text, nil), a.name)
			for _, k2 := range aliasOrder {
				b := aliases[k2]
				if k2 == k || g.cmp.parsed(a.name, parsedPtr(parseName(b.text, nil), b.name)) >= PartialMatch && len(parseName(b.text, nil).folded) <= len(a.name.folded) {
					a.support += b.total
				}
			}
		}
		best := aliases[aliasOrder[0]]
		for _, k := range aliasOrder {
			a := aliases[k]
			e.Aliases = append(e.Aliases, document.Alias{Text: a.text, Counts: a.counts})
			if betterCanonical(a, best) {
				best = a
			}
		}
		e.Name = best.text
		e.Roles = sortedRoles(roleCount)
		for _, ref := range refs {
			m := g.s.Docs[ref.doc].Mentions[ref.idx]
			e.Mentions = append(e.Mentions, document.EntityMention{
				Citation: document.Citation{Doc: g.s.Docs[ref.doc].ID, Start: m.Start, End: m.End},
				Text:     m.Text,
			})
		}
		out = append(out, built{e: e, refs: refs})
	}
	// Stable ids from canonical name and type; collisions get the type,
	// then a counter, in the order of first mention.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].refs[0], out[j].refs[0]
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return g.s.Docs[a.doc].Mentions[a.idx].Start < g.s.Docs[b.doc].Mentions[b.idx].Start
	})
	used := map[string]bool{}
	for i := range out {
		e := &out[i].e
		base := "e-" + slug(e.Name)
		id := base
		if used[id] {
			id = base + "-" + strings.ToLower(e.Type)
		}
		for k := 2; used[id]; k++ {
			id = base + "-" + itoa(k)
		}
		used[id] = true
		e.ID = id
		for _, ref := range out[i].refs {
			g.s.Docs[ref.doc].Mentions[ref.idx].Entity = id
		}
	}
	ents := make([]document.Entity, len(out))
	for i := range out {
		ents[i] = out[i].e
	}
	sort.SliceStable(ents, func(i, j int) bool {
		if len(ents[i].Mentions) != len(ents[j].Mentions) {
			return len(ents[i].Mentions) > len(ents[j].Mentions)
		}
		return ents[i].ID < ents[j].ID
	})
	return ents
}

// majorityType returns the most frequent non-MISC type, else MISC.
func majorityType(count map[string]int) string {
	best, n := document.EntityMisc, 0
	var keys []string
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k != document.EntityMisc && count[k] > n {
			best, n = k, count[k]
		}
	}
	return best
}

// sortedRoles returns roles by frequency, then alphabetically.
func sortedRoles(count map[string]int) []string {
	var out []string
	for r := range count {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if count[out[i]] != count[out[j]] {
			return count[out[i]] > count[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// wellFormed reports whether an alias is a clean spelling: no glued
// debris, no doubled hyphens, every word but articles capitalized.
func wellFormed(a *aliasStat) bool {
	if a.name.debris || strings.Contains(a.text, "--") {
		return false
	}
	for _, w := range a.name.words {
		lw := strings.ToLower(w)
		if articles[lw] || strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-") || stopInitials[lw] || lw == "bin" || lw == "ibn" {
			continue
		}
		if !isCapitalized(w) {
			return false
		}
	}
	return true
}

// betterCanonical reports whether alias a makes a better canonical name
// than b: a full name over an acronym, more tokens, well-formed, more
// frequent, then alphabetical.
func betterCanonical(a, b *aliasStat) bool {
	if a.name.Acronym != b.name.Acronym {
		return !a.name.Acronym
	}
	// A multi-word real name over a kunya (Abu X) or a nickname.
	if ka, kb := kunya(a), kunya(b); ka != kb {
		return !ka
	}
	if la, lb := len(a.name.folded), len(b.name.folded); la != lb {
		return la > lb
	}
	if wa, wb := wellFormed(a), wellFormed(b); wa != wb {
		return wa
	}
	if a.support != b.support {
		return a.support > b.support
	}
	if a.total != b.total {
		return a.total > b.total
	}
	// House style writes the article in lower case inside a name.
	if ca, cb := strings.Count(a.text, " Al-"), strings.Count(b.text, " Al-"); ca != cb {
		return ca < cb
	}
	return a.text < b.text
}

// kunya reports whether an alias is a kunya ("Abu Samir", "Umm Ali") or
// a single word; a multi-word name that is neither ranks above it.
func kunya(a *aliasStat) bool {
	f := a.name.folded
	return len(f) < 2 || f[0] == "abu" || f[0] == "um" || f[0] == "abi"
}

// slug lowercases a name to ASCII words joined by "-".
func slug(name string) string {
	s := strings.Map(func(r rune) rune {
		switch r {
		case '\'', '’', '‘', '`', 'ʼ', 'ʻ':
			return -1
		}
		return r
	}, name)
	var b strings.Builder
	dash := false
	for _, r := range plainLettersKeepSpace(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		return "x"
	}
	return out
}

// plainLettersKeepSpace lowercases s and strips diacritics, keeping every
// other character.
func plainLettersKeepSpace(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		p := plainLetters(w)
		if p == "" {
			p = strings.ToLower(w)
		}
		b.WriteString(p)
	}
	return b.String()
}

func itoa(i int) string {
	const digits = "0123456789"
	if i == 0 {
		return "0"
	}
	var b []byte
	for i > 0 {
		b = append([]byte{digits[i%10]}, b...)
		i /= 10
	}
	return string(b)
}
