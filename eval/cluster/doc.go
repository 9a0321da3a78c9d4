// Package cluster evaluates the online story clusterer (package cluster)
// against gold event groupings: the Giveme5W1H news_cluster set (419
// articles, 70 events) and ECB+ topics 1–35 (sub-topic = topic folder plus
// the ecb / ecbplus half). It prints B³ and pairwise precision, recall and
// F1 next to a scikit-learn peer (TF-IDF with agglomerative clustering,
// k-means and LSA + k-means) that is given the gold number of clusters.
// The peer script is peer/sklearn_cluster.py, run with /usr/bin/python3 when
// python3-sklearn is installed (skipped with a note otherwise).
//
// The documents go through the cluster command's own steps first (the
// analysis.Tagged preset, cleaning included). go test checks a sample of
// 15 events; go test -tags slow ./eval/... also checks all of news_cluster
// (about 40 s).
package cluster
