package event

// clauseStops end the stretch before a trigger in which its negation and
// modal are looked for.
var clauseStops = setOf(`and but or that which who whom whose because when while if although though since after
	before until unless whether where as than so`)

// modalForms maps contracted modals to the word they stand for.
var modalForms = map[string]string{"'ll": "will", "'d": "would", "wo": "will", "ca": "can"}

// attributes returns whether the trigger at i is negated and the modal
// that governs it ("" when none). They are read from the words before a
// verbal trigger in its clause ("did not claim", "could bring", "No group
// has claimed", "may have fallen"), or from a determiner "no" before a
// nominal one ("no attack").
func attributes(s *sentence, i int) (neg bool, modal string) {
	t := s.toks[i]
	if !t.verbal {
		if p := i - 1; p >= 0 && (s.toks[p].lower == "no" || s.toks[p].lower == "without") {
			neg = true
		}
		return neg, ""
	}
	// Back over the verb group and the subject: at most six words, not
	// across a mark, a conjunction or another verbal trigger.
	for k, n := i-1, 0; k >= 0 && n < 6; k, n = k-1, n+1 {
		p := s.toks[k]
		if !p.word || clauseStops[p.lower] || (p.trigger && p.verbal && !auxiliaries[p.lower]) {
			break
		}
		switch {
		case negators[p.lower]:
			neg = true
		case modals[p.lower] && modal == "":
			modal = p.lower
			if f, ok := modalForms[p.lower]; ok {
				modal = f
			}
		case p.lower == "to":
			// "vowed to end": the infinitive's own clause ends here.
			return neg, modal
		}
	}
	// After the trigger: "failed to", no; "… , not X" is not handled.
	return neg, modal
}
