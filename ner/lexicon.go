package ner

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Lexicon holds the word-level resources the features consult: word
// clusters from word vectors, gazetteers and a casing table. It is built at
// training time (see package ner/lexicon) and stored inside the model.
type Lexicon struct {
	// Clusters maps a lowercase word to its cluster at three granularities
	// (coarse to fine); ids start at 1, 0 means none.
	Clusters map[string][3]uint16
	// Clusters2 is a second, independent clustering (other k and seed).
	Clusters2 map[string][3]uint16
	// Gazetteer maps a normalized lowercase phrase (tokens joined by one
	// space) to a bit set of classes (1<<classPER …).
	Gazetteer map[string]uint8
	// GazMaxLen is the longest gazetteer phrase in tokens.
	GazMaxLen int
	// Casing maps a lowercase word to its usual casing (caseLower, caseTitle,
	// caseUpper, caseMixed) in running, non-headline text.
	Casing map[string]uint8

	// Proj holds, per lowercase word, the precomputed dense word-vector
	// scores ([embPos][numLabels], int8 times ProjScale); set by Train when
	// train.Options.Vectors is given (package ner/train).
	Proj      map[string][]int8
	ProjScale float32

	// RunFeatures turns on the capitalized-run features (see capsrun.go):
	// position in and length of the run, its first and last words and
	// organization keywords inside it. Off in models that predate it.
	RunFeatures bool
	// Extra switches on feature groups added after the first models
	// (zero in models that predate them).
	Extra FeatureSet

	// tab holds the lexicon in flat tables, the form tagging reads (in
	// place in a model file's bytes); build fills it from the maps.
	tab *lexTables
}

// lexTables is a lexicon in flat tables: every word of Clusters,
// Clusters2, Casing and Proj once, with its values, and the gazetteer.
type lexTables struct {
	words    strTable
	dict     []uint16 // cluster triples
	clusters []uint16 // 2 per word: its entries of dict for Clusters and Clusters2
	casing   []uint8
	proj     []int8 // embPos×numLabels per projected word (the first words)
	gaz      strTable
	gazVals  []uint8
}

type wordInfo struct {
	clusters  [3]uint16
	clusters2 [3]uint16
	casing    uint8
	proj      []int8
}

// word returns what the lexicon knows of the lowercase word w.
func (t *lexTables) word(w string) (wordInfo, bool) {
	if t == nil {
		return wordInfo{}, false
	}
	i := t.words.find(w)
	if i < 0 {
		return wordInfo{}, false
	}
	a, b := 3*int(t.clusters[2*i]), 3*int(t.clusters[2*i+1])
	wi := wordInfo{clusters: [3]uint16{t.dict[a], t.dict[a+1], t.dict[a+2]},
		clusters2: [3]uint16{t.dict[b], t.dict[b+1], t.dict[b+2]}, casing: t.casing[i]}
	const n = embPos * numLabels
	if (i+1)*n <= len(t.proj) {
		wi.proj = t.proj[i*n : (i+1)*n : (i+1)*n]
	}
	return wi, true
}

// gazetteer returns the class bits of a gazetteer phrase.
func (t *lexTables) gazetteer(phrase string) (uint8, bool) {
	if t == nil {
		return 0, false
	}
	if i := t.gaz.find(phrase); i >= 0 {
		return t.gazVals[i], true
	}
	return 0, false
}

// gazetteerBytes is gazetteer for a byte slice.
func (t *lexTables) gazetteerBytes(phrase []byte) (uint8, bool) {
	if t == nil {
		return 0, false
	}
	if i := t.gaz.findBytes(phrase); i >= 0 {
		return t.gazVals[i], true
	}
	return 0, false
}

// maps recovers the lexicon's maps from the tables.
func (t *lexTables) maps(lx *Lexicon) {
	lx.Clusters, lx.Clusters2, lx.Casing, lx.Proj = map[string][3]uint16{}, map[string][3]uint16{}, map[string]uint8{}, map[string][]int8{}
	lx.Gazetteer = make(map[string]uint8, t.gaz.len())
	for i := 0; i < t.words.len(); i++ {
		w := t.words.at(i)
		wi, _ := t.word(w)
		if wi.proj != nil {
			lx.Proj[w] = slices.Clone(wi.proj)
		}
		if wi.clusters != ([3]uint16{}) {
			lx.Clusters[w] = wi.clusters
		}
		if wi.clusters2 != ([3]uint16{}) {
			lx.Clusters2[w] = wi.clusters2
		}
		if wi.casing != 0 {
			lx.Casing[w] = wi.casing
		}
	}
	for i := 0; i < t.gaz.len(); i++ {
		lx.Gazetteer[t.gaz.at(i)] = t.gazVals[i]
	}
}

// lexSections returns the sections holding the lexicon's maps as flat
// tables, with the counts of words, projected words and phrases.
func (lx *Lexicon) lexSections(secs *sections) (words, projected, phrases int, err error) {
	set := make(map[string]bool, len(lx.Clusters2)+len(lx.Casing))
	for w := range lx.Clusters {
		set[w] = true
	}
	for w := range lx.Clusters2 {
		set[w] = true
	}
	for w := range lx.Casing {
		set[w] = true
	}
	for w, p := range lx.Proj {
		if len(p) != embPos*numLabels {
			return 0, 0, 0, fmt.Errorf("word %q has %d vector scores, want %d", w, len(p), embPos*numLabels)
		}
		set[w] = true
	}
	// Projected words first, so that word i < len(Proj) has row i.
	ws := slices.SortedFunc(maps.Keys(set), func(a, b string) int {
		_, pa := lx.Proj[a]
		_, pb := lx.Proj[b]
		if pa != pb {
			if pa {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	if len(ws) > maxStrings || len(lx.Gazetteer) > maxStrings {
		return 0, 0, 0, fmt.Errorf("%d words and %d gazetteer phrases, more than the %d a table holds", len(ws), len(lx.Gazetteer), maxStrings)
	}
	dict := []uint16{0, 0, 0}
	entry := map[[3]uint16]uint16{{}: 0}
	index := func(c [3]uint16) (uint16, error) {
		e, ok := entry[c]
		if !ok {
			if len(entry) > math.MaxUint16 {
				return 0, fmt.Errorf("more than %d distinct cluster triples", math.MaxUint16+1)
			}
			e = uint16(len(entry))
			entry[c] = e
			dict = append(dict, c[:]...)
		}
		return e, nil
	}
	clusters := make([]uint16, 0, 2*len(ws))
	casing := make([]int8, len(ws))
	var proj []int8
	for i, w := range ws {
		a, err := index(lx.Clusters[w])
		if err != nil {
			return 0, 0, 0, err
		}
		b, err := index(lx.Clusters2[w])
		if err != nil {
			return 0, 0, 0, err
		}
		clusters = append(clusters, a, b)
		casing[i] = int8(lx.Casing[w])
		proj = append(proj, lx.Proj[w]...)
	}
	secs[secWordBlob], secs[secWordOff], secs[secWordSlots] = buildStrTable(ws)
	secs[secClusterDict] = putU16s(dict)
	secs[secWordClusters] = putU16s(clusters)
	secs[secWordCasing] = putI8s(casing)
	secs[secProj] = putI8s(proj)
	gs := slices.Sorted(maps.Keys(lx.Gazetteer))
	vals := make([]int8, len(gs))
	for i, g := range gs {
		vals[i] = int8(lx.Gazetteer[g])
	}
	secs[secGazBlob], secs[secGazOff], secs[secGazSlots] = buildStrTable(gs)
	secs[secGazVals] = putI8s(vals)
	return len(ws), len(proj) / (embPos * numLabels), len(gs), nil
}

// newLexTables checks the lexicon sections and returns their tables.
func newLexTables(secs *sections, mt *meta) (*lexTables, error) {
	nw, np, ng := int(mt.words), int(mt.projected), int(mt.gaze)
	t := &lexTables{}
	var err error
	if t.words, err = newStrTable(secs[secWordBlob], secs[secWordOff], secs[secWordSlots], nw, "words"); err != nil {
		return nil, err
	}
	if t.gaz, err = newStrTable(secs[secGazBlob], secs[secGazOff], secs[secGazSlots], ng, "gazetteer"); err != nil {
		return nil, err
	}
	switch {
	case len(secs[secWordClusters]) != 4*nw:
		return nil, fmt.Errorf("word clusters: %d bytes for %d words", len(secs[secWordClusters]), nw)
	case len(secs[secClusterDict])%6 != 0 || len(secs[secClusterDict]) == 0:
		return nil, fmt.Errorf("cluster triples: %d bytes", len(secs[secClusterDict]))
	case len(secs[secWordCasing]) != nw:
		return nil, fmt.Errorf("word casing: %d bytes for %d words", len(secs[secWordCasing]), nw)
	case np > nw || len(secs[secProj]) != np*embPos*numLabels:
		return nil, fmt.Errorf("vector scores: %d bytes for %d words", len(secs[secProj]), np)
	case len(secs[secGazVals]) != ng:
		return nil, fmt.Errorf("gazetteer classes: %d bytes for %d phrases", len(secs[secGazVals]), ng)
	}
	t.dict = u16s(secs[secClusterDict])
	t.clusters = u16s(secs[secWordClusters])
	t.casing = u8s(secs[secWordCasing])
	t.proj = i8s(secs[secProj])
	t.gazVals = u8s(secs[secGazVals])
	for _, e := range t.clusters {
		if int(e) >= len(t.dict)/3 {
			return nil, fmt.Errorf("word clusters: triple %d of %d", e, len(t.dict)/3)
		}
	}
	return t, nil
}

// build prepares the lexicon's lookup tables from its maps.
func (lx *Lexicon) build() error {
	var secs sections
	nw, np, ng, err := lx.lexSections(&secs)
	if err != nil {
		return err
	}
	lx.tab, err = newLexTables(&secs, &meta{words: uint32(nw), projected: uint32(np), gaze: uint32(ng)})
	return err
}

// gazPrefix marks a gazetteer key that starts a longer phrase.
const gazPrefix = 0x80

// GazetteerClass names the class bits used in Lexicon.Gazetteer.
func GazetteerClass(name string) uint8 {
	i := classIndex(name)
	if i < 0 {
		return 0
	}
	return 1 << uint(i)
}

// AddPhrase adds a phrase of the given class (PER, ORG, LOC, MISC) to the
// gazetteer, tokenizing it like running text.
func (lx *Lexicon) AddPhrase(phrase, class string) {
	bit := GazetteerClass(class)
	if bit == 0 || phrase == "" {
		return
	}
	toks := phraseTokens(phrase)
	if len(toks) == 0 || len(toks) > 8 {
		return
	}
	key := make([]byte, 0, len(phrase))
	for i, t := range toks {
		if i > 0 {
			key = append(key, ' ')
		}
		key = append(key, lowerWord(normWord(phrase[t.Start:t.End]))...)
	}
	if lx.Gazetteer == nil {
		lx.Gazetteer = map[string]uint8{}
	}
	lx.Gazetteer[string(key)] |= bit
	for i, c := range key {
		if c == ' ' {
			lx.Gazetteer[string(key[:i])] |= gazPrefix
		}
	}
	if len(toks) > lx.GazMaxLen {
		lx.GazMaxLen = len(toks)
	}
}

// FeatureSet is a bit set of optional feature groups a model was trained
// with; it is stored in the model file so that tagging uses the same ones.
type FeatureSet uint32

// The optional feature groups.
const (
	// TitleBreak ends a capitalized run at a title or role word before a
	// name ("Federal Reserve Governor | Lawrence Lindsey").
	TitleBreak FeatureSet = 1 << iota
	// DocTopic adds the document-topic features (doccontext.go): sports
	// vocabulary and numbers in the document, joined with a capitalized
	// token's gazetteer bits, word and cluster.
	DocTopic
)

// Has reports whether every group of g is in fs.
func (fs FeatureSet) Has(g FeatureSet) bool { return fs&g == g }
