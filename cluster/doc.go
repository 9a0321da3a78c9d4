// Package cluster groups a stream of reports into stories online: each
// document is compared with the live story clusters as it arrives and either
// joins the most similar one or starts a new story.
//
// A document is represented by a TF-IDF vector of its content words (the
// title's, and the text stage's word tokens; title and lead weighted up, document frequencies learnt incrementally from the
// stream), a vector of its named-entity mentions (NER layer) and of the years
// and months its dates name (timex layer), and its publication date.
// Similarity to a cluster is a weighted cosine of both vectors against the
// cluster centroid, decayed by the distance in days between the document and
// the cluster's date range. An inverted index from terms to clusters limits
// the candidates, and clusters idle for longer than the time window leave
// the index, so the cost per document stays roughly constant.
//
// Typical use, after the per-document stages (text, ner, timex: the
// analysis.Tagged preset):
//
//	c := cluster.New(cluster.Options{})
//	for _, d := range earlier { // optional: warm up document frequencies
//		c.Observe(d)
//	}
//	for _, d := range docs { // in stream order, e.g. by publication date
//		c.Add(d)
//	}
//	for _, s := range c.Stories() { … }
//
// Options.MergeThreshold optionally merges two live stories whose centroids
// meet; Stories then gives the final grouping. Results are deterministic
// for the same input order.
package cluster
