package report

import (
	"sort"
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
)

// groupSpeakers groups quotes by speaker: by resolved entity when the
// quote names a known one; an unnamed title ("new Iraqi Prime Minister",
// "Prime Minister of Iraq") joins the one entity quoted with that title
// and its qualifiers; else by the speaker as written (case and spacing
// aside); quotes with no speaker go into one unattributed group. Each
// group lists every name and role used. Groups are ordered by their
// number of quotes, most first, then by first appearance.
func groupSpeakers(quotes []Quote, entities []document.Entity) []Speaker {
	names := map[string]string{}
	for _, e := range entities {
		names[e.ID] = e.Name
	}
	// The roles each entity is quoted with, to place unnamed titles.
	roles := map[string][]string{}
	for _, q := range quotes {
		if _, ok := names[q.SpeakerEntity]; ok && q.SpeakerEntity != "" && q.Role != "" {
			roles[q.SpeakerEntity] = append(roles[q.SpeakerEntity], q.Role)
		}
	}
	groups := map[string]int{}
	var out []Speaker
	for _, q := range quotes {
		key, sp := "-", Speaker{Name: Unattributed}
		ent := q.SpeakerEntity
		if _, ok := names[ent]; !ok || ent == "" {
			ent = titleHolder(q, roles)
		}
		if n, ok := names[ent]; ok && ent != "" {
			key, sp = "e:"+ent, Speaker{Name: oneLine(n), Entity: ent, Attributed: true}
		} else if w := oneLine(q.Speaker); w != "" {
			key, sp = "s:"+strings.ToLower(w), Speaker{Name: w, Attributed: true}
		}
		g, ok := groups[key]
		if !ok {
			g = len(out)
			groups[key] = g
			out = append(out, sp)
		}
		out[g].Quotes = append(out[g].Quotes, q)
		if sp.Attributed {
			if w := oneLine(q.Speaker); w != "" && !strings.EqualFold(w, q.Role) {
				out[g].Names = addOnce(out[g].Names, w)
			}
			if r := oneLine(q.Role); r != "" && !strings.EqualFold(r, out[g].Name) {
				out[g].Roles = addOnce(out[g].Roles, r)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Quotes) > len(out[j].Quotes) })
	return out
}

// titleHolder returns the entity an unnamed speaker's title points at: the
// one entity quoted with a role holding the same title words ("prime
// minister") whose other words include the description's qualifiers
// ("new", "Iraqi"; "of Iraq" matches "Iraqi"). It returns "" when none or
// several fit.
func titleHolder(q Quote, roles map[string][]string) string {
	if q.Speaker == "" || q.SpeakerEntity != "" || q.Anonymous || q.Role == "" || !strings.EqualFold(oneLine(q.Speaker), oneLine(q.Role)) {
		return ""
	}
	title, quals := splitTitle(q.Role)
	if title == "" {
		return ""
	}
	found := ""
	for ent, rs := range roles {
		for _, r := range rs {
			t, qs := splitTitle(r)
			if t != title {
				continue
			}
			all := true
			for _, w := range quals {
				if !hasStem(qs, w) {
					all = false
					break
				}
			}
			if all {
				if found != "" && found != ent {
					return ""
				}
				found = ent
			}
		}
	}
	return found
}

// titleWords are the words of a one-person title.
var titleWords = map[string]bool{
	"prime": true, "minister": true, "president": true, "secretary": true,
	"state": true, "foreign": true, "interior": true, "defense": true,
	"defence": true, "deputy": true, "vice": true, "governor": true,
	"mayor": true, "ambassador": true, "spokesman": true, "spokeswoman": true,
	"chairman": true, "general": true, "king": true, "speaker": true,
}

// splitTitle splits a role into its title words ("prime minister") and
// its other words ("new", "iraq"), lower-cased, leaving out "the", "of"
// and similar.
func splitTitle(role string) (string, []string) {
	var t, q []string
	for _, w := range strings.FieldsFunc(strings.ToLower(role), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		switch {
		case titleWords[w]:
			t = append(t, w)
		case w == "the" || w == "of" || w == "a" || w == "an" || w == "in" || w == "for":
		default:
			q = append(q, w)
		}
	}
	return strings.Join(t, " "), q
}

// hasStem reports whether ws holds w or a word of the same stem ("iraq",
// "iraqi").
func hasStem(ws []string, w string) bool {
	for _, x := range ws {
		if x == w || strings.TrimSuffix(x, "i") == strings.TrimSuffix(w, "i") || strings.TrimSuffix(x, "n") == strings.TrimSuffix(w, "n") {
			return true
		}
	}
	return false
}

func addOnce(xs []string, s string) []string {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return xs
		}
	}
	return append(xs, s)
}

// maxQuoteLinks is how many relayed quotes, and how many other
// versions, a quote cites; the rest are counted (RelayedMore,
// VersionsMore), so that a quote repeated by a thousand reports does not
// make the account grow with the square of the story.
const maxQuoteLinks = 25

// linkQuotes cites, for each quote, the quotes of other reports that carry
// the same words (share >= 0.8 of the shorter quote's content words, at
// least six of them) or, from the same speaker, another version of them
// (share >= 0.5). Pairs are found through an index of content words: a
// pair that shares half of the shorter quote's words shares one of that
// quote's rarest half-plus-one words, so looking up only those keeps the
// work near-linear without missing a pair.
func linkQuotes(qs []Quote) {
	toks := make([]map[string]bool, len(qs))
	post := map[string][]int{}
	for i, q := range qs {
		toks[i] = wordSet(q.Text)
		if len(toks[i]) < 4 {
			continue
		}
		for w := range toks[i] {
			post[w] = append(post[w], i)
		}
	}
	smaller := func(i, j int) bool {
		if len(toks[i]) != len(toks[j]) {
			return len(toks[i]) < len(toks[j])
		}
		return i < j
	}
	type pair struct{ i, j int } // i < j
	var pairs []pair
	seen := make([]int, len(qs)) // stamp: last quote that looked at j
	for i := range seen {
		seen[i] = -1
	}
	var keys []string
	for i := range qs {
		if len(toks[i]) < 4 {
			continue
		}
		keys = keys[:0]
		for w := range toks[i] {
			keys = append(keys, w)
		}
		sort.Slice(keys, func(x, y int) bool {
			if lx, ly := len(post[keys[x]]), len(post[keys[y]]); lx != ly {
				return lx < ly
			}
			return keys[x] < keys[y]
		})
		for _, w := range keys[:len(keys)/2+1] {
			for _, j := range post[w] {
				if j == i || seen[j] == i || qs[i].Doc == qs[j].Doc || !smaller(i, j) {
					continue
				}
				seen[j] = i
				pairs = append(pairs, pair{min(i, j), max(i, j)})
			}
		}
	}
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].i != pairs[y].i {
			return pairs[x].i < pairs[y].i
		}
		return pairs[x].j < pairs[y].j
	})
	for _, p := range pairs {
		a, b := &qs[p.i], &qs[p.j]
		shared := 0
		for w := range toks[p.i] {
			if toks[p.j][w] {
				shared++
			}
		}
		n := min(len(toks[p.i]), len(toks[p.j]))
		share := float64(shared) / float64(n)
		ca := document.Citation{Doc: a.Doc, Start: a.Start, End: a.End}
		cb := document.Citation{Doc: b.Doc, Start: b.Start, End: b.End}
		switch {
		case share >= 0.8 && n >= 6:
			addLink(&a.Relayed, &a.RelayedMore, cb)
			addLink(&b.Relayed, &b.RelayedMore, ca)
		case share >= 0.5 && sameSpeaker(*a, *b):
			addLink(&a.Versions, &a.VersionsMore, cb)
			addLink(&b.Versions, &b.VersionsMore, ca)
		}
	}
}

// addLink appends c to list, or counts it in more once the list holds
// maxQuoteLinks citations.
func addLink(list *[]document.Citation, more *int, c document.Citation) {
	if len(*list) < maxQuoteLinks {
		*list = append(*list, c)
		return
	}
	*more++
}

// sameSpeaker reports whether two quotes have the same known speaker.
func sameSpeaker(a, b Quote) bool {
	if a.SpeakerEntity != "" || b.SpeakerEntity != "" {
		return a.SpeakerEntity == b.SpeakerEntity
	}
	return a.Speaker != "" && strings.EqualFold(oneLine(a.Speaker), oneLine(b.Speaker))
}

// stopWords carry no content when quotes are compared.
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "and": true,
	"in": true, "on": true, "that": true, "is": true, "was": true, "for": true,
	"it": true, "he": true, "his": true, "be": true, "by": true, "with": true,
	"as": true, "at": true, "this": true, "will": true, "has": true, "have": true,
	"had": true, "been": true, "were": true, "are": true, "would": true,
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !stopWords[w] {
			out[w] = true
		}
	}
	return out
}
