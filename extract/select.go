package extract

import "golang.org/x/net/html"

// scored is a candidate with its measured features.
type scored struct {
	*candidate
	f      Features
	tokens []string
}

// choose picks the candidate whose text becomes Extracted and returns it
// with the features of every candidate (in cands order).
func (e *Extractor) choose(cands []candidate, title string, doc *html.Node) (*candidate, []Features) {
	links := pageLinks(doc)
	sc := make([]scored, len(cands))
	shs := make([]map[string]int, len(cands))
	for i := range cands {
		c := &cands[i]
		sc[i] = scored{candidate: c, f: features(c, links)}
		sc[i].tokens = wordTokens(joinParagraphs(c.paras))
		shs[i] = shingleSet(sc[i].tokens)
		counts := map[string]int{}
		for _, t := range sc[i].tokens {
			counts[t]++
		}
		sc[i].f.Title = titleShare(title, counts)
	}
	pair := make([][]float64, len(sc))
	for i := range sc {
		pair[i] = make([]float64, len(sc))
	}
	for i := range sc {
		for j := i + 1; j < len(sc); j++ {
			a := shingleF1(shs[i], shs[j])
			pair[i][j], pair[j][i] = a, a
			sc[i].f.Agreement = max(sc[i].f.Agreement, a)
			sc[j].f.Agreement = max(sc[j].f.Agreement, a)
		}
	}
	feats := make([]Features, len(sc))
	for i := range sc {
		feats[i] = sc[i].f
	}
	best := pick(sc, pair)
	if best < 0 {
		return nil, feats
	}
	trimUnsupported(sc, pair, shs, best)
	cutAtComments(sc[best].candidate)
	return sc[best].candidate, feats
}

// Thresholds of the selection rule, set on the scrapinghub-aeb benchmark
// (see eval/extract) at round values inside a plateau rather than at the
// single best point.
const (
	// minWords is the length below which a candidate counts as a failed
	// extraction.
	minWords = 40
	// loneAgreement: the primary's best agreement with another candidate at
	// or below which it is "alone".
	loneAgreement = 0.75
	// pairAgreement: the agreement at or above which the two other
	// candidates confirm each other.
	pairAgreement = 0.85
	// flatWords: a single paragraph this long means trafilatura returned
	// its flat baseline text.
	flatWords = 100
	// flatAgreement: how closely a structured candidate must match the
	// flat text to replace it.
	flatAgreement = 0.8
)

// bad reports whether a candidate's features show a wrong block: mostly
// links, a run of teaser cards, or reader comments.
func bad(f Features) bool {
	return f.LinkShare > 0.5 || f.Teaser > 0.3 || f.Comments > 0.3
}

// pick applies the selection rule and returns the index of the chosen
// candidate, or -1 when none has text. The first candidate (trafilatura)
// is the default. It is replaced
//   - when it is missing, shorter than minWords or a wrong block (bad): by
//     the longest other candidate that is not bad;
//   - when it is one flat paragraph of flatWords or more (trafilatura's
//     baseline fallback): by the structured candidate that agrees with it
//     best, if that agreement reaches flatAgreement;
//   - when it disagrees with every other candidate (agreement at most
//     loneAgreement) while two others agree with each other (at least
//     pairAgreement) and neither is bad: by the shorter of that pair, since
//     the pair confirms the article and the shorter one carries less
//     boilerplate.
//
// pair[i][j] is the shingle F1 between candidates i and j.
func pick(sc []scored, pair [][]float64) int {
	if len(sc) == 0 {
		return -1
	}
	first := sc[0]
	if first.f.Words < minWords || bad(first.f) {
		best := -1
		for i := 1; i < len(sc); i++ {
			if sc[i].f.Words == 0 || bad(sc[i].f) {
				continue
			}
			if best < 0 || sc[i].f.Words > sc[best].f.Words {
				best = i
			}
		}
		if best >= 0 && (sc[best].f.Words > first.f.Words || bad(first.f) && sc[best].f.Words >= minWords) {
			return best
		}
		if first.f.Words > 0 {
			return 0
		}
		return best
	}
	if first.f.Paras <= 1 && first.f.Words >= flatWords {
		// trafilatura fell back to its whole-body baseline: one flat
		// paragraph. A candidate that says the same with paragraph
		// structure is better for every later stage.
		best := -1
		for i := 1; i < len(sc); i++ {
			if pair[0][i] >= flatAgreement && sc[i].f.Paras > 1 && !bad(sc[i].f) && (best < 0 || pair[0][i] > pair[0][best]) {
				best = i
			}
		}
		if best > 0 {
			return best
		}
	}
	if first.f.Agreement > loneAgreement {
		return 0
	}
	best := 0
	for i := 1; i < len(sc); i++ {
		for j := i + 1; j < len(sc); j++ {
			if pair[i][j] < pairAgreement || bad(sc[i].f) || bad(sc[j].f) || sc[i].f.Words < minWords || sc[j].f.Words < minWords {
				continue
			}
			k := i
			if sc[j].f.Words < sc[i].f.Words {
				k = j
			}
			if best == 0 || sc[k].f.Words < sc[best].f.Words {
				best = k
			}
		}
	}
	return best
}
