package cluster

import (
	"strings"
	"time"
)

// Story is one group of documents as the clusterer sees it.
type Story struct {
	// ID names the story ("s1", "s2", … in order of creation).
	ID string `json:"id"`
	// Docs are the member documents' IDs in the order they were added
	// (the members of a story merged into this one follow its own).
	Docs []string `json:"docs"`
	// Label is a short description: top entities, then top words.
	Label string `json:"label"`
	// Entities are the most weighted entity names of the story.
	Entities []string `json:"entities,omitempty"`
	// Terms are the most weighted content words (normalized) of the story.
	Terms []string `json:"terms,omitempty"`
	// First and Last are the earliest and latest publication dates of the
	// members (zero when none is dated).
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
}

// Label sizes.
const (
	labelEntities = 3
	labelTerms    = 5
)

// Stories returns all stories so far, in order of creation.
func (c *Clusterer) Stories() []Story {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Story, 0, len(c.stories))
	for _, s := range c.stories {
		if s.mergedInto >= 0 {
			continue
		}
		st := Story{ID: s.id, Docs: append([]string(nil), s.docs...), First: s.first, Last: s.last}
		seen := map[string]bool{}
		for _, e := range s.ents.top(labelEntities * 3) {
			if len(st.Entities) == labelEntities {
				break
			}
			name, ok := s.display[e.term]
			if !ok {
				name = c.names[e.term][1:]
			}
			if strings.HasPrefix(c.names[e.term], "@"+timePrefix) {
				continue
			}
			lower := strings.ToLower(name)
			if seen[lower] || coveredBy(lower, seen) {
				continue
			}
			seen[lower] = true
			st.Entities = append(st.Entities, name)
		}
		for _, e := range s.words.top(labelTerms * 3) {
			if len(st.Terms) == labelTerms {
				break
			}
			w := c.names[e.term]
			if seen[w] || allCovered(w, seen) {
				continue
			}
			st.Terms = append(st.Terms, w)
		}
		st.Label = strings.Join(append(append([]string(nil), st.Entities...), st.Terms...), ", ")
		out = append(out, st)
	}
	return out
}

// coveredBy reports whether w is one of the words of a name already in the
// label.
func coveredBy(w string, names map[string]bool) bool {
	for n := range names {
		for _, part := range strings.Fields(n) {
			if part == w || stem(part) == w {
				return true
			}
		}
	}
	return false
}

// allCovered reports whether every word of the term (a word or a phrase)
// is already part of a name in the label.
func allCovered(term string, names map[string]bool) bool {
	for _, w := range strings.Fields(term) {
		if !coveredBy(w, names) {
			return false
		}
	}
	return true
}

// Len returns the number of stories so far (merged stories count once).
func (c *Clusterer) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, s := range c.stories {
		if s.mergedInto < 0 {
			n++
		}
	}
	return n
}
