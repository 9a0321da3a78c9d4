package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parser matches time expressions over the tokens of one text.
type parser struct {
	toks []token
}

// low returns token k lower-cased, or "" past either end.
func (p *parser) low(k int) string {
	if k < 0 || k >= len(p.toks) {
		return ""
	}
	return p.toks[k].low
}

// adj reports whether token k directly follows token k-1 (no space).
func (p *parser) adj(k int) bool {
	return k > 0 && k < len(p.toks) && !p.toks[k].space
}

// num returns the value of digit token k, or -1.
func (p *parser) num(k int) int {
	if k < 0 || k >= len(p.toks) {
		return -1
	}
	return p.toks[k].num
}

// skipPeriod returns k+1 when token k is a period written right after the
// previous token (as in "Sept."), else k.
func (p *parser) skipPeriod(k int) int {
	if p.low(k) == "." && p.adj(k) {
		return k + 1
	}
	return k
}

// all returns every expression in the text, left to right, longest match
// first, without overlaps.
func (p *parser) all() []expr {
	var out []expr
	for i := 0; i < len(p.toks); {
		if !p.canStart(i) || p.insideWord(i) {
			i++
			continue
		}
		if e, ok := p.parse(i); ok && e.j > i {
			if !p.rejectAfter(&e) {
				out = append(out, e)
				i = e.j
				continue
			}
		}
		i++
	}
	return out
}

// insideWord reports whether token i continues a hyphenated or dotted word
// that started earlier (so "3-year" inside "23-3-year" is skipped).
func (p *parser) insideWord(i int) bool {
	if i == 0 || !p.adj(i) {
		return false
	}
	prev := p.toks[i-1]
	if isWordToken(prev.low) {
		return true
	}
	if isHyphen(prev.low) || prev.low == "/" || prev.low == "." || prev.low == "," || prev.low == ":" || prev.low == "$" {
		// "3-year" inside "23-3-year"; "mid-1990" is read from "mid"; but
		// both years of "2009-2010" are dates
		if isHyphen(prev.low) && p.toks[i].digits == 4 && i >= 2 && p.toks[i-2].digits == 4 {
			return false
		}
		return i >= 2 && p.adj(i-1) && isWordToken(p.toks[i-2].low)
	}
	return false
}

// isWordToken reports whether a token is letters or digits.
func isWordToken(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// rejectAfter drops matches that are parts of larger non-time phrases:
// ages ("47-year-old", "47 years old") and numbers with units or percents.
func (p *parser) rejectAfter(e *expr) bool {
	k := e.j
	if e.kind == kDuration {
		if isHyphen(p.low(k)) && p.low(k+1) == "old" {
			return true
		}
		if p.low(k) == "old" || p.low(k) == "olds" {
			return true
		}
	}
	if e.kind == kDate && e.yearOnly && e.j-e.i == 1 {
		nx := p.low(k)
		if nx == "%" || nx == "percent" || nx == "people" || nx == "votes" || (isHyphen(nx) && p.num(k+1) >= 0 && p.toks[k+1].digits < 4) {
			return true
		}
		if pv := p.low(e.i - 1); pv == "$" || pv == "£" || pv == "€" || pv == "no" || pv == "number" || pv == "#" {
			return true
		}
		if e.i >= 2 && p.low(e.i-1) == "," && p.adj(e.i) && p.num(e.i-2) >= 0 {
			return true
		}
		// "against 2019 tonnes": a count before a plural noun, unless a
		// preposition or determiner makes it a year ("the 2020 elections")
		if nx := p.toks[min(k, len(p.toks)-1)]; k < len(p.toks) && len(nx.low) > 3 && strings.HasSuffix(nx.low, "s") && !nx.capital() && !yearLead[p.low(e.i-1)] {
			return true
		}
	}
	return false
}

// yearLead are words after which a number before a plural noun is still a
// year.
var yearLead = map[string]bool{
	"in": true, "since": true, "of": true, "by": true, "until": true, "the": true, "from": true,
	"before": true, "after": true, "during": true, "early": true, "late": true, "mid": true,
	"to": true, "and": true, "its": true, "his": true, "her": true, "their": true, "a": true,
	"through": true, "for": true, "fiscal": true, "-": true, "'s": true, "s": true,
}

// parse tries every pattern at token i and keeps the longest match.
func (p *parser) parse(i int) (expr, bool) {
	// approximators: "about three weeks", "more than a year"
	if mod, k := p.approx(i); k > i {
		if e, ok := p.core(k); ok && (e.kind == kDuration || (e.kind == kDate && e.rel)) {
			e.i = i
			if e.mod == "" {
				e.mod = mod
			}
			return e, true
		}
	}
	// point modifiers: "late last month", "mid-February", "the end of 2019"
	if mod, k := p.pointMod(i); k > i {
		if u, ok := unitWords[p.low(k+1)]; ok && p.low(k) == "the" && (u == uYear || u == uMonth || u == uWeek) && !strings.HasSuffix(p.low(k+1), "s") {
			// "the end of the year": the current one
			return expr{kind: kDate, rel: true, relUnit: u, mod: mod, i: i, j: k + 2}, true
		}
		if e, ok := p.core(k); ok && e.kind == kDate && e.ref == "" {
			e.i = i
			e.mod = mod
			return e, true
		}
	}
	if e, ok := p.partOfPeriod(i); ok {
		return e, true
	}
	return p.core(i)
}

// approx reads an approximating modifier at i.
func (p *parser) approx(i int) (string, int) {
	if m, ok := twoWordMods[[2]string{p.low(i), p.low(i + 1)}]; ok {
		return m, i + 2
	}
	if m, ok := approxMods[p.low(i)]; ok {
		if w := p.low(i); w == "over" || w == "under" || w == "some" {
			// only before a number: "over two years", not "over the past year"
			if a, ok := p.amount(i + 1); !ok || a.vague {
				return "", i
			}
		}
		return m, i + 1
	}
	return "", i
}

// pointMod reads "early", "late", "mid-", "the end of", "the beginning of",
// "the middle of", "earlier", "later" at i.
func (p *parser) pointMod(i int) (string, int) {
	w := p.low(i)
	k := i
	if w == "the" || w == "at" {
		k++
		w = p.low(k)
		if m, ok := pointMods[w]; ok && w != "earlier" && w != "later" && i+1 == k && p.low(i) == "the" {
			// "the late 1970s", "the mid-1990s"
			if isHyphen(p.low(k+1)) && p.adj(k+1) {
				return m, k + 2
			}
			return m, k + 1
		}
	}
	switch w {
	case "end", "close":
		if p.low(k+1) == "of" {
			return "END", k + 2
		}
	case "beginning", "start", "dawn":
		if p.low(k+1) == "of" {
			return "START", k + 2
		}
	case "middle":
		if p.low(k+1) == "of" {
			return "MID", k + 2
		}
	}
	if k != i {
		return "", i
	}
	if m, ok := pointMods[w]; ok {
		if isHyphen(p.low(i+1)) && p.adj(i+1) {
			return m, i + 2
		}
		if w == "earlier" || w == "later" {
			// only "earlier this year", "later this month" and the like
			if d := p.low(i + 1); d != "this" && d != "last" && d != "next" && d != "in" {
				return "", i
			}
			if p.low(i+1) == "in" {
				return m, i + 2
			}
		}
		return m, i + 1
	}
	return "", i
}

// partOfPeriod reads "the first half of 2019", "the last three months of
// 2019", "the first quarter of next year".
func (p *parser) partOfPeriod(i int) (expr, bool) {
	k := i
	if p.low(k) == "the" {
		k++
	}
	var first bool
	switch p.low(k) {
	case "first":
		first = true
	case "last", "final", "second":
	default:
		return expr{}, false
	}
	n, m := 0, k+1
	if v, ok := p.amount(k + 1); ok {
		n, m = v.n, v.j
	}
	u, ok := unitWords[p.low(m)]
	if !ok || p.low(m+1) != "of" {
		return expr{}, false
	}
	y, ok := p.core(m + 2)
	if !ok || y.kind != kDate || !(y.yearOnly || (y.rel && y.relUnit == uYear)) {
		return expr{}, false
	}
	e := y
	e.i = i
	e.yearOnly = false
	months := 0
	switch {
	case u == uMonth && n > 0:
		months = n
	case u == uQuarter && n == 0:
		months = 3
	case p.low(m) == "half":
		months = 6
	default:
		return expr{}, false
	}
	if p.low(k) == "second" {
		if months != 6 {
			return expr{}, false // "the second quarter of 2019" is quarterExpr's
		}
		first = false
	}
	switch months {
	case 3:
		e.quarter = 4
		if first {
			e.quarter = 1
		}
	case 6:
		e.half = 2
		if first {
			e.half = 1
		}
	default:
		// "the first nine months of 1997": the span itself
		return expr{kind: kDuration, dur: durValue(n, false, u), i: i, j: m + 1}, true
	}
	if e.rel {
		e.relUnit = uYear
	}
	return e, true
}

// core tries the patterns that make an expression by themselves.
func (p *parser) core(i int) (expr, bool) {
	best := expr{j: -1}
	try := func(e expr, ok bool) {
		if ok && e.j > best.j {
			best = e
		}
	}
	try(p.numericDate(i))
	try(p.monthFirst(i))
	try(p.dayFirst(i))
	try(p.weekdayDate(i))
	try(p.yearExpr(i))
	try(p.seasonExpr(i))
	try(p.quarterExpr(i))
	try(p.relativeWord(i))
	try(p.relativeUnit(i))
	try(p.duration(i))
	try(p.refExpr(i))
	try(p.setExpr(i))
	try(p.clockTime(i))
	try(p.holidayExpr(i))
	if best.j < 0 {
		return expr{}, false
	}
	best.i = i
	p.attachPart(&best)
	return best, true
}

// attachPart extends a day-level expression with a following part of day
// ("Monday night", "yesterday evening") and a following weekday that
// restates it ("yesterday evening Monday").
func (p *parser) attachPart(e *expr) {
	if e.kind != kDate || e.ref != "" {
		return
	}
	dayLevel := e.hasWday || e.day != 0 || (e.rel && e.relUnit == uDay)
	if !dayLevel || e.part != "" || e.clock {
		return
	}
	if pd, ok := partsOfDay[p.low(e.j)]; ok {
		e.part = pd
		e.j++
	}
	if e.rel && !e.hasWday {
		k := e.j
		if p.low(k) == "," {
			k++
		}
		if wd, ok := weekdayNames[p.low(k)]; ok && p.toks[k].capital() {
			e.weekday, e.hasWday = wd, true
			e.j = k + 1
		}
	}
}
