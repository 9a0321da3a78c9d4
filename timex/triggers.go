package timex

import "strings"

// triggers are the lower-cased words an expression can start with; parsing
// is tried only at these tokens and at tokens starting with a digit.
var triggers = buildTriggers()

func buildTriggers() map[string]bool {
	t := map[string]bool{}
	for _, m := range []map[string]int{monthNames, monthAbbrevs, numberWords, ordinalWords} {
		for w := range m {
			t[w] = true
		}
	}
	for w := range weekdayNames {
		t[w] = true
	}
	for _, m := range []map[string]string{seasonNames, approxMods, pointMods, refWords, setWords} {
		for w := range m {
			t[w] = true
		}
	}
	for w := range vagueAmounts {
		t[w] = true
	}
	for w := range unitWords {
		t[w] = true
	}
	for k := range twoWordMods {
		t[k[0]] = true
	}
	for h := range holidays {
		t[strings.Fields(h)[0]] = true
	}
	for _, w := range []string{
		"the", "last", "next", "this", "past", "previous", "coming", "following", "current",
		"fiscal", "today", "tonight", "yesterday", "tomorrow", "every", "each", "noon", "midday",
		"midnight", "end", "close", "beginning", "start", "dawn", "middle", "at", "these",
		"recent", "first", "final", "mid", "'", "’", "q1", "q2", "q3", "q4", "new", "valentine", "right",
	} {
		t[w] = true
	}
	return t
}

// canStart reports whether an expression may start at token i.
func (p *parser) canStart(i int) bool {
	t := p.toks[i]
	if t.low != "" && t.low[0] >= '0' && t.low[0] <= '9' {
		return true
	}
	return triggers[t.low]
}
