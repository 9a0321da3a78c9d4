package timex

import (
	"fmt"
	"strings"
)

// monthAt reads a month name (or abbreviation, optionally with a period)
// at k and returns the month and the next token index.
func (p *parser) monthAt(k int) (int, int, bool) {
	if k >= len(p.toks) || !p.toks[k].capital() {
		return 0, k, false
	}
	w := p.low(k)
	if m, ok := monthNames[w]; ok {
		return m, k + 1, true
	}
	if m, ok := monthAbbrevs[w]; ok {
		if k2 := p.skipPeriod(k + 1); k2 > k+1 {
			return m, k2, true
		}
		if _, _, ok := p.dayAt(k + 1); ok {
			return m, k + 1, true
		}
	}
	return 0, k, false
}

// dayAt reads a day of month (1-31, "1st", "26th") at k.
func (p *parser) dayAt(k int) (int, int, bool) {
	if k >= len(p.toks) {
		return 0, k, false
	}
	t := p.toks[k]
	if t.isNum() && t.digits <= 2 && t.num >= 1 && t.num <= 31 {
		return t.num, k + 1, true
	}
	w := t.low
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) && isDigits(w[:len(w)-2]) && len(w) <= 4 {
			var d int
			fmt.Sscanf(w[:len(w)-2], "%d", &d)
			if d >= 1 && d <= 31 {
				return d, k + 1, true
			}
		}
	}
	return 0, k, false
}

// yearAt reads a four-digit year at k.
func (p *parser) yearAt(k int) (int, int, bool) {
	if k >= len(p.toks) {
		return 0, k, false
	}
	t := p.toks[k]
	if t.isNum() && t.digits == 4 && t.num >= 1000 && t.num <= 2199 {
		return t.num, k + 1, true
	}
	return 0, k, false
}

// weekdayPrefix reads a capitalized weekday name at k, with a following
// comma, as the start of a fuller date ("Tuesday, July 7").
func (p *parser) weekdayPrefix(k int) (expr, int) {
	var e expr
	if k < len(p.toks) && p.toks[k].capital() {
		if wd, ok := weekdayNames[p.low(k)]; ok {
			e.weekday, e.hasWday = wd, true
			k++
			if p.low(k) == "," {
				k++
			}
		}
	}
	return e, k
}

// monthFirst reads "July 6, 2020", "July, 7, 2020", "Sept. 30", "Tuesday,
// July 7", "February 2019", "July".
func (p *parser) monthFirst(i int) (expr, bool) {
	e, k := p.weekdayPrefix(i)
	m, k, ok := p.monthAt(k)
	if !ok {
		return expr{}, false
	}
	e.kind, e.month = kDate, m
	e.j = k
	kk := k
	if p.low(kk) == "," {
		kk++
	}
	if d, k2, ok := p.dayAt(kk); ok && !(p.num(kk) >= 0 && isHyphen(p.low(k2))) {
		if !(p.low(k2) == ":" || p.low(k2) == "%" || unitWords[p.low(k2)] != "") {
			e.day, e.j = d, k2
			k3 := k2
			if p.low(k3) == "," {
				k3++
			}
			if y, k4, ok := p.yearAt(k3); ok {
				e.year, e.j = y, k4
			}
			return e, true
		}
	}
	k3 := k
	if p.low(k3) == "," || p.low(k3) == "of" {
		k3++
	}
	if y, k4, ok := p.yearAt(k3); ok {
		e.year, e.j = y, k4
		return e, true
	}
	if r, ok := p.relativeUnit(k); ok && r.relUnit == uYear && r.month == 0 {
		// "June last year", "January this year"
		r.month, r.i = e.month, i
		return r, true
	}
	if e.hasWday {
		return expr{}, false // "Monday, July" without a day: leave to weekdayDate
	}
	// a bare month name: ambiguous ones need a date-like context
	if !p.monthContext(i, k) {
		return expr{}, false
	}
	return e, true
}

// monthContext decides whether a bare month name at [i, k) is a month.
func (p *parser) monthContext(i, k int) bool {
	w := p.low(i)
	_, full := monthNames[w]
	if full && w != "may" && w != "march" {
		return true
	}
	switch p.low(i - 1) {
	case "in", "since", "until", "till", "by", "from", "of", "early", "late", "mid", "last", "next",
		"this", "through", "before", "after", "during", "to", "and", "or", "between", "-", "end":
		return true
	}
	return false
}

// dayFirst reads "6 July 2020", "the 26th of June", "Tuesday 7 July".
func (p *parser) dayFirst(i int) (expr, bool) {
	e, k := p.weekdayPrefix(i)
	if p.low(k) == "the" {
		k++
	}
	d, k, ok := p.dayAt(k)
	if !ok {
		return expr{}, false
	}
	if p.low(k) == "of" {
		k++
	}
	m, k, ok := p.monthAt(k)
	if !ok {
		return expr{}, false
	}
	e.kind, e.day, e.month, e.j = kDate, d, m, k
	k2 := k
	if p.low(k2) == "," {
		k2++
	}
	if y, k3, ok := p.yearAt(k2); ok {
		e.year, e.j = y, k3
	}
	return e, true
}

// numericDate reads 2020-07-06, 07/06/2020 (US order) and 6/7/20.
func (p *parser) numericDate(i int) (expr, bool) {
	a := p.num(i)
	if a < 0 || i+4 >= len(p.toks) {
		return expr{}, false
	}
	sep := p.low(i + 1)
	if !(p.adj(i+1) && p.adj(i+2) && p.adj(i+3) && p.adj(i+4)) || p.low(i+3) != sep {
		return expr{}, false
	}
	b, c := p.num(i+2), p.num(i+4)
	if b < 0 || c < 0 {
		return expr{}, false
	}
	e := expr{kind: kDate, j: i + 5}
	switch {
	case isHyphen(sep) && p.toks[i].digits == 4:
		e.year, e.month, e.day = a, b, c
	case sep == "/" || sep == "." || isHyphen(sep):
		y := c
		switch p.toks[i+4].digits {
		case 2:
			y += 2000
			if y > 2050 {
				y -= 100
			}
		case 4:
		default:
			return expr{}, false
		}
		e.year, e.month, e.day = y, a, b
		if a > 12 && b <= 12 {
			e.month, e.day = b, a
		}
	default:
		return expr{}, false
	}
	if e.month < 1 || e.month > 12 || e.day < 1 || e.day > 31 {
		return expr{}, false
	}
	return e, true
}

// weekdayDate reads "Monday", "last Monday", "next Friday", "this Sunday".
func (p *parser) weekdayDate(i int) (expr, bool) {
	e := expr{kind: kDate}
	k := i
	if p.low(k) == "the" {
		k++
	}
	e.dir, e.dirSet, k = p.direction(k)
	if p.low(i) == "the" && !e.dirSet {
		return expr{}, false // "the" only before "previous Friday" and the like
	}
	if k >= len(p.toks) || !p.toks[k].capital() {
		return expr{}, false
	}
	wd, ok := weekdayNames[p.low(k)]
	if !ok {
		return expr{}, false
	}
	e.weekday, e.hasWday, e.j = wd, true, k+1
	return e, true
}

// yearExpr reads "2019", "fiscal 1989", "the 1990s", "the '90s", "1990s",
// "the 20th century".
func (p *parser) yearExpr(i int) (expr, bool) {
	k := i
	e := expr{kind: kDate}
	if p.low(k) == "fiscal" {
		e.fiscal = true
		k++
	}
	if y, k2, ok := p.yearAt(k); ok {
		if y < 1800 && !e.fiscal {
			switch p.low(i - 1) {
			case "in", "since", "of", "year", "until", "by":
			default:
				return expr{}, false
			}
		}
		e.year, e.yearOnly, e.j = y, true, k2
		return e, true
	}
	if e.fiscal {
		return expr{}, false
	}
	if p.low(k) == "the" {
		k++
	}
	// decades: 1990s, '90s
	w := p.low(k)
	if len(w) == 5 && strings.HasSuffix(w, "s") && isDigits(w[:4]) && w[3] == '0' {
		var y int
		fmt.Sscanf(w[:4], "%d", &y)
		e.decade, e.j = y/10, k+1
		return e, true
	}
	if isApostrophe(w) && p.adj(k+1) {
		w2 := p.low(k + 1)
		if len(w2) == 3 && strings.HasSuffix(w2, "s") && isDigits(w2[:2]) && w2[1] == '0' {
			var y int
			fmt.Sscanf(w2[:2], "%d", &y)
			if y >= 30 {
				e.decade = 190 + y/10
			} else {
				e.decade = 200 + y/10
			}
			e.j = k + 2
			return e, true
		}
	}
	// centuries: the 20th century, the nineteenth century
	if p.low(i) == "the" {
		if d, k2, ok := p.dayAt(k); ok && p.low(k2) == "century" {
			e.century, e.j = d-1, k2+1
			return e, true
		}
		if d, ok := ordinalWords[w]; ok && p.low(k+1) == "century" {
			e.century, e.j = d-1, k+2
			return e, true
		}
	}
	return expr{}, false
}

// seasonExpr reads "summer 2020", "last summer", "this fall", "the spring
// of 2019", "winter".
func (p *parser) seasonExpr(i int) (expr, bool) {
	e := expr{kind: kDate}
	k := i
	if p.low(k) == "the" {
		k++
	} else {
		e.dir, e.dirSet, k = p.direction(k)
	}
	s, ok := seasonNames[p.low(k)]
	if !ok {
		return expr{}, false
	}
	e.season, e.j = s, k+1
	k2 := k + 1
	if p.low(k2) == "of" {
		k2++
	}
	if y, k3, ok := p.yearAt(k2); ok {
		e.year, e.j = y, k3
		return e, true
	}
	if p.low(k) == "fall" && !e.dirSet && p.low(i) != "the" {
		// "fall" alone is usually the verb
		if pv := p.low(i - 1); pv != "in" && pv != "this" && pv != "last" && pv != "next" && pv != "early" && pv != "late" {
			return expr{}, false
		}
	}
	return e, true
}

// quarterExpr reads "the third quarter", "third-quarter", "the fourth
// quarter of 2019", "Q4 2019", "the first half of the year".
func (p *parser) quarterExpr(i int) (expr, bool) {
	e := expr{kind: kDate}
	k := i
	if p.low(k) == "the" {
		k++
	}
	w := p.low(k)
	var q int
	if len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' {
		q = int(w[1] - '0')
		k++
	} else {
		o, ok := ordinalWords[w]
		if !ok {
			if d, k2, ok2 := p.dayAt(k); ok2 && !p.toks[k].isNum() {
				o, ok = d, true
				k = k2 - 1
			}
		}
		if !ok || o < 1 || o > 4 {
			return expr{}, false
		}
		k++
		if isHyphen(p.low(k)) {
			k++
		}
		switch p.low(k) {
		case "quarter":
			q = o
		case "half":
			if o > 2 {
				return expr{}, false
			}
			e.half = o
		default:
			return expr{}, false
		}
		k++
	}
	e.quarter, e.j = q, k
	k2 := k
	if p.low(k2) == "of" {
		k2++
		if p.low(k2) == "fiscal" {
			k2++
		}
	}
	if y, k3, ok := p.yearAt(k2); ok {
		e.year, e.j = y, k3
		return e, true
	}
	if p.low(k) == "of" {
		if r, ok := p.relativeUnit(k + 1); ok && r.relUnit == uYear {
			r.quarter, r.half, r.i = e.quarter, e.half, i
			return r, true
		}
		if p.low(k+1) == "the" && p.low(k+2) == "year" {
			e.j = k + 3
		}
	}
	return e, true
}

// holidays maps holiday names to fixed month-day values or rules.
var holidays = map[string]string{
	"christmas": "12-25", "christmas eve": "12-24", "christmas day": "12-25",
	"new year's day": "01-01", "new year's eve": "12-31", "halloween": "10-31",
	"valentine's day": "02-14", "independence day": "07-04",
	"thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving",
	"labor day": "labor", "memorial day": "memorial",
}

// holidayExpr reads holiday names such as Christmas or New Year's Day.
func (p *parser) holidayExpr(i int) (expr, bool) {
	if i >= len(p.toks) || !p.toks[i].capital() {
		return expr{}, false
	}
	best := 0
	var key string
	// join up to four tokens, treating "'" + "s" as "'s"
	var b strings.Builder
	for k := i; k < len(p.toks) && k < i+5; k++ {
		w := p.low(k)
		if isApostrophe(w) {
			w = "'"
		}
		if k > i && !(isApostrophe(p.low(k)) || p.low(k-1) == "'" || isApostrophe(p.low(k-1))) {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if _, ok := holidays[b.String()]; ok {
			best, key = k+1, b.String()
		}
	}
	if best == 0 {
		return expr{}, false
	}
	e := expr{kind: kDate, holiday: holidays[key], j: best}
	k := best
	if p.low(k) == "," {
		k++
	}
	if y, k2, ok := p.yearAt(k); ok {
		e.year, e.j = y, k2
	}
	return e, true
}

// direction reads "last", "past", "previous" (-1), "next", "coming",
// "following" (+1), "this" (0), "this past" (-1) and "this coming" (+1)
// at k, returning the direction, whether one was written, and the next
// token.
func (p *parser) direction(k int) (int, bool, int) {
	switch p.low(k) {
	case "last", "past", "previous":
		return -1, true, k + 1
	case "next", "coming", "following":
		return 1, true, k + 1
	case "this":
		switch p.low(k + 1) {
		case "past":
			return -1, true, k + 2
		case "coming":
			return 1, true, k + 2
		}
		return 0, true, k + 1
	}
	return 0, false, k
}
