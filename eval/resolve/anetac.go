// Package resolve evaluates the name matching of package resolve on the
// ANETAC English–Arabic name pairs: Latin spellings of the same Arabic
// name are positive pairs, spellings of different Arabic names negative
// ones (random pairs and "hard" pairs within edit distance 2). The groups
// are split by a hash of the Arabic form into a tuning half and a test
// half; thresholds are chosen on the tuning half and scores reported on
// the test half, next to the jellyfish library when it is installed.
package resolve

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/resolve"
)

// group is the Latin spellings of one Arabic name.
type group struct {
	arabic   string
	variants []string
}

// pair is one labelled name pair.
type pair struct {
	a, b string
	// kind is "pos", "rand" (random negative) or "hard" (negative within
	// edit distance 2).
	kind string
}

// variantsFile is the derived ANETAC file, relative to the anetac folder.
const variantsFile = "derived/arabic_form_latin_variants.tsv"

// findANETAC returns the anetac folder: dataDir itself or dataDir/anetac.
func findANETAC(dataDir string) (string, error) {
	for _, dir := range []string{dataDir, filepath.Join(dataDir, "anetac"), filepath.Join(dataDir, "data", "anetac")} {
		if _, err := os.Stat(filepath.Join(dir, variantsFile)); err == nil {
			return dir, nil
		}
	}
	return "", fmt.Errorf("evaluating resolve: %s not found in %s or %s", variantsFile, dataDir, filepath.Join(dataDir, "anetac"))
}

// readGroups reads the variant groups of class cls from path.
func readGroups(path, cls string) ([]group, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading ANETAC variants: %w", err)
	}
	defer f.Close()
	var out []group
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue // header
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 4 {
			return nil, fmt.Errorf("reading %s line %d: want 4 tab-separated columns, got %d", path, line, len(cols))
		}
		if cols[0] != cls {
			continue
		}
		vs := strings.Split(cols[3], "|")
		if len(vs) < 2 {
			continue
		}
		out = append(out, group{arabic: cols[1], variants: vs})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return out, nil
}

// split divides groups into tuning and test halves by a hash of the
// Arabic form.
func split(groups []group) (tune, test []group) {
	for _, g := range groups {
		h := fnv.New32a()
		h.Write([]byte(g.arabic))
		if h.Sum32()%2 == 0 {
			tune = append(tune, g)
		} else {
			test = append(test, g)
		}
	}
	return tune, test
}

// makePairs builds positive pairs (all pairs within a group) and as many
// random and hard negatives, deterministically from seed.
func makePairs(groups []group, seed uint64) []pair {
	var out []pair
	positive := map[[2]string]bool{}
	for _, g := range groups {
		for i := range g.variants {
			for j := i + 1; j < len(g.variants); j++ {
				a, b := g.variants[i], g.variants[j]
				out = append(out, pair{a, b, "pos"})
				positive[key(a, b)] = true
			}
		}
	}
	npos := len(out)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	negOK := func(a, b string) bool {
		return !strings.EqualFold(a, b) && !positive[key(a, b)]
	}
	for n, tries := 0, 0; n < npos && tries < 20*npos && len(groups) > 1; tries++ {
		g1, g2 := rng.IntN(len(groups)), rng.IntN(len(groups))
		if g1 == g2 {
			continue
		}
		a := groups[g1].variants[rng.IntN(len(groups[g1].variants))]
		b := groups[g2].variants[rng.IntN(len(groups[g2].variants))]
		if !negOK(a, b) {
			continue
		}
		out = append(out, pair{a, b, "rand"})
		n++
	}
	// Hard negatives: names of different groups within edit distance 2,
	// blocked by first letter.
	type named struct {
		lower string
		orig  string
		group int
	}
	buckets := map[byte][]named{}
	for gi, g := range groups {
		for _, v := range g.variants {
			l := strings.ToLower(v)
			buckets[l[0]] = append(buckets[l[0]], named{l, v, gi})
		}
	}
	var letters []byte
	for b := range buckets {
		letters = append(letters, b)
	}
	sort.Slice(letters, func(i, j int) bool { return letters[i] < letters[j] })
	var hard []pair
	seen := map[[2]string]bool{}
	for _, c := range letters {
		names := buckets[c]
		for i := range names {
			for j := i + 1; j < len(names); j++ {
				x, y := names[i], names[j]
				if x.group == y.group || abs(len(x.lower)-len(y.lower)) > 2 {
					continue
				}
				k := key(x.orig, y.orig)
				if seen[k] || !negOK(x.orig, y.orig) {
					continue
				}
				if levenshtein(x.lower, y.lower) <= 2 {
					seen[k] = true
					hard = append(hard, pair{x.orig, y.orig, "hard"})
				}
			}
		}
	}
	rng.Shuffle(len(hard), func(i, j int) { hard[i], hard[j] = hard[j], hard[i] })
	if len(hard) > npos {
		hard = hard[:npos]
	}
	return append(out, hard...)
}

func key(a, b string) [2]string {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// levenshtein is the plain edit distance between two byte strings.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			if prev[j]+1 < c {
				c = prev[j] + 1
			}
			if cur[j-1]+1 < c {
				c = cur[j-1] + 1
			}
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// scores are pair-decision results.
type scores struct {
	P, R, F1          float64
	FARRand, FARHard  float64
	TP, FP, FN, NRand int
	NHard, AcceptRand int
	AcceptHard        int
}

// score applies decide to every pair.
func score(pairs []pair, decide func(a, b string) bool) scores {
	var s scores
	for _, p := range pairs {
		same := decide(p.a, p.b)
		switch p.kind {
		case "pos":
			if same {
				s.TP++
			} else {
				s.FN++
			}
		case "rand":
			s.NRand++
			if same {
				s.FP++
				s.AcceptRand++
			}
		case "hard":
			s.NHard++
			if same {
				s.FP++
				s.AcceptHard++
			}
		}
	}
	if s.TP+s.FP > 0 {
		s.P = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.R = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	if s.NRand > 0 {
		s.FARRand = float64(s.AcceptRand) / float64(s.NRand)
	}
	if s.NHard > 0 {
		s.FARHard = float64(s.AcceptHard) / float64(s.NHard)
	}
	return s
}

// oursAt returns our decision function at a token threshold: a resolver
// with that SameThreshold (and the default NisbaThreshold) calling the
// names one.
func oursAt(threshold float64) (func(a, b string) bool, error) {
	r, err := resolve.New(resolve.Options{SameThreshold: threshold})
	if err != nil {
		return nil, fmt.Errorf("evaluating resolve at threshold %.2f: %w", threshold, err)
	}
	return func(a, b string) bool { return r.Same(a, b) == resolve.FullMatch }, nil
}

// scoreAt scores our matcher at a token threshold on pairs.
func scoreAt(pairs []pair, threshold float64) (scores, error) {
	decide, err := oursAt(threshold)
	if err != nil {
		return scores{}, err
	}
	return score(pairs, decide), nil
}

// Seed is the seed of the negative sampling.
const Seed = 20200706

// Run evaluates on dataDir (the anetac folder or a folder holding it) and
// prints the threshold sweep on the tuning half, the test-half scores of
// our matcher and of the jellyfish peer, then, when the ecbplus folder
// lies beside anetac, ECB+ cross-document entity coreference (MUC, B³,
// CEAF-e, CoNLL F1), and finally "PairF1 <test F1>" for ANETAC PERSON
// names at the package's default threshold.
func Run(ctx context.Context, dataDir string, w io.Writer) error {
	dir, err := findANETAC(dataDir)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, variantsFile)
	groups, err := readGroups(path, "PERSON")
	if err != nil {
		return err
	}
	if len(groups) < 4 {
		return fmt.Errorf("evaluating resolve: only %d PERSON groups in %s", len(groups), path)
	}
	tuneG, testG := split(groups)
	tune, test := makePairs(tuneG, Seed), makePairs(testG, Seed+1)
	fmt.Fprintf(w, "ANETAC PERSON variant groups: %d (tune %d, test %d)\n", len(groups), len(tuneG), len(testG))
	fmt.Fprintf(w, "pairs tune: %s\npairs test: %s\n\n", countKinds(tune), countKinds(test))

	fmt.Fprintln(w, "threshold sweep on the tuning half (ours):")
	best, bestF := 0.0, -1.0
	for t := 0.10; t <= 0.401; t += 0.02 {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := scoreAt(tune, t)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  t=%.2f  P %.4f  R %.4f  F1 %.4f\n", t, s.P, s.R, s.F1)
		if s.F1 > bestF {
			best, bestF = t, s.F1
		}
	}
	fmt.Fprintf(w, "best on tune: t=%.2f (F1 %.4f); package default SameThreshold=%.2f\n\n", best, bestF, resolve.DefaultSameThreshold)

	fmt.Fprintln(w, "test half (method, threshold, P, R, F1, false accepts random / hard):")
	def, err := scoreAt(test, resolve.DefaultSameThreshold)
	if err != nil {
		return err
	}
	tuned, err := scoreAt(test, best)
	if err != nil {
		return err
	}
	row := func(name string, t float64, s scores) {
		fmt.Fprintf(w, "  %-26s %.2f  P %.4f  R %.4f  F1 %.4f  FA rand %.4f  hard %.4f\n", name, t, s.P, s.R, s.F1, s.FARRand, s.FARHard)
	}
	row("corroborate (default)", resolve.DefaultSameThreshold, def)
	row("corroborate (tuned)", best, tuned)
	row("exact (case-insensitive)", 0, score(test, strings.EqualFold))
	row("levenshtein<=1", 1, score(test, func(a, b string) bool { return levenshtein(strings.ToLower(a), strings.ToLower(b)) <= 1 }))
	if err := runPeer(ctx, tune, test, w, row); err != nil {
		fmt.Fprintf(w, "  peer jellyfish: not run (%v)\n", err)
	}
	fmt.Fprintln(w)
	for _, cls := range []string{"LOCATION", "ORGANIZATION"} {
		gs, err := readGroups(path, cls)
		if err != nil {
			return err
		}
		_, tg := split(gs)
		if len(tg) < 2 {
			continue
		}
		s, err := scoreAt(makePairs(tg, Seed+2), resolve.DefaultSameThreshold)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "other class %s (test half, %d groups): P %.4f R %.4f F1 %.4f\n", cls, len(tg), s.P, s.R, s.F1)
	}
	if ecb, ok := findECB(dataDir, dir); ok {
		fmt.Fprintln(w)
		if _, err := runECB(ctx, ecb, w); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(w, "ECB+ not found beside the ANETAC folder: cross-document coreference not run")
	}
	fmt.Fprintf(w, "PairF1 %.4f\n", def.F1)
	return nil
}

// findECB looks for the ecbplus folder in dataDir or beside the anetac
// folder.
func findECB(dataDir, anetacDir string) (string, bool) {
	for _, dir := range []string{filepath.Join(dataDir, "ecbplus"), filepath.Join(filepath.Dir(anetacDir), "ecbplus")} {
		if _, err := os.Stat(filepath.Join(dir, "ECBplus_coreference_sentences.csv")); err == nil {
			return dir, true
		}
	}
	return "", false
}

func countKinds(ps []pair) string {
	c := map[string]int{}
	for _, p := range ps {
		c[p.kind]++
	}
	return fmt.Sprintf("%d positive, %d random negative, %d hard negative", c["pos"], c["rand"], c["hard"])
}
