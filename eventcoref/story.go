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
// (joinMeans), then harm clusters with one patient (joinHarm). It does not
// change what Cluster scores (the ECB+ evaluation measures Cluster):
// these joins rest on the reading of one story.
func joinStory(s *document.Story, p *Prepared, lab []int) []int {
	return joinHarm(p, joinMeans(s, p, lab))
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
	parent := map[int]int{}
	var find func(int) int
	find = func(c int) int {
		if q, ok := parent[c]; ok && q != c {
			r := find(q)
			parent[c] = r
			return r
		}
		return c
	}
	harmful := func(in *info) bool { return len(in.patients) > 0 && float64(in.harm) >= 0.8*float64(in.all) }
	for x, a := range order {
		ia := infos[a]
		if !harmful(ia) {
			continue
		}
		ta := top(ia.patients)
		for _, b := range order[x+1:] {
			ib := infos[b]
			if !harmful(ib) || find(a) == find(b) {
				continue
			}
			if ib.patients[ta] == 0 && ia.patients[top(ib.patients)] == 0 {
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
	parent := map[int]int{}
	var find func(int) int
	find = func(c int) int {
		if q, ok := parent[c]; ok && q != c {
			r := find(q)
			parent[c] = r
			return r
		}
		return c
	}
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
