package ner

// docContext aggregates, over a whole document, how each capitalized word
// is written and which words surround it, so that a headline or
// sentence-initial token can borrow evidence from its other occurrences
// (the "context aggregation" of Ratinov & Roth 2009).
type docContext struct {
	// cases maps a lowercase word to a bit set of the casings it has in
	// running text (not sentence-initial, not in an all-caps line).
	cases map[string]uint8
	// around maps a lowercase capitalized word to the words seen just
	// before and after its occurrences, with counts.
	around map[string][]neighbour
	// sport (0–2) says how much of the document is sports vocabulary,
	// numeric (0–2) how much of it is numbers (results tables); see
	// topicFeatures.
	sport, numeric byte
}

// neighbour is a word seen before (dir '<') or after (dir '>') a word.
type neighbour struct {
	dir  byte
	word string
	n    uint16
}

// maxAround caps the neighbour words kept per word.
const maxAround = 12

// newDocContext scans the sentences of one document.
func newDocContext(sents [][]string) *docContext {
	dc := &docContext{cases: map[string]uint8{}, around: map[string][]neighbour{}}
	var lowers []string
	var casings []uint8
	total, sporty, numbers := 0, 0, 0
	for _, words := range sents {
		lowers, casings = lowers[:0], casings[:0]
		letters, upper := 0, 0
		for _, w := range words {
			w = normWord(w)
			c := wordCase(w)
			lw := lowerWord(digitsToZero(w))
			lowers = append(lowers, lw)
			casings = append(casings, c)
			total++
			if sportWords[lw] {
				sporty++
			}
			if len(lw) > 0 && lw[0] == '0' { // digits are 0 here
				numbers++
			}
			if c != caseNone {
				letters++
				if c == caseUpper {
					upper++
				}
			}
		}
		capsLine := letters >= 2 && upper == letters
		for i, lw := range lowers {
			c := casings[i]
			if i > 0 && !capsLine && c != caseNone {
				if old, ok := dc.cases[lw]; !ok || old&(1<<c) == 0 {
					dc.cases[lw] = old | 1<<c
				}
			}
			if c != caseTitle && c != caseUpper && c != caseMixed {
				continue
			}
			m := dc.around[lw]
			if i > 0 {
				m = addAround(m, '<', lowers[i-1])
			}
			if i+1 < len(lowers) {
				m = addAround(m, '>', lowers[i+1])
			}
			dc.around[lw] = m
		}
	}
	dc.sport = bucket(sporty, total, 2, 0.02)
	dc.numeric = bucket(numbers, total, 10, 0.15)
	return dc
}

func addAround(m []neighbour, dir byte, w string) []neighbour {
	for i := range m {
		if m[i].dir == dir && m[i].word == w {
			m[i].n++
			return m
		}
	}
	if len(m) < maxAround {
		m = append(m, neighbour{dir: dir, word: w, n: 1})
	}
	return m
}

// features appends the document-context keys of token i of si.
func (dc *docContext) features(si *sentenceInfo, i int, out []uint64) []uint64 {
	if dc == nil {
		return out
	}
	t := &si.toks[i]
	if t.casing == caseNone {
		return out
	}
	if cs, ok := dc.cases[t.lower]; ok {
		out = append(out, keyN(fDocCase, cs, t.casing, boolByte(i == 0), boolByte(si.capsLine)))
	}
	if t.casing != caseTitle && t.casing != caseUpper && t.casing != caseMixed {
		return out
	}
	if si.extra.Has(DocTopic) {
		out = dc.topicFeatures(si, i, out)
	}
	for _, nb := range dc.around[t.lower] {
		if nb.n == 1 && ((nb.dir == '<' && i > 0 && si.toks[i-1].lower == nb.word) ||
			(nb.dir == '>' && i+1 < len(si.toks) && si.toks[i+1].lower == nb.word)) {
			continue // only this occurrence
		}
		out = append(out, hashStr(keyN(fDocAround, nb.dir), nb.word))
	}
	return out
}

// bucket returns 0 when n is below min, 2 when n/total reaches share and
// 1 in between.
func bucket(n, total, min int, share float64) byte {
	switch {
	case n < min:
		return 0
	case float64(n) >= share*float64(total):
		return 2
	}
	return 1
}

// Feature templates of the document-topic features.
const (
	fTopic byte = 0xC0 + iota
	fTopicWord
	fTopicCluster
	fTopicNum
)

// topicFeatures appends, for a capitalized token, keys that join the
// document's sport and numeric levels with the token's place and
// organization gazetteer bits, its word, its cluster and whether numbers
// stand next to it: in sports pages many place names are teams ("Bolton
// 3 Wimbledon 1"), elsewhere they are places (DocTopic).
func (dc *docContext) topicFeatures(si *sentenceInfo, i int, out []uint64) []uint64 {
	t := &si.toks[i]
	if dc.sport == 0 && dc.numeric == 0 {
		return out
	}
	loc := byte(t.gaz>>uint(classLOC*4)) & 0xf
	org := byte(t.gaz>>uint(classORG*4)) & 0xf
	out = append(out, keyN(fTopic, dc.sport, dc.numeric, loc, org, boolByte(si.capsLine)))
	if dc.sport > 0 {
		out = append(out, hashStr(keyN(fTopicWord, dc.sport), t.lower))
		if c := t.clusters[1]; c != 0 {
			out = append(out, keyN(fTopicCluster, dc.sport, byte(c), byte(c>>8)))
		}
	}
	num := func(j int) byte {
		if j >= 0 && j < len(si.toks) {
			if s := si.toks[j].short; len(s) > 0 && s[0] == 'd' {
				return 1
			}
		}
		return 0
	}
	return append(out, keyN(fTopicNum, dc.sport, dc.numeric, num(i-1), num(i+1), boolByte(loc != 0)))
}

// sportWords are words that mark a sports report.
var sportWords = map[string]bool{}

func init() {
	for _, w := range []string{
		"soccer", "football", "cricket", "tennis", "golf", "rugby", "baseball", "basketball", "hockey",
		"athletics", "cycling", "boxing", "motor", "racing", "skiing", "swimming", "olympic", "olympics",
		"match", "matches", "game", "games", "goal", "goals", "scored", "score", "scores", "scorer", "scorers",
		"beat", "beats", "win", "won", "wins", "draw", "drew", "drawn", "defeat", "defeated", "lost",
		"season", "league", "cup", "championship", "championships", "tournament", "final", "finals",
		"semifinal", "semi-final", "quarter-final", "quarterfinal", "round", "innings", "wicket", "wickets",
		"runs", "run", "points", "half-time", "halftime", "penalty", "penalties", "striker", "midfielder",
		"goalkeeper", "defender", "coach", "team", "teams", "club", "clubs", "player", "players", "seed",
		"seeded", "set", "sets", "inning", "homer", "pitcher", "hits", "standings", "played", "play",
		"division", "premier", "title", "medal", "race", "lap", "stage", "results", "result", "attendance",
		"v", "vs", "vs.", "leg", "fixtures", "rider", "driver", "par", "birdie", "bogey", "grand", "prix",
	} {
		sportWords[w] = true
	}
}
