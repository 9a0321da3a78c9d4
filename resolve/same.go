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

// DefaultSameThreshold is the largest TokenDistance at which two tokens
// count as spellings of one name unless Options.SameThreshold says
// otherwise. It was tuned on the tuning half of the ANETAC variant groups
// (see eval/resolve).
const DefaultSameThreshold = 0.28

// DefaultNisbaThreshold is the largest distance between a name without
// its final -i and another name for the two to count as a truncated
// spelling, unless Options.NisbaThreshold says otherwise (stricter than
// DefaultSameThreshold: Hashem / Hashemi, not Hisham / Hashemi).
const DefaultNisbaThreshold = 0.15

// thresholds are the token-distance limits of one comparison setting.
type thresholds struct{ same, nisba float64 }

// defaultThresholds are the package defaults.
var defaultThresholds = thresholds{same: DefaultSameThreshold, nisba: DefaultNisbaThreshold}

// thresholdsOf returns the thresholds of opts, zero fields taking the
// defaults.
func thresholdsOf(opts Options) thresholds {
	th := defaultThresholds
	if opts.SameThreshold > 0 {
		th.same = opts.SameThreshold
	}
	if opts.NisbaThreshold > 0 {
		th.nisba = opts.NisbaThreshold
	}
	return th
}

// comparer compares names with its thresholds, caching token verdicts
// when its cache is set (a nil *comparer compares with the default
// thresholds and no cache).
type comparer struct {
	th    thresholds
	cache map[[2]string]Match
	// calls counts name comparisons (a measure of cost for tests).
	calls int
}

// newComparer returns a comparer with thresholds th and an empty cache.
func newComparer(th thresholds) *comparer {
	return &comparer{th: th, cache: map[[2]string]Match{}}
}

// thresholds returns the comparer's thresholds (the defaults for nil).
func (c *comparer) thresholds() thresholds {
	if c == nil {
		return defaultThresholds
	}
	return c.th
}

// verdict is tokenVerdict through the cache.
func (c *comparer) verdict(a, b string) Match {
	if c == nil || c.cache == nil || a == b {
		return tokenVerdict(a, b, c.thresholds())
	}
	k := [2]string{a, b}
	if a > b {
		k = [2]string{b, a}
	}
	if m, ok := c.cache[k]; ok {
		return m
	}
	m := tokenVerdict(a, b, c.th)
	c.cache[k] = m
	return m
}

// tokenVerdict compares two folded tokens with thresholds th.
func tokenVerdict(a, b string, th thresholds) Match {
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
	if nisba(a, b, th.nisba) || nisba(b, a, th.nisba) {
		return WeakMatch
	}
	if foldedDistance(a, b) <= th.same {
		return FullMatch
	}
	return NoMatch
}

// nisba reports whether long is short plus a final -i/-y (Soleimani /
// Suleiman, Iraqi / Iraq, Kazemi / Kazem): an adjective or a different
// name, never a mere spelling variant. limit is the largest distance
// between long without its -i and short.
func nisba(long, short string, limit float64) bool {
	n := len(long)
	if n < 4 || long[n-1] != 'i' || isVowelUnit(long[n-2]) {
		return false
	}
	if len(short) == 0 || isVowelUnit(short[len(short)-1]) {
		return false
	}
	return foldedDistance(long[:n-1], short) <= limit
}

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
// Acronyms match only themselves; use a Resolver for expansions. Same
// uses the default thresholds; Resolver.Same those of its Options.
func Same(a, b string) Match {
	return (*comparer)(nil).same(a, b)
}

// Same is the package function Same with the thresholds of r's Options.
func (r *Resolver) Same(a, b string) Match {
	c := comparer{th: r.th}
	return c.same(a, b)
}

// same parses and compares two names.
func (c *comparer) same(a, b string) Match {
	pa, pb := parseName(a, nil), parseName(b, nil)
	if builtinDifferent(pa.folded, pb.folded) {
		return NoMatch
	}
	return c.parsed(&pa, &pb)
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

// compareParsed compares parsed names without a cache.
func compareParsed(a, b *parsedName) Match { return (*comparer)(nil).parsed(a, b) }

// Name is a name parsed once, for comparing it with many others (see
// ParseName and SameNames).
type Name struct {
	p    parsedName
	keys []string
}

// ParseName parses s for SameNames.
func ParseName(s string) *Name {
	n := &Name{p: parseName(s, nil)}
	n.keys = make([]string, len(n.p.folded))
	for i, f := range n.p.folded {
		n.keys[i] = tokenKey(f)
	}
	return n
}

// Keys returns the sound key of each token of the name, as Key joins
// them: two names can match only when they share one.
func (n *Name) Keys() []string { return n.keys }

// SameNames is Same for parsed names.
func SameNames(a, b *Name) Match {
	if builtinDifferent(a.p.folded, b.p.folded) {
		return NoMatch
	}
	return compareParsed(&a.p, &b.p)
}
