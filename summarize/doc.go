// Package summarize writes a story's extractive multi-document summary:
// a few sentences taken from the reports, the main event first, chosen
// for centrality (TF-IDF centroid), support across reports and lead
// position, kept non-redundant with maximal marginal relevance, and each
// citing every report that says the same thing.
//
// The work grows linearly with the story: similar sentences are found
// through an inverted index, and in a story of more than 64 copy groups
// support and citations are measured against an evenly spread sample of
// 64 of them (BenchmarkSummarizeLarge shows the cost per report).
package summarize
