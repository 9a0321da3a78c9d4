package cluster

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/corroborate/corroborate/document"
)

// Clusterer assigns documents to stories one at a time. It is safe for
// concurrent use, but the result depends on the order of Add calls, so feed
// it from one goroutine in stream order for reproducible stories.
type Clusterer struct {
	mu sync.Mutex
	o  Options

	ids   map[string]int32 // term key → id (entities are keyed "@name")
	names []string         // id → term key
	df    []int32          // id → documents containing the term
	nDocs int

	stories  []*story
	postings map[int32][]int32 // term id → indexes of stories holding it
	live     []int32           // stories that may still expire
	clock    time.Time         // newest publication date seen
	swept    time.Time         // clock at the last expiry sweep

	scores map[int32]float64 // scratch for candidate lookup
}

// story is the state of one cluster.
type story struct {
	id          string
	docs        []string
	words, ents centroid
	display     map[int32]string // entity id → first surface form
	first, last time.Time        // zero when no member is dated
	indexed     map[int32]bool   // terms under which the story is posted
	expired     bool
	mergedInto  int32 // index of the story that absorbed this one, or -1
}

// New returns an empty clusterer.
func New(opts Options) *Clusterer {
	return &Clusterer{
		o:        opts.withDefaults(),
		ids:      map[string]int32{},
		postings: map[int32][]int32{},
		scores:   map[int32]float64{},
	}
}

// Add assigns d to the most similar live story above the threshold, or to a
// new story, and returns that story's ID. A nil document is ignored and
// gets "". Documents without words start their own story. Document IDs
// should be unique (document.Story.Add makes them so): stories list them.
func (c *Clusterer) Add(d *document.Document) (storyID string) {
	if d == nil {
		return ""
	}
	f := extract(d, c.o)
	c.mu.Lock()
	defer c.mu.Unlock()

	c.nDocs++
	words := c.weigh(f.words, "")
	ents := c.weigh(f.entities, "@")
	if f.when.After(c.clock) {
		c.clock = f.when
		if c.clock.Sub(c.swept) > c.o.Window/2 {
			c.expire()
		}
	}

	query := c.queryTerms(words, ents)
	best, bestSim := -1, 0.0
	cands := c.candidates(query)
	for _, si := range cands {
		s := c.stories[si]
		sim := c.similarity(s, words, ents, f.when)
		if sim > bestSim {
			best, bestSim = int(si), sim
		}
	}
	var s *story
	if best >= 0 && bestSim >= c.o.Threshold {
		s = c.stories[best]
	} else {
		best = len(c.stories)
		s = &story{
			id:         "s" + strconv.Itoa(best+1),
			words:      newCentroid(),
			ents:       newCentroid(),
			display:    map[int32]string{},
			indexed:    map[int32]bool{},
			mergedInto: -1,
		}
		c.stories = append(c.stories, s)
		c.live = append(c.live, int32(best))
	}
	c.join(int32(best), s, d.ID, words, ents, f)
	c.index(int32(best), s, query)
	if c.o.MergeThreshold > 0 {
		s = c.mergeNear(int32(best), cands)
	}
	return s.id
}

// index posts story si under the terms it is not yet posted under.
func (c *Clusterer) index(si int32, s *story, terms vector) {
	for _, e := range terms {
		if !s.indexed[e.term] {
			s.indexed[e.term] = true
			c.postings[e.term] = append(c.postings[e.term], si)
		}
	}
}

// weigh interns the terms of counts (keys prefixed with prefix), counts
// them into the document frequencies and returns their unit TF-IDF vector
// cut to the MaxTerms heaviest terms.
func (c *Clusterer) weigh(counts map[string]float64, prefix string) vector {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys) // new terms get ids in a fixed order
	v := make(vector, 0, len(counts))
	at := make(map[int32]int, len(counts)) // term id → index in v
	for _, k := range keys {
		var id int32
		if prefix == "" && strings.IndexByte(k, ' ') >= 0 {
			id = c.internPhrase(k)
		} else {
			id = c.intern(prefix+k, prefix+k)
		}
		if i, ok := at[id]; ok { // two phrases hashed to one bucket
			v[i].w += counts[k]
			continue
		}
		c.df[id]++
		at[id] = len(v)
		v = append(v, entry{term: id, w: counts[k]})
	}
	for i, e := range v {
		idf := math.Log(float64(c.nDocs+1)/float64(c.df[e.term]+1)) + 1
		v[i].w = (1 + math.Log(math.Max(e.w, 1))) * idf
	}
	v.sortByWeight()
	if len(v) > c.o.MaxTerms {
		v = v[:c.o.MaxTerms]
	}
	v.normalize()
	return v
}

// intern returns the id of the term key, creating it with the display name
// when new.
func (c *Clusterer) intern(key, name string) int32 {
	if id, ok := c.ids[key]; ok {
		return id
	}
	id := int32(len(c.names))
	c.ids[key] = id
	c.names = append(c.names, name)
	c.df = append(c.df, 0)
	return id
}

// phraseBuckets bounds the phrase vocabulary: word pairs are hashed into
// this many terms, so that a long stream cannot grow the vocabulary (and
// the cost per document) without end. A bucket is named after the first
// phrase that fell into it.
const phraseBuckets = 1 << 18

// internPhrase returns the term id of a word pair's hash bucket.
func (c *Clusterer) internPhrase(phrase string) int32 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(phrase); i++ {
		h ^= uint64(phrase[i])
		h *= 1099511628211
	}
	return c.intern("~"+strconv.FormatUint(h%phraseBuckets, 36), phrase)
}

// queryTerms picks the heaviest words and entities of a document that are
// not too common to discriminate between stories.
func (c *Clusterer) queryTerms(words, ents vector) vector {
	var q vector
	pick := func(v vector, n int) {
		for _, e := range v {
			if n == 0 {
				return
			}
			if c.nDocs >= 50 && float64(c.df[e.term]) > c.o.MaxDocFreq*float64(c.nDocs) {
				continue
			}
			q = append(q, e)
			n--
		}
	}
	pick(words, c.o.QueryTerms)
	pick(ents, c.o.QueryTerms)
	return q
}

// candidates returns the live stories posted under the query terms, the
// MaxCandidates with the largest summed query weight first. Expired stories
// are dropped from the posting lists on the way.
func (c *Clusterer) candidates(query vector) []int32 {
	clear(c.scores)
	for _, e := range query {
		list := c.postings[e.term]
		kept := list[:0]
		for _, si := range list {
			if c.stories[si].expired {
				continue
			}
			kept = append(kept, si)
			c.scores[si] += e.w
		}
		if len(kept) == 0 {
			delete(c.postings, e.term)
		} else {
			c.postings[e.term] = kept
		}
	}
	out := make([]int32, 0, len(c.scores))
	for si := range c.scores {
		out = append(out, si)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := c.scores[out[i]], c.scores[out[j]]
		if a != b {
			return a > b
		}
		return out[i] < out[j]
	})
	if len(out) > c.o.MaxCandidates {
		out = out[:c.o.MaxCandidates]
	}
	return out
}

// similarity scores a document against a story: the cosine of the words,
// blended with the cosine of the entities when both sides have some, then
// decayed by the distance in time. Stories outside the window score 0.
func (c *Clusterer) similarity(s *story, words, ents vector, when time.Time) float64 {
	decay := 1.0
	if !when.IsZero() && !s.first.IsZero() {
		var gap time.Duration
		switch {
		case when.Before(s.first):
			gap = s.first.Sub(when)
		case when.After(s.last):
			gap = when.Sub(s.last)
		}
		if gap > c.o.Window {
			return 0
		}
		decay = math.Exp2(-float64(gap) / float64(c.o.DecayHalfLife))
	}
	sim := s.words.cos(words)
	if len(ents) > 0 && s.ents.norm2 > 0 && c.o.EntityWeight > 0 {
		sim = (1-c.o.EntityWeight)*sim + c.o.EntityWeight*s.ents.cos(ents)
	}
	return sim * decay
}

// join adds a document's vectors, id and date to story s.
func (c *Clusterer) join(si int32, s *story, id string, words, ents vector, f features) {
	s.docs = append(s.docs, id)
	s.words.add(words, c.o.CentroidTerms)
	s.ents.add(ents, c.o.CentroidTerms)
	for _, e := range ents {
		if _, ok := s.display[e.term]; !ok {
			if disp, ok := f.display[c.names[e.term][1:]]; ok {
				s.display[e.term] = disp
			}
		}
	}
	if !f.when.IsZero() {
		if s.first.IsZero() || f.when.Before(s.first) {
			s.first = f.when
		}
		if f.when.After(s.last) {
			s.last = f.when
		}
	}
}

// expire marks as expired the dated stories idle for longer than the
// window behind the clock, and forgets them from the live list.
func (c *Clusterer) expire() {
	c.swept = c.clock
	cut := c.clock.Add(-c.o.Window)
	kept := c.live[:0]
	for _, si := range c.live {
		s := c.stories[si]
		if s.mergedInto >= 0 || (!s.last.IsZero() && s.last.Before(cut)) {
			s.expired = true
			continue
		}
		kept = append(kept, si)
	}
	c.live = kept
}

// Observe counts d's words and entities into the document frequencies
// without clustering it: prime a new clusterer with earlier reports (say,
// yesterday's) so that the first documents of a stream are weighed well.
func (c *Clusterer) Observe(d *document.Document) {
	if d == nil {
		return
	}
	f := extract(d, c.o)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nDocs++
	c.weigh(f.words, "")
	c.weigh(f.entities, "@")
}
