package resolve

import (
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/document"
)

// storyReading settles, before any linking, how each mention's text and
// type are read across the whole story, because the tagger decides them
// sentence by sentence:
//   - a mention with no capital letter names nothing, and lower-case words
//     at its end are tagging debris ("Ubaidi's research");
//   - an all-capitals word that the story also writes in title case is
//     that name shouted in a dateline ("BASRA"), not an acronym;
//   - a name tagged with different types in different places takes the
//     type with the most confidence summed over the story;
//   - a single word that is the surname of a person named in full in the
//     story ("Obaidi" beside "Laith al-Obaidi") is that person, whatever
//     type the tagger gave it, unless the story firmly gives the word one
//     other type (see placeOrGroup) ("London" beside
//     a tagging slip such as "James Long The London").
type storyReading struct {
	titled   map[string]string             // upper-case word → the story's title-case spelling
	weight   map[string]map[string]float64 // folded name → type → summed confidence
	surnames map[string]float64            // folded last token of multi-word PERSON names → their summed confidence
	vocab    map[string]bool
	// people holds the multi-word PERSON names by the romanization key of
	// their last word, so that another spelling of one of them tagged as
	// something else ("Layth al-Ubaidi" as LOC beside "Laith al-Obaidi")
	// is found without comparing all pairs.
	people map[string][]parsedName
	cmp    *comparer
}

func newStoryReading(s *document.Story, vocab map[string]bool, th thresholds) *storyReading {
	sr := &storyReading{titled: map[string]string{}, weight: map[string]map[string]float64{}, surnames: map[string]float64{}, vocab: vocab,
		people: map[string][]parsedName{}, cmp: newComparer(th)}
	for _, d := range s.Docs {
		for _, m := range d.Mentions {
			for _, w := range strings.Fields(m.Text) {
				if isTitleCase(w) {
					sr.titled[strings.ToUpper(w)] = w
				}
			}
		}
	}
	for _, d := range s.Docs {
		for _, m := range d.Mentions {
			text, ok := sr.text(m.Text)
			if !ok {
				continue
			}
			p := parseName(text, vocab)
			if len(p.folded) == 0 {
				continue
			}
			key := strings.Join(p.folded, " ")
			if sr.weight[key] == nil {
				sr.weight[key] = map[string]float64{}
			}
			conf := m.Confidence
			if conf <= 0 {
				conf = 0.5
			}
			sr.weight[key][typeOf(m.Type)] += conf
			if typeOf(m.Type) == document.EntityPerson && len(p.folded) >= 2 && !p.Acronym {
				last := p.folded[len(p.folded)-1]
				sr.surnames[last] += conf
				k := Key(last)
				if len(sr.people[k]) < 16 { // enough spellings to recognise the name
					sr.people[k] = append(sr.people[k], p)
				}
			}
		}
	}
	return sr
}

// text returns the text a mention is read as, and false for mentions that
// name nothing.
func (sr *storyReading) text(t string) (string, bool) {
	if !strings.ContainsFunc(t, unicode.IsUpper) {
		return "", false
	}
	words := strings.Fields(t)
	changed := false
	// Trailing lower-case words are tagging debris ("Ubaidi's research").
	for len(words) > 1 && !strings.ContainsFunc(words[len(words)-1], unicode.IsUpper) {
		words, changed = words[:len(words)-1], true
	}
	for i, w := range words {
		if tc, ok := sr.titled[w]; ok && w != tc && isUpperWord(w) {
			words[i], changed = tc, true
		}
	}
	if changed {
		return strings.Join(words, " "), true
	}
	return t, true
}

// typ returns the type a mention with parsed name p and tagged type t is
// read as.
func (sr *storyReading) typ(p *parsedName, t string) string {
	t = typeOf(t)
	if len(p.folded) == 1 && !p.Acronym {
		if full := sr.surnames[p.folded[0]]; full > 0 && !sr.placeOrGroup(p.folded[0], full) {
			return document.EntityPerson
		}
		// Another spelling of a person's surname ("Ubaidi" beside
		// "Laith al-Obaidi").
		if t != document.EntityPerson && !sr.placeOrGroup(p.folded[0], 1) {
			for _, q := range sr.people[Key(p.folded[0])] {
				last := parseName(q.words[len(q.words)-1], sr.vocab)
				if sr.cmp.parsed(p, &last) == FullMatch {
					return document.EntityPerson
				}
			}
		}
	}
	// Another spelling of a person named in full, tagged as something else.
	if len(p.folded) >= 2 && !p.Acronym && t != document.EntityPerson && !sr.placeOrGroup(strings.Join(p.folded, " "), 1) {
		for _, q := range sr.people[Key(p.folded[len(p.folded)-1])] {
			if sr.cmp.parsed(p, &q) == FullMatch {
				return document.EntityPerson
			}
		}
	}
	best, bestW := t, sr.weight[strings.Join(p.folded, " ")][t]
	for _, ty := range []string{document.EntityPerson, document.EntityOrg, document.EntityLoc, document.EntityMisc} {
		if w := sr.weight[strings.Join(p.folded, " ")][ty]; w > bestW {
			best, bestW = ty, w
		}
	}
	return best
}

func isTitleCase(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters >= 2
}

// placeOrGroup reports whether the story firmly reads a one-word name as
// one other type: that type's summed confidence is at least 2 and at least
// twice what the full person names ending in the word carry.
func (sr *storyReading) placeOrGroup(word string, full float64) bool {
	for ty, w := range sr.weight[word] {
		if ty != document.EntityPerson && w >= 2 && w >= 2*full {
			return true
		}
	}
	return false
}
