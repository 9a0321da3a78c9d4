package event

import (
	"github.com/corroborate/corroborate/document"
)

// prepositions end noun phrases and mark obliques.
var prepositions = setOf(`of in on at by for with from to into onto over under against about after before during since
	until near outside inside across through throughout around between among without within via per toward towards
	upon amid despite like as than off up down out`)

// conjunctions end noun phrases.
var conjunctions = setOf(`and or but nor that which who whom whose when where while because although though if so`)

// objectPronouns can be the patient of a verb.
var objectPronouns = setOf(`him her them us me it himself herself themselves`)

// agentPronouns can be the agent of a verb.
var agentPronouns = setOf(`he she they we i`)

// beForms mark a passive before a participle.
var beForms = setOf(`be is are was were been being get got gets getting 's 're`)

// window is how far (in tokens) an argument may lie from its trigger.
const window = 15

// arguments returns the arguments of the trigger at i that the sentence
// gives by word order and prepositions: agent and patient (named-entity
// mentions, pronouns, or the noun phrase after "by", "on", "against"),
// place (a location after a place preposition), time (the nearest date or
// time in the clause, linked to its timex) and instrument (a weapon after
// "with", "using" or "by").
func arguments(s *sentence, i int) []document.EventArg {
	var args []document.EventArg
	var addArg func(role string, a, b int)
	add := func(role string) func(a, b int) { return func(a, b int) { addArg(role, a, b) } }
	addArg = func(role string, a, b int) {
		if a < 0 {
			return
		}
		sp := document.Span{Start: s.toks[a].Start, End: s.toks[b].End}
		for _, x := range args {
			if x.Span.Overlaps(sp) {
				return
			}
		}
		args = append(args, document.EventArg{Role: role, Span: sp, Text: s.doc.Text[sp.Start:sp.End], Timex: -1})
	}
	// Instrument first, so that "by a drone" is not an agent.
	if a, b := instrument(s, i); a >= 0 {
		add(document.ArgInstrument)(a, b)
	}
	t := s.toks[i]
	if t.verbal {
		if passive(s, i) {
			add(document.ArgPatient)(subject(s, i))
			add(document.ArgAgent)(after(s, i, "by"))
		} else if a, b := inverted(s, i); a >= 0 {
			add(document.ArgAgent)(a, b)
		} else {
			add(document.ArgAgent)(subject(s, i))
			add(document.ArgPatient)(object(s, i))
		}
	} else {
		e := eventNouns[nounLemma(t.lower)]
		pa, pb := possessor(s, i)
		switch {
		case e.patientFirst:
			add(document.ArgPatient)(after(s, i, "of"))
			add(document.ArgPatient)(pa, pb)
		default:
			add(document.ArgAgent)(pa, pb)
		}
		add(document.ArgAgent)(after(s, i, "by"))
		add(document.ArgPatient)(after(s, i, "on", "against"))
	}
	if a, b := place(s, i); a >= 0 {
		add(document.ArgPlace)(a, b)
	}
	if k := timeArg(s, i); k >= 0 {
		ti := s.timexes[k]
		x := s.doc.Timexes[ti]
		args = append(args, document.EventArg{Role: document.ArgTime, Span: x.Span, Text: x.Text, Timex: ti})
	}
	return args
}

// passive reports whether the verbal trigger at i is a participle after a
// form of be or get ("was killed", "has been shot", "got arrested").
func passive(s *sentence, i int) bool {
	w := s.toks[i].lower
	if !(len(w) > 2 && w[len(w)-2:] == "ed") && irregular[w] == "" {
		return false
	}
	p := prevWord(s, i)
	return p >= 0 && beForms[s.toks[p].lower]
}

// mentionEnding returns the mention (first and last token) or pronoun
// that ends at token k, or -1, -1.
func mentionEnding(s *sentence, k int, pronouns map[string]bool) (int, int) {
	t := s.toks[k]
	if t.mention >= 0 {
		r := s.mentionToks[t.mention]
		if r[1] == k {
			return r[0], r[1]
		}
		return -1, -1
	}
	if pronouns[t.lower] {
		return k, k
	}
	return -1, -1
}

// verbGroup marks the words of a verb group before its main verb:
// auxiliaries, modals, negation and -ly adverbs.
func verbGroupWord(t tok) bool {
	return auxiliaries[t.lower] || modals[t.lower] || negators[t.lower] && t.lower != "no" && t.lower != "without" ||
		t.word && len(t.lower) > 4 && t.lower[len(t.lower)-2:] == "ly" || t.lower == "also" || t.lower == "then" || t.lower == "just"
}

// npWord reports whether token t may be part of a noun phrase.
func npWord(t tok) bool {
	if t.timex {
		return false
	}
	if t.mention >= 0 {
		return true
	}
	if t.lower == "'s" || t.lower == "'" {
		return true
	}
	if !t.word && !(t.lower != "" && t.lower[0] >= '0' && t.lower[0] <= '9') {
		return false
	}
	return !prepositions[t.lower] && !conjunctions[t.lower] && !adverbs[t.lower] && !auxiliaries[t.lower] && !(t.trigger && t.verbal) &&
		!clauseStops[t.lower] && !negators[t.lower] || t.lower == "no"
}

// npBefore returns the noun phrase ending at token e, at most six words,
// or -1, -1.
func npBefore(s *sentence, e int) (int, int) {
	if e < 0 || !npWord(s.toks[e]) || determiners[s.toks[e].lower] {
		return -1, -1
	}
	a := e
	for k := e - 1; k >= 0 && k > e-6; k-- {
		if !npWord(s.toks[k]) {
			break
		}
		a = k
	}
	if s.toks[a].mention >= 0 {
		a = s.mentionToks[s.toks[a].mention][0]
	}
	return a, e
}

// subject returns the noun phrase before the verb group of the verb at i
// ("the gunmen waited", "Hisham al-Hashemi was killed"), the antecedent
// of a relative pronoun ("gunmen who killed him"), or -1, -1.
func subject(s *sentence, i int) (int, int) {
	e := i - 1
	for e >= 0 && verbGroupWord(s.toks[e]) {
		e--
	}
	if e < 0 {
		return -1, -1
	}
	switch s.toks[e].lower {
	case "who", "that", "which":
		e--
		if e >= 0 && s.toks[e].lower == "," {
			e--
		}
	}
	if e >= 0 && agentPronouns[s.toks[e].lower] {
		return e, e
	}
	a, b := npBefore(s, e)
	if a >= 0 && a > 0 && prepositions[s.toks[a-1].lower] && s.toks[a-1].lower != "by" {
		// "in Baghdad, gunmen …" is fine; "the head of X said" takes the head.
		return -1, -1
	}
	return a, b
}

// inverted returns the speaker after a reporting verb that follows a
// quote or a comma ("…," said Lahib Hegel; ", said the official"), or
// -1, -1.
func inverted(s *sentence, i int) (int, int) {
	if s.toks[i].class != document.EventReporting || i == 0 || s.toks[i-1].word {
		return -1, -1
	}
	return nounPhrase(s, i+1)
}

// object returns the noun phrase after the verb at i ("killed a top
// Iranian general"; particles are skipped: "rounded up 14 men"). Verbs
// that report, perceive or intend take only a named or pronoun object
// ("told the Washington Post", "urged al-Kazimi"), not the clause after.
func object(s *sentence, i int) (int, int) {
	k := i + 1
	for k < len(s.toks) && (particles[s.toks[k].lower] || verbGroupWord(s.toks[k]) && !auxiliaries[s.toks[k].lower]) {
		k++
	}
	if k >= len(s.toks) {
		return -1, -1
	}
	t := s.toks[k]
	if objectPronouns[t.lower] {
		if t.lower == "it" {
			return -1, -1
		}
		return k, k
	}
	if subjectPronouns[t.lower] || t.lower == "that" {
		return -1, -1
	}
	if s.toks[i].class != "" && s.toks[i].class != "OCCURRENCE" && s.toks[i].class != "ASPECTUAL" {
		if t.mention >= 0 {
			r := s.mentionToks[t.mention]
			if r[1]+1 >= len(s.toks) || !npWord(s.toks[r[1]+1]) {
				return r[0], r[1]
			}
		}
		return -1, -1
	}
	return nounPhrase(s, k)
}

// adverbs end a noun phrase.
var adverbs = setOf(`then also still now already later even only just recently reportedly allegedly yet soon again ago here there`)

// particles follow a phrasal verb or a result ("rounded up", "shot dead").
var particles = setOf(`up out down off away back dead`)

// possessor returns the mention before a nominal trigger that owns or
// modifies it ("Hashimi's killing", "a US raid", "Kata'ib Hezbollah's
// raid"), allowing one adjective between.
func possessor(s *sentence, i int) (int, int) {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		p := s.toks[k]
		if p.lower == "'s" || p.lower == "'" {
			continue
		}
		if p.mention >= 0 {
			r := s.mentionToks[p.mention]
			if r[1] == k {
				return r[0], r[1]
			}
			return -1, -1
		}
		if !p.word || determiners[p.lower] || prepositions[p.lower] || p.trigger {
			return -1, -1
		}
	}
	return -1, -1
}

// after returns the noun phrase after one of the prepositions preps that
// follows the trigger at i (up to two words between: "killed yesterday
// by"), or -1, -1. A mention within the phrase is preferred to the phrase.
func after(s *sentence, i int, preps ...string) (int, int) {
	for k := i + 1; k < len(s.toks) && k <= i+3; k++ {
		w := s.toks[k].lower
		for _, p := range preps {
			if w == p {
				return nounPhrase(s, k+1)
			}
		}
		if !s.toks[k].word || s.toks[k].trigger && s.toks[k].verbal {
			break
		}
	}
	return -1, -1
}

// nounPhrase returns the noun phrase starting at k: words up to the next
// mark, preposition, conjunction or verb, at most eight, or -1, -1. When
// it holds the name of a person or organization, it ends with the last
// such name ("the Iraqi expert Hisham al-Hashemi").
func nounPhrase(s *sentence, k int) (int, int) {
	a, b, named := -1, -1, -1
	for j := k; j < len(s.toks) && j < k+8; j++ {
		t := s.toks[j]
		if !npWord(t) {
			break
		}
		if a < 0 {
			a = j
		}
		b = j
		if t.mention >= 0 {
			r := s.mentionToks[t.mention]
			b = r[1]
			if ty := s.mentions[t.mention].Type; ty == document.EntityPerson || ty == document.EntityOrg {
				named = r[1]
			}
			j = r[1]
		}
	}
	if named >= 0 {
		b = named
	}
	for b >= a && a >= 0 && (determiners[s.toks[b].lower] || s.toks[b].lower == "'s") {
		b--
	}
	if b < a {
		return -1, -1
	}
	return a, b
}

// instrument returns a weapon after "with", "using" or "by" near the
// trigger ("shot with a pistol", "a raid by a drone"), or -1, -1.
func instrument(s *sentence, i int) (int, int) {
	for k := i + 1; k < len(s.toks) && k <= i+8; k++ {
		w := s.toks[k].lower
		if w == "with" || w == "using" || w == "by" {
			for j := k + 1; j < len(s.toks) && j <= k+4; j++ {
				t := s.toks[j]
				if weapons[t.lower] {
					return k + 1, j
				}
				if !t.word || prepositions[t.lower] {
					break
				}
			}
		}
		if s.toks[k].trigger && s.toks[k].verbal || s.toks[k].lower == ";" {
			break
		}
	}
	return -1, -1
}

// place returns the nearest location mention after a place preposition
// (at most two words between: "in the Dora neighborhood of Baghdad" takes
// Baghdad through "of"), within the window around the trigger.
func place(s *sentence, i int) (int, int) {
	best, bestD := -1, window+1
	for m, r := range s.mentionToks {
		if s.mentions[m].Type != document.EntityLoc {
			continue
		}
		ok := false
		for k := r[0] - 1; k >= 0 && k >= r[0]-4; k-- {
			if placePreps[s.toks[k].lower] {
				ok = true
				break
			}
			if !s.toks[k].word || s.toks[k].trigger {
				break
			}
		}
		if !ok {
			continue
		}
		if n := r[1] + 1; n < len(s.toks) && s.toks[n].word && !s.toks[n].cap && npWord(s.toks[n]) {
			continue // "a US raid": a modifier, not a place
		}
		d := distance(s, i, r[0], r[1])
		if d < bestD {
			best, bestD = m, d
		}
	}
	if best < 0 {
		return -1, -1
	}
	return s.mentionToks[best][0], s.mentionToks[best][1]
}

// timeArg returns the index in s.timexes of the date or time nearest the
// trigger at i, or -1. Verbal triggers between cost distance, so a date
// goes to the event of its own clause; a date before the trigger costs a
// little more than one after it. A date nearer another trigger is that
// trigger's ("The assassination … on 6 July 2020 may prove …" dates the
// assassination, not the proving), and a date that only bounds a period
// or orders against it ("since 2003", "until June", "before the war")
// dates no event.
func timeArg(s *sentence, i int) int {
	best, bestD := -1, window+1
	for k, r := range s.timexToks {
		x := s.doc.Timexes[s.timexes[k]]
		if x.Type != "DATE" && x.Type != "TIME" {
			continue
		}
		if r[0] > 0 && periodBounds[s.toks[r[0]-1].lower] {
			continue
		}
		d := timeDistance(s, i, r)
		if d >= bestD {
			continue
		}
		// A trigger with the date after it ("descended … on June 26")
		// gives it up only to a nearer trigger between them. A trigger
		// with the date before it takes it only when no trigger before
		// the date could take it forward ("The assassination … on 6
		// July 2020 may prove …" dates the assassination, not the
		// proving; "On Monday, gunmen killed …" dates the killing).
		nearer := false
		for j := range s.toks {
			if j == i || !s.toks[j].trigger {
				continue
			}
			switch {
			case i < r[0]:
				nearer = i < j && j < r[0] && timeDistance(s, j, r) < d
			default:
				nearer = j < r[0] && timeDistance(s, j, r) <= window
			}
			if nearer {
				break
			}
		}
		if !nearer {
			best, bestD = k, d
		}
	}
	return best
}

// periodBounds are words before a date that make it a bound or a
// reference point rather than the time of an event.
var periodBounds = setOf(`since until till before after by`)

// timeDistance is the distance from the trigger at i to the timex over
// tokens r, a date before the trigger costing two more.
func timeDistance(s *sentence, i int, r [2]int) int {
	d := distance(s, i, r[0], r[1])
	if r[1] < i {
		d += 2
	}
	return d
}

// distance is the token distance from the trigger at i to the span
// [a, b], plus four for every verbal trigger between them; a semicolon or
// parenthesis between puts the span out of reach.
func distance(s *sentence, i, a, b int) int {
	lo, hi := i, a
	if b < i {
		lo, hi = b, i
	}
	d := hi - lo
	for k := lo + 1; k < hi; k++ {
		switch {
		case s.toks[k].trigger && s.toks[k].verbal:
			d += 4
		case s.toks[k].lower == ";" || s.toks[k].lower == "(" || s.toks[k].lower == ")":
			d += window // another clause: out of reach
		}
	}
	return d
}
