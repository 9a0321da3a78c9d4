package cluster

import (
	"strings"
	"time"

	"github.com/corroborate/corroborate/document"
)

// features are the raw, unweighted observations of one document.
type features struct {
	words    map[string]float64 // normalized content word → weighted count
	entities map[string]float64 // normalized mention text → count
	display  map[string]string  // normalized mention text → first surface form
	when     time.Time          // publication time, zero when unknown
}

// extract collects the words, entities and date of d from its layers:
// tokens and sentences from the text stage (a document without tokens
// contributes its title words only), mentions from the NER stage, dates
// from the timex stage. With o.TextDates, a document without a
// publication date known to the day is dated by the first absolute day
// written in it, if any.
func extract(d *document.Document, o Options) features {
	f := features{words: map[string]float64{}, entities: map[string]float64{}, display: map[string]string{}}
	splitWords(d.Title, func(_ int, w string) {
		if n := normWord(w); n != "" {
			f.words[n] += o.TitleWeight
		}
	})
	prev, prevSent := "", -1
	add := func(n string, sent int, wt float64) {
		if n == "" {
			prev = ""
			return
		}
		f.words[n] += wt
		if o.PhraseWeight > 0 && prev != "" && sent == prevSent {
			f.words[prev+" "+n] += wt * o.PhraseWeight
		}
		prev, prevSent = n, sent
	}
	for _, t := range d.Tokens {
		if t.Kind != "" && t.Kind != "word" {
			prev = ""
			continue
		}
		wt := 1.0
		if t.Sentence < o.LeadSentences {
			wt = o.LeadWeight
		}
		add(normWord(d.Slice(t.Span)), t.Sentence, wt)
	}
	for _, m := range d.Mentions {
		txt := m.Text
		if txt == "" {
			txt = d.Slice(m.Span)
		}
		n := normEntity(txt)
		if n == "" {
			continue
		}
		f.entities[n]++
		if _, ok := f.display[n]; !ok {
			f.display[n] = strings.Join(strings.Fields(txt), " ")
		}
		// A person is often named in full once and by surname after: count
		// the surname as well so that both forms meet across documents.
		if m.Type == document.EntityPerson {
			if i := strings.LastIndexByte(n, ' '); i > 0 {
				f.entities[n[i+1:]] += 0.5
			}
		}
	}
	if o.DateWeight > 0 {
		addTimexes(&f, d, o.DateWeight)
	}
	if exactDate(d.Published) {
		f.when = d.Published.Time
	} else if t, ok := dateFromText(d); ok && o.TextDates {
		f.when = t
	}
	return f
}

// timePrefix marks date features among the entity keys.
const timePrefix = "t:"

// addTimexes counts the years and months that the document's dates name
// (from the timex layer) as entity-like features: reports of two similar
// events in different years then part more easily.
func addTimexes(f *features, d *document.Document, weight float64) {
	for _, x := range d.Timexes {
		if x.Type != "" && x.Type != "DATE" {
			continue
		}
		v := x.Value
		if len(v) < 4 || !allDigits(v[:4]) {
			continue
		}
		f.entities[timePrefix+v[:4]] += weight
		if len(v) >= 7 && v[4] == '-' && allDigits(v[5:7]) {
			f.entities[timePrefix+v[:7]] += weight
		}
	}
}

// dateFromText returns the first absolute, day-precision date written in
// the text, which stands in for a missing publication date (datelines come
// first in most reports).
func dateFromText(d *document.Document) (time.Time, bool) {
	for _, x := range d.Timexes {
		if x.Anchor != "absolute" || x.Precision != document.PrecisionDay || len(x.Value) < 10 {
			continue
		}
		if t, err := time.Parse("2006-01-02", x.Value[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// exactDate reports whether a publication date is known to the day or
// better; coarser dates (such as the year the timex stage infers for an
// undated report) say too little for time proximity.
func exactDate(p document.Date) bool {
	if p.Time.IsZero() {
		return false
	}
	switch p.Precision {
	case document.PrecisionDay, document.PrecisionTime, document.PrecisionUnknown:
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
