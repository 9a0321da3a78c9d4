package resolve

// Match is how well two names agree.
type Match int

// Match levels, weakest first.
const (
	// NoMatch: the names differ.
	NoMatch Match = iota
	// WeakMatch: the names agree only up to a truncated or suffixed
	// spelling ("Suleiman" / "Soleimani", "Kazem" / "Kazemi"); join them
	// only when context agrees.
	WeakMatch
	// PartialMatch: one name is a short form of the other (a surname, or
	// first name and surname of a longer name).
	PartialMatch
	// FullMatch: every token of one name matches the other's, up to
	// transliteration, articles, titles and apostrophes.
	FullMatch
)

// String names the match level.
func (m Match) String() string {
	switch m {
	case WeakMatch:
		return "weak"
	case PartialMatch:
		return "partial"
	case FullMatch:
		return "full"
	}
	return "none"
}

// SameThreshold is the largest TokenDistance at which two tokens count as
// spellings of one name. It was tuned on the tuning half of the ANETAC
// variant groups (see eval/resolve).
var SameThreshold = 0.28

// comparer compares names, caching token verdicts when its cache is set
// (a nil *comparer compares without a cache).
type comparer struct {
	cache map[[2]string]Match
	// calls counts name comparisons (a measure of cost for tests).
	calls int
}

// newComparer returns a comparer with an empty cache.
func newComparer() *comparer { return &comparer{cache: map[[2]string]Match{}} }

// verdict is tokenVerdict through the cache.
func (c *comparer) verdict(a, b string) Match {
	if c == nil || a == b {
		return tokenVerdict(a, b)
	}
	k := [2]string{a, b}
	if a > b {
		k = [2]string{b, a}
	}
	if m, ok := c.cache[k]; ok {
		return m
	}
	m := tokenVerdict(a, b)
	c.cache[k] = m
	return m
}

// tokenVerdict compares two folded tokens.
func tokenVerdict(a, b string) Match {
	if a == b {
		return FullMatch
	}
	if a == "" || b == "" {
		return NoMatch
	}
	// Transliterations keep the first consonant's class.
	if firstClass(a) != firstClass(b) {
		return NoMatch
	}
	if nisba(a, b) || nisba(b, a) {
		return WeakMatch
	}
	if foldedDistance(a, b) <= SameThreshold {
		return FullMatch
	}
	return NoMatch
}

// nisba reports whether long is short plus a final -i/-y (Soleimani /
// Suleiman, Iraqi / Iraq, Kazemi / Kazem): an adjective or a different
// name, never a mere spelling variant.
func nisba(long, short string) bool {
	n := len(long)
	if n < 4 || long[n-1] != 'i' || isVowelUnit(long[n-2]) {
		return false
	}
	if len(short) == 0 || isVowelUnit(short[len(short)-1]) {
		return false
	}
	return foldedDistance(long[:n-1], short) <= NisbaThreshold
}

// NisbaThreshold is the largest distance between a name without its
// final -i and another name for the two to count as a truncated spelling
// (stricter than SameThreshold: Hashem / Hashemi, not Hisham / Hashemi).
var NisbaThreshold = 0.15

// compareFolded compares two folded token sequences.
func (c *comparer) folded(a, b []string) Match {
	if len(a) == 0 || len(b) == 0 {
		return NoMatch
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == len(b) {
		worst := FullMatch
		for i := range a {
			v := c.verdict(a[i], b[i])
			if v < worst {
				worst = v
			}
			if worst == NoMatch {
				return NoMatch
			}
		}
		return worst
	}
	// a is shorter: a surname suffix of b, or first name + surname of b.
	best := NoMatch
	suffix := c.seq(a, b[len(b)-len(a):])
	if bound[b[len(b)-len(a)-1]] {
		suffix = NoMatch // "Samir" is not a short form of "Abu Samir"
	}
	if suffix > NoMatch {
		best = PartialMatch
		if suffix == WeakMatch {
			best = WeakMatch
		}
	}
	if len(a) >= 2 && best < PartialMatch {
		first := c.verdict(a[0], b[0])
		rest := c.seq(a[1:], b[len(b)-len(a)+1:])
		if first == FullMatch && rest > NoMatch {
			if rest == FullMatch {
				best = PartialMatch
			} else if best < WeakMatch {
				best = WeakMatch
			}
		}
	}
	return best
}

// bound are name words bound to the word after them (kunya "Abu X",
// "bin X", "Abd X"): the word after them is no surname on its own.
var bound = map[string]bool{"abu": true, "abi": true, "um": true, "bin": true, "bint": true, "abd": true, "aba": true}

// seqVerdict compares equal-length sequences token by token and returns
// the weakest verdict.
func (c *comparer) seq(a, b []string) Match {
	worst := FullMatch
	for i := range a {
		v := c.verdict(a[i], b[i])
		if v < worst {
			worst = v
		}
		if worst == NoMatch {
			return NoMatch
		}
	}
	return worst
}

// compareParsed compares two parsed names, trying glossed forms too.
func (c *comparer) parsed(a, b *parsedName) Match {
	if c != nil {
		c.calls++
	}
	if a.Acronym || b.Acronym {
		if a.Acronym && b.Acronym {
			if a.folded[0] == b.folded[0] {
				return FullMatch
			}
			return NoMatch
		}
		return NoMatch
	}
	forms := func(p *parsedName) [][]string {
		if p.alt != nil {
			return [][]string{p.folded, p.alt}
		}
		return [][]string{p.folded}
	}
	best := NoMatch
	for _, x := range forms(a) {
		for _, y := range forms(b) {
			if m := c.folded(x, y); m > best {
				best = m
			}
		}
	}
	return best
}

// Same compares two names as a human reader of news would: titles,
// articles, apostrophes, doubled letters and transliteration variants are
// ignored. It returns FullMatch for spellings of one name ("Hisham
// al-Hashimi" / "Husham Al Hashemi"), PartialMatch when one is a short form
// of the other ("Kadhimi" / "Mustafa al-Kadhimi"), WeakMatch for a
// truncated or suffixed spelling that needs context ("Qassem Suleiman" /
// "Qasem Soleimani") and NoMatch otherwise ("Khamenei" / "Khomeini").
// Acronyms match only themselves; use a Resolver for expansions.
func Same(a, b string) Match {
	pa, pb := parseName(a, nil), parseName(b, nil)
	if builtinDifferent(pa.folded, pb.folded) {
		return NoMatch
	}
	return compareParsed(&pa, &pb)
}

// knownDifferent lists folded token pairs that transliteration rules
// would join but that name different people.
var knownDifferent = [][2]string{
	{foldToken("Khamenei"), foldToken("Khomeini")},
}

// builtinDifferent reports whether a and b contain a known-different pair
// of tokens.
func builtinDifferent(a, b []string) bool {
	for _, pair := range knownDifferent {
		if (contains(a, pair[0]) && contains(b, pair[1])) || (contains(a, pair[1]) && contains(b, pair[0])) {
			return true
		}
	}
	return false
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// compareFolded compares folded token sequences without a cache.
func compareFolded(a, b []string) Match { return (*comparer)(nil).folded(a, b) }

// compareParsed compares parsed names without a cache.
func compareParsed(a, b *parsedName) Match { return (*comparer)(nil).parsed(a, b) }
