package claim

import (
	"unicode"

	"github.com/corroborate/corroborate/document"
)

// ShingleSize is the number of words in a shingle.
const ShingleSize = 5

// Shingle is the hash of ShingleSize consecutive words, with the span of
// text it covers.
type Shingle struct {
	Hash uint64
	Span document.Span
}

// Shingles returns the word k-shingles of text[sp] (words are lower-cased
// runs of letters and digits; punctuation is ignored).
func Shingles(text string, sp document.Span, k int) []Shingle {
	type wd struct{ s, e int }
	var ws []wd
	i := sp.Start
	for i < sp.End {
		for i < sp.End && !isWordByte(text, i) {
			i += runeLen(text, i)
		}
		j := i
		for j < sp.End && isWordByte(text, j) {
			j += runeLen(text, j)
		}
		if j > i {
			ws = append(ws, wd{i, j})
		}
		i = j
	}
	if len(ws) < k {
		return nil
	}
	// Hash each word once (FNV-1a over its lower-cased bytes), then chain
	// k word hashes into a shingle hash.
	wh := make([]uint64, len(ws))
	for i, w := range ws {
		h := uint64(14695981039346656037)
		for _, r := range text[w.s:w.e] {
			r = unicode.ToLower(r)
			for r > 0 {
				h ^= uint64(r & 0xff)
				h *= 1099511628211
				r >>= 8
			}
		}
		wh[i] = h
	}
	out := make([]Shingle, 0, len(ws)-k+1)
	for a := 0; a+k <= len(ws); a++ {
		h := uint64(k)
		for b := a; b < a+k; b++ {
			h = splitmix(h ^ wh[b])
		}
		out = append(out, Shingle{Hash: h, Span: document.Span{Start: ws[a].s, End: ws[a+k-1].e}})
	}
	return out
}

func runeLen(s string, i int) int {
	c := s[i]
	switch {
	case c < 0x80:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

func isWordByte(s string, i int) bool {
	c := s[i]
	if c < 0x80 {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	for _, r := range s[i:min(len(s), i+4)] {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

// MinHasher computes MinHash signatures with a fixed number of hash
// functions, each the shingle hash mixed with its own seed.
type MinHasher struct {
	seeds []uint64
}

// NewMinHasher returns a MinHasher with n hash functions (128 is the
// default the Comparer uses).
func NewMinHasher(n int) *MinHasher {
	m := &MinHasher{seeds: make([]uint64, n)}
	x := uint64(0x9E3779B97F4A7C15)
	for i := range m.seeds {
		x = splitmix(x)
		m.seeds[i] = x
	}
	return m
}

// splitmix is the SplitMix64 finalizer, a fast well-mixing bijection.
func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// Signature returns the MinHash signature of a set of shingle hashes; an
// empty set gives all-ones values that match nothing real.
func (m *MinHasher) Signature(hashes []uint64) []uint64 {
	sig := make([]uint64, len(m.seeds))
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, h := range hashes {
		for i, s := range m.seeds {
			if v := splitmix(h ^ s); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// EstimateJaccard returns the share of equal positions in two signatures
// of the same MinHasher: an estimate of the Jaccard similarity of the sets.
func EstimateJaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] && a[i] != ^uint64(0) {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}
