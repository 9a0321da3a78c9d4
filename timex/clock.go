package timex

import (
	"fmt"
	"strings"
)

// clockTime reads "3 p.m.", "3:30 pm", "10am", "15:00 GMT", "noon",
// "midnight".
func (p *parser) clockTime(i int) (expr, bool) {
	e := expr{kind: kDate}
	w := p.low(i)
	switch w {
	case "noon", "midday":
		e.hour, e.clock, e.j = 12, true, i+1
		p.clockDate(&e)
		return e, true
	case "midnight":
		e.hour, e.clock, e.j = 24, true, i+1
		p.clockDate(&e)
		return e, true
	}
	k := i
	h := p.num(k)
	min := 0
	hasMin := false
	if h < 0 {
		// 10am, 3pm
		for _, suf := range []string{"am", "pm"} {
			if strings.HasSuffix(w, suf) && isDigits(w[:len(w)-2]) && len(w) <= 4 {
				fmt.Sscanf(w[:len(w)-2], "%d", &h)
				if h < 1 || h > 12 {
					return expr{}, false
				}
				if suf == "pm" && h < 12 {
					h += 12
				}
				if suf == "am" && h == 12 {
					h = 0
				}
				e.hour, e.clock, e.j = h, true, p.zone(i+1)
				p.clockDate(&e)
				return e, true
			}
		}
		return expr{}, false
	}
	if p.toks[k].digits > 2 || h > 24 {
		return expr{}, false
	}
	k++
	if p.low(k) == ":" && p.adj(k) && p.num(k+1) >= 0 && p.toks[k+1].digits == 2 && p.adj(k+1) {
		min = p.num(k + 1)
		hasMin = true
		k += 2
	}
	ampm := ""
	switch {
	case (p.low(k) == "a" || p.low(k) == "p") && p.low(k+1) == "." && p.low(k+2) == "m":
		ampm = p.low(k)
		k += 3
		if p.low(k) == "." && p.adj(k) {
			k++
		}
	case p.low(k) == "am" || p.low(k) == "pm":
		ampm = p.low(k)[:1]
		k++
	case p.low(k) == "o" && isApostrophe(p.low(k+1)) && p.low(k+2) == "clock":
		k += 3
	case hasMin:
		if z := p.zone(k); z == k && p.low(i-1) != "at" && p.low(i-1) != "by" {
			return expr{}, false
		}
	default:
		return expr{}, false
	}
	if min > 59 {
		return expr{}, false
	}
	if ampm != "" {
		if h < 1 || h > 12 {
			return expr{}, false
		}
		if ampm == "p" && h < 12 {
			h += 12
		}
		if ampm == "a" && h == 12 {
			h = 0
		}
	}
	e.hour, e.minute, e.clock, e.j = h, min, true, p.zone(k)
	p.clockDate(&e)
	return e, true
}

// clockDate extends a clock time with the day that follows it: "5 p.m.
// EST Nov. 9", "4 a.m. Thursday".
func (p *parser) clockDate(e *expr) {
	k := e.j
	if p.low(k) == "on" || p.low(k) == "," {
		k++
	}
	var best expr
	best.j = -1
	for _, f := range []func(int) (expr, bool){p.monthFirst, p.dayFirst, p.weekdayDate, p.relativeWord} {
		if d, ok := f(k); ok && d.j > best.j && (d.day != 0 || d.hasWday || (d.rel && d.relUnit == uDay && d.part == "")) {
			best = d
		}
	}
	if best.j < 0 {
		return
	}
	h, m := e.hour, e.minute
	i := e.i
	*e = best
	e.i, e.hour, e.minute, e.clock = i, h, m, true
}

// zone skips a time-zone word after a clock time.
func (p *parser) zone(k int) int {
	switch p.low(k) {
	case "gmt", "utc", "est", "edt", "et", "pst", "pdt", "cst", "cdt", "bst", "cet":
		if p.toks[k].text == strings.ToUpper(p.toks[k].text) {
			return k + 1
		}
	case "local":
		if p.low(k+1) == "time" {
			return k + 2
		}
	}
	return k
}
