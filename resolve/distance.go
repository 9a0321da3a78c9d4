package resolve

// Costs of the weighted edit distance between folded tokens. Vowels are
// cheap to change or drop (Arabic script writes no short vowels, so
// romanizations differ mostly there); consonants that transliteration
// schemes render differently are cheap to swap; every other consonant
// edit costs a full unit.
const (
	costVowelIndel = 0.35
	costWeakIndel  = 0.5 // h, y, w
	costConsonant  = 1.0
)

// vowelCost is the cost of substituting vowel a for vowel b.
func vowelCost(a, b byte) float64 {
	if a == b {
		return 0
	}
	if a > b {
		a, b = b, a
	}
	switch string([]byte{a, b}) {
	case "ei", "ou":
		return 0.1
	case "ae":
		return 0.25
	case "ai", "eo", "eu", "iu":
		return 0.5
	case "ao", "au", "io":
		return 0.6
	}
	return 0.6
}

// consonantPairs lists consonant units that romanizations exchange, with
// their substitution cost.
var consonantPairs = map[[2]byte]float64{
	{'Z', 'z'}: 0.1, {'Z', 'd'}: 0.3, {'Z', 'T'}: 0.3, {'T', 't'}: 0.3,
	{'T', 's'}: 0.3, {'z', 'd'}: 0.5, {'z', 's'}: 0.5, {'q', 'k'}: 0.15,
	{'q', 'g'}: 0.5, {'k', 'g'}: 0.5, {'x', 'k'}: 0.4, {'x', 'h'}: 0.4,
	{'G', 'g'}: 0.2, {'G', 'x'}: 0.5, {'S', 's'}: 0.5, {'j', 'g'}: 0.4,
	{'j', 'y'}: 0.5, {'f', 'v'}: 0.4, {'b', 'p'}: 0.4, {'w', 'v'}: 0.3,
	{'t', 'd'}: 0.6, {'S', 'j'}: 0.6,
}

// subCost is the cost of substituting unit a for unit b.
func subCost(a, b byte) float64 {
	if a == b {
		return 0
	}
	va, vb := isVowelUnit(a), isVowelUnit(b)
	switch {
	case va && vb:
		return vowelCost(a, b)
	case va || vb:
		// semivowels against their vowels
		if (a == 'y' && b == 'i') || (a == 'i' && b == 'y') || (a == 'w' && b == 'u') || (a == 'u' && b == 'w') {
			return 0.2
		}
		return costConsonant + 0.2
	}
	if c, ok := consonantPairs[[2]byte{a, b}]; ok {
		return c
	}
	if c, ok := consonantPairs[[2]byte{b, a}]; ok {
		return c
	}
	return costConsonant
}

// indelCost is the cost of inserting or deleting unit u.
func indelCost(u byte) float64 {
	switch {
	case isVowelUnit(u):
		return costVowelIndel
	case u == 'h' || u == 'y' || u == 'w':
		return costWeakIndel
	}
	return costConsonant
}

// unitDistance is the weighted edit distance between two folded tokens.
func unitDistance(a, b string) float64 {
	if a == b {
		return 0
	}
	prev := make([]float64, len(b)+1)
	cur := make([]float64, len(b)+1)
	for j := 1; j <= len(b); j++ {
		prev[j] = prev[j-1] + indelCost(b[j-1])
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = prev[0] + indelCost(a[i-1])
		for j := 1; j <= len(b); j++ {
			best := prev[j-1] + subCost(a[i-1], b[j-1])
			if d := prev[j] + indelCost(a[i-1]); d < best {
				best = d
			}
			if d := cur[j-1] + indelCost(b[j-1]); d < best {
				best = d
			}
			cur[j] = best
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// consonantCount counts the consonant units of a folded token.
func consonantCount(f string) int {
	n := 0
	for i := 0; i < len(f); i++ {
		if !isVowelUnit(f[i]) {
			n++
		}
	}
	return n
}

// TokenDistance is the transliteration-aware distance between two single
// name tokens: the weighted edit distance of their folded forms divided by
// the larger consonant count. 0 means the same spelling after folding
// ("Qassem", "Qasem"); values under about 0.2 are transliteration
// variants ("Hashimi", "Hashemi", "Kadhimi", "Kazemi").
func TokenDistance(a, b string) float64 {
	return foldedDistance(foldToken(a), foldToken(b))
}

func foldedDistance(fa, fb string) float64 {
	if fa == fb {
		return 0
	}
	n := consonantCount(fa)
	if m := consonantCount(fb); m > n {
		n = m
	}
	if n < 2 {
		n = 2
	}
	return unitDistance(fa, fb) / float64(n)
}
