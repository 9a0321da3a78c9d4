package summarize

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
)

// sentence is one sentence of one report with what scoring needs.
type sentence struct {
	doc        int // index into the summarizer's docs
	span       document.Span
	text       string
	pos        int // rank among the report's eligible sentences
	words      int
	terms      []string
	vec        vector
	idf        []float64 // idf of each term of vec (same order), for overlap similarity
	setWeight  float64   // sum of idf
	eligible   bool
	background bool
	timeCue    bool
	placeCue   bool
	quote      bool

	centroid, lead, support, coverage float64
	supportDocs                       int
	score, main                       float64
	// equiv holds, per other report, its sentence that says the same
	// thing, when one reaches the citation threshold.
	equiv []match
}

// match is a sentence of another report and how similar it is.
type match struct {
	st  *sentence
	sim float64
}

// collect gathers the sentences of every report and builds their TF-IDF
// vectors (sentence-level IDF; entity ids from the resolver add terms).
func collect(docs []*document.Document, opts Options) []*sentence {
	var all []*sentence
	for di, d := range docs {
		x := indexDoc(d)
		title := strings.TrimSpace(d.Title)
		pos := 0
		var buf []int
		for _, sp := range d.Sentences {
			if !sp.Valid(len(d.Text)) || sp.Len() == 0 {
				continue
			}
			raw := d.Text[sp.Start:sp.End]
			st := &sentence{doc: di, span: sp, text: strings.Join(strings.Fields(raw), " ")}
			st.words = len(strings.Fields(raw))
			st.terms = termsOf(raw)
			buf = x.mentionsIn(buf[:0], sp)
			for _, mi := range buf {
				if m := d.Mentions[mi]; m.Entity != "" {
					st.terms = append(st.terms, "@"+m.Entity)
				}
			}
			st.eligible = eligible(st.text, st.words) && st.text != title
			if st.eligible {
				st.pos = pos
				pos++
				st.background = isBackground(x, sp, st.text, opts.BackgroundDays)
				st.timeCue = hasTime(x, sp, st.text)
				st.placeCue = hasPlace(x, sp, st.text)
				r, _ := utf8.DecodeRuneInString(st.text)
				st.quote = strings.ContainsRune("\"“‘'", r)
			}
			all = append(all, st)
		}
	}
	weigh(all)
	return all
}

// eligible reports whether a sentence may enter a summary: a complete
// statement of reasonable length, not a headline, caption or question.
func eligible(s string, words int) bool {
	if words < 6 || words > 70 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\"”’')»"))
	if last != '.' && last != '!' {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "\"“‘'(«"))
	if unicode.IsLower(first) {
		return false
	}
	if strings.Contains(s, " | ") || strings.HasSuffix(s, ".More") {
		return false
	}
	return true
}

// weigh assigns term ids and builds unit TF-IDF vectors.
func weigh(all []*sentence) {
	ids := map[string]int{}
	df := map[int]int{}
	counts := make([]map[int]int, len(all))
	for i, st := range all {
		c := map[int]int{}
		for _, t := range st.terms {
			id, ok := ids[t]
			if !ok {
				id = len(ids)
				ids[t] = id
			}
			c[id]++
		}
		for id := range c {
			df[id]++
		}
		counts[i] = c
	}
	n := float64(len(all))
	for i, st := range all {
		w := make(map[int]float64, len(counts[i]))
		for id, c := range counts[i] {
			w[id] = (1 + math.Log(float64(c))) * idfOf(n, df[id])
		}
		st.vec = newVector(w)
		// Summed in term id order so that the result does not depend on
		// map iteration.
		st.idf = make([]float64, len(st.vec.ids))
		for k, id := range st.vec.ids {
			st.idf[k] = idfOf(n, df[id])
			st.setWeight += st.idf[k]
		}
	}
}

// overlap is the idf-weighted share of the smaller sentence's terms that
// the other sentence also has: high when one report restates another's
// fact in fewer or more words.
func overlap(a, b *sentence) float64 {
	den := math.Min(a.setWeight, b.setWeight)
	if den == 0 {
		return 0
	}
	var num float64
	i, j := 0, 0
	for i < len(a.vec.ids) && j < len(b.vec.ids) {
		switch {
		case a.vec.ids[i] == b.vec.ids[j]:
			num += a.idf[i]
			i++
			j++
		case a.vec.ids[i] < b.vec.ids[j]:
			i++
		default:
			j++
		}
	}
	return num / den
}

// idfOf is the smoothed inverse sentence frequency of a term found in df
// of n sentences.
func idfOf(n float64, df int) float64 { return math.Log((n+1)/float64(df)) + 1 }
