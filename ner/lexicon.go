package ner

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

	// words joins Clusters, Clusters2 and Casing for one lookup per token.
	words map[string]wordInfo
	// split is set when the separate maps were dropped after joining.
	split bool
}

// unjoin recovers the separate maps from the joined word table.
func (lx *Lexicon) unjoin() (clusters, clusters2 map[string][3]uint16, casing map[string]uint8, proj map[string][]int8) {
	clusters, clusters2, casing, proj = map[string][3]uint16{}, map[string][3]uint16{}, map[string]uint8{}, map[string][]int8{}
	for w, wi := range lx.words {
		if wi.proj != nil {
			proj[w] = wi.proj
		}
		if wi.clusters != ([3]uint16{}) {
			clusters[w] = wi.clusters
		}
		if wi.clusters2 != ([3]uint16{}) {
			clusters2[w] = wi.clusters2
		}
		if wi.casing != 0 {
			casing[w] = wi.casing
		}
	}
	return clusters, clusters2, casing, proj
}

type wordInfo struct {
	clusters  [3]uint16
	clusters2 [3]uint16
	casing    uint8
	proj      []int8
}

// build prepares the lexicon's lookup tables (after its maps are set).
func (lx *Lexicon) build() {
	lx.words = make(map[string]wordInfo, len(lx.Clusters)+len(lx.Casing))
	for w, c := range lx.Clusters {
		lx.words[w] = wordInfo{clusters: c}
	}
	for w, c := range lx.Clusters2 {
		wi := lx.words[w]
		wi.clusters2 = c
		lx.words[w] = wi
	}
	for w, c := range lx.Casing {
		wi := lx.words[w]
		wi.casing = c
		lx.words[w] = wi
	}
	for w, p := range lx.Proj {
		wi := lx.words[w]
		wi.proj = p
		lx.words[w] = wi
	}
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
