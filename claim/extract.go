package claim

import (
	"context"
	"errors"
	"fmt"
	"github.com/corroborate/corroborate/pipeline"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/document"
	"github.com/corroborate/corroborate/internal/spans"
	"github.com/corroborate/corroborate/quantity"
)

// Extractor builds d.Claims from a document's quantities, sentences,
// time expressions and quotes. It holds no state.
type Extractor struct{}

// NewExtractor returns a claim Extractor.
func NewExtractor() *Extractor { return &Extractor{} }

// Annotate writes d.Claims, replacing what was there. It reads the layers
// of its Contract: d.Quantities (empty means no claims), the text stage's
// d.Sentences (a document with text but none is an error), d.Timexes,
// d.Quotes and the outlet.
func (e *Extractor) Annotate(ctx context.Context, d *document.Document) error {
	if d == nil {
		return errors.New("claim: annotating a nil document")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("claim: annotating %s: %w", d.ID, err)
	}
	for _, q := range d.Quantities {
		if !q.Span.Valid(len(d.Text)) {
			return fmt.Errorf("claim: annotating %s: quantity %q at [%d,%d) lies outside the %d-byte text", d.ID, q.Text, q.Start, q.End, len(d.Text))
		}
	}
	if len(d.Sentences) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("claim: annotating %s: no sentences (the text stage must run first)", d.ID)
	}
	for _, sp := range d.Sentences {
		if !sp.Valid(len(d.Text)) {
			return fmt.Errorf("claim: annotating %s: sentence [%d,%d) outside the %d-byte text", d.ID, sp.Start, sp.End, len(d.Text))
		}
	}
	d.Claims = e.Extract(d)
	return nil
}

// Extract returns the claims of d without changing it.
func (e *Extractor) Extract(d *document.Document) []document.Claim {
	x := &docClaims{d: d, sents: d.Sentences, relays: FindRelays(d.Text, d.Outlet)}
	x.whole, _ = mainRelay(x.relays)
	for _, r := range x.relays {
		if r.Whole {
			x.wholeDoc = r.Outlet
		}
	}
	for i := range d.Quantities {
		x.fromQuantity(i)
	}
	x.rideClaims()
	sort.SliceStable(x.out, func(i, j int) bool { return x.out[i].Start < x.out[j].Start })
	return x.out
}

type docClaims struct {
	d        *document.Document
	sents    []document.Span
	relays   []Relay
	whole    string // the outlet the document relays most
	wholeDoc string // the outlet credited for the whole document
	out      []document.Claim
	// timexes, relayIdx and quotes index the spans of the document's time
	// expressions, its relays and its quotes' content, built on first use.
	timexes, relayIdx, quotes *spans.Index
}

// clause returns the clause around span sp: its sentence cut at
// semicolons and brackets.
func (x *docClaims) clause(sp document.Span) document.Span {
	i := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].End > sp.Start })
	s := document.Span{Start: 0, End: len(x.d.Text)}
	if i < len(x.sents) && x.sents[i].Start <= sp.Start {
		s = x.sents[i]
	}
	t := x.d.Text
	start, end := s.Start, s.End
	for k := sp.Start - 1; k >= s.Start; k-- {
		if t[k] == ';' || t[k] == '(' || t[k] == ')' || t[k] == '\n' {
			start = k + 1
			break
		}
	}
	for k := sp.End; k < s.End; k++ {
		if t[k] == ';' || t[k] == ')' || t[k] == '(' || t[k] == '\n' {
			end = k
			break
		}
	}
	return trimSpan(t, document.Span{Start: start, End: end})
}

func trimSpan(t string, s document.Span) document.Span {
	for s.Start < s.End && strings.ContainsRune(" \n\t,.—–-", rune(t[s.Start])) {
		s.Start++
	}
	for s.End > s.Start && strings.ContainsRune(" \n\t,", rune(t[s.End-1])) {
		s.End--
	}
	return s
}

type cword struct {
	document.Span
	text string
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*`)

func cwords(t string, sp document.Span) []cword {
	var out []cword
	for _, m := range wordRe.FindAllStringIndex(t[sp.Start:sp.End], -1) {
		out = append(out, cword{document.Span{Start: sp.Start + m[0], End: sp.Start + m[1]}, t[sp.Start+m[0] : sp.Start+m[1]]})
	}
	return out
}

// fromQuantity makes a claim from quantity i when it says something that
// other reports could also say.
func (x *docClaims) fromQuantity(i int) {
	q := x.d.Quantities[i]
	if q.Unit == "age" {
		x.ageClaim(q)
		return
	}
	if q.Unit == "" || quantity.IsTimeUnit(q.Unit) || q.Unit == "percent" || q.Unit == "dollar" {
		return
	}
	cl := x.clause(q.Span)
	ws := cwords(x.d.Text, cl)
	qi := -1 // index of the first word after the number
	for k, w := range ws {
		if w.Start >= q.End {
			qi = k
			break
		}
	}
	if qi < 0 {
		qi = len(ws)
	}
	before := 0 // index of the first word of the quantity
	for before < len(ws) && ws[before].End <= q.Start {
		before++
	}
	class := classes[q.Unit]
	if class == "" {
		class = pluralize(q.Unit)
	}
	pred := predicate(ws, before, qi)
	if q.Unit == "death" {
		pred = "killed"
	}
	c := document.Claim{
		Span:      cl,
		Value:     valueText(q),
		Number:    q.Value,
		Qualifier: q.Qualifier,
	}
	lowerClause := strings.ToLower(x.d.Text[cl.Start:cl.End])
	switch {
	case pred == "" && class == "people" && attackerContext(ws, qi):
		c.Subject, c.Predicate = "attackers", "count"
	case pred == "" && class == "attackers":
		c.Subject, c.Predicate = "attackers", "count"
	case class == "attackers":
		// "killed by four gunmen": the verb is what the attackers did.
		c.Subject, c.Predicate = "attackers", "count"
	case pred != "":
		c.Subject, c.Predicate = class, pred
	case peopleClasses[class]:
		return // a crowd with nothing done to it ("thousands expressed outrage")
	case !countable[class]:
		// "three companies", "hundreds of mourners": a bare count of
		// something no report is likely to dispute; comparing such counts
		// across contexts would invent contradictions.
		return
	default:
		c.Subject, c.Predicate = class, "count"
		if sub := subsetPredicate(ws, qi, x.d.Text, q); sub != "" {
			c.Predicate = sub
		}
	}
	c.Event, c.Time = x.event(cl, lowerClause)
	if c.Event == "protests" && c.Predicate == "killed" && (class == "people" || class == "protesters") {
		c.Subject = "protesters"
	}
	if q.Max > 0 {
		c.Value = fmt.Sprintf("%s to %s", num(q.Value), num(q.Max))
	}
	c.Attribution = x.attribution(cl, q.Span)
	x.out = append(x.out, c)
}

// predicate returns the event verb nearest to the number: first looking
// back up to six words, then ahead up to six ("14 men were arrested").
func predicate(ws []cword, first, after int) string {
	for k := first - 1; k >= 0 && first-k <= 6; k-- {
		if p, ok := eventVerbs[strings.ToLower(ws[k].text)]; ok {
			return p
		}
	}
	for k := after; k < len(ws) && k-after < 6; k++ {
		if p, ok := eventVerbs[strings.ToLower(ws[k].text)]; ok {
			return p
		}
	}
	return ""
}

// attackerContext reports whether people counted at ws[after-1] are the
// attackers: an attack verb follows, or they ride ("on two motorcycles").
func attackerContext(ws []cword, after int) bool {
	for k := after; k < len(ws) && k-after < 6; k++ {
		l := strings.ToLower(ws[k].text)
		if attackVerbs[l] {
			return true
		}
		if l == "on" && k+2 < len(ws) {
			n := strings.ToLower(ws[k+2].text)
			if strings.HasPrefix(n, "motor") || strings.HasPrefix(n, "scooter") {
				return true
			}
		}
	}
	return false
}

// subsetPredicate names a part of a whole ("44 were followers of X" after
// "of the 67 factions"): the first content word after the number.
func subsetPredicate(ws []cword, after int, text string, q document.Quantity) string {
	// Only numbers that follow a larger count of the same thing in the
	// clause are parts.
	if len(ws) == 0 || !partRe.MatchString(strings.ToLower(text[ws[0].Start:q.Start])) {
		return ""
	}
	for k := after; k < len(ws) && k-after < 4; k++ {
		l := strings.ToLower(ws[k].text)
		switch l {
		case "were", "was", "are", "is", "had", "have", "been", "of", "them":
			continue
		}
		return l
	}
	return ""
}

// ageClaim makes {Name age = N} from "Name, 47," or "47-year-old Name".
func (x *docClaims) ageClaim(q document.Quantity) {
	t := x.d.Text
	var name string
	if q.UnitSpan.Valid(len(t)) && q.UnitSpan.Start < q.Start {
		// "Hisham al-Hashimi, 47,": the name ends at UnitSpan.
		name = nameBefore(t, q.UnitSpan)
	} else {
		name = nameAfter(t, q.End)
	}
	if name == "" {
		return
	}
	cl := x.clause(q.Span)
	ev, tm := x.event(cl, strings.ToLower(t[cl.Start:cl.End]))
	_ = ev
	x.out = append(x.out, document.Claim{
		Span:        cl,
		Subject:     name,
		Predicate:   "age",
		Value:       num(q.Value),
		Number:      q.Value,
		Time:        tm,
		Attribution: x.attribution(cl, q.Span),
	})
}

// nameBefore extends the name word at sp back over capitalized words and
// Arabic name particles.
func nameBefore(t string, sp document.Span) string {
	start := sp.Start
	for {
		k := start - 1
		for k >= 0 && t[k] == ' ' {
			k--
		}
		if k < 0 || k == start-1 {
			break
		}
		e := k + 1
		b := e
		for b > 0 && !strings.ContainsRune(" \n,;:.(", rune(t[b-1])) {
			b--
		}
		w := t[b:e]
		if !isNameWord(w) {
			break
		}
		start = b
	}
	return cleanName(t[start:sp.End])
}

// nameAfter reads the name after an age ("47-year-old Husham al-Hashimi’s
// house" → Husham al-Hashimi): the first run of two or more capitalized
// words within seven words, else the first single one.
func nameAfter(t string, from int) string {
	end := min(len(t), from+120)
	// Stay in the sentence: "the 52-year-old stepped out. Two …" names
	// nobody.
	for i := from; i < end; i++ {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '\n') && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\n') {
			end = i
			break
		}
	}
	ws := cwords(t, document.Span{Start: from, End: end})
	var first string
	for i := 0; i < len(ws) && i < 7; i++ {
		if !isNameWord(ws[i].text) {
			continue
		}
		j := i
		for j < len(ws) && isNameWord(ws[j].text) && (j == i || onlySpaces(t[ws[j-1].End:ws[j].Start])) {
			j++
		}
		run := cleanName(t[ws[i].Start:ws[j-1].End])
		if j-i >= 2 {
			return run
		}
		if first == "" {
			first = run
		}
		i = j - 1
	}
	return first
}

func onlySpaces(s string) bool { return strings.TrimSpace(s) == "" }

func isNameWord(w string) bool {
	if notNames[strings.ToLower(w)] || numberWords[strings.ToLower(w)] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	l := strings.ToLower(w)
	for _, p := range []string{"al-", "el-", "bin", "ibn", "abu"} {
		if strings.HasPrefix(l, p) && len(w) > len(p) {
			return true
		}
	}
	return false
}

// cleanName drops a possessive ending.
func cleanName(s string) string {
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.TrimSpace(s)
}

var (
	partRe  = regexp.MustCompile(`\bof the (?:some |about )?[0-9]+`)
	yearRe  = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)
	sinceRe = regexp.MustCompile(`(?i)\b(since|post-|after)\s*(1[89]\d\d|20\d\d)\b`)
)

// event names the story a clause belongs to (cumulative "since 2003",
// "protests", "raid", or "" for the report's main event) and its time (a
// year or a time expression of the time stage).
func (x *docClaims) event(cl document.Span, lower string) (ev, tm string) {
	if m := sinceRe.FindStringSubmatch(lower); m != nil {
		ev = "since " + m[2]
	} else {
		for _, c := range protestCues {
			if strings.Contains(lower, c) {
				ev = "protests"
				break
			}
		}
		if ev == "" {
			for _, c := range raidCues {
				if strings.Contains(lower, c) {
					ev = "raid"
					break
				}
			}
		}
	}
	if x.timexes == nil {
		x.timexes = spans.Timexes(x.d.Timexes)
	}
	var buf [16]int
	for _, ti := range x.timexes.Inside(buf[:0], cl) {
		if tx := x.d.Timexes[ti]; tx.Value != "" && tx.Type != "DURATION" && tx.Type != "SET" {
			return ev, tx.Value
		}
	}
	if m := yearRe.FindString(lower); m != "" && ev != "since "+m {
		tm = m
	}
	return ev, tm
}

// attribution returns who the clause's claim is credited to: an outlet
// named with a relay cue in it, the relayed outlet for "the newspaper",
// the outlet credited for the whole report, else the speaker of a quote
// around it.
func (x *docClaims) attribution(cl, at document.Span) string {
	if x.relayIdx == nil {
		x.relayIdx = spans.New(len(x.relays), func(i int) document.Span { return x.relays[i].Span })
	}
	var buf [16]int
	for _, ri := range x.relayIdx.Overlapping(buf[:0], cl) {
		if r := x.relays[ri]; r.Cue != "credit" {
			return r.Outlet
		}
	}
	if x.whole != "" && genericRe.MatchString(x.d.Text[cl.Start:cl.End]) {
		return x.whole
	}
	if x.wholeDoc != "" {
		return x.wholeDoc
	}
	if x.quotes == nil {
		x.quotes = spans.New(len(x.d.Quotes), func(i int) document.Span { return x.d.Quotes[i].Content })
	}
	for _, qi := range x.quotes.Containing(buf[:0], at) {
		if q := x.d.Quotes[qi]; q.Speaker != "" {
			return q.Speaker
		}
	}
	return ""
}

var rideRe = regexp.MustCompile(`(?i)\bon (a|one|an) (motorbike|motorcycle|motor-bike|motor bike|scooter)\b`)

// rideClaims adds {motorcycles count = 1} for "on a motorbike", which no
// number carries.
func (x *docClaims) rideClaims() {
	t := x.d.Text
	for _, m := range rideRe.FindAllStringIndex(t, -1) {
		cl := x.clause(document.Span{Start: m[0], End: m[1]})
		ev, tm := x.event(cl, strings.ToLower(t[cl.Start:cl.End]))
		x.out = append(x.out, document.Claim{
			Span:        cl,
			Subject:     "motorcycles",
			Predicate:   "count",
			Value:       "one",
			Number:      1,
			Event:       ev,
			Time:        tm,
			Attribution: x.attribution(cl, document.Span{Start: m[0], End: m[1]}),
		})
	}
}

func valueText(q document.Quantity) string {
	if strings.HasPrefix(q.Qualifier, "all but ") {
		return fmt.Sprintf("%s (%s)", num(q.Value), q.Qualifier)
	}
	if q.Qualifier != "" && !strings.Contains(strings.ToLower(q.Text), q.Qualifier) {
		return q.Qualifier + " " + num(q.Value)
	}
	// "Four gunmen" opens a sentence; the value is "four".
	if r, n := utf8.DecodeRuneInString(q.Text); unicode.IsUpper(r) && strings.ToLower(q.Text[n:]) == q.Text[n:] {
		return string(unicode.ToLower(r)) + q.Text[n:]
	}
	return q.Text
}

func num(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%g", v)
}

// notNames are capitalized words that never belong to a person's name.
var notNames = map[string]bool{
	"in": true, "on": true, "at": true, "the": true, "a": true, "and": true,
	"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "mr": true, "mrs": true,
}

// pluralize makes the plural of a unit lemma for display ("company" →
// "companies").
func pluralize(w string) string {
	switch {
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	}
	return w + "s"
}

// numberWords are capitalized at a sentence start but never names.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"dozens": true, "hundreds": true, "thousands": true, "some": true,
	"many": true, "several": true, "both": true, "all": true,
}

// Contract declares the layers the stage reads and writes.
func (x *Extractor) Contract() pipeline.Contract {
	return pipeline.Needs(document.LayerExtracted, document.LayerText, document.LayerSentences, document.LayerTimexes, document.LayerQuotes, document.LayerQuantities).Gives(document.LayerClaims)
}
