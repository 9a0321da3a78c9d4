package timex

import (
	"strings"
)

// relativeWord reads today, tonight, yesterday, tomorrow, "the day before
// yesterday", "last night", "this morning".
func (p *parser) relativeWord(i int) (expr, bool) {
	e := expr{kind: kDate, rel: true, relUnit: uDay}
	switch p.low(i) {
	case "today":
		e.j = i + 1
	case "tonight":
		e.part, e.j = "NI", i+1
	case "yesterday":
		e.relN, e.j = -1, i+1
	case "tomorrow":
		e.relN, e.j = 1, i+1
	case "the":
		if p.low(i+1) == "weekend" {
			return expr{kind: kDate, weekday: 6, hasWday: true, weekend: true, j: i + 2}, true
		}
		if p.low(i+1) == "day" && (p.low(i+2) == "before" || p.low(i+2) == "after") {
			switch p.low(i + 3) {
			case "yesterday":
				e.relN, e.j = -2, i+4
				return e, true
			case "tomorrow":
				e.relN, e.j = 2, i+4
				return e, true
			}
		}
		return expr{}, false
	case "last":
		if p.low(i+1) == "night" {
			e.relN, e.part, e.j = -1, "NI", i+2
			return e, true
		}
		return expr{}, false
	case "this":
		if pd, ok := partsOfDay[p.low(i+1)]; ok {
			e.part, e.j = pd, i+2
			return e, true
		}
		return expr{}, false
	default:
		return expr{}, false
	}
	return e, true
}

// relativeUnit reads "last week", "this year", "next month", "the past
// year" is a duration (see duration), "last weekend", "this quarter", and
// month names after last/next/this ("last November").
func (p *parser) relativeUnit(i int) (expr, bool) {
	e := expr{kind: kDate, rel: true}
	k := i
	if p.low(k) == "the" {
		// "the previous year", "the following month", "the current quarter"
		switch p.low(k + 1) {
		case "previous", "following", "current", "coming":
			k++
		default:
			return expr{}, false
		}
	}
	switch p.low(k) {
	case "last", "previous":
		e.relN = -1
	case "next", "coming", "following":
		e.relN = 1
	case "this", "current":
		e.relN = 0
		if p.low(k+1) == "past" {
			// "this past week": the one just gone
			e.relN = -1
			k++
		}
	default:
		return expr{}, false
	}
	k++
	if m, k2, ok := p.monthAt(k); ok {
		return expr{kind: kDate, month: m, dir: e.relN, dirSet: true, j: k2}, true
	}
	u, ok := unitWords[p.low(k)]
	if !ok || strings.HasSuffix(p.low(k), "s") && u != uDay {
		return expr{}, false
	}
	switch u {
	case uWeek, uMonth, uYear, uQuarter, uDecade, uCentury:
	case uWeekend:
		e.weekend = true
		u = uWeek
	default:
		return expr{}, false
	}
	if p.low(k) == "fortnight" {
		return expr{}, false
	}
	if p.low(i) == "current" && u != uYear && u != uQuarter && u != uMonth && u != uWeek {
		return expr{}, false
	}
	e.relUnit, e.j = u, k+1
	return e, true
}

// refExpr reads now, recently, "the past", "the future", "the near future",
// "these days", "at the moment".
func (p *parser) refExpr(i int) (expr, bool) {
	w := p.low(i)
	if r, ok := refWords[w]; ok {
		return expr{kind: kRef, ref: r, j: i + 1}, true
	}
	switch {
	case w == "right" && p.low(i+1) == "now":
		return expr{kind: kRef, ref: "PRESENT_REF", j: i + 2}, true
	case w == "the" && p.low(i+1) == "future":
		return expr{kind: kRef, ref: "FUTURE_REF", j: i + 2}, true
	case w == "the" && p.low(i+1) == "near" && p.low(i+2) == "future":
		return expr{kind: kRef, ref: "FUTURE_REF", j: i + 3}, true
	case w == "the" && p.low(i+1) == "past" && !(p.toks[i+1].isNum()) && unitWords[p.low(i+2)] == "" && p.amountNext(i+2):
		return expr{kind: kRef, ref: "PAST_REF", j: i + 2}, true
	case w == "these" && p.low(i+1) == "days":
		return expr{kind: kRef, ref: "PRESENT_REF", j: i + 2}, true
	case w == "the" && p.low(i+1) == "moment" && p.low(i-1) == "at":
		return expr{kind: kRef, ref: "PRESENT_REF", j: i + 2}, true
	}
	return expr{}, false
}

// amountNext reports whether token k does not start an amount (so "the
// past" stands alone).
func (p *parser) amountNext(k int) bool {
	_, ok := p.amount(k)
	return !ok
}
