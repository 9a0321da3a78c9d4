package timex

import "strings"

// tense is the grammatical time of the clause around an expression.
type tense int

const (
	tenseNone tense = iota
	tensePast
	tensePresent
	tenseFuture
)

var futureWords = map[string]bool{
	"will": true, "shall": true, "ll": true, "upcoming": true, "scheduled": true,
	"expected": true, "plans": true, "plan": true, "planned": true, "due": true,
	"tomorrow": true, "going": true, "would": true, "intends": true, "aims": true,
	"next": true, "forecast": true,
}

var pastWords = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true,
	"ago": true, "yesterday": true, "went": true, "came": true, "made": true,
	"took": true, "gave": true, "met": true, "held": true, "left": true, "shot": true,
	"found": true, "got": true, "began": true, "saw": true, "knew": true, "thought": true,
	"fled": true, "fell": true, "led": true, "won": true, "lost": true, "spoke": true,
	"wrote": true, "rose": true, "sent": true, "struck": true, "broke": true,
	"brought": true, "bought": true, "sold": true, "paid": true, "kept": true, "ran": true,
	"became": true, "felt": true, "heard": true, "meant": true, "stood": true, "won't": false,
	"last": true, "earlier": true, "been": true,
}

var presentWords = map[string]bool{
	"is": true, "are": true, "am": true, "says": true, "say": true, "does": true,
	"do": true, "now": true, "today": true,
}

// reportingWords are verbs of saying: they date the report, not the event.
var reportingWords = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "added": true,
	"reported": true, "announced": true, "stated": true, "according": true,
}

// notPastEd are words ending in -ed that are not past verbs.
var notPastEd = map[string]bool{
	"need": true, "speed": true, "feed": true, "seed": true, "indeed": true, "red": true,
	"bed": true, "hundred": true, "shed": true, "bred": true, "united": true, "based": true,
	"related": true, "armed": true, "advanced": true, "limited": true, "detailed": true,
	"proposed": true, "expected": true, "scheduled": true, "planned": true, "alleged": true,
	"so-called": true, "called": false, "concerned": true, "interested": true, "owned": true,
	"backed": true, "aged": true, "varied": true, "skilled": true, "sacred": true,
}

// sentenceTense guesses the tense that governs token at in sentence
// [lo, hi): the nearest tense marker wins, past being the default for news.
func sentenceTense(toks []token, lo, hi, at, atEnd int) tense {
	best, bestDist := tenseNone, 1<<30
	for k := lo; k < hi; k++ {
		if k >= at && k < atEnd {
			continue // the expression's own words ("last", "next") are not tense
		}
		w := toks[k].low
		var tn tense
		switch {
		case futureWords[w]:
			tn = tenseFuture
			if w == "going" && (k+1 >= hi || toks[k+1].low != "to") {
				continue
			}
		case pastWords[w]:
			tn = tensePast
		case presentWords[w]:
			tn = tensePresent
		case len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w]:
			tn = tensePast
		default:
			continue
		}
		d := k - atEnd
		if k < at {
			d = at - k
		}
		if reportingWords[w] && k > atEnd && commaBetween(toks, atEnd, k) {
			continue // a trailing attribution (", officials said") dates the report, not the clause
		}
		if reportingWords[w] && !(k < at && at-k <= 2) && k != atEnd {
			d += 100 // the report's own verb only decides when nothing else does
		}
		if reportingWords[w] && k < at && at-k <= 2 {
			d = 0 // "said on Wednesday (there would be …)": the saying is dated
		}
		if d < bestDist {
			best, bestDist = tn, d
		}
	}
	return best
}

// commaBetween reports whether a comma lies among tokens [lo, hi).
func commaBetween(toks []token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if toks[k].text == "," {
			return true
		}
	}
	return false
}
