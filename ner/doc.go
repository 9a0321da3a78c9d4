// Package ner finds named entities (PERSON, ORG, LOC, MISC: the CoNLL-2003
// classes) in a document's cleaned text and writes document.Mention spans
// with a confidence.
//
// The tagger is an averaged perceptron over hashed sparse features with
// BILOU labels, decoded left to right with an adaptive beam (width
// DefaultBeam; hypotheses more than beamMargin in summed local log
// probability behind the best are dropped, so the beam widens only where
// labels are in doubt and costs about as much as greedy decoding). Features: the word, its lowercase form,
// prefixes and suffixes, long and short word shape, words and shapes in a
// ±2 window, sentence-initial and all-caps-headline conditions, the usual
// casing of the word in running text, word clusters (k-means over GloVe
// vectors at three granularities) of the word and its neighbours,
// gazetteer matches (WordNet instances, GeoNames, ISO 3166, ANETAC, npm
// name lists) in BILOU form, Arabic-name structure (al-/el-/ash- article
// with its stem, name particles such as Abu, bin, Abdul, inner apostrophes
// as in Kata'ib, titles such as Sheikh before a name), the previous one and
// two labels, and the classes the same word got earlier in the document.
//
// Use:
//
//	t, err := ner.Load()               // decodes the embedded model once
//	err = t.Annotate(ctx, doc)         // reads doc.Tokens/Sentences, writes doc.Mentions
//
// The model (model/ner.bin, embedded) is trained by
//
//	scripts/ner-resources.sh /tmp/nerres
//	go run ./ner/cmd/ner-train --data ../shared/data/conll2003 --resources /tmp/nerres --out ner/model/ner.bin
//
// and evaluated by
//
//	go run ./ner/cmd/ner-eval --data ../shared/data/conll2003
package ner
