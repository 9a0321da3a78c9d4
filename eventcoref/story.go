package eventcoref

import (
	"regexp"
	"strings"

	"github.com/corroborate/corroborate/document"
)

// harmKeys are the trigger keys of violence done to someone: clusters of
// such mentions with the same resolved patient tell one event ("was shot",
// "assassination", "targeted" of one man).
var harmKeys = map[string]bool{}

func init() {
	for _, w := range strings.Fields("kill killing killed assassinate assassination assassinated murder murdered death die died shoot shot shooting gun gunned attack attacked target targeted stab stabbed slay execute execution") {
		harmKeys[Key(w)] = true
	}
}

// joinStory applies the story-level joins to the clusters of p after
// Cluster: killings told together with the strike that caused them
// (joinMeans), harm clusters with one patient (joinHarm), then the
// mentions of one raid across reports (joinOperation); a mention whose
// patient is someone else leaves a cluster about one victim
// (detachStrangers). It does not
// change what Cluster scores (the ECB+ evaluation measures Cluster):
// these joins rest on the reading of one story.
func joinStory(s *document.Story, p *Prepared, lab []int) []int {
	return joinOperation(s, p, detachStrangers(s, p, joinHarm(p, joinMeans(s, p, lab))))
}

// joinHarm merges clusters made of harm mentions (see harmKeys; an
// operation noun may join them) when the person most of one cluster's
// mentions name as the one harmed is among those the other names, unless
// their resolved dates differ. Within-report links ("the researcher was
// shot", "attacked him") fall below the threshold when the sentences
// differ; one victim and one act of violence make them one event. It
// runs after joinMeans, so a strike that killed two men gathers the
// mentions of either death.
func joinHarm(p *Prepared, lab []int) []int {
	type info struct {
		harm, all int
		patients  map[string]int
		dated     map[string]bool
	}
	infos := map[int]*info{}
	var order []int
	for i, m := range p.Mentions {
		in := infos[lab[i]]
		if in == nil {
			in = &info{patients: map[string]int{}, dated: map[string]bool{}}
			infos[lab[i]] = in
			order = append(order, lab[i])
		}
		in.all++
		if (harmKeys[m.Key] || operationKeys[m.Key]) && m.Asserted && !m.Generic {
			in.harm++
		}
		for k := range m.Dated {
			in.dated[k] = true
		}
		for k := range m.Patients {
			if len(k) > 2 && k[:2] == "e:" {
				in.patients[k]++
			}
		}
	}
	parent := roots{}
	find := parent.find
	harmful := func(in *info) bool { return len(in.patients) > 0 && float64(in.harm) >= 0.8*float64(in.all) }
	// Blocking: a cluster meets only the clusters naming its main
	// patient, so the join stays near-linear in large stories.
	byPatient := map[string][]int{}
	for _, c := range order {
		if in := infos[c]; harmful(in) {
			for k := range in.patients {
				byPatient[k] = append(byPatient[k], c)
			}
		}
	}
	for _, a := range order {
		ia := infos[a]
		if !harmful(ia) {
			continue
		}
		for _, b := range byPatient[top(ia.patients)] {
			ib := infos[b]
			if b == a || find(a) == find(b) {
				continue
			}
			if ok, both := timeOverlap(ia.dated, ib.dated); both && !ok {
				continue
			}
			parent[find(b)] = find(a)
		}
	}
	out := make([]int, len(lab))
	for i, c := range lab {
		out[i] = find(c)
	}
	return out
}

// operationKeys are the nouns of a strike or raid that kills.
var operationKeys = map[string]bool{}

func init() {
	for _, w := range strings.Fields("strike airstrike raid bombing attack") {
		operationKeys[Key(w)] = true
	}
}

var (
	// killedIn: "the killing of its leader X in a US raid", "killed in
	// a drone strike".
	killedIn = regexp.MustCompile(`^[^.;:]{0,60}?\b(in|by|during)\s+(a|an|the)\b[^.;:,]{0,25}$`)
	// thatKilled: "a US strike in Baghdad killed", "the strike that
	// killed", "a raid by a drone, which also resulted in the killing of".
	thatKilled = regexp.MustCompile(`^[^.;:]{0,45}?(\bthat\b|\bwhich\b[^.;:]{0,25}\bresult|\s)\s*$|^\s*(in|by)\s[^.;:,]{0,25}$`)
)

// joinMeans merges the cluster of a killing with the strike or raid the
// same sentence says caused it ("killed in a US strike", "a US strike
// killed"): the operation mention joins the killing, and two killings
// caused by one operation mention become one event (the strike that killed
// Soleimani and al-Muhandis). Only the operation mention moves: its other
// mentions may tell another raid.
func joinMeans(s *document.Story, p *Prepared, lab []int) []int {
	parent := roots{}
	find := parent.find
	bySent := map[[2]int][]int{}
	for i, m := range p.Mentions {
		bySent[[2]int{m.Doc, m.Sentence}] = append(bySent[[2]int{m.Doc, m.Sentence}], i)
	}
	out := append([]int(nil), lab...)
	for _, ms := range bySent {
		for _, o := range ms {
			mo := p.Mentions[o]
			if !operationKeys[mo.Key] || !mo.Asserted || mo.Generic {
				continue
			}
			d := s.Docs[mo.Doc]
			os := d.Events[mo.Index].Span
			var killings []int
			for _, h := range ms {
				mh := p.Mentions[h]
				if h == o || operationKeys[mh.Key] || !harmKeys[mh.Key] || !mh.Asserted {
					continue
				}
				hs := d.Events[mh.Index].Span
				var caused bool
				if hs.End <= os.Start {
					caused = killedIn.MatchString(d.Text[hs.End:os.Start])
				} else if os.End <= hs.Start {
					caused = thatKilled.MatchString(d.Text[os.End:hs.Start])
				}
				if caused {
					killings = append(killings, h)
				}
			}
			if len(killings) == 0 {
				continue
			}
			root := find(lab[killings[0]])
			for _, h := range killings[1:] {
				if r := find(lab[h]); r != root {
					parent[r] = root
				}
			}
			out[o] = -1 - o // moved below, once the roots are known
			parent[-1-o] = root
		}
	}
	for i := range out {
		out[i] = find(out[i])
	}
	return out
}

// raidKeys are the triggers of a police or military operation against a
// group: the raid, and what the troops did in it.
var raidKeys = map[string]bool{}

func init() {
	for _, w := range strings.Fields("raid raided storm stormed descend descended arrest arrested round rounded detain detained") {
		raidKeys[Key(w)] = true
	}
}

// joinOperation gathers the mentions of one operation against a group
// across reports ("a raid on Hezbollah headquarters", "descended on
// Kataeb Hezbollah's headquarters", "stormed Kataib Hezbollah's base and
// arrested 14"): mentions with raid triggers (raidKeys) whose sentences
// name the same organization (see nameKeys), with no two
// different resolved patients and no two different dates. Mentions move
// one by one, so a cluster that also holds another act ("captured on
// CCTV") keeps it. A group told by one report only stays as it was.
func joinOperation(s *document.Story, p *Prepared, lab []int) []int {
	var cand []int
	orgs := map[int]map[string]bool{}
	for i, m := range p.Mentions {
		if !raidKeys[m.Key] || !m.Asserted || m.Generic {
			continue
		}
		o := map[string]bool{}
		d := s.Docs[m.Doc]
		for _, mn := range d.Mentions {
			if mn.Type != document.EntityOrg || m.Sentence < 0 || m.Sentence >= len(d.Sentences) || !d.Sentences[m.Sentence].Contains(mn.Span) {
				continue
			}
			for _, k := range nameKeys(mn.Entity, mn.Text, mn.Type) {
				o[k] = true
			}
		}
		// A group that carries out the raid is not its target: "Kata'ib
		// Hezbollah's raid on the Counter-Terrorism Squad HQ".
		for _, a := range d.Events[m.Index].Args {
			if a.Role != document.ArgAgent {
				continue
			}
			for _, mn := range d.Mentions {
				if a.Span.Contains(mn.Span) || mn.Span.Contains(a.Span) {
					for _, k := range nameKeys(mn.Entity, mn.Text, mn.Type) {
						delete(o, k)
					}
				}
			}
		}
		if len(o) > 0 {
			cand = append(cand, i)
			orgs[i] = o
		}
	}
	parent := roots{}
	find := parent.find
	ents := map[string]document.Entity{}
	for _, e := range s.Entities {
		ents[e.ID] = e
	}
	patients := map[int]map[string]bool{}
	dates := map[int]map[string]bool{}
	for _, i := range cand {
		patients[i], dates[i] = map[string]bool{}, map[string]bool{}
		for k := range p.Mentions[i].Patients {
			if len(k) > 2 && k[:2] == "e:" {
				patients[i][k] = true
				// "Hezbollah" and "Kataib Hezbollah" as patients meet
				// by their name keys.
				if e, ok := ents[k[2:]]; ok {
					for _, nk := range nameKeys("", e.Name, e.Type) {
						patients[i][nk] = true
					}
				}
			}
		}
		for k := range p.Mentions[i].Dated {
			dates[i][k] = true
		}
	}
	// Blocking: candidates meet only those whose sentences name one of
	// the same organizations.
	byOrg := map[string][]int{}
	named := map[int]map[string]bool{} // the organizations a group's sentences name
	for _, i := range cand {
		named[i] = map[string]bool{}
		for k := range orgs[i] {
			named[i][k] = true
		}
		for k := range orgs[i] {
			byOrg[k] = append(byOrg[k], i)
		}
	}
	for _, k := range sortedKeys(byOrg) {
		// Each candidate of the block tries the groups the block has
		// formed so far (few: one per operation against the group).
		var roots []int
		for _, j := range byOrg[k] {
			joined := false
			for x, r := range roots {
				a, b := find(r), find(j)
				roots[x] = a
				if a == b {
					joined = true
					break
				}
				if _, both := overlap(patients[a], patients[b]); both {
					if pa, _ := overlap(patients[a], patients[b]); pa == 0 && !hasOrgPatient(patients[a], named[b]) && !hasOrgPatient(patients[b], named[a]) {
						continue
					}
				}
				if ok, both := timeOverlap(dates[a], dates[b]); both && !ok {
					continue
				}
				parent[b] = a
				for k := range patients[b] {
					patients[a][k] = true
				}
				for k := range dates[b] {
					dates[a][k] = true
				}
				for k := range named[b] {
					named[a][k] = true
				}
				joined = true
				break
			}
			if !joined {
				roots = append(roots, find(j))
			}
		}
	}
	groups := map[int][]int{}
	for _, i := range cand {
		groups[find(i)] = append(groups[find(i)], i)
	}
	// A raid mention the clustering linked with a member ("arrested 14
	// paramilitaries" with "arrested 14 of its members") joins its group
	// though its sentence names no group.
	inGroup := map[int]bool{}
	for _, i := range cand {
		inGroup[i] = true
	}
	for r, g := range groups {
		labs := map[int]bool{}
		for _, i := range g {
			labs[lab[i]] = true
		}
		for i, m := range p.Mentions {
			if !inGroup[i] && labs[lab[i]] && raidKeys[m.Key] && m.Asserted && !m.Generic {
				groups[r] = append(groups[r], i)
				inGroup[i] = true
			}
		}
	}
	out := append([]int(nil), lab...)
	for _, g := range groups {
		docs := map[int]bool{}
		count := map[int]int{}
		for _, i := range g {
			docs[p.Mentions[i].Doc] = true
			count[lab[i]]++
		}
		if len(docs) < 2 {
			continue
		}
		best, n := -1, 0
		for _, i := range g {
			if c := lab[i]; count[c] > n {
				best, n = c, count[c]
			}
		}
		for _, i := range g {
			out[i] = best
		}
	}
	return out
}

// hasOrgPatient reports whether one of the patient entities is the
// organization the other sentence names ("raid on Hezbollah" and a
// sentence naming "Kataeb Hezbollah"): then different patient keys are
// one group told two ways.
func hasOrgPatient(patients, orgs map[string]bool) bool {
	for k := range patients {
		if orgs[k] {
			return true
		}
	}
	return false
}

// detachStrangers takes out of a cluster whose mentions name one person
// as the one harmed each mention whose own patient is told by words that
// are neither resolved nor one of that person's roles ("killing more
// than 700 protesters", "targeted the Iraqi citizens' right" inside the
// killing of one man). Such a mention becomes its own cluster; a mention
// without a patient stays.
func detachStrangers(s *document.Story, p *Prepared, lab []int) []int {
	patients := map[int]map[string]int{}
	for i, m := range p.Mentions {
		for k := range m.Patients {
			if len(k) > 2 && k[:2] == "e:" {
				if patients[lab[i]] == nil {
					patients[lab[i]] = map[string]int{}
				}
				patients[lab[i]][k]++
			}
		}
	}
	roles := map[string]map[string]bool{}
	for _, e := range s.Entities {
		if e.Type != document.EntityPerson {
			continue
		}
		r := map[string]bool{}
		for _, role := range e.Roles {
			for _, w := range strings.Fields(strings.ToLower(role)) {
				r[Key(w)] = true
			}
		}
		roles["e:"+e.ID] = r
	}
	out := append([]int(nil), lab...)
	next := len(lab)
	for _, c := range lab {
		if c >= next {
			next = c + 1
		}
	}
	for i, m := range p.Mentions {
		victim := top(patients[lab[i]])
		r, person := roles[victim]
		if victim == "" || !person || !harmKeys[m.Key] {
			continue
		}
		d := s.Docs[m.Doc]
		for _, a := range d.Events[m.Index].Args {
			if a.Role != document.ArgPatient || a.Entity != "" {
				continue
			}
			ws := strings.Fields(strings.ToLower(strings.Trim(a.Text, " .,;:’'\"")))
			if len(ws) == 0 {
				continue
			}
			head := Key(strings.Trim(ws[len(ws)-1], "’'"))
			if pronouns[ws[len(ws)-1]] || r[head] || docRole(d, victim, head) {
				continue
			}
			out[i] = next
			next++
			break
		}
	}
	return out
}

// pronouns stand for whoever the sentence is about.
var pronouns = map[string]bool{"he": true, "him": true, "she": true, "her": true, "they": true, "them": true, "who": true, "whom": true}

// docRole reports whether the document's coreference chain of the entity
// (key "e:<id>") gives it a role with the word key w ("expert").
func docRole(d *document.Document, entity, w string) bool {
	for _, c := range d.Coref {
		if c.Head < 0 || c.Head >= len(d.Mentions) || "e:"+d.Mentions[c.Head].Entity != entity {
			continue
		}
		for _, role := range c.Roles {
			for _, x := range strings.Fields(role) {
				if Key(x) == w {
					return true
				}
			}
		}
	}
	return false
}
