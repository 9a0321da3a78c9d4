// Package summarize writes a story's extractive multi-document summary:
// a few sentences taken from the reports, the main event first, chosen
// for centrality (TF-IDF centroid), support across reports and lead
// position, kept non-redundant with maximal marginal relevance, and each
// citing every report that says the same thing.
package summarize
