// Package ner finds named entities (PERSON, ORG, LOC, MISC: the CoNLL-2003
// classes) in a document's cleaned text and writes document.Mention spans
// with a confidence.
//
// The tagger is an averaged perceptron over hashed sparse features with
// BILOU labels, decoded left to right with an adaptive beam (width
// DefaultBeam; hypotheses more than beamMargin in summed local log
// probability behind the best are dropped, so the beam widens only where
// labels are in doubt and costs about as much as greedy decoding).
// Features: the word, its lowercase form, prefixes and suffixes, long and short word shape, words and shapes in a
// ±2 window, sentence-initial and all-caps-headline conditions, the usual
// casing of the word in running text, word clusters (k-means over GloVe
// vectors at three granularities) of the word and its neighbours,
// gazetteer matches (WordNet instances, including names that open with a
// particle such as al-Qaeda or de Gaulle, GeoNames, ISO 3166, ANETAC, npm
// name lists) in BILOU form, Arabic-name structure (al-/el-/ash- article
// with its stem, name particles such as Abu, bin, Abdul, inner apostrophes
// as in Kata'ib, titles such as Sheikh before a name), the previous one and
// two labels, the classes the same word got earlier in the document, and
// capitalized-run features (capsrun.go; Lexicon.RunFeatures, cmd/ner-train
// --run-features, on by default): the token's position in the maximal
// run of capitalized words around it (connectors such as "of" allowed
// inside) and the run's length, its last word and that word's cluster,
// and organization keywords (Bank, Party, Ministry, FC …) within ±3 tokens
// inside the run. They raised CoNLL dev F1 of the five-seed average from
// 0.9229 (without them, unpruned) to 0.9265 (with them and --prune 1;
// seeds alone 0.9185–0.9216 → 0.9235–0.9265).
// Table-line features for rows of sports results did not help and were
// removed: a sentence with a number whose every word with letters was
// capitalized (or a short connector such as "of") counted as a table line,
// and its capitalized tokens got a feature joined with their location
// gazetteer bit and whether a number followed ("Leeds 2 Arsenal 1"). Dev F1
// was 0.9224 with them; with margin training the mean of four single-seed
// models was 0.9392 with them and 0.9385 without. Neither did the cspell
// people-name and company lists as gazetteers help (two seeds: 0.9375 with
// them, 0.9392 without).
//
// After a document is tagged, names tagged with confidence of at least
// Options.Consistent lend their majority class to doubtful entities of the
// same words and to untagged capitalized occurrences elsewhere in the
// document (label consistency; CoNLL dev F1 0.9205 → 0.9215). A person
// named in full also lends PER to the lone surname and to an Arabic
// surname without its article ("Laith el-Obeidi" … "Obeidi had warned";
// dev unchanged at 0.9399).
//
// Training (package ner/train) uses a loss-augmented margin
// (train.Options.Margin, cmd/ner-train --margin, default 40): a token counts as a mistake, and updates the
// weights, until its gold label leads every other allowed label by the
// margin, not just when it loses. It was the largest single gain: CoNLL
// dev F1 of single models (seeds 1 and 2) 0.9252 → 0.9392 with the two
// feature groups below, and 0.9356 without them. Two later feature groups
// (Lexicon.Extra, on by default in cmd/ner-train) add about 0.35 on top:
// capitalized runs end at a title or role word before a name
// (TitleBreak: "Federal Reserve Governor | Lawrence Lindsey"), and
// document-topic features (DocTopic) join the share of sports words and of
// numbers in the document with a capitalized token's gazetteer bits, word
// and cluster, since in sports pages place names are mostly teams.
// Margin-trained scores are larger, so the model stores its softmax
// temperature (Model.Temp, cmd/ner-train --temp 24, chosen by the Brier score
// of dev mention confidences: 0.0432 at 24 against 0.0467 at 16 and 0.0458
// at 32).
//
// The shipped model averages the weights of five models trained with
// different shuffling seeds (cmd/ner-train --seeds, default 5;
// train.Average). The
// averaged model holds the union of the five models' features, many with
// tiny weights; cmd/ner-train --prune (default 2) drops weights below 2 in
// absolute value (train.Prune): on the dev model, 116k → 29k features
// with dev F1 unchanged at 0.9399 (0.9367 at 3), and tagging about 1.5×
// faster than at 1 since the tables fit the cache better. Eight seeds did
// not beat five (dev 0.9374 against 0.9388 for the shipped recipe).
//
// A second stage (two-stage prediction aggregation, Ratinov & Roth 2009)
// was tried and removed: each document was tagged once, then again with
// extra weights for the distribution of first-pass labels the other
// occurrences of each word got anywhere in the document (per class or O,
// single-token or inside a longer name, all / most / some of them, alone,
// with the token's own first-pass class and with its casing), learnt on
// first-pass labels from cross-validation so that they were as noisy as at
// tagging time. It did not help on CoNLL dev (0.9132 against 0.9205 with
// one stage; the document history and context features already carry most
// of that evidence). Model files that carried table-line features or a
// second stage were of format version 1, which ReadModel no longer reads.
//
// # Model file
//
// The model file (flat.go) is a versioned header with a CRC-32C checksum
// and flat little-endian arrays: the weight rows as int16, the feature
// table as open-addressing arrays of keys and rows, the lexicon's words and
// gazetteer phrases as string blobs with offsets and hash slots. Reading
// checks the header, checksum and table invariants and then uses the
// arrays in place, so Load decodes nothing and the embedded model costs
// only the pages tagging touches. The same model always gives the same
// bytes. Files of format version 1 (gzip-compressed gob) are converted by
// `ner-train --convert OLD --out NEW`, keeping the weights.
//
// # Packages
//
// This package is what tagging needs: the model file reader (and writer,
// to keep the format in one place; cmd/ner-train reads the old format), the features, decoding and Annotate.
// Package ner/conll reads CoNLL-2003 files and scores a tagger on them
// (conlleval-style spans, error kinds, Brier score); package ner/train
// trains, averages and prunes models through the training interface of
// encode.go (Encoder, DocHistory, Weights, NewModel), so that training and
// tagging compute the very same features; package ner/lexicon builds the
// word clusters and gazetteers from installed resources. Commands:
// cmd/ner-train, cmd/ner-eval.
//
// Use:
//
//	t, err := ner.Load()               // checks the embedded model once; one shared tagger
//	err = t.Annotate(ctx, doc)         // reads doc.Tokens (the text stage's), writes doc.Mentions
//	g, err := ner.LoadWith(ner.Options{Beam: 1}) // same model, other decoding options
//
// The model (model/ner.bin, embedded) is trained by
//
//	scripts/ner-resources.sh /tmp/nerres
//	go run ./cmd/ner-train --data ../shared/data/conll2003 --resources /tmp/nerres --out ner/model/ner.bin
//
// and evaluated by
//
//	go run ./cmd/corroborate eval ner          # our scores on CoNLL-2003 test and CoNLL++
//	go run ./cmd/corroborate-eval ner          # the same, then the prose/v2 peer in the same run
//	go run ./cmd/ner-eval --model FILE         # the same test scores for another model file
//
// Model selection uses a model trained on train.txt alone, scored on the
// development set:
//
//	go run ./cmd/ner-train --dev --out /tmp/ner-dev.bin   # prints dev scores
//	go run ./cmd/ner-eval --dev --model /tmp/ner-dev.bin --errors 20
//
// (--errors sorts the mistakes into type, boundary, spurious and missed,
// lists the confusions and examples, and prints the Brier score of the
// confidences.)
package ner
