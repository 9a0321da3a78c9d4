package quantity

import (
	"context"
	"errors"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"sort"
	"strconv"
	"strings"

	textseg "github.com/corroborate/corroborate/text"

	"github.com/corroborate/corroborate/document"
)

// Extractor finds quantities. It holds no state and is safe for concurrent
// use.
type Extractor struct{}

// New returns an Extractor.
func New() *Extractor { return &Extractor{} }

// Annotate writes d.Quantities from d.Text and the text stage's
// d.Sentences, replacing what was there. A document with text but no
// sentences is an error.
func (e *Extractor) Annotate(ctx context.Context, d *document.Document) error {
	if d == nil {
		return errors.New("quantity: annotating a nil document")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("quantity: annotating %s: %w", d.ID, err)
	}
	if len(d.Sentences) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("quantity: annotating %s: no sentences (the text stage must run first)", d.ID)
	}
	d.Quantities = e.Extract(d)
	return nil
}

// timeUnits are units that measure time rather than count things.
var timeUnits = map[string]bool{
	"year": true, "day": true, "week": true, "month": true, "hour": true,
	"minute": true, "second": true, "decade": true, "century": true, "age": true,
}

// IsTimeUnit reports whether unit measures a duration or an age rather
// than counting things.
func IsTimeUnit(unit string) bool { return timeUnits[unit] }

// extraction state for one text.
type run struct {
	text   string
	toks   []tok
	starts []int // sentence starts
	out    []document.Quantity
	// partitive marks quantities introduced by "of the" ("Of the 67
	// factions"), which elliptical numbers later in the sentence refer to.
	partitive []bool
}

// Extract returns the quantities of d.Text in order, without changing d;
// d.Sentences (the text stage's) bound the phrases.
func (e *Extractor) Extract(d *document.Document) []document.Quantity {
	r := &run{text: d.Text, toks: scan(d.Text), starts: sentenceStarts(d.Sentences)}
	for i := 0; i < len(r.toks); {
		n := r.at(i)
		if n <= i {
			i++
			continue
		}
		i = n
	}
	return r.out
}

// sentence returns the index of the sentence holding byte off.
func (r *run) sentence(off int) int {
	return sort.SearchInts(r.starts, off+1) - 1
}

func (r *run) word(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return lower(r.toks[i].text)
}

// at tries to read a quantity starting at token i and returns the index of
// the first token after it, or i when there is none.
func (r *run) at(i int) int {
	t := r.toks[i]
	switch t.kind {
	case kNum:
		return r.digits(i)
	case kWord:
		if c := t.text[0]; c >= '0' && c <= '9' {
			return r.compound(i)
		}
		return r.words(i)
	}
	return i
}

func parseNum(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// digits handles a number written in digits.
func (r *run) digits(i int) int {
	t := r.toks[i]
	v, ok := parseNum(t.text)
	if !ok || r.dateOrTime(i) {
		return i + 1
	}
	end := i + 1
	if s, ok := scales[r.word(end)]; ok {
		v *= s
		end++
	} else if r.word(end) == "dozen" {
		v *= 12
		end++
	}
	// A bare year: four digits from 1800 to 2100 not followed by a plural
	// noun ("2,000 protesters" has a comma; "2000 protesters" counts).
	if end == i+1 && len(t.text) == 4 && !strings.ContainsAny(t.text, ",.") && v >= 1800 && v <= 2100 {
		if nx := end; nx >= len(r.toks) || r.toks[nx].kind != kWord || !plural(r.toks[nx].text) || months[r.word(nx)] {
			return i + 1
		}
	}
	if i > 0 && r.toks[i-1].text == "$" {
		q := r.newQ(i, end, v, "")
		q.Unit = "dollar"
		r.add(q, false)
		return end
	}
	q := r.newQ(i, end, v, "")
	r.rangeEnd(&q, &end)
	r.age(&q, i, end)
	if q.Unit == "" {
		r.unit(&q, end)
	}
	r.add(q, r.ofThe(i))
	return end
}

// dateOrTime reports whether the number token i is part of a date or a
// clock time ("July 6", "6 July", "Sept. 11", "July, 7", "10:30", "7 p.m.").
func (r *run) dateOrTime(i int) bool {
	prev := strings.TrimSuffix(r.word(i-1), ".")
	if months[prev] {
		return true
	}
	if (r.word(i-1) == "," || r.word(i-1) == ".") && months[strings.TrimSuffix(r.word(i-2), ".")] {
		return true
	}
	if nx := r.word(i + 1); months[strings.TrimSuffix(nx, ".")] && (nx != "may" || r.toks[i+1].text == "May") {
		return true
	}
	if r.word(i+1) == ":" && i+2 < len(r.toks) && r.toks[i+2].kind == kNum {
		return true
	}
	if r.word(i-1) == ":" && i-2 >= 0 && r.toks[i-2].kind == kNum {
		return true
	}
	if clockWords[r.word(i+1)] || ((r.word(i+1) == "a" || r.word(i+1) == "p") && r.word(i+2) == ".") {
		return true
	}
	return false
}

// compound handles a number glued to a word: "30-vehicle", "47-year-old",
// "10-15", "26th".
func (r *run) compound(i int) int {
	t := r.toks[i]
	j := 0
	for j < len(t.text) && (t.text[j] >= '0' && t.text[j] <= '9' || t.text[j] == ',' || t.text[j] == '.') {
		j++
	}
	v, ok := parseNum(t.text[:j])
	if !ok {
		return i + 1
	}
	rest := lower(t.text[j:])
	switch {
	case rest == "st" || rest == "nd" || rest == "rd" || rest == "th" || rest == "s":
		return i + 1 // ordinal, or a decade ("1990s")
	case strings.HasPrefix(rest, "-year-old") || strings.HasPrefix(rest, "-years-old"):
		q := r.newQ(i, i+1, v, "")
		q.Span.End = t.start + j
		q.Text = r.text[q.Start:q.End]
		q.Unit = "age"
		q.UnitSpan = document.Span{Start: t.start + j + 1, End: t.end}
		r.add(q, false)
		return i + 1
	case len(rest) > 1 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '9':
		m, ok := parseNum(rest[1:])
		if !ok || r.dateOrTime(i) {
			return i + 1
		}
		q := r.newQ(i, i+1, v, "")
		q.Max = m
		r.unit(&q, i+1)
		r.add(q, false)
		return i + 1
	case len(rest) > 1 && rest[0] == '-':
		q := r.newQ(i, i+1, v, "")
		q.Span.End = t.start + j
		q.Text = r.text[q.Start:q.End]
		noun := rest[1:]
		if k := strings.IndexByte(noun, '-'); k > 0 {
			noun = noun[:k]
		}
		q.Unit = lemma(noun)
		q.UnitSpan = document.Span{Start: t.start + j + 1, End: t.start + j + 1 + len(noun)}
		r.add(q, false)
		return i + 1
	}
	return i + 1
}

// words handles numbers written in words ("four", "twenty-five", "two
// hundred", "a dozen") and vague amounts ("dozens", "tens of thousands").
func (r *run) words(i int) int {
	w := r.word(i)
	// "all but one of them": the earlier count less the exceptions.
	if w == "all" && r.word(i+1) == "but" {
		return r.allBut(i)
	}
	// "a dozen", "a hundred", "a thousand"
	if w == "a" || w == "an" {
		nx := r.word(i + 1)
		if nx == "dozen" {
			return r.finishWords(i, i+2, 12, "")
		}
		if s, ok := scales[nx]; ok && !strings.HasSuffix(nx, "s") {
			return r.finishWords(i, i+2, s, "")
		}
		return i + 1
	}
	if v, ok := vague[w]; ok && (r.word(i+1) == "of" || r.toks[i].text[0] >= 'A' && r.toks[i].text[0] <= 'Z') {
		end := i + 1
		label := w
		// "tens of thousands", "hundreds of thousands"
		if r.word(i+1) == "of" {
			if s, ok := scales[r.word(i+2)]; ok && strings.HasSuffix(r.word(i+2), "s") {
				v *= s
				end = i + 3
				label = w + " of " + r.word(i+2)
			}
		}
		return r.finishWords(i, end, v, label)
	}
	v, ok := wordValue(w)
	if !ok {
		return i + 1
	}
	end := i + 1
	for {
		s, ok := scales[r.word(end)]
		if !ok || strings.HasSuffix(r.word(end), "s") && v > 1 && r.word(end+1) == "of" {
			break
		}
		v *= s
		end++
		if v2, ok := wordValue(r.word(end)); ok && r.word(end-1) != "million" && v2 < s {
			v += v2
			end++
		}
	}
	if w == "one" && end == i+1 {
		// "one" is mostly a pronoun ("one of them"); count it only before
		// a known unit.
		if _, ok := units[r.word(i+1)]; !ok {
			return i + 1
		}
	}
	return r.finishWords(i, end, v, "")
}

func (r *run) finishWords(i, end int, v float64, label string) int {
	q := r.newQ(i, end, v, label)
	r.rangeEnd(&q, &end)
	r.unit(&q, end)
	r.add(q, r.ofThe(i))
	return end
}

// wordValue reads one number word, hyphenated tens included.
func wordValue(w string) (float64, bool) {
	if v, ok := small[w]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		va, oka := small[a]
		vb, okb := small[b]
		if oka && okb && va >= 20 && vb < 10 {
			return va + vb, true
		}
	}
	return 0, false
}

// newQ builds a quantity over tokens [i, end) with the qualifier before it.
func (r *run) newQ(i, end int, v float64, label string) document.Quantity {
	start := r.toks[i].start
	qual := label
	if qs, qi := r.qualifier(i); qs != "" {
		start = r.toks[qi].start
		if qual == "" {
			qual = qs
		} else {
			qual = qs + " " + qual
		}
	}
	e := r.toks[end-1].end
	return document.Quantity{
		Span:      document.Span{Start: start, End: e},
		Text:      r.text[start:e],
		Value:     v,
		Qualifier: qual,
	}
}

var qualWords = func() [][]string {
	var out [][]string
	for _, q := range qualifiers {
		out = append(out, strings.Fields(q))
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a]) > len(out[b]) })
	return out
}()

// qualifier returns the qualifier ending just before token i and the index
// of its first token.
func (r *run) qualifier(i int) (string, int) {
	for _, q := range qualWords {
		k := i - len(q)
		if k < 0 {
			continue
		}
		ok := true
		for j, w := range q {
			if r.word(k+j) != w {
				ok = false
				break
			}
		}
		if ok {
			return strings.Join(q, " "), k
		}
	}
	return "", i
}

// rangeEnd extends q over "to M", "-M" or "and M" after "between".
func (r *run) rangeEnd(q *document.Quantity, end *int) {
	w := r.word(*end)
	if w != "to" && w != "-" && w != "–" && !(w == "and" && r.word(r.firstTok(q.Start)-1) == "between") {
		return
	}
	k := *end + 1
	if k >= len(r.toks) {
		return
	}
	var m float64
	var ok bool
	if r.toks[k].kind == kNum {
		m, ok = parseNum(r.toks[k].text)
	} else {
		m, ok = wordValue(r.word(k))
	}
	if !ok || m <= q.Value {
		return
	}
	if s, ok := scales[r.word(k+1)]; ok {
		m *= s
		k++
	}
	q.Max = m
	q.End = r.toks[k].end
	q.Text = r.text[q.Start:q.End]
	*end = k + 1
}

func (r *run) firstTok(off int) int {
	return sort.Search(len(r.toks), func(i int) bool { return r.toks[i].start >= off })
}

// age recognizes "Name, 47," as an age.
func (r *run) age(q *document.Quantity, i, end int) {
	if q.Value < 1 || q.Value > 120 || q.Qualifier != "" || end != i+1 {
		return
	}
	if r.word(i-1) != "," || r.word(end) != "," || i < 2 {
		return
	}
	name := r.toks[i-2]
	if name.kind != kWord || !textseg.Capitalized(name.text) || months[lower(name.text)] || weekdays[lower(name.text)] {
		return
	}
	if end+1 < len(r.toks) && r.toks[end+1].kind == kNum {
		return // a list of numbers
	}
	q.Unit = "age"
	q.UnitSpan = name.Span()
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

// Span returns the token's span.
func (t tok) Span() document.Span { return document.Span{Start: t.start, End: t.end} }

// ofThe reports whether the number at token i follows "of the".
func (r *run) ofThe(i int) bool {
	qi := r.firstTok(r.toks[i].start)
	if _, k := r.qualifier(qi); k < qi {
		qi = k
	}
	return r.word(qi-1) == "the" && r.word(qi-2) == "of"
}

// unit finds what q counts, starting at token k.
func (r *run) unit(q *document.Quantity, k int) {
	w := r.word(k)
	switch {
	case w == "%" || w == "percent" || (w == "per" && r.word(k+1) == "cent"):
		q.Unit = "percent"
		q.UnitSpan = r.toks[k].Span()
		return
	case w == "of":
		j := k + 1
		for j < len(r.toks) && (determiners[r.word(j)] || possessive(r.toks[j].text)) {
			j++
		}
		switch {
		case j < len(r.toks) && (r.word(j) == "them" || r.word(j) == "those" || r.word(j) == "these" || r.word(j) == "us"):
			r.antecedent(q, false)
			return
		case j < len(r.toks) && (r.toks[j].kind == kNum || isNumberWord(r.word(j))):
			// "44 of the 67 factions": count what the second number counts.
			jj := j + 1
			for jj < len(r.toks) && scales[r.word(jj)] > 0 {
				jj++
			}
			r.noun(q, jj)
			return
		}
		r.noun(q, j)
		return
	}
	if !r.noun(q, k) {
		// An elliptical number ("44 were followers") counts what an
		// earlier "of the N things" in the same sentence counts.
		r.antecedent(q, true)
	}
}

func isNumberWord(w string) bool {
	_, ok := wordValue(w)
	return ok
}

var determiners = map[string]bool{
	"the": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "these": true, "those": true, "whose": true, "my": true,
	"your": true, "all": true,
}

func possessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "s'")
}

// noun looks for the counted noun from token k over at most a few
// modifiers and sets q.Unit; it reports whether it found one.
func (r *run) noun(q *document.Quantity, k int) bool {
	for n := 0; n < 4 && k < len(r.toks); n, k = n+1, k+1 {
		t := r.toks[k]
		if t.kind != kWord {
			return false
		}
		w := lower(t.text)
		if u, ok := units[w]; ok && u != "" {
			q.Unit, q.UnitSpan = u, t.Span()
			return true
		}
		if stopAfter[w] || months[w] || weekdays[w] {
			return false
		}
		if possessive(t.text) {
			continue
		}
		if plural(t.text) && !strings.HasSuffix(w, "ed") {
			// A capitalized plural followed by a plural is a modifier
			// ("Hezbollah commanders" never comes up, "Iraqis" does).
			q.Unit, q.UnitSpan = lemma(t.text), t.Span()
			return true
		}
		if modifiers[w] || textseg.Capitalized(t.text) || (strings.Contains(w, "-") && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))) {
			continue
		}
		if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") {
			// A participle before a plural noun modifies it ("four fishing
			// boats"); otherwise it is the verb ("5 million poured").
			if k+1 < len(r.toks) && r.toks[k+1].kind == kWord && plural(r.toks[k+1].text) && !stopAfter[lower(r.toks[k+1].text)] {
				continue
			}
			return false
		}
		if q.Value == 1 && q.Max == 0 {
			q.Unit, q.UnitSpan = lemma(t.text), t.Span()
			return true
		}
		return false
	}
	return false
}

// antecedent gives q the unit of an earlier quantity: for "of them" the
// nearest earlier one counting things in this or the two sentences before;
// for an elliptical number only one introduced by "of the" in the same
// sentence.
func (r *run) antecedent(q *document.Quantity, elliptical bool) {
	s := r.sentence(q.Start)
	for j := len(r.out) - 1; j >= 0; j-- {
		p := r.out[j]
		ps := r.sentence(p.Start)
		if s-ps > 2 || (elliptical && ps != s) {
			return
		}
		if p.Unit == "" || timeUnits[p.Unit] || p.Unit == "percent" || p.Unit == "dollar" {
			continue
		}
		if elliptical && !r.partitive[j] {
			continue
		}
		q.Unit, q.UnitSpan = p.Unit, p.UnitSpan
		return
	}
}

func (r *run) add(q document.Quantity, partitive bool) {
	r.out = append(r.out, q)
	r.partitive = append(r.partitive, partitive)
}

// allBut reads "all but N (of them)" at token i as the antecedent's count
// minus N ("detained 14 … freed all but one of them" → 13 freed).
func (r *run) allBut(i int) int {
	k := i + 2
	var n float64
	var ok bool
	if k < len(r.toks) && r.toks[k].kind == kNum {
		n, ok = parseNum(r.toks[k].text)
	} else {
		n, ok = wordValue(r.word(k))
	}
	if !ok {
		return i + 1
	}
	end := k + 1
	if r.word(end) == "of" && (r.word(end+1) == "them" || r.word(end+1) == "those") {
		end += 2
	}
	q := document.Quantity{
		Span:      document.Span{Start: r.toks[i].start, End: r.toks[end-1].end},
		Qualifier: "all but " + r.word(k),
	}
	q.Text = r.text[q.Start:q.End]
	// The antecedent: the latest count of people within six sentences.
	s := r.sentence(q.Start)
	for j := len(r.out) - 1; j >= 0; j-- {
		p := r.out[j]
		if s-r.sentence(p.Start) > 6 {
			break
		}
		if personUnits[p.Unit] && p.Value > n && p.Max == 0 {
			q.Value, q.Unit, q.UnitSpan = p.Value-n, p.Unit, p.UnitSpan
			r.add(q, false)
			break
		}
	}
	return end
}

// personUnits are counted units that are people, the only antecedents
// "all but one of them" takes.
var personUnits = map[string]bool{
	"man": true, "woman": true, "person": true, "member": true,
	"paramilitary": true, "detainee": true, "suspect": true, "prisoner": true,
	"hostage": true, "fighter": true, "militant": true, "soldier": true,
	"protester": true, "activist": true, "gunman": true, "guard": true,
	"worker": true, "student": true, "child": true, "officer": true,
	"journalist": true, "civilian": true, "resident": true,
}

// Contract declares the layers the stage reads and writes.
func (x *Extractor) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerText, document.LayerSentences).Gives(document.LayerQuantities)
}
