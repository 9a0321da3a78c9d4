// Package train trains the named-entity model of package ner: an averaged
// perceptron over the tagger's own features (read through ner.Encoder, so
// training and tagging cannot compute different ones), with greedy BILOU
// decoding and an optional loss-augmented margin (Train), dense
// word-vector scores projected into the lexicon, the average of models
// trained with different seeds (Average), weight pruning (Prune) and the
// usual-casing table (BuildCasing). Nothing here runs at tagging time; the
// command is cmd/ner-train, and the package doc of ner records which
// features and settings were kept and the development figures that chose
// them.
package train
