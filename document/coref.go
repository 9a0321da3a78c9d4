package document

// Kinds of coreference mention.
const (
	// CorefName is a named-entity mention ("Mustafa al-Kadhimi").
	CorefName = "name"
	// CorefDescription is a definite description with a role, title or
	// kind ("the prime minister", "the militia").
	CorefDescription = "description"
	// CorefAppositive is a description set beside a name between commas
	// ("Sajad Jiyad, an Iraq analyst,").
	CorefAppositive = "appositive"
	// CorefPronoun is a third-person pronoun ("he", "her", "their").
	CorefPronoun = "pronoun"
)

// CorefMention is one mention of a coreference chain.
type CorefMention struct {
	Span
	Text string `json:"text"`
	// Kind is CorefName, CorefDescription, CorefAppositive or
	// CorefPronoun.
	Kind string `json:"kind"`
	// Mention is the index into Document.Mentions of the named-entity
	// mention this is, or -1 for descriptions and pronouns.
	Mention int `json:"mention"`
	// Antecedent is the index into the chain's Mentions of the mention
	// this one was linked to, or -1 for the mention that starts the
	// chain.
	Antecedent int `json:"antecedent"`
	// Confidence is the probability that the link to Antecedent is right
	// (1 for the mention that starts the chain).
	Confidence float64 `json:"confidence"`
	// Rule names what made the link: "name", "appositive", "title",
	// "role", "pronoun", ….
	Rule string `json:"rule,omitempty"`
}

// CorefChain is one referent inside one document: its mentions in text
// order.
type CorefChain struct {
	// Type is the entity type (EntityPerson, EntityOrg, EntityLoc).
	Type string `json:"type"`
	// Head is the index into Document.Mentions of the chain's fullest
	// name, or -1 when the chain holds no name ("the president of Iraq"
	// … "he" in a report that never names him).
	Head int `json:"head"`
	// Name is the text of the head mention, or of the first description
	// when the chain has no name.
	Name string `json:"name"`
	// Roles are the titles and roles the document gives the referent
	// ("Prime Minister", "Iraq analyst"), lowercased.
	Roles []string `json:"roles,omitempty"`
	// Gender is "m", "f" or "" (unknown), from names, roles and pronouns.
	Gender string `json:"gender,omitempty"`
	// Mentions are the chain's mentions in text order.
	Mentions []CorefMention `json:"mentions"`
}

// CorefAt returns the chain and the mention of that chain at sp: the
// mention whose span is exactly sp, else the innermost one containing sp,
// else the first name (or, failing that, the first mention) lying inside
// sp ("The new Iraqi Prime Minister, Mustafa al-Kazimi" as one speaker
// span). ok is false when no chain mention meets sp.
func (d *Document) CorefAt(sp Span) (chain, mention int, ok bool) {
	best, bestLen := [2]int{-1, -1}, 0
	inside, insideName := [2]int{-1, -1}, [2]int{-1, -1}
	for ci := range d.Coref {
		for mi, m := range d.Coref[ci].Mentions {
			switch {
			case m.Span == sp:
				return ci, mi, true
			case m.Contains(sp):
				if best[0] < 0 || m.Len() < bestLen {
					best, bestLen = [2]int{ci, mi}, m.Len()
				}
			case sp.Contains(m.Span):
				if m.Kind == CorefName && (insideName[0] < 0 || m.Start < d.Coref[insideName[0]].Mentions[insideName[1]].Start) {
					insideName = [2]int{ci, mi}
				}
				if inside[0] < 0 || m.Start < d.Coref[inside[0]].Mentions[inside[1]].Start {
					inside = [2]int{ci, mi}
				}
			}
		}
	}
	for _, c := range [][2]int{best, insideName, inside} {
		if c[0] >= 0 {
			return c[0], c[1], true
		}
	}
	return -1, -1, false
}

// CorefHead resolves the text at sp through the coreference chains: it
// returns the named-entity mention at the head of the chain that covers
// sp, and the confidence of the path from sp to the chain's name (the
// product of the link confidences along the antecedent path). ok is
// false when sp is in no chain or its chain has no name.
func (d *Document) CorefHead(sp Span) (head Mention, confidence float64, ok bool) {
	ci, mi, found := d.CorefAt(sp)
	if !found {
		return Mention{}, 0, false
	}
	c := d.Coref[ci]
	if c.Head < 0 || c.Head >= len(d.Mentions) {
		return Mention{}, 0, false
	}
	confidence = 1
	for steps := 0; mi >= 0 && steps <= len(c.Mentions); steps++ {
		m := c.Mentions[mi]
		if m.Kind == CorefName {
			return d.Mentions[c.Head], confidence, true
		}
		confidence *= m.Confidence
		mi = m.Antecedent
	}
	// The chain starts with a description that a name follows ("The new
	// Prime Minister, Mustafa al-Kadhimi,"): the link goes forward.
	return d.Mentions[c.Head], confidence, true
}
