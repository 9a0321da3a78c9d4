package timex

import (
	"fmt"
	"strings"
)

// amountResult is a parsed count: n (0 when vague, X) ending before token j.
type amountResult struct {
	n     int
	vague bool
	j     int
}

// amount reads a count: 3, three, twenty-five, a, an, a few, several, a
// couple of, a dozen.
func (p *parser) amount(k int) (amountResult, bool) {
	w := p.low(k)
	if w == "" {
		return amountResult{}, false
	}
	if (w == "a" || w == "an") && (p.low(k+1) == "few" || p.low(k+1) == "couple") {
		j := k + 2
		if p.low(j) == "of" {
			j++
		}
		if p.low(k+1) == "couple" {
			return amountResult{n: 2, j: j}, true
		}
		return amountResult{vague: true, j: j}, true
	}
	if vagueAmounts[w] {
		return amountResult{vague: true, j: k + 1}, true
	}
	t := p.toks[k]
	if t.isNum() && t.digits <= 4 {
		j := k + 1
		// "1,000 years" style thousands are not handled; a comma ends it
		return amountResult{n: t.num, j: j}, true
	}
	if n, ok := numberWords[w]; ok {
		j := k + 1
		if isHyphen(p.low(j)) && p.adj(j) {
			if n2, ok := numberWords[p.low(j+1)]; ok && n2 < 10 && n >= 20 {
				return amountResult{n: n + n2, j: j + 2}, true
			}
		}
		if p.low(j) == "dozen" {
			return amountResult{n: n * 12, j: j + 1}, true
		}
		return amountResult{n: n, j: j}, true
	}
	return amountResult{}, false
}

// duration reads "three months", "two-year", "the past two months", "the
// next 10 years", "the first nine months", "two weeks ago", "a year
// earlier", "decades".
func (p *parser) duration(i int) (expr, bool) {
	k := i
	lead := ""
	if p.low(k) == "the" {
		k++
		lead = "the"
	}
	switch p.low(k) {
	case "past", "last", "next", "first", "coming", "previous", "final", "recent":
		lead = p.low(k)
		k++
	}
	if u, ok := unitWords[p.low(k)]; ok && p.low(i) == "the" && (lead == "past" || lead == "last") && !strings.HasSuffix(p.low(k), "s") && u != uWeekend {
		// "the past year", "the last week": a span ending now
		return expr{kind: kDuration, dur: durValue(1, false, u), j: k + 1}, true
	}
	a, ok := p.amount(k)
	if !ok {
		// bare plural units: "for years", "in recent months"
		u, ok2 := unitWords[p.low(k)]
		if !ok2 || !strings.HasSuffix(p.low(k), "s") {
			return expr{}, false
		}
		switch lead {
		case "recent":
			return expr{kind: kRef, ref: "PAST_REF", j: k + 1}, true
		case "coming", "next":
			if p.low(i) == "the" {
				return expr{kind: kRef, ref: "FUTURE_REF", j: k + 1}, true
			}
			return expr{}, false
		case "":
			pv := p.low(i - 1)
			if pv != "for" && pv != "over" && pv != "within" && pv != "take" && pv != "takes" {
				return expr{}, false
			}
			if p.low(k+1) == "ago" {
				return expr{kind: kRef, ref: "PAST_REF", j: k + 2}, true
			}
		case "past", "last":
			if p.low(i) != "the" {
				return expr{}, false
			}
		default:
			return expr{}, false
		}
		return expr{kind: kDuration, dur: durValue(0, true, u), j: k + 1}, true
	}
	if a.n == 1 && p.low(k) == "one" && lead == "" && p.low(k+1) == "day" {
		return expr{}, false // "one day" as "some day"
	}
	k = a.j
	rangeMod := ""
	if w := p.low(k); !a.vague && (w == "to" || w == "or" || (isHyphen(w) && p.toks[k-1].isNum())) {
		// "six to eight weeks", "two or three days", "3-4 hours": the
		// lower bound, at least
		if b, ok := p.amount(k + 1); ok && !b.vague && b.n > a.n {
			if _, ok := unitWords[p.low(b.j)]; ok {
				k, rangeMod = b.j, "EQUAL_OR_MORE"
			}
		}
	}
	if isHyphen(p.low(k)) && p.adj(k) {
		k++
	}
	uw := p.low(k)
	u, ok := unitWords[uw]
	if !ok {
		return expr{}, false
	}
	if a.n == 0 && !a.vague && p.toks[a.j-1].isNum() {
		return expr{}, false
	}
	hyph := k > a.j
	plural := strings.HasSuffix(uw, "s") || uw == "centuries"
	if a.n > 1 && !plural && !hyph && p.toks[a.j-1].isNum() {
		return expr{}, false // "the 1988 quarter"
	}
	if u == uQuarter && hyph && plural {
		return expr{}, false // "three-quarters"
	}
	if nx := p.low(k + 1); a.n == 1 && !plural && (p.low(k-1) == "a" || p.low(k-1) == "an") && nx != "ago" && nx != "earlier" && nx != "before" {
		switch pv := p.low(a.j - 2); {
		case pv == "once" || pv == "twice" || pv == "times" || pv == "per":
			return expr{}, false
		case a.j >= 2 && (p.toks[a.j-2].isNum() || numberWords[pv] > 1 || pv == "million" || pv == "billion" || pv == "percent" || pv == "%"):
			return expr{}, false // "$5 a year", "3% a year"
		}
	}
	if u == uWeekend {
		return expr{}, false
	}
	if u == uSecond && !plural && !hyph && p.toks[a.j-1].digits == 0 {
		if nx := p.low(k + 1); nx != "" && isWordToken(nx) && nx != "ago" && nx != "later" && nx != "earlier" {
			return expr{}, false // "a second attack"
		}
	}
	e := expr{kind: kDuration, j: k + 1, mod: rangeMod}
	e.dur = durValue(a.n, a.vague, u)
	// "two weeks ago", "a year earlier"
	switch p.low(k + 1) {
	case "ago", "earlier", "before", "back":
		if lead == "" && (p.low(k+1) != "before" || p.low(k+2) == "" || p.low(k+2) == "." || p.low(k+2) == ",") {
			if a.vague {
				return expr{kind: kRef, ref: "PAST_REF", j: k + 2}, true
			}
			return relShift(-a.n, u, k+2), true
		}
	case "later", "hence", "after", "from":
		if lead == "" && p.low(k+1) == "from" && p.low(k+2) == "now" && !a.vague {
			return relShift(a.n, u, k+3), true
		}
	}
	return e, true
}

// relShift is a date a whole number of units away from the anchor.
func relShift(n int, u unit, j int) expr {
	switch u {
	case uSecond, uMinute, uHour:
		return expr{kind: kRef, ref: "PAST_REF", j: j}
	case uWeekend:
		u = uWeek
	}
	return expr{kind: kDate, rel: true, relUnit: u, relN: n, j: j}
}

// durValue renders a TIMEX3 duration of n units (X when vague).
func durValue(n int, vague bool, u unit) string {
	num := fmt.Sprint(n)
	if vague {
		num = "X"
	}
	switch u {
	case uSecond:
		return "PT" + num + "S"
	case uMinute:
		return "PT" + num + "M"
	case uHour:
		return "PT" + num + "H"
	case uDay:
		return "P" + num + "D"
	case uWeek:
		return "P" + num + "W"
	case uMonth:
		return "P" + num + "M"
	case uQuarter:
		if !vague {
			return fmt.Sprintf("P%dM", 3*n)
		}
		return "PXQ"
	case uYear:
		return "P" + num + "Y"
	case uDecade:
		if !vague {
			return fmt.Sprintf("P%dY", 10*n)
		}
		return "PXDE"
	case uCentury:
		if !vague {
			return fmt.Sprintf("P%dY", 100*n)
		}
		return "PXCE"
	}
	return "P" + num + "X"
}

// setExpr reads daily, weekly, "every Monday", "each year", "every day".
func (p *parser) setExpr(i int) (expr, bool) {
	w := p.low(i)
	if v, ok := setWords[w]; ok {
		return expr{kind: kSet, set: v, j: i + 1}, true
	}
	if w != "every" && w != "each" {
		return expr{}, false
	}
	k := i + 1
	if p.low(k) == "other" {
		k++
	}
	if wd, ok := weekdayNames[p.low(k)]; ok {
		n := int(wd)
		if n == 0 {
			n = 7
		}
		return expr{kind: kSet, set: fmt.Sprintf("XXXX-WXX-%d", n), j: k + 1}, true
	}
	if m, k2, ok := p.monthAt(k); ok {
		return expr{kind: kSet, set: fmt.Sprintf("XXXX-%02d", m), j: k2}, true
	}
	if u, ok := unitWords[p.low(k)]; ok && !strings.HasSuffix(p.low(k), "s") {
		n := 1
		if k > i+1 {
			n = 2
		}
		return expr{kind: kSet, set: durValue(n, false, u), j: k + 1}, true
	}
	if a, ok := p.amount(k); ok && !a.vague {
		if u, ok := unitWords[p.low(a.j)]; ok {
			return expr{kind: kSet, set: durValue(a.n, false, u), j: a.j + 1}, true
		}
	}
	return expr{}, false
}
